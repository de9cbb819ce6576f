"""min_rest: at least R minutes between the end of a person's session on day d and the start of
their session on day d+1 (ends past 24:00 belong to overnight shifts and shorten the rest).

R is the per-staff override, else the rule parameter when a manager set one, else
problem.min_rest_minutes (from the shift types); 0 switches the rule off. The sessions of the day
before the plan (Problem.history_sessions, from the earlier plan's roster) count against the first day.
Soft: each pair of sessions that are too close costs weight.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from models.domain import Problem, Requirement, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import all_penalty, assigned, by_day_from_eve, limit_param, name_of, violation

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
            eve = [(first, 1) for first in ctx.problem.history_sessions.get(staff.id, ())]  # worked: always 1
            for today, next_day in zip([eve, *(ctx.on_day(staff.id, d) for d in days)], days):
                tomorrow = ctx.on_day(staff.id, next_day)
                if not tomorrow:
                    continue
                for first, var in today:
                    close = [(then, v) for then, v in tomorrow if too_close(first, then, rest)]
                    worked = [] if isinstance(var, int) else [var]  # the eve's sessions were worked
                    if setting.hard:
                        if close:
                            ctx.model.add_bool_and([v.Not() for _, v in close]).only_enforce_if(worked)
                        continue
                    for then, v in close:
                        label = f"{self.info.id}[{staff.id},{first.id},{then.id}]"
                        penalties += all_penalty(ctx, [*worked, v], setting.weight, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per pair of sessions on consecutive days with too little rest between."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        found: list[Violation] = []
        for staff_id, reqs in assigned(problem, roster).items():
            try:
                rest = self.rest(problem, problem.staff_by_id(staff_id))
            except KeyError:
                continue  # not on the staff list: nothing to measure against
            if rest <= 0:
                continue
            by_day = by_day_from_eve(problem, staff_id, reqs)
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
                        at = (day, first.id) if day >= problem.start else (problem.start, then.id)  # the eve: its next day
                        found.append(violation(self.info, setting, 1, message, staff_id, *at))
        return found


RULE = MinRest()
