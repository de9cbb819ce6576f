"""Two coordinators on one database: a save based on an old plan version is refused, never an overwrite."""

from __future__ import annotations

import threading
from datetime import date
from typing import Iterator

import pytest

from models.domain import Assignment, Problem, Roster
from models.i18n import language, set_language
from models.storage import ConcurrentEdit, Database


@pytest.fixture
def two(db_url: str) -> Iterator[tuple[Database, Database]]:
    """Two coordinators, 佐藤 and tanaka, each with their own connection to one database."""
    first, second = Database(db_url, user="佐藤"), Database(db_url, user="tanaka")
    yield first, second
    first.close()
    second.close()


@pytest.fixture
def english() -> Iterator[None]:
    before = language()
    set_language("en")
    yield
    set_language(before)


def _roster(problem: Problem, staff_id: str) -> Roster:
    return Roster([Assignment(staff_id, problem.requirements[0].id, source="manual")])


def test_second_save_on_an_old_version_is_refused(two: tuple[Database, Database], problem: Problem,
                                                  english: None) -> None:
    sato, tanaka = two
    assert sato.save_problem(problem.name, problem, expected_version=0) == 1
    sato.load_problem(problem.name)
    tanaka.load_problem(problem.name)
    assert sato.known_version(problem.name) == tanaka.known_version(problem.name) == 1

    sato.save_solution(problem.name, _roster(problem, "H001"), expected_version=sato.known_version(problem.name))
    with pytest.raises(ConcurrentEdit) as refused:
        tanaka.save_solution(problem.name, _roster(problem, "H003"),
                             expected_version=tanaka.known_version(problem.name))
    message = str(refused.value)
    assert "changed by 佐藤" in message and "you opened version 1" in message and "now version 2" in message
    assert "Reload the plan" in message
    assert refused.value.who == "佐藤" and refused.value.when is not None
    # Nothing of tanaka's was written: one version, sato's roster, no audit line for the refusal.
    assert [s.version for s in tanaka.list_solutions(problem.name)] == [1]
    assert tanaka.load_solution(problem.name, 1) == _roster(problem, "H001")
    assert [e.who for e in tanaka.audit_log(problem.name)] == ["佐藤", "佐藤"]

    # After reloading, tanaka's save goes through.
    tanaka.load_problem(problem.name)
    tanaka.save_solution(problem.name, _roster(problem, "H003"), expected_version=tanaka.known_version(problem.name))
    assert [s.version for s in sato.list_solutions(problem.name)] == [1, 2]
    assert tanaka.known_version(problem.name) == sato.plan_version(problem.name) == 3


def test_every_kind_of_write_is_checked(two: tuple[Database, Database], problem: Problem) -> None:
    sato, tanaka = two
    sato.save_problem(problem.name, problem)
    v1 = sato.save_solution(problem.name, Roster())
    stale = tanaka.plan_version(problem.name)
    sato.save_problem(problem.name, problem.with_(min_rest_minutes=30))
    with pytest.raises(ConcurrentEdit):
        tanaka.save_problem(problem.name, problem, expected_version=stale)
    with pytest.raises(ConcurrentEdit):
        tanaka.publish(problem.name, v1, expected_version=stale)
    with pytest.raises(ConcurrentEdit):
        tanaka.save_solution(problem.name, Roster(), version=v1, expected_version=stale)
    with pytest.raises(ConcurrentEdit):
        tanaka.delete_plan(problem.name, expected_version=stale)
    assert sato.load_problem(problem.name).min_rest_minutes == 30
    assert [s.status for s in sato.list_solutions(problem.name)] == ["draft"]


def test_creating_a_plan_someone_else_created(two: tuple[Database, Database], problem: Problem,
                                              english: None) -> None:
    sato, tanaka = two
    sato.save_problem(problem.name, problem, expected_version=0)
    with pytest.raises(ConcurrentEdit, match="already created by 佐藤"):
        tanaka.save_problem(problem.name, problem.with_(requirements=[]), expected_version=0)
    assert len(tanaka.load_problem(problem.name).requirements) == 3


def test_a_deleted_plan_is_reported_as_deleted(two: tuple[Database, Database], problem: Problem) -> None:
    sato, tanaka = two
    sato.save_problem(problem.name, problem)
    tanaka.load_problem(problem.name)
    sato.delete_plan(problem.name)
    before = language()
    set_language("ja")
    try:
        with pytest.raises(ConcurrentEdit, match="佐藤 さんが .* に削除しました。何も保存していません"):
            tanaka.save_problem(problem.name, problem, expected_version=tanaka.known_version(problem.name))
    finally:
        set_language(before)
    assert tanaka.list_plans() == []


def test_simultaneous_saves_one_wins(two: tuple[Database, Database], problem: Problem) -> None:
    sato, tanaka = two
    sato.save_problem(problem.name, problem)
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(db: Database, staff_id: str) -> None:
        start.wait()
        try:
            db.save_solution(problem.name, _roster(problem, staff_id), expected_version=1)
            outcomes[db.user] = "saved"
        except ConcurrentEdit:
            outcomes[db.user] = "refused"

    threads = [threading.Thread(target=save, args=(sato, "H001")), threading.Thread(target=save, args=(tanaka, "H003"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes.values()) == ["refused", "saved"]
    assert len(sato.list_solutions(problem.name)) == 1
    assert sato.plan_version(problem.name) == 2


def test_without_expected_version_writes_as_before(two: tuple[Database, Database], problem: Problem) -> None:
    sato, tanaka = two
    sato.save_problem(problem.name, problem)
    tanaka.save_problem(problem.name, problem.with_(end=date(2026, 4, 20)))
    assert sato.load_problem(problem.name).end == date(2026, 4, 20)
    assert sato.audit_log(problem.name)[0].detail.endswith("plan_version=2")
