from __future__ import annotations

from factories import fixed, person, problem, roster, session, soft
from solver.rules.required_skills import RULE

STAFF = [person("A", skills=frozenset({"フッ化物"})), person("B"), person("C", skills=frozenset({"フッ化物"}))]
REQ = session(min_staff=2, required_skills=(("フッ化物", 2),))


def test_hard_needs_enough_skilled_staff() -> None:
    p = problem(STAFF, [REQ])
    pairs = [("A", REQ.id), ("B", REQ.id)]
    assert fixed(p, pairs, [RULE]) is None
    [v] = RULE.check(p, roster(*pairs))
    assert v.hard and "フッ化物" in v.message


def test_enough_skilled_staff_passes() -> None:
    p = problem(STAFF, [REQ])
    pairs = [("A", REQ.id), ("C", REQ.id)]
    assert fixed(p, pairs, [RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []


def test_soft_costs_weight_per_missing_skill() -> None:
    p = problem(STAFF, [REQ], rules={"required_skills": soft(4)})
    assert fixed(p, [("B", REQ.id)], [RULE]) == 8
    assert sum(v.cost for v in RULE.check(p, roster(("B", REQ.id)))) == 8
