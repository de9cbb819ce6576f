"""min_days_off: a person has at least N days off in the plan (a ward's 公休数, e.g. 8 in February).

A day off is a plan day with no session and no 明 (the morning after a night that runs into it,
see Context.works and models.domain.days_taken), so a month of 夜勤 and 明 has fewer days off than
its sessions suggest; nor is a day of leave (有休, 研修: Problem.leave_days) one, as a ward counts its
公休 without them. N comes from the per-staff override, else the rule parameter; unset, the rule
asks nothing. A plan with fewer than N days besides the person's leave asks all of them off.
Soft: each day off short of N costs weight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import bounded, limit_param, limited_in_model, limited_staff, name_of, violation
from solver.rules.counting import worked_days

if TYPE_CHECKING:
    from solver.context import Context


class MinDaysOff(BaseRule):
    info = RuleInfo(
        id="min_days_off",
        title_ja="休日数の下限",
        title_en="Minimum days off",
        hard_default=True,
        weight_default=100,
        params=(limit_param("min_days_off", "休日数の下限（日）", "min days off", 366),),
        description_ja="計画期間中の休日（勤務も明けもない日）の最低日数。病棟の公休数など。",
        description_en="Days in the plan with no work and no morning after a night, at least this many "
                       "(a ward's days off per month).",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        """Days worked <= plan days - N; soft: one penalty, the days short."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        days = ctx.problem.days()
        penalties: list[Penalty] = []
        for staff, least in limited_in_model(ctx, self.info, "min_days_off"):
            # a day of leave is no day off, worked or not (a locked session, a night's 明): only the others count
            away = ctx.problem.leave_days(staff.id)
            worked = [(1, w) for w in (ctx.works(staff.id, d) for d in days if d not in away) if not isinstance(w, int)]
            open_days = len(days) - len(away)
            label = f"{self.info.id}[{staff.id}]"
            penalties += bounded(ctx, worked, open_days - min(least, open_days), True, setting, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person with fewer than N days off, costing the days short."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        days = problem.days()
        worked = worked_days(problem, roster)
        found: list[Violation] = []
        for staff, least in limited_staff(problem, roster, self.info, "min_days_off"):
            away = len(problem.leave_days(staff.id))
            off = len(days) - away - len(worked.get(staff.id, set()) - problem.leave_days(staff.id))
            short = min(least, len(days) - away) - off
            if short <= 0:
                continue
            if away:
                message = t("{name} の休日は {off} 日です（下限 {least} 日。有休・研修などの {away} 日は数えません）。",
                            "{name} has {off} days off (at least {least}; the {away} days of leave are not counted).",
                            name=name_of(problem, staff.id), off=off, least=least, away=away)
            else:
                message = t("{name} の休日は {off} 日です（下限 {least} 日）。",
                            "{name} has {off} days off (at least {least}).",
                            name=name_of(problem, staff.id), off=off, least=least)
            found.append(violation(self.info, setting, short, message, staff.id))
        return found


RULE = MinDaysOff()
