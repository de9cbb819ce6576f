"""Re-validating a roster after one hand edit, fast enough to follow every click.

A full evaluation of a 300-person month takes a few hundred milliseconds; after an edit only the
people and sessions it touched can have new violations of their own. `revalidate` re-checks those
on a slice of the plan (the touched people with all their sessions, the touched sessions with
everyone in them) and keeps every other violation. Violations that belong to nobody in particular
(e.g. the spread between the busiest and the idlest person) are left to the next full evaluation,
which the window runs in the background after each edit. No Qt here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from models.domain import Problem, Roster, Violation, plan_slice

if TYPE_CHECKING:
    from solver.evaluate import Evaluation

# The solver (and ortools under it) is imported on first use, not when the window starts.


def in_scope(v: Violation, staff_ids: set[str], requirement_ids: set[str]) -> bool:
    """Whether the violation belongs to one of the touched people or (person-less) sessions."""
    if v.staff_id is not None:
        return v.staff_id in staff_ids
    return v.requirement_id is not None and v.requirement_id in requirement_ids


def revalidate(
    problem: Problem,
    roster: Roster,
    previous: Iterable[Violation],
    staff_ids: Iterable[str],
    requirement_ids: Iterable[str],
) -> Evaluation:
    """The roster's evaluation after an edit that touched these people and sessions.

    Violations of the touched people and sessions are recomputed; all others are kept from
    `previous` (exact for every rule that judges one person or one session at a time).
    """
    from solver.evaluate import Evaluation
    from solver.rules import RULES
    from solver.rules.base import setting

    people, sessions = set(staff_ids), set(requirement_ids)
    part, part_roster = plan_slice(problem, roster, people, sessions)
    fresh: list[Violation] = []
    for rule in RULES:
        if setting(part, rule.info).enabled:
            fresh += [v for v in rule.check(part, part_roster) if in_scope(v, people, sessions)]
    kept = [v for v in previous if not in_scope(v, people, sessions)]
    violations = kept + fresh
    return Evaluation(violations, sum(v.cost for v in violations), problem)


def full(problem: Problem, roster: Roster) -> Evaluation:
    """Every violation of the roster and its objective (the evaluator's full pass)."""
    from solver.evaluate import evaluate

    return evaluate(problem, roster)
