from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.context import Context
from solver.rules.max_per_plan import RULE

ID = "max_per_plan"


def test_hard_limit_over_the_plan() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", max_per_plan=3)])
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 2, 4, 6])) is None
    assert RULE.check(problem, working(problem, "A", [0, 2, 4, 6]))[0].hard
    assert RULE.check(problem, working(problem, "A", [0, 2, 4])) == []
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 2, 4])) == 0


def test_soft_costs_each_session_above() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki")],
                           rules={ID: RuleSetting(hard=False, weight=5, params={"max_per_plan": 2})})
    assert check_cost(problem, RULE, working(problem, "A", [0, 1, 2, 3])) == 10
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1, 2, 3])) == 10


def test_a_zero_limit_filters_every_pair_when_hard() -> None:
    problem = make_problem(days=3, staff=[Staff("A", "Aoki", max_per_plan=0), Staff("B", "Baba")])
    assert {s for s, _ in Context(problem, [RULE]).pairs()} == {"B"}


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [Staff("A", "Aoki", max_per_plan=3), Staff("B", "Baba", max_per_plan=5)]
    problem = make_problem(days=8, staff=staff)
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(problem, RULE)
