"""max_consecutive_days: every window of L+1 consecutive plan days holds at least one day off.

L comes from the per-staff override, else Staff.max_consecutive_days, else the rule parameter.
Days in Problem.history (worked just before the plan) extend a run that reaches the first plan day;
windows lying wholly before the plan are not this plan's doing and never count.
Soft: each window of L+1 worked days costs weight once, so a run of k worked days costs (k − L).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING


from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.bounds import count
from solver.rules.counting import all_penalty, limit_param, limited_in_model, limited_staff, md, name_of, runs
from solver.rules.counting import amounts_by_day, violation, worked_days

if TYPE_CHECKING:
    from solver.context import Context


class MaxConsecutiveDays(BaseRule):
    info = RuleInfo(
        id="max_consecutive_days",
        title_ja="連続勤務日数の上限",
        title_en="Maximum consecutive working days",
        hard_default=True,
        weight_default=100,
        params=(limit_param("max_consecutive_days", "連続勤務上限（日）", "max consecutive days", 366),),
        description_ja="連続して勤務できる日数の上限。努力ルールのとき超過1日ごとに重みが加算されます。",
        description_en="Longest run of working days; when soft each day beyond it costs the weight.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: sum of each window <= L. Soft: one penalty per fully worked window."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        for staff, longest in limited_in_model(ctx, self.info, "max_consecutive_days"):
            # sums of the sessions themselves (a strong LP), for the hard cut and the soft slack alike
            works = amounts_by_day(ctx, staff)
            before = days_before(ctx.problem, staff.id)
            for first in range(-min(before, longest), len(works) - longest):
                window = works[max(0, first) : first + longest + 1]  # days before the plan are all 1
                if any(isinstance(w, int) for w in window):
                    continue  # a day with nothing eligible is always a day off
                if setting.hard:
                    ctx.model.add(count(window) <= len(window) - 1)
                    continue
                label = f"{self.info.id}[{staff.id},{first}]"
                penalties += all_penalty(ctx, window, setting.weight, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per run of worked days longer than L, costing (length − L) units."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        days = problem.days()
        worked = worked_days(problem, roster)
        found: list[Violation] = []
        for staff, longest in limited_staff(problem, roster, self.info, "max_consecutive_days"):
            flags = [d in worked.get(staff.id, set()) for d in days]
            before = days_before(problem, staff.id)
            for first, length, working in runs(flags):
                pre = before if first == 0 else 0
                units = min(length, length + pre - longest)  # windows ending inside the plan
                if not working or units <= 0:
                    continue
                message = t(
                    "{name} は {day} から {n} 日連続で勤務しています（上限 {limit} 日）。",
                    "{name} works {n} days in a row from {day} (limit {limit}).",
                    name=name_of(problem, staff.id), day=md(days[first] - timedelta(pre)),
                    n=length + pre, limit=longest,
                )
                found.append(violation(self.info, setting, units, message, staff.id, days[first]))
        return found


def days_before(problem: Problem, staff_id: str) -> int:
    """How many days in a row the person worked right up to the plan's first day (from history)."""
    worked = set(problem.history.get(staff_id, ()))
    n, day = 0, problem.start - timedelta(1)
    while day in worked:
        n, day = n + 1, day - timedelta(1)
    return n


RULE = MaxConsecutiveDays()
