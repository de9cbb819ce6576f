"""A plain textbook CP-SAT model of a Curtois & Qu instance, straight from the file.

Independent of Haichi (own parser, no models/solver imports): one boolean per staff/day/shift,
every rule of shared/benchmarks/curtois/FORMAT.md §4 written directly, the §4 objective. It is the
yardstick Haichi's general-purpose pipeline is compared with in bench_curtois.py.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ortools.sat.python import cp_model


@dataclass
class Instance:
    horizon: int = 0
    lengths: dict[str, int] = field(default_factory=dict)
    cannot_follow: dict[str, list[str]] = field(default_factory=dict)
    staff: dict[str, list[str]] = field(default_factory=dict)  # the raw STAFF fields after the ID
    days_off: dict[str, list[int]] = field(default_factory=dict)
    on: list[tuple[str, int, str, int]] = field(default_factory=list)
    off: list[tuple[str, int, str, int]] = field(default_factory=list)
    cover: list[tuple[int, str, int, int, int]] = field(default_factory=list)


def parse(path: str | Path) -> Instance:
    """The instance's sections, keyed by header name (LF or CRLF, comments skipped)."""
    inst = Instance()
    section = ""
    for raw in Path(path).read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            section = line
            continue
        f = [x.strip() for x in line.split(",")]
        if section == "SECTION_HORIZON":
            inst.horizon = int(f[0])
        elif section == "SECTION_SHIFTS":
            inst.lengths[f[0]] = int(f[1])
            inst.cannot_follow[f[0]] = [s for s in (f[2] if len(f) > 2 else "").split("|") if s]
        elif section == "SECTION_STAFF":
            inst.staff[f[0]] = f[1:]
        elif section == "SECTION_DAYS_OFF":
            inst.days_off[f[0]] = [int(d) for d in f[1:] if d]
        elif section in ("SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS"):
            target = inst.on if section == "SECTION_SHIFT_ON_REQUESTS" else inst.off
            target.append((f[0], int(f[1]), f[2], int(f[3])))
        elif section == "SECTION_COVER":
            inst.cover.append((int(f[0]), f[1], int(f[2]), int(f[3]), int(f[4])))
    return inst


def build(inst: Instance) -> tuple[cp_model.CpModel, dict[tuple[str, int, str], cp_model.IntVar]]:
    """The model with the §4 objective; returns it and the x[e, d, s] booleans."""
    m = cp_model.CpModel()
    days, shifts = range(inst.horizon), list(inst.lengths)
    x = {(e, d, s): m.new_bool_var(f"x[{e},{d},{s}]") for e in inst.staff for d in days for s in shifts}
    for e, fields in inst.staff.items():
        max_shifts = dict(item.split("=") for item in fields[0].split("|") if item)
        max_min, min_min, max_run, min_run, min_off, max_we = (int(v) for v in fields[1:7])
        work = [sum(x[e, d, s] for s in shifts) for d in days]
        for d in days:
            m.add(work[d] <= 1)  # 1. one shift a day
        for d in inst.days_off.get(e, []):
            m.add(work[d] == 0)  # 9. days off
        for s1, banned in inst.cannot_follow.items():  # 2. rotation
            for s2 in banned:
                for d in range(inst.horizon - 1):
                    m.add_bool_or([x[e, d, s1].Not(), x[e, d + 1, s2].Not()])
        for s, most in max_shifts.items():  # 3. per type
            m.add(sum(x[e, d, s] for d in days) <= int(most))
        minutes = sum(inst.lengths[s] * x[e, d, s] for d in days for s in shifts)
        m.add(minutes <= max_min)  # 4. total minutes
        m.add(minutes >= min_min)
        for d in range(inst.horizon - max_run):  # 5. max consecutive
            m.add(sum(work[d : d + max_run + 1]) <= max_run)
        for k in range(1, min_run):  # 6. min consecutive shifts, runs inside the horizon
            for d in range(1, inst.horizon - k):
                m.add(work[d - 1] - sum(work[d : d + k]) + work[d + k] >= 1 - k)
        for k in range(1, min_off):  # 7. min consecutive days off, runs inside the horizon
            for d in range(1, inst.horizon - k):
                m.add(-work[d - 1] + sum(work[d : d + k]) - work[d + k] >= -1)
        weekends = []
        for w in range(inst.horizon // 7):  # 8. weekends
            we = m.new_bool_var(f"we[{e},{w}]")
            m.add(we >= work[7 * w + 5])
            m.add(we >= work[7 * w + 6])
            weekends.append(we)
        m.add(sum(weekends) <= max_we)
    terms = [w * (1 - x[e, d, s]) for e, d, s, w in inst.on] + [w * x[e, d, s] for e, d, s, w in inst.off]
    for d, s, need, under, over in inst.cover:
        n = sum(x[e, d, s] for e in inst.staff)
        short = m.new_int_var(0, need, f"short[{d},{s}]")
        extra = m.new_int_var(0, len(inst.staff), f"extra[{d},{s}]")
        m.add(short >= need - n)
        m.add(extra >= n - need)
        terms += [under * short, over * extra]
    m.minimize(sum(terms))
    return m, x


def solve_baseline(path: str | Path, time_limit: float, workers: int, seed: int = 0) -> tuple[int | None, float, str]:
    """(objective or None, best bound, status name) of the textbook model on the instance."""
    model, _ = build(parse(path))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return (round(solver.objective_value) if found else None, solver.best_objective_bound,
            solver.status_name(status))


if __name__ == "__main__":
    print(solve_baseline(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 10.0, 2))
