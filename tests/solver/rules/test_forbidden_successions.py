from __future__ import annotations

from models.domain import Staff
from sequence_harness import assert_exact, check_cost, make_problem, roster, setting, solve_fixed, worked_the_eve
from solver.rules.forbidden_successions import RULE

ID = "forbidden_successions"
SHIFTS = [("E", 6 * 60, 14 * 60), ("L", 14 * 60, 22 * 60), ("N", 22 * 60, 30 * 60)]
BANNED = frozenset({("N", "E"), ("N", "L"), ("L", "E")})


def _problem(**kw: object):
    staff = [Staff("A", "Aoki"), Staff("B", "Baba")]
    return make_problem(days=4, staff=staff, shifts=SHIFTS, forbidden_successions=BANNED, **kw)


def test_hard_forbids_an_early_shift_after_a_night() -> None:
    problem = _problem()
    bad = roster(problem, ("A", 1, "N"), ("A", 2, "E"))
    assert solve_fixed(problem, RULE, bad) is None
    [found] = RULE.check(problem, bad)
    assert found.hard and found.staff_id == "A" and found.date == problem.start.replace(day=2)


def test_hard_allows_allowed_orders_and_other_people() -> None:
    problem = _problem()
    fine = roster(problem, ("A", 0, "E"), ("A", 1, "L"), ("A", 2, "N"), ("B", 2, "N"), ("A", 3, "N"))
    assert RULE.check(problem, fine) == []
    assert solve_fixed(problem, RULE, fine) == 0


def test_soft_costs_each_forbidden_pair() -> None:
    problem = _problem(rules={ID: setting(hard=False, weight=5)})
    # A does L and N on day 0 and E and L on day 1: (N,E), (N,L), (L,E) all happen
    bad = roster(problem, ("A", 0, "L"), ("A", 0, "N"), ("A", 1, "E"), ("A", 1, "L"))
    assert check_cost(problem, RULE, bad) == 15
    assert solve_fixed(problem, RULE, bad) == 15


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    assert_exact(_problem(rules={ID: setting(hard=False, weight=2)}), RULE)
    assert_exact(_problem(), RULE)


def test_hard_with_one_session_a_day_is_the_same_rule() -> None:
    # one session a day lets the rule become one clique per day and banned group: same answers
    staff = [Staff("A", "Aoki", max_per_day=1), Staff("B", "Baba", max_per_day=1)]
    problem = make_problem(days=4, staff=staff, shifts=SHIFTS, forbidden_successions=BANNED)
    for bad in (roster(problem, ("A", 1, "N"), ("A", 2, "E")), roster(problem, ("B", 0, "L"), ("B", 1, "E")),
                roster(problem, ("A", 2, "N"), ("A", 3, "L"))):
        assert solve_fixed(problem, RULE, bad) is None
        assert [v.hard for v in RULE.check(problem, bad)] == [True]
    fine = roster(problem, ("A", 0, "E"), ("A", 1, "L"), ("A", 2, "N"), ("A", 3, "N"), ("B", 0, "N"), ("B", 2, "E"))
    assert RULE.check(problem, fine) == []
    assert solve_fixed(problem, RULE, fine) == 0


def test_the_night_before_the_plan_bars_an_early_shift_on_its_first_day() -> None:
    """A night on the last day of last month's roster (Problem.history_sessions) forbids an early
    shift on the first day of this one, hard or soft, in the solver and the evaluator alike."""
    problem = worked_the_eve(_problem(), "A", SHIFTS[2])
    early = roster(problem, ("A", 0, "E"))
    assert solve_fixed(problem, RULE, early) is None
    [found] = RULE.check(problem, early)
    assert found.staff_id == "A" and found.date == problem.start and "N" in found.message
    assert RULE.check(problem, roster(problem, ("B", 0, "E"), ("A", 0, "N"))) == []
    soft = problem.with_(rules={ID: setting(hard=False, weight=5)})
    assert check_cost(soft, RULE, early) == solve_fixed(soft, RULE, early) == 5
    assert_exact(soft, RULE)
    assert_exact(problem, RULE)
