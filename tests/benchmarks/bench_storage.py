"""Storage benchmark: saving and loading a 300-staff, 3-month plan in SQLite and PostgreSQL.

    uv run python tests/benchmarks/bench_storage.py [--repeats 5] [--no-postgres]

Writes the `storage` section of BENCHMARKS.md: medians of several runs, each also as a ratio to
a fixed pure-Python workload measured in the same run (these machines are noisy). PostgreSQL is
a throw-away server started from the machine's binaries, as the storage tests do.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

from report import ROOT, machine_line, median_seconds, reference_seconds, replace_section

sys.path.insert(0, str(ROOT))

from models.domain import Assignment, Mark, Problem, Requirement, Roster, Site, Staff  # noqa: E402
from models.storage import Database  # noqa: E402

STAFF, START, DAYS = 300, date(2026, 4, 1), 91
SITES = [f"会場{i:02d}" for i in range(12)]


def make_plan() -> tuple[Problem, Roster]:
    """300 staff, 91 days, 12 sites with a morning and an afternoon session each weekday, every
    availability mark filled in, and a roster placing two people in every session."""
    staff = [Staff(f"H{i:04d}", f"職員 {i}", frozenset({"フッ化物"} if i % 2 else {"リーダー"}), home=SITES[i % 12],
                   max_per_week=3, desired_per_month=6, hourly_rate=1800) for i in range(STAFF)]
    days = [START + timedelta(d) for d in range(DAYS)]
    requirements = [
        Requirement(Requirement.make_id(day, site, activity, start), day, site, activity, start, start + 180, 2,
                    max_staff=3, required_skills=(("リーダー", 1),))
        for day in days if day.weekday() < 5
        for site in SITES
        for activity, start in (("3歳児健診", 540), ("1歳6か月児健診", 780))
    ]
    marks = (Mark.AVAILABLE, Mark.AVAILABLE, Mark.PREFER_NOT, Mark.UNAVAILABLE, Mark.AM_ONLY, Mark.PM_ONLY)
    availability = {(s.id, day): marks[(i * 7 + d) % len(marks)] for i, s in enumerate(staff) for d, day in enumerate(days)}
    problem = Problem("bench", START, days[-1], staff=staff, sites=[Site(s, "区", "東部") for s in SITES],
                      requirements=requirements, availability=availability)
    roster = Roster([Assignment(staff[(2 * k + j) % STAFF].id, r.id, locked=k % 10 == 0)
                     for k, r in enumerate(requirements) for j in range(2)])
    return problem, roster


def measure(url: str, problem: Problem, roster: Roster, repeats: int) -> dict[str, float]:
    """Median seconds of each operation on the database at `url`."""
    with Database(url) as db:
        db.save_problem(problem.name, problem)  # warm-up: the first save creates the registers
        db.save_solution(problem.name, roster)
        results = {
            "save plan": median_seconds(lambda: db.save_problem(problem.name, problem), repeats),
            "load plan": median_seconds(lambda: db.load_problem(problem.name), repeats),
            "save roster": median_seconds(lambda: db.save_solution(problem.name, roster), repeats),
            "load roster": median_seconds(lambda: db.latest_solution(problem.name), repeats),
        }
        assert db.load_problem(problem.name).availability == problem.availability
        return results


def _conftest():
    path = ROOT / "tests" / "models" / "storage" / "conftest.py"
    spec = importlib.util.spec_from_file_location("storage_conftest", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(module)
    return module


@contextmanager
def postgres() -> Iterator[str | None]:
    """A throw-away PostgreSQL database URL (None when this machine has no PostgreSQL binaries)."""
    pg = _conftest()
    bindir = pg._postgres_bin()
    if bindir is None:
        yield None
        return
    root = Path(tempfile.mkdtemp(prefix="haichi-pg-bench-"))
    if pg._is_root():
        shutil.chown(root, "postgres", "postgres")
    root.chmod(0o700)
    data, port = root / "data", pg._free_port()
    started = False
    try:
        pg._run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"])
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root}"  # fsync on: real durability costs
        pg._run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-o", options,
                 "-w", "-t", "60", "start"])
        started = True
        yield pg._create_database(f"postgresql+psycopg://postgres@127.0.0.1:{port}", "bench")
    finally:
        if started:
            pg._run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    problem, roster = make_plan()
    print(f"plan: {len(problem.staff)} staff, {len(problem.requirements)} sessions, "
          f"{len(problem.availability)} marks, {len(roster.assignments)} assignments", flush=True)
    ref = reference_seconds()
    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        print("SQLite…", flush=True)
        rows["SQLite (WAL)"] = measure(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", problem, roster, args.repeats)
    if not args.no_postgres:
        with postgres() as url:
            if url is not None:
                print("PostgreSQL…", flush=True)
                rows["PostgreSQL"] = measure(url, problem, roster, args.repeats)
    operations = list(next(iter(rows.values())))
    lines = [
        "## Storage: saving and loading a 300-staff, 3-month plan",
        "",
        f"Plan: {len(problem.staff)} staff, {len(problem.requirements)} sessions, {len(problem.availability)} "
        f"availability marks over {DAYS} days; roster of {len(roster.assignments)} assignments. "
        f"Median of {args.repeats} runs; in brackets, the ratio to the yardstick ({ref:.3f} s, a fixed "
        "pure-Python workload timed in the same run). PostgreSQL: a local server over TCP loopback, fsync on.",
        "",
        machine_line(),
        "",
        "| backend | " + " | ".join(operations) + " |",
        "|---|" + "---:|" * len(operations),
    ]
    for backend, timings in rows.items():
        cells = [f"{timings[op]:.3f} s ({timings[op] / ref:.2f}×)" for op in operations]
        lines.append(f"| {backend} | " + " | ".join(cells) + " |")
    replace_section("storage", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
