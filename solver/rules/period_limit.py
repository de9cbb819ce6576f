"""A per-person cap on assignments within a period (a day, a Mon–Sun week, a calendar month).

Shared by max_per_day, max_per_week and max_per_month. The cap comes from the per-staff override,
else the Staff field of the same name, else the rule's parameter (None = no limit). Periods cut by
the plan's edges are capped as they are.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Callable, Hashable

from models.domain import Problem, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Budget, Penalty, limit, setting
from solver.rules.bounds import at_most
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


class PeriodLimit(BaseRule):
    """At most `limit(name)` assignments per person in each period `period(day)`."""

    def __init__(self, info: RuleInfo, name: str, period: Callable[[date], Hashable],
                 describe: Callable[[date], str]):
        self.info = info
        self.name = name
        self.period = period
        self.describe = describe  # how a person names the period that holds a day

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        out: list[Penalty] = []
        for staff in ctx.problem.active_staff():
            cap = ctx.limit(self.info, self.name, staff)
            if cap is None:
                continue
            groups: dict[Hashable, list] = defaultdict(list)
            for req, var in ctx.requirements_of(staff.id):
                groups[self.period(req.date)].append(var)
            for key, variables in groups.items():
                label = f"{self.info.id}[{staff.id},{key}]"
                out += at_most(ctx.model, s, self.info.id, variables, int(cap), label)
        return out

    def budgets(self, ctx: Context, staff: Staff) -> list[Budget]:
        s = ctx.setting(self.info)
        cap = ctx.limit(self.info, self.name, staff) if s.enabled and s.hard else None
        if cap is None:
            return []
        period = self.period
        return [Budget(lambda req: period(req.date), lambda req: 1, int(cap))]

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        out = []
        for staff_id, reqs in sorted(placed_of(problem, roster).by_staff.items()):
            staff = problem.staff_by_id(staff_id)
            cap = limit(problem, self.info, self.name, staff)
            if cap is None:
                continue
            groups: dict[Hashable, list] = defaultdict(list)
            for req in reqs:
                groups[self.period(req.date)].append(req)
            for key, in_period in groups.items():
                n = len(in_period)
                if n > cap:
                    first = min(r.date for r in in_period)
                    message = t("{name} は {period} に {n} 回配置されています（上限 {cap} 回）。",
                                "{name} works {n} times in {period} (limit {cap}).",
                                name=staff.name, period=self.describe(first), n=n, cap=cap)
                    out.append(breach(self.info, s, n - int(cap), message, staff_id=staff_id, day=first))
        return out
