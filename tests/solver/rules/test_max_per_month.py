from __future__ import annotations

from datetime import date

from factories import fixed, person, problem, roster, session, soft
from solver.rules.max_per_month import RULE

APR_29, APR_30, MAY_1 = (session(day=d) for d in (date(2026, 4, 29), date(2026, 4, 30), date(2026, 5, 1)))


def _p(**kw):
    return problem([person("A", max_per_month=1)], [APR_29, APR_30, MAY_1], start=date(2026, 4, 29), days=3, **kw)


def test_two_in_one_calendar_month_break_a_cap_of_one() -> None:
    pairs = [("A", APR_29.id), ("A", APR_30.id)]
    assert fixed(_p(), pairs, [RULE]) is None
    [v] = RULE.check(_p(), roster(*pairs))
    assert v.hard and v.staff_id == "A"


def test_months_are_calendar_months() -> None:
    pairs = [("A", APR_30.id), ("A", MAY_1.id)]
    assert fixed(_p(), pairs, [RULE]) == 0
    assert RULE.check(_p(), roster(*pairs)) == []


def test_soft_costs_weight_per_extra() -> None:
    p = _p(rules={"max_per_month": soft(3)})
    pairs = [("A", APR_29.id), ("A", APR_30.id), ("A", MAY_1.id)]
    assert fixed(p, pairs, [RULE]) == 3
    assert sum(v.cost for v in RULE.check(p, roster(*pairs))) == 3
