"""Why no roster satisfies the hard rules, in the coordinator's words.

`precheck` (solver.precheck) finds cheap, certain causes first. `diagnose` then asks CP-SAT for a
small set of conflicting groups: each hard rule, and each session's minimum cover and required
skills, gets an assumption literal. CP-SAT names a set under assumptions when the clash is local;
a clash that only the LP relaxation sees (a month's nights against everyone's caps) it cannot
prove with the rules made conditional, so the set is then shrunk from every group. Shrinking
(QuickXplain) solves copies with the literals fixed, where presolve and the LP work as in the real
solve; the result is re-verified the same way (the assumptions API names wrong sets now and then)
and told as a sentence naming the sessions, the people who may take them and what stops them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from ortools.sat.python import cp_model

from models.domain import Problem, Staff
from models.i18n import t
from solver.context import Context
from solver.core import fix_variables
from solver.eligibility import Screen, filters_pairs
from solver.precheck import precheck
from solver.rules.base import Rule
from solver.rules.bounds import count
from solver.rules.required_skills import RequiredSkills
from solver import narrate

if TYPE_CHECKING:
    from solver.core import SolveOptions

__all__ = ["Group", "assumption_model", "conflict", "diagnose", "explain", "holds", "precheck"]

# The diagnosis gets as long as the solve was given (--time-limit), within these bounds: a solve
# proved impossible at once leaves its time unused, and a minute is as long as a coordinator waits.
DIAGNOSE_SECONDS = 15.0  # when no time limit is given
MIN_DIAGNOSE_SECONDS, MAX_DIAGNOSE_SECONDS = 10.0, 60.0
# CP-SAT naming a set under assumptions: a local clash is named in well under a second, one that
# takes the LP to see is not named in a minute either (05_ward: 60 s, 2 workers), so a fifth of
# the diagnosis and 5 s at most go to it before shrinking from every group.
ASSUMPTIONS_SHARE, ASSUMPTIONS_SECONDS = 0.2, 5.0
SHRINK_STEP_SECONDS = 2.0  # each solve while shrinking, at least (a tenth of the diagnosis at most)
# People tested alone (`alone`): each for PERSON_SECONDS at most, MIN_ALONE_SECONDS for them all at least;
# the first PEOPLE_NAMED who cannot keep their own rules are named
PERSON_SECONDS, MIN_ALONE_SECONDS, PEOPLE_NAMED = 1.0, 5.0, 5
MAX_OPEN_PAIRS = 200_000  # above this, pairs the filters keep out stay out of the diagnosis model


@dataclass(frozen=True)
class Group:
    """One assumption literal: a hard rule, or one session's minimum cover or required skills."""

    literal: int  # the literal's variable index in the diagnosis model
    sentence: str
    rule_id: str
    requirement_id: str | None = None  # a session's cover or skills; None: the whole rule


def assumption_model(problem: Problem, rules: Iterable[Rule], soft_cover: bool = False,
                     max_pairs: int = MAX_OPEN_PAIRS) -> tuple[cp_model.CpModel, list[Group]]:
    """The hard rules as a CP-SAT model where each group holds only while its literal is true.

    Pairs that a filtering rule (availability, limits) keeps out are variables here too, forced to 0
    under that rule's literal, so that such rules can appear in a conflict; on very large plans
    (more than `max_pairs` pairs) the filters stay as they are and cannot be named.
    """
    rules = list(rules)
    screen = Screen(problem, rules, soft_cover)
    open_pairs = len(problem.active_staff()) * len(problem.requirements) <= max_pairs
    filters = [] if open_pairs else [r for r in rules if filters_pairs(r)]
    ctx = Context(problem, filters, soft_cover=soft_cover)
    model = ctx.model
    groups: list[Group] = []
    ordered = sorted(problem.requirements, key=lambda r: (r.date, r.start, r.site, r.id))
    for rule in rules:
        setting_ = ctx.setting(rule.info)
        if not (setting_.enabled and setting_.hard):
            continue  # soft rules cannot make a roster impossible
        rule_id = rule.info.id
        if rule_id in ("cover_min", "required_skills"):  # one group per session
            for req in ordered:
                people = ctx.staff_for(req.id)
                if rule_id == "cover_min":
                    wanted = [([v for _, v in people], req.min_staff)] if req.min_staff > 0 else []
                    capped = []
                    sentence = t("{session} の必要人数 {need} 名", "{need} staff for {session}",
                                 session=req.label(), need=req.min_staff)
                else:
                    # counted as the rule counts them (each person for one skill when 設定 asks for a different
                    # person for each), with the session's mosts: an election office's station, a 課長 and at most
                    # 2 of one 課, had been "impossible, cause not found", the mosts being in no group
                    counted = RequiredSkills.counted(ctx, req) if setting_.params.get("distinct") and \
                        len(req.required_skills) > 1 else None
                    wanted = [(counted[skill] if counted is not None else
                               [v for s, v in people if skill in s.skills], k) for skill, k in req.required_skills]
                    capped = [([v for s, v in people if skill in s.skills], most) for skill, most in req.skill_caps]
                    said = [narrate.skills_text(req.required_skills)] if req.required_skills else []
                    said += [t("{skill} {k} 名まで", "at most {k} with {skill}", skill=skill, k=most)
                             for skill, most in req.skill_caps]
                    sentence = t("{session} の {skills}", "{skills} for {session}", session=req.label(),
                                 skills=t("、", " and ").join(said))
                if not wanted and not capped:
                    continue
                lit = model.new_bool_var(f"assume[{rule_id} {req.id}]")
                for variables, k in wanted:
                    model.add(count(variables) >= k).only_enforce_if(lit)
                for variables, most in capped:
                    model.add(count(variables) <= most).only_enforce_if(lit)
                groups.append(Group(lit.index, sentence, rule_id, req.id))
            continue
        if rule_id == "skill_holders" and open_pairs:
            # left out: what makes a roster impossible, 必要スキル says of the sessions it makes up, by their
            # skill (`フッ化物 1 名`, `リーダー 1 名`); named or always on, it told a ward's night of one leader as
            # "only 8 people may take them" and a session needing フッ化物 as three people free for it
            continue
        lit = model.new_bool_var(f"assume[{rule_id}]")
        first = len(model.proto.constraints)
        if open_pairs and filters_pairs(rule):
            for (staff_id, req_id), var in ctx.pairs().items():
                pinned = (staff_id, req_id) in screen.locked
                if not pinned and not rule.allows(screen, problem.staff_by_id(staff_id),  # type: ignore[arg-type]
                                                  problem.requirement(req_id)):
                    model.add(var == 0)
        rule.build(ctx)
        for c in list(model.proto.constraints)[first:]:
            if c.has_linear() or c.has_bool_or() or c.has_bool_and():
                c.enforcement_literal.append(lit.index)
        groups.append(Group(lit.index, t("「{title}」", "\"{title}\"", title=t(rule.info.title_ja, rule.info.title_en)),
                            rule_id))
    return model, groups


def holds(model: cp_model.CpModel, groups: list[Group], enabled: set[int], seconds: float,
          workers: int = 1) -> bool | None:
    """Solve a copy with exactly the `enabled` groups switched on (no assumptions):
    True when a roster exists, False when none does, None when time ran out."""
    copy = model.clone()
    fix_variables(copy, ((g.literal, int(g.literal in enabled)) for g in groups))
    cp = cp_model.CpSolver()
    cp.parameters.max_time_in_seconds = max(0.05, seconds)
    cp.parameters.num_workers = max(1, workers)
    code = cp.solve(copy)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return True
    return False if code == cp_model.INFEASIBLE else None


def quickxplain(candidates: Sequence[Group], impossible: Callable[[list[Group]], bool]) -> list[Group]:
    """A minimal subset of `candidates` (all of which together are impossible) that is still
    impossible, by Junker's QuickXplain: about k·log(n/k) tests for k of n groups, where leaving
    them out one at a time takes n. A test that cannot tell (time ran out) keeps the groups it
    asked about, so the result is impossible, if perhaps not minimal. Later candidates are kept
    out where a choice is left."""

    def needed(background: list[Group], added: bool, rest: list[Group]) -> list[Group]:
        if added and impossible(background):
            return []
        if len(rest) == 1:
            return rest
        half = len(rest) // 2
        first, second = rest[:half], rest[half:]
        found_second = needed(background + first, bool(first), second)
        found_first = needed(background + found_second, bool(found_second), first)
        return found_first + found_second

    return needed([], False, list(candidates)) if candidates else []


def named_by_assumptions(model: cp_model.CpModel, groups: list[Group], seconds: float,
                         workers: int = 1) -> list[Group] | None:
    """The groups CP-SAT names as conflicting when solving under the assumption that all hold; []
    when they all hold together, None when it could not tell in `seconds`."""
    model.add_assumptions([model.get_bool_var_from_proto_index(g.literal) for g in groups])
    cp = cp_model.CpSolver()
    cp.parameters.max_time_in_seconds = max(0.1, seconds)
    cp.parameters.num_workers = max(1, workers)
    code = cp.solve(model)
    model.clear_assumptions()
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return []
    if code != cp_model.INFEASIBLE:
        return None
    named = set(cp.sufficient_assumptions_for_infeasibility())
    return [g for g in groups if g.literal in named] or list(groups)  # an empty core is a known bug


def conflict(problem: Problem, rules: Iterable[Rule], soft_cover: bool = False,
             time_limit: float = DIAGNOSE_SECONDS, workers: int = 1) -> list[Group] | None:
    """A small set of groups that cannot hold together, re-verified by solving with only them;
    None when no such set was found and verified within `time_limit` seconds."""
    deadline = time.monotonic() + time_limit

    def left() -> float:
        return deadline - time.monotonic()

    model, groups = assumption_model(problem, rules, soft_cover)
    if not groups:
        return None
    step = max(SHRINK_STEP_SECONDS, time_limit / 10)
    named = named_by_assumptions(model, groups, min(ASSUMPTIONS_SECONDS, ASSUMPTIONS_SHARE * time_limit), workers)
    if named == []:
        return None  # every group holds together: the conflict is elsewhere (a soft rule cannot make one)
    core = list(groups) if named is None else named
    tested: dict[frozenset[int], bool | None] = {}

    def impossible(chosen: list[Group]) -> bool:
        key = frozenset(g.literal for g in chosen)
        if key not in tested:
            if left() <= 0:
                return False  # cannot tell: keep what was asked about
            tested[key] = holds(model, groups, set(key), min(step, left()), workers)
        return tested[key] is False

    # whole rules first, then the sessions by date: where there is a choice, fewer sessions are named
    order = {g.literal: i for i, g in enumerate(groups)}
    core.sort(key=lambda g: (g.requirement_id is not None, order[g.literal]))
    core = quickxplain(core, impossible)
    key = frozenset(g.literal for g in core)
    if tested.get(key) is not False and holds(model, groups, set(key), max(0.5, left()), workers) is not False:
        return None  # the named set does not hold up on its own: do not report it
    return core


def alone(problem: Problem, rules: Sequence[Rule], seconds: float, workers: int = 1) -> list[tuple[Staff, list[Group]]]:
    """The people whose own hard rules cannot hold even with nobody else in the plan and cover made
    soft (each alone, up to PEOPLE_NAMED), with the rules that clash for the first of them: a nursery's
    正規 whose 144 hours a month her ×, 有休 and 土曜 cap left out of reach, where the conflict named only
    rules (勤務時間の下限, 内容ごとの勤務回数の上限) and no one to look at."""
    deadline = time.monotonic() + seconds
    found: list[tuple[Staff, list[Group]]] = []
    for person in problem.active_staff():
        left = deadline - time.monotonic()
        if left <= 0 or len(found) >= PEOPLE_NAMED:
            break
        single = problem.with_(staff=[person], locked=[a for a in problem.locked if a.staff_id == person.id])
        model, groups = assumption_model(single, rules, soft_cover=True)
        if not groups or holds(model, groups, {g.literal for g in groups}, min(PERSON_SECONDS, left), workers) is not False:
            continue
        core = [] if found else conflict(single, rules, True, min(4 * PERSON_SECONDS, max(0.5, left)), workers) or []
        found.append((person, core))
    return found


def _alone_sentence(found: list[tuple[Staff, list[Group]]]) -> str:
    person, core = found[0]
    items = t("、", "; ").join(g.sentence for g in core if g.requirement_id is None)
    text = t("{name} は、ほかの人の配置に関係なく、自分の必須ルールを満たせません", "{name} cannot keep their own hard rules, "
             "whatever anyone else works", name=person.name)
    if items:
        text += t("（同時に満たせない条件: {items}）", " (these cannot hold together: {items})", items=items)
    text += t("。上限・下限と、× や 有休 の日を見直してください。", ". Review their limits, and their × and leave days.")
    if len(found) > 1:
        text += t("同じく満たせない人: {names}。", "Nor can: {names}.",
                  names=t("、", ", ").join(p.name for p, _ in found[1:]))
    return text


def diagnose(problem: Problem, rules: Iterable[Rule], soft_cover: bool = False,
             time_limit: float = DIAGNOSE_SECONDS, workers: int = 1) -> list[str]:
    """A sentence naming the sessions, people and hard rules that cannot hold together."""
    started = time.monotonic()
    rules = list(rules)
    core = conflict(problem, rules, soft_cover, time_limit, workers)
    if core is None or not any(g.requirement_id for g in core):
        # no session in it: the clash may be one person's own (their minimum out of their reach)
        left = max(MIN_ALONE_SECONDS, time_limit - (time.monotonic() - started))
        found = alone(problem, rules, left, workers)
        if found:
            return [_alone_sentence(found)]
    if core is None:
        # said with the seconds only when they ran out (a station of 5 people was "not narrowed within 30 seconds"
        # after 5)
        within = t("{s} 秒以内に", " within {s} seconds", s=round(time_limit)) \
            if time.monotonic() - started >= 0.9 * time_limit else ""
        return [t("必須ルールをすべて満たす配置はありませんが、{w}原因を絞り込めませんでした。"
                  "必要人数を努力ルールにして解く（人数不足を許して作成）と、足りない枠がわかります。",
                  "The hard rules cannot all hold; the cause could not be narrowed down{w}. "
                  "Solve with cover made soft to see which sessions stay short.", w=within)]
    return [narrate.conflict_sentence(problem, Screen(problem, rules, soft_cover), core)]


def budget(options: SolveOptions) -> float:
    """The seconds the diagnosis may take: the solve's time limit, within the bounds above."""
    return min(MAX_DIAGNOSE_SECONDS, max(MIN_DIAGNOSE_SECONDS, float(options.time_limit)))


def explain(problem: Problem, rules: Iterable[Rule], options: SolveOptions) -> list[str]:
    """Pre-check sentences when they find the cause, else the conflict CP-SAT names, narrowed."""
    started = time.monotonic()
    rules = list(rules)
    found = precheck(problem, rules, options.soft_cover)
    if found:
        return found
    seconds = max(MIN_DIAGNOSE_SECONDS, budget(options) - (time.monotonic() - started))
    return diagnose(problem, rules, options.soft_cover, seconds, options.threads())
