"""The shape shared by min_consecutive_days and min_consecutive_days_off: every maximal run
(of working days, or of days off) that ends inside the plan and is bounded by known days is at
least L days long.

Known days are the plan's and those just before it that earlier plans' rosters cover (carried in
as Problem.history): a run that began last month counts its days there, and days off at the end of
last month that the plan's first day ends with work are a run too (a run of work that ended last
month is last month's). Runs touching the plan's last day, or reaching back past what is known, are
exempt. Soft: a run of k < L days costs (L − k) units (the days missing from it).
The model forbids each short pattern `other, k × same, other` directly (k = 1 … L−1), which is
O(days × L²) per person and exact for any roster.

Measured and not kept: a redundant layered flow per person beside these patterns (one state per
run length a day, work and days off, arcs for the moves the run rules allow, so that the LP only
mixes whole run sequences). On Curtois, max_lp and default_lp for 20-30 s: Instance13 bound 70
against 66 and no roster (10024 without it), the model 2.5 times the variables; Instance7 bound
1051 against 1045 and 1070 against 1069. The LP stays weak for the cover, not for the runs.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any


from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.bounds import count
from solver.rules.counting import all_penalty, checked_staff, md, name_of, runs, violation
from solver.rules.counting import amounts_by_day, known_days_before, worked_before, worked_days

if TYPE_CHECKING:
    from solver.context import Context


class MinRun(BaseRule):
    """Minimum length of inner runs of working days (`working=True`) or of days off."""

    def __init__(self, info: RuleInfo, working: bool):
        self.info = info
        self.working = working
        self.field = info.params[0].name

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: each short inner run pattern is forbidden. Soft: one penalty per pattern."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        for staff in ctx.problem.active_staff():
            shortest = ctx.limit(self.info, self.field, staff)
            if shortest is None or shortest <= 1:
                continue
            # linear over the sessions themselves (a strong LP), for the hard cut and the soft slack alike;
            # the known days before the plan are constants 1 (worked) and 0
            pre = known_days_before(ctx.problem)
            works = [*map(int, worked_before(ctx.problem, staff.id, pre)), *amounts_by_day(ctx, staff)]
            for length in range(1, shortest):
                for first in range(max(1, self._last_day(pre) - length + 1), len(works) - length):
                    pattern = self._pattern(works, first, length)
                    if pattern is None:
                        continue
                    label = f"{self.info.id}[{staff.id},{first},{length}]"
                    held = [w if work else 1 - w for w, work in pattern]
                    if setting.hard:
                        # not every day of the pattern as it is: sum of the matching terms < its size
                        ctx.model.add(count(held) <= len(held) - 1)
                    else:
                        weight = setting.weight * (shortest - length)
                        penalties += all_penalty(ctx, held, weight, self.info.id, label)
        return penalties

    def _last_day(self, pre: int) -> int:
        """The first index a counted run may end on, `pre` known days before the plan: a run of work
        must reach the plan, days off need only end on its eve (the first plan day ends them)."""
        return pre if self.working else pre - 1

    def _pattern(self, works: list[Any], first: int, length: int) -> list[tuple[Any, bool]] | None:
        """(day's work, worked?) pairs that all hold exactly when days first..first+length-1 form
        an inner run; None when that can never happen (a day with nothing eligible cannot be
        worked, a day before the plan is as it was). Never empty: every pattern needs a worked plan
        day (the run's, or the one after a run of days off)."""
        wanted = [(first - 1, not self.working), (first + length, not self.working)]
        wanted += [(d, self.working) for d in range(first, first + length)]
        pattern: list[tuple[Any, bool]] = []
        for day, work in wanted:
            w = works[day]
            if isinstance(w, int):  # a constant: 0 never worked, 1 worked before the plan
                if bool(w) != work:
                    return None
                continue
            pattern.append((w, work))
        return pattern

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per inner run shorter than L, costing (L − length) units."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        pre = known_days_before(problem)
        days = [problem.start - timedelta(days=pre - i) for i in range(pre)] + problem.days()
        worked = worked_days(problem, roster)
        found: list[Violation] = []
        for staff in checked_staff(problem, roster):
            if not staff.active:
                continue  # the solver has no days for inactive staff; they are never short
            shortest = base.limit(problem, self.info, self.field, staff)
            if shortest is None or shortest <= 1:
                continue
            flags = worked_before(problem, staff.id, pre) + [d in worked.get(staff.id, set()) for d in days[pre:]]
            for first, length, working in runs(flags):
                inner = first > 0 and first + length < len(days)
                if working != self.working or not inner or length >= shortest or first + length <= self._last_day(pre):
                    continue
                found.append(
                    violation(self.info, setting, shortest - length,
                              self._message(problem, staff.id, days[first], length, shortest),
                              staff.id, max(days[first], problem.start))
                )
        return found

    def _message(self, problem: Problem, staff_id: str, day: object, length: int, shortest: int) -> str:
        name = name_of(problem, staff_id)
        if self.working:
            return t(
                "{name} の {day} からの連続勤務は {n} 日で、最低 {limit} 日に足りません。",
                "{name} works only {n} day(s) in a row from {day} (minimum {limit}).",
                name=name, day=md(day), n=length, limit=shortest,  # type: ignore[arg-type]
            )
        return t(
            "{name} の {day} からの連続休日は {n} 日で、最低 {limit} 日に足りません。",
            "{name} has only {n} day(s) off in a row from {day} (minimum {limit}).",
            name=name, day=md(day), n=length, limit=shortest,  # type: ignore[arg-type]
        )
