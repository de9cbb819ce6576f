"""Solving a plan part by part, when one CP-SAT model is too big or finds no roster early.

On a model of hundreds of thousands of pairs CP-SAT spent its first minute in presolve:
Curtois Instance24 (150 staff × 364 days × 32 shifts, 1.1M variables) had no roster after 60 s,
and a 300-staff, 3-month plan found its first roster only after 35–50 s (with the light presolve
of solver.core, 40–55 s into a solve counted from the model's building). Smaller plans can be
hard in another way: when each person's own rules are tight, the whole model may find no roster
at all although each person alone solves in a tenth of a second (StagedSolver below).

`PartsSolver` never builds the whole model:

1. **First roster, group by group.** The staff are taken in groups, starting with one person
   and doubling while groups solve quickly; each group's model sees the groups before it as
   fixed assignments (they count towards each session's cover) and the groups after it not at all.
2. **Repair, then improvement until the time is up.** While some person's hard rules are broken
   (their group found nothing in its time), that person is re-planned alone. Then each round frees
   one part of the plan, either a few people over every day or more people over a stretch of
   days, keeps everything else as it is and re-solves that part, starting from the current roster
   (a complete hint, see `Solver.complete_hint`). The part's roster replaces the current one only
   when the evaluator finds it better on the whole plan.

Every part is an ordinary `Solver` on the same problem with a `Scope`, so every rule applies as
it does to the whole plan; the people outside a part enter only through their fixed assignments.
No part can prove optimality, nor bound the whole plan's cost: the result is "feasible", with no
bound (None) rather than the trivial 0, whose gap of 100 % would tell a coordinator nothing.

Measured and not kept: column generation over each person's schedule, for plans whose hard rules
are all per person (`people_alone`). Each person's model here, with the cover rules left out and
the cover's LP duals subtracted from its objective, priced a schedule: on Curtois Instance13 in
0.08 s (median; 0.2 s at most) to optimality, but a round over its 120 nurses took 2-8 s on 2
cores, and on Instance19 (random duals) 18 nurses of 20 were not priced to optimality in 10 s.
The master LP (GLOP) went from 71724 to 18469 in six rounds (32 s; the best known is 1348), and
started from the schedules of a 10 s roster it did not move below that roster (8317 and 10169,
with and without dual smoothing): within a minute on 2 cores this pricing is too slow to
converge. A redundant automaton over the worked days for the run rules made pricing slower, not
faster (Instance13: from 0.08 s to the 5 s limit).
"""

from __future__ import annotations

import itertools
import random
import threading
import time
from dataclasses import replace
from datetime import date
from typing import Callable, Iterable

from models.domain import Problem, Roster, RuleSetting, Staff
from models.i18n import t
from solver.context import Scope
from solver.core import Progress, SolveOptions, SolveResult, Solver, fewer_collections, gap_of, roster_of
from solver.eligibility import Screen
from solver.evaluate import as_solved, evaluate
from solver.greedy import first_roster
from solver.lns import Improver
from solver.rules import base
from solver.rules.base import Rule

# Above this many candidate pairs (active staff × sessions) the plan is solved in parts.
WHOLE_MODEL_PAIRS = 1_000_000
# Up to this many pairs in the whole model, StagedSolver builds the first roster in parts when the
# whole model has none early. Above it the first roster is greedy (solver.greedy, StagedSolver._big):
# on a 300-staff, 3-month hygienist plan (385k pairs, sessions needing several people and skills)
# the parts found no roster keeping every cover minimum in 60 s, and the whole model found one
# only 35-60 s into a 60 s solve (with its light presolve; in 2 runs of 3 in the pipeline benchmark).
STAGED_PAIRS = 100_000
# Of the time limit, at most, for a big plan's greedy first roster and its repair (solver.greedy).
GREEDY_SHARE = 0.5
# With cover hard and no roster from the whole model, the share of the time left that building one
# in parts may take; the rest goes to the plan with cover soft (StagedSolver._soft_cover), which
# needs at least SOFT_COVER_LEAST seconds, and says the first SHORT_SAID rules its roster breaks.
PARTS_SHARE = 0.5
SOFT_COVER_LEAST = 2.0
SHORT_SAID = 8
# About how many pairs one part decides: CP-SAT solves a model this size in a few seconds.
PART_PAIRS = 30_000
# Side by side, the share of an even split of the time each person spends bettering their own
# schedule after their first one (see _construct_side_by_side). Curtois Instance20 (50 nurses,
# 26 weeks) built side by side, then improved by solver.lns to 60 s, one run each: each person
# stopping at their first schedule built 146985 in 3 s and ended at 57510; bettering it for
# up to 0.3 s built 47400 in 9 s, ended at 24284; up to 1 s built 31104 and 30545 in 17 s, ended at
# 20502 and 19680. In the product at 60 s, with this share: 20 21710 and 20674 (two seeds;
# built in groups and improved hinted: 24490 and 52272), 21 49421 (58027), 22 204814 (275011),
# 23 396097 (558670). Bettering only with what the parts' own cost leaves of the share, all 150
# nurses of Instance24 were placed within 60 s in two runs of three (a roster of 1474985; before,
# 105-138 and no roster; building each nurse's part and finding a first schedule take about 0.8
# CPU-seconds, so 150 of them nearly fill 2 cores for 60 s), with 20 21547, 21 50300, 22 207423,
# 23 411122.
OWN_SCHEDULE_SHARE = 0.5
# The same share when solver.lns improves the whole roster afterwards (StagedSolver): rounds on the
# whole model better a roster faster than each person alone against those placed before. Curtois
# Instance20 in the product at 60 s, seeds 0-4, 0.2 against 0.5: 15749, 16781, 16943, 19156 and
# 18342 against 17706, 17474, 17647, 16984 and 21126 (median 16943 against 17647); 0.1 gave 15048
# and 20425 (seeds 0 and 1), 0.0 18991 and 18363, 0.8 20720 and 22248.
OWN_SCHEDULE_SHARE_BEFORE_LNS = 0.2
# Side by side, each person's first schedule is chosen among this many sessions a day, those with
# the most cover still wanted (Scope.per_day); a person who finds none is tried again with all.
# A Curtois Instance24 nurse (32 shifts a day) built and found a first schedule in 0.08 + 0.05 s
# instead of 0.26 + 0.28 s (medians of 10), so all 150 were placed within the 60 s (before: about
# 80), and 22 and 23 had time left to improve: at 60 s, 22 135655 against 247727, 23 101626
# against 417911, 24 280125 against no roster (one run each, back to back); 20 and 21 (6 and 8
# shifts) within the runs' spread. With 3 a day, 10 nurses each of 22-24 found a first schedule in
# 3 s 25 times of 30 (all 30 with 4): fewer choices make a schedule harder to find, not impossible.
FIRST_SCHEDULE_PER_DAY = 4
# Hard rules that link people within a session: a part holds only some of the people, so in a
# part they are soft, at this weight at least; the whole plan is still scored with them hard.
LINKING_RULES = ("cover_min", "required_skills")
LINKING_WEIGHT = 10_000


def candidate_pairs(problem: Problem) -> int:
    """The model size before eligibility: active staff × sessions (an upper bound on the pairs)."""
    return len(problem.active_staff()) * len(problem.requirements)


def too_big_for_one_model(problem: Problem) -> bool:
    """Whether the plan is solved in parts (PartsSolver) rather than as one model: when it is
    too big for one, or big and every person can be planned alone (`people_alone`): the whole
    model of Curtois Instance22 (50 nurses × 364 days, 182k pairs) found no roster in 60 s,
    its nurses one by one in 20 s."""
    pairs = candidate_pairs(problem)
    return pairs > WHOLE_MODEL_PAIRS or pairs > STAGED_PAIRS and people_alone(problem)


def is_hard_rule(problem: Problem, rule_id: str) -> bool:
    """Whether the plan's setting of the rule is enabled and hard."""
    from solver.rules import rule  # local: the rule modules import the solver core

    chosen = base.setting(problem, rule(rule_id).info)
    return chosen.enabled and chosen.hard


def people_alone(problem: Problem) -> bool:
    """Whether every hard rule concerns one person at a time: no session has a hard minimum or
    maximum of staff and none needs skills, so that one person's schedule never makes another's
    impossible (Curtois: cover is soft). Then a first roster can be built one person at a time."""
    links = {rule_id: is_hard_rule(problem, rule_id) for rule_id in ("cover_min", "cover_max", "required_skills")}
    for req in problem.requirements:
        if (req.min_staff > 0 and links["cover_min"] or req.max_staff is not None and links["cover_max"]
                or (req.required_skills or req.skill_caps) and links["required_skills"]):
            return False
    return True


class PartsSolver:
    """The Solver interface (`solve`, `cancel`) for plans solved part by part."""

    def __init__(self, problem: Problem, options: SolveOptions | None = None,
                 rules: Iterable[Rule] | None = None, improve: bool = True, construct_share: float = 0.6,
                 side_by_side: bool = True, own_share: float = OWN_SCHEDULE_SHARE):
        self.problem = problem
        self.improve = improve  # False: stop after the first roster (solver.core polishes it whole)
        self.construct_share = construct_share  # of the time limit, at most, for the first roster
        # whether a first roster may be built one person at a time on each core (see _construct)
        self.side_by_side = side_by_side
        self.built_side_by_side = False  # whether _construct took that way (StagedSolver asks)
        self.own_share = own_share  # side by side, see OWN_SCHEDULE_SHARE
        self.options = options or SolveOptions()
        self.rules = None if rules is None else list(rules)
        self.cancelled = False
        self._lock = threading.Lock()
        self._parts: set[Solver] = set()  # the parts being solved now, to cancel
        self._rng = random.Random(self.options.seed)
        self.part_pairs = PART_PAIRS / 4  # the improvement parts' size, adapted as they solve
        # the problem as scored: cover_min soft when the caller asked for a partial roster
        self._scored = as_solved(problem, self.options.soft_cover)
        self._part_rules = self._linking_soft()
        self._days = problem.days()
        per_person_day = max(1.0, len(problem.requirements) / max(1, len(self._days)))
        self._per_person = per_person_day * len(self._days)  # pairs one person adds to a part
        self._per_day = per_person_day

    # -- the Solver interface ---------------------------------------------------------------
    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            for part in self._parts:
                part.cancel()

    def solve(self, on_progress: Callable[[Progress], None] | None = None) -> SolveResult:
        with fewer_collections():
            return self._solve(on_progress)

    def _solve(self, on_progress: Callable[[Progress], None] | None) -> SolveResult:
        started = time.perf_counter()
        deadline = started + float(self.options.time_limit)
        staff = self.problem.active_staff()
        current = self._start()
        score, breaking = self._score(current)
        solutions = 0

        def report() -> None:
            nonlocal solutions
            solutions += 1
            if on_progress is not None and score[0] == 0:
                on_progress(Progress(float(score[1]), None, None, time.perf_counter() - started, solutions))

        # 1. first roster, group by group (a hinted start is already a roster)
        if self.options.hint is None:
            current = self._construct(staff, current, started + self.construct_share * self.options.time_limit,
                                      deadline)
            score, breaking = self._score(current)
            report()
        # 2. improvement rounds until the time is up
        while self.improve and not self._stopped(deadline):
            remaining = deadline - time.perf_counter()
            if breaking:
                # repair first: a person whose own hard rules are broken, re-planned over every day
                members, days = [self._rng.choice(breaking)], None
                seconds = min(remaining, max(2.0, remaining / 4))
            else:
                members, days = self._neighbourhood(staff)
                seconds = min(remaining, max(1.0, remaining / 8))
            problem = self._with_active({s.id for s in members})
            scope = Scope(frozenset(current), None if days is None else frozenset(days))
            roster, first_found = self._solve_part(problem, scope, current, seconds, complete=not breaking)
            if not breaking:
                self._resize(roster is not None, first_found, seconds)
            if roster is None:
                continue
            new_score, new_breaking = self._score(roster)
            if new_score < score:
                current, score, breaking = roster, new_score, new_breaking
                report()
        return self._result(current, score, time.perf_counter() - started)

    # -- the parts ---------------------------------------------------------------------------
    def _start(self) -> set[tuple[str, str]]:
        """The hint (when given) or the locked assignments: what the first roster builds on. Of the hint,
        the pairs the plan still allows: a published roster hinted after a late × (a polling office's
        person fallen ill) broke a hard rule, and with cover soft no roster came at all, where leaving
        that one place empty was one."""
        pairs = set() if self.options.hint is None else set(self.options.hint.pairs())
        if pairs:
            screen = Screen(self.problem, self.rules, self.options.soft_cover)
            staff = {s.id: s for s in self.problem.active_staff()}
            pairs = {(s, r) for s, r in pairs if s in staff and self.problem.has_requirement(r)
                     and screen.eligible(staff[s], self.problem.requirement(r))}
        pairs |= {(a.staff_id, a.requirement_id) for a in self.problem.locked}
        known = {s.id for s in self.problem.active_staff()}
        return {(s, r) for s, r in pairs if s in known and self.problem.has_requirement(r)}

    def _construct(self, staff: list[Staff], current: set[tuple[str, str]],
                   deadline: float, last: float) -> set[tuple[str, str]]:
        """The first roster, by `deadline`: person by person side by side when no hard rule
        links people (see `people_alone`), else group by group. Side by side, each person takes
        only the time to a first schedule of their own, so the construction may run on to
        `last` (the time limit) when it needs to: a roster missing people is no roster."""
        if self.side_by_side and self.options.threads() > 1 and people_alone(self._scored):
            self.built_side_by_side = True
            return self._construct_side_by_side(staff, current, last)
        return self._construct_in_groups(staff, current, deadline)

    def _construct_side_by_side(self, staff: list[Staff], current: set[tuple[str, str]],
                                deadline: float) -> set[tuple[str, str]]:
        """The first roster, one person at a time on each core: each part is one person on one
        worker, seeing everyone placed so far (for cover). Two people solved at once may both
        take the same gap in cover, which only costs (no hard rule links them, see `people_alone`).
        A person whose part finds nothing is tried once more at the end; measured on Curtois
        Instance22 (50 nurses × 364 days), one nurse alone takes 0.3-1.9 s on one worker."""
        queue = list(staff)
        retried: set[str] = set()
        current = set(current)
        # How long each person may better their own schedule against the cover of those placed
        # before them: `own_share` (OWN_SCHEDULE_SHARE) of what their even share of the time
        # leaves over once their part is built and has a first schedule (`overhead`, measured as
        # the parts come back), and never more than that share of an even split of the whole time
        # (fixed now: a share of what is left per person waiting grew as the queue shrank, and the
        # last nurses of Curtois Instance20 took 3-8 s each for little). Everyone placed comes first: on
        # Curtois Instance24 (150 nurses × 364 days) the parts' own cost alone nearly fills the time.
        even = max(0.2, (deadline - time.perf_counter()) * self.options.threads() / max(1, len(queue)))
        overheads: list[float] = []

        def work() -> None:
            nonlocal current
            while not self._stopped(deadline):
                with self._lock:
                    if not queue:
                        return
                    person = queue.pop(0)
                    placed = frozenset(current)
                    waiting = len(queue) + 1
                    overhead = sum(overheads) / len(overheads) if overheads else 0.0
                started = time.perf_counter()
                left = deadline - started
                share = left * self.options.threads() / waiting  # an even share of what is left
                own = self.own_share * max(0.0, min(even, share - overhead))
                problem = self._with_active({person.id})
                # a first schedule soon, from the sessions most wanted each day; every session
                # when that found nothing. The rest of the time improves the whole roster.
                per_day = None if person.id in retried else FIRST_SCHEDULE_PER_DAY
                roster, _ = self._solve_part(problem, Scope(placed, per_day=per_day), set(placed),
                                             min(left, 2 * max(0.2, share)), enough_at=own, workers=1)
                with self._lock:
                    if roster is None:
                        if person.id not in retried:
                            retried.add(person.id)
                            queue.append(person)
                        continue
                    overheads.append(max(0.0, time.perf_counter() - started - own))
                    mine = {pair for pair in roster if pair[0] == person.id}
                    current = {pair for pair in current if pair[0] != person.id} | mine

        threads = [threading.Thread(target=work, daemon=True) for _ in range(self.options.threads())]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return current

    def _construct_in_groups(self, staff: list[Staff], current: set[tuple[str, str]],
                             deadline: float) -> set[tuple[str, str]]:
        """The first roster, group by group. Groups start at one person and double while a group's
        model solves quickly; a group that finds nothing in its time is split in two. (People's own
        rules are what makes a model slow: alone, a Curtois Instance20 nurse solves in 0.1 s;
        ten of them together find no roster in 20 s, although nothing but cover links them.)"""
        size, at, retried = 1, 0, set()
        staff = list(staff)
        while at < len(staff) and not self._stopped(deadline):
            group = staff[at:at + size]
            # half of an even share: a slow group leaves time for the rest, and what is left over
            # goes to improving the roster
            left = deadline - time.perf_counter()
            share = max(0.2, 0.5 * left * len(group) / (len(staff) - at))
            problem = self._with_active({s.id for s in group})
            # the part stops at its share when it has a roster, else at its first roster within
            # a few shares: a late roster for this group beats coming back to it at the end
            roster, first_found = self._solve_part(problem, Scope(frozenset(current)), current,
                                                   min(left, 4 * share), enough_at=share)
            if roster is None:
                if size == 1:
                    if group[0].id in retried:
                        at += 1  # this person stays unplaced: the roster will show what is missing
                    else:
                        retried.add(group[0].id)  # once more at the end, with the time left then
                        staff = staff[:at] + staff[at + 1:] + [group[0]]
                size = max(1, size // 2)
                continue
            current, at = roster, at + len(group)
            quick = first_found is not None and first_found < 0.5 * share
            if quick and size * 2 * self._per_person <= PART_PAIRS:
                size *= 2
        return current

    def _neighbourhood(self, staff: list[Staff]) -> tuple[list[Staff], list[date] | None]:
        """A part to re-solve: a few people over the whole plan, or more people over some days;
        about `self.part_pairs` pairs either way."""
        whole = max(1, int(self.part_pairs // self._per_person))
        if whole >= len(staff) or self._rng.random() < 0.5:
            return self._rng.sample(staff, min(len(staff), max(2, whole))), None
        people = self._rng.sample(staff, min(len(staff), max(2, whole * 4)))
        span = max(3, int(self.part_pairs // (self._per_day * len(people))))
        span = min(span, len(self._days))
        first = self._rng.randrange(0, len(self._days) - span + 1)
        return people, self._days[first:first + span]

    def _resize(self, found: bool, first_found: float | None, seconds: float) -> None:
        """Grow parts that find a roster within a quarter of their time, shrink parts that find nothing."""
        if not found:
            self.part_pairs = max(self._per_day * 2, self.part_pairs / 2)
        elif first_found is not None and first_found < 0.25 * seconds:
            self.part_pairs = min(PART_PAIRS, self.part_pairs * 1.5)

    def _with_active(self, ids: set[str]) -> Problem:
        """The problem with only these people active (the others count through fixed pairs), and
        the rules linking people soft (one person alone cannot staff a session that needs three)."""
        return self.problem.with_(staff=[s if s.id in ids or not s.active else replace(s, active=False)
                                         for s in self.problem.staff],
                                  locked=[a for a in self.problem.locked if a.staff_id in ids],
                                  rules=self._part_rules)

    def _linking_soft(self) -> dict[str, RuleSetting]:
        from solver.rules import rule  # local: the rule modules import the solver core

        rules = dict(self.problem.rules)
        for rule_id in LINKING_RULES:
            chosen = base.setting(self.problem, rule(rule_id).info)
            if chosen.enabled and chosen.hard:
                rules[rule_id] = replace(chosen, hard=False, weight=max(chosen.weight, LINKING_WEIGHT))
        return rules

    def _solve_part(self, problem: Problem, scope: Scope, current: set[tuple[str, str]],
                    seconds: float, complete: bool = False, enough_at: float | None = None,
                    workers: int | None = None) -> tuple[set[tuple[str, str]] | None, float | None]:
        """The part's roster (None when it found none) and when it found its first one (s).
        Cover minimums are soft through the part's rules (see _with_active). With `enough_at`
        (a part of the first roster) the search is the quick one and stops at its first roster
        after that many seconds (Solver.solve)."""
        # the hint names the pairs the part decides (its active people's): none for people not
        # placed yet, and no hint at all then, rather than one of zeros
        active = {s.id for s in problem.active_staff()}
        own = sorted(pair for pair in current if pair[0] in active)
        options = replace(self.options, time_limit=seconds, hint=Roster.from_pairs(own) if own else None,
                          seed=self._rng.randrange(1 << 30), explain=False, quick=enough_at is not None)
        if workers is not None:
            options = replace(options, workers=workers)
        with self._lock:
            if self.cancelled:
                return None, None
        part = Solver(problem, options, self.rules, scope=scope, pairs_only=True)
        with self._lock:
            if self.cancelled:
                return None, None
            self._parts.add(part)
        if complete:
            part.complete_hint(seconds / 4)  # the current roster as the part's first solution
        firsts: list[float] = []
        result = part.solve(lambda progress: firsts.append(progress.elapsed), enough_at=enough_at)
        with self._lock:
            self._parts.discard(part)
        first_found = firsts[0] if firsts else None
        return result.pairs, first_found

    def _score(self, pairs: set[tuple[str, str]]) -> tuple[tuple[int, int], list[Staff]]:
        """(hard violations, objective) on the whole plan, lower is better; and the people the
        hard violations name, for the next rounds to repair."""
        checked = evaluate(self._scored, Roster.from_pairs(sorted(pairs)))
        hard = checked.hard_violations
        named = {v.staff_id for v in hard if v.staff_id}
        return (len(hard), checked.objective), [s for s in self.problem.active_staff() if s.id in named]

    def _stopped(self, deadline: float) -> bool:
        return self.cancelled or time.perf_counter() >= deadline

    def _result(self, pairs: set[tuple[str, str]], score: tuple[int, int], elapsed: float) -> SolveResult:
        if score[0]:
            # no roster keeping every hard rule was found in the time: nothing to report as one
            return SolveResult.nothing(elapsed, self.cancelled)
        roster = roster_of(self.problem, sorted(pairs))
        return SolveResult("feasible", roster, score[1], None, None, elapsed, self.cancelled)


def numbered(on_progress: Callable[[Progress], None] | None) -> Callable[[Progress], None] | None:
    """`on_progress` with the rosters counted over every stage of a solve (each stage counts its
    own from 1: the progress lines went 解 1, 2, 3, then 解 1 again)."""
    if on_progress is None:
        return None
    seen = itertools.count(1)
    lock = threading.Lock()

    def forward(progress: Progress) -> None:
        with lock:
            n = next(seen)
        on_progress(replace(progress, solutions=n))

    return forward


class StagedSolver:
    """One CP-SAT model for the whole plan, with a way out when it finds no roster early.

    Some plans are easy to optimise but hard to satisfy at all: when every person's own rules are
    tight (Curtois Instance20: 115–117 shifts in 182 days, runs of 2–5, weekends capped), the
    whole model found no roster in 60 s while each person alone solves in 0.1 s. So when the whole
    model has no roster after FIRST_ROSTER_SHARE of the time, the first roster is built part by part
    (PartsSolver), and the whole model then improves it for the time that is left: by solver.lns
    when each person could be planned alone (built side by side), else hinted.

    When the whole model's roster is still more than core.hand_over_gap() from its bound after
    HAND_OVER_SHARE of its time, the search stops and solver.lns improves the roster for the rest,
    re-solving a few people or a stretch of days at a time: on 2 cores CP-SAT keeps one for its
    LP and searches its neighbourhoods on the other only. The bound stays the whole model's.

    A model of more than STAGED_PAIRS pairs starts from a greedy roster instead (`_big`).
    """

    FIRST_ROSTER_SHARE = 0.15  # of the time limit, for the whole model to find a roster alone
    # The same with cover hard in the plan (a coordinator's, with or without --soft-cover; not Curtois'): the parts
    # then must meet every session's minimum group by group, and fail first where cover is tight. A
    # polling office's fortnight (116 staff, 335 sessions needing 523 people, 3 days each) has its
    # whole model's first roster 6.1-8.0 s into a solve (seeds 0-2, 2 workers), optimal by 18 s:
    # at 0.15 of 30 s it gave up at 4.5 s, the parts failed by 18 s and cover made soft left 69
    # sessions short, "no roster".
    FIRST_ROSTER_SHARE_COVER_HARD = 0.4
    # of the time limit, after which a roster still far from its bound is improved by solver.lns.
    # Curtois 8 and 11-19 at 60 s, one run each back to back, 0.2 against 0.4: 8 1426/1432,
    # 11 3648/3554, 12 4812/5008, 13 4867/5117, 14 1297/1395, 15 5135/5712, 16 3539/3525,
    # 17 6811/6722, 18 5398/5822, 19 5180/5396 (sum 41993 against 43873); 0.1 gave 13 5231, 19 4868.
    # 0.05 against 0.2 (a big model then handing over its first roster when it has none at 3 s),
    # medians of seeds 0-2 at 60 s on 2 workers: 12 4818/4923, 18 5622/5919, 19 4553/5128, but
    # 13 5440/5327, 16 3639/3547, 17 6505/6417, 15 5614/5653, and 8 1757/1620 (seed 0): not kept.
    HAND_OVER_SHARE = 0.2

    def __init__(self, problem: Problem, options: SolveOptions | None = None,
                 rules: Iterable[Rule] | None = None):
        self.problem = problem
        self.options = options or SolveOptions()
        self.rules = None if rules is None else list(rules)
        self.cancelled = False
        self._lock = threading.Lock()
        self._stage: Solver | PartsSolver | Improver | None = None
        self.used_parts = False  # whether the first roster had to be built in parts
        self.used_lns = False  # whether solver.lns improved the whole model's roster
        self.used_greedy = False  # whether a big plan's first roster was built greedily (solver.greedy)

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._stage is not None:
                self._stage.cancel()

    def _run(self, stage: Solver | PartsSolver, on_progress: Callable[[Progress], None] | None,
             offset: float, **kwargs) -> SolveResult | None:
        with self._lock:
            if self.cancelled:
                return None
            self._stage = stage
        relay = None if on_progress is None else (
            lambda p: on_progress(replace(p, elapsed=p.elapsed + offset)))
        result = stage.solve(relay, **kwargs)
        with self._lock:
            self._stage = None
        return result

    def solve(self, on_progress: Callable[[Progress], None] | None = None) -> SolveResult:
        with fewer_collections():
            return self._solve(numbered(on_progress))

    def _solve(self, on_progress: Callable[[Progress], None] | None) -> SolveResult:
        started = time.perf_counter()
        limit = float(self.options.time_limit)
        whole = Solver(self.problem, self.options, self.rules)
        # the time limit is the whole solve's, building the model included (a 300-staff, 3-month
        # plan took 14-18 s to build, and its solve 78 s for a limit of 60)
        building = time.perf_counter() - started
        whole.options = replace(whole.options, time_limit=max(0.1, limit - building))
        if len(whole.ctx.decided()) > STAGED_PAIRS:
            return self._finish(self._big(whole, started, on_progress), started)
        # a coordinator's plan (its cover hard, though --soft-cover relaxes it for this solve), not Curtois': with
        # --soft-cover the polling office's fortnight had its first roster from the parts at 23 s, 3-20 sessions short
        planned = self._cover_asked()
        share = self.FIRST_ROSTER_SHARE_COVER_HARD if planned else self.FIRST_ROSTER_SHARE
        # nor is its roster handed to solver.lns: with --soft-cover it took that fortnight's first roster (255 960, at
        # 6 s) to 128 842 by 30 s, where the whole model went on to 1 (seed 1, two runs); the library's month the
        # whole model proves optimal in 3-4 s
        first = self._run(whole, on_progress, building, first_roster_within=share * limit,
                          hand_over_at=None if planned else self.HAND_OVER_SHARE * limit)
        if first is not None and whole.handed_over and first.roster is not None:
            return self._finish(self._improve(whole, first, started, on_progress), started)
        if first is None or first.roster is not None or first.status != "unknown" or whole.cancelled:
            return self._finish(first or SolveResult.nothing(), started)
        # no roster from the whole model yet: build one in parts, then improve it on the whole model
        left = limit - (time.perf_counter() - started)
        self.used_parts = True
        fallback = self._cover_is_hard()
        build = PartsSolver(self.problem, replace(self.options, time_limit=left * (PARTS_SHARE if fallback else 1.0)),
                            self.rules, improve=False, construct_share=1.0, own_share=OWN_SCHEDULE_SHARE_BEFORE_LNS)
        built = self._run(build, on_progress, time.perf_counter() - started)
        if (built is None or built.roster is None) and fallback and not self.cancelled:
            return self._finish(self._soft_cover(first, started, on_progress), started)
        if built is None or built.roster is None:
            return self._finish(built or first, started)
        if build.built_side_by_side:
            # built side by side, improved by solver.lns straight away: on Curtois Instance20 the
            # whole model hinted with the roster bettered it by 3 % in its last 11 s (25245 to
            # 24490), solver.lns by 23 % in 27 s (31718 to 24515)
            return self._finish(self._improve(whole, built, started, on_progress), started)
        left = limit - (time.perf_counter() - started)
        if left <= 0.5:
            return self._finish(built, started)
        hinted = Solver(self.problem, replace(self.options, time_limit=left, hint=built.roster), self.rules)
        hinted.complete_hint(left / 4)
        left = limit - (time.perf_counter() - started)
        if left <= 0.5:
            return self._finish(built, started)
        hinted.options = replace(hinted.options, time_limit=left)
        final = self._run(hinted, on_progress, time.perf_counter() - started,
                          hand_over_at=self.HAND_OVER_SHARE * left)
        if final is None or final.roster is None or (final.objective or 0) > (built.objective or 0):
            return self._finish(built, started)
        if hinted.handed_over:
            final = self._improve(hinted, final, started, on_progress)
        return self._finish(final, started)

    def _cover_asked(self) -> bool:
        """Whether the plan itself asks for cover, hard: sessions with a 必要人数 or 必要スキル under hard cover rules,
        whatever this solve's --soft-cover. Curtois' cover is all 目標人数 (its minimums 0), its plans built in parts."""
        return any(is_hard_rule(self.problem, rule_id) for rule_id in base.SOFT_COVER) and any(
            r.min_staff > 0 or r.required_skills for r in self.problem.requirements)

    def _cover_is_hard(self) -> bool:
        """Whether cover is a hard rule of this solve (not --soft-cover, not Curtois' soft cover)."""
        return not self.options.soft_cover and any(is_hard_rule(self.problem, rule_id) for rule_id in base.SOFT_COVER)

    def _soft_cover(self, first: SolveResult, started: float,
                    on_progress: Callable[[Progress], None] | None) -> SolveResult:
        """No roster keeping every hard rule yet, neither whole nor in parts: the rest of the time
        goes to the same plan with cover soft, from a greedy roster (solver.greedy builds one of
        those at once). A roster it finds with no session short keeps every hard rule: it is the
        answer. Otherwise the answer stays "no roster", and says which sessions the best partial
        roster leaves short. A city library's month (40 people, 350 shifts, pay caps, weekly days,
        full-timers at their branch) had no roster from the whole model in 9 s nor in parts in
        39 s, where cover made soft found one with nobody short."""
        if self.options.explain:
            # a certain cause (solver.precheck) makes it no roster at all: 7 evening visits at once for
            # 6 helpers who may take them was told as "not found in time, try a longer time limit"
            from solver.precheck import precheck  # local: the pre-checks read the capacity module

            certain = precheck(self.problem, self.rules, self.options.soft_cover)
            if certain:
                return replace(first, status="infeasible", explanation=certain)
        left = float(self.options.time_limit) - (time.perf_counter() - started)
        if left < SOFT_COVER_LEAST:
            return first
        soft = Solver(self.problem, replace(self.options, soft_cover=True, time_limit=left), self.rules)
        pairs = first_roster(soft, as_solved(self.problem, True), time.perf_counter() + left * GREEDY_SHARE / 2)
        left = float(self.options.time_limit) - (time.perf_counter() - started)
        if pairs is not None:
            soft = Solver(self.problem, replace(self.options, soft_cover=True, time_limit=left,
                                                hint=roster_of(self.problem, sorted(pairs))), self.rules)
            soft.complete_hint(left / 4)
            soft.options = replace(soft.options, time_limit=max(0.1, float(self.options.time_limit)
                                                                  - (time.perf_counter() - started)))
        # its rosters leave sessions short: said as partial, not as solutions of the plan
        partial = None if on_progress is None else (lambda p: on_progress(replace(p, partial=True)))
        found = self._run(soft, partial, time.perf_counter() - started)
        if found is None or found.roster is None:
            return first
        judged = evaluate(self.problem, found.roster)
        if not judged.hard_violations:  # cover soft relaxes cover hard: its bound holds for both
            bound = None if found.bound is None else min(float(judged.objective), found.bound)
            return replace(found, objective=judged.objective, bound=bound,
                           gap=None if bound is None else gap_of(judged.objective, bound), status="feasible")
        short = [v.message for v in judged.hard_violations][:SHORT_SAID]
        more = len(judged.hard_violations) - len(short)
        # not a proof that none exists: a voting office's plan had none in 30 s on 1 worker, and its
        # optimum in 6 s on 2; "守れません" had read as "impossible"
        explanation = [t("制限時間内に、必須ルールをすべて満たす配置は見つかりませんでした（時間を延ばせば見つかることも"
                         "あります）。人数不足を許して作った最善の配置では、次の点が足りません:",
                         "No roster keeping every hard rule was found in time (more time "
                         "may find one); the best roster with cover made soft falls short here:"), *short]
        if more:
            explanation.append(t("ほか {n} 件", "and {n} more", n=more))
        return replace(first, explanation=explanation)

    def _big(self, whole: Solver, started: float,
             on_progress: Callable[[Progress], None] | None) -> SolveResult:
        """A big plan: a greedy first roster (solver.greedy) from the whole model's pairs, then
        improved part by part (PartsSolver) for the time that is left; the whole model alone when
        the greedy roster cannot be mended. The 300-staff, 3-month plan of the pipeline benchmark:
        the whole model alone had its first roster 35-60 s into a 60 s solve (none in 1 run of 3)
        and ended at 8164-8252 (bound 148-270). The greedy roster keeps every hard rule and comes
        1.5 s after the model's 9-16 s build: 4277 filling without the people's wishes, 1786 with
        them (`Wish`). Improved from there to 60 s by the whole model hinted with it (complete hint,
        one run): 4073 from a greedy roster of 4080; part by part (kept) 3080-3367 from 4277, 1673
        from 1786."""
        limit = float(self.options.time_limit)
        scored = as_solved(self.problem, self.options.soft_cover)
        pairs = None
        if self.options.hint is None and not self.cancelled:
            pairs = first_roster(whole, scored, started + GREEDY_SHARE * limit)
        if pairs is None:
            return self._run(whole, on_progress, time.perf_counter() - started) or SolveResult.nothing()
        self.used_greedy = True
        roster = roster_of(self.problem, sorted(pairs))
        objective = evaluate(scored, roster).objective
        elapsed = time.perf_counter() - started
        greedy = SolveResult("feasible", roster, objective, None, None, elapsed, self.cancelled)
        if on_progress is not None:
            on_progress(Progress(float(objective), None, None, elapsed, 1))
        left = limit - elapsed
        if left <= 1.0 or self.cancelled:
            return greedy
        parts = PartsSolver(self.problem, replace(self.options, time_limit=left, hint=roster), self.rules)
        better = self._run(parts, on_progress, time.perf_counter() - started)
        if better is None or better.roster is None or better.objective is None or better.objective > objective:
            return greedy
        return better

    def _improve(self, whole: Solver, result: SolveResult, started: float,
                 on_progress: Callable[[Progress], None] | None) -> SolveResult:
        """The whole model's roster improved by solver.lns until the time is up, or until its cost
        reaches the bound: the bound is the whole model's, and no roster of the plan costs less."""
        deadline = started + float(self.options.time_limit)
        assert result.roster is not None and result.objective is not None
        values = whole.complete_values(result.roster.pairs(), max(0.5, deadline - time.perf_counter()))
        improver = Improver(whole, self.options.seed, self.options.threads())
        with self._lock:
            if self.cancelled or values is None:
                return result
            self._stage = improver
        self.used_lns = True
        bound = result.bound  # None after a first roster built in parts
        solutions = 0

        def gap(cost: int) -> float | None:
            return None if bound is None else gap_of(cost, bound)

        def better(cost: int) -> None:
            nonlocal solutions
            solutions += 1
            if on_progress is not None:
                on_progress(Progress(float(cost), bound, gap(cost), time.perf_counter() - started, solutions))

        values, cost = improver.run(values, result.objective, deadline, better, bound)
        with self._lock:
            self._stage = None
        if cost >= result.objective:
            return result
        return replace(result, roster=roster_of(self.problem, whole.ctx.pairs_in(values)), objective=cost,
                       gap=gap(cost), status="feasible")

    def _finish(self, result: SolveResult, started: float) -> SolveResult:
        """The result with the whole solve's time and, when its roster's cost has reached its bound,
        status "optimal": every bound a stage gives is a lower bound of the plan (the whole model's,
        or with cover soft a relaxation's, see _soft_cover); a roster built in parts has no bound
        (None) and stays "feasible". A library's month improved by solver.lns to its bound had said
        実行可能解 (最適性は未証明) with 評価値 4、下界 4、ギャップ 0.0%."""
        if result.status == "feasible" and result.bound is not None and result.objective is not None \
                and result.objective <= result.bound:
            result = replace(result, status="optimal")
        return replace(result, elapsed=time.perf_counter() - started, cancelled=self.cancelled)
