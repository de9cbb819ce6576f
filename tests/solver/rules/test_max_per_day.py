from __future__ import annotations

from factories import fixed, hard, person, problem, roster, session, soft
from models.domain import RuleSetting
from solver.rules.max_per_day import RULE

AM = session(start="09:00", end="11:00")
PM = session(start="13:00", end="15:00")


def test_staff_field_caps_sessions_per_day() -> None:
    p = problem([person("A", max_per_day=1)], [AM, PM])
    pairs = [("A", AM.id), ("A", PM.id)]
    assert fixed(p, pairs, [RULE]) is None
    [v] = RULE.check(p, roster(*pairs))
    assert v.hard and v.staff_id == "A"
    assert fixed(p, [("A", AM.id)], [RULE]) == 0 and RULE.check(p, roster(("A", AM.id))) == []


def test_parameter_applies_and_override_wins() -> None:
    pairs = [("A", AM.id), ("A", PM.id)]
    p = problem([person("A")], [AM, PM], rules={"max_per_day": hard(max_per_day=1)})
    assert len(RULE.check(p, roster(*pairs))) == 1
    loose = RuleSetting(params={"max_per_day": 1}, staff_overrides={"A": {"max_per_day": 2}})
    p = problem([person("A")], [AM, PM], rules={"max_per_day": loose})
    assert fixed(p, pairs, [RULE]) == 0 and RULE.check(p, roster(*pairs)) == []


def test_no_limit_by_default_and_soft_costs_each_extra() -> None:
    pairs = [("A", AM.id), ("A", PM.id)]
    assert RULE.check(problem([person("A")], [AM, PM]), roster(*pairs)) == []
    p = problem([person("A", max_per_day=0)], [AM, PM], rules={"max_per_day": soft(10)})
    assert fixed(p, pairs, [RULE]) == 20
    assert sum(v.cost for v in RULE.check(p, roster(*pairs))) == 20
