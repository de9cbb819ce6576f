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
    assert check_cost(problem, RULE, bad) == 18  # L->E, E->N on one day (6 hours), N->E
    assert solve_fixed(problem, RULE, bad) == 18


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


WARD = [("深夜", 30, 9 * 60), ("日勤", 8 * 60 + 30, 17 * 60), ("準夜", 16 * 60 + 30, 25 * 60)]
HALF_DAYS = [("午前", 9 * 60, 12 * 60), ("午後", 13 * 60 + 30, 16 * 60 + 30), ("夕", 18 * 60, 20 * 60)]


def test_two_shifts_of_one_day_need_the_rest_between_them_too() -> None:
    """深夜 0:30-9:00 then 準夜 from 16:30 on the same date: 7.5 hours of rest, under 8."""
    problem = make_problem(days=2, staff=[Staff("A", "Aoki")], shifts=WARD, min_rest_minutes=8 * 60)
    both = roster(problem, ("A", 0, "深夜"), ("A", 0, "準夜"))
    assert solve_fixed(problem, RULE, both) is None
    [found] = RULE.check(problem, both)
    assert found.hard and found.message == (
        "Aoki: only 450 minutes between 1/1 Ward 深夜 00:30-09:00 and 1/1 Ward 準夜 16:30-1:00 (next day) on the same day "
        "(minimum 480).")
    assert RULE.check(problem, roster(problem, ("A", 0, "深夜"), ("A", 1, "準夜"))) == []
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)


def test_a_morning_and_an_afternoon_session_are_one_working_day() -> None:
    """A break of up to max_break_minutes (2 hours unless set) is not a rest: 午前 and 午後 go together;
    午後 and an evening session 1.5 hours later do too, but not with a break of 1 hour set."""
    problem = make_problem(days=1, staff=[Staff("A", "Aoki")], shifts=HALF_DAYS, min_rest_minutes=11 * 60)
    day = roster(problem, ("A", 0, "午前"), ("A", 0, "午後"), ("A", 0, "夕"))
    assert RULE.check(problem, day) == [] and solve_fixed(problem, RULE, day) == 0
    short = problem.with_(rules={ID: RuleSetting(params={"max_break_minutes": 60})})
    assert len(RULE.check(short, day)) == 2  # 午前->午後 and 午後->夕; 午前->夕 is 6 hours, under 11 too


CARE_HOME = [("早番", 7 * 60, 16 * 60), ("夜勤", 16 * 60 + 30, 33 * 60 + 30), ("遅番", 11 * 60, 20 * 60)]


def test_a_break_joins_no_working_day_longer_than_17_hours() -> None:
    """A care home's 早番 7:00-16:00 and 夜勤 16:30-翌9:30 of one day, 30 minutes apart: two shifts that
    need the rest (44 such days had passed as one 26.5-hour working day with a break)."""
    problem = make_problem(days=2, staff=[Staff("A", "Aoki")], shifts=CARE_HOME, min_rest_minutes=11 * 60)
    both = roster(problem, ("A", 0, "早番"), ("A", 0, "夜勤"))
    assert solve_fixed(problem, RULE, both) is None
    [found] = RULE.check(problem, both)
    assert found.hard and "only 30 minutes between" in found.message
    assert_exact(problem.with_(rules={ID: setting(hard=False, weight=3)}), RULE)


def test_a_night_still_running_when_the_next_session_starts_is_said_so() -> None:
    """夜勤 to 翌9:30 then the next day's 早番 at 7:00: no `-150 minutes` of rest."""
    problem = make_problem(days=2, staff=[Staff("A", "Aoki")], shifts=CARE_HOME, min_rest_minutes=11 * 60)
    [found] = RULE.check(problem, roster(problem, ("A", 0, "夜勤"), ("A", 1, "早番")))
    assert "-150" not in found.message and "starts before 1/1 Ward 夜勤" in found.message
