"""max_days_per_week: a person works on at most N days of one Monday–Sunday week (週3日まで), however
many sessions each day holds: a part-timer's morning and afternoon on one day are one day.

A day counts when one of the person's sessions starts on it (a night counts on the day it starts,
not on its 明). N comes from the per-staff override, else Staff.max_days_per_week (the 職員 sheet's
週日数上限), else the rule parameter. The week the plan starts in counts the days the person
worked before the plan (Problem.history_week, from the earlier plan's roster). Soft: each day
beyond N costs weight.

`MaxDaysPer` is the rule for any period: max_days_per_month is the same for a calendar month.
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
from solver.rules.counting import any_of, assigned, bounded, limit_param, limited_in_model, limited_staff, md
from solver.rules.counting import name_of, past_limit, period_key, period_name, violation

if TYPE_CHECKING:
    from solver.context import Context


def earlier_days(problem: Problem, staff_id: str) -> int:
    """Days of the plan's first week before the plan that the person worked (Problem.history_week)."""
    return len({r.date for r in problem.history_week.get(staff_id, ())})


class MaxDaysPer(BaseRule):
    """At most N days with a session in each `kind` period ("week": Monday-Sunday, "month": calendar
    month) of the plan; the plan's first week counts the earlier plan's days of it (a month does
    not: plans start on the 1st, and a plan that starts later counts its own days only)."""

    def __init__(self, kind: str, info: RuleInfo) -> None:
        self.kind = kind
        self.info = info
        self.limit_name = info.params[0].name

    def _carried(self, problem: Problem, staff_id: str, key: date) -> int:
        if self.kind == "week" and key == week_start(problem.start):
            return earlier_days(problem, staff_id)
        return 0

    def build(self, ctx: Context) -> list[Penalty]:
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        for staff, most in limited_in_model(ctx, self.info, self.limit_name):
            periods: dict[date, list] = defaultdict(list)
            for day in ctx.problem.days():
                todays = [v for _, v in ctx.on_day(staff.id, day)]
                if todays:
                    periods[period_key(self.kind, day)].append(any_of(ctx, todays, f"{self.info.id}[{staff.id},{day}]"))
            for key, days in periods.items():
                # the earlier plan's days of the first week take their room; what they passed is not this plan's
                carried = self._carried(ctx.problem, staff.id, key)
                label = f"{self.info.id}[{staff.id},{key.isoformat()}]"
                penalties += bounded(ctx, [(1, d) for d in days], max(0, most - carried), True, setting,
                                     self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person and period with more days than N, costing the days beyond it."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        plan_days = set(problem.days())
        mine = assigned(problem, roster)
        found: list[Violation] = []
        for staff, most in limited_staff(problem, roster, self.info, self.limit_name):
            periods: dict[date, set[date]] = defaultdict(set)
            for req in mine.get(staff.id, ()):
                if req.date in plan_days:
                    periods[period_key(self.kind, req.date)].add(req.date)
            for key, days in sorted(periods.items()):
                carried = self._carried(problem, staff.id, key)
                beyond = past_limit(len(days), carried, most, upper=True)
                if beyond <= 0:
                    continue
                period = period_name(self.kind, key)
                message = t("{name} は {period}に {n} 日勤務しています（上限 {most} 日{earlier}）。",
                            "{name} works {n} days in {period} (at most {most}{earlier}).",
                            name=name_of(problem, staff.id), n=len(days) + carried,
                            period=period if self.kind != "week" else t("{p}", "the {p}", p=period),
                            most=most, earlier=t("、前の計画の {c} 日を含む", ", {c} of them in the earlier plan", c=carried)
                            if carried else "")
                found.append(violation(self.info, setting, beyond, message, staff.id, min(days)))
        return found


RULE = MaxDaysPer("week", RuleInfo(
    id="max_days_per_week",
    title_ja="週の勤務日数の上限",
    title_en="Max days per week",
    hard_default=True,
    weight_default=100,
    params=(limit_param("max_days_per_week", "週の日数上限（日）", "max days per week", 7),),
    description_ja="1人が1週間（月〜日）に勤務する日数の上限（同じ日の午前と午後は1日）。職員シートの「週日数上限」で人ごとに"
                   "指定できます。計画が週の途中から始まるときは、その週の前の計画の勤務日も数えます。",
    description_en="Days a person may work in one Monday–Sunday week (a morning and an afternoon on one day are "
                   "one day); per person in the staff sheet's 週日数上限. A plan that starts mid-week counts that "
                   "week's days of the earlier plan too.",
))
