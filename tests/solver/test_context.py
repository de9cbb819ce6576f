"""The variable container: `works` and its linear twin `work_amount` agree in every roster, and
it creates exactly the pairs every hard rule's screen lets through."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import timedelta

import pytest
from ortools.sat.python import cp_model

from solver.context import Context
from solver.core import SolveOptions, Solver
from solver.eligibility import Screen, filters_pairs
from solver.rules import RULES
from factories import MONDAY, only, person, problem, random_problem, session


def _two_a_day(cap: int | None):
    days = [MONDAY + timedelta(d) for d in range(2)]
    reqs = [session(day, start=start, end=end, min_staff=0)
            for day in days for start, end in (("09:00", "12:00"), ("13:00", "16:00"))]
    staff = [person("A", max_per_day=cap)]
    return problem(staff, reqs, days=2, rules=only(["max_per_day", "no_overlap"])), reqs


@pytest.mark.parametrize("cap", [1, 2, None])
def test_work_amount_equals_works_in_every_roster(cap: int | None) -> None:
    p, reqs = _two_a_day(cap)
    allowed = 1 if cap == 1 else 2
    for chosen in itertools.product([0, 1], repeat=len(reqs)):
        per_day = [sum(chosen[:2]), sum(chosen[2:])]
        solver = Solver(p, SolveOptions(time_limit=5, workers=1))
        ctx = solver.ctx
        for req, value in zip(reqs, chosen):
            ctx.model.add(ctx.is_assigned("A", req.id) == value)
        seen = [(ctx.works("A", day), ctx.work_amount("A", day)) for day in p.days()]  # before solving
        cp = cp_model.CpSolver()
        status = cp.solve(ctx.model)
        if max(per_day) > allowed:
            assert status == cp_model.INFEASIBLE
            continue
        assert status == cp_model.OPTIMAL
        for (works, amount), worked in zip(seen, per_day):
            assert cp.value(works) == cp.value(amount) == int(worked > 0)


def test_work_amount_is_the_works_boolean_whatever_the_daily_cap() -> None:
    """One variable per person and day, not the day's sessions again in every rule (a 7-day window
    over 32 shift types stays 7 terms); with one session a day it is defined by works == sum."""
    for cap in (1, 2):
        p, _ = _two_a_day(cap)
        ctx = Context(p, RULES)
        amount = ctx.work_amount("A", MONDAY)
        assert isinstance(amount, cp_model.IntVar) and amount is ctx.works("A", MONDAY)

@pytest.mark.parametrize("seed", range(6))
def test_the_model_has_exactly_the_pairs_every_hard_screen_lets_through(seed: int) -> None:
    """Context filters each person's sessions screen by screen; eligibility.Screen asks every
    hard rule about one pair at a time: both keep out the same pairs (locked ones always stay)."""
    rng = random.Random(seed)
    base = random_problem(seed)
    staff = [replace(s, max_minutes_per_week=rng.choice([None, 90, 120, 600]),
                     max_per_plan=rng.choice([None, 0, 5]),
                     max_per_activity=rng.choice([(), (("教室", 0),), (("3歳児健診", 0), ("教室", 2))]),
                     hourly_rate=rng.choice([None, 1200, 3000]), annual_pay_cap=rng.choice([None, 1_030_000]),
                     paid_this_year=rng.choice([0, 1_025_000, 1_029_000]))
             for s in base.staff]
    problem = base.with_(staff=staff)
    filters = [r for r in RULES if filters_pairs(r)]
    assert filters, "some rule keeps pairs out"
    screen = Screen(problem, RULES)
    expected = {(s.id, r.id) for s in problem.staff for r in problem.requirements if screen.eligible(s, r)}
    kept_out = {(s.id, r.id) for s in problem.active_staff() for r in problem.requirements} - expected
    assert kept_out, "the limits rule some pairs out"
    assert set(Context(problem, filters).decided()) == expected
