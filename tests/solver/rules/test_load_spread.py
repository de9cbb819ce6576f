from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, fixed, person, problem, roster, session
from models.domain import Mark
from solver.rules.load_spread import RULE

DAYS = [session(day=MONDAY + timedelta(days=d)) for d in range(4)]


def test_spread_between_busiest_and_least_busy_costs_the_weight() -> None:
    p = problem([person("A"), person("B")], DAYS)
    pairs = [("A", r.id) for r in DAYS[:3]]
    assert fixed(p, pairs, [RULE]) == 3
    [v] = RULE.check(p, roster(*pairs))
    assert v.cost == 3 and not v.hard


def test_even_load_costs_nothing_and_people_who_cannot_work_are_left_out() -> None:
    p = problem([person("A"), person("B")], DAYS)
    pairs = [("A", DAYS[0].id), ("B", DAYS[1].id)]
    assert fixed(p, pairs, [RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []
    away = {("C", MONDAY + timedelta(days=d)): Mark.UNAVAILABLE for d in range(7)}
    p = problem([person("A"), person("B"), person("C")], DAYS, availability=away)
    from solver.rules.availability import RULE as AVAILABILITY

    assert fixed(p, pairs, [AVAILABILITY, RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []
