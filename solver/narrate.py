"""A conflict of hard rules (solver.explain) told as one sentence: the sessions whose cover or
skills cannot all be met, the people who may take them, and the rules that stop those people."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Iterable

from models.domain import DAY_MINUTES, Problem, Requirement, Staff
from models.i18n import t
from solver.eligibility import Screen
from solver.rules.counting import md
from solver.rules.max_consecutive_days import RULE as RUNS
from solver.rules.max_consecutive_days import days_before
from solver.rules.no_overlap import clash
from solver.rules.max_per_activity import MaxPerActivity
from solver.rules.period_limit import PeriodLimit

if TYPE_CHECKING:
    from solver.explain import Group

MAX_LISTED = 4  # sessions or people named one by one; beyond, counted


def skills_text(skills: Iterable[tuple[str, int]]) -> str:
    """`フッ化物 1 名、リーダー 1 名` / `1 with フッ化物 and 1 with リーダー`."""
    return t("、", " and ").join(t("{skill} {k} 名", "{k} with {skill}", skill=skill, k=k) for skill, k in skills)


def _names(people: list[Staff]) -> str:
    if len(people) > MAX_LISTED:
        return t("{n} 名", "{n} people", n=len(people))
    return t("、", ", ").join(s.name or s.id for s in people)


def _sessions(sessions: list[Requirement]) -> str:
    if len(sessions) <= MAX_LISTED:
        labels = [req.label() for req in sessions]
        return t("、", ", ").join(labels[:-1]) + t("、", " and ") + labels[-1] if len(labels) > 1 else labels[0]
    first, last = sessions[0].date, sessions[-1].date
    activities = list(dict.fromkeys(req.activity for req in sessions))
    names = t("・", ", ").join(activities[:3]) + (t(" ほか", " and more") if len(activities) > 3 else "")
    return t("{a}〜{b} の {n} 枠（{names}）", "the {n} sessions from {a} to {b} ({names})",
             a=f"{first.month}/{first.day}", b=f"{last.month}/{last.day}", n=len(sessions), names=names)


def _demand(cover: int, skills: tuple[tuple[str, int], ...]) -> str:
    if skills and cover:
        return t("{n} 名（うち {skills}）", "{n} staff ({skills})", n=cover, skills=skills_text(skills))
    if len(skills) == 1:
        return t("{skill} のスキルを持つ職員 {k} 名", "{k} staff with skill {skill}", skill=skills[0][0], k=skills[0][1])
    if skills:
        return t("{skills} のスキルを持つ職員", "staff with {skills}", skills=skills_text(skills))
    return t("{n} 名", "{n} staff", n=cover)


def _title(rule) -> str:
    return t("「{title}」", "\"{title}\"", title=t(rule.info.title_ja, rule.info.title_en))


def _stops(problem: Problem, rule, sessions: list[Requirement]) -> str | None:
    """What a rule of the conflict does to these people and sessions, as a clause of its own when it
    can be said concretely; None when only its name can be given (see _limit)."""
    if rule.info.id == "no_overlap":
        pairs = [(a, b) for i, a in enumerate(sessions) for b in sessions[i + 1:] if clash(problem, a, b)]
        if pairs:
            a, b = pairs[0]
            # in minutes from one day: a night (16:30-翌9:00) overlaps the next day's 8:30 shift
            a_start, b_start = a.start + a.date.toordinal() * DAY_MINUTES, b.start + b.date.toordinal() * DAY_MINUTES
            if a_start < b_start + b.end - b.start and b_start < a_start + a.end - a.start:
                return t("{a} と {b} は時間が重なり、1 人では両方に入れません", "one person cannot work both {a} and "
                         "{b}, whose hours overlap", a=a.label(), b=b.label())
            return t("{a} と {b} は会場間の移動 {m} 分を取ると重なり、1 人では両方に入れません",
                     "one person cannot work both {a} and {b}, less than the {m}-minute travel time between "
                     "their sites apart", a=a.label(), b=b.label(), m=problem.travel_minutes(a.site, b.site))
    return None


def _limit(problem: Problem, screen: Screen, rule, sessions: list[Requirement], people: list[Staff]) -> str:
    """A rule by name, with the people's limits where it is a per-period cap: `"Max per week" (2)`."""
    if isinstance(rule, MaxPerActivity):
        known = frozenset(req.activity for req in problem.requirements)
        mine = {req.activity for req in sessions}
        caps = sorted({f"{limit.name} {limit.most}" for s in people for limit in rule.limits(problem, s, known)
                       if limit.activities & mine})
        if caps:
            return t("{title}（{caps} 回）", "{title} ({caps})", title=_title(rule), caps=t("・", "/").join(caps[:3]))
    if isinstance(rule, PeriodLimit):
        caps = sorted({int(cap) for s in people if (cap := screen.limit(rule.info, rule.name, s)) is not None})
        if caps:
            return t("{title}（{caps} 回）", "{title} ({caps})", title=_title(rule),
                     caps=t("・", "/").join(str(c) for c in caps))
    if rule.info.id == RUNS.info.id:
        # the limit, and the run the earlier plan left going into the first day: said as only the rule's
        # name, a run from 4/29 left the coordinator looking at May alone
        caps = sorted({int(cap) for s in people if (cap := screen.limit(rule.info, "max_consecutive_days", s))})
        eve = md(problem.start - timedelta(days=1))
        carried = [t("{name} は {days} に前の計画で勤務", "{name} worked {days} in the earlier plan", name=s.name,
                     days=eve if n == 1 else t("{a}〜{b}", "{a}-{b}", a=md(problem.start - timedelta(days=n)), b=eve))
                   for s in people if (n := days_before(problem, s.id))]
        if caps:
            return t("{title}（{caps} 日{more}）", "{title} ({caps} days{more})", title=_title(rule),
                     caps=t("・", "/").join(str(c) for c in caps),
                     more="".join(t("。{c}", "; {c}", c=c) for c in carried[:3]))
    return _title(rule)


def conflict_sentence(problem: Problem, screen: Screen, core: list[Group]) -> str:
    """The conflict `core` (groups of solver.explain.assumption_model) in one sentence."""
    tail = t("必要人数を努力ルールにして解く（人数不足を許して作成）と、最善の部分的な配置表を確認できます。",
             "Solve with cover made soft to see the best partial roster.")
    cover: dict[str, int] = {}
    skills: dict[str, tuple[tuple[str, int], ...]] = {}
    for g in core:
        if g.requirement_id is not None:
            req = problem.requirement(g.requirement_id)
            if g.rule_id == "cover_min":
                cover[req.id] = req.min_staff
            else:
                skills[req.id] = req.required_skills
    sessions = sorted((problem.requirement(i) for i in {*cover, *skills}), key=lambda r: (r.date, r.start, r.site))
    if not sessions:
        return t("次の条件を同時に満たす配置はありません: {items}。", "No roster satisfies all of these together: "
                 "{items}. ", items=t("、", "; ").join(g.sentence for g in core)) + tail
    rule_ids = {g.rule_id for g in core if g.requirement_id is None}
    filters = [r for r in screen.filters if r.info.id in rule_ids]
    needed = {skill for req in sessions for skill, _ in skills.get(req.id, ())}
    # the one skill every session of the conflict needs (a ward's リーダー, beside a day shift's 看護師:5)
    common = set.intersection(*({sk for sk, _ in skills[req.id]} for req in sessions)) \
        if not cover and all(req.id in skills for req in sessions) else set()
    skill = next(iter(needed)) if len(needed) == 1 and not cover else next(iter(common)) if len(common) == 1 else None

    def may_under(rule, staff: Staff, req: Requirement) -> bool:
        return (staff.id, req.id) in screen.locked or rule.allows(screen, staff, req)

    def may(staff: Staff, req: Requirement) -> bool:
        return all(may_under(r, staff, req) for r in filters)

    if skill is None and len(common) > 1:
        # several skills every session needs (救急救命士 and 隊長 on each station's 当務): the scarcest for the places
        # it must fill is the one to name, not everyone ("only 44 may take them" for 5 places, 4 救急救命士 left)
        def room(sk: str) -> float:
            free = sum(1 for s in problem.active_staff() if sk in s.skills and any(may(s, req) for req in sessions))
            return free / max(1, sum(k for req in sessions for name, k in skills[req.id] if name == sk))

        skill = min(sorted(common), key=room)
    if skill is not None:
        skills = {req_id: tuple((sk, k) for sk, k in needs if sk == skill) for req_id, needs in skills.items()}

    candidates = [s for s in problem.active_staff() if skill is None or skill in s.skills]
    people = [s for s in candidates if any(may(s, req) for req in sessions)]
    # a filtering rule of the conflict is named for who may take the sessions only where it keeps someone out
    filters = [r for r in filters if any(not may_under(r, s, req) for s in candidates for req in sessions)]
    demands = {_demand(cover.get(req.id, 0), skills.get(req.id, ())) for req in sessions}
    one = len(sessions) == 1
    values = dict(sessions=_sessions(sessions), demand=demands.pop() if len(demands) == 1 else "",
                  names=_names(people), skill=skill, them="it" if one else "them",
                  filters=t("、", ", ").join(_title(r) for r in filters))
    if not values["demand"]:
        text = t("{sessions} にはそれぞれ決まった人数が必要ですが、", "{sessions} need their staff; ", **values)
    elif one:
        text = t("{sessions} には {demand} が必要ですが、", "{sessions} needs {demand}; ", **values)
    else:
        text = t("{sessions} にはそれぞれ {demand} が必要ですが、", "{sessions} each need {demand}; ", **values)
    text += t("{skill} のスキルを持つ職員で", "of the people with {skill}, ", **values) if skill else ""
    text += _who(people, filters, values)
    limiting = [r for r in screen.rules if r.info.id in rule_ids and r.info.id != "availability"]
    clauses = [c for r in limiting if (c := _stops(problem, r, sessions)) is not None]
    named = [_limit(problem, screen, r, sessions, people) for r in limiting if _stops(problem, r, sessions) is None]
    if named:
        clauses.append(t("{rules} のため全部には入れません" if not one else "{rules} のため入れません",
                         "{rules} {verb} them from covering all of {them}", rules=t("、", " and ").join(named),
                         verb="keeps" if len(named) == 1 else "keep", them=values["them"]))
    # a session's mosts (`総務課:0〜2`): an election office's station, a 課長 and at most 2 of one 課, had been told
    # only as "5 people may take it"
    capped = {g.requirement_id for g in core if g.rule_id == "required_skills"}
    for req in sessions:
        for held, most in req.skill_caps if req.id in capped else ():
            n = sum(1 for s in people if held in s.skills)
            if n > most:
                clauses.append(t("{skill} の人は {most} 名までです（入れる人のうち {n} 名）",
                                 "at most {most} may hold {skill} ({n} of the people who may take {them} do)",
                                 skill=held, most=most, n=n, them=values["them"]))
    if clauses and people:
        text += t("。", ", and ") + t("。また、", "; ").join(clauses)
    return text[:1].upper() + text[1:] + t("。", ". ") + tail


def _who(people: list[Staff], filters: list, values: dict) -> str:
    """Who may take the sessions, and under which of the conflict's rules."""
    if not people:
        if filters:
            return t("入れる人がいません（{filters}）", "nobody may take {them} ({filters})", **values)
        return t("入れる人がいません", "nobody may take {them}", **values)
    if [r.info.id for r in filters] == ["availability"]:
        return t("勤務できるのは {names} だけです", "only {names} {verb} available for {them}",
                 verb="is" if len(people) == 1 else "are", **values)
    if filters:
        return t("入れるのは {names} だけです（{filters}）", "only {names} may take {them} ({filters})", **values)
    return t("入れるのは {names} です", "{names} may take {them}", **values)
