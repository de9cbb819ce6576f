"""required_skills: for each (skill, k) of a session, at least k of its staff have that skill."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import at_least
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


class RequiredSkills(BaseRule):
    info = RuleInfo(
        id="required_skills",
        title_ja="必要スキル",
        title_en="Required skills",
        hard_default=True,
        weight_default=100,
        description_ja="枠ごとに指定されたスキルを持つ職員を指定人数以上配置する（例: リーダー:1）。",
        description_en="Each session gets at least the given number of staff with each required skill.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        out: list[Penalty] = []
        for req in ctx.problem.requirements:
            for skill, k in req.required_skills:
                skilled = [v for staff, v in ctx.staff_for(req.id) if skill in staff.skills]
                out += at_least(ctx.model, s, self.info.id, skilled, k, f"skill[{req.id},{skill}]")
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        out = []
        for req in problem.requirements:
            for skill, k in req.required_skills:
                n = sum(1 for staff in placed.by_req.get(req.id, []) if skill in staff.skills)
                if n < k:
                    message = t(
                        "{session}: {skill} のスキルを持つ職員が {k} 名必要ですが {n} 名です。",
                        "{session}: needs {k} staff with skill {skill}; {n} placed.",
                        session=req.label(), skill=skill, k=k, n=n,
                    )
                    out.append(breach(self.info, s, k - n, message, requirement_id=req.id, day=req.date))
        return out


RULE = RequiredSkills()
