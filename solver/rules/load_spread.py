"""load_spread: the gap between the busiest and the least busy person (soft, fairness).

Counts are taken over active staff who have at least one eligible session, so that people who
could not work at all do not pin the minimum to zero.

Two plan-wide parameters. The activities counted (blank: all): a home-visit agency counts its
訪問, not the daily 緊急当番 that would weigh a 24-hour on-call like one 30-minute visit. And the
jobs compared apart (blank: everyone together): a holiday clinic's `内科、看護師、薬剤師、受付`
compares each doctor with the other doctors and each receptionist with the receptionists — people
holding one of the skills named are grouped by the first of them they hold, the rest form one
group — where one spread set a doctor capped at 4 days against a receptionist who could work 20.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Requirement, Roster, Violation, rotation_order
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import count, spread_penalty
from solver.rules.counting import ACTIVITIES, EACH_ACTIVITY, JOBS, activity_groups, job_groups
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
        description_ja="最も多い人と最も少ない人の配置回数の差1回ごとに重みが掛かる。対象の内容を書くとその内容の回数だけを数え"
                       "（例: 訪問）、内容ごとに比べる を はい にすると書いた内容それぞれの回数を比べ（例: 早番、遅番）、"
                       "職種を書くとその職種ごとに比べる（例: 医師、看護師、受付）。",
        description_en="Each session of difference between the busiest and the least busy person costs the weight. "
                       "With activities named (e.g. 訪問), only their sessions count, each apart when 'each activity "
                       "apart' is set (早番, 遅番); with jobs named (skills, e.g. "
                       "医師、看護師、受付), each job is compared apart.",
        params=(
            ACTIVITIES,
            EACH_ACTIVITY,
            JOBS,
        ),
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        out: list[Penalty] = []
        groups = job_groups(ctx.problem.active_staff(), s.params.get("jobs") or "")
        for activity, counts in activity_groups(ctx.problem, s.params.get("activities") or "",
                                                bool(s.params.get("each_activity"))):
            loads = {staff.id: [v for req, v in ctx.requirements_of(staff.id) if counts(req)]
                     for staff in ctx.problem.active_staff()}
            for job, people in groups.items():
                totals = [loads[p.id] for p in people if loads[p.id]]
                if len(totals) >= 2:
                    label = "load_spread[" + ",".join(x for x in (job, activity) if x) + "]" if job or activity \
                        else "load_spread"
                    out += spread_penalty(ctx.model, [count(v) for v in totals], max(len(v) for v in totals),
                                          s.weight, self.info.id, label)
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        from solver.eligibility import Screen  # local: eligibility reads the rule list

        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        screen = Screen(problem)
        out: list[Violation] = []
        groups = job_groups(problem.active_staff(), s.params.get("jobs") or "")
        for _activity, counts in activity_groups(problem, s.params.get("activities") or "",
                                                 bool(s.params.get("each_activity"))):
            sessions: list[Requirement] = [r for r in problem.requirements if counts(r)]
            # the activities counted, named: a ward's 準夜・深夜 counts were said as 配置回数 beside 18 shifts
            named = "・".join(rotation_order(sessions)) if s.params.get("activities") else ""
            what = t("{a} の回数", "{a} counts", a=named) if named else t("配置回数", "Assignment counts")
            for job, people in groups.items():
                done = {p.id: [r for r in placed.by_staff.get(p.id, []) if counts(r)] for p in people}
                loads = {p.id: len(done[p.id]) for p in people if done[p.id] or screen.has_work(p, sessions)}
                out += spread_breach(problem, self.info, s, loads, lambda job=job, what=what, **v: (
                    f"{job}: " if job else "") + t(
                    "{what}の差が {spread} 回です（最多 {top}: {top_n} 回、最少 {low}: {low_n} 回）。",
                    "{what} differ by {spread} (most: {top}, {top_n}; fewest: {low}, {low_n}).", what=what, **v))
        return out


RULE = LoadSpread()
