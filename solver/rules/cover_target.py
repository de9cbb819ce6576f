"""cover_target: soft distance from each session's preferred staff count.

Cost per session = under_weight * max(0, target - n) + over_weight * max(0, n - target), times the
rule weight. With min_staff 0 and no cap this is the nurse-rostering benchmark's soft cover.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Requirement, Roster, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import count, excess, shortfall, weighted
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

    from solver.context import Context


class CoverTarget(BaseRule):
    info = RuleInfo(
        id="cover_target",
        title_ja="目標人数との差",
        title_en="Target cover",
        hard_default=False,
        weight_default=1,
        can_be_hard=False,
        description_ja="目標人数（指定がなければ必要人数）より少ない・多い配置に、枠ごとの不足・超過の重みを掛ける。",
        description_en="Staffing below or above the target count (the minimum unless a preferred count is given) "
                       "costs the session's under/over weights.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        hard_min, hard_max = ctx.enforces("cover_min"), ctx.enforces("cover_max")
        out: list[Penalty] = []
        # The sessions with at most one pair to decide cost exactly `units(fixed)` plus the
        # difference one more person makes times that pair: one linear term for all of them
        # (one person's part of a big plan, solver.parts, has thousands) and no slacks.
        fixed_cost = 0
        singles: list[cp_model.IntVar] = []
        steps: list[int] = []
        for req in ctx.problem.requirements:
            decided, fixed = ctx.cover_of(req.id)  # fixed: a Scope's assignments, constants
            if len(decided) <= 1:
                before = units(req, fixed)
                fixed_cost += s.weight * before
                if decided and (step := units(req, fixed + 1) - before):
                    singles.append(decided[0])
                    steps.append(s.weight * step)
                continue
            staffed = len(decided) + fixed  # the most it can have
            # Terms the hard cover rules already keep at 0 are left out (a session with min = max
            # = target adds nothing): every roster the solver reports keeps the hard rules.
            floor = req.min_staff if hard_min else 0
            cap = staffed if not hard_max or req.max_staff is None else min(req.max_staff, staffed)
            n, label = fixed + count(decided), f"cover_target[{req.id}]"
            # the textbook soft cover: n + under - over = target as two one-sided slacks (exact
            # linear terms where a side can never be negative, see bounds.slack_penalty)
            if req.under_weight and req.target > max(floor, fixed):
                out += shortfall(ctx.model, n, req.target, req.under_weight * s.weight,
                                 self.info.id, f"{label}.under", upper=staffed)
            if req.over_weight and cap > req.target:
                out += excess(ctx.model, n, req.target, cap, req.over_weight * s.weight,
                              self.info.id, f"{label}.over", lower=fixed)
        if singles:
            # at least 0: each session's share is its own cost
            out.append(Penalty(fixed_cost + weighted(singles, steps), 1,
                               self.info.id, "cover_target[one pair or none]"))
        elif fixed_cost:
            out.append(Penalty(fixed_cost, 1, self.info.id, "cover_target[fixed]"))
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        out = []
        beyond: list[tuple[Requirement, int]] = []  # above the minimum, no 目標人数 given: (session, cost)
        for req in problem.requirements:
            n = len(placed.by_req.get(req.id, []))
            under = max(0, req.target - n)
            if units(req, n) == 0:
                continue
            if under:
                message = t("{session}: 目標 {target} 名に対して {n} 名です。",
                            "{session}: {n} staff, {target} targeted.",
                            session=req.label(), target=req.target, n=n)
            elif req.preferred_staff is None:
                beyond.append((req, units(req, n)))
                continue
            else:
                message = t("{session}: 目標 {target} 名に対して {n} 名（超過）です。",
                            "{session}: {n} staff, more than the {target} targeted.",
                            session=req.label(), target=req.target, n=n)
            out.append(breach(self.info, s, units(req, n), message, requirement_id=req.id, day=req.date))
        return out + [breach(self.info, s, cost, above_the_minimum(req, len(placed.by_req.get(req.id, []))),
                             requirement_id=req.id, day=req.date) for req, cost in beyond]


def above_the_minimum(req: Requirement, n: int) -> str:
    """A session staffed above its 必要人数 within its 最大人数, no 目標人数 given (each person costs the rule's
    weight, so that nobody is placed for nothing): said as such, not against a 目標 nobody had set."""
    return t("{session}: 必要人数 {need} 名より {more} 名多い {n} 名です（最大人数までの配置）。",
             "{session}: {n} staff, {more} above the {need} needed (within the most allowed).",
             session=req.label(), need=req.min_staff, more=n - req.min_staff, n=n)


def units(req: Requirement, n: int) -> int:
    """The session's cost units with n staff: its weights times the distance from the target."""
    return req.under_weight * max(0, req.target - n) + req.over_weight * max(0, n - req.target)


RULE = CoverTarget()
