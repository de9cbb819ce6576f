"""A small harness for testing one rule module alone, before it is registered: build a Context
with just that rule, fix a roster, solve, and compare with the rule's own `check()`."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, Iterable

from ortools.sat.python import cp_model

from models.domain import Mark, Problem, Requirement, Roster, RuleSetting, Site, Staff
from solver.context import Context

START = date(2024, 1, 1)  # a Monday
Shift = tuple[str, int, int]  # activity, start, end (minutes)
DAY_SHIFT: Shift = ("D", 9 * 60, 17 * 60)


def make_problem(
    days: int = 7,
    staff: Iterable[Staff] = (Staff("A", "Aoki"),),
    shifts: Iterable[Shift] = (DAY_SHIFT,),
    rules: dict[str, RuleSetting] | None = None,
    start: date = START,
    **changes: Any,
) -> Problem:
    """A one-site problem with every shift on every day and everyone available."""
    reqs = [
        Requirement(Requirement.make_id(start + timedelta(i), "Ward", act, s), start + timedelta(i),
                    "Ward", act, s, e, 0)
        for i in range(days)
        for act, s, e in shifts
    ]
    return Problem(
        "test", start, start + timedelta(days - 1), staff=list(staff), sites=[Site("Ward")],
        requirements=reqs, blank_means=Mark.AVAILABLE, rules=rules or {}, **changes,
    )


def worked_the_eve(problem: Problem, staff_id: str, shift: Shift) -> Problem:
    """`problem` with `staff_id` having worked `shift` on the day before it (Problem.history_sessions,
    as carried in from last month's roster)."""
    eve = problem.start - timedelta(days=1)
    activity, start, end = shift
    session = Requirement(Requirement.make_id(eve, "Ward", activity, start), eve, "Ward", activity, start, end, 1)
    return problem.with_(history_sessions={staff_id: (session,)})


def req_id(problem: Problem, day: int, activity: str = "D") -> str:
    """The id of the session of `activity` on plan day `day` (0-based)."""
    when = problem.start + timedelta(day)
    return next(r.id for r in problem.requirements if r.date == when and r.activity == activity)


def roster(problem: Problem, *entries: tuple[str, int] | tuple[str, int, str]) -> Roster:
    """A roster from (staff, day) or (staff, day, activity) entries."""
    return Roster.from_pairs((e[0], req_id(problem, e[1], *e[2:])) for e in entries)


def working(problem: Problem, staff_id: str, days: Iterable[int], activity: str = "D") -> Roster:
    return roster(problem, *[(staff_id, d, activity) for d in days])


def setting(hard: bool, weight: int = 100, **params: Any) -> RuleSetting:
    return RuleSetting(enabled=True, hard=hard, weight=weight, params=params)


def solve_fixed(problem: Problem, rule: Any, fixed: Roster) -> int | None:
    """The CP-SAT objective of exactly this roster under `rule` alone; None when infeasible."""
    ctx = Context(problem, [rule])
    penalties = rule.build(ctx)
    chosen = fixed.pairs()
    assert chosen <= set(ctx.pairs()), "roster uses a pair the rule filtered out"
    for pair, var in ctx.pairs().items():
        ctx.model.add(var == int(pair in chosen))
    ctx.model.minimize(sum(p.weight * p.expr for p in penalties))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    status = solver.solve(ctx.model)
    if status == cp_model.INFEASIBLE:
        return None
    assert status == cp_model.OPTIMAL
    return round(solver.objective_value)


def solve_free(problem: Problem, rules: list[Any], reward: int = 0) -> tuple[int | None, Roster]:
    """Minimise the rules' penalties minus `reward` per assignment (so that work is wanted)."""
    ctx = Context(problem, rules)
    penalties = [p for r in rules for p in r.build(ctx)]
    ctx.model.minimize(sum(p.weight * p.expr for p in penalties) - reward * sum(ctx.pairs().values()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    status = solver.solve(ctx.model)
    if status == cp_model.INFEASIBLE:
        return None, Roster()
    assert status == cp_model.OPTIMAL
    return round(solver.objective_value), Roster.from_pairs(ctx.extract(solver))


def check_cost(problem: Problem, rule: Any, fixed: Roster) -> int:
    return sum(v.cost for v in rule.check(problem, fixed))


def assert_exact(problem: Problem, rule: Any, count: int = 25, seed: int = 7) -> None:
    """On random rosters: soft, solver objective == evaluator cost; hard, infeasible <=> violations."""
    rng = random.Random(seed)
    pairs = sorted(Context(problem, [rule]).pairs())
    for _ in range(count):
        density = rng.random()
        fixed = Roster.from_pairs(p for p in pairs if rng.random() < density)
        found = rule.check(problem, fixed)
        objective = solve_fixed(problem, rule, fixed)
        if found and found[0].hard:
            assert objective is None, [v.message for v in found]
        elif not found:
            assert objective == 0
        else:
            assert objective == sum(v.cost for v in found), [v.message for v in found]
