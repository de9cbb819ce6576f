from __future__ import annotations

from factories import fixed, person, problem, roster, session, soft
from models.domain import Assignment
from solver.core import SolveOptions, Solver
from solver.rules.locks import RULE

REQ = session()
PIN = [Assignment("A", REQ.id, locked=True, source="manual")]


def test_hard_keeps_the_pin() -> None:
    p = problem([person("A"), person("B")], [REQ], locked=PIN)
    assert fixed(p, [("B", REQ.id)], [RULE]) is None
    [v] = RULE.check(p, roster(("B", REQ.id)))
    assert v.hard and v.staff_id == "A"
    result = Solver(p, SolveOptions(time_limit=5, workers=1), rules=[RULE]).solve()
    assert [(a.staff_id, a.locked, a.source) for a in result.roster.assignments] == [("A", True, "manual")]


def test_kept_pin_passes() -> None:
    p = problem([person("A"), person("B")], [REQ], locked=PIN)
    assert fixed(p, [("A", REQ.id)], [RULE]) == 0
    assert RULE.check(p, roster(("A", REQ.id))) == []


def test_soft_costs_weight_per_dropped_pin_even_for_an_inactive_person() -> None:
    p = problem([person("A", active=False)], [REQ], locked=PIN, rules={"locks": soft(30)})
    assert fixed(p, [], [RULE]) == 30
    assert sum(v.cost for v in RULE.check(p, roster())) == 30
