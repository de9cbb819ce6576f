"""A first roster for a big plan, built greedily from the model's own pairs, then repaired.

A 300-staff, 3-month plan (385k pairs) gave CP-SAT its first roster only 35-60 s into a 60 s solve,
and in one run of three none at all: presolve and the search for any roster that keeps every cover
minimum take most of the minute. Filling the sessions one by one takes about a second:

1. **Fill.** Sessions are taken scarcest first (fewest candidates per person needed), each filled to
   its minimum (those with a required skill first) and then towards its target, from the pairs the
   model holds (every hard screen already passed). Among the candidates, the cheapest comes first:
   the soft terms that weigh on that pair alone (travel, a △, a request) and the soft counts the
   person is wished to reach (`Wish`: a desired count per month), whose weight is earned while
   they are below it and paid once they reach it. Then the person holding the fewest skills that
   other sessions require, then the one with the fewest sessions so far. A candidate is passed
   over when the session clashes with one of theirs (`no_overlap.clash`) or would overrun one of
   the hard rules' budgets (`Budget`: sessions per day, week, month or plan, minutes, pay).
2. **Repair.** The evaluator then finds what the fill broke (rules without a budget: runs of days,
   weekends, rest, ...). The sessions of each broken person's violation are taken from them and
   given to someone else whom the evaluator, on that person's slice of the plan, finds with no new
   hard violation; sessions still short are filled the same way. This repeats for a few rounds.

The result is a roster that keeps every hard rule, or None; CP-SAT then improves it as a complete
hint (StagedSolver). Nothing here knows which rules there are beyond the budgets they declare.
"""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import date, timedelta
from typing import Hashable

from models.domain import Problem, Requirement, Roster, Violation, plan_slice
from solver.core import Solver
from solver.evaluate import evaluate
from solver.rules.base import Budget, Wish
from solver.rules.no_overlap import clash

Pair = tuple[str, str]

# Rounds of repair, each over every hard violation left (a run too long loses a day a round).
REPAIR_ROUNDS = 8


class Greedy:
    """The greedy fill and repair of one Solver's model (its pairs, penalties and rules)."""

    def __init__(self, solver: Solver, problem: Problem):
        self.solver = solver
        self.problem = problem  # as scored (cover_min soft for a partial roster)
        ctx = solver.ctx
        self._staff = {s.id: s for s in problem.staff}
        self._candidates: dict[str, list[str]] = defaultdict(list)
        for staff_id, req_id in ctx.decided():
            self._candidates[req_id].append(staff_id)
        # the soft terms that weigh on one pair alone, by the pair's variable
        by_index = {var.index: pair for pair, var in ctx.decided().items()}
        self._cost: dict[Pair, int] = defaultdict(int)
        for penalty in solver.penalties:
            index = getattr(penalty.expr, "index", None)  # a constant term has none
            if isinstance(index, int) and index in by_index:
                self._cost[by_index[index]] += penalty.weight
        self._budgets: dict[str, list[Budget]] = {
            staff.id: [b for rule in solver.rules for b in rule.budgets(ctx, staff)]
            for staff in problem.active_staff()}
        self._wishes: dict[str, list[Wish]] = {
            staff.id: [w for rule in solver.rules for w in rule.wishes(ctx, staff)]
            for staff in problem.active_staff()}
        self._used: dict[tuple[str, int, Hashable], int] = defaultdict(int)
        self._counts: dict[tuple[str, int, Hashable], int] = defaultdict(int)
        self._days: dict[str, dict[date, list[Requirement]]] = defaultdict(lambda: defaultdict(list))
        self._load: dict[str, int] = defaultdict(int)
        self.chosen: set[Pair] = set()
        self._barred: set[Pair] = set()
        # the skills some session requires: people holding more of them are kept for those sessions
        self._wanted = frozenset(skill for r in problem.requirements for skill, _ in r.required_skills)

    # -- the fill ----------------------------------------------------------------------------
    def fill(self) -> None:
        for a in self.problem.locked:
            if (a.staff_id, a.requirement_id) in self.solver.ctx.decided():
                self._take(a.staff_id, self.problem.requirement(a.requirement_id))
        sessions = [r for r in self.problem.requirements if self._candidates.get(r.id)]
        sessions.sort(key=lambda r: (self._scarcity(r), r.date, r.start, r.id))
        for req in sessions:
            self._fill(req, req.min_staff)
        for req in sessions:
            self._fill(req, req.target, only_cheaper_than=req.under_weight)

    def _scarcity(self, req: Requirement) -> float:
        """Candidates per person needed, the skilled ones per skilled person needed counted apart:
        a session needing a rare skill comes before those its few holders could also take."""
        ratios = [len(self._candidates[req.id]) / max(1, req.min_staff)]
        for skill, count in req.required_skills:
            holders = sum(1 for s in self._candidates[req.id] if skill in self._staff[s].skills)
            ratios.append(holders / max(1, count))
        return min(ratios)

    def _in(self, req: Requirement) -> list[str]:
        return [s for s in self._candidates[req.id] if (s, req.id) in self.chosen]

    def _fill(self, req: Requirement, upto: int, only_cheaper_than: int | None = None,
              check: bool = False) -> None:
        placed = self._in(req)
        if len(placed) >= upto and not self._skills_short(req, placed):
            return
        needed = {skill for skill, _ in req.required_skills}
        order = sorted(self._candidates[req.id], key=lambda s: (
            self._price(s, req), len((self._staff[s].skills & self._wanted) - needed), self._load[s], s))
        for skill, count in req.required_skills:
            for staff_id in order:
                if sum(1 for s in placed if skill in self._staff[s].skills) >= count:
                    break
                if skill in self._staff[staff_id].skills and self._fits(staff_id, req, placed, check):
                    self._take(staff_id, req)
                    placed.append(staff_id)
        for staff_id in order:
            if len(placed) >= upto:
                break
            if only_cheaper_than is not None and self._price(staff_id, req) >= only_cheaper_than:
                continue
            if self._fits(staff_id, req, placed, check):
                self._take(staff_id, req)
                placed.append(staff_id)

    def _price(self, staff_id: str, req: Requirement) -> int:
        """What giving `req` to this person adds to the soft cost as far as the pair and their
        wishes tell: the pair's own terms, plus each wish's weight, earned back while the person is
        still below its count for the period."""
        price = self._cost[(staff_id, req.id)]
        for i, wish in enumerate(self._wishes.get(staff_id, ())):
            key = wish.period(req)
            price += wish.weight if self._counts[(staff_id, i, key)] >= wish.target(key) else -wish.weight
        return price

    def _skills_short(self, req: Requirement, placed: list[str]) -> bool:
        return any(sum(1 for s in placed if skill in self._staff[s].skills) < count
                   for skill, count in req.required_skills)

    def _fits(self, staff_id: str, req: Requirement, placed: list[str], check: bool) -> bool:
        if staff_id in placed or (staff_id, req.id) in self._barred or (staff_id, req.id) in self.chosen:
            return False
        if req.max_staff is not None and len(placed) >= req.max_staff:
            return False
        days = self._days[staff_id]
        near = (req.date - timedelta(days=1), req.date, req.date + timedelta(days=1))  # a night shift reaches the next day
        if any(clash(self.problem, req, other) for day in near for other in days.get(day, ())):
            return False
        for i, budget in enumerate(self._budgets.get(staff_id, ())):
            key = budget.period(req)
            if self._used[(staff_id, i, key)] + budget.spent.get(key, 0) + budget.use(req) > budget.room:
                return False
        return not check or not self._breaks(staff_id, req)

    def _take(self, staff_id: str, req: Requirement) -> None:
        self.chosen.add((staff_id, req.id))
        self._days[staff_id][req.date].append(req)
        self._tally(staff_id, req, 1)

    def _drop(self, staff_id: str, req: Requirement) -> None:
        self.chosen.discard((staff_id, req.id))
        self._barred.add((staff_id, req.id))
        self._days[staff_id][req.date].remove(req)
        self._tally(staff_id, req, -1)

    def _tally(self, staff_id: str, req: Requirement, sign: int) -> None:
        """Count `req` in (sign 1) or out of (sign -1) the person's load, budgets and wishes."""
        self._load[staff_id] += sign
        for i, budget in enumerate(self._budgets.get(staff_id, ())):
            self._used[(staff_id, i, budget.period(req))] += sign * budget.use(req)
        for i, wish in enumerate(self._wishes.get(staff_id, ())):
            self._counts[(staff_id, i, wish.period(req))] += sign

    # -- the repair --------------------------------------------------------------------------
    def _mine(self, staff_id: str) -> list[Requirement]:
        return [r for reqs in self._days[staff_id].values() for r in reqs]

    def _breaks(self, staff_id: str, req: Requirement) -> bool:
        """Whether taking `req` gives this person a hard violation (their slice of the plan)."""
        pairs = [(staff_id, r.id) for r in self._mine(staff_id)] + [(staff_id, req.id)]
        part, roster = plan_slice(self.problem, Roster.from_pairs(pairs), {staff_id}, set())
        return any(v.hard and v.staff_id == staff_id for v in evaluate(part, roster, rules=self.solver.rules).violations)

    def _culprits(self, violation: Violation) -> list[Requirement]:
        """The broken person's sessions a violation names: its session, or those of its day,
        or else their last one."""
        assert violation.staff_id is not None
        mine = self._mine(violation.staff_id)
        if violation.requirement_id is not None:
            named = [r for r in mine if r.id == violation.requirement_id]
            if named:
                return named
        if violation.date is not None:
            on_day = [r for r in mine if r.date == violation.date]
            if on_day:
                return on_day[-1:]
        return sorted(mine, key=lambda r: (r.date, r.start))[-1:]

    def repair(self, deadline: float) -> list[Violation]:
        """Mend hard violations until none is left, a round mends nothing, or the deadline;
        returns those left."""
        hard = self.hard_violations()
        for _ in range(REPAIR_ROUNDS):
            if not hard or time.perf_counter() > deadline:
                break
            freed: list[Requirement] = []
            for violation in hard:
                if violation.staff_id is None or violation.staff_id not in self._budgets:
                    continue
                for req in self._culprits(violation):
                    if (violation.staff_id, req.id) in self.chosen:
                        self._drop(violation.staff_id, req)
                        freed.append(req)
            short = {v.requirement_id for v in hard if v.staff_id is None and v.requirement_id}
            for req in freed + [self.problem.requirement(r) for r in sorted(short)]:
                if time.perf_counter() > deadline:
                    break
                self._fill(req, req.min_staff, check=True)
            if not freed and not short:
                break  # nothing this round could take back or fill: another round would do the same
            hard = self.hard_violations()
        return hard

    def hard_violations(self) -> list[Violation]:
        return evaluate(self.problem, Roster.from_pairs(sorted(self.chosen)),
                        rules=self.solver.rules).hard_violations


def first_roster(solver: Solver, problem: Problem, deadline: float) -> set[Pair] | None:
    """A roster of the solver's pairs that keeps every hard rule, built greedily and repaired by
    `deadline` (time.perf_counter()); None when one could not be mended in time."""
    greedy = Greedy(solver, problem)
    greedy.fill()
    if greedy.repair(deadline):
        return None
    return set(greedy.chosen)

