"""Curtois & Qu instances through Haichi (reader -> Solver -> evaluator) next to a textbook model.

    uv run python tests/benchmarks/bench_curtois.py --time-limit 60 --workers 2 --instances 1-24 [--seeds 3]

For each instance: Haichi's objective and bound (checking that the evaluator agrees with the
solver and finds no hard violation), the best known value from best_known.csv and the gap to it,
and the baseline (tests/benchmarks/baseline_curtois.py) with the same time and workers. With
--seeds N both run N times (seeds seed, seed+1, ...): the objective is the median run's (the
lower of the middle two for an even N), with the lowest and the highest; the bound is the best of
the runs. Writes the section between `<!-- curtois:start -->` and `<!-- curtois:end -->` of
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "curtois"

sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
from baseline_curtois import solve_baseline  # noqa: E402
from report import BENCHMARKS, machine_line, read_section, reference_seconds, replace_section  # noqa: E402

from models.benchmarks.curtois import read_instance  # noqa: E402
from solver.core import SolveOptions, solver_for  # noqa: E402
from solver.evaluate import evaluate  # noqa: E402
from solver.parts import PartsSolver, StagedSolver  # noqa: E402


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
    started = time.perf_counter()
    solver = solver_for(problem, SolveOptions(time_limit=time_limit, workers=workers, seed=seed))
    result = solver.solve()
    wall = time.perf_counter() - started
    row = {"status": result.status, "objective": result.objective, "bound": result.bound, "wall": wall,
           "how": how(solver)}
    if result.roster is not None:
        checked = evaluate(problem, result.roster)
        row["hard"] = len(checked.hard_violations)
        row["agrees"] = checked.objective == result.objective
        if row["hard"] or not row["agrees"]:
            print(f"  !! {path.stem}: evaluator {checked.objective} vs solver {result.objective}, "
                  f"{row['hard']} hard violations", flush=True)
    return row


def median_run(runs: list[dict]) -> dict:
    """One row for several runs of one instance: the median run's objective and status (a run
    with no roster counts as the worst), the best bound, the median wall time, and the spread."""
    row = dict(middle(runs, lambda r: r["objective"]))
    bounds = [r["bound"] for r in runs if r["bound"] is not None]
    row["bound"] = max(bounds) if bounds else None
    row["wall"] = middle(runs, lambda r: r["wall"])["wall"]
    if any("agrees" in r for r in runs):
        row["agrees"] = all(r.get("agrees", True) for r in runs)
        row["hard"] = max(r.get("hard", 0) for r in runs)
    row["spread"] = spread([r["objective"] for r in runs])
    return row


def median_baseline(runs: list[tuple[int | None, float, str]]) -> tuple:
    """The baseline's runs of one instance as one: the median run's objective and status, the
    best bound, and the spread."""
    objective, _, status = middle(runs, lambda r: r[0])
    return objective, max(r[1] for r in runs), status, spread([r[0] for r in runs])


def middle(runs: list, objective: Callable[[Any], int | None]) -> Any:
    """The median run by objective (the lower middle one for an even count; no roster is worst)."""
    ranked = sorted(runs, key=lambda r: (objective(r) is None, objective(r) or 0))
    return ranked[(len(ranked) - 1) // 2]


def spread(objectives: list[int | None]) -> str:
    """'; 3 seeds: 4240-5201' for several runs (a run with no roster as 'none'), '' for one."""
    if len(objectives) < 2:
        return ""
    found = sorted(o for o in objectives if o is not None)
    missing = len(objectives) - len(found)
    if not found:
        return f"; {len(objectives)} seeds: none"
    low, high = found[0], found[-1]
    text = f"{low}" if low == high else f"{low}–{high}"
    return f"; {len(objectives)} seeds: {text}" + (f", {missing} none" if missing else "")


def how(solver: object) -> str:
    """Which path of the product's solver made the roster."""
    if isinstance(solver, PartsSolver):
        return "in parts"
    if not isinstance(solver, StagedSolver):
        return "one model"
    first = "first roster in parts" if solver.used_parts else "one model"
    return f"{first}, then LNS by people and days" if solver.used_lns else first


def cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.0f}"
    return str(value)


def table(rows: list[dict], time_limit: float, workers: int) -> list[str]:
    lines = [
        "| instance | time limit (s) | workers | Haichi objective | Haichi bound | best known | gap to best known "
        "| evaluator = solver, hard violations | baseline objective | baseline bound | Haichi wall time (s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        h, b = r["haichi"], r["baseline"]
        gap = "–" if h["objective"] is None else f"{(h['objective'] - r['best']) / r['best']:.1%}"
        check = "–" if "agrees" not in h else f"{'yes' if h['agrees'] else 'NO'}, {h['hard']}"
        lines.append(
            f"| {r['name']} | {time_limit:g} | {workers} | {cell(h['objective'])} ({h['status']}{h.get('spread', '')}) | "
            f"{cell(h['bound'])} | {r['best']} | {gap} | {check} | {cell(b[0])} ({b[2].lower()}{b[3]}) | {cell(b[1])} | "
            f"{h['wall']:.1f} ({h['how']}) |"
        )
    return lines


EARLIER = "†"


def earlier_rows() -> dict[str, tuple[str, str]]:
    """The table rows already in BENCHMARKS.md by instance name, each with the machine line of
    the run that measured it: a row marked † keeps the one its note names, the others the
    section's own."""
    rows, notes, own = {}, {}, ""
    for line in read_section("curtois").splitlines():
        if line.startswith("| Instance"):
            rows[line.split("|")[1].strip().rstrip(EARLIER).strip()] = line
        elif line.startswith(f"{EARLIER} ") and ": Machine:" in line:
            head, machine = line[2:].split(": Machine:", 1)
            named = head.split(" measured", 1)[0]
            # "Instance20, Instance21 measured in …"; a note naming no rows is every † row's
            for name in named.split(", ") if named.startswith("Instance") else [""]:
                notes[name] = "Machine:" + machine
        elif line.startswith("Machine:"):
            own = line
    out = {}
    for name, line in rows.items():
        marked = EARLIER in line.split("|")[1]
        out[name] = (line, notes.get(name, notes.get("", own)) if marked else own)
    return out


def merged(lines: list[str], rows: list[dict],
           earlier: dict[str, tuple[str, str]]) -> tuple[list[str], dict[str, list[str]]]:
    """This run's table with the earlier rows of the instances it did not measure, marked †, and
    the names of those rows by the machine line of the run that measured them."""
    fresh = {r["name"] for r in rows}
    kept = {name: found for name, found in earlier.items() if name not in fresh}
    runs: dict[str, list[str]] = {}
    if not kept:
        return lines, runs
    by_name = {r["name"]: line for r, line in zip(rows, lines[2:])}
    for name, (line, machine) in kept.items():
        cells = line.split("|")
        if EARLIER not in cells[1]:
            cells[1] = f" {name} {EARLIER} "
        by_name[name] = "|".join(cells)
        runs.setdefault(machine, []).append(name)
    return lines[:2] + [by_name[n] for n in sorted(by_name, key=number)], runs


def number(name: str) -> int:
    """The instance's number, for ordering: Instance9 before Instance10."""
    return int(name.removeprefix("Instance"))


def _body(rows: list[dict], args: argparse.Namespace, done: bool,
          earlier: dict[str, tuple[str, str]] | None = None) -> list[str]:
    lines, runs = merged(table(rows, args.time_limit, args.workers), rows, earlier or {})
    note = []
    for machine, names in runs.items():
        note += [f"{EARLIER} {', '.join(sorted(names, key=number))} measured in an earlier run (where the last "
                 f"column is a model build time it comes from that run's format): {machine}", ""]
    return [
        "## Curtois & Qu nurse rostering (instances 1–24)",
        "",
        "Haichi: `read_instance` → `solver.core.solver_for` (the product's path: one CP-SAT model, built "
        "part by part first when it finds no roster early, or solved in parts when too big for one model, "
        "see `solver/parts.py`; a roster still far from its bound after 20 % of the time is improved by "
        "re-solving a few people or a stretch of days, see `solver/lns.py`) with every rule → `evaluate`; baseline: the textbook "
        "CP-SAT model in `tests/benchmarks/baseline_curtois.py`, same time limit, workers and seed. "
        "The time limit is Haichi's whole solve; the last column is its wall time, model building included "
        "(the baseline's build is not timed). "
        "Gap to best known = (Haichi − best known) / best known. "
        "Where a row names several seeds, both sides ran once per seed: the objective is the median run's "
        "(the lower middle one for an even count) with the lowest and highest, the bound the best of the runs, "
        "the wall time the median. "
        "Re-run: `uv run python tests/benchmarks/bench_curtois.py --time-limit 60 --workers 2 --instances 1-24 --seeds 3`.",
        "",
        *lines,
        "",
        *note,
        ("" if done else f"(run in progress: {len(rows)} instance(s) measured so far)\n")
        + machine_line() + yardstick(args.reference) + args.code,
    ]


def yardstick(seconds: float) -> str:
    """The machine's speed in this run, for comparing runs on different machines (the same code
    gave figures 10-40 % apart from run to run, and machines of one name differ more)."""
    return f" Yardstick (a fixed pure-Python workload, median of 5): {seconds:.3f} s."


def code_version() -> str:
    """The commit the solver and the reader were measured at, and whether they had changes not yet
    committed, so that rows from two runs can be told apart as the same code or not."""
    def git(*words: str) -> str:
        try:
            return subprocess.run(["git", *words], cwd=ROOT, capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    commit = git("log", "-1", "--format=%h", "--", "solver", "models")
    if not commit:
        return ""
    changed = " with changes not committed" if git("status", "--porcelain", "--", "solver", "models") else ""
    return f" Solver and reader: commit {commit}{changed}."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--instances", default="1-24")
    parser.add_argument("--seeds", type=int, default=1, help="runs per instance and side, seeds seed, seed+1, ...")
    args = parser.parse_args()
    args.reference = reference_seconds()
    args.code = code_version()  # the code being measured, read once before the first solve
    best = best_known()
    earlier = earlier_rows()
    rows = []
    for number in instances(args.instances):
        name = f"Instance{number}"
        path = DATA / f"{name}.txt"
        seeds = range(args.seed, args.seed + max(1, args.seeds))
        runs, baselines = [], []
        for seed in seeds:
            print(f"{name}: Haichi, seed {seed}…", flush=True)
            runs.append(run_haichi(path, args.time_limit, args.workers, seed))
            print(f"{name}: baseline, seed {seed}…", flush=True)
            baselines.append(solve_baseline(path, args.time_limit, args.workers, seed))
            print(f"{name} seed {seed}: Haichi {runs[-1]['objective']} ({runs[-1]['status']}), "
                  f"baseline {baselines[-1][0]}", flush=True)
        haichi, baseline = median_run(runs), median_baseline(baselines)
        print(f"{name}: Haichi {haichi['objective']}{haichi['spread']}, baseline {baseline[0]}{baseline[3]}, "
              f"best known {best[name]}", flush=True)
        rows.append({"name": name, "haichi": haichi, "baseline": baseline, "best": best[name]})
        # a stopped run still leaves what it measured
        replace_section("curtois", "\n".join(_body(rows, args, done=False, earlier=earlier)))
    replace_section("curtois", "\n".join(_body(rows, args, done=True, earlier=earlier)))
    print(f"wrote {BENCHMARKS}")
    failures = [r["name"] for r in rows if not r["haichi"].get("agrees", True) or r["haichi"].get("hard")]
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
