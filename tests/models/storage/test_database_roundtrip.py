"""A plan's Problem and Roster come back exactly as saved, on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Callable

import pytest
from sqlalchemy import select

from models.domain import Assignment, Mark, Problem, Requirement, Roster, Site
from models.storage import Database, PlanNotFound, UnknownReference
from models.storage.orm import SiteRow


def test_problem_round_trip(db: Database, problem: Problem) -> None:
    db.save_problem(problem.name, problem)
    loaded = db.load_problem(problem.name)
    assert loaded == problem
    assert loaded.staff_by_id("H001").max_per_activity == (("3歳児健診", 4), ("妊婦歯科健診", 2))
    assert loaded.site("西") == Site("西")  # referenced only by a session: not in the plan's list
    assert loaded.mark("H003", date(2026, 4, 3)) is Mark.PM_ONLY
    assert loaded.locked == [] and loaded.published is None


def test_leave_round_trip(db: Database, problem: Problem) -> None:
    """A day of leave (有休, 研修) comes back as written; a mark edited to ○ since keeps none."""
    day, other = date(2026, 4, 3), date(2026, 4, 4)
    away = problem.with_(availability={**problem.availability, ("H001", day): Mark.UNAVAILABLE,
                                       ("H002", other): Mark.AVAILABLE},
                         leave={("H001", day): "有休", ("H002", other): "研修"})
    db.save_problem(away.name, away)
    loaded = db.load_problem(away.name)
    assert loaded.leave == {("H001", day): "有休"}
    assert loaded.leave_days("H001") == {day} and loaded.leave_days("H002") == set()


def test_hours_free_round_trip(db: Database, problem: Problem) -> None:
    """The hours given with a mark (`15時から`, `〜12時`) come back; a day marked × since keeps none."""
    day, other, third = date(2026, 4, 3), date(2026, 4, 4), date(2026, 4, 5)
    free = problem.with_(availability={**problem.availability, ("H001", day): Mark.AVAILABLE,
                                       ("H002", other): Mark.PREFER_NOT, ("H001", third): Mark.UNAVAILABLE},
                         windows={("H001", day): (900, None), ("H002", other): (0, 720), ("H001", third): (600, 900)})
    db.save_problem(free.name, free)
    loaded = db.load_problem(free.name)
    assert loaded.windows == {("H001", day): (900, None), ("H002", other): (0, 720)}
    assert not loaded.allows("H001", day, 540, 720) and loaded.allows("H001", day, 900, 1200)


def test_shifts_refused_round_trip(db: Database, problem: Problem) -> None:
    """The shifts refused on a day (`遅番不可`, `深夜・準夜不可`) come back; a day marked × since keeps none."""
    day, other, third = date(2026, 4, 3), date(2026, 4, 4), date(2026, 4, 5)
    refusing = problem.with_(availability={**problem.availability, ("H001", day): Mark.AVAILABLE,
                                           ("H002", other): Mark.AVAILABLE, ("H001", third): Mark.UNAVAILABLE},
                             refused={("H001", day): frozenset({"3歳児健診"}), ("H002", other): frozenset({"深夜", "準夜"}),
                                      ("H001", third): frozenset({"3歳児健診"})})
    db.save_problem(refusing.name, refusing)
    loaded = db.load_problem(refusing.name)
    assert loaded.refused == {("H001", day): {"3歳児健診"}, ("H002", other): {"深夜", "準夜"}}
    session = next(r for r in problem.requirements if r.activity == "3歳児健診")
    assert loaded.refuses("H001", replace(session, date=day)) and not loaded.refuses("H002", replace(session, date=day))


def test_the_most_sessions_of_a_day_round_trip(db: Database, problem: Problem) -> None:
    """A day's `1枠のみ` comes back; a day marked × since keeps no cap."""
    day, other = date(2026, 4, 3), date(2026, 4, 4)
    capped = problem.with_(availability={**problem.availability, ("H001", day): Mark.PREFER_NOT,
                                         ("H002", other): Mark.UNAVAILABLE},
                           day_caps={("H001", day): 1, ("H002", other): 1})
    db.save_problem(capped.name, capped)
    loaded = db.load_problem(capped.name)
    assert loaded.day_caps == {("H001", day): 1} and loaded.day_cap("H001", day) == 1


def test_sessions_called_off_round_trip(db: Database, problem: Problem) -> None:
    """A session called off (a library's 整理日, a check-up cancelled) comes back with its hours and 備考, apart from
    the sessions held: told in a notice and shown in 配置表, never staffed nor counted as held."""
    day = date(2026, 4, 9)
    off = Requirement(Requirement.make_id(day, "東", "3歳児健診", 780), day, "東", "3歳児健診", 780, 960, 0, 0,
                      notes="館内整理日")
    closing = problem.with_(closed=[off])
    db.save_problem(closing.name, closing)
    loaded = db.load_problem(closing.name)
    assert loaded.closed == [off] and loaded.requirements == problem.requirements
    assert loaded.closed_session(off.id) == off and not loaded.has_requirement(off.id)
    [summary] = [p for p in db.list_plans() if p.name == closing.name]
    assert summary.requirements == len(problem.requirements)


def test_empty_problem_round_trip(db: Database) -> None:
    empty = Problem("empty", date(2026, 5, 1), date(2026, 5, 31))
    db.save_problem("empty", empty)
    assert db.load_problem("empty") == empty


def test_roster_round_trip_keeps_order_locks_and_source(db: Database, problem: Problem) -> None:
    db.save_problem(problem.name, problem)
    r1, r2, r3 = (r.id for r in problem.requirements)
    roster = Roster([
        Assignment("H003", r2, locked=False, source="solver"),
        Assignment("H001", r1, locked=True, source="manual"),
        Assignment("H003", r1, locked=False, source="import"),
        Assignment("H002", r3, locked=True, source="solver"),
    ])
    version = db.save_solution(problem.name, roster, stats={"objective": 12.0, "bound": 10.5, "gap": 0.125,
                                                            "elapsed": 1.5, "status": "FEASIBLE"})
    assert version == 1
    assert db.latest_solution(problem.name) == (1, roster)
    assert db.load_solution(problem.name, 1) == roster
    assert db.list_solutions(problem.name)[0].stats == {"objective": 12.0, "bound": 10.5, "gap": 0.125,
                                                        "elapsed": 1.5, "status": "FEASIBLE"}


def test_load_problem_brings_locks_of_latest_draft(db: Database, problem: Problem) -> None:
    r1, r2, _ = (r.id for r in problem.requirements)
    locked = [Assignment("H001", r1, locked=True, source="manual"), Assignment("H003", r2, locked=True)]
    with_locks = problem.with_(locked=locked)
    db.save_problem(problem.name, with_locks)
    db.save_solution(problem.name, Roster([Assignment("H003", r1), *locked]))
    assert db.load_problem(problem.name) == with_locks
    # A newer draft without pins means no locks.
    db.save_solution(problem.name, Roster([Assignment("H003", r1)]))
    assert db.load_problem(problem.name).locked == []


def test_load_problem_brings_the_published_roster(db: Database, problem: Problem) -> None:
    db.save_problem(problem.name, problem)
    r1 = problem.requirements[0].id
    published = Roster([Assignment("H001", r1, locked=True), Assignment("H003", r1)])
    db.publish(problem.name, db.save_solution(problem.name, published))
    db.save_solution(problem.name, Roster([Assignment("H003", r1)]))  # a later draft
    loaded = db.load_problem(problem.name)
    assert loaded.published == published.assignments
    assert loaded.locked == []


def test_resaving_replaces_input_and_keeps_versions(db: Database, problem: Problem) -> None:
    db.save_problem(problem.name, problem)
    r1 = problem.requirements[0].id
    roster = Roster([Assignment("H001", r1)])
    db.publish(problem.name, db.save_solution(problem.name, roster))
    db.save_solution(problem.name, roster)
    smaller = problem.with_(
        staff=problem.staff[:1], sites=[Site("灘", "灘区", "西部")], requirements=problem.requirements[1:2],
        availability={("H001", date(2026, 4, 9)): Mark.UNAVAILABLE}, requests=[], rules={},
        forbidden_successions=frozenset(), blank_means=Mark.UNAVAILABLE,
    )
    db.save_problem(problem.name, smaller)
    assert db.load_problem(problem.name) == smaller.with_(published=roster.assignments)
    assert [s.version for s in db.list_solutions(problem.name)] == [1, 2]
    assert db.load_solution(problem.name, 1) == roster  # its session is gone, the snapshot is not


def test_a_name_changed_in_a_later_plan_stays_the_earlier_plan_s(db: Database,
                                                                 make_problem: Callable[..., Problem]) -> None:
    april = make_problem("2026-04")
    db.save_problem("2026-04", april)
    db.save_problem("2026-05", make_problem("2026-05", staff_name="山田 花子 (旧姓 田中)"))
    assert db.load_problem("2026-04").staff_by_id("H001").name == "山田 花子"  # as April was solved
    assert db.load_problem("2026-05").staff_by_id("H001").name == "山田 花子 (旧姓 田中)"
    assert db.load_problem("2026-05").staff_by_id("H002") == april.staff_by_id("H002")


def test_a_site_moved_to_another_travel_group_in_a_later_plan_stays_the_earlier_plan_s(
        db: Database, make_problem: Callable[..., Problem]) -> None:
    """May's 会場 sheet puts 東灘 in another travel group (and area) than 灘: April re-loads with its own,
    so the travel buffer between them it was solved with (same group, 20 minutes) is still April's."""
    april = make_problem("2026-04")
    may = make_problem("2026-05").with_(sites=[Site("東灘", "東灘区 (新)", "西部"), Site("灘", "灘区", "東部")])
    db.save_problem(april.name, april)
    db.save_problem(may.name, may)
    assert db.load_problem(april.name).sites == april.sites
    assert db.load_problem(april.name).travel_minutes("灘", "東灘") == 20
    assert db.load_problem(may.name).sites == may.sites
    assert db.load_problem(may.name).travel_minutes("灘", "東灘") == 45
    db.delete_plan(may.name)
    assert db.load_problem(april.name) == april
    with db.engine.connect() as connection:
        assert sorted(connection.scalars(select(SiteRow.name))) == ["中央", "東灘", "灘", "西"]  # one row each


def test_availability_may_name_a_registered_person_outside_the_plan(db: Database, problem: Problem) -> None:
    db.save_problem(problem.name, problem)
    other = problem.with_(name="other", staff=problem.staff[:1])  # H002, H003 stay in the register
    db.save_problem("other", other)
    assert db.load_problem("other") == other


def test_unknown_staff_is_refused(db: Database, problem: Problem) -> None:
    bad = problem.with_(availability={("H999", date(2026, 4, 1)): Mark.AVAILABLE})
    with pytest.raises(UnknownReference, match="H999"):
        db.save_problem(problem.name, bad)
    with pytest.raises(PlanNotFound):
        db.load_problem(problem.name)  # nothing was written
    db.save_problem(problem.name, problem)
    with pytest.raises(UnknownReference, match="H998"):
        db.save_solution(problem.name, Roster([Assignment("H998", problem.requirements[0].id)]))


def test_missing_plan(db: Database) -> None:
    with pytest.raises(PlanNotFound) as error:
        db.load_problem("nope")
    assert isinstance(error.value, KeyError)
    assert "nope" in str(error.value)
    with pytest.raises(PlanNotFound):
        db.save_solution("nope", Roster())
    assert db.list_plans() == []


def test_a_plan_named_as_typed_at_a_prompt_is_found_and_a_missing_one_names_the_others(
        db: Database, problem: Problem) -> None:
    """設定's `集団健診（5-6月）` was stored as read, `(5-6月)`; `--plan '集団健診（5-6月）'` was not found,
    and the message named no plan that was there."""
    db.save_problem("集団健診(5-6月)", problem)
    assert db.load_problem("集団健診（5-6月）").staff == problem.staff
    with pytest.raises(PlanNotFound) as error:
        db.load_problem("集団健診(7月)")
    assert "集団健診(5-6月)" in str(error.value)


def test_list_plans_counts(db: Database, make_problem: Callable[..., Problem]) -> None:
    april = make_problem("2026-04")
    may = replace(make_problem("2026-05"), start=date(2026, 5, 1), end=date(2026, 5, 31))
    db.save_problem("2026-04", april)
    db.save_problem("2026-05", may.with_(requirements=may.requirements[:1]))
    db.save_solution("2026-04", Roster([Assignment("H001", april.requirements[0].id)]))
    plans = {p.name: p for p in db.list_plans()}
    assert [p.name for p in db.list_plans()] == ["2026-05", "2026-04"]  # newest period first
    assert (plans["2026-04"].staff, plans["2026-04"].requirements, plans["2026-04"].solutions) == (3, 3, 1)
    assert (plans["2026-05"].requirements, plans["2026-05"].solutions) == (1, 0)
    assert plans["2026-05"].start == date(2026, 5, 1) and plans["2026-05"].updated.tzinfo is not None


def test_delete_plan_keeps_registers(db: Database, make_problem: Callable[..., Problem]) -> None:
    db.save_problem("a", make_problem("a"))
    db.save_problem("b", make_problem("b"))
    db.save_solution("a", Roster([Assignment("H001", "n-1")]))
    db.delete_plan("a")
    assert [p.name for p in db.list_plans()] == ["b"]
    assert db.load_problem("b") == make_problem("b")


def test_overnight_and_long_ids(db: Database) -> None:
    day = date(2026, 4, 1)
    long_id = Requirement.make_id(day, "とても長い会場名" * 5, "内容" * 20, 1380)
    night = Requirement(long_id, day, "とても長い会場名" * 5, "内容" * 20, 1380, 1380 + 600, 0)
    p = Problem("night", day, day, requirements=[night])
    db.save_problem("night", p)
    assert db.load_problem("night").requirement(long_id).end == 1980
