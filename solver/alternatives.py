"""Alternatives: several good rosters that really differ, for a manager to compare.

One model is built; after each roster is found, a constraint asks the next one to differ from it
in at least K (staff, session) pairs (the Hamming distance over the pair booleans), and the same
model is solved again. Each solve gets the options' time limit.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from models.domain import Problem, Roster
from solver.core import SolveOptions, SolveResult, Solver


def differences(a: Roster, b: Roster) -> int:
    """How many (staff, session) pairs are in one roster but not the other."""
    return len(a.pairs() ^ b.pairs())


def _differ_from(solver: Solver, roster: Roster, at_least: int) -> None:
    """Require the next roster to differ from `roster` in at least `at_least` pairs."""
    chosen = roster.pairs()
    flips = [(1 - var) if pair in chosen else var for pair, var in solver.ctx.pairs().items()]
    solver.ctx.model.add(cp_model.LinearExpr.sum(flips) >= at_least)


def alternatives(problem: Problem, n: int, min_difference: int,
                 options: SolveOptions | None = None) -> list[SolveResult]:
    """Up to `n` rosters, best first, each differing from every earlier one by at least
    `min_difference` assignments; fewer when no further roster exists (or none is found in time).
    When not even one roster is found, the list holds that one result, whose explanation says why."""
    options = options or SolveOptions()
    solver = Solver(problem, options)
    found: list[SolveResult] = []
    for _ in range(max(0, n)):
        result = solver.solve()
        if result.roster is None or result.status not in ("optimal", "feasible"):
            if not found:
                found.append(result)  # the first failure carries the explanation
            break
        found.append(result)
        _differ_from(solver, result.roster, max(1, min_difference))
    return found
