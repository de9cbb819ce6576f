from __future__ import annotations

from factories import fixed, person, problem, roster, session, soft
from solver.rules.cover_target import RULE

STAFF = [person(x) for x in "ABCD"]
REQ = session(min_staff=0, preferred_staff=2, under_weight=100, over_weight=1)


def test_under_and_over_cost_their_weights_on_both_sides() -> None:
    p = problem(STAFF, [REQ])
    assert fixed(p, [], [RULE]) == 200
    assert sum(v.cost for v in RULE.check(p, roster())) == 200
    four = [(s.id, REQ.id) for s in STAFF]
    assert fixed(p, four, [RULE]) == 2
    assert sum(v.cost for v in RULE.check(p, roster(*four))) == 2
    [v] = RULE.check(p, roster(*four))
    assert not v.hard and v.requirement_id == REQ.id


def test_on_target_costs_nothing() -> None:
    p = problem(STAFF, [REQ])
    pairs = [("A", REQ.id), ("B", REQ.id)]
    assert fixed(p, pairs, [RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []


def test_rule_weight_multiplies_and_solver_finds_the_target() -> None:
    from solver.core import SolveOptions, Solver

    p = problem(STAFF, [REQ], rules={"cover_target": soft(3)})
    assert fixed(p, [("A", REQ.id)], [RULE]) == 300
    result = Solver(p, SolveOptions(time_limit=5, workers=1), rules=[RULE]).solve()
    assert result.objective == 0 and len(result.roster.assignments) == 2
