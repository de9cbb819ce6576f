"""max_double_days: two sessions or more on at most N days (a polling office's both halves 3 days at most)."""

from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import assert_exact, make_problem, roster, solve_fixed
from solver.rules.max_double_days import RULE

ID = "max_double_days"
AM, PM = ("前半", 8 * 60 + 30, 14 * 60), ("後半", 14 * 60, 20 * 60)


def station(hard: bool = True, most: int | None = 2, overrides: dict | None = None):
    staff = [Staff("A", "Aoki"), Staff("B", "Baba")]
    return make_problem(days=6, staff=staff, shifts=(AM, PM), rules={ID: RuleSetting(
        enabled=True, hard=hard, weight=7, params={"max_double_days": most}, staff_overrides=overrides or {})})


def test_days_with_both_halves_count_not_the_halves() -> None:
    """Nobody on both halves more than N days: 6 days of one half each pass, a third full day breaks it."""
    p = station()
    halves = roster(p, *(("A", d, "前半") for d in range(6)))
    two_full = roster(p, *(("A", d, half) for d in range(2) for half in ("前半", "後半")))
    assert RULE.check(p, halves) == [] and RULE.check(p, two_full) == []
    assert solve_fixed(p, RULE, two_full) == 0
    three_full = roster(p, *(("A", d, half) for d in range(3) for half in ("前半", "後半")))
    [found] = RULE.check(p, three_full)
    assert found.hard and "Aoki works two sessions or more on 3 days (at most 2)" in found.message
    assert solve_fixed(p, RULE, three_full) is None


def test_unset_asks_nothing_and_a_persons_own_value_wins() -> None:
    full = lambda p: roster(p, *(("A", d, half) for d in range(4) for half in ("前半", "後半")))  # noqa: E731
    p = station(most=None)
    assert RULE.check(p, full(p)) == [] and solve_fixed(p, RULE, full(p)) == 0
    p = station(most=None, overrides={"A": {"max_double_days": 1}})
    [found] = RULE.check(p, full(p))
    assert "(at most 1)" in found.message


def test_solver_and_evaluator_agree() -> None:
    for hard in (True, False):
        assert_exact(station(hard=hard), RULE, count=20)
