"""min_days_off: at least N days with no work and no 明 in the plan."""

from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import assert_exact, check_cost, make_problem, roster, solve_fixed, worked_the_eve, working
from solver.rules.min_days_off import RULE

ID = "min_days_off"
DAY = ("日", 9 * 60, 17 * 60)
NIGHT = ("夜", 16 * 60 + 30, 24 * 60 + 9 * 60)  # 16:30-翌9:00


def ward(days: int = 7, hard: bool = True, n: int | None = 3, **overrides):
    params = {} if n is None else {"min_days_off": n}
    return make_problem(days=days, staff=[Staff("A", "Aoki"), Staff("B", "Baba")], shifts=(DAY, NIGHT),
                        rules={ID: RuleSetting(enabled=True, hard=hard, weight=9, params=params,
                                               staff_overrides=overrides)})


def test_days_worked_leave_the_days_off() -> None:
    p = ward()
    four = working(p, "A", [0, 1, 2, 3], "日")  # 3 days off of 7
    assert RULE.check(p, four) == [] and solve_fixed(p, RULE, four) == 0
    five = working(p, "A", [0, 1, 2, 3, 4], "日")
    [found] = RULE.check(p, five)
    assert found.hard and "2" in found.message and solve_fixed(p, RULE, five) is None


def test_the_morning_after_a_night_is_not_a_day_off() -> None:
    p = ward(hard=False)
    nights = roster(p, ("A", 0, "夜"), ("A", 2, "夜"))  # 夜 明 夜 明: 3 days off of 7
    assert check_cost(p, RULE, nights) == 0
    more = roster(p, ("A", 0, "夜"), ("A", 2, "夜"), ("A", 4, "夜"))  # 夜 明 夜 明 夜 明: 1 day off
    assert check_cost(p, RULE, more) == 2 * 9 and solve_fixed(p, RULE, more) == 2 * 9


def test_unset_per_staff_and_the_earlier_night() -> None:
    p = ward(n=None, B={"min_days_off": 6})
    assert RULE.check(p, working(p, "A", range(7), "日")) == []
    assert len(RULE.check(p, working(p, "B", [3, 4], "日"))) == 1
    eve = worked_the_eve(ward(n=7), "A", NIGHT)  # 明 on the first day: 6 days off of 7
    assert len(RULE.check(eve, roster(eve))) == 1 and solve_fixed(eve, RULE, roster(eve)) is None


def test_solver_and_evaluator_agree() -> None:
    for hard in (True, False):
        assert_exact(ward(days=10, hard=hard, n=4), RULE, count=20)
        assert_exact(worked_the_eve(ward(days=10, hard=hard, n=5), "B", NIGHT), RULE, count=10, seed=2)
