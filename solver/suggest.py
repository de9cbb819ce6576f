"""Suggestions: who could take one more place in a session, ranked by what it would cost.

Each candidate is scored by evaluating the roster with that person added (the evaluator, no
CP-SAT): the change in objective is the cost, and the violations that appear are the rules the
placement would strain. A person without a skill the session still needs strains the required
skills too when the places left could not hold the people with it (the evaluator counted the
session short before and after). What the session still lacks after them, no more than it lacked
before, is not theirs (`_still_short`). People who would break a hard rule are left out unless
asked for, and then come after everyone who would not. Who could take someone's place: the same,
with that person taken out of the roster and the cost and strains measured against the roster with
them (so that a person lacking the skill they held strains the required skills); those holding
every required skill that person held come first (`held_skills`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from models.domain import Assignment, Problem, Requirement, Roster, Staff, Violation
from models.i18n import t
from models.stats import said_once, skills_short
from solver.evaluate import evaluate
from solver.rules.base import setting as base_setting
from solver.rules.cover_min import RULE as COVER_MIN
from solver.rules.cover_target import RULE as TARGET
from solver.rules.required_skills import RULE as SKILLS


@dataclass(frozen=True)
class Suggestion:
    """One person who could join the session, with the cost and the rules it would strain."""

    staff_id: str
    name: str
    cost: int  # change in the objective (negative when the placement helps, e.g. fills a gap)
    strained: tuple[Violation, ...] = field(default_factory=tuple)  # violations that would appear

    @property
    def breaks_hard_rule(self) -> bool:
        return any(v.hard for v in self.strained)


def _appearing(before: list[Violation], after: list[Violation]) -> tuple[Violation, ...]:
    """The violations in `after` that were not already in `before` (as a multiset)."""
    left = Counter(before)
    out = []
    for v in after:
        if left[v] > 0:
            left[v] -= 1
        else:
            out.append(v)
    return tuple(out)


def _skills_left_short(problem: Problem, roster: Roster, req: Requirement, staff: Staff) -> Violation | None:
    """The required_skills violation a placement makes certain although the evaluator already counts
    the session short: the person lacks a skill the session still needs, and the places left after
    them cannot hold the people with it (a nurse in the empty place of a doctor's session). None when
    the rule is off, or the placement leaves the skills as reachable as they were."""
    setting = base_setting(problem, SKILLS.info)
    if not setting.enabled or req.max_staff is None:
        return None
    known = {person.id: person for person in problem.staff}
    people = [known[i] for i in roster.staff_for(req.id) if i in known] + [staff]
    free = req.max_staff - len(people)
    short = {skill: k - sum(1 for p in people if skill in p.skills) for skill, k in req.required_skills}
    missing = [skill for skill, n in short.items() if n > 0 and skill not in staff.skills]
    if not missing or sum(max(0, n) for n in short.values()) <= free:
        return None
    message = t("{name} は {skills} のスキルを持っていません（{session} はあと {free} 名しか入れず、{skills} の人が足りなくなります）。",
                "{name} lacks {skills} ({session} would have room for {free} more, too few for the {skills} it needs).",
                name=staff.name, skills=t("、", ", ").join(missing), session=req.label(), free=max(0, free))
    return Violation(SKILLS.info.id, setting.hard, message, 0 if setting.hard else setting.weight,
                     staff.id, req.id, req.date)


def _still_short(session: Problem, before: Roster, after: Roster) -> set[Violation]:
    """What the session (the problem's only one, its skills' mosts left out) still lacks after a
    placement when it lacks no more than `before`: the violations of its minimum, of its target while
    below it, and of its required skills' counts, which name nobody (not their mosts, which the person
    may pass, nor what the skills rule says of the person themselves). A reception desk needing 2
    with nobody placed is 1 short whoever joins, and everyone was left out for breaking the minimum
    (必要人数 2 名に対して 1 名です): no candidate was offered. Empty when a required skill is shorter
    than before: the person lacks one that the person they replace held, which is theirs to answer
    for."""
    [req] = session.requirements
    lacked, lacking = (dict(skills_short(session, roster).get(req.id, ())) for roster in (before, after))
    if any(n > lacked.get(skill, 0) for skill, n in lacking.items()):
        return set()
    rules = (COVER_MIN, SKILLS, TARGET) if len(after.staff_for(req.id)) < req.target else (COVER_MIN, SKILLS)
    return {v for rule in rules for v in rule.check(session, after) if v.staff_id is None}


def held_skills(problem: Problem, roster: Roster, req: Requirement, replacing: str | None,
                wanted: bool = True) -> set[str]:
    """The skills the session requires that the person replaced holds (none when replacing nobody) and
    that are still wanted without them: the others placed hold fewer than its count, or fewer than the
    most of its range (`保健師:3〜5`). Those holding them all come first: a 4-month check-up needing 保健師
    3〜5 kept its 3 without the 保健師 being replaced, so no cost told a 保健師 from the doctor, the nurse
    and the clerk listed above her, in the staff list's order. A skill the others still make up puts
    nobody first (an exam room's 教授 replaced beside its 准教授, `教授・准教授:1`, had nine 教授 at +20
    listed above a free 助教 at +0): it only tells apart candidates of the same cost (`wanted` False: every
    required skill they held)."""
    if replacing is None:
        return set()
    skills = {s.id: s.skills for s in problem.staff}
    mine = skills.get(replacing, frozenset())
    others = [skills.get(i, frozenset()) for i in roster.staff_for(req.id) if i != replacing]
    most = dict(req.skill_caps)
    return {skill for skill, k in req.required_skills if skill in mine and (
        not wanted or sum(skill in o for o in others) < max(k, most.get(skill, k)))}


def suggest(problem: Problem, roster: Roster, requirement_id: str, limit: int = 10,
            include_hard: bool = False, replacing: str | None = None) -> list[Suggestion]:
    """Up to `limit` active staff not yet in the session, cheapest first (hard breakers last);
    with `replacing`, who could take that person's place in it instead, those holding the required
    skills that person held before the others.

    KeyError when the problem has no such session.
    """
    req = problem.requirement(requirement_id)  # unknown session: KeyError before any work
    # Who could take someone's place is measured against the roster with them in it: a hygienist in a
    # pediatrician's place makes the session short of its 小児科医, which it was not before.
    base, before = evaluate(problem, roster), roster
    if replacing is not None:
        roster = Roster([a for a in roster.assignments if (a.staff_id, a.requirement_id) != (replacing, requirement_id)])
    placed = set(roster.staff_for(requirement_id)) | ({replacing} if replacing else set())
    held, alike = held_skills(problem, before, req, replacing), held_skills(problem, before, req, replacing, False)
    session = problem.with_(requirements=[replace(req, skill_caps=())])  # for _still_short
    found: list[Suggestion] = []
    for staff in problem.active_staff():
        if staff.id in placed:
            continue
        trial = Roster([*roster.assignments, Assignment(staff.id, requirement_id, source="manual")])
        after = evaluate(problem, trial)
        left = _still_short(session, before, trial)
        # what taking the replaced person out does to them (their 希望回数 one short) is the same whoever comes: not
        # the candidate's strain, though listed under each of the sample's candidates (the cost still counts it)
        strained = tuple(v for v in _appearing(base.violations, after.violations)
                         if v not in left and (replacing is None or v.staff_id != replacing))
        cost = after.objective - base.objective
        if (lacking := _skills_left_short(problem, roster, req, staff)) is not None:
            strained, cost = (*strained, lacking), cost + lacking.cost
        # a session over its most said once (cover_max took in cover_target's words of it), as in check
        option = Suggestion(staff.id, staff.name, cost, tuple(said_once(strained)))
        if include_hard or not option.breaks_hard_rule:
            found.append(option)
    known = {s.id: s for s in problem.staff}
    order = {s.id: i for i, s in enumerate(problem.staff)}
    # with --all, fewer hard rules broken first: one marked × that day ranked above those only over the most
    # then, replacing someone, those holding the skills they held that are still wanted: a 保健師 for a 保健師;
    # of the same cost, those holding the others they held
    found.sort(key=lambda s: (s.breaks_hard_rule, sum(v.hard for v in s.strained), not held <= known[s.staff_id].skills,
                              s.cost, not alike <= known[s.staff_id].skills, len(s.strained), order[s.staff_id]))
    return found[:limit]


def no_holder_note(problem: Problem, roster: Roster, req: Requirement, replacing: str | None,
                   found: list[Suggestion]) -> str | None:
    """A line to say before the candidates for someone's place when the session needs a skill that
    person held (the others placed hold too few of it) and no candidate holding it may join without
    breaking a hard rule (the only other 保健師 free that day is ill too): the list then starts with
    people who leave it short, or, with --all, with people who break a hard rule, and read alone it
    looked like the best that could be done. None when replacing nobody, no such skill is short, or nobody
    is listed (that is said on its own)."""
    skills = {s.id: s.skills for s in problem.staff}
    others = [skills.get(i, frozenset()) for i in roster.staff_for(req.id) if i != replacing]
    held = held_skills(problem, roster, req, replacing, wanted=False)
    short = {skill for skill, k in req.required_skills if skill in held and sum(skill in o for o in others) < k}
    if not short or not found or any(short <= skills.get(s.staff_id, frozenset()) and not s.breaks_hard_rule
                                     for s in found):
        return None
    return t("{skills} を持つ職員で、必須ルールを破らずに代わりに入れる人はいません。",
             "Nobody holding {skills} can take the place without breaking a hard rule.",
             skills=t("・", ", ").join(sorted(short)))
