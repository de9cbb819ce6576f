"""desired_count: each person's count per calendar month stays close to their desired count (soft).

The desire (Staff.desired_per_month, or a per-staff override) is scaled to the share of the month's
days inside the plan, rounded half up; each assignment above or below costs the weight. The months a
plan holds only part of are one period together, their shares added before rounding: a university's
exam period of 1/25-2/5 scaled a desire of 2 to 0 in January and 0 in February, and every session cost.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules.base import BaseRule, Penalty, Wish, limit, setting
from solver.rules.bounds import count
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context

Month = tuple[int, int]
PARTIAL = (0, 0)  # the period of the months the plan holds only part of, when it holds two or more


def month_shares(problem: Problem) -> dict[Month, int]:
    """Plan days in each (year, month) of the plan."""
    shares: dict[Month, int] = defaultdict(int)
    for day in problem.days():
        shares[(day.year, day.month)] += 1
    return dict(shares)


def periods(problem: Problem) -> dict[Month, Month]:
    """Each month of the plan -> its period: itself, or PARTIAL for each of two or more months the plan
    holds only part of."""
    shares = month_shares(problem)
    partial = [m for m, days in shares.items() if days < calendar.monthrange(*m)[1]]
    return {m: PARTIAL if len(partial) > 1 and m in partial else m for m in shares}


def wanted(problem: Problem, desired: int) -> dict[Month, int]:
    """The desire for each period of the plan (`periods`), rounded half up."""
    out: dict[Month, Fraction] = defaultdict(Fraction)
    of = periods(problem)
    for month, days in month_shares(problem).items():
        out[of[month]] += Fraction(desired * days, calendar.monthrange(*month)[1])
    return {key: int(share + Fraction(1, 2)) for key, share in out.items()}


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
        of = periods(ctx.problem)
        out: list[Penalty] = []
        for staff in ctx.problem.active_staff():
            desired = ctx.limit(self.info, "desired_per_month", staff)
            if desired is None:
                continue
            by_month: dict[Month, list] = defaultdict(list)
            for req, var in ctx.requirements_of(staff.id):
                by_month[of.get((req.date.year, req.date.month), PARTIAL)].append(var)
            for month, want in wanted(ctx.problem, int(desired)).items():
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
        wants, of = wanted(ctx.problem, int(desired)), periods(ctx.problem)
        return [Wish(lambda req: of.get((req.date.year, req.date.month), PARTIAL), lambda month: wants.get(month, 0),
                     s.weight)]

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        of = periods(problem)
        out = []
        for staff in problem.active_staff():
            desired = limit(problem, self.info, "desired_per_month", staff)
            if desired is None:
                continue
            counts: dict[Month, int] = defaultdict(int)
            for req in placed.by_staff.get(staff.id, []):
                counts[of.get((req.date.year, req.date.month), PARTIAL)] += 1
            for month, want in wanted(problem, int(desired)).items():
                n = counts.get(month, 0)
                if n != want:
                    if month == PARTIAL:
                        message = t("{name} の期間中の配置は {n} 回で、希望（月 {d} 回を期間の日数に換算）{want} 回と {gap} 回違います。",
                                    "{name} works {n} times in the plan, {gap} away from the desired {want} ({d} a "
                                    "month for the plan's days).", name=staff.name, n=n, d=desired, want=want,
                                    gap=abs(n - want))
                        first = problem.start
                    else:
                        message = t("{name} の {y}年{m}月 の配置は {n} 回で、希望 {want} 回と {gap} 回違います。",
                                    "{name} works {n} times in {y}-{m:02d}, {gap} away from the desired {want}.",
                                    name=staff.name, y=month[0], m=month[1], n=n, want=want, gap=abs(n - want))
                        first = date(month[0], month[1], 1)
                    out.append(breach(self.info, s, abs(n - want), message, staff_id=staff.id, day=first))
        return out


RULE = DesiredCount()
