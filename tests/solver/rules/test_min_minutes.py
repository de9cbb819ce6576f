from __future__ import annotations

from models.domain import Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.rules.min_minutes import RULE

ID = "min_minutes"


def test_hard_minimum_per_plan() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", min_minutes_per_plan=24 * 60)])
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1])) is None
    [found] = RULE.check(problem, working(problem, "A", [0, 1]))
    assert found.hard
    assert RULE.check(problem, working(problem, "A", [0, 1, 4])) == []
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1, 4])) == 0


def test_a_partial_week_at_the_edge_is_not_pro_rated() -> None:
    problem = make_problem(days=9, staff=[Staff("A", "Aoki", min_minutes_per_week=16 * 60)])
    # week 2 has only Monday and Tuesday in the plan and still needs 16 hours
    assert len(RULE.check(problem, working(problem, "A", [0, 1, 7]))) == 1
    assert RULE.check(problem, working(problem, "A", [0, 1, 7, 8])) == []


def test_soft_costs_each_started_hour_below_and_nobody_working_counts() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", min_minutes_per_plan=20 * 60)],
                           rules={ID: setting(hard=False, weight=2)})
    assert check_cost(problem, RULE, working(problem, "A", [])) == 40
    assert solve_fixed(problem, RULE, working(problem, "A", [])) == 40
    assert solve_fixed(problem, RULE, working(problem, "A", [3, 4])) == 8


def test_inactive_staff_have_no_minimum() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", min_minutes_per_plan=60, active=False)])
    assert RULE.check(problem, working(problem, "A", [])) == []


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [Staff("A", "Aoki", min_minutes_per_week=20 * 60), Staff("B", "Baba", min_minutes_per_month=30 * 60)]
    problem = make_problem(days=16, staff=staff, shifts=[("D", 540, 1020), ("S", 600, 700)])
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(problem, RULE)
