"""cover_max: no session gets more than its maximum staff (Requirement.max_staff; None = no cap)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import at_most
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


class CoverMax(BaseRule):
    info = RuleInfo(
        id="cover_max",
        title_ja="最大人数",
        title_en="Maximum cover",
        hard_default=True,
        weight_default=100,
        description_ja="各枠の配置人数を最大人数以下にする。",
        description_en="No session gets more than its maximum staff.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        exact = s.hard and ctx.enforces("cover_min")  # then cover_min wrote min = max as one equality
        out: list[Penalty] = []
        for req in ctx.problem.requirements:
            if req.max_staff is None or (exact and req.max_staff == req.min_staff):
                continue
            variables = [v for _, v in ctx.staff_for(req.id)]
            out += at_most(ctx.model, s, self.info.id, variables, req.max_staff, f"cover_max[{req.id}]")
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        out = []
        for req in problem.requirements:
            n = len(placed.by_req.get(req.id, []))
            if req.max_staff is not None and n > req.max_staff:
                message = t(
                    "{session}: 最大 {cap} 名の枠に {n} 名が配置されています。",
                    "{session}: {n} staff placed where at most {cap} are allowed.",
                    session=req.label(), cap=req.max_staff, n=n,
                )
                out.append(breach(self.info, s, n - req.max_staff, message,
                                  requirement_id=req.id, day=req.date))
        return out


RULE = CoverMax()
