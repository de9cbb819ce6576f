"""max_days_per_month: at most N days a calendar month (月16日まで), a morning and an afternoon being one day."""

from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import assert_exact, make_problem, roster, solve_fixed
from solver.rules.max_days_per_month import RULE

ID = "max_days_per_month"
AM, PM = ("午前", 9 * 60, 12 * 60), ("午後", 13 * 60 + 30, 16 * 60 + 30)


def library(hard: bool = True, days: int = 10):
    staff = [Staff("A", "Aoki", max_days_per_month=3), Staff("B", "Baba")]
    return make_problem(days=days, staff=staff, shifts=(AM, PM),
                        rules={ID: RuleSetting(enabled=True, hard=hard, weight=6)})


def test_days_not_sessions_count_and_the_month_is_the_period() -> None:
    """月上限 counted sessions: a part-timer's 月16日まで could not be said."""
    p = library()
    three_days = roster(p, *(("A", d, half) for d in range(3) for half in ("午前", "午後")))
    assert RULE.check(p, three_days) == [] and solve_fixed(p, RULE, three_days) == 0
    four = roster(p, *(("A", d, "午前") for d in range(4)), ("B", 0, "午前"))
    [found] = RULE.check(p, four)
    assert found.hard and "Aoki works 4 days in 2024-01 (at most 3)" in found.message
    assert solve_fixed(p, RULE, four) is None


def test_solver_and_evaluator_agree() -> None:
    for hard in (True, False):
        assert_exact(library(hard=hard), RULE, count=20)
