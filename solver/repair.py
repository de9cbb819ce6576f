"""Repair: re-solve a plan after something changed, staying as close as possible to the published roster.

The published assignments become `problem.published`, so the `repair` rule prices each one dropped
and each one added; the published roster is also the warm start. The changes are reported with
`models.changes` (moves within a day, additions, removals), in domain words.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from models.changes import Change, describe, roster_changes
from models.domain import Assignment, Problem, Roster, RuleSetting
from solver.context import Scope
from solver.core import SolveOptions, SolveResult, Solver
from solver.rules import rule


def repair_problem(problem: Problem, published: Roster) -> Problem:
    """The problem with the published roster to stay close to and the `repair` rule switched on."""
    info = rule("repair").info
    chosen = problem.rules.get(info.id)
    setting = (RuleSetting(enabled=True, hard=False, weight=info.weight_default) if chosen is None
               else replace(chosen, enabled=True))
    pairs = sorted(published.pairs())
    return problem.with_(published=[Assignment(s, r) for s, r in pairs],
                         rules={**problem.rules, info.id: setting})


def kept_days(problem: Problem, published: Roster, since: date) -> Scope:
    """The days from `since` to decide, the published assignments before it kept as constants: a
    change on the 13th cannot move what was worked on the 1st. Every rule still sees the whole plan
    (a week's hours, the month's days off), the kept days included."""
    fixed = frozenset((s, r) for s, r in published.pairs()
                      if problem.has_requirement(r) and problem.requirement(r).date < since)
    return Scope(fixed, frozenset(day for day in problem.days() if day >= since))


def repair(problem: Problem, published: Roster, options: SolveOptions | None = None,
           since: date | None = None) -> tuple[SolveResult, list[Change]]:
    """Solve `problem` changing as few of `published`'s assignments as the rules allow, and none
    on a day before `since` (when given).

    Returns the solve result (its objective includes the repair rule's cost) and the changes from
    the published roster to the new one (empty when no roster was found).
    """
    options = replace(options or SolveOptions(), hint=options.hint if options and options.hint else published)
    target = repair_problem(problem, published)
    scope = None if since is None or since <= problem.start else kept_days(problem, published, since)
    result = Solver(target, options, scope=scope).solve()
    if result.roster is None:
        return result, []
    before = Roster.from_pairs(published.pairs())
    after = Roster.from_pairs(result.roster.pairs())
    return result, roster_changes(problem, before, after)


def change_lines(problem: Problem, changes: list[Change]) -> list[str]:
    """Each change as a sentence in the current language."""
    return [describe(problem, c) for c in changes]
