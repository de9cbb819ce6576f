"""locks: every assignment a person pinned (problem.locked) stays in the roster."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.placed import breach

if TYPE_CHECKING:
    from solver.context import Context


class Locks(BaseRule):
    info = RuleInfo(
        id="locks",
        title_ja="固定した配置",
        title_en="Locked assignments",
        hard_default=True,
        weight_default=100,
        description_ja="固定（ピン留め）した配置は必ず残す。",
        description_en="Pinned assignments stay in the roster.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        out: list[Penalty] = []
        for a in ctx.problem.locked:
            var = ctx.is_assigned(a.staff_id, a.requirement_id)
            label = f"lock[{a.staff_id},{a.requirement_id}]"
            if s.hard:
                if var is None:
                    ctx.model.add_bool_or([])  # a pin on an unknown or inactive pair cannot hold
                else:
                    ctx.model.add(var == 1)
            else:
                out.append(Penalty(1 if var is None else 1 - var, s.weight, self.info.id, label))
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        pairs = roster.pairs()
        out = []
        for a in problem.locked:
            if (a.staff_id, a.requirement_id) in pairs:
                continue
            name = _name(problem, a.staff_id)
            session = (problem.requirement(a.requirement_id).label()
                       if problem.has_requirement(a.requirement_id) else a.requirement_id)
            message = t("固定した配置 {name} → {session} が外れています。",
                        "The locked assignment {name} → {session} is missing.",
                        name=name, session=session)
            out.append(breach(self.info, s, 1, message, staff_id=a.staff_id, requirement_id=a.requirement_id))
        return out


def _name(problem: Problem, staff_id: str) -> str:
    try:
        return problem.staff_by_id(staff_id).name
    except KeyError:
        return staff_id


RULE = Locks()
