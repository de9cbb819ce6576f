"""Shared pieces of the limit and sequence rules (consecutive days, weekends, minutes, pay...).

Both sides of a rule use them: the CP-SAT side (`bounded`, `all_penalty`, `any_of`) and the
evaluator side (`over`, `worked_days`, `assigned`), so that a soft rule's penalty in the model and
its cost in `check()` are the same number for any roster.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from models.domain import Problem, Requirement, Roster, RuleSetting, Staff, Violation, duty_days, rotation_order, week_start
from models.history import LOOKBACK_DAYS
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from models.textparse import parse_names, skill_list
from solver.rules import base
from solver.rules.base import Penalty
from solver.rules.bounds import count, slack_penalty, started_units, weighted
from solver.rules.placed import shared

if TYPE_CHECKING:
    from solver.context import Context

Term = tuple[int, Any]  # (coefficient >= 0, CP-SAT boolean)


# The activities a rule looks at, one value for the plan (blank: all): `訪問、訪問リハ`.
ACTIVITIES = Param("activities", str, "", "対象の内容", "activities", per_staff=False)


# The jobs a fairness rule compares apart, one value for the plan (blank: everyone together).
JOBS = Param("jobs", str, "", "職種ごとに比べる", "jobs compared apart", per_staff=False)


def holds_a_job(jobs: tuple[str, ...], staff: Staff) -> bool:
    """Whether a rule whose 対象の職種 names `jobs` holds for the person: everyone when none is named, else
    those holding one (a health check's nurses, not its doctors; a ward's 常勤, not its 育児短時間)."""
    return not jobs or any(job in staff.skills for job in jobs)


def job_groups(staff: list[Staff], jobs: str) -> dict[str, list[Staff]]:
    """The people compared with each other, by job: the first of the skills `jobs` names that
    each holds (`""` for those holding none; everyone in `""` when none are named)."""
    named = skill_list(jobs)
    groups: dict[str, list[Staff]] = defaultdict(list)
    for person in staff:
        groups[next((j for j in named if j in person.skills), "")].append(person)
    return dict(groups)


def of_activities(problem: Problem, activities: str) -> Callable[[Requirement], bool]:
    """Whether a session is of an activity `activities` names (see ACTIVITIES), or any when none."""
    named = parse_names(activities, {r.activity for r in problem.requirements})
    return (lambda req: True) if not named else (lambda req: req.activity in named)


# Whether the activities named are each counted apart (a nursery evens out 早番 and 遅番 each, not their sum)
EACH_ACTIVITY = Param("each_activity", bool, False, "内容ごとに比べる", "each activity apart", per_staff=False)


def activity_groups(problem: Problem, activities: str, each: bool) -> list[tuple[str, Callable[[Requirement], bool]]]:
    """The counts a fairness rule compares: ("", of_activities) for the activities named together, or with
    `each` one (activity, its sessions) per activity named, in the plan's rotation order."""
    named = parse_names(activities, {r.activity for r in problem.requirements})
    if not (each and len(named) > 1):
        return [("", of_activities(problem, activities))]
    order = rotation_order([r for r in problem.requirements if r.activity in named])
    return [(a, lambda req, a=a: req.activity == a) for a in order]


def limit_param(name: str, ja: str, en: str, maximum: float | None = None) -> Param:
    """A per-person integer limit parameter (default None = no limit)."""
    return Param(name, int, None, ja, en, minimum=0, maximum=maximum)


def over(amount: int, unit: int = 1) -> int:
    """How many started `unit`s `amount` is above zero: ceil(max(0, amount) / unit)."""
    return started_units(amount, unit)


def bounded(
    ctx: Context,
    terms: Sequence[Term],
    limit: int,
    upper: bool,
    setting: RuleSetting,
    rule_id: str,
    label: str,
    unit: int = 1,
) -> list[Penalty]:
    """Keep sum(terms) <= limit (upper) or >= limit (lower).

    Hard: adds the constraint and returns nothing. Soft: returns one penalty costing
    `over(amount, unit)`, amount being how far the sum is past the limit (a one-sided slack
    whose `exact` is that cost, see bounds.slack_penalty).
    """
    model = ctx.model
    top = sum(c for c, _ in terms)
    if (upper and top <= limit) or (not upper and limit <= 0):
        return []  # can never be broken
    expr = weighted([v for _, v in terms], [c for c, _ in terms])
    if setting.hard:
        if not terms:
            model.add_bool_or([])  # 0 >= limit > 0: no roster can satisfy this person's limit
        else:
            model.add(expr <= limit if upper else expr >= limit)
        return []
    if not terms:
        return [Penalty(model.new_constant(over(limit, unit)), setting.weight, rule_id, label)]
    span = top - limit if upper else limit
    amount = expr - limit if upper else limit - expr
    return slack_penalty(model, amount, span, setting.weight, rule_id, label, unit)


def any_of(ctx: Context, literals: Sequence[Any], name: str) -> Any:
    """A boolean equal to the OR of `literals` (0 when there are none)."""
    if not literals:
        return 0
    if len(literals) == 1:
        return literals[0]
    result = ctx.model.new_bool_var(name)
    ctx.model.add_max_equality(result, list(literals))
    ctx.model.add(result <= count(literals))  # the same, linear, for the LP
    return result


def all_penalty(ctx: Context, terms: Sequence[Any], weight: int, rule_id: str, label: str) -> list[Penalty]:
    """The penalty `weight` when every term (a 0/1 linear expression) is 1: one-sided, v >= sum - (k-1),
    a cut the LP keeps (see bounds.slack_penalty); the term itself when there is only one."""
    if len(terms) == 1:
        return [Penalty(terms[0], weight, rule_id, label)]
    held = count(terms)
    return slack_penalty(ctx.model, held - (len(terms) - 1), 1, weight, rule_id, label)


def amounts_by_day(ctx: Context, staff: Staff) -> list[Any]:
    """`ctx.work_amount` for each plan day in order: linear expressions for hard linear rules."""
    return [ctx.work_amount(staff.id, day) for day in ctx.problem.days()]


def assigned(problem: Problem, roster: Roster) -> dict[str, list[Requirement]]:
    """Each person's assigned sessions (unknown requirements ignored, duplicates once); shared
    by the rules while the evaluator scores the roster, so read-only."""
    def build() -> dict[str, list[Requirement]]:
        result: dict[str, list[Requirement]] = defaultdict(list)
        for staff_id, req_id in sorted(roster.pairs()):
            if problem.has_requirement(req_id):
                result[staff_id].append(problem.requirement(req_id))
        return dict(result)

    return shared(problem, roster, "assigned", build)


def by_day_from_eve(problem: Problem, staff_id: str, reqs: Iterable[Requirement]) -> dict[date, list[Requirement]]:
    """The person's sessions by day: those on plan days among `reqs`, and the day before the plan's
    (Problem.history_sessions, carried in from the earlier plan), for rules between two days."""
    eve = problem.start - timedelta(days=1)
    by_day: dict[date, list[Requirement]] = defaultdict(list)
    by_day[eve] = list(problem.history_sessions.get(staff_id, ()))
    for req in reqs:
        if problem.start <= req.date <= problem.end:
            by_day[req.date].append(req)
    return by_day


def earlier_in_week(problem: Problem, staff_id: str, measure: Callable[[Requirement], int]) -> dict[date, int]:
    """The person's sessions in the plan's first week before the plan starts (Problem.history_week,
    carried in from the earlier plan), measured: {that week's Monday: total}, or {} when none."""
    held = problem.history_week.get(staff_id, ())
    return {week_start(problem.start): sum(measure(r) for r in held)} if held else {}


def past_limit(total: int, carried: int, bound: int, upper: bool) -> int:
    """How far a period's `total` is past `bound` with `carried` (earlier plans' part of the period)
    counted in; of a maximum, at most `total`: what the earlier plans already passed is not this
    plan's to mend."""
    if upper:
        return min(total, total + carried - bound)
    return bound - carried - total


def earlier_part(problem: Problem, shown: str) -> str:
    """What a message adds when the period began before the plan: `（{start} より前の {shown} を含む）`."""
    return t("（うち {x} は {d} より前の、前の計画の分）", " (of which {x} before {d}, in the earlier plan)",
             d=md(problem.start), x=shown)


def known_days_before(problem: Problem) -> int:
    """How many days right before the plan the earlier plans' rosters cover (Problem.history_sources,
    at most LOOKBACK_DAYS): on those, a day missing from Problem.history is known to be a day off."""
    n, day = 0, problem.start - timedelta(days=1)
    while n < LOOKBACK_DAYS and any(s.start <= day <= s.end for s in problem.history_sources):
        n, day = n + 1, day - timedelta(days=1)
    return n


def worked_before(problem: Problem, staff_id: str, n: int) -> list[bool]:
    """Whether the person worked each of the `n` days before the plan, oldest first (from Problem.history)."""
    worked = set(problem.history.get(staff_id, ()))
    return [problem.start - timedelta(days=n - i) in worked for i in range(n)]


def worked_days(problem: Problem, roster: Roster) -> dict[str, set[date]]:
    """The plan days that are not days off for each person: a day with a session, and the morning
    after a night that runs into it (明, models.domain.days_taken), the earlier plan's last night
    included (read-only, as `assigned`)."""
    def build() -> dict[str, set[date]]:
        mine = assigned(problem, roster)
        return {staff_id: duty_days(problem, staff_id, mine.get(staff_id, ()))
                for staff_id in {*problem.history_sessions, *mine}}

    return shared(problem, roster, "worked_days", build)


def checked_staff(problem: Problem, roster: Roster) -> list[Staff]:
    """Active staff, plus anyone else the roster assigns (a hand edit may use inactive staff)."""
    in_roster = {a.staff_id for a in roster.assignments}
    return [s for s in problem.staff if s.active or s.id in in_roster]


def limited_staff(problem: Problem, roster: Roster, info: RuleInfo, name: str) -> list[tuple[Staff, Any]]:
    """The checked people (checked_staff) whose per-person limit `name` is set, with it."""
    found = ((staff, base.limit(problem, info, name, staff)) for staff in checked_staff(problem, roster))
    return [(staff, value) for staff, value in found if value is not None]


def limited_in_model(ctx: Context, info: RuleInfo, name: str) -> list[tuple[Staff, Any]]:
    """The model's people (active staff) whose per-person limit `name` is set, with it."""
    found = ((staff, ctx.limit(info, name, staff)) for staff in ctx.problem.active_staff())
    return [(staff, value) for staff, value in found if value is not None]


def period_key(kind: str, day: date) -> date:
    """The first day of the week (Monday), month or plan ('plan' -> date.min) holding `day`."""
    if kind == "week":
        return week_start(day)
    if kind == "month":
        return day.replace(day=1)
    return date.min


def period_name(kind: str, key: date) -> str:
    """How a period is named in a message: `週 4/6` / `week of 4/6`, `2026年4月` / `2026-04`."""
    if kind == "week":
        return t("{d} からの週", "week of {d}", d=md(key))
    if kind == "month":
        return t("{y}年{m}月", "{y}-{m:02d}", y=key.year, m=key.month)
    return t("計画期間", "plan")


def md(day: date) -> str:
    """A date as people write it on a roster: `4/14`."""
    return f"{day.month}/{day.day}"


def name_of(problem: Problem, staff_id: str) -> str:
    for s in problem.staff:
        if s.id == staff_id:
            return s.name or s.id
    return staff_id


def violation(
    info: RuleInfo,
    setting: RuleSetting,
    units: int,
    message: str,
    staff_id: str | None = None,
    day: date | None = None,
    requirement_id: str | None = None,
) -> Violation:
    """A violation costing `units * weight` when soft, nothing (but hard=True) when hard."""
    return Violation(
        rule_id=info.id,
        hard=setting.hard,
        message=message,
        cost=0 if setting.hard else units * setting.weight,
        staff_id=staff_id,
        requirement_id=requirement_id,
        date=day,
    )


def runs(flags: Iterable[bool]) -> list[tuple[int, int, bool]]:
    """Maximal runs of equal flags as (first index, length, flag)."""
    result: list[tuple[int, int, bool]] = []
    for i, flag in enumerate(flags):
        if result and result[-1][2] == flag:
            first, length, _ = result[-1]
            result[-1] = (first, length + 1, flag)
        else:
            result.append((i, 1, flag))
    return result
