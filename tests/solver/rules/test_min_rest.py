from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import assert_exact, check_cost, make_problem, roster, setting, solve_fixed, worked_the_eve
from solver.rules.min_rest import RULE

ID = "min_rest"
SHIFTS = [("E", 7 * 60, 15 * 60), ("L", 13 * 60, 21 * 60), ("N", 21 * 60, 31 * 60)]


def _problem(rest: int = 11 * 60, **kw: object):
    return make_problem(days=3, staff=[Staff("A", "Aoki")], shifts=SHIFTS, min_rest_minutes=rest, **kw)


def test_hard_forbids_an_early_start_ten_hours_after_a_late_end() -> None:
    problem = _problem()
    bad = roster(problem, ("A", 0, "L"), ("A", 1, "E"))  # 21:00 -> 07:00 is 10 hours
    assert solve_fixed(problem, RULE, bad) is None
    [found] = RULE.check(problem, bad)
    assert found.hard and found.staff_id == "A"


def test_overnight_end_past_midnight_shortens_the_rest() -> None:
    problem = _problem()
    assert RULE.check(problem, roster(problem, ("A", 0, "N"), ("A", 1, "N"))) == []  # 07:00 -> 21:00
    assert len(RULE.check(problem, roster(problem, ("A", 0, "N"), ("A", 1, "L")))) == 1  # 6 hours


def test_hard_accepts_enough_rest() -> None:
    problem = _problem()
    fine = roster(problem, ("A", 0, "E"), ("A", 1, "E"), ("A", 2, "L"))
    assert RULE.check(problem, fine) == []
    assert solve_fixed(problem, RULE, fine) == 0


def test_rule_parameter_wins_over_the_problem_and_zero_switches_off() -> None:
    bad_for_11h = [("A", 0, "L"), ("A", 1, "E")]
    relaxed = _problem(rules={ID: RuleSetting(params={"min_rest_minutes": 8 * 60})})
    assert RULE.check(relaxed, roster(relaxed, *bad_for_11h)) == []
    off = _problem(rest=0)
    assert solve_fixed(off, RULE, roster(off, *bad_for_11h)) == 0


def test_soft_costs_each_pair_too_close() -> None:
    problem = _problem(rules={ID: setting(hard=False, weight=6)})
    bad = roster(problem, ("A", 0, "L"), ("A", 1, "E"), ("A", 1, "N"), ("A", 2, "E"))
    assert check_cost(problem, RULE, bad) == 12  # L->E, N->E
    assert solve_fixed(problem, RULE, bad) == 12


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    assert_exact(_problem(rules={ID: setting(hard=False, weight=2)}), RULE)
    assert_exact(_problem(), RULE)


def test_a_late_shift_the_day_before_the_plan_counts_against_its_first_day() -> None:
    """Last month's late shift ending 21:00 on its last day (Problem.history_sessions) leaves too
    little rest before a 07:00 start on this plan's first day."""
    problem = worked_the_eve(_problem(), "A", SHIFTS[1])
    early = roster(problem, ("A", 0, "E"))
    assert solve_fixed(problem, RULE, early) is None
    [found] = RULE.check(problem, early)
    assert found.date == problem.start and found.requirement_id == early.assignments[0].requirement_id
    assert RULE.check(problem, roster(problem, ("A", 0, "L"))) == []
    soft = problem.with_(rules={ID: setting(hard=False, weight=4)})
    assert check_cost(soft, RULE, early) == solve_fixed(soft, RULE, early) == 4
    assert_exact(soft, RULE)
    assert_exact(problem, RULE)
