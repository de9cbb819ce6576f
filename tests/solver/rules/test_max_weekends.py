from __future__ import annotations

from datetime import date

from models.domain import Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.rules.max_weekends import RULE, weekends

ID = "max_weekends"


def _problem(**kw: object):
    return make_problem(days=21, staff=[Staff("A", "Aoki", max_weekends=1)], **kw)


def test_a_weekend_counts_once_when_either_day_is_worked() -> None:
    problem = _problem()
    # Saturday and Sunday of week 1, then only the Sunday of week 2: two weekends
    two = working(problem, "A", [5, 6, 13])
    assert solve_fixed(problem, RULE, two) is None
    [found] = RULE.check(problem, two)
    assert found.hard


def test_hard_accepts_one_full_weekend_and_weekdays() -> None:
    problem = _problem()
    fine = working(problem, "A", [0, 1, 5, 6, 7, 8, 14])
    assert RULE.check(problem, fine) == []
    assert solve_fixed(problem, RULE, fine) == 0


def test_soft_costs_each_weekend_above_the_limit() -> None:
    problem = _problem(rules={ID: setting(hard=False, weight=9)})
    three = working(problem, "A", [5, 12, 20])
    assert check_cost(problem, RULE, three) == 18
    assert solve_fixed(problem, RULE, three) == 18


def test_weekends_cut_by_the_plan_edge_keep_their_inside_day() -> None:
    problem = make_problem(days=8, start=date(2024, 1, 7))  # a Sunday to the next Sunday
    assert [len(days) for days in weekends(problem).values()] == [1, 2]


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [Staff("A", "Aoki", max_weekends=1), Staff("B", "Baba", max_weekends=0)]
    assert_exact(make_problem(days=14, staff=staff, rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(make_problem(days=14, staff=staff), RULE)
