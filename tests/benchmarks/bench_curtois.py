"""Curtois & Qu instances through Haichi (reader -> Solver -> evaluator) next to a textbook model.

    uv run python tests/benchmarks/bench_curtois.py --time-limit 60 --workers 2 --instances 1-24

For each instance: Haichi's objective and bound (checking that the evaluator agrees with the
solver and finds no hard violation), the best known value from best_known.csv and the gap to it,
and the baseline (tests/benchmarks/baseline_curtois.py) with the same time and workers. Writes the
section between `<!-- curtois:start -->` and `<!-- curtois:end -->` of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import os
import platform
import sys
import time
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "curtois"
BENCHMARKS = ROOT / "BENCHMARKS.md"
START, END = "<!-- curtois:start -->", "<!-- curtois:end -->"
SEQUENCE_RULES = (
    "max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off", "max_weekends",
    "forbidden_successions", "min_rest", "max_minutes", "min_minutes", "max_per_activity",
    "max_per_plan", "min_per_plan", "pay_cap",
)

sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
from baseline_curtois import solve_baseline  # noqa: E402

from models.benchmarks.curtois import read_instance  # noqa: E402
from solver.core import SolveOptions, Solver  # noqa: E402
from solver.evaluate import evaluate  # noqa: E402
from solver.rules import RULES  # noqa: E402


def all_rules() -> list:
    """The catalogue plus any sequence rule not registered in it yet."""
    registered = {r.info.id for r in RULES}
    return list(RULES) + [
        importlib.import_module(f"solver.rules.{m}").RULE for m in SEQUENCE_RULES if m not in registered
    ]


def instances(spec: str) -> list[int]:
    """'1-3,7' -> [1, 2, 3, 7]."""
    result: list[int] = []
    for part in spec.split(","):
        low, _, high = part.partition("-")
        result += range(int(low), int(high or low) + 1)
    return result


def best_known() -> dict[str, int]:
    with (DATA / "best_known.csv").open(newline="") as source:
        return {row["instance"]: int(row["best_known_upper_bound"]) for row in csv.DictReader(source)}


def run_haichi(path: Path, time_limit: float, workers: int, seed: int) -> dict:
    """Haichi's result on one instance, checked against its own evaluator."""
    problem = read_instance(path)
    rules = all_rules()
    started = time.perf_counter()
    solver = Solver(problem, SolveOptions(time_limit=time_limit, workers=workers, seed=seed), rules=rules)
    built = time.perf_counter() - started
    result = solver.solve()
    row = {"status": result.status, "objective": result.objective, "bound": result.bound, "build": built}
    if result.roster is not None:
        checked = evaluate(problem, result.roster, rules=rules)
        row["hard"] = len(checked.hard_violations)
        row["agrees"] = checked.objective == result.objective
        if row["hard"] or not row["agrees"]:
            print(f"  !! {path.stem}: evaluator {checked.objective} vs solver {result.objective}, "
                  f"{row['hard']} hard violations", flush=True)
    return row


def cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.0f}"
    return str(value)


def table(rows: list[dict], time_limit: float, workers: int) -> list[str]:
    lines = [
        "| instance | time limit (s) | workers | Haichi objective | Haichi bound | best known | gap to best known "
        "| evaluator = solver, hard violations | baseline objective | baseline bound |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        h, b = r["haichi"], r["baseline"]
        gap = "–" if h["objective"] is None else f"{(h['objective'] - r['best']) / r['best']:.1%}"
        check = "–" if "agrees" not in h else f"{'yes' if h['agrees'] else 'NO'}, {h['hard']}"
        lines.append(
            f"| {r['name']} | {time_limit:g} | {workers} | {cell(h['objective'])} ({h['status']}) | "
            f"{cell(h['bound'])} | {r['best']} | {gap} | {check} | {cell(b[0])} ({b[2].lower()}) | {cell(b[1])} |"
        )
    return lines


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def write_section(body: list[str]) -> None:
    """Replace (or append) the curtois section of BENCHMARKS.md, leaving other sections alone."""
    section = "\n".join([START, *body, END])
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else "# Haichi benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    BENCHMARKS.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--instances", default="1-24")
    args = parser.parse_args()
    best = best_known()
    rows = []
    for number in instances(args.instances):
        name = f"Instance{number}"
        path = DATA / f"{name}.txt"
        print(f"{name}: Haichi…", flush=True)
        haichi = run_haichi(path, args.time_limit, args.workers, args.seed)
        print(f"{name}: baseline…", flush=True)
        baseline = solve_baseline(path, args.time_limit, args.workers, args.seed)
        print(f"{name}: Haichi {haichi['objective']} ({haichi['status']}), baseline {baseline[0]}, "
              f"best known {best[name]}", flush=True)
        rows.append({"name": name, "haichi": haichi, "baseline": baseline, "best": best[name]})
    failures = [r["name"] for r in rows if not r["haichi"].get("agrees", True) or r["haichi"].get("hard")]
    body = [
        "## Curtois & Qu nurse rostering (instances 1–24)",
        "",
        "Haichi: `read_instance` → `solver.core.Solver` with every rule → `evaluate`; baseline: the textbook "
        "CP-SAT model in `tests/benchmarks/baseline_curtois.py`, same time limit, workers and seed. "
        "Gap to best known = (Haichi − best known) / best known. "
        "Re-run: `uv run python tests/benchmarks/bench_curtois.py --time-limit 60 --workers 2 --instances 1-24`.",
        "",
        *table(rows, args.time_limit, args.workers),
        "",
        f"Machine: {cpu_model()}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"ortools {version('ortools')}; measured {datetime.now():%Y-%m-%d %H:%M}.",
    ]
    write_section(body)
    print(f"wrote {BENCHMARKS}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
