"""Tiny problems for solver tests, built in Python (no Excel)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from models.domain import (
    Assignment, Mark, Problem, Requirement, Roster, RuleSetting, ShiftRequest, Site, Staff,
)

MONDAY = date(2026, 4, 6)


def hm(text: str) -> int:
    """'13:30' -> minutes after midnight."""
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def session(day: date = MONDAY, site: str = "中央", activity: str = "3歳児健診", start: str = "09:00",
            end: str = "12:00", min_staff: int = 1, **kw) -> Requirement:
    """A session with a readable id."""
    return Requirement(Requirement.make_id(day, site, activity, hm(start)), day, site, activity,
                       hm(start), hm(end), min_staff, **kw)


def person(staff_id: str, name: str | None = None, **kw) -> Staff:
    return Staff(staff_id, name or f"職員{staff_id}", **kw)


def problem(staff: list[Staff], requirements: list[Requirement], *, days: int = 7,
            start: date = MONDAY, blank_means: Mark = Mark.AVAILABLE, **kw) -> Problem:
    """A plan over `days` days from `start`; blank availability means available unless told."""
    return Problem("test", start, start + timedelta(days=days - 1), staff=staff,
                   requirements=requirements, blank_means=blank_means, **kw)


def roster(*pairs: tuple[str, str]) -> Roster:
    return Roster.from_pairs(pairs)


def only(rule_ids: list[str], **settings: RuleSetting) -> dict[str, RuleSetting]:
    """Rule settings that switch off every catalogued rule except `rule_ids` (and the given ones)."""
    from solver.rules import CATALOGUE, default_settings

    chosen = default_settings()
    for info in CATALOGUE:
        chosen[info.id].enabled = info.id in rule_ids or info.id in settings
    chosen.update(settings)
    return chosen


def random_problem(seed: int, soft: bool = False) -> Problem:
    """A small random plan with marks, skills, requests, locks and sometimes a published roster.

    Otherwise only required_skills is soft (solve with soft_cover to stay feasible).
    With `soft`, every hard rule that can be is made soft, so the instance is always feasible
    and each hard-made-soft penalty appears in the objective.
    """
    rng = random.Random(seed)
    sites = [Site("中央", "中央区", "A"), Site("東", "東区", "A"), Site("西", "西区", "B")]
    staff = [
        person(f"H{i:03d}", skills=frozenset(rng.sample(["リーダー", "フッ化物", "歯科"], rng.randint(0, 2))),
               max_per_day=rng.choice([None, 1, 2]), max_per_week=rng.choice([None, 2, 3]),
               desired_per_month=rng.choice([None, 4, 8]), active=rng.random() > 0.1)
        for i in range(rng.randint(4, 7))
    ]
    days = 10
    start = date(2026, 4, 27)  # crosses a month and a week boundary
    reqs = []
    for d in range(days):
        day = start + timedelta(days=d)
        for _ in range(rng.randint(0, 3)):
            st = rng.choice(["09:00", "10:00", "13:00", "13:30"])
            end = f"{int(st[:2]) + rng.randint(1, 3):02d}:{st[3:]}"
            skills = (("リーダー", 1),) if rng.random() < 0.3 else ()
            reqs.append(session(day, rng.choice(sites).name, rng.choice(["3歳児健診", "教室"]), st, end,
                                min_staff=rng.randint(0, 2), max_staff=rng.choice([None, 2, 3]),
                                preferred_staff=rng.choice([None, 2]), required_skills=skills))
    reqs = list({r.id: r for r in reqs}.values())
    marks = {}
    for s in staff:
        for d in range(days):
            marks[(s.id, start + timedelta(days=d))] = rng.choice(list(Mark))
    requests = [ShiftRequest(rng.choice(staff).id, start + timedelta(days=rng.randrange(days)),
                             rng.choice(["", "教室", "3歳児健診"]), rng.random() < 0.5, rng.randint(1, 3))
                for _ in range(4)]
    pairs = [(s.id, r.id) for s in staff for r in reqs]
    locked = [Assignment(*rng.choice(pairs), locked=True, source="manual")] if soft and pairs else []
    published = [Assignment(*p) for p in rng.sample(pairs, min(4, len(pairs)))] if rng.random() < 0.5 else None
    rules = {"required_skills": RuleSetting(hard=False, weight=100)}  # random skills rarely all fit
    if soft:
        from solver.rules import CATALOGUE

        later = ("skill_holders", "max_days_off", "band_cover")
        rules = {info.id: RuleSetting(enabled=True, hard=False, weight=rng.randint(1, 50))
                 for info in CATALOGUE if info.id not in later}
        # a rule added later draws its weight apart, leaving the others' (and the plans they made) as they were
        for n, rule_id in enumerate(later):
            rules[rule_id] = RuleSetting(enabled=True, hard=False, weight=random.Random(-seed - 1000 * n).randint(1, 50))
        # time bands across the sessions' hours, one of them at one site and one asking a skill
        rules["band_cover"].params = {"bands": "10:00-12:00 1、13:30-14:30 2（リーダー:1）、中央 9:00-10:00 1"}
    p = Problem("random", start, start + timedelta(days=days - 1), staff=staff, sites=sites,
                requirements=reqs, availability=marks, requests=requests, locked=locked, published=published)
    if rules:
        p.rules = rules
    return p


def fixed(problem: Problem, pairs: list[tuple[str, str]], rules: list | None = None,
          soft_cover: bool = False) -> int | None:
    """The solver's objective with the roster forced to exactly `pairs`, None when the rules forbid it."""
    from solver.core import SolveOptions, Solver

    solver = Solver(problem, SolveOptions(time_limit=5, workers=1, soft_cover=soft_cover), rules=rules)
    chosen = set(pairs)
    if not chosen <= set(solver.ctx.pairs()):
        return None  # a pair the hard rules keep out of the model
    for pair, var in solver.ctx.pairs().items():
        solver.ctx.model.add(var == (1 if pair in chosen else 0))
    result = solver.solve()
    return result.objective if result.status == "optimal" else None


def soft(weight: int, **params) -> RuleSetting:
    return RuleSetting(enabled=True, hard=False, weight=weight, params=params)


def hard(**params) -> RuleSetting:
    return RuleSetting(enabled=True, hard=True, weight=100, params=params)


def check_up_team() -> list[Staff]:
    """Two pediatricians (D1 佐々木, D2 中村), two dental hygienists (H1 福田, H2 坂本) and a clerk (J1 竹内): a
    check-up's people, for who could take a pediatrician's place."""
    return [person("D1", name="佐々木", skills=frozenset({"小児科医"})), person("D2", name="中村", skills=frozenset({"小児科医"})),
            person("H1", name="福田", skills=frozenset({"歯科衛生士"})), person("J1", name="竹内", skills=frozenset({"事務"})),
            person("H2", name="坂本", skills=frozenset({"歯科衛生士"}))]
