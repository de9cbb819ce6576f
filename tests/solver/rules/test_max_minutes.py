from __future__ import annotations

from models.domain import Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.context import Context
from solver.rules.max_minutes import RULE

ID = "max_minutes"  # the day shift is 8 hours; 2024-01-01 is a Monday


def test_hard_week_limit_counts_monday_to_sunday() -> None:
    problem = make_problem(days=14, staff=[Staff("A", "Aoki", max_minutes_per_week=16 * 60)])
    three_in_week_one = working(problem, "A", [0, 3, 6])
    assert solve_fixed(problem, RULE, three_in_week_one) is None
    [found] = RULE.check(problem, three_in_week_one)
    assert found.hard and found.staff_id == "A"
    split = working(problem, "A", [5, 6, 7, 8])  # Sat+Sun, then Mon+Tue of the next week
    assert RULE.check(problem, split) == []
    assert solve_fixed(problem, RULE, split) == 0


def test_month_and_plan_limits() -> None:
    staff = [Staff("A", "Aoki", max_minutes_per_month=24 * 60, max_minutes_per_plan=40 * 60)]
    problem = make_problem(days=45, staff=staff)  # January and half of February
    assert RULE.check(problem, working(problem, "A", [0, 1, 2, 31, 32])) == []
    assert len(RULE.check(problem, working(problem, "A", [0, 1, 2, 3]))) == 1
    assert len(RULE.check(problem, working(problem, "A", [0, 1, 2, 31, 32, 33]))) == 1  # plan only


def test_soft_costs_each_started_hour_above() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", max_minutes_per_week=20 * 60)],
                           rules={ID: setting(hard=False, weight=10)})
    three = working(problem, "A", [0, 1, 2])  # 24 hours: 4 over
    assert check_cost(problem, RULE, three) == 40
    assert solve_fixed(problem, RULE, three) == 40
    odd = make_problem(days=7, staff=[Staff("A", "Aoki", max_minutes_per_week=23 * 60 + 30)],
                       rules={ID: setting(hard=False, weight=10)})
    assert check_cost(odd, RULE, working(odd, "A", [0, 1, 2])) == 10  # 30 minutes = one started hour


def test_hard_filters_a_session_longer_than_the_limit() -> None:
    problem = make_problem(days=2, staff=[Staff("A", "Aoki", max_minutes_per_week=7 * 60)])
    assert Context(problem, [RULE]).pairs() == {}


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [Staff("A", "Aoki", max_minutes_per_week=20 * 60, max_minutes_per_plan=50 * 60),
             Staff("B", "Baba", max_minutes_per_month=30 * 60 + 15)]
    problem = make_problem(days=16, staff=staff, shifts=[("D", 540, 1020), ("S", 600, 700)],
                           start=make_problem().start.replace(day=22))
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(problem, RULE)


def test_the_first_week_counts_the_earlier_plans_minutes_before_the_plan() -> None:
    monday = make_problem(days=1).requirements[0]  # the earlier plan's 8-hour day shift of Monday 2024-01-01
    problem = make_problem(days=12, staff=[Staff("A", "Aoki", max_minutes_per_week=16 * 60)],
                           start=monday.date.replace(day=3), history_week={"A": (monday,)})
    two_more = working(problem, "A", [0, 1])  # Wednesday and Thursday: 24 hours in the week with Monday's
    assert solve_fixed(problem, RULE, two_more) is None
    [found] = RULE.check(problem, two_more)
    assert found.message == "Aoki: 24 h in week of 1/1, above the maximum 16 h. (of which 8 h before 1/3, in the earlier plan)"
    assert RULE.check(problem, working(problem, "A", [0])) == []
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 5])) == 0  # Wednesday, then next Monday
