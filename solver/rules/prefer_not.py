"""prefer_not: each assignment on a day the person marked △ costs the weight (soft only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Mark, Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.placed import breach, placed_of

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
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        out = []
        for staff, req in placed_of(problem, roster).items():
            if problem.mark(staff.id, req.date) is Mark.PREFER_NOT:
                message = t("{name} は △ の日に {session} に配置されています。",
                            "{name} is placed in {session} on a △ day.",
                            name=staff.name, session=req.label())
                out.append(breach(self.info, s, 1, message, staff_id=staff.id,
                                  requirement_id=req.id, day=req.date))
        return out


RULE = PreferNot()
