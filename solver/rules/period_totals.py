"""The shape shared by max/min minutes and max/min assignments per plan: a per-person bound on a
sum over a period (Monday–Sunday week, calendar month, or the whole plan).

Partial weeks and months at the plan's edges are limited as they are: a limit is never scaled
down (no pro-rating) for a period the plan only partly covers. The week the plan starts in counts
the sessions of its days before the plan too (Problem.history_week, from the earlier plan's roster).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from models.domain import DAY_OFF_WORDS, Problem, Requirement, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Budget, Penalty
from solver.rules.counting import assigned, bounded, checked_staff, earlier_in_week, name_of, over, past_limit, period_key
from solver.rules.counting import earlier_part, period_name, violation

if TYPE_CHECKING:
    from solver.context import Context


class PeriodLimit(BaseRule):
    """A bound on sum(measure(session)) per person and period.

    `info.params` names the limits, each `<anything>_<kind>` with kind week, month or plan
    (e.g. `max_minutes_per_week`); `upper` says whether they are maxima or minima; `unit` is how
    many measured units make one unit of soft violation (60 minutes = one started hour).
    """

    def __init__(
        self,
        info: RuleInfo,
        upper: bool,
        measure: Callable[[Requirement], int],
        show: Callable[[int], str],
        unit: int = 1,
        credit: str | None = None,
    ):
        self.info = info
        self.upper = upper
        self.measure = measure
        self.show = show
        self.unit = unit
        self.credit = credit  # the parameter of what a day of leave counts as (minutes), if the rule has one
        self.fields = [(p.name, kind) for p in info.params if (kind := p.name.rsplit("_", 1)[1]) in PERIODS]

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool] | None:
        """A maximum rules out any single session that alone passes it."""
        limits = [ctx.limit(self.info, name, staff) for name, _ in self.fields] if self.upper else []
        limits = [most for most in limits if most is not None]
        if not limits:
            return None
        most, measure = min(limits), self.measure
        return lambda req: measure(req) <= most

    def budgets(self, ctx: Context, staff: Staff) -> list[Budget]:
        setting = ctx.setting(self.info)
        if not (self.upper and setting.enabled and setting.hard):
            return []
        out = []
        for name, kind in self.fields:
            bound = ctx.limit(self.info, name, staff)
            if bound is not None:
                out.append(Budget(lambda req, kind=kind: period_key(kind, req.date), self.measure, int(bound),
                                  self._carried(ctx.problem, staff.id, kind)))
        return out

    def _carried(self, problem: Problem, staff_id: str, kind: str) -> dict[date, int]:
        """The earlier plans' part of each period (the first week's days before the plan)."""
        return earlier_in_week(problem, staff_id, self.measure) if kind == "week" else {}

    def _credited(self, problem: Problem, staff_id: str, kind: str) -> dict[date, int]:
        """What the person's days of leave count for in each period, when the rule's `credit` parameter
        says (a nursery's 正規 held to 144 hours a month whatever her 有休: infeasible, or her hours cut by
        hand): each day of leave (有休, 研修, 夏季休暇; not 希, 明, 欠勤) its minutes."""
        minutes = int(base.setting(problem, self.info).params.get(self.credit) or 0) if self.credit else 0
        if minutes <= 0:
            return {}
        out: dict[date, int] = defaultdict(int)
        for day, word in problem.day_words(staff_id).items():
            if word not in UNCREDITED:
                out[period_key(kind, day)] += minutes
        return out

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: each period's sum within the limit. Soft: one penalty per person and period."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        keys = _period_keys(ctx.problem)
        for staff in ctx.problem.active_staff():
            for name, kind in self.fields:
                bound = ctx.limit(self.info, name, staff)
                if bound is None:
                    continue
                terms: dict[date, list[tuple[int, Any]]] = {k: [] for k in keys[kind]}
                for req, var in ctx.requirements_of(staff.id):
                    terms.setdefault(period_key(kind, req.date), []).append((self.measure(req), var))
                carried = self._carried(ctx.problem, staff.id, kind)
                credited = self._credited(ctx.problem, staff.id, kind)
                for key, period_terms in sorted(terms.items()):
                    label = f"{self.info.id}[{staff.id},{kind},{key.isoformat()}]"
                    # a maximum the earlier plans passed: none left
                    left = int(bound) - carried.get(key, 0) - credited.get(key, 0)
                    penalties += bounded(
                        ctx, period_terms, max(0, left) if self.upper else left, self.upper, setting, self.info.id,
                        label, self.unit
                    )
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person and period past the limit, costing the started units past it."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        keys = _period_keys(problem)
        mine = assigned(problem, roster)
        found: list[Violation] = []
        for staff in checked_staff(problem, roster):
            if not staff.active and not self.upper:
                continue  # inactive staff have no minimum to meet
            for name, kind in self.fields:
                bound = base.limit(problem, self.info, name, staff)
                if bound is None:
                    continue
                totals: dict[date, int] = defaultdict(int, {k: 0 for k in keys[kind]})
                for req in mine.get(staff.id, []):
                    totals[period_key(kind, req.date)] += self.measure(req)
                carried = self._carried(problem, staff.id, kind)
                credited = self._credited(problem, staff.id, kind)
                for key, total in sorted(totals.items()):
                    before, leave = carried.get(key, 0), credited.get(key, 0)
                    amount = past_limit(total, before + leave, int(bound), self.upper)
                    if amount <= 0:
                        continue
                    message = self._message(problem, staff, kind, key, total + before + leave, int(bound), before)
                    if leave:
                        message += t("（うち {x} は休暇の分）", " (of which {x} for days of leave)", x=self.show(leave))
                    found.append(violation(self.info, setting, over(amount, self.unit), message, staff.id))
        return found

    def _message(self, problem: Problem, staff: Staff, kind: str, key: date, total: int, bound: int,
                 before: int = 0) -> str:
        values = dict(name=name_of(problem, staff.id), period=period_name(kind, key),
                      total=self.show(total), limit=self.show(bound))
        if self.upper:
            text = t("{name} の {period} は {total} で、上限 {limit} を超えています。",
                     "{name}: {total} in {period}, above the maximum {limit}.", **values)
        else:
            text = t("{name} の {period} は {total} で、下限 {limit} に足りません。",
                     "{name}: {total} in {period}, below the minimum {limit}.", **values)
        return text + (earlier_part(problem, self.show(before)) if before else "")


PERIODS = ("week", "month", "plan")
# The words of days that are no leave to count as worked: a day off asked for, the morning after a night,
# and a day's absence
UNCREDITED = frozenset((*DAY_OFF_WORDS, "明", "欠勤", "病欠"))


def _period_keys(problem: Problem) -> dict[str, list[date]]:
    """Every week, month and the plan touching the plan's days (so empty periods are checked)."""
    days = problem.days()
    return {kind: sorted({period_key(kind, d) for d in days}) for kind in ("week", "month", "plan")}


def show_minutes(minutes: int) -> str:
    """An amount of time as hours and minutes: `37時間30分`, `29時間` (`37 h 30 min`). `29:00` read as a
    time of day."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if rest:
        return sign + t("{h}時間{m}分", "{h} h {m} min", h=hours, m=rest)
    return sign + t("{h}時間", "{h} h", h=hours)


def show_count(count: int) -> str:
    return t("{n} 回", "{n} sessions", n=count)
