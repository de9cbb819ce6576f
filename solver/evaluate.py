"""Scoring any roster (solved, hand-edited or read back from Excel) without CP-SAT.

Each enabled rule's `check` finds its violations; soft ones carry their cost and the objective is
the sum of those costs, which equals the solver's objective for the same roster.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Iterable

from models.domain import Problem, Roster, Violation
from models.stats import said_once
from solver.rules import RULES
from solver.rules.base import SOFT_COVER, Rule, setting
from solver.rules.placed import scoring


@dataclass
class Evaluation:
    violations: list[Violation]
    objective: int
    # The problem scored, for `listed` to fold the sessions staffed above their minimum with no 目標人数
    # (said_once): `haichi check` listed a nursery's 55 of them one by one.
    problem: Problem | None = field(default=None, repr=False, compare=False)

    @property
    def hard_violations(self) -> list[Violation]:
        """The violations of hard rules (a roster with any is not acceptable as it stands)."""
        return [v for v in self.violations if v.hard]

    @property
    def soft_violations(self) -> list[Violation]:
        """The violations of soft rules, each with its cost."""
        return [v for v in self.violations if not v.hard]

    @cached_property
    def listed(self) -> list[Violation]:
        """The violations as a coordinator is shown them: a session short of people once (said_once),
        worked out once (a solve's summary, its shortfalls and its exit all read it)."""
        return said_once(self.violations, self.problem)

    @property
    def hard_listed(self) -> int:
        """How many hard entries `listed` holds: the count said beside the listing."""
        return sum(1 for v in self.listed if v.hard)


def as_solved(problem: Problem, soft_cover: bool) -> Problem:
    """The problem with cover (cover_min, required_skills) made soft when the solver ran with `soft_cover`."""
    if not soft_cover:
        return problem
    from solver.rules import rule

    softened = {rule_id: replace(setting(problem, rule(rule_id).info, soft_cover=True)) for rule_id in SOFT_COVER}
    return problem.with_(rules={**problem.rules, **softened})


def evaluate(problem: Problem, roster: Roster, soft_cover: bool = False,
             rules: Iterable[Rule] | None = None) -> Evaluation:
    """Every violation of `roster` (hard ones cost 0) and the objective, the sum of the costs."""
    problem = as_solved(problem, soft_cover)
    violations: list[Violation] = []
    with scoring(problem, roster):
        for rule in RULES if rules is None else rules:
            if setting(problem, rule.info).enabled:
                violations += rule.check(problem, roster)
    return Evaluation(violations, sum(v.cost for v in violations), problem)
