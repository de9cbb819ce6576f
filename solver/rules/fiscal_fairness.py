"""fiscal_fairness: even counts over the fiscal year (April–March), carrying earlier plans (soft).

Each person's fiscal-year count is Problem.history_counts (assignments in earlier plans of the same
fiscal year) plus this plan's assignments; the gap between the highest and the lowest count costs
the weight per assignment. As with load_spread, only active staff with at least one eligible
session (or an assignment) take part, and a per-staff override `include = False` leaves one out.
A plan without counts from earlier plans has nothing to carry: the rule then adds nothing, and
load_spread alone evens out the plan.
The counts carried in are of the fiscal year the plan starts in, and only its sessions of that
year add to them: in a plan that crosses April 1 (3/23-4/19) the sessions from April 1 are a new
fiscal year, which carries nothing in, so the rule leaves them to load_spread as it does a plan
without counts; taking part then means an eligible session (or an assignment) before April 1.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Staff, Violation
from models.history import fiscal_year
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import count, spread_penalty
from solver.rules.counting import JOBS, job_groups
from solver.rules.placed import placed_of, spread_breach

if TYPE_CHECKING:
    from solver.context import Context


def _included(problem: Problem, info: RuleInfo, staff: Staff) -> bool:
    chosen = problem.rules.get(info.id)
    override = chosen.staff_overrides.get(staff.id, {}) if chosen is not None else {}
    return bool(override.get("include", setting(problem, info).params.get("include", True)))


class FiscalFairness(BaseRule):
    info = RuleInfo(
        id="fiscal_fairness",
        title_ja="年度内の回数の偏り",
        title_en="Fairness over the fiscal year",
        hard_default=False,
        weight_default=1,
        can_be_hard=False,
        params=(Param("include", bool, True, "年度の公平性の対象", "Counted for fiscal-year fairness"), JOBS),
        description_ja="年度（4月〜3月）のこれまでの回数と今回の回数の合計で、最多と最少の差1回ごとに重みが掛かる。"
                       "職種を書くとその職種ごとに比べる（例: 常勤、パート）。",
        description_en="Each assignment of difference between the highest and lowest fiscal-year count "
                       "(earlier plans plus this one) costs the weight. With jobs named (skills, e.g. 常勤、パート), "
                       "each job is compared apart.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled or not ctx.problem.history_counts:
            return []
        problem = ctx.problem
        year = fiscal_year(problem.start)
        out: list[Penalty] = []
        # a 週3日 part-timer against full-timers was "unfair" by 6; a job named (常勤、パート) is compared apart
        for job, people in job_groups(problem.active_staff(), s.params.get("jobs") or "").items():
            totals = []
            top = 0
            for staff in people:
                variables = [v for req, v in ctx.requirements_of(staff.id) if fiscal_year(req.date) == year]
                if not variables or not _included(problem, self.info, staff):
                    continue
                before = int(problem.history_counts.get(staff.id, 0))
                totals.append(count(variables) + before)
                top = max(top, before + len(variables))
            if len(totals) >= 2:
                label = f"fiscal_fairness[{job}]" if job else "fiscal_fairness"
                out += spread_penalty(ctx.model, totals, top, s.weight, self.info.id, label)
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        from solver.eligibility import Screen  # local: eligibility reads the rule list

        s = setting(problem, self.info)
        if not s.enabled or not problem.history_counts:
            return []
        year = fiscal_year(problem.start)
        counted = Counter(staff.id for staff, req in placed_of(problem, roster).items() if fiscal_year(req.date) == year)
        screen = Screen(problem)
        sessions = [r for r in problem.requirements if fiscal_year(r.date) == year]
        out: list[Violation] = []
        for job, people in job_groups(problem.active_staff(), s.params.get("jobs") or "").items():
            totals = {
                staff.id: counted[staff.id] + int(problem.history_counts.get(staff.id, 0))
                for staff in people
                if (counted[staff.id] or screen.has_work(staff, sessions))
                and _included(problem, self.info, staff)
            }
            out += spread_breach(problem, self.info, s, totals, lambda **v: (f"{job}: " if job else "") + t(
                "{fy}年度の配置回数の差が {spread} 回です（最多 {top}: {top_n} 回、最少 {low}: {low_n} 回）。",
                "Fiscal {fy} counts differ by {spread} (most: {top}, {top_n}; fewest: {low}, {low_n}).", fy=year, **v))
        return out


RULE = FiscalFairness()
