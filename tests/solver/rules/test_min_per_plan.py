from __future__ import annotations

from models.domain import Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.rules.min_per_plan import RULE

ID = "min_per_plan"


def test_hard_minimum_over_the_plan() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", min_per_plan=3)])
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 6])) is None
    assert RULE.check(problem, working(problem, "A", [0, 6]))[0].hard
    assert RULE.check(problem, working(problem, "A", [0, 3, 6])) == []
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 3, 6])) == 0


def test_hard_minimum_nobody_can_meet_is_infeasible() -> None:
    problem = make_problem(days=2, staff=[Staff("A", "Aoki", min_per_plan=3)])
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1])) is None


def test_soft_costs_each_missing_session() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", min_per_plan=4)],
                           rules={ID: setting(hard=False, weight=5)})
    assert check_cost(problem, RULE, working(problem, "A", [1])) == 15
    assert solve_fixed(problem, RULE, working(problem, "A", [1])) == 15


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [Staff("A", "Aoki", min_per_plan=3), Staff("B", "Baba", min_per_plan=6)]
    problem = make_problem(days=8, staff=staff)
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(problem, RULE)
