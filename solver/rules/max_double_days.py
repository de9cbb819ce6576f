"""max_double_days: a person works two sessions or more on at most N days of the plan (a polling
office's staff on both halves of a day at most 3 times, a health centre's hygienist on a morning and
an afternoon session at most so many days a month).

A day counts when the person works two or more of its sessions, whatever they are. N comes from the
per-staff override, else the rule parameter; unset, the rule asks nothing. 1日の上限 caps the sessions
of every day; this caps how many days may be full. Soft: each day over N costs weight.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import bounded, limit_param, limited_in_model, limited_staff, name_of, violation
from solver.rules.placed import placed_of

if TYPE_CHECKING:
    from solver.context import Context


class MaxDoubleDays(BaseRule):
    info = RuleInfo(
        id="max_double_days",
        title_ja="2枠以上入る日数の上限",
        title_en="Max days with two sessions or more",
        hard_default=True,
        weight_default=100,
        params=(limit_param("max_double_days", "2枠以上入る日数の上限（日）", "max days with two sessions or more", 366),),
        description_ja="1日に2つ以上の枠に入る日（午前と午後、前半と後半）の、計画期間中の日数の上限（職員ごとの値が優先）。",
        description_en="On how many days of the plan a person may work two sessions or more (a morning and an "
                       "afternoon); a person's own value wins.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        """A boolean per person and day with two sessions or more to take, true when two are taken;
        their sum at most N (soft: one penalty, the days over)."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        for staff, most in limited_in_model(ctx, self.info, "max_double_days"):
            doubles = []
            for day in ctx.problem.days():
                taken = [v for _, v in ctx.on_day(staff.id, day)]
                if len(taken) < 2:
                    continue
                double = ctx.model.new_bool_var(f"double[{staff.id},{day}]")
                ctx.model.add(sum(taken) <= 1 + (len(taken) - 1) * double)
                doubles.append((1, double))
            label = f"{self.info.id}[{staff.id}]"
            penalties += bounded(ctx, doubles, most, True, setting, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person with more than N such days, costing the days over."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        placed = placed_of(problem, roster)
        found: list[Violation] = []
        for staff, most in limited_staff(problem, roster, self.info, "max_double_days"):
            per_day = Counter(req.date for req in placed.by_staff.get(staff.id, []))
            doubles = sum(1 for n in per_day.values() if n >= 2)
            if doubles <= most:
                continue
            message = t("{name} は 1日に2枠以上入る日が {n} 日です（上限 {most} 日）。",
                        "{name} works two sessions or more on {n} days (at most {most}).",
                        name=name_of(problem, staff.id), n=doubles, most=most)
            found.append(violation(self.info, setting, doubles - most, message, staff.id))
        return found


RULE = MaxDoubleDays()
