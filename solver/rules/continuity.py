"""continuity: the same people return across a series of sessions (soft).

A series is every session of one (site, activity) within the plan, when there are at least two.
Its size is the largest number of staff any of its sessions asks for (preferred, else minimum,
at least 1); each distinct person used in the series beyond that size costs the weight.
A fixed size (not the largest number actually placed) keeps over-staffing from lowering the cost.
Off by default: in shift work every day's shift of one kind would form a "series".

Plan-wide parameters: the activities whose series count (blank: all; a home-visit agency's
訪問, not its daily 緊急当番, which continuity handed to the same few nurses), how many people
a series may use without cost (blank: its session size; 2 for "one or two nurses per patient"),
whether each day is a series of its own (a vaccination venue's morning and afternoon with one
doctor), and a skill whose holders alone count (医師: the nurses around them may change).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
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


Key = tuple[str, str, date | None]  # (site, activity, the day of a series of one day; None: the whole plan)


def series(problem: Problem, activities: str = "", daily: bool = False) -> dict[Key, list[Requirement]]:
    """The sessions of each (site, activity) with two or more sessions, in date order; of each day apart
    when `daily`; only of the `activities` named (`訪問、訪問リハ`), when any are."""
    counts = of_activities(problem, activities)
    groups: dict[Key, list[Requirement]] = defaultdict(list)
    for req in sorted(problem.requirements, key=lambda r: (r.date, r.start, r.id)):
        if counts(req):
            groups[(req.site, req.activity, req.date if daily else None)].append(req)
    return {key: reqs for key, reqs in groups.items() if len(reqs) >= 2}


def series_size(reqs: list[Requirement], people: int | None = None, skill: str = "") -> int:
    """How many distinct people the series may use without cost: `people` when given, at least
    the size of its largest session; with a `skill`, counting its holders only, the most of them a
    session asks for (1 when none asks)."""
    if skill:
        largest = max([1] + [k for r in reqs for name, k in r.required_skills if name == skill])
    else:
        largest = max(1, max(r.target for r in reqs))
    return largest if people is None else max(people, largest)


def _label(key: Key) -> str:
    site, activity, day = key
    return f"{site},{activity}" + (f",{day.isoformat()}" if day else "")


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
                       "重みが掛かる。対象の内容を書くとその内容だけ（例: 訪問）、空欄ならすべての内容が対象。"
                       "日ごと を はい にすると一日ごとの一連（午前と午後の同じ会場）、対象のスキルを書くとそのスキルの人だけを数える"
                       "（例: 医師。人数はその枠が求めるそのスキルの人数）。",
        description_en="Each extra person used across a series of sessions (one site, one activity) "
                       "beyond the series' session size (or the people per series given) costs the weight. With "
                       "activities named (e.g. 訪問), only their series count; blank: all. Day by day: each day's "
                       "sessions of one site and activity are a series (a morning and an afternoon); with a skill "
                       "named (e.g. 医師), only its holders count, as many as a session asks for.",
        params=(
            ACTIVITIES,
            Param("people", int, None, "担当者の人数", "people per series", minimum=1, maximum=100, per_staff=False),
            # a vaccination venue wants one doctor through its day, not one doctor through the month
            Param("daily", bool, False, "日ごと", "day by day", per_staff=False),
            Param("skill", str, "", "対象のスキル", "skill counted", per_staff=False),
        ),
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        out: list[Penalty] = []
        activities, people, skill = s.params.get("activities") or "", s.params.get("people"), _skill(s.params)
        for key, reqs in series(ctx.problem, activities, bool(s.params.get("daily"))).items():
            by_person: dict[str, list] = defaultdict(list)
            for req in reqs:
                for staff, var in ctx.staff_for(req.id):
                    if not skill or skill in staff.skills:
                        by_person[staff.id].append(var)
            label = f"continuity[{_label(key)}]"
            used = [any_of(ctx.model, v, f"{label}.used[{p}]") for p, v in sorted(by_person.items())]
            out += excess(ctx.model, count(used), series_size(reqs, people, skill), len(used), s.weight, self.info.id,
                          label)
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        skill = _skill(s.params)
        out = []
        for (site, activity, day), reqs in series(problem, s.params.get("activities") or "",
                                                  bool(s.params.get("daily"))).items():
            people = {staff.id for req in reqs for staff in placed.by_req.get(req.id, [])
                      if not skill or skill in staff.skills}
            size = series_size(reqs, s.params.get("people"), skill)
            if len(people) <= size:
                continue
            where = f"{day.month}/{day.day} " if day else ""
            message = t("{where}{site} の {activity}（{n} 回）に {who}{used} 名が入れ替わりで配置されています"
                        "（継続なら {size} 名）。",
                        "{where}{activity} at {site} ({n} sessions) uses {used} different {who}people "
                        "(continuity needs {size}).",
                        where=where, site=site, activity=activity, n=len(reqs), used=len(people), size=size,
                        who=t("{k} が ", "{k} ", k=skill) if skill else "")
            out.append(breach(self.info, s, len(people) - size, message, requirement_id=reqs[0].id,
                              day=reqs[0].date))
        return out


def _skill(params: dict) -> str:
    return (params.get("skill") or "").strip()


RULE = Continuity()
