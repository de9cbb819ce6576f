"""max_per_activity: a person takes at most n sessions of an activity, or of a group of
activities together, over the plan (Staff.max_per_activity, e.g. at most 4 night shifts, or
`準夜+深夜` 8 times between them; 0 means never those activities).

A person's limits are the per-staff override (one number for every activity, a mapping or
(activity, n) pairs), then those of their own list that count none of the override's activities,
then the rule parameter for each activity no limit counts. A limit named `準夜+深夜` counts the
activities joined by `+` (unless the plan has an activity of that very name).
Soft: each session above a limit costs weight.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any, Callable, Collection, NamedTuple

from models.domain import Problem, Requirement, Roster, Staff, Violation, counted_activities
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import assigned, bounded, checked_staff, limit_param, name_of, over
from solver.rules.counting import violation

if TYPE_CHECKING:
    from solver.context import Context


class Limit(NamedTuple):
    """At most `most` sessions of `activities` together; `name` as the limit was written."""

    name: str
    activities: frozenset[str]
    most: int


class MaxPerActivity(BaseRule):
    info = RuleInfo(
        id="max_per_activity",
        title_ja="内容ごとの勤務回数の上限",
        title_en="Maximum sessions per activity",
        hard_default=True,
        weight_default=100,
        params=(limit_param("max_per_activity", "内容ごとの上限（回）", "max per activity", 10000),),
        description_ja="内容（シフト種別）ごとの期間中の勤務回数の上限。一人ひとりの上限は「職員・会場・枠」の職員の"
                       "「内容別上限」列（Excel では職員シートの「内容別上限」）に 準夜+深夜:8、日勤:20 のように書きます。"
                       "+ でつないだ内容は合わせて数え、0 はその内容に入れないことを表します。",
        description_en="Sessions per activity (shift type) over the plan. Each person's limits go in the Limits per "
                       "activity column of Staff, sites and sessions (内容別上限 on the Excel staff sheet), e.g. "
                       "準夜+深夜:8、日勤:20: activities joined by + count together, 0 means never that activity.",
    )

    def limits(self, problem: Problem, staff: Staff, known: Collection[str]) -> list[Limit]:
        """This person's limits over the plan's activities `known` (see the module's docstring)."""
        chosen = problem.rules.get(self.info.id)
        override = chosen.staff_overrides.get(staff.id, {}) if chosen is not None else {}
        value: Any = override.get("max_per_activity", ())
        if value is None or isinstance(value, int):  # one number (or no limit) for every activity
            return [] if value is None else [Limit(a, frozenset({a}), value) for a in sorted(known)]
        table = list(value.items() if isinstance(value, dict) else value)
        found = [Limit(name, counted_activities(name, known), int(most)) for name, most in table]
        taken = frozenset().union(*(limit.activities for limit in found))
        found += [limit for limit in (Limit(name, counted_activities(name, known), most) for name, most in staff.max_per_activity)
                  if not limit.activities & taken]
        default = base.setting(problem, self.info).params.get("max_per_activity")
        if default is not None:
            taken = frozenset().union(*(limit.activities for limit in found))
            found += [Limit(a, frozenset({a}), int(default)) for a in sorted(set(known) - taken)]
        return found

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool]:
        """A limit of 0 rules its activities out for this person."""
        known = _activities(ctx.problem)
        barred = frozenset().union(*(limit.activities for limit in self.limits(ctx.problem, staff, known)
                                     if limit.most == 0))
        return lambda req: req.activity not in barred

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: count per activity <= limit. Soft: one penalty per person and activity."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        known = _activities(ctx.problem)
        for staff in ctx.problem.active_staff():
            by_activity: dict[str, list[tuple[int, Any]]] = defaultdict(list)
            for req, var in ctx.requirements_of(staff.id):
                by_activity[req.activity].append((1, var))
            for limit in self.limits(ctx.problem, staff, known):
                terms = [term for activity in sorted(limit.activities) for term in by_activity.get(activity, ())]
                if not terms:
                    continue
                label = f"{self.info.id}[{staff.id},{limit.name}]"
                penalties += bounded(ctx, terms, limit.most, True, setting, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person and activity taken more often than allowed."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        mine = assigned(problem, roster)
        known = _activities(problem)
        found: list[Violation] = []
        for staff in checked_staff(problem, roster):
            counts = Counter(req.activity for req in mine.get(staff.id, []))
            for limit in self.limits(problem, staff, known):
                count = sum(counts[activity] for activity in limit.activities)
                if count <= limit.most:
                    continue
                message = t(
                    "{name} は {activity} に {n} 回入っています（上限 {limit} 回）。",
                    "{name} has {activity} {n} times (limit {limit}).",
                    name=name_of(problem, staff.id), activity=limit.name, n=count, limit=limit.most,
                )
                found.append(violation(self.info, setting, over(count - limit.most), message, staff.id))
        return found


# the last sessions list asked about and its activities, one tuple (read whole by any thread)
_known: tuple[Any, frozenset[str]] = (None, frozenset())


def _activities(problem: Problem) -> frozenset[str]:
    """The plan's activities, worked out once for a plan's sessions (screen asks once per person)."""
    global _known
    cached = _known
    if cached[0] is not problem.requirements:
        cached = _known = (problem.requirements, frozenset(req.activity for req in problem.requirements))
    return cached[1]


RULE = MaxPerActivity()
