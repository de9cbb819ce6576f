from __future__ import annotations

from factories import fixed, person, problem, roster, session
from models.domain import Assignment
from solver.core import SolveOptions, Solver
from solver.rules.cover_min import RULE as COVER
from solver.rules.repair import RULE

AM = session(start="09:00", end="11:00")
PM = session(start="13:00", end="15:00")
PUBLISHED = [Assignment("A", AM.id), Assignment("B", PM.id)]


def test_each_dropped_and_each_added_assignment_costs_the_weight() -> None:
    p = problem([person("A"), person("B")], [AM, PM], published=PUBLISHED)
    changed = [("B", AM.id), ("B", PM.id)]  # A dropped from AM, B added to AM
    assert fixed(p, changed, [RULE]) == 20
    assert sum(v.cost for v in RULE.check(p, roster(*changed))) == 20


def test_unchanged_roster_and_no_published_version_cost_nothing() -> None:
    p = problem([person("A"), person("B")], [AM, PM], published=PUBLISHED)
    same = [("A", AM.id), ("B", PM.id)]
    assert fixed(p, same, [RULE]) == 0
    assert RULE.check(p, roster(*same)) == []
    fresh = problem([person("A"), person("B")], [AM, PM])
    assert fixed(fresh, [("B", AM.id)], [RULE]) == 0 and RULE.check(fresh, roster(("B", AM.id))) == []


def test_repair_keeps_what_it_can_when_someone_falls_ill() -> None:
    from solver.rules.availability import RULE as AVAILABILITY
    from models.domain import Mark

    p = problem([person("A"), person("B"), person("C")], [AM, PM], published=PUBLISHED,
                availability={("A", AM.date): Mark.UNAVAILABLE})
    result = Solver(p, SolveOptions(time_limit=5, workers=1), rules=[COVER, AVAILABILITY, RULE]).solve()
    pairs = result.roster.pairs()
    assert ("B", PM.id) in pairs and ("A", AM.id) not in pairs and len(pairs) == 2
    assert result.objective == 20
