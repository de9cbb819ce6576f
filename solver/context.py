"""The variable container: one boolean per eligible (staff, requirement) pair, and the indexes
rules need (by requirement, by person, by person and day), so that rule modules never index raw.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from ortools.sat.python import cp_model

from models.domain import Problem, Requirement, RuleSetting, Staff, days_taken
from models.rulemeta import RuleInfo
from solver.rules import base


@dataclass(frozen=True)
class Scope:
    """The part of a plan one model decides, for solving a big plan in parts (solver.parts).

    Pairs of active staff on `days` (None = every day) are decided; their other assignments in
    `fixed` enter the model as constants, so every rule about them sees the whole plan. Inactive
    staff are outside the model, but their assignments in `fixed` still count towards each
    session's cover as constants.

    With `per_day`, each person is offered at most that many sessions a day (besides locked
    ones): those with the most cover still wanted once the fixed assignments are counted. A
    person's first schedule in a plan of many sessions a day needs no more (Curtois Instance24:
    32 shifts a day), and the model is a fraction of the size.
    """

    fixed: frozenset[tuple[str, str]]
    days: frozenset[date] | None = None
    per_day: int | None = None


class Context:
    """The CP-SAT model under construction for one problem (or one part of it, see Scope)."""

    def __init__(self, problem: Problem, rules: Iterable[base.Rule], soft_cover: bool = False,
                 scope: Scope | None = None):
        self.problem = problem
        self.soft_cover = soft_cover
        self.scope = scope
        self.built: set[str] = set()  # ids of the rules the solver builds into this model
        self.model = cp_model.CpModel()
        self.rules = list(rules)
        self._x: dict[tuple[str, str], cp_model.IntVar] = {}
        self._decided: dict[tuple[str, str], cp_model.IntVar] = {}  # _x without the Scope's constants
        # per session: its active people's pairs, decided or a Scope's constants
        self._by_req: dict[str, list[tuple[Staff, cp_model.IntVar]]] = defaultdict(list)
        self._cover: dict[str, list[cp_model.IntVar]] = defaultdict(list)  # its decided pairs only
        self._fixed_count: dict[str, int] = defaultdict(int)  # how many of its pairs are constants
        # the people outside the model a Scope fixes there: they count towards its cover only
        self._outside: dict[str, list[str]] = {}
        self._by_staff: dict[str, list[tuple[Requirement, cp_model.IntVar]]] = defaultdict(list)
        self._by_staff_day: dict[tuple[str, date], list[tuple[Requirement, cp_model.IntVar]]] = (
            defaultdict(list)
        )
        # per (person, day): the pairs of the night before that run into the day's morning (明)
        self._mornings: dict[tuple[str, date], list[cp_model.IntVar]] = defaultdict(list)
        self._works: dict[tuple[str, date], cp_model.IntVar | int] = {}
        self._day_caps: dict[str, bool] = {}
        self._settings: dict[str, RuleSetting] = {}
        self._limits: dict[tuple[str, str, str], object] = {}
        self._constant: cp_model.IntVar | None = None  # see _one
        self._fixed: list[tuple[str, str]] = []  # _x's pairs that are a Scope's constants
        self._create_variables()

    # -- construction ---------------------------------------------------------------------
    def _create_variables(self) -> None:
        hard_filters = [r for r in self.rules if self._is_hard(r.info)]
        locked = {(a.staff_id, a.requirement_id) for a in self.problem.locked}
        scope = self.scope
        active = self.problem.active_staff()
        # a Scope's fixed assignments by session: the model's people's, and those of the people
        # outside it, who count towards cover only (hundreds of thousands of them in a big plan's part)
        fixed_by_req: dict[str, list[str]] = defaultdict(list)
        outside_by_req: dict[str, list[str]] = defaultdict(list)
        if scope is not None:
            active_ids = {staff.id for staff in active}
            known = {staff.id for staff in self.problem.staff}
            for staff_id, req_id in scope.fixed:
                if staff_id in active_ids:
                    fixed_by_req[req_id].append(staff_id)
                elif staff_id in known:
                    outside_by_req[req_id].append(staff_id)
        requirements = sorted(self.problem.requirements, key=lambda r: (r.date, r.start, r.id))
        open_days = None if scope is None else scope.days
        free_reqs = requirements if open_days is None else [r for r in requirements if r.date in open_days]
        # the sessions each person may take: each hard filter's test in turn (Rule.screen, the
        # person's limits looked up once), over the sessions the tests before it left
        allowed: dict[str, set[str]] = {}
        wanted: dict[str, int] | None = None
        for staff in active:
            candidates = free_reqs
            for rule in hard_filters:
                test = rule.screen(self, staff)
                if test is not None:
                    candidates = [req for req in candidates if test(req)]
            if scope is not None and scope.per_day is not None:
                if wanted is None:
                    wanted = self._wanted(free_reqs, fixed_by_req, outside_by_req)
                candidates = self._most_wanted(staff, candidates, scope.per_day, wanted)
            allowed[staff.id] = {req.id for req in candidates}
        for req in requirements:
            free = open_days is None or req.date in open_days
            for staff in active if free else ():
                pair = (staff.id, req.id)
                if req.id not in allowed[staff.id] and pair not in locked:
                    continue
                var = self.model.new_bool_var(f"x[{staff.id},{req.id}]")
                self._decided[pair] = var
                self._add(staff, req, var)
                self._cover[req.id].append(var)
            for staff_id in () if free else fixed_by_req.get(req.id, ()):  # free: decided above
                # the constant 1, counted by the session's cover and by the person's rules
                self._add(self.problem.staff_by_id(staff_id), req, self._one())
                self._fixed_count[req.id] += 1
                self._fixed.append((staff_id, req.id))
            outside = outside_by_req.get(req.id)
            if outside:  # counted by the session's cover only (see staff_for)
                self._outside[req.id] = outside
                self._fixed_count[req.id] += len(outside)
                self._fixed.extend((staff_id, req.id) for staff_id in outside)

    @staticmethod
    def _wanted(requirements: list[Requirement], *fixed: dict[str, list[str]]) -> dict[str, int]:
        """Per session, how much cover it still wants once the fixed assignments are counted, as
        a sort key (lower = wanted more): the people short of the target times the session's
        under-staffing weight, negated; a session short of nobody by its weight alone."""
        out = {}
        for req in requirements:
            short = req.target - sum(len(by_req.get(req.id, ())) for by_req in fixed)
            out[req.id] = -max(0, short) * req.under_weight * 1_000_000 - req.under_weight
        return out

    @staticmethod
    def _most_wanted(staff: Staff, candidates: list[Requirement], per_day: int,
                     wanted: dict[str, int]) -> list[Requirement]:
        """At most `per_day` of the candidates on each day, by `wanted` (lower first, see
        _wanted); ties are broken differently for each person, so that people planned side by
        side spread out. (Keeping one of them for each kind of session in turn, day by day, did
        not make a first schedule likelier: Curtois 22-24, 10 nurses each, 4 a day: 29 of 30
        schedules found in 3 s against 30 of 30.)"""
        by_day: dict[date, list[Requirement]] = defaultdict(list)
        for req in candidates:
            by_day[req.date].append(req)
        salt = zlib.crc32(staff.id.encode())
        kept: set[str] = set()
        for todays in by_day.values():
            if len(todays) > per_day:
                todays = sorted(todays, key=lambda req: (wanted[req.id], zlib.crc32(req.id.encode(), salt)))
                todays = todays[:per_day]
            kept.update(req.id for req in todays)
        return [req for req in candidates if req.id in kept]

    def _one(self) -> cp_model.IntVar:
        """The model's constant 1, which every fixed assignment of a Scope shares."""
        if self._constant is None:
            self._constant = self.model.new_constant(1)
        return self._constant

    def _add(self, staff: Staff, req: Requirement, var: cp_model.IntVar) -> None:
        self._x[(staff.id, req.id)] = var
        self._by_req[req.id].append((staff, var))
        self._by_staff[staff.id].append((req, var))
        self._by_staff_day[(staff.id, req.date)].append((req, var))
        for day in days_taken(req)[1:]:
            self._mornings[(staff.id, day)].append(var)

    def _is_hard(self, info: RuleInfo) -> bool:
        s = self.setting(info)
        return s.enabled and s.hard

    def enforces(self, rule_id: str) -> bool:
        """Whether the rule is built into this model, enabled and hard: a rule may then leave out
        constraints that one implies (e.g. min = max cover as one equality)."""
        from solver.rules import rule  # local: the rule modules import the context

        if rule_id not in self.built:
            return False
        chosen = self.setting(rule(rule_id).info)
        return chosen.enabled and chosen.hard

    def one_a_day(self, staff_id: str) -> bool:
        """Whether a hard rule keeps this person to at most one session per day."""
        if staff_id not in self._day_caps:
            from solver.rules.max_per_day import RULE as MAX_PER_DAY  # local: rules import the context

            s = self.setting(MAX_PER_DAY.info)
            staff = self.problem.staff_by_id(staff_id)
            cap = self.limit(MAX_PER_DAY.info, "max_per_day", staff) if s.enabled and s.hard else None
            self._day_caps[staff_id] = cap is not None and int(cap) <= 1
        return self._day_caps[staff_id]

    # -- look-ups for rules -----------------------------------------------------------------
    def setting(self, info: RuleInfo) -> RuleSetting:
        # looked up per pair while building: cached for the life of this model
        found = self._settings.get(info.id)
        if found is None:
            found = self._settings[info.id] = base.setting(self.problem, info, self.soft_cover)
        return found

    def limit(self, info: RuleInfo, name: str, staff: Staff):
        key = (info.id, name, staff.id)
        if key not in self._limits:
            self._limits[key] = base.limit(self.problem, info, name, staff)
        return self._limits[key]

    def is_assigned(self, staff_id: str, requirement_id: str) -> cp_model.IntVar | None:
        """The boolean for this pair, or None when the pair is not eligible."""
        return self._x.get((staff_id, requirement_id))

    def pairs(self) -> dict[tuple[str, str], cp_model.IntVar]:
        """Every pair of the model's people, a Scope's fixed assignments of theirs included (the
        fixed assignments of people outside the model count only towards cover, see staff_for)."""
        return self._x

    def decided(self) -> dict[tuple[str, str], cp_model.IntVar]:
        """The pairs this model decides (all of them without a Scope)."""
        return self._decided

    def cover_of(self, requirement_id: str) -> tuple[list[cp_model.IntVar], int]:
        """The session's decided pair variables, and how many of a Scope's fixed assignments
        it has (constants)."""
        return self._cover.get(requirement_id, []), self._fixed_count.get(requirement_id, 0)

    def staff_for(self, requirement_id: str) -> list[tuple[Staff, cp_model.IntVar]]:
        """Everyone who may be in the session with their pair's variable: a Scope's fixed
        assignments as the constant 1, people outside the model's included."""
        found = self._by_req.get(requirement_id, [])
        outside = self._outside.get(requirement_id)
        if not outside:
            return found
        one = self._one()
        return found + [(self.problem.staff_by_id(staff_id), one) for staff_id in outside]

    def requirements_of(self, staff_id: str) -> list[tuple[Requirement, cp_model.IntVar]]:
        return self._by_staff.get(staff_id, [])

    def on_day(self, staff_id: str, day: date) -> list[tuple[Requirement, cp_model.IntVar]]:
        return self._by_staff_day.get((staff_id, day), [])

    def staff_days(self) -> Iterable[tuple[tuple[str, date], list[tuple[Requirement, cp_model.IntVar]]]]:
        """Each (person, day) of the model with that person's sessions of the day (see on_day)."""
        return self._by_staff_day.items()

    def works(self, staff_id: str, day: date) -> cp_model.IntVar | int:
        """1 when the day is not a day off for the person: they have an assignment that day, or a
        night before it that runs into its morning (明, models.domain.days_taken), the earlier
        plan's last night included (an exact boolean, shared by rules; the int 0 for a day that is
        always off)."""
        key = (staff_id, day)
        if key not in self._works:
            todays = [v for _, v in self.on_day(staff_id, day)]
            mornings = self._mornings.get(key, [])
            if day == self.problem.start and self._eve_runs_into_plan(staff_id):
                self._works[key] = self._one()
            elif not todays and not mornings:
                self._works[key] = 0
            elif len(todays) + len(mornings) == 1:
                self._works[key] = (todays or mornings)[0]
            elif mornings:
                w = self.model.new_bool_var(f"works[{staff_id},{day.isoformat()}]")
                self.model.add_max_equality(w, todays + mornings)
                self.model.add(w <= sum(todays + mornings))  # the same bound in linear form, for the LP
                self._works[key] = w
            else:
                w = self.model.new_bool_var(f"works[{staff_id},{day.isoformat()}]")
                if self.one_a_day(staff_id):
                    # one session a day at most: works is their sum, a linear equality the LP keeps
                    self.model.add(w == sum(todays))
                else:
                    self.model.add_max_equality(w, todays)
                    self.model.add(w <= sum(todays))  # the same bound again in linear form, for the LP
                self._works[key] = w
        return self._works[key]

    def _eve_runs_into_plan(self, staff_id: str) -> bool:
        """Whether the person's last night before the plan (Problem.history_sessions) runs into
        the plan's first morning."""
        first = self.problem.start
        return any(first in days_taken(r)[1:] for r in self.problem.history_sessions.get(staff_id, ()))

    def work_amount(self, staff_id: str, day: date) -> cp_model.LinearExprT:
        """A linear expression equal to `works(staff_id, day)` in every solution, for hard linear
        rules. It is the works boolean itself: for a person with one session a day at most that
        boolean is defined by the equality `works == sum(day's sessions)`, which the LP keeps, so
        the relaxation is as strong as writing the sum into every rule, at a fraction of the terms
        (a 7-day window over 32 shift types is 7 terms, not 224)."""
        return self.works(staff_id, day)

    def pairs_in(self, values: list[int]) -> list[tuple[str, str]]:
        """The assigned pairs of a solution given as one value per model variable."""
        return [pair for pair, var in self._decided.items() if values[var.index]] + self._fixed

    def extract(self, solver: cp_model.CpSolver | cp_model.CpSolverSolutionCallback) -> list[tuple[str, str]]:
        """The assigned (staff_id, requirement_id) pairs of the solver's (or callback's) current
        solution: the decided ones it sets, and a Scope's fixed ones."""
        return self.pairs_in(solver.response_proto.solution)  # one call, not one per pair
