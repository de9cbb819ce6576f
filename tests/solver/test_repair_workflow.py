"""Repair: a newly unavailable person is replaced and everything else stays as published."""

from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, person, problem, session
from models.changes import ADDED, MOVED, REMOVED
from models.domain import Mark, Roster, RuleSetting
from solver.core import SolveOptions
from solver.evaluate import evaluate
from solver.repair import change_lines, repair, repair_problem

OPTS = SolveOptions(time_limit=10, workers=1)
REQS = [session(day=MONDAY + timedelta(days=d), min_staff=1, max_staff=1) for d in range(4)]
STAFF = [person("A", name="青木"), person("B", name="馬場"), person("C", name="千葉")]
PUBLISHED = Roster.from_pairs([("A", REQS[0].id), ("B", REQS[1].id), ("C", REQS[2].id), ("A", REQS[3].id)])


def test_only_the_assignment_that_cannot_stay_changes() -> None:
    ill = problem(STAFF, REQS, availability={("A", REQS[3].date): Mark.UNAVAILABLE},
                  rules={"load_spread": RuleSetting(enabled=False)})
    result, changes = repair(ill, PUBLISHED, OPTS)
    assert result.status == "optimal" and result.roster is not None
    now = result.roster.pairs()
    assert PUBLISHED.pairs() - now == {("A", REQS[3].id)}
    assert len(now - PUBLISHED.pairs()) == 1
    assert sorted(c.kind for c in changes) == [ADDED, REMOVED]
    removed = next(c for c in changes if c.kind == REMOVED)
    assert removed.staff_id == "A" and removed.before == REQS[3].id
    assert any("青木" in line and REQS[3].label() in line for line in change_lines(ill, changes))
    # the objective counts the two changes at the repair weight, as the evaluator does
    assert result.objective == evaluate(repair_problem(ill, PUBLISHED), result.roster).objective


def test_nothing_changes_when_the_published_roster_still_fits() -> None:
    p = problem(STAFF, REQS, rules={"load_spread": RuleSetting(enabled=False)})
    result, changes = repair(p, PUBLISHED, OPTS)
    assert result.roster is not None and result.roster.pairs() == PUBLISHED.pairs() and changes == []


def test_a_move_within_a_day_is_one_change_and_repair_is_switched_on() -> None:
    am = session(start="09:00", end="11:00", min_staff=0, max_staff=1)
    pm = session(start="13:00", end="15:00", min_staff=1, max_staff=1)
    p = problem([person("A", name="青木")], [am, pm], availability={("A", MONDAY): Mark.PM_ONLY},
                rules={"repair": RuleSetting(enabled=False, hard=False, weight=3)})
    target = repair_problem(p, Roster.from_pairs([("A", am.id)]))
    assert target.rules["repair"].enabled and target.rules["repair"].weight == 3
    result, changes = repair(p, Roster.from_pairs([("A", am.id)]), OPTS)
    assert result.roster is not None and result.roster.pairs() == {("A", pm.id)}
    assert [(c.kind, c.before, c.after) for c in changes] == [(MOVED, am.id, pm.id)]


def test_days_before_since_stay_as_published() -> None:
    """A change reported on the 13th cannot move what was worked on the 1st: `repair(since=...)`
    keeps every published assignment before that day, even one the new input would move."""
    changed = problem(STAFF, REQS, availability={("A", REQS[0].date): Mark.UNAVAILABLE,
                                                 ("A", REQS[3].date): Mark.UNAVAILABLE},
                      rules={"load_spread": RuleSetting(enabled=False)})
    result, _ = repair(changed, PUBLISHED, OPTS)
    assert result.roster is not None and ("A", REQS[0].id) not in result.roster.pairs()
    result, changes = repair(changed, PUBLISHED, OPTS, since=REQS[1].date)
    assert result.roster is not None
    now = result.roster.pairs()
    assert ("A", REQS[0].id) in now and ("A", REQS[3].id) not in now  # the past kept, the future repaired
    assert {c.before or c.after for c in changes} <= {REQS[3].id}
    assert all(REQS[3].label() in line for line in change_lines(changed, changes))


def test_a_repair_with_no_roster_names_the_person_the_kept_days_hold() -> None:
    """From the 3rd day on, 青木 (at least 2 sessions in the plan) can work no more, and only her
    first day is kept as published: no roster. Without the kept days the plan would hold (she could
    take the 2nd day), so the explanation must see them, and it names her."""
    p = problem([person("A", name="青木", min_per_plan=2), person("B", name="馬場"), person("C", name="千葉")],
                REQS, availability={("A", REQS[2].date): Mark.UNAVAILABLE, ("A", REQS[3].date): Mark.UNAVAILABLE},
                rules={"load_spread": RuleSetting(enabled=False)})
    result, changes = repair(p, PUBLISHED, OPTS, since=REQS[2].date)
    assert result.status == "infeasible" and changes == []
    assert any("青木" in line for line in result.explanation), result.explanation
    unkept, _ = repair(p, PUBLISHED, OPTS)  # every day open: she takes another day, and a roster holds
    assert unkept.roster is not None and len({r for s, r in unkept.roster.pairs() if s == "A"}) >= 2
