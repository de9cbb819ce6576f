"""max_days_off: a person has at most N days off in the plan (a ward's 公休数 as a full-timer's month:
9 in January, no more, so that she works her 所定日数 rather than only the sessions' minimums ask).

Days off are counted as min_days_off counts them: a plan day with no session and no 明 (the morning
after a night, Context.works), leave (有休, 研修: Problem.leave_days) being neither. A 希 (a day off
asked for) or a × is a day off, so a nurse's wishes fall within her 公休. N comes from the per-staff
override, else the rule parameter; unset, the rule asks nothing. With 対象の職種 (skills, e.g. 常勤),
only the people holding one are held to it (a 育児短時間 nurse off every weekend is not). Soft by
default: each day off beyond N costs weight, so that a plan whose sessions leave no room for every
full-timer's days still has a roster, the days said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from models.textparse import skill_list
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import (bounded, holds_a_job, limit_param, limited_in_model, limited_staff, name_of,
                                   violation)
from solver.rules.counting import worked_days

if TYPE_CHECKING:
    from solver.context import Context

JOBS = Param("jobs", str, "", "対象の職種", "jobs it applies to", per_staff=False)


class MaxDaysOff(BaseRule):
    info = RuleInfo(
        id="max_days_off",
        title_ja="休日数の上限",
        title_en="Maximum days off",
        hard_default=False,
        weight_default=100,
        params=(limit_param("max_days_off", "休日数の上限（日）", "max days off", 366), JOBS),
        description_ja="計画期間中の休日（勤務も明けもない日、希望休と×を含む）の最多日数。病棟の常勤の公休数など、"
                       "所定の日数を勤務させるとき。有休・研修などは休日に数えない。対象の職種を書くと、そのスキルを"
                       "持つ人だけ（例: 常勤）。",
        description_en="Days in the plan with no work and no morning after a night (wished days off and × included), "
                       "at most this many: a full-timer's days off per month on a ward, so that she works her "
                       "contracted days. Leave is not a day off. With jobs named (skills, e.g. 常勤), only the "
                       "people holding one.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        """Days worked >= open days - N; soft: one penalty, the days off beyond N."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        jobs = skill_list(setting.params.get("jobs") or "")
        days = ctx.problem.days()
        penalties: list[Penalty] = []
        for staff, most in limited_in_model(ctx, self.info, "max_days_off"):
            if not holds_a_job(jobs, staff):
                continue
            away = ctx.problem.leave_days(staff.id)
            open_days = len(days) - len(away)
            if open_days <= most:
                continue
            worked = [(1, w) for w in (ctx.works(staff.id, d) for d in days if d not in away) if not isinstance(w, int)]
            label = f"{self.info.id}[{staff.id}]"
            penalties += bounded(ctx, worked, open_days - most, False, setting, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person with more than N days off, costing the days beyond it."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        jobs = skill_list(setting.params.get("jobs") or "")
        days = problem.days()
        worked = worked_days(problem, roster)
        found: list[Violation] = []
        for staff, most in limited_staff(problem, roster, self.info, "max_days_off"):
            if not holds_a_job(jobs, staff):
                continue
            leave = problem.leave_days(staff.id)
            off = len(days) - len(leave) - len(worked.get(staff.id, set()) - leave)
            if off <= most:
                continue
            message = t("{name} の休日は {off} 日です（上限 {most} 日）。",
                        "{name} has {off} days off (at most {most}).",
                        name=name_of(problem, staff.id), off=off, most=most)
            found.append(violation(self.info, setting, off - most, message, staff.id))
        return found


RULE = MaxDaysOff()
