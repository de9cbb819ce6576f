"""continuity: the same people return across a series of sessions (soft).

A series is every session of one (site, activity) within the plan, when there are at least two.
Its size is the largest number of staff any of its sessions asks for (preferred, else minimum,
at least 1); each distinct person used in the series beyond that size costs the weight.
A fixed size (not the largest number actually placed) keeps over-staffing from lowering the cost.
Off by default: in shift work every day's shift of one kind would form a "series".
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from models.domain import Problem, Requirement, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import any_of, count, excess
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


def series(problem: Problem) -> dict[tuple[str, str], list[Requirement]]:
    """The sessions of each (site, activity) with two or more sessions, in date order."""
    groups: dict[tuple[str, str], list[Requirement]] = defaultdict(list)
    for req in sorted(problem.requirements, key=lambda r: (r.date, r.start, r.id)):
        groups[(req.site, req.activity)].append(req)
    return {key: reqs for key, reqs in groups.items() if len(reqs) >= 2}


def series_size(reqs: list[Requirement]) -> int:
    """How many distinct people the series may use without cost."""
    return max(1, max(r.target for r in reqs))


class Continuity(BaseRule):
    info = RuleInfo(
        id="continuity",
        title_ja="同じ担当者の継続",
        title_en="Continuity",
        hard_default=False,
        weight_default=1,
        can_be_hard=False,
        enabled_default=False,
        description_ja="同じ会場・同じ内容の一連の枠で、枠の人数を超えて別の職員を使うごとに重みが掛かる。",
        description_en="Each extra person used across a series of sessions (one site, one activity) "
                       "beyond the series' session size costs the weight.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        out: list[Penalty] = []
        for (site, activity), reqs in series(ctx.problem).items():
            by_person: dict[str, list] = defaultdict(list)
            for req in reqs:
                for staff, var in ctx.staff_for(req.id):
                    by_person[staff.id].append(var)
            label = f"continuity[{site},{activity}]"
            used = [any_of(ctx.model, v, f"{label}.used[{p}]") for p, v in sorted(by_person.items())]
            out += excess(ctx.model, count(used), series_size(reqs), len(used), s.weight, self.info.id, label)
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        out = []
        for (site, activity), reqs in series(problem).items():
            people = {staff.id for req in reqs for staff in placed.by_req.get(req.id, [])}
            size = series_size(reqs)
            if len(people) <= size:
                continue
            message = t("{site} の {activity}（{n} 回）に {used} 名が入れ替わりで配置されています"
                        "（継続なら {size} 名）。",
                        "{activity} at {site} ({n} sessions) uses {used} different people "
                        "(continuity needs {size}).",
                        site=site, activity=activity, n=len(reqs), used=len(people), size=size)
            out.append(breach(self.info, s, len(people) - size, message, requirement_id=reqs[0].id,
                              day=reqs[0].date))
        return out


RULE = Continuity()
