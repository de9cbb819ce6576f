"""The variable container: one boolean per eligible (staff, requirement) pair, and the indexes
rules need (by requirement, by person, by person and day), so that rule modules never index raw.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Iterable

from ortools.sat.python import cp_model

from models.domain import Problem, Requirement, RuleSetting, Staff
from models.rulemeta import RuleInfo
from solver.rules import base


class Context:
    """The CP-SAT model under construction for one problem."""

    def __init__(self, problem: Problem, rules: Iterable[base.Rule], soft_cover: bool = False):
        self.problem = problem
        self.soft_cover = soft_cover
        self.built: set[str] = set()  # ids of the rules the solver builds into this model
        self.model = cp_model.CpModel()
        self.rules = list(rules)
        self._x: dict[tuple[str, str], cp_model.IntVar] = {}
        self._by_req: dict[str, list[tuple[Staff, cp_model.IntVar]]] = defaultdict(list)
        self._by_staff: dict[str, list[tuple[Requirement, cp_model.IntVar]]] = defaultdict(list)
        self._by_staff_day: dict[tuple[str, date], list[tuple[Requirement, cp_model.IntVar]]] = (
            defaultdict(list)
        )
        self._works: dict[tuple[str, date], cp_model.IntVar | int] = {}
        self._day_caps: dict[str, bool] = {}
        self._settings: dict[str, RuleSetting] = {}
        self._limits: dict[tuple[str, str, str], object] = {}
        self._create_variables()

    # -- construction ---------------------------------------------------------------------
    def _create_variables(self) -> None:
        hard_filters = [r for r in self.rules if self._is_hard(r.info)]
        locked = {(a.staff_id, a.requirement_id) for a in self.problem.locked}
        for req in sorted(self.problem.requirements, key=lambda r: (r.date, r.start, r.id)):
            for staff in self.problem.staff:
                if not staff.active:
                    continue
                pair = (staff.id, req.id)
                if pair not in locked and not all(r.allows(self, staff, req) for r in hard_filters):
                    continue
                var = self.model.new_bool_var(f"x[{staff.id},{req.id}]")
                self._x[pair] = var
                self._by_req[req.id].append((staff, var))
                self._by_staff[staff.id].append((req, var))
                self._by_staff_day[(staff.id, req.date)].append((req, var))

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
        return self._x

    def staff_for(self, requirement_id: str) -> list[tuple[Staff, cp_model.IntVar]]:
        return self._by_req.get(requirement_id, [])

    def requirements_of(self, staff_id: str) -> list[tuple[Requirement, cp_model.IntVar]]:
        return self._by_staff.get(staff_id, [])

    def on_day(self, staff_id: str, day: date) -> list[tuple[Requirement, cp_model.IntVar]]:
        return self._by_staff_day.get((staff_id, day), [])

    def works(self, staff_id: str, day: date) -> cp_model.IntVar | int:
        """1 when the person has any assignment that day (an exact boolean, shared by rules)."""
        key = (staff_id, day)
        if key not in self._works:
            todays = [v for _, v in self.on_day(staff_id, day)]
            if not todays:
                self._works[key] = 0
            elif len(todays) == 1:
                self._works[key] = todays[0]
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

    def work_amount(self, staff_id: str, day: date) -> cp_model.LinearExprT:
        """A linear expression equal to `works(staff_id, day)` in every solution: the sum of the
        day's booleans when the person works at most one session a day, else the works boolean.
        Hard linear rules use it so the LP relaxation sees the sessions themselves."""
        todays = [v for _, v in self.on_day(staff_id, day)]
        if len(todays) > 1 and self.one_a_day(staff_id):
            return cp_model.LinearExpr.sum(todays)
        return self.works(staff_id, day)

    def extract(self, solver: cp_model.CpSolver | cp_model.CpSolverSolutionCallback) -> list[tuple[str, str]]:
        """The assigned (staff_id, requirement_id) pairs of the solver's (or callback's) current solution."""
        return [pair for pair, var in self._x.items() if solver.boolean_value(var)]
