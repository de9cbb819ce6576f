"""load_spread: the gap between the busiest and the least busy person (soft, fairness).

Counts are taken over active staff who have at least one eligible session, so that people who
could not work at all do not pin the minimum to zero.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import count, spread_penalty
from solver.rules.placed import placed_of, spread_breach

if TYPE_CHECKING:
    from solver.context import Context


class LoadSpread(BaseRule):
    info = RuleInfo(
        id="load_spread",
        title_ja="回数の偏り",
        title_en="Load spread",
        hard_default=False,
        weight_default=1,
        can_be_hard=False,
        description_ja="最も多い人と最も少ない人の配置回数の差1回ごとに重みが掛かる。",
        description_en="Each session of difference between the busiest and the least busy person costs the weight.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        loads = [
            [v for _, v in ctx.requirements_of(staff.id)]
            for staff in ctx.problem.active_staff()
            if ctx.requirements_of(staff.id)
        ]
        if len(loads) < 2:
            return []
        top = max(len(v) for v in loads)
        return spread_penalty(ctx.model, [count(v) for v in loads], top, s.weight, self.info.id, "load_spread")

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        from solver.eligibility import Screen  # local: eligibility reads the rule list

        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        screen = Screen(problem)
        counts = {
            staff.id: len(placed.by_staff.get(staff.id, []))
            for staff in problem.active_staff()
            if placed.by_staff.get(staff.id) or screen.has_work(staff)
        }
        return spread_breach(problem, self.info, s, counts, lambda **v: t(
            "配置回数の差が {spread} 回です（最多 {top}: {top_n} 回、最少 {low}: {low_n} 回）。",
            "Assignment counts differ by {spread} (most: {top}, {top_n}; fewest: {low}, {low_n}).", **v))


RULE = LoadSpread()
