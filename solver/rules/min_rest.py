"""min_rest: at least R minutes between the end of a person's session on day d and the start of
their session on day d+1 (ends past 24:00 belong to overnight shifts and shorten the rest).

R is the per-staff override, else the rule parameter when a manager set one, else
problem.min_rest_minutes (from the shift types); 0 switches the rule off.
Soft: each pair of sessions that are too close costs weight.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from models.domain import Problem, Requirement, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import all_penalty, assigned, limit_param, name_of, violation

if TYPE_CHECKING:
    from solver.context import Context

DAY = 24 * 60


def too_close(first: Requirement, then: Requirement, rest: int) -> bool:
    """Whether `then` (the next day) starts less than `rest` minutes after `first` ends."""
    return then.start + DAY - first.end < rest


class MinRest(BaseRule):
    info = RuleInfo(
        id="min_rest",
        title_ja="勤務間の休息時間",
        title_en="Minimum rest between shifts",
        hard_default=True,
        weight_default=100,
        params=(limit_param("min_rest_minutes", "最低休息（分）", "minimum rest (minutes)", 2 * DAY),),
        description_ja="ある日の勤務の終了から翌日の勤務の開始までの最低休息時間。",
        description_en="Minutes of rest between the end of one day's session and the next day's start.",
    )

    def rest(self, problem: Problem, staff: Staff) -> int:
        """The rest this person needs, in minutes (0 = no rule)."""
        value = base.limit(problem, self.info, "min_rest_minutes", staff)
        return int(value if value is not None else problem.min_rest_minutes)

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: a session forbids next-day sessions that start too soon. Soft: one penalty per pair."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        days = ctx.problem.days()
        for staff in ctx.problem.active_staff():
            rest = self.rest(ctx.problem, staff)
            if rest <= 0:
                continue
            for day, next_day in zip(days, days[1:]):
                tomorrow = ctx.on_day(staff.id, next_day)
                if not tomorrow:
                    continue
                for first, var in ctx.on_day(staff.id, day):
                    close = [(then, v) for then, v in tomorrow if too_close(first, then, rest)]
                    if setting.hard:
                        if close:
                            ctx.model.add_bool_and([v.Not() for _, v in close]).only_enforce_if(var)
                        continue
                    for then, v in close:
                        label = f"{self.info.id}[{staff.id},{first.id},{then.id}]"
                        penalties += all_penalty(ctx, [var, v], setting.weight, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per pair of sessions on consecutive days with too little rest between."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        plan_days = set(problem.days())
        found: list[Violation] = []
        for staff_id, reqs in assigned(problem, roster).items():
            try:
                rest = self.rest(problem, problem.staff_by_id(staff_id))
            except KeyError:
                continue  # not on the staff list: nothing to measure against
            if rest <= 0:
                continue
            by_day: dict[date, list[Requirement]] = defaultdict(list)
            for req in reqs:
                if req.date in plan_days:
                    by_day[req.date].append(req)
            for day in sorted(by_day):
                for first in by_day[day]:
                    for then in by_day.get(day + timedelta(days=1), []):
                        if not too_close(first, then, rest):
                            continue
                        message = t(
                            "{name}: {a} の終了から {b} の開始まで {gap} 分しかありません（最低 {rest} 分）。",
                            "{name}: only {gap} minutes between {a} and {b} (minimum {rest}).",
                            name=name_of(problem, staff_id), a=first.label(), b=then.label(),
                            gap=then.start + DAY - first.end, rest=rest,
                        )
                        found.append(violation(self.info, setting, 1, message, staff_id, day, first.id))
        return found


RULE = MinRest()
