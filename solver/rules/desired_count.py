"""desired_count: each person's count per calendar month stays close to their desired count (soft).

The desire (Staff.desired_per_month, or a per-staff override) is scaled to the share of the month's
days inside the plan, rounded half up; each assignment above or below costs the weight.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules.base import BaseRule, Penalty, Wish, limit, setting
from solver.rules.bounds import count
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


def month_shares(problem: Problem) -> dict[tuple[int, int], int]:
    """Plan days in each (year, month) of the plan."""
    shares: dict[tuple[int, int], int] = defaultdict(int)
    for day in problem.days():
        shares[(day.year, day.month)] += 1
    return dict(shares)


def scaled(desired: int, month: tuple[int, int], days_in_plan: int) -> int:
    """The desire for the part of `month` inside the plan, rounded half up."""
    month_days = calendar.monthrange(*month)[1]
    return (2 * desired * days_in_plan + month_days) // (2 * month_days)


class DesiredCount(BaseRule):
    info = RuleInfo(
        id="desired_count",
        title_ja="希望回数",
        title_en="Desired count",
        hard_default=False,
        weight_default=2,
        can_be_hard=False,
        params=(Param("desired_per_month", int, None, "月の希望回数", "Desired sessions per month", minimum=0),),
        description_ja="月ごとの配置回数と本人の希望回数との差1回ごとに重みが掛かる。",
        description_en="Each session above or below a person's desired monthly count costs the weight.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        shares = month_shares(ctx.problem)
        out: list[Penalty] = []
        for staff in ctx.problem.active_staff():
            desired = ctx.limit(self.info, "desired_per_month", staff)
            if desired is None:
                continue
            by_month: dict[tuple[int, int], list] = defaultdict(list)
            for req, var in ctx.requirements_of(staff.id):
                by_month[(req.date.year, req.date.month)].append(var)
            for month, days_in_plan in shares.items():
                want = scaled(int(desired), month, days_in_plan)
                variables = by_month.get(month, [])
                label = f"desired[{staff.id},{month[0]}-{month[1]:02d}]"
                if not variables:
                    out.append(Penalty(want, s.weight, self.info.id, label))
                    continue
                gap = ctx.model.new_int_var(0, max(want, len(variables)), label)
                ctx.model.add_abs_equality(gap, count(variables) - want)
                out.append(Penalty(gap, s.weight, self.info.id, label))
        return out

    def wishes(self, ctx: Context, staff: Staff) -> list[Wish]:
        s = ctx.setting(self.info)
        desired = ctx.limit(self.info, "desired_per_month", staff) if s.enabled and not s.hard else None
        if desired is None:
            return []
        wants = {month: scaled(int(desired), month, days) for month, days in month_shares(ctx.problem).items()}
        return [Wish(lambda req: (req.date.year, req.date.month), lambda month: wants.get(month, 0), s.weight)]

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        out = []
        for staff in problem.active_staff():
            desired = limit(problem, self.info, "desired_per_month", staff)
            if desired is None:
                continue
            counts: dict[tuple[int, int], int] = defaultdict(int)
            for req in placed.by_staff.get(staff.id, []):
                counts[(req.date.year, req.date.month)] += 1
            for month, days_in_plan in month_shares(problem).items():
                want = scaled(int(desired), month, days_in_plan)
                n = counts.get(month, 0)
                if n != want:
                    message = t("{name} の {y}年{m}月 の配置は {n} 回で、希望 {want} 回と {gap} 回違います。",
                                "{name} works {n} times in {y}-{m:02d}, {gap} away from the desired {want}.",
                                name=staff.name, y=month[0], m=month[1], n=n, want=want, gap=abs(n - want))
                    out.append(breach(self.info, s, abs(n - want), message, staff_id=staff.id,
                                      day=date(month[0], month[1], 1)))
        return out


RULE = DesiredCount()
