"""Suggestions: the people who could join a session, cheapest first, with the rules they strain."""

from __future__ import annotations

import pytest

from factories import MONDAY, person, problem, session
from models.domain import Mark, Roster, RuleSetting
from solver.suggest import suggest

REQ = session(min_staff=2, max_staff=3)
LATER = session(start="13:00", end="15:00", min_staff=0)


def plan():
    staff = [person("A", name="青木"), person("B", name="馬場"), person("C", name="千葉", max_per_day=1),
             person("D", name="土井"), person("E", name="江藤", active=False)]
    marks = {("B", MONDAY): Mark.PREFER_NOT, ("D", MONDAY): Mark.UNAVAILABLE}
    return problem(staff, [REQ, LATER], availability=marks,
                   rules={"load_spread": RuleSetting(enabled=False)})


def test_ranked_by_cost_with_strained_rules() -> None:
    p = plan()
    roster = Roster.from_pairs([("A", REQ.id), ("C", LATER.id)])
    found = suggest(p, roster, REQ.id)
    assert [s.staff_id for s in found] == ["B"]  # C would break max per day, D is away, E inactive
    [b] = found
    assert b.cost < 0  # filling the second place outweighs the △ day
    assert [v.rule_id for v in b.strained] == ["prefer_not"]


def test_hard_breakers_come_last_when_asked_for() -> None:
    p = plan()
    roster = Roster.from_pairs([("A", REQ.id), ("C", LATER.id)])
    found = suggest(p, roster, REQ.id, include_hard=True)
    assert [s.staff_id for s in found] == ["B", "C", "D"]
    assert found[1].breaks_hard_rule and {v.rule_id for v in found[1].strained} >= {"max_per_day"}
    assert {v.rule_id for v in found[2].strained} >= {"availability"}
    assert len(suggest(p, roster, REQ.id, limit=2, include_hard=True)) == 2


def test_people_already_there_are_not_suggested_and_unknown_session_is_an_error() -> None:
    p = plan()
    roster = Roster.from_pairs([("A", REQ.id), ("B", REQ.id)])
    assert "A" not in [s.staff_id for s in suggest(p, roster, REQ.id, include_hard=True)]
    with pytest.raises(KeyError):
        suggest(p, roster, "2026-04-06|どこ|なに|09:00")
