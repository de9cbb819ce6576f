"""cover_min: every session gets at least its minimum number of staff (Requirement.min_staff)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import at_least, count
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


class CoverMin(BaseRule):
    info = RuleInfo(
        id="cover_min",
        title_ja="必要人数の下限",
        title_en="Minimum cover",
        hard_default=True,
        weight_default=1000,
        description_ja="各枠に必要人数以上を配置する。努力ルールにすると不足1名ごとに重みが掛かる。",
        description_en="Each session gets at least its minimum staff; when soft, each missing person costs the weight.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        exact = s.hard and ctx.enforces("cover_max")
        out: list[Penalty] = []
        for req in ctx.problem.requirements:
            both = exact and req.max_staff == req.min_staff  # min = max: one equality serves both rules
            if req.min_staff <= 0 and not both:
                continue  # nothing to keep
            variables = [v for _, v in ctx.staff_for(req.id)]
            if both:
                ctx.model.add(count(variables) == req.min_staff)
                continue
            out += at_least(ctx.model, s, self.info.id, variables, req.min_staff, f"cover_min[{req.id}]")
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        out = []
        for req in problem.requirements:
            n = len(placed.by_req.get(req.id, []))
            if n < req.min_staff:
                message = t(
                    "{session}: 必要人数 {need} 名に対して {n} 名です（{short} 名不足）。",
                    "{session}: {n} of the {need} staff needed ({short} missing).",
                    session=req.label(), need=req.min_staff, n=n, short=req.min_staff - n,
                )
                out.append(breach(self.info, s, req.min_staff - n, message,
                                  requirement_id=req.id, day=req.date))
        return out


RULE = CoverMin()
