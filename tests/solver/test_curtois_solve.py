"""The nurse-rostering benchmark through Haichi's own solver path: reader -> Solver -> evaluator."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from models.benchmarks.curtois import read_instance
from models.domain import Problem, Roster
from solver.core import SolveOptions, Solver
from solver.evaluate import evaluate
from solver.rules import RULES

ROOT = Path(__file__).parents[2]
DATA = ROOT.parent / "shared" / "benchmarks" / "curtois"
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"benchmark files not found in {DATA}")

# the sequence and limit rules; added here until the catalogue registers them
SEQUENCE_RULES = (
    "max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off", "max_weekends",
    "forbidden_successions", "min_rest", "max_minutes", "min_minutes", "max_per_activity",
    "max_per_plan", "min_per_plan", "pay_cap",
)


def all_rules() -> list:
    registered = {r.info.id for r in RULES}
    extra = [importlib.import_module(f"solver.rules.{m}").RULE for m in SEQUENCE_RULES if m not in registered]
    return list(RULES) + extra


def instance1() -> Problem:
    return read_instance(DATA / "Instance1.txt")


def shifts(problem: Problem, staff_id: str, days: list[int]) -> Roster:
    wanted = {problem.start + timedelta(d) for d in days}
    return Roster.from_pairs((staff_id, r.id) for r in problem.requirements if r.date in wanted)


def test_evaluator_scores_nobody_working_as_published() -> None:
    assert evaluate(instance1(), Roster(), rules=all_rules()).objective == 7137


def test_evaluator_scores_only_nurse_a_on_days_2_and_3() -> None:
    problem = instance1()
    result = evaluate(problem, shifts(problem, "A", [2, 3]), rules=all_rules())
    assert result.objective == 6933


def test_evaluator_flags_a_hard_rule_of_the_benchmark() -> None:
    problem = instance1()
    six_in_a_row = shifts(problem, "B", [0, 1, 2, 3, 4, 6])  # B's day off is 5; max 5 in a row holds
    assert not [v for v in evaluate(problem, six_in_a_row, rules=all_rules()).hard_violations
                if v.rule_id == "max_consecutive_days"]
    too_long = shifts(problem, "B", [6, 7, 8, 9, 10, 11])
    assert [v.rule_id for v in evaluate(problem, too_long, rules=all_rules()).hard_violations
            if v.rule_id == "max_consecutive_days"] == ["max_consecutive_days"]


def test_solving_instance1_reaches_the_published_optimum() -> None:
    problem = instance1()
    result = Solver(problem, SolveOptions(time_limit=10, workers=2, seed=0), rules=all_rules()).solve()
    assert result.status == "optimal" and result.objective == 607
    checked = evaluate(problem, result.roster, rules=all_rules())
    assert checked.hard_violations == [] and checked.objective == result.objective


def test_textbook_baseline_agrees_on_instance1() -> None:
    spec = importlib.util.spec_from_file_location("baseline_curtois", ROOT / "tests" / "benchmarks" / "baseline_curtois.py")
    baseline = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules.setdefault("baseline_curtois", baseline)  # dataclasses look their module up
    spec.loader.exec_module(baseline)  # type: ignore[union-attr]
    objective, bound, status = baseline.solve_baseline(DATA / "Instance1.txt", time_limit=10, workers=2, seed=0)
    assert (objective, status) == (607, "OPTIMAL")
