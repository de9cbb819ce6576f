from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.rules.min_consecutive_days_off import RULE

ID = "min_consecutive_days_off"


def _problem(**kw: object):
    return make_problem(days=8, staff=[Staff("A", "Aoki", min_consecutive_days_off=2)], **kw)


def test_hard_forbids_a_single_day_off_between_working_days() -> None:
    problem = _problem()
    one_off = working(problem, "A", [0, 1, 2, 4, 5])
    assert solve_fixed(problem, RULE, one_off) is None
    [found] = RULE.check(problem, one_off)
    assert found.hard and found.staff_id == "A"


def test_hard_accepts_two_days_off_and_a_short_break_at_the_edge() -> None:
    problem = _problem()
    fine = working(problem, "A", [1, 2, 5, 6])  # off 0 (edge), 3-4, 7 (edge)
    assert RULE.check(problem, fine) == []
    assert solve_fixed(problem, RULE, fine) == 0


def test_soft_costs_each_missing_day_off() -> None:
    problem = _problem(rules={ID: setting(hard=False, weight=4)})
    two_singles = working(problem, "A", [0, 2, 4, 5, 6, 7])
    assert check_cost(problem, RULE, two_singles) == 8
    assert solve_fixed(problem, RULE, two_singles) == 8


def test_per_staff_override_wins_over_the_staff_field() -> None:
    rules = {ID: RuleSetting(staff_overrides={"A": {"min_consecutive_days_off": 1}})}
    problem = _problem(rules=rules)
    assert RULE.check(problem, working(problem, "A", [0, 1, 2, 4, 5])) == []


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [Staff("A", "Aoki", min_consecutive_days_off=3), Staff("B", "Baba", min_consecutive_days_off=2)]
    assert_exact(make_problem(days=9, staff=staff, rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(make_problem(days=9, staff=staff), RULE)
