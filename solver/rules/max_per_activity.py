"""max_per_activity: a person takes at most n sessions of an activity over the plan
(Staff.max_per_activity, e.g. at most 4 night shifts; 0 means never that activity).

Per activity, the limit is the per-staff override (a mapping or (activity, n) pairs), else the
person's own list, else the rule parameter, which applies to every activity not listed.
Soft: each session above a limit costs weight.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any, Callable

from models.domain import Problem, Requirement, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import assigned, bounded, checked_staff, limit_param, name_of, over
from solver.rules.counting import violation

if TYPE_CHECKING:
    from solver.context import Context


class MaxPerActivity(BaseRule):
    info = RuleInfo(
        id="max_per_activity",
        title_ja="内容ごとの勤務回数の上限",
        title_en="Maximum sessions per activity",
        hard_default=True,
        weight_default=100,
        params=(limit_param("max_per_activity", "内容ごとの上限（回）", "max per activity", 10000),),
        description_ja="内容（シフト種別）ごとの期間中の勤務回数の上限。0 はその内容に入れないことを表します。",
        description_en="Sessions per activity (shift type) over the plan; 0 means never that activity.",
    )

    def most(self, problem: Problem, staff: Staff, activity: str) -> int | None:
        """This person's limit for one activity (None = no limit)."""
        chosen = problem.rules.get(self.info.id)
        override = chosen.staff_overrides.get(staff.id, {}) if chosen is not None else {}
        if "max_per_activity" in override:
            value = override["max_per_activity"]
            if value is None or isinstance(value, int):
                return value  # one number (or no limit) for every activity
            table = dict(value.items() if isinstance(value, dict) else value)
            if activity in table:
                return int(table[activity])
        own = staff.activity_limit(activity)
        if own is not None:
            return own
        return base.setting(problem, self.info).params.get("max_per_activity")

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool]:
        """A limit of 0 rules the activity out for this person."""
        barred: dict[str, bool] = {}  # activity -> ruled out, looked up once per activity

        def allowed(req: Requirement) -> bool:
            ruled_out = barred.get(req.activity)
            if ruled_out is None:
                ruled_out = barred[req.activity] = self.most(ctx.problem, staff, req.activity) == 0
            return not ruled_out

        return allowed

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: count per activity <= limit. Soft: one penalty per person and activity."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        for staff in ctx.problem.active_staff():
            by_activity: dict[str, list[tuple[int, Any]]] = defaultdict(list)
            for req, var in ctx.requirements_of(staff.id):
                by_activity[req.activity].append((1, var))
            for activity, terms in sorted(by_activity.items()):
                most = self.most(ctx.problem, staff, activity)
                if most is None:
                    continue
                label = f"{self.info.id}[{staff.id},{activity}]"
                penalties += bounded(ctx, terms, int(most), True, setting, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person and activity taken more often than allowed."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        mine = assigned(problem, roster)
        found: list[Violation] = []
        for staff in checked_staff(problem, roster):
            counts = Counter(req.activity for req in mine.get(staff.id, []))
            for activity, count in sorted(counts.items()):
                most = self.most(problem, staff, activity)
                if most is None or count <= most:
                    continue
                message = t(
                    "{name} は {activity} に {n} 回入っています（上限 {limit} 回）。",
                    "{name} has {activity} {n} times (limit {limit}).",
                    name=name_of(problem, staff.id), activity=activity, n=count, limit=most,
                )
                found.append(violation(self.info, setting, over(count - most), message, staff.id))
        return found


RULE = MaxPerActivity()
