"""Generate Haichi's bundled sample workbook, and larger instances of the same shape for benchmarks.

Run `uv run python resources/samples/make_sample.py` from the project root to rewrite
`resources/samples/hygienists_2027_01.xlsx`: one month (January 2027) of a city health
department placing 45 part-time dental hygienists into check-up sessions at 10 ward health
centres, written as messily as real coordinators' files are. The output is byte-stable: the same
code gives the same file. `generate()` makes bigger plans (e.g. 300 staff × 3 months) that stay
feasible; benchmarks write those into a temporary directory, they are never committed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from resources.samples.sample_book import write_workbook  # noqa: E402
from resources.samples.sample_plan import build_plan  # noqa: E402
from resources.samples.sample_witness import Plan  # noqa: E402

SAMPLE_PATH = Path(__file__).resolve().with_name("hygienists_2027_01.xlsx")
SAMPLE_ARGS = dict(staff=45, sites=10, months=1, start=date(2027, 1, 1), seed=2027, messy=True)


def generate(
    path: Path | str, *, staff: int, sites: int, months: int, start: date, seed: int, messy: bool
) -> Plan:
    """Write a feasible plan of this size to `path`; returns the plan the importer should read back
    (`Plan.problem`) and a roster that keeps every hard rule (`Plan.witness`)."""
    plan = build_plan(staff=staff, sites=sites, months=months, start=start, seed=seed)
    write_workbook(plan.problem, Path(path), messy=messy, seed=seed)
    return plan


def make_sample(path: Path | str = SAMPLE_PATH) -> Plan:
    """Write the bundled sample (January 2027, 45 hygienists, 10 centres, messy) to `path`."""
    return generate(path, **SAMPLE_ARGS)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate Haichi's sample workbook.")
    parser.add_argument("out", nargs="?", type=Path, default=SAMPLE_PATH)
    parser.add_argument("--staff", type=int)
    parser.add_argument("--sites", type=int)
    parser.add_argument("--months", type=int)
    parser.add_argument("--start", type=date.fromisoformat)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--clean", action="store_true", help="header on row 1, no messy variants")
    args = parser.parse_args(argv)
    options = dict(SAMPLE_ARGS)
    for key in ("staff", "sites", "months", "start", "seed"):
        if getattr(args, key) is not None:
            options[key] = getattr(args, key)
    if args.clean:
        options["messy"] = False
    plan = generate(args.out, **options)  # type: ignore[arg-type]
    p = plan.problem
    print(
        f"{args.out}: {len(p.staff)} staff, {len(p.sites)} sites, {len(p.requirements)} sessions, "
        f"{sum(r.min_staff for r in p.requirements)} places, witness {len(plan.witness.assignments)} "
        f"assignments, {plan.repairs} repairs, {plan.dropped} dropped"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
