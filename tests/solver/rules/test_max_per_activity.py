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


WARD = [("D", 510, 1020), ("L", 990, 1500), ("N", 30, 540)]  # 日勤, 準夜 (to 1:00), 深夜


def test_a_limit_on_activities_together_counts_them_between_them() -> None:
    """`L+N`: at most 3 night shifts, late and night together; 0 on a group rules both out."""
    staff = [Staff("A", "Aoki", max_per_activity=(("L+N", 3),)), Staff("B", "Baba", max_per_activity=(("L+N", 0),))]
    problem = make_problem(days=7, staff=staff, shifts=WARD)
    four = roster(problem, ("A", 0, "L"), ("A", 2, "N"), ("A", 4, "L"), ("A", 6, "N"))
    assert solve_fixed(problem, RULE, four) is None
    [found] = RULE.check(problem, four)
    assert found.hard and "L+N" in found.message and "4" in found.message
    three = roster(problem, ("A", 0, "L"), ("A", 2, "N"), ("A", 4, "L"), ("A", 5, "D"), ("A", 6, "D"))
    assert RULE.check(problem, three) == [] and solve_fixed(problem, RULE, three) == 0
    pairs = Context(problem, [RULE]).pairs()
    assert {r.split("|")[2] for s, r in pairs if s == "B"} == {"D"}


def test_a_group_limit_soft_and_the_parameter_for_the_activities_it_leaves() -> None:
    rules = {ID: RuleSetting(hard=False, weight=5, params={"max_per_activity": 2})}
    staff = [Staff("A", "Aoki", max_per_activity=(("L+N", 1),))]
    problem = make_problem(days=7, staff=staff, shifts=WARD, rules=rules)
    busy = roster(problem, ("A", 0, "L"), ("A", 2, "N"), *[("A", d, "D") for d in (3, 4, 5, 6)])
    assert check_cost(problem, RULE, busy) == 5 * (1 + 2)  # one night over 1, two days over 2
    assert solve_fixed(problem, RULE, busy) == 15
    assert_exact(problem, RULE)
