"""max_days_off: at most N days with no work and no 明 in the plan (a full-timer's 公休数)."""

from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import assert_exact, check_cost, make_problem, roster, solve_fixed, working
from solver.rules.max_days_off import RULE
from test_min_days_off import on_leave

ID = "max_days_off"
DAY = ("日", 9 * 60, 17 * 60)
NIGHT = ("夜", 16 * 60 + 30, 24 * 60 + 9 * 60)  # 16:30-翌9:00


def ward(days: int = 7, hard: bool = True, n: int | None = 3, jobs: str = "", **overrides):
    params = ({} if n is None else {"max_days_off": n}) | ({"jobs": jobs} if jobs else {})
    staff = [Staff("A", "Aoki", skills=("常勤",)), Staff("B", "Baba", skills=("育児短時間",))]
    return make_problem(days=days, staff=staff, shifts=(DAY, NIGHT),
                        rules={ID: RuleSetting(enabled=True, hard=hard, weight=9, params=params,
                                               staff_overrides=overrides)})


def test_days_off_beyond_the_most_break_it() -> None:
    p = ward(n=None, A={"max_days_off": 3})
    four = working(p, "A", [0, 1, 2, 3], "日")  # 3 days off of 7
    assert RULE.check(p, four) == [] and solve_fixed(p, RULE, four) == 0
    three = working(p, "A", [0, 2, 4], "日")  # 4 days off
    [found] = RULE.check(p, three)
    assert found.hard and found.staff_id == "A" and "4" in found.message and solve_fixed(p, RULE, three) is None
    assert RULE.check(p, roster(p)) != [] and not any(v.staff_id == "B" for v in RULE.check(p, roster(p)))


def test_a_nights_morning_is_worked_and_leave_is_no_day_off() -> None:
    p = ward(hard=False, jobs="常勤")  # B holds no 常勤: not held to it
    nights = roster(p, ("A", 0, "夜"), ("A", 2, "夜"))  # 夜 明 夜 明: 3 days off of 7
    assert check_cost(p, RULE, nights) == 0 and solve_fixed(p, RULE, nights) == 0
    one = roster(p, ("A", 0, "夜"))  # 夜 明: 5 days off, 2 beyond
    assert check_cost(p, RULE, one) == 2 * 9 and solve_fixed(p, RULE, one) == 2 * 9
    away = on_leave(p, "A", [3, 4, 5, 6])  # 4 days of 有休: 3 days left, 1 worked by the night's 明... 1 off
    assert check_cost(away, RULE, one) == 0


def test_solver_and_evaluator_agree() -> None:
    for hard in (True, False):
        assert_exact(ward(days=10, hard=hard, n=4), RULE, count=20)
