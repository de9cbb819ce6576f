from __future__ import annotations

from models.domain import Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.rules.min_consecutive_days import RULE

ID = "min_consecutive_days"


def _problem(**kw: object):
    return make_problem(days=8, staff=[Staff("A", "Aoki", min_consecutive_days=3)], **kw)


def test_hard_forbids_a_short_run_inside_the_plan() -> None:
    problem = _problem()
    short = working(problem, "A", [2, 3])  # off on 1 and 4: a 2-day run inside the plan
    assert solve_fixed(problem, RULE, short) is None
    [found] = RULE.check(problem, short)
    assert found.hard and found.date == problem.start.replace(day=3)


def test_hard_exempts_runs_touching_the_plan_edges_and_accepts_long_runs() -> None:
    problem = _problem()
    fine = working(problem, "A", [0, 2, 3, 4, 7])  # day 0 and day 7 touch the edges
    assert RULE.check(problem, fine) == []
    assert solve_fixed(problem, RULE, fine) == 0
    assert solve_fixed(problem, RULE, working(problem, "A", [])) == 0


def test_soft_costs_the_missing_days_of_each_short_run() -> None:
    problem = _problem(rules={ID: setting(hard=False, weight=10)})
    two_short = working(problem, "A", [1, 3, 4])  # runs of 1 and 2 days: 2 + 1 missing
    assert check_cost(problem, RULE, two_short) == 30
    assert solve_fixed(problem, RULE, two_short) == 30


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [Staff("A", "Aoki", min_consecutive_days=3), Staff("B", "Baba", min_consecutive_days=2)]
    assert_exact(make_problem(days=9, staff=staff, rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(make_problem(days=9, staff=staff), RULE)
