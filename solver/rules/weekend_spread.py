"""weekend_spread: the gap between the person with the most weekend and holiday days worked and the
one with the fewest (soft, fairness), so that a ward's Saturdays, Sundays and holidays are shared.

A day counts when it is a Saturday, a Sunday or a national holiday and the person works it or has
its morning after a night (Context.works, models.domain.days_taken). Only people who could work
such a day at all count, so that someone never rostered at weekends does not pin the minimum to 0.
Off by default: a plan of weekday sessions has nothing to share.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from models.domain import Problem, Requirement, Roster, Violation, days_taken
from models.i18n import t
from models.rulemeta import RuleInfo
from models.stats import is_weekend
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import count, spread_penalty
from solver.rules.counting import JOBS, job_groups, worked_days
from solver.rules.placed import spread_breach

if TYPE_CHECKING:
    from solver.context import Context


def rest_days(problem: Problem) -> list[date]:
    """The plan's Saturdays, Sundays and national holidays."""
    return [d for d in problem.days() if is_weekend(d)]


def takes_rest_day(req: Requirement, days: set[date]) -> bool:
    return any(d in days for d in days_taken(req))


class WeekendSpread(BaseRule):
    info = RuleInfo(
        id="weekend_spread",
        title_ja="週末・祝日勤務の偏り",
        title_en="Weekend spread",
        hard_default=False,
        weight_default=1,
        can_be_hard=False,
        enabled_default=False,
        description_ja="土日祝日に勤務した日数（明けを含む）が最も多い人と最も少ない人の差1日ごとに重みが掛かる。職種を書くと"
                       "その職種ごとに比べる（例: 常勤、学生）。",
        description_en="Each day of difference in Saturdays, Sundays and holidays worked (mornings after a night "
                       "included) between the most and the fewest costs the weight; with jobs named (skills, e.g. "
                       "常勤、学生), each job is compared apart.",
        params=(JOBS,),
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        days = rest_days(ctx.problem)
        taken = set(days)
        out: list[Penalty] = []
        for job, people in job_groups(ctx.problem.active_staff(), s.params.get("jobs") or "").items():
            totals = [count([w for w in (ctx.works(staff.id, d) for d in days) if not isinstance(w, int)])
                      for staff in people if any(takes_rest_day(req, taken) for req, _ in ctx.requirements_of(staff.id))]
            if len(totals) >= 2:
                label = f"weekend_spread[{job}]" if job else "weekend_spread"
                out += spread_penalty(ctx.model, totals, len(days), s.weight, self.info.id, label)
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        from solver.eligibility import Screen  # local: eligibility reads the rule list

        s = setting(problem, self.info)
        if not s.enabled:
            return []
        days = set(rest_days(problem))
        screen = Screen(problem)
        taking = [r for r in problem.requirements if takes_rest_day(r, days)]
        worked = worked_days(problem, roster)
        out: list[Violation] = []
        for job, people in job_groups(problem.active_staff(), s.params.get("jobs") or "").items():
            counts = {staff.id: len(worked.get(staff.id, set()) & days) for staff in people
                      if screen.has_work(staff, taking)}  # as the model: a session they may take on such a day
            out += spread_breach(problem, self.info, s, counts, lambda **v: (f"{job}: " if job else "") + t(
                "土日祝日の勤務日数の差が {spread} 日です（最多 {top}: {top_n} 日、最少 {low}: {low_n} 日）。",
                "Weekend and holiday days worked differ by {spread} (most: {top}, {top_n}; fewest: {low}, {low_n}).",
                **v))
        return out


RULE = WeekendSpread()
