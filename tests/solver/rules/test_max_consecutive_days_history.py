"""max_consecutive_days with Problem.history: a run that started before the plan counts."""

from __future__ import annotations

from datetime import timedelta

from models.domain import Staff
from sequence_harness import START, assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.rules.max_consecutive_days import RULE, days_before

ID = "max_consecutive_days"
LAST_WEEK = tuple(START - timedelta(days=k) for k in (1, 2))  # the two days just before the plan


def plan(hard: bool = True, history=LAST_WEEK):
    return make_problem(days=7, staff=[Staff("A", "Aoki", max_consecutive_days=3)],
                        rules={ID: setting(hard=hard, weight=7)}, history={"A": history})


def test_two_days_before_the_plan_leave_one_more_day() -> None:
    p = plan()
    assert days_before(p, "A") == 2
    assert solve_fixed(p, RULE, working(p, "A", [0, 1])) is None
    [v] = RULE.check(p, working(p, "A", [0, 1]))
    assert v.hard and "4" in v.message
    assert solve_fixed(p, RULE, working(p, "A", [0, 2, 3, 4])) == 0
    assert RULE.check(p, working(p, "A", [0, 2, 3, 4])) == []


def test_soft_costs_only_the_days_inside_the_plan() -> None:
    p = plan(hard=False, history=tuple(START - timedelta(days=k) for k in range(1, 6)))  # 5 days already
    assert check_cost(p, RULE, working(p, "A", [0, 1])) == 2 * 7
    assert solve_fixed(p, RULE, working(p, "A", [0, 1])) == 2 * 7
    assert solve_fixed(p, RULE, working(p, "A", [1, 2, 3])) == 0


def test_a_gap_before_the_plan_breaks_the_run() -> None:
    p = plan(history=(START - timedelta(days=2), START - timedelta(days=3)))
    assert days_before(p, "A") == 0
    assert RULE.check(p, working(p, "A", [0, 1, 2])) == []


def test_solver_and_evaluator_agree_with_history() -> None:
    for hard in (True, False):
        for n in (1, 2, 4):
            assert_exact(plan(hard=hard, history=tuple(START - timedelta(days=k) for k in range(1, n + 1))),
                         RULE, count=12)
