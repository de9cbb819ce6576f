"""Improving a roster by re-solving pieces of the whole model: large neighbourhood search by
people and by days.

CP-SAT's own neighbourhoods are chosen from the model's graph. A roster improves most when whole
schedules move together: a few people over the whole plan (their runs, weekends and totals
rebalance against each other), every person over a stretch of days (cover passes between them),
or more people over a shorter stretch. Each round copies the whole model, fixes every pair outside
the neighbourhood to the current roster, hints every variable with the current solution and
re-solves for a moment (longer once the search stalls, see STALLED_ROUNDS) on one core after a
light presolve (`round_parameters`); `workers` rounds run at once, one per thread (CP-SAT
releases the GIL while it searches). A round's roster replaces the current one when its exact
cost (`Solver.cost`, the evaluator's objective) is lower; when another round has replaced it in
the meantime, the round's changes are carried over to the newer roster (`_carry`). Each kind of
neighbourhood adapts its size (it grows when its rounds are solved to optimality in their time,
and shrinks when they are not) and how often it is chosen (by the share of its rounds that
lowered the cost).

Every round is the product's own model with some variables fixed, so every rule holds exactly as
in the whole solve; nothing here knows which rules there are.

Measured and not kept: a neighbourhood guided by the LP relaxation (RINS: free the pairs where
the LP solution is fractional or disagrees with the roster). On Curtois Instance17 the LP (GLOP,
4.5 s) left 1665 of 5304 pairs free; rounds of 5 s on 2 workers took a 60 s roster from 6811 to
6796 in 30 s, where these rounds took the same roster to 6512 in the same 30 s.

Measured and not kept either: people drawn by relatedness rather than at random (one person at
random, the others weighted by the Jaccard index of the sessions each may take, to the 4th power,
drawn without replacement). At 60 s on 2 workers, seeds 0-2, against never: in every round, 13
5156, 4886 and 5523 (a separate run) against 4949, 4443 and 4683; in half of the rounds (run side
by side with never): 12 4512, 4808 and 4924 against 4614, 4611 and 4522, 13 4542, 4200 and 4730 against
4949, 4443 and 4683 - better on 13, worse on 12, within the spread between seeds.

Nor kinds chosen by the cost their rounds lowered (a moving average per round, each round's weight
0.05, the others keeping a quarter of the best kind's chance) instead of by the share of their
rounds that lowered it (`Kind.chance`). At 60 s on 2 workers, run side by side, medians against
medians: 12 4660 against 4626 and 13 5296 against 5277 (seeds 0-5; 13 spanned 4350-6820 and
4439-6004), 17 6310 against 6400 (seeds 0-2), 19 4978 against 5211 (seeds 0-5): 1.3 % over the
four, less than the spread between seeds.

Nor a fourth kind around the roster's costs: a stretch of days and people chosen around one of the
evaluator's soft violations (drawn by its cost; half the people among those who may take a short
session, or the person a personal cost names, the rest at random), sized and chosen as the others.
It won as often as people and days (13: 30 of 47 and 25 of 51 rounds), yet at 60 s on 2 workers,
seeds 1 and 2, run side by side with the three kinds: 13 4250 and 4301 against 3679 and 4395, 8 1431
and 1416 against 1424 and 1409, 12 4327 and 4522 against 4701 and 4548, 15 5448 and 5327 against 4955
and 5346 (sum 31022 against 30457). On 8 no kind wins once the roster is near 1420: 12 night shifts
are short whatever the roster (the nurses may work 74 nights, 86 are wanted: 1200 of the best known
1300), and rounds freeing 40-60 % of the days for everyone are solved to optimality without a gain.

Nor a neighbourhood that keeps every person's working days and frees which session each works on
them (a stretch of days, everyone; how many sessions a person works each day held by one equality):
the mix of long and short shifts a person works decides how many sessions the plan's minutes cover.
On a Curtois 13 roster of 4527 (35 sessions short, the people's minutes 19 320 below their maxima
against 24 000 short): the whole plan gave nothing in 2, 5 and 10 s (LP bound 425-431), a week 1
(4526, optimal in 2 s), half the plan 1 in 3 s. As a fourth kind at 60 s (seed 0): 13 of 147 rounds,
3 of them lowering the cost by 17 in all. Keeping the working days of all but k people, whom the
round frees over the whole plan (so that one person can trade a long shift for a colleague's short
one and take one more day with the minutes it frees): nothing in 5-10 s for k = 4, 8 and 16 (LP bound
379-423), where k people alone, everyone else fixed, bounded at 4220 (k = 8) and 3588 (k = 16) and
found nothing either. That roster's 35 short sessions are the plan's minutes packed badly into the
people's maxima (941 160 minutes needed, 939 000 at most, 19 320 of them unused in pieces too short
for a session): a trade between many people at once, which only a column-generation model (a
person's whole month as one column) prices well.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from typing import Callable

from ortools.sat.python import cp_model

from solver.core import Pinned, Solver, hint_every_variable, light_presolve

# Seconds one round may search: SETUP_TIMES the time a round takes to reach its first solution
# (copying the model and fixing its pairs, loading it into CP-SAT and propagating; the complete hint
# is that solution), measured once before the first round, within SHORTEST and LONGEST. That time
# is 0.06-0.10 s on Curtois 13 (120 people, 4 weeks, 40 000 pairs) and under 0.03 s on 8, 9, 12
# and 15, so rounds there are SHORTEST long. From the same roster at 20 s (one run a seed): on 13,
# rounds of 1 s gave 13348 and 13369, 0.5 s 18181 and 15618 (set-up then 0.17-0.28 s). At 60 s on
# 2 workers, 0.25 s against 0.5 s (seeds 0 and 1 on 8, 9, 11, 12, 14 and 15, seed 0 on 13, 16, 17
# and 19): better on 15 (5122 and 5471 against 5543 and 5648), worse on 11 (3548 and 3474 against
# 3450 and 3451, where neighbourhoods solved in time grow to 40-60 % of the people and days), the
# rest within the spread between seeds; sum 54639 against 55501. Not kept: the gain is the size of
# that spread and 11 loses. 10 times the set-up (1 s rounds on 13, the only one it changes) against
# 5, seeds 0-5 side by side while other work shared the 2 cores: 13 medians 5466 against 5674, the
# runs spanning 4624-6862 and 4778-6648. Not kept either: the spread swamps it.
SETUP_TIMES, SHORTEST, LONGEST = 5.0, 0.5, 2.0
# A search that has stalled lengthens its rounds: every STALLED_ROUNDS rounds in a row that lowered
# nothing (on all workers together) double the round's time, up to STALLED_LONGEST; the next round
# that lowers the cost brings it back. Longer rounds prove bigger neighbourhoods optimal, so the
# sizes grow past the local optimum the short rounds sit in. At 60 s on 2 workers, seeds 0 and 1,
# 60 rounds against none: Curtois 11 3443 (the best known) and 3446 against 3553 and 3456, 10 4638
# and 4734 against 4736 and 4661, 8 1427 and 1604 against 1510 and 1430, 14 1408 and 1321 against
# 1395 and 1424 (sum 22021 against 22165). After 20 rounds: 11 3544 and 3444, 10 4645 and 4652,
# but 8 1519 and 1436, 14 1400 and 1436, and on 13 and 16, which rarely stall that long, one run
# better and one worse by 3-15 % (the spread between runs of the same code). Seed 2, 60 rounds
# against none: 9 445 and 445, 15 5452 and 5464, 12 4846 and 4543 (worse; 12 spans 4516-4813
# over seeds without it).
STALLED_ROUNDS, STALLED_LONGEST = 60, 8.0
# How many times in a row one round's changes may be carried over to a newer solution (`_carry`).
# Rounds run side by side from the same roster, so when two of them better it, the later one used
# to be lost: on Curtois 13 at 60 s, 45 of 145 bettering rounds, worth 1230 against the 11339 the
# kept ones gained; on 17, 15 of 87, 608 against 3121. Carried over, about half of them still
# lower the cost (13: 34 of 71 and 34 of 63; 19: 28 of 63 and 56 of 89). At 60 s on 2 workers,
# seeds 0 and 1, against losing them: 13 4159 and 4117 against 4650 and 4455; 19 4660 against
# 4896; 8 1327 and 1336 against 1512 and 1432; 12 4817 and 4422 against 4502 and 4506; 10 4657
# and 4650 against 4746 and 4647; 15 5225 and 5454 against 5150 and 5158; 17 6515 against 6306
# (sum 51339 against 51960). 8 and 10 carried almost nothing: their difference is the spread.
CARRIES = 2
# A fourth kind frees every session of a few sites (every person, every day) in plans of this many
# sites or more: a home-care agency's 30 clients, each wanting the same helper for all its visits
# (continuity), improved little by rounds of people or days, which keep most of a client's visits fixed.
# With fewer sites one is too large a share of the plan for a round (and a ward, or any Curtois
# instance, has one). Measured on that agency's February (22 helpers, 512 visits, 30 clients in 35
# series of visits) at 30 s on 2 workers, seeds 0-6, run alternately with the three kinds alone: 84,
# 95, 91, 81, 87, 91 and 92 against 92, 101, 87, 93, 99, 91 and 98 (medians 91 and 93, means 88.7 and
# 94.4; better in 5 of 7). In one run the sites kind lowered the cost in 9 of its 52 rounds, people
# in 4 of 33, days in 6 of 55.
SITES_KIND_FROM = 8
# A kind's starting size as a share of the people or the days; the bounds of its adaptation.
START, SMALLEST, LARGEST = 0.06, 0.02, 1.0
GROW, SHRINK = 1.1, 1 / 1.1


def round_parameters(parameters) -> None:
    """CP-SAT's parameters for a round: a light presolve, then the fuller LP (linearization level 2).

    The presolve removes the fixed pairs and the rules they settle, and little else: one pass, no
    probing, no symmetry, no SAT presolve, no merging of at-most-ones. The full presolve took 0.43 of
    a round's 0.5 s on Curtois 13; no presolve (the earlier rounds) left the LP built over the whole
    model. On the smaller model the fuller LP pays. The same 45 neighbourhoods (people; people and
    days; days) of one roster at 12 s, 0.5 s each, improvement per second of rounds against no
    presolve at level 1: Curtois 13 2094 against 1227 (14 rounds optimal against 8), 15 949 against
    720, 12 2170 against 1606 and 11 1827 against 1408 (all optimal, in 25-35 % less time). The light
    presolve at level 1 was worse than none (373 against 1606 on 12), and level 2 without presolve
    too (84 against 1227 on 13). Whole solves at 60 s on 2 workers (seeds 0, 1 and 2; the sizes
    adapt, so rounds still take their 0.5 s), against no presolve: 13 5035, 4530 and 4683 against
    4959 (5859 in another run), 5161 and 4542; 8 1437, 1428 and 1321 against 1618, 1432 and 1522;
    14 1322, 1307 and 1410 against 1549, 1303 and 1294; 12 4813, 4628 and 4621 against 4717, 4516
    and 4750; 15 5719, 5470 and 5634 against 5543, 5648 and 5352 (worse by 1.7 %); 17 6405 and 6742
    against 6722 and 6847; 9 446 and 11 3452 against 442 and 3450."""
    parameters.cp_model_presolve = True
    light_presolve(parameters)
    parameters.symmetry_level = 0
    parameters.presolve_probing_deterministic_time_limit = 0
    parameters.presolve_bve_threshold = -1
    parameters.presolve_blocked_clause = False
    parameters.presolve_use_bva = False
    parameters.presolve_inclusion_work_limit = 0
    parameters.cp_model_use_sat_presolve = False
    parameters.merge_at_most_one_work_limit = 0
    parameters.merge_no_overlap_work_limit = 0
    parameters.find_big_linear_overlap = False
    parameters.linearization_level = 2


def one_core(seconds: float, rng: random.Random) -> cp_model.CpSolver:
    """A solver for one round: one core, `seconds` long, the round's parameters."""
    cp = cp_model.CpSolver()
    cp.parameters.max_time_in_seconds = seconds
    cp.parameters.num_workers = 1
    cp.parameters.random_seed = rng.randrange(1 << 16)
    round_parameters(cp.parameters)
    return cp


@dataclass
class Kind:
    """One kind of neighbourhood: which share of the people and of the days it frees."""

    name: str
    people: float | None  # share of the people freed, None = all of them
    days: float | None  # share of the days freed (one stretch), None = every day
    sites: float | None = None  # share of the sites whose sessions are freed, None = every site
    rounds: int = 0
    wins: int = 0  # rounds that lowered the cost

    def chance(self) -> float:
        """How likely this kind is to be chosen: the share of its rounds that lowered the cost,
        smoothed so that a kind not yet tried, or unlucky so far, is still chosen now and then."""
        return (self.wins + 1) / (self.rounds + 2)

    def resize(self, factor: float) -> None:
        for share in ("people", "days", "sites"):
            if (value := getattr(self, share)) is not None:
                setattr(self, share, min(LARGEST, max(SMALLEST, value * factor)))


class Improver:
    """Large neighbourhood search on one Solver's model, from a complete solution of it."""

    def __init__(self, solver: Solver, seed: int = 0, workers: int = 2):
        self.solver = solver
        self.workers = max(1, workers)
        self.seed = seed
        problem = solver.problem
        days = problem.days()
        day_index = {d: i for i, d in enumerate(days)}
        dates = {r.id: r.date for r in problem.requirements}
        site_index = {name: i for i, name in enumerate(sorted({r.site for r in problem.requirements}))}
        places = {r.id: site_index[r.site] for r in problem.requirements}
        # (person, day, site, variable index) of every pair the model decides
        self._pairs = [(staff_id, day_index[dates[req_id]], places[req_id], var.index)
                       for (staff_id, req_id), var in solver.ctx.decided().items()]
        self._sites = len(site_index)
        self._pinned = Pinned(solver.ctx.model)
        self._indices = [index for *_, index in self._pairs]
        self._people = sorted({staff_id for staff_id, *_ in self._pairs})
        self._days = len(days)
        self._kinds = [Kind("people", START, None), Kind("days", None, 2 * START),
                       Kind("people and days", 3 * START, 4 * START)]
        if self._sites >= SITES_KIND_FROM:  # a plan of one site (a ward, every Curtois instance) has none
            self._kinds.append(Kind("sites", None, None, max(START, 1.5 / self._sites)))
        self._lock = threading.Lock()
        self._running: set[cp_model.CpSolver] = set()
        self.stopped = False  # cancel(), or the cost reached run()'s bound: no round starts
        self.rounds = 0
        self.stalled = 0  # rounds in a row, on all workers, that lowered nothing
        self.carries = 0  # attempts to carry a round's changes over to a newer solution
        self.carried = 0  # of which lowered the cost below the round's own
        self.setup: float | None = None  # seconds a round takes to reach its first solution

    def cancel(self) -> None:
        """Stop the rounds searching now (from any thread) and start no more."""
        with self._lock:
            self.stopped = True
            for cp in self._running:
                cp.stop_search()

    def run(self, values: list[int], cost: int, deadline: float,
            on_better: Callable[[int], None] | None = None,
            bound: float | None = None) -> tuple[list[int], int]:
        """Improve the solution `values` (one value per model variable, of cost `cost`) until the
        deadline (time.perf_counter()), cancel(), or the cost reaching `bound`, a lower bound of
        every solution's cost (the whole model's, StagedSolver._improve): nothing can beat a roster
        there. A library's month (75 people, 180 shifts) handed over at 2 s at a cost of 10 (or 5)
        against a bound of 4 had its roster of 4 within 0.5 s, and the rounds searched on to the
        30 s limit (seeds 0, 3 and 4); now it ends at 2.2 s. Returns the best solution and its cost."""
        best = {"values": values, "cost": cost}
        if not self._pairs or bound is not None and cost <= bound:
            return values, cost
        if self.setup is None and deadline - time.perf_counter() > 1.0:
            self._measure_setup(values, random.Random(self.seed))

        def work(worker: int) -> None:
            rng = random.Random(self.seed * 1009 + worker)
            while not self.stopped:
                left = deadline - time.perf_counter()
                if left < 0.05:
                    return
                with self._lock:
                    current, current_cost = best["values"], best["cost"]
                kind = self._choose(rng)
                found = self._round(kind, current, current_cost, min(left, self.round_seconds()), rng)
                if found is None:
                    continue
                new_values, new_cost = found
                for _ in range(CARRIES + 1):
                    with self._lock:
                        latest = best["values"]
                        moved = latest is not current
                        if not moved or self.stopped:
                            better = self._accept(best, kind, new_values, new_cost)
                            break
                    # another worker lowered the cost while this round searched: carry this
                    # round's changes over to its roster rather than lose one of the two
                    carried = self._carry(current, new_values, latest, deadline, rng)
                    if carried is None or carried[1] >= new_cost:
                        with self._lock:
                            better = self._accept(best, kind, new_values, new_cost)
                        break
                    with self._lock:
                        self.carried += 1
                    current = latest
                    new_values, new_cost = carried
                else:
                    with self._lock:
                        better = self._accept(best, kind, new_values, new_cost)
                if better is not None and on_better is not None:
                    on_better(better)
                if better is not None and bound is not None and better <= bound:
                    self.cancel()  # nothing can beat it: the other rounds stop

        threads = [threading.Thread(target=work, args=(w,), daemon=True) for w in range(self.workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return best["values"], best["cost"]

    def _accept(self, best: dict, kind: Kind, values: list[int], cost: int) -> int | None:
        """Make `values` the best solution when its cost is lower (under the lock); the new cost,
        or None."""
        if cost >= best["cost"]:
            return None
        best["values"], best["cost"] = values, cost
        kind.wins += 1
        self.stalled = 0
        return cost

    def _carry(self, base: list[int], found: list[int], latest: list[int], deadline: float,
               rng: random.Random) -> tuple[list[int], int] | None:
        """The pairs a round changed from `base` to `found`, applied to the newer solution `latest`,
        with every pair fixed and the rest of the model solved again (its penalties and totals
        follow the pairs); the solution and its exact cost, or None when the rules do not allow
        the two sets of changes together or the round changed nothing."""
        changes = [(index, found[index]) for index in self._indices if found[index] != base[index]]
        if not changes:
            return None
        merged = dict(zip(self._indices, (latest[index] for index in self._indices)))
        merged.update(changes)
        model = self._pinned.copy(merged.items())
        hint_every_variable(model, latest)
        cp = one_core(min(self.round_seconds(), max(0.05, deadline - time.perf_counter())), rng)
        status = self._search(model, cp)
        if status is None:
            return None
        with self._lock:
            self.carries += 1
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return list(cp.response_proto.solution), self.solver.cost(cp.value, cp.objective_value)

    def round_seconds(self) -> float:
        """How long a round may search: SETUP_TIMES its set-up (SHORTEST until that is measured),
        doubled for every STALLED_ROUNDS rounds in a row that lowered nothing."""
        seconds = SHORTEST if self.setup is None else min(LONGEST, max(SHORTEST, SETUP_TIMES * self.setup))
        doublings = min(8, self.stalled // STALLED_ROUNDS)  # 2**8 passes any cap; never an overflow
        return min(STALLED_LONGEST, seconds * 2 ** doublings)

    def _choose(self, rng: random.Random) -> Kind:
        """A kind of neighbourhood, the ones that have lowered the cost more often more likely.
        Measured on Curtois 12, 17-19 (60 s): stretches of days win in 30-70 % of their rounds,
        a few people over the whole plan in 2-25 %."""
        with self._lock:
            chances = [k.chance() for k in self._kinds]
        return rng.choices(self._kinds, weights=chances)[0]

    def _free(self, kind: Kind, rng: random.Random) -> Callable[[str, int, int], bool]:
        """Which (person, day, site) pairs the round decides."""
        sites: set[int] | None = None
        if kind.sites is not None:
            k = max(1, round(self._sites * kind.sites))
            sites = set(rng.sample(range(self._sites), min(k, self._sites)))
        people: set[str] | None = None
        if kind.people is not None:
            k = max(2, round(len(self._people) * kind.people))
            people = set(rng.sample(self._people, min(k, len(self._people))))
        first, last = 0, self._days
        if kind.days is not None:
            length = max(3, round(self._days * kind.days))
            first = rng.randrange(0, max(1, self._days - length + 1))
            last = first + length
        return lambda staff_id, day, site: ((people is None or staff_id in people) and first <= day < last
                                            and (sites is None or site in sites))

    def _neighbourhood(self, kind: Kind, values: list[int], rng: random.Random,
                       seconds: float) -> tuple[cp_model.CpModel, cp_model.CpSolver]:
        """The model with every pair outside a neighbourhood of this kind fixed to `values`,
        hinted with `values`, and a one-core solver for it."""
        free = self._free(kind, rng)
        model = self._pinned.copy((index, values[index]) for staff_id, day, site, index in self._pairs
                                  if not free(staff_id, day, site))
        hint_every_variable(model, values)
        return model, one_core(seconds, rng)

    def _search(self, model: cp_model.CpModel, cp: cp_model.CpSolver):
        """Solve `model` with `cp`, stopped by cancel(); CP-SAT's status, or None when stopped
        before the search began."""
        with self._lock:
            if self.stopped:
                return None
            self._running.add(cp)
        status = cp.solve(model)
        with self._lock:
            self._running.discard(cp)
        return status

    def _measure_setup(self, values: list[int], rng: random.Random) -> None:
        """Time a round of the first kind up to its first solution (the hint)."""
        started = time.perf_counter()
        model, cp = self._neighbourhood(self._kinds[0], values, rng, 5.0)
        cp.parameters.stop_after_first_solution = True
        if self._search(model, cp) is not None:
            self.setup = time.perf_counter() - started

    def _round(self, kind: Kind, values: list[int], cost: int, seconds: float,
               rng: random.Random) -> tuple[list[int], int] | None:
        """One neighbourhood of the solution `values` (of cost `cost`) re-solved; its solution
        and exact cost when CP-SAT's objective for it is below `cost`, else None."""
        model, cp = self._neighbourhood(kind, values, rng, seconds)
        status = self._search(model, cp)
        if status is None:
            return None
        with self._lock:
            self.rounds += 1
            self.stalled += 1  # back to 0 in run() when this round lowers the cost
            kind.rounds += 1
            kind.resize(GROW if status == cp_model.OPTIMAL else SHRINK)
        # CP-SAT's objective is at least the exact cost (solver.core.Solver.cost), so a round
        # whose objective is not below the current cost is not worth costing exactly
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE) or cp.objective_value >= cost:
            return None
        return list(cp.response_proto.solution), self.solver.cost(cp.value, cp.objective_value)
