"""A per-person cap on assignments within a period (a day, a Mon–Sun week, a calendar month).

Shared by max_per_day, max_per_week and max_per_month. The cap comes from the per-staff override,
else the Staff field of the same name, else the rule's parameter (None = no limit). Periods cut by
the plan's edges are capped as they are; a week counts the sessions of its days before the plan
too (Problem.history_week, from the earlier plan's roster), a month does not (a plan carries in two
weeks of the past, not a month).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Callable, Hashable, Mapping

from models.domain import Problem, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from models.textparse import day_cap_text
from solver.rules.base import BaseRule, Budget, Penalty, limit, setting
from solver.rules.bounds import at_most
from solver.rules.counting import earlier_in_week, earlier_part, past_limit
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


class PeriodLimit(BaseRule):
    """At most `limit(name)` assignments per person in each period `period(day)`."""

    def __init__(self, info: RuleInfo, name: str, period: Callable[[date], Hashable],
                 describe: Callable[[date], str], weekly: bool = False,
                 own: Callable[[Problem, str, Hashable], int | None] | None = None):
        self.info = info
        self.name = name
        self.period = period
        self.describe = describe  # how a person names the period that holds a day
        self.weekly = weekly  # the period is the Monday-Sunday week: the first one counts the days before the plan
        self.own = own  # a cap the person gave one period in their marks (a day's `1枠のみ`), under their own cap

    def _cap(self, problem: Problem, staff_id: str, cap: int | None, key: Hashable) -> int | None:
        """The person's cap in the period `key`: their own (or the rule's), or the one their marks give it."""
        given = self.own(problem, staff_id, key) if self.own is not None else None
        return cap if given is None else given if cap is None else min(int(cap), given)

    def _marked(self, problem: Problem) -> set[str]:
        """The people whose marks cap a period of theirs."""
        return {who for who, _ in problem.day_caps} if self.own is not None else set()

    def _carried(self, problem: Problem, staff_id: str) -> Mapping[Hashable, int]:
        return earlier_in_week(problem, staff_id, lambda req: 1) if self.weekly else {}

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        out: list[Penalty] = []
        marked = self._marked(ctx.problem)
        for staff in ctx.problem.active_staff():
            cap = ctx.limit(self.info, self.name, staff)
            if cap is None and staff.id not in marked:
                continue
            groups: dict[Hashable, list] = defaultdict(list)
            for req, var in ctx.requirements_of(staff.id):
                groups[self.period(req.date)].append(var)
            carried = self._carried(ctx.problem, staff.id)
            for key, variables in groups.items():
                if (most := self._cap(ctx.problem, staff.id, cap, key)) is None:
                    continue
                label = f"{self.info.id}[{staff.id},{key}]"
                out += at_most(ctx.model, s, self.info.id, variables, max(0, int(most) - carried.get(key, 0)), label)
        return out

    def budgets(self, ctx: Context, staff: Staff) -> list[Budget]:
        s = ctx.setting(self.info)
        cap = ctx.limit(self.info, self.name, staff) if s.enabled and s.hard else None
        if cap is None:
            return []
        period = self.period
        return [Budget(lambda req: period(req.date), lambda req: 1, int(cap), self._carried(ctx.problem, staff.id))]

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        out = []
        marked = self._marked(problem)
        for staff_id, reqs in sorted(placed_of(problem, roster).by_staff.items()):
            staff = problem.staff_by_id(staff_id)
            cap = limit(problem, self.info, self.name, staff)
            if cap is None and staff_id not in marked:
                continue
            groups: dict[Hashable, list] = defaultdict(list)
            for req in reqs:
                groups[self.period(req.date)].append(req)
            carried = self._carried(problem, staff_id)
            for key, in_period in groups.items():
                if (most := self._cap(problem, staff_id, cap, key)) is None:
                    continue
                n, before = len(in_period), carried.get(key, 0)
                amount = past_limit(n, before, int(most), upper=True)
                if amount > 0:
                    first = min(r.date for r in in_period)
                    message = t("{name} は {period} に {n} 回配置されています（上限 {cap} 回）。",
                                "{name} works {n} times in {period} (limit {cap}).",
                                name=staff.name, period=self.describe(first), n=n + before, cap=most)
                    if most != cap:  # the day's own, from the marks
                        message += t("（勤務可否 {text}）", " (availability: {text})", text=day_cap_text(
                            problem.mark(staff_id, first), int(most)))
                    if before:
                        message += earlier_part(problem, t("{n} 回", "{n}", n=before))
                    out.append(breach(self.info, s, amount, message, staff_id=staff_id, day=first))
        return out
