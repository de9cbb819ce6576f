"""Solution versions: numbering, drafts replaced in place, published versions frozen, audit and version counter."""

from __future__ import annotations

import pytest

from models.domain import Assignment, Problem, Roster
from models.storage import Database, FrozenVersion, SolutionNotFound


@pytest.fixture
def saved(db: Database, problem: Problem) -> Problem:
    db.save_problem(problem.name, problem)
    return problem


def _roster(problem: Problem, *staff: str) -> Roster:
    return Roster([Assignment(s, problem.requirements[0].id) for s in staff])


def test_versions_count_up(db: Database, saved: Problem) -> None:
    assert db.latest_solution(saved.name) is None
    assert db.save_solution(saved.name, _roster(saved, "H001")) == 1
    assert db.save_solution(saved.name, _roster(saved, "H003")) == 2
    assert db.latest_solution(saved.name) == (2, _roster(saved, "H003"))
    summaries = db.list_solutions(saved.name)
    assert [(s.version, s.status, s.assignments) for s in summaries] == [(1, "draft", 1), (2, "draft", 1)]


def test_publish_freezes_a_version(db: Database, saved: Problem) -> None:
    v1 = db.save_solution(saved.name, _roster(saved, "H001"))
    db.publish(saved.name, v1)
    with pytest.raises(FrozenVersion, match=str(v1)):
        db.save_solution(saved.name, _roster(saved, "H003"), version=v1)
    assert db.load_solution(saved.name, v1) == _roster(saved, "H001")
    assert db.latest_solution(saved.name, "published") == (1, _roster(saved, "H001"))
    assert db.latest_solution(saved.name, "draft") is None
    # Work goes on in a new draft.
    assert db.save_solution(saved.name, _roster(saved, "H003")) == 2


def test_a_draft_can_be_saved_over(db: Database, saved: Problem) -> None:
    v1 = db.save_solution(saved.name, _roster(saved, "H001"), stats={"objective": 5})
    assert db.save_solution(saved.name, _roster(saved, "H003", "H001"), version=v1, stats={"objective": 2}) == v1
    assert db.load_solution(saved.name, v1) == _roster(saved, "H003", "H001")
    assert [(s.version, s.stats) for s in db.list_solutions(saved.name)] == [(1, {"objective": 2})]


def test_saving_directly_as_published(db: Database, saved: Problem) -> None:
    v1 = db.save_solution(saved.name, _roster(saved, "H001"), status="published")
    with pytest.raises(FrozenVersion):
        db.save_solution(saved.name, Roster(), version=v1)


def test_unknown_version_and_status(db: Database, saved: Problem) -> None:
    with pytest.raises(SolutionNotFound):
        db.load_solution(saved.name, 7)
    with pytest.raises(SolutionNotFound):
        db.publish(saved.name, 7)
    with pytest.raises(SolutionNotFound):
        db.save_solution(saved.name, Roster(), version=7)
    with pytest.raises(ValueError):
        db.save_solution(saved.name, Roster(), status="final")


def test_every_write_bumps_the_plan_version(db: Database, saved: Problem) -> None:
    assert db.plan_version(saved.name) == 1
    v1 = db.save_solution(saved.name, _roster(saved, "H001"))
    assert db.plan_version(saved.name) == 2
    db.publish(saved.name, v1)
    assert db.plan_version(saved.name) == 3
    db.save_problem(saved.name, saved)
    assert db.plan_version(saved.name) == 4
    with pytest.raises(FrozenVersion):
        db.save_solution(saved.name, Roster(), version=v1)
    assert db.plan_version(saved.name) == 4  # a refused write counts nothing


def test_every_write_is_audited(db: Database, saved: Problem) -> None:
    v1 = db.save_solution(saved.name, _roster(saved, "H001"))
    db.publish(saved.name, v1)
    entries = db.audit_log(saved.name)
    assert [e.action for e in entries] == ["publish", "save_solution", "save_problem"]
    assert all(e.who == db.user and e.who for e in entries)
    assert "version=1" in entries[0].detail and "staff=3" in entries[2].detail
    assert entries[0].at >= entries[2].at


def test_input_for_another_period_does_not_replace_a_plan_with_rosters(db: Database, saved: Problem) -> None:
    """Next month's workbook, copied from this one with its 計画名 unchanged, is refused: the plan's
    rosters name this month's sessions. Without rosters the period may still change."""
    from datetime import timedelta

    from models.storage import OtherPeriod

    db.publish(saved.name, db.save_solution(saved.name, _roster(saved, "H001")))
    later = saved.with_(start=saved.start + timedelta(days=30), end=saved.end + timedelta(days=30), requirements=[])
    with pytest.raises(OtherPeriod, match="設定シートの「計画名」|計画名"):
        db.save_problem(saved.name, later)
    assert db.load_problem(saved.name).requirements == saved.requirements
    db.save_problem("empty", saved)
    db.save_problem("empty", later)
    assert db.load_problem("empty").start == later.start
