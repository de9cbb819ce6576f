"""max_days_per_week: at most N days a week, a morning and an afternoon on one day being one day."""

from __future__ import annotations

from datetime import timedelta

from models.domain import Requirement, RuleSetting, Staff
from sequence_harness import START, assert_exact, check_cost, make_problem, roster, solve_fixed
from solver.rules.max_days_per_week import RULE

ID = "max_days_per_week"
AM, PM = ("午前", 9 * 60, 12 * 60), ("午後", 13 * 60 + 30, 16 * 60 + 30)


def clinic(hard: bool = True, days: int = 14, **kw):
    staff = [Staff("A", "Aoki", max_days_per_week=2), Staff("B", "Baba")]
    return make_problem(days=days, staff=staff, shifts=(AM, PM),
                        rules={ID: RuleSetting(enabled=True, hard=hard, weight=6, params={"max_days_per_week": 3})}, **kw)


def test_a_morning_and_an_afternoon_are_one_day() -> None:
    p = clinic()
    two_days = roster(p, ("A", 0, "午前"), ("A", 0, "午後"), ("A", 1, "午前"), ("A", 1, "午後"))
    assert RULE.check(p, two_days) == [] and solve_fixed(p, RULE, two_days) == 0
    three = roster(p, ("A", 0, "午前"), ("A", 1, "午後"), ("A", 2, "午前"))
    [found] = RULE.check(p, three)
    assert found.hard and "3 days in the week of 1/1 (at most 2)" in found.message
    assert solve_fixed(p, RULE, three) is None


def test_the_rule_parameter_for_those_without_their_own_and_soft_costs() -> None:
    p = clinic(hard=False)
    four = roster(p, *(("B", d, "午前") for d in range(4)), ("A", 7, "午前"))  # B: 4 days, 3 allowed
    assert check_cost(p, RULE, four) == 6 and solve_fixed(p, RULE, four) == 6


def test_the_days_before_the_plan_in_its_first_week_count() -> None:
    start = START + timedelta(days=2)  # a Wednesday
    monday = Requirement(Requirement.make_id(START, "Ward", "午前", AM[1]), START, "Ward", "午前", AM[1], AM[2], 1)
    p = clinic(days=5, start=start, history_week={"A": (monday,)})
    one_more = roster(p, ("A", 0, "午前"))
    assert RULE.check(p, one_more) == [] and solve_fixed(p, RULE, one_more) == 0
    [found] = RULE.check(p, roster(p, ("A", 0, "午前"), ("A", 1, "午前")))
    assert "1 of them in the earlier plan" in found.message


def test_solver_and_evaluator_agree() -> None:
    for hard in (True, False):
        assert_exact(clinic(hard=hard, days=10), RULE, count=20)
