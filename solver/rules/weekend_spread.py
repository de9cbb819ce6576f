"""weekend_spread: the gap between the person with the most weekend and holiday days worked and the
one with the fewest (soft, fairness), so that a ward's Saturdays, Sundays and holidays are shared.

A day counts when it is a Saturday, a Sunday or a national holiday and the person works it or has
its morning after a night (Context.works, models.domain.days_taken). Only people who could work
such a day at all count, so that someone never rostered at weekends does not pin the minimum to 0.
Off by default: a plan of weekday sessions has nothing to share.

Two more plan-wide parameters. The activities counted (blank: all), and whether a night's morning
counts (yes: a ward's Saturday 明 after a Friday 夜勤 is a weekend day on duty); a fire station
shares its 当務 that start on 土日祝, a hospital its weekend 当直 and 日直, and neither counts the
Saturday morning a Friday night runs into. With either set, a day counts when a counted session
starts on it (or, with mornings, runs into its morning); the earlier plan's last night is not
counted then.

Over the fiscal year (年度で数える, yes by default): each person's days are added to the weekend and
holiday days they worked earlier in the fiscal year (Problem.history_weekend_days, from the earlier
plans' rosters), so that a library's Saturdays are shared over April to March, not month by month: June
gave 3 to someone with 9 already and 3 to someone with 6. The earlier days are counted as the rule
counts by default (every session, a night's morning too), so they are added only then, and only in a
plan within one fiscal year.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from models.domain import Problem, Requirement, Roster, Staff, Violation, days_taken
from models.history import fiscal_year
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from models.stats import is_weekend
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import count, spread_penalty
from solver.rules.counting import ACTIVITIES, JOBS, job_groups, of_activities, worked_days
from solver.rules.placed import placed_of, spread_breach

if TYPE_CHECKING:
    from solver.context import Context


def rest_days(problem: Problem) -> list[date]:
    """The plan's Saturdays, Sundays and national holidays."""
    return [d for d in problem.days() if is_weekend(d)]


def takes_rest_day(req: Requirement, days: set[date]) -> bool:
    return any(d in days for d in days_taken(req))


MORNINGS = Param("mornings", bool, True, "明けも数える", "mornings after a night count", per_staff=False)
FISCAL = Param("fiscal", bool, True, "年度で数える（前の計画の分も）", "over the fiscal year (earlier plans too)",
               per_staff=False)


def counted_days(req: Requirement, mornings: bool) -> tuple[date, ...]:
    """The days a session counts for: its own, and with `mornings` the morning it runs into."""
    return days_taken(req) if mornings else (req.date,)


def _plain(params: dict) -> bool:
    """Whether the rule counts every session with its mornings (its first form, Context.works)."""
    return not (params.get(ACTIVITIES.name) or "") and params.get(MORNINGS.name, MORNINGS.default)


def earlier_days(problem: Problem, params: dict) -> dict[str, int]:
    """The weekend and holiday days each person worked earlier in the fiscal year, when the rule adds
    them (see the module's note): none when it counts otherwise or the plan crosses April 1."""
    if not params.get(FISCAL.name, FISCAL.default) or not _plain(params) or not problem.history_weekend_days \
            or fiscal_year(problem.start) != fiscal_year(problem.end):
        return {}
    return problem.history_weekend_days


def _before(earlier: dict[str, int], staff: Staff) -> int:
    return int(earlier.get(staff.id, 0))


class WeekendSpread(BaseRule):
    info = RuleInfo(
        id="weekend_spread",
        title_ja="週末・祝日勤務の偏り",
        title_en="Weekend spread",
        hard_default=False,
        weight_default=1,
        can_be_hard=False,
        enabled_default=False,
        description_ja="土日祝日に勤務した日数（明けを含む）が最も多い人と最も少ない人の差1日ごとに重みが掛かる。職種を書くと"
                       "その職種ごとに比べる（例: 常勤、学生）。対象の内容を書くとその内容だけを数え（例: 当務）、"
                       "「明けも数える」を いいえ にすると土日祝日に始まる勤務だけを数える。「年度で数える」なら、同じ年度の"
                       "前の計画で勤務した土日祝日も合わせて比べる（明けも数え、対象の内容を書かないとき）。",
        description_en="Each day of difference in Saturdays, Sundays and holidays worked (mornings after a night "
                       "included) between the most and the fewest costs the weight; with jobs named (skills, e.g. "
                       "常勤、学生), each job is compared apart. With activities named (e.g. 当務) only they count; "
                       "with 'mornings after a night count' set to no, only sessions starting on such days count. "
                       "Over the fiscal year, the days worked in the year's earlier plans are added (when mornings "
                       "count and no activities are named).",
        params=(JOBS, ACTIVITIES, MORNINGS, FISCAL),
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        days = rest_days(ctx.problem)
        taken = set(days)
        plain, mornings = _plain(s.params), s.params.get(MORNINGS.name, MORNINGS.default)
        counts = of_activities(ctx.problem, s.params.get(ACTIVITIES.name) or "")

        def worked(staff_id: str) -> list:
            if plain:
                return [w for w in (ctx.works(staff_id, d) for d in days) if not isinstance(w, int)]
            by_day: dict[date, list] = {}
            for req, var in ctx.requirements_of(staff_id):
                if counts(req):
                    for d in counted_days(req, mornings):
                        if d in taken:
                            by_day.setdefault(d, []).append(var)
            flags = []
            for d, found in sorted(by_day.items()):
                if len(found) == 1:
                    flags.append(found[0])
                else:  # 1 when any counted session takes the day
                    w = ctx.model.new_bool_var(f"weekend_day[{staff_id},{d.isoformat()}]")
                    ctx.model.add_max_equality(w, found)
                    flags.append(w)
            return flags

        earlier = earlier_days(ctx.problem, s.params)
        out: list[Penalty] = []
        for job, people in job_groups(ctx.problem.active_staff(), s.params.get("jobs") or "").items():
            totals = [count(worked(staff.id)) + _before(earlier, staff) for staff in people
                      if any(counts(req) and takes_rest_day(req, taken) for req, _ in ctx.requirements_of(staff.id))]
            if len(totals) >= 2:
                label = f"weekend_spread[{job}]" if job else "weekend_spread"
                top = len(days) + max((_before(earlier, staff) for staff in people), default=0)
                out += spread_penalty(ctx.model, totals, top, s.weight, self.info.id, label)
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        from solver.eligibility import Screen  # local: eligibility reads the rule list

        s = setting(problem, self.info)
        if not s.enabled:
            return []
        days = set(rest_days(problem))
        screen = Screen(problem)
        counted = of_activities(problem, s.params.get(ACTIVITIES.name) or "")
        taking = [r for r in problem.requirements if counted(r) and takes_rest_day(r, days)]
        if _plain(s.params):
            worked = worked_days(problem, roster)
        else:
            mornings = s.params.get(MORNINGS.name, MORNINGS.default)
            worked = {staff_id: {d for r in reqs if counted(r) for d in counted_days(r, mornings)}
                      for staff_id, reqs in placed_of(problem, roster).by_staff.items()}
        earlier = earlier_days(problem, s.params)
        out: list[Violation] = []
        for job, people in job_groups(problem.active_staff(), s.params.get("jobs") or "").items():
            counts = {staff.id: len(worked.get(staff.id, set()) & days) + _before(earlier, staff) for staff in people
                      if screen.has_work(staff, taking)}  # as the model: a session they may take on such a day
            out += spread_breach(problem, self.info, s, counts, lambda **v: (f"{job}: " if job else "") + (t(
                "{fy}年度の土日祝日の勤務日数の差が {spread} 日です（前の計画の分を含め、最多 {top}: {top_n} 日、最少 {low}: {low_n} 日）。",
                "Fiscal {fy} weekend and holiday days worked differ by {spread}, earlier plans included (most: {top}, "
                "{top_n}; fewest: {low}, {low_n}).", fy=fiscal_year(problem.start), **v) if earlier else t(
                "土日祝日の勤務日数の差が {spread} 日です（最多 {top}: {top_n} 日、最少 {low}: {low_n} 日）。",
                "Weekend and holiday days worked differ by {spread} (most: {top}, {top_n}; fewest: {low}, {low_n}).",
                **v)))
        return out


RULE = WeekendSpread()
