"""Why no roster satisfies the hard rules, in the coordinator's words.

`precheck` finds cheap, certain causes (a session with too few people who could work it, a
skill nobody has, a pin that breaks availability or a limit). `diagnose` asks CP-SAT for a small
set of conflicting rules: each hard rule (and each session's minimum cover) gets an assumption
literal, the solver names a subset that cannot hold together, the subset is shrunk by leaving
groups out one at a time, and the result is re-verified by solving with only those groups on
(the assumptions API is known to name wrong sets now and then).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Iterable

from ortools.sat.python import cp_model

from models.domain import Problem
from models.i18n import t
from solver.context import Context
from solver.core import fix_variables
from solver.eligibility import Screen, filters_pairs
from solver.rules.availability import fits
from solver.rules.base import Rule
from solver.rules.bounds import count
from solver.rules.no_overlap import clash
from solver.rules.period_limit import PeriodLimit

if TYPE_CHECKING:
    from solver.core import SolveOptions

DIAGNOSE_SECONDS = 15.0  # upper bound on the time spent naming conflicting rules
SHRINK_STEP_SECONDS = 2.0  # each try at leaving one group out of the conflict
MAX_OPEN_PAIRS = 200_000  # above this, pairs the filters keep out stay out of the diagnosis model


def _hard(screen: Screen, rule_id: str) -> bool:
    info = next((r.info for r in screen.rules if r.info.id == rule_id), None)
    return info is not None and screen.setting(info).enabled and screen.setting(info).hard


def precheck(problem: Problem, rules: Iterable[Rule] | None = None) -> list[str]:
    """Sentences naming sessions and people whose hard rules certainly cannot all hold."""
    screen = Screen(problem, rules)
    out = _sessions(problem, screen)
    if _hard(screen, "locks"):
        out += _locks(problem, screen)
    return out


def _sessions(problem: Problem, screen: Screen) -> list[str]:
    out: list[str] = []
    cover, skills = _hard(screen, "cover_min"), _hard(screen, "required_skills")
    if not (cover or skills):
        return out
    active = problem.active_staff()
    for req in sorted(problem.requirements, key=lambda r: (r.date, r.start, r.site, r.id)):
        able = [s for s in active if screen.eligible(s, req)]
        if cover and len(able) < req.min_staff:
            out.append(t("{session} は {need} 名必要ですが、その日に勤務できるのは {n} 名だけです。",
                         "{session} needs {need} staff; only {n} {verb} available that day.",
                         session=req.label(), need=req.min_staff, n=len(able),
                         verb="is" if len(able) == 1 else "are"))
        for skill, k in req.required_skills if skills else ():
            if not any(skill in s.skills for s in active):
                out.append(t("{session} は {skill} のスキルを持つ職員が {k} 名必要ですが、"
                             "そのスキルを持つ職員がいません。",
                             "{session} needs {k} staff with skill {skill}; nobody has that skill.",
                             session=req.label(), skill=skill, k=k))
                continue
            n = sum(1 for s in able if skill in s.skills)
            if n < k:
                out.append(t("{session} は {skill} のスキルを持つ職員が {k} 名必要ですが、"
                             "その日に勤務できるのは {n} 名だけです。",
                             "{session} needs {k} staff with skill {skill}; only {n} of them "
                             "{verb} available that day.",
                             session=req.label(), skill=skill, k=k, n=n, verb="is" if n == 1 else "are"))
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
        elif _hard(screen, "availability") and not fits(problem, person.id, req):
            out.append(t("{name} は {session} に固定されていますが、その日時には勤務できません。",
                         "{name} is locked into {session} but is not available then.",
                         name=person.name, session=req.label()))
        valid.append((person, req))
    by_req = defaultdict(list)
    by_person = defaultdict(list)
    for person, req in valid:
        by_req[req.id].append(person)
        by_person[person.id].append(req)
    if _hard(screen, "cover_max"):
        for req_id, people in by_req.items():
            req = problem.requirement(req_id)
            if req.max_staff is not None and len(people) > req.max_staff:
                out.append(t("{session} には {n} 名が固定されていますが、最大人数は {cap} 名です。",
                             "{session} has {n} locked staff but allows at most {cap}.",
                             session=req.label(), n=len(people), cap=req.max_staff))
    for person_id, reqs in by_person.items():
        person = staff[person_id]
        if _hard(screen, "no_overlap"):
            for a, b in combinations(reqs, 2):
                if clash(problem, a, b):
                    out.append(t("{name} は重なる {first} と {second} の両方に固定されています。",
                                 "{name} is locked into both {first} and {second}, which overlap.",
                                 name=person.name, first=a.label(), second=b.label()))
        for rule in screen.rules:
            if isinstance(rule, PeriodLimit) and _hard(screen, rule.info.id):
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


@dataclass(frozen=True)
class Group:
    """One assumption literal: a hard rule, or one session's minimum cover, in domain words."""

    literal: int  # the literal's variable index in the diagnosis model
    sentence: str


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
    for rule in rules:
        setting_ = ctx.setting(rule.info)
        if not (setting_.enabled and setting_.hard):
            continue  # soft rules cannot make a roster impossible
        if rule.info.id == "cover_min":
            for req in sorted(problem.requirements, key=lambda r: (r.date, r.start, r.site, r.id)):
                if req.min_staff > 0:
                    lit = model.new_bool_var(f"assume[cover {req.id}]")
                    model.add(count([v for _, v in ctx.staff_for(req.id)]) >= req.min_staff).only_enforce_if(lit)
                    groups.append(Group(lit.index, t("{session} の必要人数 {need} 名", "{need} staff for {session}",
                                                     session=req.label(), need=req.min_staff)))
            continue
        lit = model.new_bool_var(f"assume[{rule.info.id}]")
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
        groups.append(Group(lit.index, t("「{title}」", "\"{title}\"", title=t(rule.info.title_ja, rule.info.title_en))))
    return model, groups


def holds(model: cp_model.CpModel, groups: list[Group], enabled: set[int], seconds: float) -> bool | None:
    """Solve a copy with exactly the `enabled` groups switched on (no assumptions):
    True when a roster exists, False when none does, None when time ran out."""
    copy = model.clone()
    fix_variables(copy, ((g.literal, int(g.literal in enabled)) for g in groups))
    cp = cp_model.CpSolver()
    cp.parameters.max_time_in_seconds = max(0.05, seconds)
    cp.parameters.num_workers = 1
    code = cp.solve(copy)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return True
    return False if code == cp_model.INFEASIBLE else None


def conflict(problem: Problem, rules: Iterable[Rule], soft_cover: bool = False,
             time_limit: float = DIAGNOSE_SECONDS) -> list[Group] | None:
    """A small set of groups that cannot hold together, re-verified by solving with only them;
    None when no such set was found and verified within `time_limit` seconds."""
    deadline = time.monotonic() + time_limit

    def left() -> float:
        return deadline - time.monotonic()

    model, groups = assumption_model(problem, rules, soft_cover)
    if not groups:
        return None
    model.add_assumptions([model.get_bool_var_from_proto_index(g.literal) for g in groups])
    cp = cp_model.CpSolver()
    cp.parameters.max_time_in_seconds = max(0.1, left() / 2)
    cp.parameters.num_workers = 1
    if cp.solve(model) != cp_model.INFEASIBLE:
        return None
    named = set(cp.sufficient_assumptions_for_infeasibility())
    core = [g for g in groups if g.literal in named] or list(groups)  # an empty core is a known bug
    model.clear_assumptions()
    # deletion: drop each group whose removal keeps the rest impossible
    for g in list(core):
        if left() <= 0 or len(core) == 1:
            break
        rest = {x.literal for x in core if x is not g}
        if holds(model, groups, rest, min(SHRINK_STEP_SECONDS, left())) is False:
            core = [x for x in core if x is not g]
    if holds(model, groups, {g.literal for g in core}, max(0.5, left())) is not False:
        return None  # the named set does not hold up on its own: do not report it
    return core


def diagnose(problem: Problem, rules: Iterable[Rule], soft_cover: bool = False,
             time_limit: float = DIAGNOSE_SECONDS) -> list[str]:
    """A sentence naming hard rules (and sessions' minimum cover) that cannot hold together."""
    core = conflict(problem, rules, soft_cover, time_limit)
    if core is None:
        return [t("制約が厳しすぎて、時間内に原因を特定できませんでした。",
                  "The hard rules cannot all hold; the cause could not be narrowed down in time.")]
    return [t("次の条件を同時に満たす配置はありません: {items}。"
              "必要人数をソフトにして解くと、最善の部分的な配置表を確認できます。",
              "No roster satisfies all of these together: {items}. "
              "Solve with cover made soft to see the best partial roster.",
              items=t("、", "; ").join(g.sentence for g in core))]


def explain(problem: Problem, rules: Iterable[Rule], options: SolveOptions) -> list[str]:
    """Pre-check sentences when they find the cause, else the conflicting rules CP-SAT names."""
    rules = list(rules)
    found = precheck(problem, rules)
    if found:
        return found
    return diagnose(problem, rules, options.soft_cover, min(DIAGNOSE_SECONDS, max(1.0, options.time_limit)))
