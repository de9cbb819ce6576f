"""Alternatives: distinct rosters, each far enough from every earlier one, best first."""

from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, person, problem, session
from models.domain import Mark
from solver.alternatives import alternatives, differences
from solver.core import SolveOptions
from solver.evaluate import evaluate

OPTS = SolveOptions(time_limit=10, workers=1)
REQS = [session(day=MONDAY + timedelta(days=d), min_staff=1, max_staff=1) for d in range(4)]


def test_each_roster_differs_from_all_earlier_ones_by_at_least_k() -> None:
    p = problem([person("A"), person("B"), person("C")], REQS)
    found = alternatives(p, 3, 4, OPTS)
    assert len(found) == 3
    rosters = [r.roster for r in found]
    assert all(r is not None for r in rosters)
    for i in range(3):
        for j in range(i):
            assert differences(rosters[i], rosters[j]) >= 4
    objectives = [r.objective for r in found]
    assert objectives == sorted(objectives)  # each later search has fewer rosters to choose from
    assert all(evaluate(p, r.roster).objective == r.objective for r in found)
    assert all(not evaluate(p, r.roster).hard_violations for r in found)


def test_stops_when_no_further_roster_exists() -> None:
    # only A can work: exactly one roster satisfies the hard rules
    away = {(s, r.date): Mark.UNAVAILABLE for s in ("B", "C") for r in REQS}
    p = problem([person("A"), person("B"), person("C")], REQS, availability=away)
    found = alternatives(p, 3, 1, OPTS)
    assert len(found) == 1 and found[0].roster is not None


def test_an_impossible_plan_gives_one_result_that_says_why() -> None:
    p = problem([person("A")], [session(min_staff=2)])
    [only] = alternatives(p, 3, 2, OPTS)
    assert only.status == "infeasible" and only.roster is None and only.explanation
