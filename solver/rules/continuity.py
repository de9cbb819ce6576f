"""continuity: the same people return across a series of sessions (soft).

A series is every session of one (site, activity) within the plan, when there are at least two.
Its size is the largest number of staff any of its sessions asks for (preferred, else minimum,
at least 1); each distinct person used in the series beyond that size costs the weight.
A fixed size (not the largest number actually placed) keeps over-staffing from lowering the cost.
Off by default: in shift work every day's shift of one kind would form a "series".

Two plan-wide parameters: the activities whose series count (blank: all; a home-visit agency's
訪問, not its daily 緊急当番, which continuity handed to the same few nurses), and how many people
a series may use without cost (blank: its session size; 2 for "one or two nurses per patient").
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from models.domain import Problem, Requirement, Roster, Violation
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import any_of, count, excess
from solver.rules.counting import ACTIVITIES, of_activities
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


def series(problem: Problem, activities: str = "") -> dict[tuple[str, str], list[Requirement]]:
    """The sessions of each (site, activity) with two or more sessions, in date order; only of the
    `activities` named (`訪問、訪問リハ`), when any are."""
    counts = of_activities(problem, activities)
    groups: dict[tuple[str, str], list[Requirement]] = defaultdict(list)
    for req in sorted(problem.requirements, key=lambda r: (r.date, r.start, r.id)):
        if counts(req):
            groups[(req.site, req.activity)].append(req)
    return {key: reqs for key, reqs in groups.items() if len(reqs) >= 2}


def series_size(reqs: list[Requirement], people: int | None = None) -> int:
    """How many distinct people the series may use without cost: `people` when given, at least
    the size of its largest session."""
    largest = max(1, max(r.target for r in reqs))
    return largest if people is None else max(people, largest)


class Continuity(BaseRule):
    info = RuleInfo(
        id="continuity",
        title_ja="同じ担当者の継続",
        title_en="Continuity",
        hard_default=False,
        weight_default=1,
        can_be_hard=False,
        enabled_default=False,
        description_ja="同じ会場・同じ内容の一連の枠で、枠の人数（担当者の人数を指定すればその人数）を超えて別の職員を使うごとに"
                       "重みが掛かる。対象の内容を書くとその内容だけ（例: 訪問）、空欄ならすべての内容が対象。",
        description_en="Each extra person used across a series of sessions (one site, one activity) "
                       "beyond the series' session size (or the people per series given) costs the weight. With "
                       "activities named (e.g. 訪問), only their series count; blank: all.",
        params=(
            ACTIVITIES,
            Param("people", int, None, "担当者の人数", "people per series", minimum=1, maximum=100, per_staff=False),
        ),
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        out: list[Penalty] = []
        activities, people = s.params.get("activities") or "", s.params.get("people")
        for (site, activity), reqs in series(ctx.problem, activities).items():
            by_person: dict[str, list] = defaultdict(list)
            for req in reqs:
                for staff, var in ctx.staff_for(req.id):
                    by_person[staff.id].append(var)
            label = f"continuity[{site},{activity}]"
            used = [any_of(ctx.model, v, f"{label}.used[{p}]") for p, v in sorted(by_person.items())]
            out += excess(ctx.model, count(used), series_size(reqs, people), len(used), s.weight, self.info.id, label)
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        out = []
        for (site, activity), reqs in series(problem, s.params.get("activities") or "").items():
            people = {staff.id for req in reqs for staff in placed.by_req.get(req.id, [])}
            size = series_size(reqs, s.params.get("people"))
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
