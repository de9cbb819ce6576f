"""A city-sized plan (300 staff, 3 months, ~28k availability marks, 1,500 sessions) round-trips.

Times are printed (`pytest -s`), never asserted: the point is that bulk statements make this a
matter of seconds; a per-row ORM path would take minutes and show up here first.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import pytest

from models.domain import Assignment, Mark, Problem, Requirement, Roster, Site, Staff
from models.storage import Database


def city_plan(seed: int = 7) -> Problem:
    """300 people, 91 days, 1,500 sessions over 9 sites, every person with a mark for every day."""
    rng = random.Random(seed)
    start = date(2026, 4, 1)
    days = [start + timedelta(days=i) for i in range(91)]
    sites = [Site(f"会場{i}", f"区{i % 3}", f"G{i % 2}") for i in range(9)]
    staff = [
        Staff(f"H{i:03d}", f"職員 {i}", frozenset(rng.sample(["リーダー", "フッ化物", "教室"], k=i % 3)),
              max_per_month=rng.choice([None, 8, 12]), hourly_rate=1500 + i)
        for i in range(300)
    ]
    requirements = []
    for i in range(1500):
        day, site = days[i % len(days)], sites[i % len(sites)]
        start_minute = 540 + 60 * (i % 5)
        requirements.append(Requirement(
            Requirement.make_id(day, site.name, f"健診{i % 7}", start_minute) + f"#{i}", day, site.name,
            f"健診{i % 7}", start_minute, start_minute + 180, 1 + i % 3,
            required_skills=(("リーダー", 1),) if i % 4 == 0 else (),
        ))
    marks = list(Mark)
    availability = {(s.id, d): rng.choice(marks) for s in staff for d in days}
    return Problem("2026-Q1", start, days[-1], staff=staff, sites=sites, requirements=requirements,
                   availability=availability)


@pytest.mark.slow
def test_city_sized_plan_round_trips(db: Database) -> None:
    plan = city_plan()
    rng = random.Random(3)
    roster = Roster([
        Assignment(rng.choice(plan.staff).id, r.id, locked=k == 0 and r.min_staff == 2)
        for r in plan.requirements for k in range(r.min_staff)
    ])
    began = time.perf_counter()
    db.save_problem(plan.name, plan)
    saved = time.perf_counter()
    db.save_solution(plan.name, roster)
    solved = time.perf_counter()
    loaded = db.load_problem(plan.name)
    done = time.perf_counter()
    print(f"\n{db.url.get_backend_name()}: save {saved - began:.2f}s, roster {solved - saved:.2f}s, "
          f"load {done - solved:.2f}s for {len(plan.availability)} marks")
    assert loaded == plan.with_(locked=[a for a in roster.assignments if a.locked])
    assert db.latest_solution(plan.name) == (1, roster)
    # Re-saving (replace) is the same bulk path.
    db.save_problem(plan.name, plan)
    assert len(db.load_problem(plan.name).availability) == 300 * 91
