"""repair: stay close to the published roster (soft; only when problem.published is set).

Each published assignment that is dropped and each new assignment not in it costs the weight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING


from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import count
from solver.rules.placed import breach

if TYPE_CHECKING:
    from solver.context import Context


class Repair(BaseRule):
    info = RuleInfo(
        id="repair",
        title_ja="公開版からの変更",
        title_en="Changes from the published roster",
        hard_default=False,
        weight_default=10,
        can_be_hard=False,
        description_ja="公開済みの配置表から外した配置・新しく加えた配置1件ごとに重みが掛かる。",
        description_en="Each published assignment dropped and each new one added costs the weight.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled or ctx.problem.published is None:
            return []
        published = {(a.staff_id, a.requirement_id) for a in ctx.problem.published}
        changes = []
        for pair, var in ctx.pairs().items():
            changes.append(1 - var if pair in published else var)
        missing = sum(1 for pair in published if pair not in ctx.pairs())
        return [Penalty(count(changes) + missing, s.weight, self.info.id, "repair")]

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled or problem.published is None:
            return []
        published = {(a.staff_id, a.requirement_id) for a in problem.published}
        now = roster.pairs()
        names = {x.id: x.name for x in problem.staff}
        out = []
        for staff_id, req_id in sorted(published ^ now):
            name = names.get(staff_id, staff_id)
            session = problem.requirement(req_id).label() if problem.has_requirement(req_id) else req_id
            if (staff_id, req_id) in published:
                message = t("公開版の {name} → {session} を外しました。",
                            "Dropped the published {name} → {session}.", name=name, session=session)
            else:
                message = t("公開版にない {name} → {session} を加えました。",
                            "Added {name} → {session}, not in the published roster.", name=name, session=session)
            out.append(breach(self.info, s, 1, message, staff_id=staff_id, requirement_id=req_id))
        return out


RULE = Repair()
