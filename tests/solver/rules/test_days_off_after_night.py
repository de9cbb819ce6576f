"""days_off_after_night: 夜勤 → 明 → 休, and more days off after 明 when asked."""

from __future__ import annotations

from datetime import timedelta

from models.domain import Requirement, RuleSetting, Staff
from sequence_harness import assert_exact, check_cost, make_problem, roster, solve_fixed, worked_the_eve
from solver.rules.days_off_after_night import RULE

ID = "days_off_after_night"
DAY = ("日", 9 * 60, 17 * 60)
NIGHT = ("夜", 16 * 60 + 30, 24 * 60 + 9 * 60)  # 16:30-翌9:00
LATE = ("準", 16 * 60 + 30, 25 * 60)  # 16:30-翌1:00: not a night here
SHIFTS = (DAY, NIGHT, LATE)


def ward(days: int = 7, hard: bool = True, n: int | None = 1, **kw):
    params = {} if n is None else {"days_off_after_night": n}
    return make_problem(days=days, staff=[Staff("A", "Aoki"), Staff("B", "Baba")], shifts=SHIFTS,
                        rules={ID: RuleSetting(enabled=True, hard=hard, weight=7, params=params)}, **kw)


def test_the_day_after_the_morning_after_is_off() -> None:
    p = ward()
    broken = roster(p, ("A", 0, "夜"), ("A", 2, "日"))  # 夜 on day 0, 明 on day 1, 日 on day 2
    [found] = RULE.check(p, broken)
    assert found.hard and found.staff_id == "A" and found.date == p.days()[2]
    assert solve_fixed(p, RULE, broken) is None
    fine = roster(p, ("A", 0, "夜"), ("A", 3, "日"))
    assert RULE.check(p, fine) == [] and solve_fixed(p, RULE, fine) == 0


def test_a_night_on_the_morning_after_breaks_it_too() -> None:
    p = ward()
    twice = roster(p, ("A", 0, "夜"), ("A", 1, "夜"))  # on the 明 day, and its own 明 falls on day 2
    assert len(RULE.check(p, twice)) == 2 and solve_fixed(p, RULE, twice) is None


def test_the_morning_after_takes_no_session_of_its_own() -> None:
    """A care home's 遅番 11:00-20:00 had been put on the 明 day after a 16:30-翌9:30 night, 19 times a month."""
    p = ward()
    late = roster(p, ("A", 0, "夜"), ("A", 1, "日"))  # 日 9:00-17:00 on the 明 day (the night ends at 9:00)
    [found] = RULE.check(p, late)
    assert found.date == p.days()[1] and "morning after" in found.message
    assert solve_fixed(p, RULE, late) is None
    soft = ward(hard=False)
    assert check_cost(soft, RULE, roster(soft, ("A", 0, "夜"), ("A", 1, "日"))) == 7
    assert solve_fixed(soft, RULE, roster(soft, ("A", 0, "夜"), ("A", 1, "日"))) == 7


def test_a_morning_after_written_in_the_marks_rests_the_next_day() -> None:
    """勤務可否 `明` on the 1st (last month's night, not in Haichi): the 2nd had been given a 夜勤 or a 日勤."""
    from models.domain import Mark

    first = ward().start
    p = ward().with_(availability={("A", first): Mark.UNAVAILABLE}, leave={("A", first): "明"})
    assert len(RULE.check(p, roster(p, ("A", 1, "日")))) == 1 and solve_fixed(p, RULE, roster(p, ("A", 1, "日"))) is None
    assert RULE.check(p, roster(p, ("A", 2, "日"))) == [] and solve_fixed(p, RULE, roster(p, ("A", 2, "日"))) == 0
    carried = worked_the_eve(p, "A", NIGHT)  # the same 明, carried in too: said once
    assert len(RULE.check(carried, roster(carried, ("A", 1, "日")))) == 1


def test_a_late_shift_is_not_a_night() -> None:
    p = ward()
    lates = roster(p, ("A", 0, "準"), ("A", 1, "日"), ("A", 2, "日"))
    assert RULE.check(p, lates) == [] and solve_fixed(p, RULE, lates) == 0


def test_two_days_off_and_a_soft_cost_per_day() -> None:
    p = ward(n=2, hard=False)
    worked = roster(p, ("A", 0, "夜"), ("A", 2, "日"), ("A", 3, "日"), ("A", 4, "日"))
    assert check_cost(p, RULE, worked) == 2 * 7
    assert solve_fixed(p, RULE, worked) == 2 * 7


def test_unset_or_per_staff() -> None:
    p = ward(n=None)
    assert RULE.check(p, roster(p, ("A", 0, "夜"), ("A", 2, "日"))) == []
    only_b = ward(n=None).with_(rules={ID: RuleSetting(enabled=True, hard=True, weight=7,
                                                       staff_overrides={"B": {"days_off_after_night": 1}})})
    assert RULE.check(only_b, roster(only_b, ("A", 0, "夜"), ("A", 2, "日"))) == []
    assert len(RULE.check(only_b, roster(only_b, ("B", 0, "夜"), ("B", 2, "日")))) == 1


def test_the_earlier_plans_last_night_rests_the_second_day() -> None:
    p = worked_the_eve(ward(), "A", NIGHT)  # 明 on day 0, off on day 1
    assert len(RULE.check(p, roster(p, ("A", 1, "日")))) == 1
    assert solve_fixed(p, RULE, roster(p, ("A", 1, "日"))) is None
    assert RULE.check(p, roster(p, ("A", 2, "日"))) == []


def test_solver_and_evaluator_agree() -> None:
    for hard in (True, False):
        for n in (1, 2):
            assert_exact(ward(days=10, hard=hard, n=n), RULE, count=15)
            assert_exact(worked_the_eve(ward(days=10, hard=hard, n=n), "B", NIGHT), RULE, count=10, seed=5)


def test_a_night_two_days_before_the_plan_rests_its_first_day() -> None:
    """夜勤 on the 30th, 明 on the 31st: the plan's first day is the day off (it was missed when only
    the eve's sessions were carried in)."""
    p = ward()
    night_day = p.start - timedelta(days=2)
    night = Requirement(Requirement.make_id(night_day, "Ward", "夜", NIGHT[1]), night_day, "Ward", "夜", NIGHT[1],
                        NIGHT[2], 1)
    p = p.with_(history_nights={"A": (night,)})
    first = roster(p, ("A", 0, "日"))
    [found] = RULE.check(p, first)
    assert found.date == p.start and solve_fixed(p, RULE, first) is None
    assert RULE.check(p, roster(p, ("A", 1, "日"))) == [] and solve_fixed(p, RULE, roster(p, ("A", 1, "日"))) == 0
    assert_exact(p, RULE, count=10, seed=11)
