from __future__ import annotations

from datetime import date

from models.domain import Problem, RuleSetting, Staff
from sequence_harness import assert_exact, check_cost, make_problem, setting, solve_fixed, working
from solver.context import Context
from solver.rules.pay_cap import RULE

ID = "pay_cap"  # the day shift is 8 hours


def _staff(**kw: object) -> Staff:
    values: dict = dict(hourly_rate=1250, annual_pay_cap=1_030_000, paid_this_year=1_000_000) | kw
    return Staff("A", "Aoki", **values)


def test_hard_cap_counts_what_was_paid_before() -> None:
    problem = make_problem(days=5, staff=[_staff()])  # room 30,000 yen = 3 days of 10,000
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1, 2, 3])) is None
    [found] = RULE.check(problem, working(problem, "A", [0, 1, 2, 3]))
    assert found.hard and "10,000" in found.message
    assert RULE.check(problem, working(problem, "A", [0, 1, 2])) == []
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1, 2])) == 0


def test_soft_costs_each_started_thousand_yen_above() -> None:
    problem = make_problem(days=5, staff=[_staff(paid_this_year=1_001_500)],
                           rules={ID: setting(hard=False, weight=3)})
    three = working(problem, "A", [0, 1, 2])  # 30,000 against 28,500 of room: 1,500 over
    assert check_cost(problem, RULE, three) == 2 * 3
    assert solve_fixed(problem, RULE, three) == 6


def test_a_cap_for_everyone_from_the_rule_parameter() -> None:
    rules = {ID: RuleSetting(params={"annual_pay_cap": 15_000})}
    problem = make_problem(days=3, staff=[Staff("A", "Aoki", hourly_rate=1000)], rules=rules)
    assert len(RULE.check(problem, working(problem, "A", [0, 1]))) == 1
    assert RULE.check(problem, working(problem, "A", [0])) == []


def test_someone_already_past_the_cap_takes_no_session_when_hard() -> None:
    problem = make_problem(days=3, staff=[_staff(paid_this_year=2_000_000)])
    assert Context(problem, [RULE]).pairs() == {}
    assert solve_fixed(problem, RULE, working(problem, "A", [])) == 0


def test_solver_and_evaluator_agree_on_random_rosters() -> None:
    staff = [_staff(paid_this_year=1_001_234), Staff("B", "Baba", hourly_rate=1111, annual_pay_cap=40_000)]
    problem = make_problem(days=6, staff=staff, shifts=[("D", 540, 1020), ("S", 600, 713)])
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(problem, RULE)


def test_earlier_plans_of_the_fiscal_year_count_against_the_cap() -> None:
    """February's workbook keeps January's 年間支給済額; January's pay, carried in from its roster at
    January's rate (Problem.history_pay), leaves less room."""
    problem = make_problem(days=5, staff=[_staff()]).with_(history_pay={"A": 20_000})  # 10,000 left
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1])) is None
    [found] = RULE.check(problem, working(problem, "A", [0, 1]))
    assert "1,040,000" in found.message and "20,000" in found.message
    assert RULE.check(problem, working(problem, "A", [0])) == []
    assert solve_fixed(problem, RULE, working(problem, "A", [0])) == 0
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)


def test_an_earlier_plan_without_a_rate_is_paid_at_today_s() -> None:
    """Minutes of an earlier plan that gave the person no hourly rate (Problem.history_unpriced_minutes)
    are paid at this plan's, with what the other plans paid at theirs."""
    problem = make_problem(days=5, staff=[_staff()]).with_(history_pay={"A": 5_000},
                                                            history_unpriced_minutes={"A": 720})  # + 15,000
    [found] = RULE.check(problem, working(problem, "A", [0, 1]))
    assert "1,040,000" in found.message and "20,000" in found.message
    assert RULE.check(problem, working(problem, "A", [0])) == []
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)


# -- a plan that crosses April 1 ------------------------------------------------------------------
CROSSING = date(2027, 3, 29)  # a Monday: 3/29, 3/30, 3/31 in fiscal 2026, then 4/1, 4/2 in fiscal 2027


def _crossing(*staff: Staff, **changes: object) -> Problem:
    return make_problem(days=5, staff=staff, start=CROSSING, **changes)


def test_a_plan_crossing_april_1_starts_a_new_fiscal_year_there() -> None:
    """3/29-4/2: the earlier plans' pay and 年間支給済額 leave 20,000 yen for March's sessions, while
    April's start a fiscal year of their own, with the whole cap (they were all charged to March's)."""
    problem = _crossing(_staff(), history_pay={"A": 10_000})
    march_and_april = working(problem, "A", [0, 1, 3, 4])
    assert RULE.check(problem, march_and_april) == []
    assert solve_fixed(problem, RULE, march_and_april) == 0
    every_day = working(problem, "A", [0, 1, 2, 3, 4])
    [found] = RULE.check(problem, every_day)  # March's three days: 30,000 yen in 20,000 of room
    assert "fiscal 2026" in found.message and "1,040,000" in found.message and "10,000 yen from" in found.message
    assert solve_fixed(problem, RULE, every_day) is None
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)
    assert_exact(problem, RULE)


def test_the_new_fiscal_year_is_capped_without_what_was_paid_before() -> None:
    """From April 1 the cap counts the plan's April sessions alone: neither 年間支給済額 (the old
    year's) nor the earlier plans; past the cap there, the message says it is the new year."""
    spent = _staff(paid_this_year=2_000_000)  # nothing left in fiscal 2026
    problem = _crossing(spent, Staff("B", "Baba", hourly_rate=1250, annual_pay_cap=15_000))
    assert {r for s, r in Context(problem, [RULE]).pairs() if s == "A"} == {
        r.id for r in problem.requirements if r.date.month == 4}
    [found] = RULE.check(problem, working(problem, "B", [2, 3, 4]))  # 20,000 yen of April's in 15,000
    assert "fiscal 2027" in found.message and "20,000" in found.message and "5,000 yen above" in found.message
    assert "a new fiscal year" in found.message
    assert RULE.check(problem, working(problem, "B", [0, 3])) == []
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)


def test_the_greedy_budgets_keep_each_fiscal_year_within_its_own_room() -> None:
    problem = _crossing(_staff(), history_pay={"A": 10_000})  # 20,000 yen left in March, the cap in April
    budgets = RULE.budgets(Context(problem, [RULE]), problem.staff[0])
    used = {(i, b.period(r)): 0 for i, b in enumerate(budgets) for r in problem.requirements}
    for r in problem.requirements:
        for i, b in enumerate(budgets):
            used[(i, b.period(r))] += b.use(r)
    over_room = {key for key, amount in used.items() if amount > budgets[key[0]].room}
    assert over_room == {(0, None)}  # March's three days: 30,000 yen in 20,000 of room
    assert 60 * 20_000 in {b.room for b in budgets} and 60 * 1_030_000 in {b.room for b in budgets}


def test_a_year_from_january_caps_december_and_january_apart() -> None:
    """year_start_month 1 (a threshold on a calendar year's income): 12/30-1/3, December's sessions
    count with 年間支給済額 (this year's), January's start a year of their own."""
    rules = {ID: RuleSetting(params={"year_start_month": 1})}
    problem = make_problem(days=5, staff=[_staff(paid_this_year=1_020_000)], start=date(2026, 12, 30), rules=rules)
    assert RULE.check(problem, working(problem, "A", [0, 2, 3, 4])) == []  # one December day, then January
    [found] = RULE.check(problem, working(problem, "A", [0, 1]))  # 20,000 yen of December in 10,000
    assert "in 2026," in found.message and "10,000 yen above" in found.message
    assert solve_fixed(problem, RULE, working(problem, "A", [0, 1])) is None
    fiscal = make_problem(days=5, staff=[_staff(paid_this_year=1_020_000)], start=date(2026, 12, 30))
    assert len(RULE.check(fiscal, working(fiscal, "A", [0, 2, 3, 4]))) == 1  # all in fiscal 2026: 40,000 in 10,000
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3, year_start_month=1)}), RULE)
