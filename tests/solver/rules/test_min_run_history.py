"""min_consecutive_days and min_consecutive_days_off across the plan's first day: the days just
before it, known from earlier plans' rosters (Problem.history, covered by history_sources), count."""

from __future__ import annotations

from datetime import timedelta

from models.domain import HistorySource, Staff
from sequence_harness import START, assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.rules.min_consecutive_days import RULE as MIN_DAYS
from solver.rules.min_consecutive_days_off import RULE as MIN_OFF

LAST_MONTH = HistorySource("last month", 1, True, START - timedelta(days=31), START - timedelta(days=1), 20)


def _plan(rule_id: str, worked_before: tuple[int, ...], hard: bool = True, known: bool = True, **limits: int):
    history = {"A": tuple(START - timedelta(days=k) for k in worked_before)}
    return make_problem(days=6, staff=[Staff("A", "Aoki", **limits)], rules={rule_id: setting(hard=hard, weight=3)},
                        history=history, history_sources=(LAST_MONTH,) if known else ())


def test_a_single_day_off_on_the_eve_between_two_shifts_is_too_short() -> None:
    """Worked on the 30th, off on the 31st, working on the 1st: one day off where two are wanted."""
    p = _plan("min_consecutive_days_off", (2,), min_consecutive_days_off=2)
    assert solve_fixed(p, MIN_OFF, working(p, "A", [0])) is None
    [v] = MIN_OFF.check(p, working(p, "A", [0]))
    assert v.hard and v.date == START
    assert MIN_OFF.check(p, working(p, "A", [1])) == [] and solve_fixed(p, MIN_OFF, working(p, "A", [1])) == 0
    unknown = _plan("min_consecutive_days_off", (2,), known=False, min_consecutive_days_off=2)
    assert MIN_OFF.check(unknown, working(unknown, "A", [0])) == []  # no earlier roster: the eve is unknown


def test_a_run_begun_last_month_counts_its_days_there() -> None:
    """Worked on the 31st (off the 30th): one more day makes two, short of three; two more are enough."""
    p = _plan("min_consecutive_days", (1,), hard=False, min_consecutive_days=3)
    short = working(p, "A", [0, 3, 4, 5])
    assert check_cost(p, MIN_DAYS, short) == solve_fixed(p, MIN_DAYS, short) == 3
    assert MIN_DAYS.check(p, working(p, "A", [0, 1, 3, 4, 5])) == []
    assert MIN_DAYS.check(p, working(p, "A", [2, 3, 4])) == []  # last month's run of one ended before the plan


def test_solver_and_evaluator_agree_with_history() -> None:
    for worked in ((1,), (2,), (1, 2), (3, 4, 5)):
        assert_exact(_plan("min_consecutive_days_off", worked, hard=False, min_consecutive_days_off=3), MIN_OFF)
        assert_exact(_plan("min_consecutive_days_off", worked, min_consecutive_days_off=3), MIN_OFF)
        assert_exact(_plan("min_consecutive_days", worked, hard=False, min_consecutive_days=3), MIN_DAYS)
        assert_exact(_plan("min_consecutive_days", worked, min_consecutive_days=3), MIN_DAYS)
