"""Cheap, certain reasons why no roster keeps the hard rules, in the coordinator's words.

Three kinds, each a sentence only when the rules imply it:
- a session with fewer people who may take it than it needs, or a skill nobody has, saying why the
  others may not (× that day, a 午前/午後 mark for a session that runs across noon, another rule);
- a group of sessions needing more people-sessions than the people who may take them can give
  over the plan, a month, a week or a day (solver.capacity);
- a pin that breaks availability, the cover maximum, an overlap or a per-period limit.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Iterable

from models.domain import NOON, Mark, Problem, Requirement, Staff, day_word_said
from models.i18n import t
from models.stats import skills_apart
from solver.capacity import capacity_sentences, eligible_ids, is_hard
from solver.eligibility import Screen
from solver.rules.availability import fits, morning_fits
from solver.rules.base import Rule
from solver.rules.counting import md
from solver.rules.no_overlap import clash
from solver.rules.period_limit import PeriodLimit
from solver.rules.skill_holders import RULE as HOLDERS


def precheck(problem: Problem, rules: Iterable[Rule] | None = None, soft_cover: bool = False) -> list[str]:
    """Sentences naming sessions and people whose hard rules certainly cannot all hold."""
    screen = Screen(problem, rules, soft_cover)
    out = _sessions(problem, screen)
    if len(out) > SESSIONS_SAID:  # a university's 不可日 list read with blanks as ×: some 200 sentences
        out = out[:SESSIONS_SAID] + [t("ほかにも人の足りない枠が {n} 件あります（上と同じ理由のものが多ければ、"
                                       "その理由をまず見直してください）。",
                                       "{n} more sessions are short of people (when most share a reason above, "
                                       "look at that first).", n=len(out) - SESSIONS_SAID)]
    out += capacity_sentences(problem, screen)
    if is_hard(screen, "locks"):
        out += _locks(problem, screen)
    return out


def _sessions(problem: Problem, screen: Screen) -> list[str]:
    out: list[str] = []
    cover, skills = is_hard(screen, "cover_min"), is_hard(screen, "required_skills")
    if not (cover or skills):
        return out
    active = problem.active_staff()
    ordered = sorted(problem.requirements, key=lambda r: (r.date, r.start, r.site, r.id))
    may = {s.id: eligible_ids(screen, s) for s in active}
    unmarked: list[tuple[Requirement, dict[str, list[str]]]] = []  # sessions nobody's marks allow
    for req in ordered:
        able = [s for s in active if req.id in may[s.id]]
        if cover and req.min_staff > 0 and not able:
            reasons = _kept_out(problem, screen, req, active)
            if reasons and set(reasons) <= {"×", BLANK}:
                unmarked.append((req, reasons))
                continue  # its skills need nobody else: nobody at all may work it
        short = cover and len(able) < req.min_staff
        if short:
            out.append(_too_few(problem, screen, req, active, able, req.min_staff))
        said = len(out)
        for skill, k in req.required_skills if skills else ():
            holders = [s for s in active if skill in s.skills]
            if not holders:
                out.append(t("{session} は {skill} のスキルを持つ職員が {k} 名必要ですが、"
                             "そのスキルを持つ職員がいません。",
                             "{session} needs {k} staff with skill {skill}; nobody has that skill.",
                             session=req.label(), skill=skill, k=k))
            elif sum(1 for s in able if skill in s.skills) < k:
                out.append(_too_few(problem, screen, req, holders, [s for s in able if skill in s.skills], k, skill))
        if short and len(out) > said and set(_kept_out(problem, screen, req, [s for s in active if s not in able])) <= {
                t(HOLDERS.info.title_ja, HOLDERS.info.title_en)}:
            del out[said - 1]  # short only of its skills' holders (a session they make up): said by its skills
    if skills and is_hard(screen, "cover_max") and not skills_apart(problem.rules):
        out += _skills_beyond_the_most(problem, ordered, active, may)
    if len(unmarked) <= SAID_ONE_BY_ONE:
        return [_too_few(problem, screen, req, active, [], req.min_staff) for req, _ in unmarked] + out
    return [_unmarked(unmarked)] + [line.removesuffix(_blank_tail()) for line in out]  # said once, in the first


def _skills_beyond_the_most(problem: Problem, ordered: list[Requirement], active: list[Staff],
                            may: dict[str, set[str]]) -> list[str]:
    """Sessions whose required skills add up to more than their most (早番 of at most 1 needing
    リーダー:1 and 看護師:1), where no few enough of the people who may take them hold them all: one
    sentence for each kind of session (site, activity, skills, most), its days counted — the month of
    one nursery's 早番 was told as one day's, and as "36 may take it"."""
    found: dict[tuple, list[Requirement]] = defaultdict(list)
    for req in ordered:
        most = req.max_staff
        if most is None or sum(k for _, k in req.required_skills) <= most:
            continue
        needs = dict(req.required_skills)
        held = [frozenset(needs) & s.skills for s in active if req.id in may[s.id]]
        if not _covered(needs, [h for h in held if h], most):
            found[(req.site, req.activity, req.required_skills, most)].append(req)
    out = []
    for (_, _, needs, most), reqs in found.items():
        sessions = reqs[0].label() if len(reqs) == 1 else t(
            "{first} など {n} 枠（{a}〜{b}）", "{first} and {more} more ({a} to {b})", first=reqs[0].label(),
            n=len(reqs), more=len(reqs) - 1, a=md(reqs[0].date), b=md(reqs[-1].date))
        out.append(t("{sessions} は最大 {m} 名で {skills} が必要ですが、入れる職員の中に {m} 名でそれを満たせる組み合わせが"
                     "ありません（スキルを兼ねる職員が足りません）。最大人数を増やすか、スキルを見直してください。",
                     "{sessions} may have at most {m} staff but needs {skills_en}; no {m} of the people who may take "
                     "it hold those skills between them (too few hold several of them). Raise the most or check the "
                     "skills.", sessions=sessions, m=most, skills=t("・", "").join(f"{sk} {k} 名" for sk, k in needs),
                     skills_en=", ".join(f"{k} with {sk}" for sk, k in needs)))
    return out


def _covered(needs: dict[str, int], held: list[frozenset[str]], most: int) -> bool:
    """Whether at most `most` of the people, each holding the skills of their set in `held`, can
    fill every count of `needs` (someone holding two counts for both). A small search over the
    kinds of people (their sets), each taken at most as often as there are such people."""
    kinds: dict[frozenset[str], int] = defaultdict(int)
    for h in held:
        kinds[h] += 1
    options = sorted(kinds, key=len, reverse=True)

    def search(left: dict[str, int], room: int, start: int) -> bool:
        if all(k <= 0 for k in left.values()):
            return True
        if room == 0:
            return False
        for i in range(start, len(options)):
            kind = options[i]
            if not any(left[sk] > 0 for sk in kind):
                continue
            taken = min(kinds[kind], room)
            for n in range(taken, 0, -1):
                after = {sk: k - (n if sk in kind else 0) for sk, k in left.items()}
                if search(after, room - n, i + 1):
                    return True
        return False

    return search(dict(needs), most, 0)


def _blank_tail() -> str:
    return t("（空欄は 設定 の「空欄の扱い」が 不可 なので勤務できない日です）",
             " (a blank counts as cannot work: 空欄の扱い (blank_means) on the 設定 sheet is ×)")


# Up to this many sessions that nobody's marks allow are said one by one; more are said in one sentence.
SAID_ONE_BY_ONE = 3
# The sentences about single sessions said at most; the rest counted in one more
SESSIONS_SAID = 10


def _unmarked(sessions: list[tuple[Requirement, dict[str, list[str]]]]) -> str:
    """One sentence for the many sessions nobody may work by their marks (× or blank under ×)."""
    blank = any(BLANK in reasons for _, reasons in sessions)
    marked = any("×" in reasons for _, reasons in sessions)
    days = sorted({req.date for req, _ in sessions})
    values = dict(n=len(sessions), days=len(days), first=md(days[0]), last=md(days[-1]),
                  example=sessions[0][0].label())
    if not blank:
        return t("{n} 枠（{first}〜{last} の {days} 日、例: {example}）は、その日に勤務できる人がいません（全員が ×）。",
                 "{n} sessions ({days} days from {first} to {last}, e.g. {example}) have nobody available "
                 "(everyone marked the day ×).", **values)
    who = t("全員が × か空欄", "everyone marked the day × or left it blank") if marked else t(
        "全員が空欄", "everyone left the day blank")
    return t("{n} 枠（{first}〜{last} の {days} 日、例: {example}）は、その日に勤務できる人がいません（{who}）。"
             "空欄は 設定 の「空欄の扱い」が 不可 なので勤務できない日として読んでいます。空欄を勤務できる日とするなら、"
             "空欄の扱い を 可 にしてください。",
             "{n} sessions ({days} days from {first} to {last}, e.g. {example}) have nobody available ({who}). "
             "A blank counts as cannot work because 空欄の扱い (blank_means) on the 設定 sheet is ×; for blanks to "
             "mean can work, set it to 可.", who=who, **values)


def _too_few(problem: Problem, screen: Screen, req: Requirement, people: list[Staff], able: list[Staff],
             need: int, skill: str | None = None) -> str:
    """`req` needs `need` of `people` (the holders of `skill`); only `able` may take it: why not the others."""
    n = len(able)
    values = dict(session=req.label(), need=need, n=n, skill=skill, verb="is" if n == 1 else "are")
    reasons = _kept_out(problem, screen, req, [s for s in people if s not in able])
    if not reasons:  # nobody else at all
        if skill is None:
            return t("{session} は {need} 名必要ですが、職員は {n} 名しかいません。",
                     "{session} needs {need} staff; there {verb} only {n} in all.", **values)
        return t("{session} は {skill} のスキルを持つ職員が {need} 名必要ですが、そのスキルを持つのは {n} 名だけです。",
                 "{session} needs {need} staff with skill {skill}; only {n} {has} that skill.",
                 **values, has="has" if n == 1 else "have")
    blanks = _blank_tail() if BLANK in reasons else ""
    if set(reasons) <= {"×", BLANK} and n == 0:  # everyone marked the day × (or left it blank, under ×)
        values["marks"] = t("全員が ×", "everyone marked it ×") if BLANK not in reasons else (
            t("全員が × か空欄", "everyone marked it × or left it blank") if "×" in reasons
            else t("全員が空欄", "everyone left it blank"))
        if skill is None:
            return t("{session} は {need} 名必要ですが、その日に勤務できる人がいません（{marks}）。",
                     "{session} needs {need} staff; nobody is available that day ({marks}).", **values) + blanks
        return t("{session} は {skill} のスキルを持つ職員が {need} 名必要ですが、そのスキルを持つ人はその日勤務できません"
                 "（{marks}）。", "{session} needs {need} staff with skill {skill}; nobody with it is available that "
                 "day ({marks}).", **values) + blanks
    if set(reasons) <= {"×", BLANK}:  # every other one marked the day × (or left it blank, under ×)
        if skill is None:
            return t("{session} は {need} 名必要ですが、その日に勤務できるのは {n} 名だけです。",
                     "{session} needs {need} staff; only {n} {verb} available that day.", **values) + blanks
        return t("{session} は {skill} のスキルを持つ職員が {need} 名必要ですが、その日に勤務できるのは {n} 名だけです。",
                 "{session} needs {need} staff with skill {skill}; only {n} of them {verb} available that day.",
                 **values) + blanks
    values["why"] = t("。", "; ").join(_why(req, reasons))
    if skill is None:
        head = t("{session} は {need} 名必要ですが、", "{session} needs {need} staff; ", **values)
    else:
        head = t("{session} は {skill} のスキルを持つ職員が {need} 名必要ですが、",
                 "{session} needs {need} staff with skill {skill}; ", **values)
    if n == 0:
        return head + t("勤務できる人がいません。{why}。", "nobody can work it: {why}.", **values) + blanks
    return head + t("勤務できるのは {n} 名だけです。{why}。", "only {n} can work it: {why}.", **values) + blanks


BLANK = "blank"  # the reason of a person whose blank cell 空欄の扱い makes ×
WEEKDAY = "weekday"  # the reason of a person whose 勤務曜日 leaves the day out
HOURS = "hours"  # the reason of a person free that day only at hours the session does not fit (`15時から`)
REFUSED = "refused"  # the reason of a person who refused the session's shift that day (`遅番不可`)


def _kept_out(problem: Problem, screen: Screen, req: Requirement, others: list[Staff]) -> dict[str, list[str]]:
    """Why each of `others` may not take the session, by reason: "×", BLANK (a blank cell under
    空欄の扱い ×), "午前", "午後" (a half-day mark the hours do not fit), HOURS (hours they gave the
    session does not fit), REFUSED (they refused its shift that day: `遅番不可`), "morning" (the next
    morning it runs into is not free), or the title of the rule that keeps them out; names in each."""
    found: dict[str, list[str]] = defaultdict(list)
    for staff in others:
        if not staff.active:
            continue
        mark = problem.mark(staff.id, req.date)
        rule = next((r for r in screen.filters if not r.allows(screen, staff, req)), None)  # type: ignore[arg-type]
        if rule is not None and rule.info.id == "availability":
            if not mark.allows(req.start, req.end, problem.first_halves, problem.evenings):
                key = mark.value if mark in (Mark.AM_ONLY, Mark.PM_ONLY) else "×"
                if key == "×" and (staff.id, req.date) not in problem.availability:
                    # a blank cell, which 勤務曜日 or else 空欄の扱い makes ×
                    key = WEEKDAY if problem.off_weekday(staff.id, req.date) else BLANK
            elif not problem.allows(staff.id, req.date, req.start, req.end):
                key = HOURS  # the hours they gave (`15時から`) leave the session out
            elif problem.refuses(staff.id, req):
                key = REFUSED
            else:
                key = "morning" if not morning_fits(problem.allows, staff.id, req, problem.end) else "×"
        elif rule is not None:
            key = t(rule.info.title_ja, rule.info.title_en)
        else:
            key = t("その他", "other rules")
        name = staff.name or staff.id
        if key == "×" and (word := problem.day_words(staff.id).get(req.date)):
            # `山口 麻衣（通院）`: a day of leave said by its word, as check says it (not a × they never wrote)
            name += t("（{w}）", " ({w})", w=day_word_said(word))
        found[key].append(name)
    return dict(found)


def _why(req: Requirement, reasons: dict[str, list[str]]) -> list[str]:
    """The reasons of _kept_out as clauses; the half-day marks of a session across noon as one."""
    def who(names: list[str]) -> str:
        return t("、", ", ").join(names) if len(names) <= 3 else t("{n} 名", "{n} people", n=len(names))

    out = []
    am, pm = reasons.get(Mark.AM_ONLY.value), reasons.get(Mark.PM_ONLY.value)
    if am or pm:
        # the Japanese clause ends `勤務でき` + `、この枠は正午をまたぎます` or `ます`
        noon = (t("、この枠は正午をまたぎます", ", and the session runs across noon")
                if req.start < NOON < req.end else t("ます", ""))
        if am and pm:
            out.append(t("{am} はその日午前のみ、{pm} は午後のみ勤務でき", "{am} can work only in the morning and {pm} "
                         "only in the afternoon that day", am=who(am), pm=who(pm)) + noon)
        else:
            out.append(t("{who} はその日{half}のみ勤務でき", "{who} can work only in the {half} that day", who=who(am or pm),
                         half=t("午前", "morning") if am else t("午後", "afternoon")) + noon)
    for key, names in reasons.items():
        if key == "×":
            out.insert(0, t("{who} はその日 ×", "{who} marked the day ×", who=who(names)))
        elif key == BLANK:
            out.insert(0, t("{who} はその日が空欄", "{who} left the day blank", who=who(names)))
        elif key == WEEKDAY:
            out.insert(0, t("{who} はその日が勤務曜日の外", "{who} do not work on that day of the week (勤務曜日)",
                            who=who(names)))
        elif key == HOURS:
            out.append(t("{who} はその日、書いた時間（15時から など）に枠が収まりません",
                         "{who} gave hours that day (15時から and the like) the session does not fit", who=who(names)))
        elif key == REFUSED:
            out.append(t("{who} はその日の {activity} が不可（{activity}不可 と記入）",
                         "{who} refused {activity} that day ({activity}不可)", who=who(names), activity=req.activity))
        elif key == "morning":
            out.append(t("{who} は枠が続く翌朝に勤務できません", "{who} cannot work the next morning the session runs into",
                         who=who(names)))
        elif key not in (Mark.AM_ONLY.value, Mark.PM_ONLY.value):
            out.append(t("{who} は「{rule}」により入れません", "{who} kept out by \"{rule}\"", who=who(names), rule=key))
    return out


def _locks(problem: Problem, screen: Screen) -> list[str]:
    out: list[str] = []
    staff = {s.id: s for s in problem.staff}
    valid = []
    for a in problem.locked:
        person = staff.get(a.staff_id)
        if person is None or not problem.has_requirement(a.requirement_id):
            out.append(t("固定した配置 {who} → {what} の職員または枠が見つかりません。",
                         "The locked assignment {who} → {what} names an unknown person or session.",
                         who=a.staff_id, what=a.requirement_id))
            continue
        req = problem.requirement(a.requirement_id)
        if not person.active:
            out.append(t("{name} は無効な職員ですが {session} に固定されています。",
                         "{name} is inactive but locked into {session}.", name=person.name, session=req.label()))
        elif is_hard(screen, "availability") and not fits(problem, person.id, req):
            out.append(t("{name} は {session} に固定されていますが、その日時には勤務できません。",
                         "{name} is locked into {session} but is not available then.",
                         name=person.name, session=req.label()))
        valid.append((person, req))
    by_req = defaultdict(list)
    by_person = defaultdict(list)
    for person, req in valid:
        by_req[req.id].append(person)
        by_person[person.id].append(req)
    if is_hard(screen, "cover_max"):
        for req_id, people in by_req.items():
            req = problem.requirement(req_id)
            if req.max_staff is not None and len(people) > req.max_staff:
                out.append(t("{session} には {n} 名が固定されていますが、最大人数は {cap} 名です。",
                             "{session} has {n} locked staff but allows at most {cap}.",
                             session=req.label(), n=len(people), cap=req.max_staff))
    for person_id, reqs in by_person.items():
        person = staff[person_id]
        if is_hard(screen, "no_overlap"):
            for a, b in combinations(reqs, 2):
                if clash(problem, a, b):
                    out.append(t("{name} は重なる {first} と {second} の両方に固定されています。",
                                 "{name} is locked into both {first} and {second}, which overlap.",
                                 name=person.name, first=a.label(), second=b.label()))
        for rule in screen.rules:
            if isinstance(rule, PeriodLimit) and is_hard(screen, rule.info.id):
                cap = screen.limit(rule.info, rule.name, person)
                groups = defaultdict(list)
                for req in reqs:
                    groups[rule.period(req.date)].append(req)
                for in_period in groups.values():
                    if cap is not None and len(in_period) > cap:
                        out.append(t("{name} は {period} に {n} 件固定されていますが、上限は {cap} 回です。",
                                     "{name} has {n} locked assignments in {period}, over the limit of {cap}.",
                                     name=person.name, period=rule.describe(in_period[0].date),
                                     n=len(in_period), cap=cap))
    return out
