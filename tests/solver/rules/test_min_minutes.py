from __future__ import annotations

from models.domain import Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.rules.min_minutes import RULE

ID = "min_minutes"


def test_hard_minimum_per_plan() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", min_minutes_per_plan=24 * 60)])
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1])) is None
    [found] = RULE.check(problem, working(problem, "A", [0, 1]))
    assert found.hard
    assert RULE.check(problem, working(problem, "A", [0, 1, 4])) == []
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1, 4])) == 0


def test_a_partial_week_at_the_edge_is_not_pro_rated() -> None:
    problem = make_problem(days=9, staff=[Staff("A", "Aoki", min_minutes_per_week=16 * 60)])
    # week 2 has only Monday and Tuesday in the plan and still needs 16 hours
    assert len(RULE.check(problem, working(problem, "A", [0, 1, 7]))) == 1
    assert RULE.check(problem, working(problem, "A", [0, 1, 7, 8])) == []


def test_soft_costs_each_started_hour_below_and_nobody_working_counts() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", min_minutes_per_plan=20 * 60)],
                           rules={ID: setting(hard=False, weight=2)})
    assert check_cost(problem, RULE, working(problem, "A", [])) == 40
    assert solve_fixed(problem, RULE, working(problem, "A", [])) == 40
    assert solve_fixed(problem, RULE, working(problem, "A", [3, 4])) == 8


def test_inactive_staff_have_no_minimum() -> None:
    problem = make_problem(days=7, staff=[Staff("A", "Aoki", min_minutes_per_plan=60, active=False)])
    assert RULE.check(problem, working(problem, "A", [])) == []


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [Staff("A", "Aoki", min_minutes_per_week=20 * 60), Staff("B", "Baba", min_minutes_per_month=30 * 60)]
    problem = make_problem(days=16, staff=staff, shifts=[("D", 540, 1020), ("S", 600, 700)])
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(problem, RULE)


def test_a_day_of_leave_counts_as_the_minutes_given() -> None:
    """A nursery's 正規 held to her hours a month whatever her 有休: infeasible, or her hours cut by hand. With
    休暇1日の時間 a day of leave counts as that much work; a day off asked for (希) does not."""
    from datetime import timedelta

    from models.domain import WISHED_OFF, Mark

    base = make_problem(days=7, staff=[Staff("A", "Aoki", min_minutes_per_plan=24 * 60)])
    leave_day, wished = base.start + timedelta(days=5), base.start + timedelta(days=6)
    off = {("A", leave_day): Mark.UNAVAILABLE, ("A", wished): Mark.UNAVAILABLE}
    problem = base.with_(availability=off, leave={("A", leave_day): "有休", ("A", wished): WISHED_OFF},
                         rules={ID: setting(hard=True, leave_minutes=8 * 60)})
    two = working(problem, "A", [0, 1])  # two shifts of 8 hours and a day of 有休: 24 hours
    assert RULE.check(problem, two) == [] and solve_fixed(problem, RULE, two) == 0
    [short] = RULE.check(problem, working(problem, "A", [0]))
    assert "16 h in plan" in short.message and "(of which 8 h for days of leave)" in short.message
    assert solve_fixed(problem, RULE, working(problem, "A", [0])) is None
    assert len(RULE.check(problem.with_(rules={ID: setting(hard=True)}), two)) == 1  # no credit unless given
