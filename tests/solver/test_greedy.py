"""The greedy first roster of a big plan (solver.greedy) and the budgets rules declare for it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from models.domain import Mark, Roster, RuleSetting
from models.excel.importer import read_workbooks
from solver import parts
from solver.core import SolveOptions, Solver
from solver.evaluate import evaluate
from solver.greedy import Greedy, first_roster
from solver.rules import CATALOGUE, rule
from tests.solver.factories import MONDAY, only, person, problem, random_problem, session

SAMPLE = Path(__file__).parents[2] / "resources" / "samples" / "hygienists_2027_01.xlsx"


def _week(days: int = 5, **kw):
    return [session(MONDAY + timedelta(days=d), **kw) for d in range(days)]


def test_hard_limits_declare_budgets_and_soft_ones_do_not() -> None:
    staff = person("A", max_per_week=2, max_minutes_per_month=600, hourly_rate=1200, annual_pay_cap=100_000)
    plan = problem([staff], _week())
    solver = Solver(plan, SolveOptions(workers=1))
    week = rule("max_per_week").budgets(solver.ctx, staff)
    assert [(b.room, b.use(plan.requirements[0])) for b in week] == [(2, 1)]
    assert week[0].period(plan.requirements[0]) == week[0].period(plan.requirements[4])  # one Mon-Sun week
    [month] = rule("max_minutes").budgets(solver.ctx, staff)
    assert (month.room, month.use(plan.requirements[0])) == (600, 180)
    [pay] = rule("pay_cap").budgets(solver.ctx, staff)
    assert (pay.room, pay.use(plan.requirements[0])) == (60 * 100_000, 1200 * 180)
    assert rule("min_minutes").budgets(solver.ctx, staff) == []  # a minimum is no budget
    soft = plan.with_(rules={"max_per_week": RuleSetting(hard=False, weight=5)})
    assert rule("max_per_week").budgets(Solver(soft, SolveOptions(workers=1)).ctx, staff) == []


def test_the_fill_keeps_within_budgets_and_fills_each_session() -> None:
    staff = [person(i, max_per_week=2) for i in "ABC"]
    plan = problem(staff, _week(min_staff=1), rules=only(["cover_min", "max_per_week"]))
    greedy = Greedy(Solver(plan, SolveOptions(workers=1)), plan)
    greedy.fill()
    per_person = {s.id: sum(1 for who, _ in greedy.chosen if who == s.id) for s in staff}
    assert sorted(per_person.values()) == [1, 2, 2]  # five sessions, each person at most two
    assert greedy.hard_violations() == []


def test_the_fill_aims_at_each_persons_desired_count() -> None:
    """Five sessions, A wishing for four a month and B for one: 4 and 1, not the even 3 and 2."""
    rules = only(["cover_min", "desired_count"])
    plan = problem([person("A", desired_per_month=4), person("B", desired_per_month=1)], _week(),
                   start=MONDAY.replace(day=1), days=30, rules=rules)
    solver = Solver(plan, SolveOptions(workers=1))
    [wish] = rule("desired_count").wishes(solver.ctx, plan.staff[0])
    assert (wish.weight, wish.target(wish.period(plan.requirements[0]))) == (2, 4)
    greedy = Greedy(solver, plan)
    greedy.fill()
    assert sorted(who for who, _ in greedy.chosen) == ["A"] * 4 + ["B"]
    assert evaluate(plan, Roster.from_pairs(sorted(greedy.chosen))).objective == 0


def test_the_repair_mends_a_rule_without_a_budget() -> None:
    """B marked △ every day: the fill gives A all five days, a run the rule caps at three; the
    repair gives one of them to B."""
    rules = only(["cover_min", "max_consecutive_days", "prefer_not", "availability"],
                 max_consecutive_days=RuleSetting(params={"max_consecutive_days": 3}, weight=100))
    sessions = _week()
    plan = problem([person("A"), person("B")], sessions, rules=rules,
                   availability={("B", s.date): Mark.PREFER_NOT for s in sessions})
    greedy = Greedy(Solver(plan, SolveOptions(workers=1)), plan)
    greedy.fill()
    assert {who for who, _ in greedy.chosen} == {"A"}
    assert [v.rule_id for v in greedy.hard_violations()] == ["max_consecutive_days"]
    assert greedy.repair(deadline=float("inf")) == []
    assert {who for who, _ in greedy.chosen} == {"A", "B"} and len(greedy.chosen) == 5


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_greedy_roster_of_a_random_plan_keeps_every_hard_rule(seed: int) -> None:
    plan = random_problem(seed, soft=True)
    solver = Solver(plan, SolveOptions(workers=1))
    pairs = first_roster(solver, plan, deadline=float("inf"))
    assert pairs is not None
    assert evaluate(plan, Roster.from_pairs(sorted(pairs))).hard_violations == []


def test_a_plan_over_staged_pairs_starts_from_the_greedy_roster(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample routed the way a big plan goes: a greedy roster at once, then improved part by part."""
    monkeypatch.setattr(parts, "STAGED_PAIRS", 10)
    plan = read_workbooks([SAMPLE], CATALOGUE)
    seen: list[float] = []
    staged = parts.StagedSolver(plan, SolveOptions(time_limit=6, workers=2, seed=0))
    result = staged.solve(lambda progress: seen.append(progress.objective))
    assert staged.used_greedy and result.roster is not None
    checked = evaluate(plan, result.roster)
    assert checked.hard_violations == [] and checked.objective == result.objective
    assert seen and seen[-1] == result.objective and seen == sorted(seen, reverse=True)
