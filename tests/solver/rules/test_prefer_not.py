from __future__ import annotations

from factories import MONDAY, fixed, person, problem, roster, session, soft
from models.domain import Mark
from solver.rules.prefer_not import RULE

REQ = session()


def test_assignment_on_a_triangle_day_costs_the_weight() -> None:
    p = problem([person("A")], [REQ], availability={("A", MONDAY): Mark.PREFER_NOT})
    assert fixed(p, [("A", REQ.id)], [RULE]) == 5
    [v] = RULE.check(p, roster(("A", REQ.id)))
    assert not v.hard and v.cost == 5 and "△" in v.message


def test_circle_day_and_rest_cost_nothing() -> None:
    p = problem([person("A")], [REQ], availability={("A", MONDAY): Mark.AVAILABLE})
    assert fixed(p, [("A", REQ.id)], [RULE]) == 0
    assert RULE.check(p, roster(("A", REQ.id))) == []
    triangle = problem([person("A")], [REQ], availability={("A", MONDAY): Mark.PREFER_NOT},
                       rules={"prefer_not": soft(2)})
    assert fixed(triangle, [], [RULE]) == 0 and RULE.check(triangle, roster()) == []
    assert fixed(triangle, [("A", REQ.id)], [RULE]) == 2
