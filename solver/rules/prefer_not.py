"""prefer_not: each assignment on a day the person marked △ costs the weight (soft only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Mark, Problem, Requirement, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty
from solver.rules.placed import placement_breaches

if TYPE_CHECKING:
    from solver.context import Context


class PreferNot(BaseRule):
    info = RuleInfo(
        id="prefer_not",
        title_ja="△の日",
        title_en="\"Prefer not\" days",
        hard_default=False,
        weight_default=5,
        can_be_hard=False,
        description_ja="△（できれば避けたい）の日の配置1件ごとに重みが掛かる。",
        description_en="Each assignment on a △ (prefer not) day costs the weight.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        problem = ctx.problem
        return [
            Penalty(var, s.weight, self.info.id, f"prefer_not[{staff_id},{req_id}]")
            for (staff_id, req_id), var in ctx.pairs().items()
            if problem.mark(staff_id, problem.requirement(req_id).date) is Mark.PREFER_NOT
        ]

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        def on_a_triangle_day(staff: Staff, req: Requirement) -> str | None:
            return t("{name} は △ の日に {session} に配置されています。", "{name} is placed in {session} on a △ day.",
                     name=staff.name, session=req.label()) if problem.mark(staff.id, req.date) is Mark.PREFER_NOT \
                else None
        return placement_breaches(self.info, problem, roster, on_a_triangle_day)


RULE = PreferNot()
