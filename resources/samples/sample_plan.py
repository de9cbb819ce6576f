"""The content of a sample plan: sites, staff, sessions and everyone's availability.

Everything is drawn from one seeded `random.Random`, so a seed gives the same plan on every
machine. Feasibility is made certain by `sample_witness.cover`, which builds one roster that
keeps every hard rule (and marks a person ○ on a day they left × only if nobody else can cover).
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass
from datetime import date, timedelta

from models.domain import Mark, Problem, Requirement, Site, Staff
from resources.samples.sample_names import (
    GIVEN_NAMES,
    KINDS,
    PLACES,
    SESSION_NOTES,
    SKILLS,
    SURNAMES,
    WARDS,
    WEEKDAY_JA,
    Kind,
    is_closed,
)
from resources.samples.sample_witness import Plan, cover

SAMPLE_STAFF_PER_SITE = 4.5  # the sample's 45 people for 10 centres; larger instances keep this load
SKILL_SHARE = {"リーダー": 0.36, "フッ化物": 0.36, "口腔機能": 0.33, "妊婦指導": 0.3}


def period_end(start: date, months: int) -> date:
    """The last day of a period of `months` calendar months from `start`."""
    year, month = start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)


def make_sites(count: int) -> list[tuple[Site, str]]:
    """`count` sites with their size class (L/M/S): the ten wards first, then branch places."""
    sites = [(Site(name, ward, group), size) for name, ward, group, size in WARDS[:count]]
    for i in range(max(0, count - len(WARDS))):
        ward, group = WARDS[i % len(WARDS)][1], WARDS[i % len(WARDS)][2]
        place = PLACES[i % len(PLACES)] + ("" if i < len(PLACES) else str(i // len(PLACES) + 1))
        sites.append((Site(f"{place}地域福祉センター", ward, group), "S"))
    return sites


def _pick(days: list[date], k: int) -> list[date]:
    """`k` of `days` spread evenly (every other week when there is room)."""
    if k >= len(days):
        return list(days)
    return [days[round(j * len(days) / k)] for j in range(k)]


def make_sessions(
    rng: random.Random, sites: list[tuple[Site, str]], start: date, end: date, scale: float
) -> list[Requirement]:
    """Each site holds each kind of session on its own weekday, a few times a month, plus a few Saturdays."""
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    open_days = [d for d in days if not is_closed(d)]
    months = sorted({(d.year, d.month) for d in days})
    sessions: list[Requirement] = []
    for si, (site, size) in enumerate(sites):
        for ki, kind in enumerate(KINDS):
            slot = si * 2 + ki if ki < 2 else si * 2 + ki + 1  # round-robin weekdays, AM kinds offset
            weekday = slot % 5
            order = [(weekday + step) % 5 for step in (0, 2, 4, 1, 3)]
            per_month = max(1, round(kind.per_month(size) * scale))
            for year, month in months:
                chosen: list[date] = []
                for wd in order:
                    pool = [d for d in open_days if (d.year, d.month) == (year, month) and d.weekday() == wd]
                    chosen += _pick(pool, per_month - len(chosen))
                    if len(chosen) >= per_month:
                        break
                saturdays = [d for d in open_days if (d.year, d.month) == (year, month) and d.weekday() == 5]
                if ki == 2 and si % 5 == 0:  # 休日健診: pregnant women who work weekdays
                    chosen += [d for i, d in enumerate(saturdays) if i in (1, 3)]
                if ki == 0 and si % 5 == 1:
                    chosen += [d for i, d in enumerate(saturdays) if i == 2]
                for day in sorted(chosen):
                    sessions.append(_session(rng, site, size, kind, day))
    return sorted(sessions, key=lambda r: (r.date, r.start, r.site, r.activity))


def _session(rng: random.Random, site: Site, size: str, kind: Kind, day: date) -> Requirement:
    min_staff = kind.min_staff(size)
    max_staff = min_staff + 1 if rng.random() < 0.08 else min_staff  # a few could use one more
    notes = rng.choice(SESSION_NOTES[kind.activity]) if rng.random() < 0.12 else ""
    return Requirement(
        id=Requirement.make_id(day, site.name, kind.activity, kind.start),
        date=day, site=site.name, activity=kind.activity, start=kind.start, end=kind.end,
        min_staff=min_staff, max_staff=max_staff, required_skills=kind.skills, notes=notes,
    )


@dataclass(frozen=True)
class Pattern:
    """How a person fills in their form: which weekdays, how often, and half-day habits."""

    kind: str  # regular | weekdays | am | pm | few
    weekdays: tuple[int, ...]
    note: str


def _pattern(rng: random.Random) -> Pattern:
    roll = rng.random()
    if roll < 0.45:
        return Pattern("regular", (0, 1, 2, 3, 4), "")
    if roll < 0.75:
        wds = tuple(sorted(rng.sample(range(5), rng.choice((2, 3, 3, 4)))))
        return Pattern("weekdays", wds, "・".join(WEEKDAY_JA[w] for w in wds) + "曜のみ勤務可")
    if roll < 0.85:
        return Pattern("am", (0, 1, 2, 3, 4), "午前のみ（子育て中）")
    if roll < 0.92:
        return Pattern("pm", (0, 1, 2, 3, 4), "午後のみ勤務可")
    return Pattern("few", (0, 1, 2, 3, 4), "今月は家庭の事情で少なめ")


def make_staff(rng: random.Random, count: int, sites: list[tuple[Site, str]]) -> list[tuple[Staff, Pattern]]:
    """`count` hygienists with skills, limits, pay and how they fill in their availability."""
    names = rng.sample([f"{s} {g}" for s in SURNAMES for g in GIVEN_NAMES], count)
    width = max(3, len(str(count)))
    people: list[tuple[Staff, Pattern]] = []
    for i in range(count):
        pattern = _pattern(rng)
        skills = frozenset(s for s in SKILLS if rng.random() < SKILL_SHARE[s])
        per_week = rng.choice((2, 3, 3, 3, 4, 4))
        per_month = min(per_week * 4, rng.choice((4, 6, 8, 8, 10, 10, 12, 12, 12)))
        per_month = max(per_month, 8) if "リーダー" in skills else per_month  # leaders work more
        per_month = min(per_month, 4) if pattern.kind == "few" else per_month
        rate = rng.randrange(1600, 2050, 50) + (150 if "リーダー" in skills else 0)
        capped = rng.random() < 0.22
        cap = rng.choice((1_030_000, 1_030_000, 1_300_000)) if capped else None
        # Paid so far this fiscal year (April–December); a capped person may be close to the cap.
        paid = rng.randrange(250_000, 900_000, 1_000)
        if cap is not None and rng.random() < 0.35:
            paid = cap - rng.choice((30_000, 45_000, 60_000))
        notes = pattern.note
        if cap is not None and not notes:
            notes = f"扶養内で勤務（{cap // 10_000}万円）"
        elif "リーダー" in skills and not notes and rng.random() < 0.3:
            notes = f"リーダー経験{rng.randint(3, 15)}年"
        staff = Staff(
            id=f"H{i + 1:0{width}d}", name=names[i], skills=skills,
            home=rng.choice(sites)[0].name,
            max_per_day=2 if rng.random() < 0.2 and pattern.kind in ("regular", "weekdays") else 1,
            max_per_week=per_week, max_per_month=per_month,
            desired_per_month=None if rng.random() < 0.15 else max(2, per_month - rng.randint(1, 4)),
            max_consecutive_days=3 if rng.random() < 0.12 else None,
            hourly_rate=rate, annual_pay_cap=cap, paid_this_year=paid, notes=notes,
        )
        people.append((staff, pattern))
    return people


def _mark(rng: random.Random, pattern: Pattern, day: date, closed: bool) -> Mark | None:
    """What this person writes for `day`; None = left blank."""
    if closed:
        return None if rng.random() < 0.75 else Mark.UNAVAILABLE
    if day.weekday() == 5:  # Saturdays: most cannot, a few can
        roll = rng.random()
        return Mark.AVAILABLE if roll < 0.25 else (Mark.UNAVAILABLE if roll < 0.75 else None)
    if day.weekday() not in pattern.weekdays:
        return None if rng.random() < 0.4 else Mark.UNAVAILABLE
    roll = rng.random()
    if pattern.kind == "few":
        return Mark.AVAILABLE if roll < 0.3 else Mark.UNAVAILABLE
    yes = {"regular": 0.64, "weekdays": 0.85, "am": 0.7, "pm": 0.7}[pattern.kind]
    if roll < yes:
        return {"am": Mark.AM_ONLY, "pm": Mark.PM_ONLY}.get(pattern.kind, Mark.AVAILABLE)
    if roll < yes + 0.07:
        return Mark.PREFER_NOT
    if roll < yes + 0.10 and pattern.kind in ("regular", "weekdays"):
        return rng.choice((Mark.AM_ONLY, Mark.PM_ONLY))
    return Mark.UNAVAILABLE


def make_availability(
    rng: random.Random, people: list[tuple[Staff, Pattern]], start: date, end: date
) -> dict[tuple[str, date], Mark]:
    """Everyone's marks for every day of the period (blank days are absent)."""
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    marks: dict[tuple[str, date], Mark] = {}
    for staff, pattern in people:
        for day in days:
            mark = _mark(rng, pattern, day, is_closed(day))
            if mark is not None:
                marks[(staff.id, day)] = mark
    return marks


def plan_name(start: date, end: date) -> str:
    """`2027年1月 歯科健診`, or `2027年1月〜3月 歯科健診` for a longer period."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year}年{start.month}月 歯科健診"
    tail = f"{end.month}月" if start.year == end.year else f"{end.year}年{end.month}月"
    return f"{start.year}年{start.month}月〜{tail} 歯科健診"


def build_plan(*, staff: int, sites: int, months: int, start: date, seed: int) -> Plan:
    """The whole plan for these sizes, with a witness roster that keeps every hard rule."""
    rng = random.Random(seed)
    end = period_end(start, months)
    site_list = make_sites(sites)
    scale = staff / max(1, sites) / SAMPLE_STAFF_PER_SITE
    requirements = make_sessions(rng, site_list, start, end, scale)
    people = make_staff(rng, staff, site_list)
    marks = make_availability(rng, people, start, end)
    problem = Problem(
        name=plan_name(start, end), start=start, end=end,
        staff=[s for s, _ in people], sites=[s for s, _ in site_list],
        requirements=requirements, availability=marks, blank_means=Mark.UNAVAILABLE,
    )
    return cover(problem, rng)
