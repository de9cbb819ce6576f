"""The morning after a night (明) is not a day off: a 夜勤 16:30-翌9:00 keeps its person from the
next day as well, for the rules on runs of working days, runs of days off and weekends, in the
model and in the evaluator alike; a 準夜 to 翌1:00 takes its own day only."""

from __future__ import annotations

from datetime import timedelta

from models.domain import Staff, days_taken
from sequence_harness import (assert_exact, check_cost, make_problem, roster, setting, solve_fixed,
                              worked_the_eve)
from solver.rules.max_consecutive_days import RULE as MAX_RUN
from solver.rules.max_weekends import RULE as WEEKENDS
from solver.rules.min_consecutive_days_off import RULE as MIN_OFF

DAY = ("日", 9 * 60, 17 * 60)
NIGHT = ("夜", 16 * 60 + 30, 24 * 60 + 9 * 60)  # 16:30-翌9:00
LATE = ("準", 16 * 60 + 30, 25 * 60)  # 16:30-翌1:00
SHIFTS = (DAY, NIGHT, LATE)


def ward(days: int = 7, rules=None, **person) -> object:
    return make_problem(days=days, staff=[Staff("A", "Aoki", **person)], shifts=SHIFTS, rules=rules)


def test_a_night_into_the_morning_takes_the_next_day_too() -> None:
    p = ward()
    night = next(r for r in p.requirements if r.activity == "夜")
    late = next(r for r in p.requirements if r.activity == "準")
    assert days_taken(night) == (night.date, night.date + timedelta(days=1))
    assert days_taken(late) == (late.date,)


def test_nights_and_their_mornings_make_a_run_of_working_days() -> None:
    """日勤 then 夜/明 twice: four days without a day off, one too many for a limit of 3."""
    p = ward(max_consecutive_days=3)
    nights = roster(p, ("A", 0, "日"), ("A", 1, "夜"), ("A", 3, "夜"))
    [found] = MAX_RUN.check(p, nights)
    assert "5" in found.message  # days 0-4: 日, 夜, 明, 夜, 明
    assert solve_fixed(p, MAX_RUN, nights) is None
    lates = roster(p, ("A", 0, "日"), ("A", 1, "準"), ("A", 3, "準"))  # 準夜 leaves days 2 and 4 off
    assert MAX_RUN.check(p, lates) == [] and solve_fixed(p, MAX_RUN, lates) == 0


def test_the_morning_after_is_not_a_day_off() -> None:
    """夜 on Monday, 明 on Tuesday, off Wednesday, 日勤 Thursday: one day off, not two."""
    p = ward(min_consecutive_days_off=2, rules={"min_consecutive_days_off": setting(hard=False, weight=5)})
    week = roster(p, ("A", 0, "夜"), ("A", 3, "日"))
    assert check_cost(p, MIN_OFF, week) == 5
    assert solve_fixed(p, MIN_OFF, week) == 5
    fine = roster(p, ("A", 0, "夜"), ("A", 4, "日"))
    assert check_cost(p, MIN_OFF, fine) == 0 and solve_fixed(p, MIN_OFF, fine) == 0


def test_a_friday_night_works_the_weekend() -> None:
    p = ward(days=14, max_weekends=1)
    fridays = roster(p, ("A", 4, "夜"), ("A", 11, "夜"))  # START is a Monday: their mornings are Saturdays
    assert len(WEEKENDS.check(p, fridays)) == 1
    assert solve_fixed(p, WEEKENDS, fridays) is None
    assert WEEKENDS.check(p, roster(p, ("A", 4, "準"), ("A", 11, "準"))) == []


def test_the_earlier_plans_last_night_takes_the_first_day() -> None:
    p = worked_the_eve(ward(max_consecutive_days=2), "A", NIGHT)
    two = roster(p, ("A", 1, "日"), ("A", 2, "日"))  # 明 on day 0, then two days
    assert len(MAX_RUN.check(p, two)) == 1 and solve_fixed(p, MAX_RUN, two) is None
    late = worked_the_eve(ward(max_consecutive_days=2), "A", LATE)
    assert MAX_RUN.check(late, two) == [] and solve_fixed(late, MAX_RUN, two) == 0


def test_solver_and_evaluator_agree_with_nights() -> None:
    for rule, key, limit in ((MAX_RUN, "max_consecutive_days", 2), (MIN_OFF, "min_consecutive_days_off", 2),
                             (WEEKENDS, "max_weekends", 1)):
        for hard in (True, False):
            p = make_problem(days=14, staff=[Staff("A", "Aoki", **{key: limit}), Staff("B", "Baba", **{key: limit + 1})],
                             shifts=SHIFTS, rules={key: setting(hard=hard, weight=3)})
            assert_exact(p, rule, count=15)
            assert_exact(worked_the_eve(p, "B", NIGHT), rule, count=10, seed=3)
