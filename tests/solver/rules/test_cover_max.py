from __future__ import annotations

from factories import fixed, person, problem, roster, session, soft
from solver.rules.cover_max import RULE

REQ = session(min_staff=1, max_staff=1)
STAFF = [person("A"), person("B"), person("C")]


def test_hard_forbids_too_many_staff() -> None:
    p = problem(STAFF, [REQ])
    pairs = [("A", REQ.id), ("B", REQ.id)]
    assert fixed(p, pairs, [RULE]) is None
    [v] = RULE.check(p, roster(*pairs))
    assert v.hard and v.requirement_id == REQ.id


def test_at_the_cap_passes_and_no_cap_means_no_limit() -> None:
    p = problem(STAFF, [REQ])
    assert fixed(p, [("A", REQ.id)], [RULE]) == 0
    assert RULE.check(p, roster(("A", REQ.id))) == []
    open_ended = session(min_staff=1, max_staff=None)
    everyone = [(s.id, open_ended.id) for s in STAFF]
    assert RULE.check(problem(STAFF, [open_ended]), roster(*everyone)) == []


def test_soft_costs_weight_per_extra_person() -> None:
    p = problem(STAFF, [REQ], rules={"cover_max": soft(3)})
    pairs = [(s.id, REQ.id) for s in STAFF]
    assert fixed(p, pairs, [RULE]) == 6
    assert sum(v.cost for v in RULE.check(p, roster(*pairs))) == 6
