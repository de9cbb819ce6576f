from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, fixed, person, problem, roster, session, soft
from solver.rules.max_per_week import RULE

# Sunday and the next Monday fall in different weeks; Monday and Sunday of one week do not.
MON, SUN, NEXT_MON = (session(day=MONDAY + timedelta(days=d)) for d in (0, 6, 7))


def test_two_in_one_week_break_a_cap_of_one() -> None:
    p = problem([person("A", max_per_week=1)], [MON, SUN, NEXT_MON], days=8)
    pairs = [("A", MON.id), ("A", SUN.id)]
    assert fixed(p, pairs, [RULE]) is None
    [v] = RULE.check(p, roster(*pairs))
    assert v.hard and v.date == MON.date


def test_weeks_run_monday_to_sunday() -> None:
    p = problem([person("A", max_per_week=1)], [MON, SUN, NEXT_MON], days=8)
    pairs = [("A", SUN.id), ("A", NEXT_MON.id)]
    assert fixed(p, pairs, [RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []


def test_soft_costs_weight_per_extra() -> None:
    p = problem([person("A", max_per_week=1)], [MON, SUN, NEXT_MON], days=8, rules={"max_per_week": soft(4)})
    pairs = [("A", MON.id), ("A", SUN.id)]
    assert fixed(p, pairs, [RULE]) == 4
    assert sum(v.cost for v in RULE.check(p, roster(*pairs))) == 4


# A plan that starts on a Wednesday: its first week holds Monday and Tuesday of the earlier plan.
WED, THU = (session(day=MONDAY + timedelta(days=d)) for d in (2, 3))
EARLIER = (session(day=MONDAY), session(day=MONDAY + timedelta(days=1), start="13:00", end="16:00"))


def test_the_first_week_counts_the_earlier_plans_days_before_the_plan() -> None:
    p = problem([person("A", max_per_week=3)], [WED, THU], days=5, start=MONDAY + timedelta(days=2),
                history_week={"A": EARLIER})
    assert fixed(p, [("A", WED.id)], [RULE]) == 0 and RULE.check(p, roster(("A", WED.id))) == []
    both = [("A", WED.id), ("A", THU.id)]
    assert fixed(p, both, [RULE]) is None
    [v] = RULE.check(p, roster(*both))
    assert v.hard and v.message == (
        "職員A works 4 times in the week of 4/6 (limit 3). (of which 2 before 4/8, in the earlier plan)")


def test_a_week_the_earlier_plan_already_filled_costs_only_this_plans_sessions() -> None:
    p = problem([person("A", max_per_week=1)], [WED, THU], days=5, start=MONDAY + timedelta(days=2),
                history_week={"A": EARLIER}, rules={"max_per_week": soft(4)})
    assert fixed(p, [], [RULE]) == 0 and RULE.check(p, roster()) == []
    assert fixed(p, [("A", WED.id)], [RULE]) == 4
    assert sum(v.cost for v in RULE.check(p, roster(("A", WED.id)))) == 4
