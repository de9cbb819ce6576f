"""min_days_off: at least N days with no work and no 明 in the plan."""

from __future__ import annotations

from datetime import timedelta

from models.domain import Mark, RuleSetting, Staff
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


def on_leave(problem, staff_id: str, days: list[int], word: str = "有休"):
    """`problem` with the person away on `days` (× with the leave written: Problem.leave)."""
    dates = [problem.start + timedelta(days=d) for d in days]
    return problem.with_(availability={**problem.availability, **{(staff_id, d): Mark.UNAVAILABLE for d in dates}},
                         leave={**problem.leave, **{(staff_id, d): word for d in dates}})


def test_a_day_of_leave_is_no_day_off() -> None:
    """A ward's 公休 9 in May and 有休 on top: 有休 counted as 公休 passed a roster with 8."""
    p = on_leave(ward(n=3), "A", [5, 6])  # 7 days, 2 of them 有休: 3 days off leave 2 to work
    two = working(p, "A", [0, 1], "日")
    assert RULE.check(p, two) == [] and solve_fixed(p, RULE, two) == 0
    three = working(p, "A", [0, 1, 2], "日")  # 2 days off and 2 of leave: short of 3
    [found] = RULE.check(p, three)
    assert found.hard and "2 days off" in found.message and "2 days of leave" in found.message
    assert solve_fixed(p, RULE, three) is None
    assert RULE.check(ward(n=3), three) == []  # the same days as ×, not leave: 4 days off
    # leave on more days than the plan leaves over: every other day off, no more
    most = on_leave(ward(n=3), "A", [1, 2, 3, 4, 5])
    assert RULE.check(most, working(most, "A", [], "日")) == [] and len(RULE.check(most, working(most, "A", [0], "日"))) == 1


def test_solver_and_evaluator_agree_with_leave() -> None:
    for hard in (True, False):
        assert_exact(on_leave(ward(days=10, hard=hard, n=4), "A", [2, 3, 7]), RULE, count=20, seed=3)
