"""Which (person, session) pairs may exist at all, decided without building a CP-SAT model.

The Context creates a variable exactly for the pairs `eligible()` accepts; the evaluator and the
pre-checks use this module to ask the same question (e.g. "who could work this session?").
"""

from __future__ import annotations

from typing import Any, Iterable

from models.domain import Problem, Requirement, RuleSetting, Staff
from models.rulemeta import RuleInfo
from solver.rules import base


def filters_pairs(rule: base.Rule) -> bool:
    """Whether the rule overrides `screen()` (BaseRule's default allows every pair)."""
    return getattr(type(rule), "screen", None) is not base.BaseRule.screen


class Screen:
    """The parts of a Context that rules' `screen()` reads: the problem, settings and limits."""

    def __init__(self, problem: Problem, rules: Iterable[base.Rule] | None = None, soft_cover: bool = False):
        if rules is None:
            from solver.rules import RULES  # local: solver.rules imports the rule modules

            rules = RULES
        self.problem = problem
        self.soft_cover = soft_cover
        self.rules = list(rules)
        self.filters = [r for r in self.rules if self._is_hard(r.info) and filters_pairs(r)]
        self.locked = {(a.staff_id, a.requirement_id) for a in problem.locked}

    def _is_hard(self, info: RuleInfo) -> bool:
        s = self.setting(info)
        return s.enabled and s.hard

    def setting(self, info: RuleInfo) -> RuleSetting:
        return base.setting(self.problem, info, self.soft_cover)

    def limit(self, info: RuleInfo, name: str, staff: Staff) -> Any:
        return base.limit(self.problem, info, name, staff)

    def eligible(self, staff: Staff, req: Requirement) -> bool:
        """True when the solver would create a variable for this pair."""
        if not staff.active:
            return False
        if (staff.id, req.id) in self.locked:
            return True
        return all(r.allows(self, staff, req) for r in self.filters)  # type: ignore[arg-type]

    def shutting_out(self, staff: Staff) -> RuleInfo | None:
        """The hard rule that alone leaves the person no session of the plan (a 拠点 mistyped under
        地区外の勤務 必須, a skill no session asks for), None when no one rule does (or they have one)."""
        if not staff.active or not self.problem.requirements or self.has_work(staff):
            return None
        return next((r.info for r in self.filters if not any(
            r.allows(self, staff, req) for req in self.problem.requirements)), None)  # type: ignore[arg-type]

    def has_work(self, staff: Staff, sessions: Iterable[Requirement] | None = None) -> bool:
        """True when the person has at least one eligible session (of `sessions`, else of the plan)."""
        return any(self.eligible(staff, req) for req in (self.problem.requirements if sessions is None else sessions))
