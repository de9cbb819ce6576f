from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import assert_exact, check_cost, make_problem, roster, setting, solve_fixed
from solver.context import Context
from solver.rules.max_per_activity import RULE

ID = "max_per_activity"
SHIFTS = [("E", 420, 900), ("N", 1260, 1860)]


def _problem(**kw: object):
    staff = [Staff("A", "Aoki", max_per_activity=(("N", 1),)), Staff("B", "Baba", max_per_activity=(("N", 0),))]
    return make_problem(days=5, staff=staff, shifts=SHIFTS, **kw)


def test_hard_limit_per_activity() -> None:
    problem = _problem()
    two_nights = roster(problem, ("A", 0, "N"), ("A", 3, "N"))
    assert solve_fixed(problem, RULE, two_nights) is None
    [found] = RULE.check(problem, two_nights)
    assert found.hard and found.staff_id == "A"
    fine = roster(problem, ("A", 0, "N"), ("A", 1, "E"), ("A", 2, "E"), ("B", 2, "E"))
    assert RULE.check(problem, fine) == []
    assert solve_fixed(problem, RULE, fine) == 0


def test_zero_means_never_that_activity() -> None:
    pairs = Context(_problem(), [RULE]).pairs()
    assert not any(s == "B" and "|N|" in r for s, r in pairs)
    assert any(s == "B" and "|E|" in r for s, r in pairs)


def test_soft_costs_each_session_above_and_the_parameter_covers_unlisted_activities() -> None:
    rules = {ID: RuleSetting(hard=False, weight=4, params={"max_per_activity": 2})}
    problem = _problem(rules=rules)
    many = roster(problem, ("A", 0, "N"), ("A", 2, "N"), *[("A", d, "E") for d in range(5)])
    assert check_cost(problem, RULE, many) == 4 * (1 + 3)
    assert solve_fixed(problem, RULE, many) == 16


def test_per_staff_override_as_a_mapping() -> None:
    rules = {ID: RuleSetting(staff_overrides={"A": {"max_per_activity": {"N": 3}}})}
    problem = _problem(rules=rules)
    assert RULE.check(problem, roster(problem, ("A", 0, "N"), ("A", 2, "N"))) == []


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    assert_exact(_problem(rules={ID: setting(hard=False, weight=3, max_per_activity=2)}), RULE)
    assert_exact(_problem(), RULE)
