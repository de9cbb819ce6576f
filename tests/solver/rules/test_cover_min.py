from __future__ import annotations

from factories import fixed, person, problem, roster, session, soft
from solver.rules.cover_min import RULE

REQ = session(min_staff=2)
STAFF = [person("A"), person("B"), person("C")]


def test_hard_forbids_too_few_staff() -> None:
    p = problem(STAFF, [REQ])
    assert fixed(p, [("A", REQ.id)], [RULE]) is None
    [v] = RULE.check(p, roster(("A", REQ.id)))
    assert v.hard and v.cost == 0 and v.requirement_id == REQ.id and "3歳児健診" in v.message


def test_enough_staff_passes() -> None:
    p = problem(STAFF, [REQ])
    pairs = [("A", REQ.id), ("B", REQ.id)]
    assert fixed(p, pairs, [RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []


def test_soft_costs_weight_per_missing_person() -> None:
    p = problem(STAFF, [REQ], rules={"cover_min": soft(7)})
    assert fixed(p, [], [RULE]) == 14
    assert sum(v.cost for v in RULE.check(p, roster())) == 14


def test_soft_cover_option_makes_it_soft_with_default_weight() -> None:
    p = problem(STAFF, [REQ])
    assert fixed(p, [("A", REQ.id)], [RULE], soft_cover=True) == 1000
