"""Suggestions: who could take one more place in a session, ranked by what it would cost.

Each candidate is scored by evaluating the roster with that person added (the evaluator, no
CP-SAT): the change in objective is the cost, and the violations that appear are the rules the
placement would strain. People who would break a hard rule are left out unless asked for, and
then come after everyone who would not.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from models.domain import Assignment, Problem, Roster, Violation
from solver.evaluate import evaluate


@dataclass(frozen=True)
class Suggestion:
    """One person who could join the session, with the cost and the rules it would strain."""

    staff_id: str
    name: str
    cost: int  # change in the objective (negative when the placement helps, e.g. fills a gap)
    strained: tuple[Violation, ...] = field(default_factory=tuple)  # violations that would appear

    @property
    def breaks_hard_rule(self) -> bool:
        return any(v.hard for v in self.strained)


def _appearing(before: list[Violation], after: list[Violation]) -> tuple[Violation, ...]:
    """The violations in `after` that were not already in `before` (as a multiset)."""
    left = Counter(before)
    out = []
    for v in after:
        if left[v] > 0:
            left[v] -= 1
        else:
            out.append(v)
    return tuple(out)


def suggest(problem: Problem, roster: Roster, requirement_id: str, limit: int = 10,
            include_hard: bool = False) -> list[Suggestion]:
    """Up to `limit` active staff not yet in the session, cheapest first (hard breakers last).

    KeyError when the problem has no such session.
    """
    problem.requirement(requirement_id)  # unknown session: KeyError before any work
    base = evaluate(problem, roster)
    placed = set(roster.staff_for(requirement_id))
    found: list[Suggestion] = []
    for staff in problem.active_staff():
        if staff.id in placed:
            continue
        trial = Roster([*roster.assignments, Assignment(staff.id, requirement_id, source="manual")])
        after = evaluate(problem, trial)
        strained = _appearing(base.violations, after.violations)
        option = Suggestion(staff.id, staff.name, after.objective - base.objective, strained)
        if include_hard or not option.breaks_hard_rule:
            found.append(option)
    order = {s.id: i for i, s in enumerate(problem.staff)}
    found.sort(key=lambda s: (s.breaks_hard_rule, s.cost, len(s.strained), order[s.staff_id]))
    return found[:limit]
