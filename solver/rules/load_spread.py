"""load_spread: the gap between the busiest and the least busy person, and everyone's distance from an
even share (soft, fairness).

The gap alone let one person pin the least busy end: a consultation office's counsellor held to 2
sessions by her 103万円 cap made 2 the minimum, and 22 of 35 counsellors were left at 2 while 9 took
9-10 (the most cost the same however many shared it). So each person's distance from the even share
(the group's mean, rounded either way; shared by the days each can work, so that a nurse away from the
10th or a doctor who comes twice a month is held to a share of her days) costs the weight too, unless
`均等に近づける` is いいえ. People with a 希望回数 (desired_count enabled) are left out of that share:
their own count is their guide, and the share would pull a hygienist who asks for 10 sessions down to
everyone's 6-7.

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
from models.rulemeta import Param, RuleInfo
from solver.rules.base import BaseRule, Penalty, limit, setting
from solver.rules.bounds import count, even_penalty, spread_penalty
from solver.rules.counting import ACTIVITIES, EACH_ACTIVITY, JOBS, activity_groups, job_groups
from solver.rules.placed import even_breach, placed_of, spread_breach

if TYPE_CHECKING:
    from solver.context import Context


# Whether each person's distance from the even share costs too, beside the gap between the two ends.
EVEN = Param("even", bool, True, "均等に近づける", "even out everyone", per_staff=False)


class LoadSpread(BaseRule):
    info = RuleInfo(
        id="load_spread",
        title_ja="回数の偏り",
        title_en="Load spread",
        hard_default=False,
        weight_default=1,
        can_be_hard=False,
        description_ja="最も多い人と最も少ない人の配置回数の差1回ごとに重みが掛かる。均等に近づける が はい（既定）なら、"
                       "一人ひとりの回数が均等な数（全員の平均）から外れる1回ごとにも重みが掛かる。対象の内容を書くとその内容の回数だけを数え"
                       "（例: 訪問）、内容ごとに比べる を はい にすると書いた内容それぞれの回数を比べ（例: 早番、遅番）、"
                       "職種を書くとその職種ごとに比べる（例: 医師、看護師、受付）。",
        description_en="Each session of difference between the busiest and the least busy person costs the weight; "
                       "with 'even out everyone' (the default) so does each session a person is away from an even share "
                       "(everyone's mean). "
                       "With activities named (e.g. 訪問), only their sessions count, each apart when 'each activity "
                       "apart' is set (早番, 遅番); with jobs named (skills, e.g. "
                       "医師、看護師、受付), each job is compared apart.",
        params=(
            ACTIVITIES,
            EACH_ACTIVITY,
            JOBS,
            EVEN,
        ),
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        even = bool(s.params.get(EVEN.name, True))
        guided = _guided(ctx.problem)
        out: list[Penalty] = []
        groups = job_groups(ctx.problem.active_staff(), s.params.get("jobs") or "")
        for activity, counts in activity_groups(ctx.problem, s.params.get("activities") or "",
                                                bool(s.params.get("each_activity"))):
            loads = {staff.id: [v for req, v in ctx.requirements_of(staff.id) if counts(req)]
                     for staff in ctx.problem.active_staff()}
            dated = _session_days(ctx.problem, counts)
            for job, people in groups.items():
                totals = [loads[p.id] for p in people if loads[p.id]]
                if len(totals) >= 2:
                    label = "load_spread[" + ",".join(x for x in (job, activity) if x) + "]" if job or activity \
                        else "load_spread"
                    top = max(len(v) for v in totals)
                    out += spread_penalty(ctx.model, [count(v) for v in totals], top, s.weight, self.info.id, label)
                    days = {p.id: _workable(ctx.problem, p, dated) for p in people if loads[p.id] and p.id not in guided}
                    sharing = [p for p in people if days.get(p.id)]  # none of their days workable: no share
                    if even and len(sharing) >= 2:
                        out += even_penalty(ctx.model, [count(loads[p.id]) for p in sharing], top, s.weight,
                                            self.info.id, label, [days[p.id] for p in sharing])
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        from solver.eligibility import Screen  # local: eligibility reads the rule list

        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        screen = Screen(problem)
        guided = _guided(problem)
        out: list[Violation] = []
        groups = job_groups(problem.active_staff(), s.params.get("jobs") or "")
        for _activity, counts in activity_groups(problem, s.params.get("activities") or "",
                                                 bool(s.params.get("each_activity"))):
            sessions: list[Requirement] = [r for r in problem.requirements if counts(r)]
            dated = _session_days(problem, counts)
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
                if s.params.get(EVEN.name, True):
                    days = {k: d for k in loads if k not in guided and (d := _workable(problem, problem.staff_by_id(k), dated))}
                    shared = {k: n for k, n in loads.items() if k in days}
                    out += even_breach(problem, self.info, s, shared, (f"{job}: " if job else "") + what, days=days)
        return out


def _session_days(problem: Problem, counts) -> list:
    """The plan's days with a session counted."""
    return sorted({r.date for r in problem.requirements if counts(r)})


def _workable(problem: Problem, staff, days: list) -> int:
    """How many of `days` the person can work (their mark, their weekdays): the even share is by them, so a
    nurse away from the 10th of the month, or a doctor who comes two days, is held to a share of her days."""
    return sum(1 for day in days if not problem.cannot_work(staff.id, day) and not problem.off_weekday(staff.id, day))


def _guided(problem: Problem) -> set[str]:
    """The people whose own 希望回数 guides their count (desired_count enabled), apart from the even share."""
    from solver.rules.desired_count import RULE as DESIRED  # local: the catalogue imports each rule once

    if not setting(problem, DESIRED.info).enabled:
        return set()
    return {staff.id for staff in problem.active_staff()
            if limit(problem, DESIRED.info, "desired_per_month", staff) is not None}


RULE = LoadSpread()
