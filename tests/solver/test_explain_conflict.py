"""The assumption-based conflict: small, re-verified, in domain words, within its time bound."""

from __future__ import annotations

from datetime import timedelta

import pytest

from factories import MONDAY, person, problem, session
from models.domain import Mark
from models.i18n import language, set_language
from solver import explain
from solver.explain import assumption_model, conflict, diagnose, holds
from solver.rules import RULES

REQS = [session(day=MONDAY + timedelta(days=d)) for d in range(3)]
SPARE = session(day=MONDAY, site="東", start="13:00", end="15:00", min_staff=0)


def tight():
    """A needs to cover three days but may work two a week; B is away those days."""
    away = {("B", MONDAY + timedelta(days=d)): Mark.UNAVAILABLE for d in range(3)}
    return problem([person("A", name="青木", max_per_week=2), person("B")], [*REQS, SPARE], availability=away)


def test_conflict_names_cover_availability_and_the_weekly_limit() -> None:
    core = conflict(tight(), RULES, time_limit=10)
    assert core is not None
    text = " ".join(g.sentence for g in core)
    assert "Availability" in text and "Max per week" in text
    assert all(r.label() in text for r in REQS) and SPARE.label() not in text


def test_conflict_is_minimal_and_holds_up_without_assumptions() -> None:
    p = tight()
    core = conflict(p, RULES, time_limit=10)
    model, groups = assumption_model(p, RULES)
    chosen = {g.literal for g in core}
    assert holds(model, groups, chosen, 5) is False
    for g in core:  # leaving any one group out makes a roster possible
        assert holds(model, groups, chosen - {g.literal}, 5) is True


def test_a_named_set_that_does_not_hold_up_is_not_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    # as if the assumptions API named a set that, solved on its own, has a roster
    monkeypatch.setattr(explain, "holds", lambda model, groups, enabled, seconds: True)
    assert conflict(tight(), RULES, time_limit=5) is None
    [line] = diagnose(tight(), RULES, time_limit=5)
    assert "could not be narrowed down" in line


def test_sentence_in_japanese() -> None:
    before = language()
    set_language("ja")
    try:
        [line] = diagnose(tight(), RULES, time_limit=10)
        assert "同時に満たす配置はありません" in line and "週" in line and "必要人数" in line
    finally:
        set_language(before)


def test_feasible_plan_has_no_conflict() -> None:
    p = problem([person("A"), person("B")], REQS)
    assert conflict(p, RULES, time_limit=5) is None
