"""weekend_spread: Saturdays, Sundays and holidays shared out (soft, off by default)."""

from __future__ import annotations

from models.domain import RuleSetting, Staff
from sequence_harness import START, assert_exact, check_cost, make_problem, roster, solve_fixed, working
from solver.rules import RULES
from solver.rules.weekend_spread import RULE, rest_days

ID = "weekend_spread"
DAY = ("日", 9 * 60, 17 * 60)
NIGHT = ("夜", 16 * 60 + 30, 24 * 60 + 9 * 60)  # 16:30-翌9:00: a Friday night takes the Saturday


def ward(on: bool = True, days: int = 14):
    staff = [Staff("A", "Aoki"), Staff("B", "Baba"), Staff("C", "Chiba")]
    return make_problem(days=days, staff=staff, shifts=(DAY, NIGHT),
                        rules={ID: RuleSetting(enabled=True, hard=False, weight=4)} if on else {})


def test_the_rest_days_are_weekends_and_holidays() -> None:
    p = ward()
    assert START.isoformat() == "2024-01-01"  # 元日, a holiday, and a Monday
    assert [d.day for d in rest_days(p)] == [1, 6, 7, 8, 13, 14]  # 1/8 is 成人の日


def test_the_gap_between_most_and_fewest_weekend_days_costs() -> None:
    p = ward()
    uneven = working(p, "A", [5, 6, 12, 13], "日")  # A every weekend day, B and C none
    assert check_cost(p, RULE, uneven) == 4 * 4 and solve_fixed(p, RULE, uneven) == 4 * 4
    shared = roster(p, ("A", 5, "日"), ("B", 6, "日"), ("C", 12, "日"))
    assert check_cost(p, RULE, shared) == 0 and solve_fixed(p, RULE, shared) == 0  # one day each


def test_a_friday_night_counts_its_saturday() -> None:
    p = ward()
    friday = roster(p, ("A", 4, "夜"))  # A's 明 is Saturday 1/6: 1 day against 0
    assert check_cost(p, RULE, friday) == 4 and solve_fixed(p, RULE, friday) == 4


def test_off_by_default_and_in_the_catalogue() -> None:
    p = ward(on=False)
    assert RULE.check(p, working(p, "A", [5, 6, 12, 13], "日")) == []
    assert RULE in RULES and not RULE.info.can_be_hard


def test_solver_and_evaluator_agree() -> None:
    assert_exact(ward(), RULE, count=20)


def test_jobs_named_are_compared_apart() -> None:
    """Students who work every weekend set against a part-timer near her pay cap: the spread said
    nothing about fairness among the students."""
    staff = [Staff("A", "Aoki", frozenset({"学生"})), Staff("B", "Baba", frozenset({"学生"})), Staff("C", "Chiba")]
    p = make_problem(days=14, staff=staff, shifts=(DAY, NIGHT),
                     rules={ID: RuleSetting(enabled=True, hard=False, weight=4, params={"jobs": "学生"})})
    students = roster(p, ("A", 5, "日"), ("A", 6, "日"), ("B", 12, "日"), ("B", 13, "日"))
    assert check_cost(p, RULE, students) == 0 and solve_fixed(p, RULE, students) == 0  # 2 and 2; C alone
    uneven = roster(p, ("A", 5, "日"), ("A", 6, "日"), ("A", 12, "日"), ("B", 13, "日"))
    [v] = RULE.check(p, uneven)
    assert v.cost == 2 * 4 and v.message.startswith("学生: ") and solve_fixed(p, RULE, uneven) == 2 * 4


def counted(params: dict, days: int = 14):
    staff = [Staff("A", "Aoki"), Staff("B", "Baba"), Staff("C", "Chiba")]
    return make_problem(days=days, staff=staff, shifts=(DAY, NIGHT),
                        rules={ID: RuleSetting(enabled=True, hard=False, weight=4, params=params)})


def test_without_mornings_a_friday_night_is_no_weekend_duty() -> None:
    """A hospital's Friday 当直 and a fire station's Friday 当務 took the Saturday: 4 Friday nights
    wished for were cut to 2 by the spread."""
    p = counted({"mornings": False})
    friday = roster(p, ("A", 4, "夜"))
    assert check_cost(p, RULE, friday) == 0 and solve_fixed(p, RULE, friday) == 0
    saturday = roster(p, ("A", 5, "夜"))  # starts on Saturday 1/6 (and its morning, Sunday, is not counted)
    assert check_cost(p, RULE, saturday) == 4 and solve_fixed(p, RULE, saturday) == 4


def test_only_the_activities_named_count() -> None:
    p = counted({"activities": "夜"})
    days = roster(p, ("A", 5, "日"), ("A", 6, "日"))  # day shifts at the weekend: not counted
    assert check_cost(p, RULE, days) == 0 and solve_fixed(p, RULE, days) == 0
    nights = roster(p, ("A", 5, "夜"), ("A", 5, "日"))  # one night from Saturday into Sunday, and its day shift
    assert check_cost(p, RULE, nights) == 2 * 4 and solve_fixed(p, RULE, nights) == 2 * 4


def test_solver_and_evaluator_agree_with_the_parameters() -> None:
    for params in ({"mornings": False}, {"activities": "夜"}, {"activities": "夜", "mornings": False}):
        assert_exact(counted(params), RULE, count=15, seed=4)


def test_over_the_fiscal_year_the_earlier_plans_days_count_too() -> None:
    """A library's June gave 3 weekend days each to people with 9 already and with 6: the spread was
    of the month alone. With the days worked earlier in the fiscal year (history_weekend_days) the
    one with fewer takes them; 年度で数える = no keeps the month alone."""
    p = ward().with_(history_weekend_days={"A": 3, "B": 1})
    a_again = roster(p, ("A", 5, "日"), ("B", 6, "日"), ("C", 12, "日"))  # month: 1 each; year: 4, 2, 1
    assert check_cost(p, RULE, a_again) == 4 * 3 and solve_fixed(p, RULE, a_again) == 4 * 3
    [v] = RULE.check(p, a_again)
    assert "earlier plans included" in v.message and "most: Aoki, 4" in v.message
    evened = roster(p, ("B", 5, "日"), ("C", 6, "日"), ("C", 12, "日"), ("C", 13, "日"))  # 3, 2, 3
    assert check_cost(p, RULE, evened) == 4 and solve_fixed(p, RULE, evened) == 4
    month_only = p.with_(rules={ID: RuleSetting(enabled=True, hard=False, weight=4, params={"fiscal": False})})
    assert check_cost(month_only, RULE, a_again) == 0 and solve_fixed(month_only, RULE, a_again) == 0
    assert_exact(p, RULE, count=20)
