"""max_weekends: a person works at most L weekends in the plan.

A weekend is the Saturday and Sunday of one Monday–Sunday week; it counts once when the person
works either day. A weekend cut by the plan's edge counts with the day it has inside the plan.
Soft: each weekend above L costs weight.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation, week_start
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import any_of, bounded, checked_staff, limit_param, name_of, over
from solver.rules.counting import violation, worked_days

if TYPE_CHECKING:
    from solver.context import Context


def weekends(problem: Problem) -> dict[date, list[date]]:
    """The plan's Saturdays and Sundays grouped by the Monday of their week, in order."""
    result: dict[date, list[date]] = defaultdict(list)
    for day in problem.days():
        if day.weekday() >= 5:
            result[week_start(day)].append(day)
    return dict(result)


class MaxWeekends(BaseRule):
    info = RuleInfo(
        id="max_weekends",
        title_ja="勤務する週末の上限",
        title_en="Maximum weekends worked",
        hard_default=True,
        weight_default=100,
        params=(limit_param("max_weekends", "週末勤務の上限（回）", "max weekends worked", 60),),
        description_ja="土日のどちらかに勤務した週末を1回と数えた上限。",
        description_en="Weekends with work on Saturday or Sunday count once each.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: number of worked weekends <= L. Soft: one penalty, the excess over L."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        groups = weekends(ctx.problem)
        for staff in ctx.problem.active_staff():
            most = ctx.limit(self.info, "max_weekends", staff)
            if most is None:
                continue
            terms = []
            for monday, days in groups.items():
                name = f"weekend[{staff.id},{monday.isoformat()}]"
                if setting.hard:
                    # only an upper bound on the count: a one-sided flag over each day's sessions
                    # is enough and keeps the LP as strong as the textbook model
                    amounts = [a for a in (ctx.work_amount(staff.id, d) for d in days) if not isinstance(a, int)]
                    if len(amounts) == 1:
                        terms.append((1, amounts[0]))
                    elif amounts:
                        flag = ctx.model.new_bool_var(name)
                        for amount in amounts:
                            ctx.model.add(flag >= amount)
                        terms.append((1, flag))
                    continue
                worked = [w for w in (ctx.works(staff.id, d) for d in days) if not isinstance(w, int)]
                if worked:
                    terms.append((1, any_of(ctx, worked, name)))
            label = f"{self.info.id}[{staff.id}]"
            penalties += bounded(ctx, terms, most, True, setting, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person working more than L weekends, costing the excess."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        groups = weekends(problem)
        worked = worked_days(problem, roster)
        found: list[Violation] = []
        for staff in checked_staff(problem, roster):
            most = base.limit(problem, self.info, "max_weekends", staff)
            if most is None:
                continue
            mine = worked.get(staff.id, set())
            count = sum(1 for days in groups.values() if any(d in mine for d in days))
            if count <= most:
                continue
            message = t(
                "{name} は週末 {n} 回勤務しています（上限 {limit} 回）。",
                "{name} works {n} weekends (limit {limit}).",
                name=name_of(problem, staff.id), n=count, limit=most,
            )
            found.append(violation(self.info, setting, over(count - most), message, staff.id))
        return found


RULE = MaxWeekends()
