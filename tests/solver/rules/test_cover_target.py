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


def test_sessions_above_their_minimum_without_a_target_are_said_as_such_and_many_in_one() -> None:
    """A nursery's 違反 sheet listed 55-64 lines of "目標 2 名に対して 3 名（超過）", of a 目標 nobody had set."""
    from datetime import timedelta

    from factories import MONDAY

    days = [session(day=MONDAY + timedelta(days=d), min_staff=1, max_staff=3) for d in range(5)]
    p = problem(STAFF, days)
    few = [(s, days[0].id) for s in "AB"] + [("C", r.id) for r in days[1:]]
    [v] = RULE.check(p, roster(*few))
    assert v.message.endswith("2 staff, 1 above the 1 needed (within the most allowed).") and v.requirement_id
    many = [(s, r.id) for r in days for s in "AB"]
    each = RULE.check(p, roster(*many))  # one a session, as a scoped revalidation finds them
    assert len(each) == 5 and sum(v.cost for v in each) == 5 == fixed(p, many, [RULE])
    from models.stats import said_once

    [v] = said_once(each, p)  # as the 違反 sheet and the window list them
    assert v.cost == 5 and v.message.startswith("5 sessions are staffed above their minimum")
    assert said_once(each) == each
    from solver.evaluate import evaluate

    scored = evaluate(p, roster(*many), rules=[RULE])  # `haichi check` and a solve's summary list it so too
    assert [v.cost for v in scored.listed] == [5] and len(scored.violations) == 5
