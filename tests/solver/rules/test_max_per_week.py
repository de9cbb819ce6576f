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
