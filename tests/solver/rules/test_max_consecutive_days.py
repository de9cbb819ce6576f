from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.rules.max_consecutive_days import RULE

ID = "max_consecutive_days"


def test_hard_forbids_a_run_longer_than_the_limit() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", max_consecutive_days=3)])
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1, 2, 3])) is None
    [found] = RULE.check(problem, working(problem, "A", [0, 1, 2, 3]))
    assert found.hard and found.staff_id == "A" and found.cost == 0


def test_hard_allows_runs_up_to_the_limit_with_a_day_off_between() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", max_consecutive_days=3)])
    fine = working(problem, "A", [0, 1, 2, 4, 5, 6])
    assert solve_fixed(problem, RULE, fine) == 0
    assert RULE.check(problem, fine) == []


def test_soft_costs_each_day_beyond_the_limit() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", max_consecutive_days=2)],
                           rules={ID: setting(hard=False, weight=7)})
    six = working(problem, "A", [0, 1, 2, 3, 4, 5])  # 4 days too many
    assert check_cost(problem, RULE, six) == 4 * 7
    assert solve_fixed(problem, RULE, six) == 4 * 7
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1, 3, 4])) == 0


def test_rule_parameter_and_per_staff_override() -> None:
    rules = {ID: RuleSetting(params={"max_consecutive_days": 1}, staff_overrides={"B": {"max_consecutive_days": 3}})}
    problem = make_problem(days=5, staff=[Staff("A", "Aoki"), Staff("B", "Baba")], rules=rules)
    assert RULE.check(problem, working(problem, "B", [0, 1, 2])) == []
    assert len(RULE.check(problem, working(problem, "A", [0, 1]))) == 1


def test_disabled_rule_finds_nothing() -> None:
    problem = make_problem(days=4, staff=[Staff("A", "Aoki", max_consecutive_days=1)],
                           rules={ID: RuleSetting(enabled=False)})
    assert RULE.check(problem, working(problem, "A", [0, 1, 2, 3])) == []
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1, 2, 3])) == 0


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [Staff("A", "Aoki", max_consecutive_days=2), Staff("B", "Baba", max_consecutive_days=4)]
    assert_exact(make_problem(days=10, staff=staff, rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(make_problem(days=10, staff=staff), RULE)
