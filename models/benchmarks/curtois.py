"""The Curtois & Qu nurse-rostering benchmark (instances 1–24) through Haichi's own domain.

The format and its rules are in shared/benchmarks/curtois/FORMAT.md. Mapping: day d is
2024-01-01 (a Monday) + d; one site "Ward"; each shift type is an activity; one Requirement per
(day, shift) with min_staff 0, no max, preferred = the cover requirement and the file's under/over
weights, from 0:00 to the shift's length (so minutes are right); staff limits become Staff
fields; fixed days off become × marks (blank = available); requests become ShiftRequests. The
fairness and △ rules are switched off, so the objective is exactly the benchmark's.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from models.domain import (
    Mark, Problem, Requirement, Roster, RuleSetting, ShiftRequest, Site, Staff,
)
from models.errors import InputProblem, InvalidInput
from models.i18n import t

START = date(2024, 1, 1)  # a Monday, as day 0 of every instance is
SITE = "Ward"
SECTIONS = (
    "SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF", "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER",
)
STAFF_FIELDS = 8
# the benchmark's objective is cover + requests only: no fairness, no △, weights as in the file
RULES = {
    "desired_count": RuleSetting(enabled=False),
    "load_spread": RuleSetting(enabled=False),
    "weekend_spread": RuleSetting(enabled=False),
    "prefer_not": RuleSetting(enabled=False),
    "repair": RuleSetting(enabled=False),
    "cover_target": RuleSetting(enabled=True, hard=False, weight=1),
    "requests": RuleSetting(enabled=True, hard=False, weight=1),
}


@dataclass(frozen=True)
class _Line:
    number: int
    fields: list[str]


class _Reader:
    """Collects every problem of one file, each with its line number."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[InputProblem] = []

    def fail(self, line: int, message: str) -> None:
        text = t("{line} 行目: {message}", "line {line}: {message}", line=line, message=message)
        self.problems.append(InputProblem(self.name, "", "", text))

    def integer(self, line: _Line, index: int, what: str, low: int = 0) -> int | None:
        text = line.fields[index] if index < len(line.fields) else ""
        try:
            value = int(text)
        except ValueError:
            self.fail(line.number, t("{what} が整数ではありません: \"{text}\"", "{what} is not a whole number: \"{text}\"",
                                     what=what, text=text))
            return None
        if value < low:
            self.fail(line.number, t("{what} は {low} 以上です: {value}", "{what} must be at least {low}: {value}",
                                     what=what, low=low, value=value))
            return None
        return value

    def width(self, line: _Line, count: int) -> bool:
        if len(line.fields) < count:
            self.fail(line.number, t("項目が {n} 個必要ですが {m} 個です", "expected {n} fields, found {m}",
                                     n=count, m=len(line.fields)))
            return False
        return True


def _sections(text: str, reader: _Reader) -> dict[str, list[_Line]]:
    """Data lines of each section, keyed by header name (order and blank lines do not matter)."""
    found: dict[str, list[_Line]] = {name: [] for name in SECTIONS}
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            current = line if line in found else None
            if current is None:
                reader.fail(number, t("不明な見出し {h}", "unknown section {h}", h=line))
            continue
        if current is not None:
            found[current].append(_Line(number, [f.strip() for f in line.split(",")]))
        else:
            reader.fail(number, t("見出しより前にデータがあります", "data before any section header"))
    return found


def read_instance(path: str | Path) -> Problem:
    """The instance at `path` as a Problem; InvalidInput naming file and line for a malformed file."""
    path = Path(path)
    reader = _Reader(path.name)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput([InputProblem(path.name, "", "", str(error))]) from error
    sections = _sections(text, reader)
    horizon = _horizon(sections["SECTION_HORIZON"], reader)
    shifts, follows = _shifts(sections["SECTION_SHIFTS"], reader)
    days = [START + timedelta(d) for d in range(horizon)]

    def day_of(line: _Line, index: int) -> date | None:
        d = reader.integer(line, index, t("日", "day"))
        if d is not None and d >= horizon:
            reader.fail(line.number, t("日 {d} は期間外です（0〜{h}）", "day {d} is outside 0..{h}", d=d, h=horizon - 1))
            return None
        return None if d is None else days[d]

    def shift_of(line: _Line, index: int) -> str | None:
        name = line.fields[index] if index < len(line.fields) else ""
        if name not in shifts:
            reader.fail(line.number, t("不明なシフト \"{s}\"", "unknown shift \"{s}\"", s=name))
            return None
        return name

    staff = _staff(sections["SECTION_STAFF"], reader, shifts)
    ids = {s.id for s in staff}

    def staff_of(line: _Line) -> str | None:
        if line.fields[0] not in ids:
            reader.fail(line.number, t("不明な職員 \"{e}\"", "unknown employee \"{e}\"", e=line.fields[0]))
            return None
        return line.fields[0]

    availability: dict[tuple[str, date], Mark] = {}
    for line in sections["SECTION_DAYS_OFF"]:
        who = staff_of(line)
        for index, field in enumerate(line.fields[1:], start=1):
            when = day_of(line, index) if field else None
            if who is not None and when is not None:
                availability[(who, when)] = Mark.UNAVAILABLE

    requests: list[ShiftRequest] = []
    for on, section in ((True, "SECTION_SHIFT_ON_REQUESTS"), (False, "SECTION_SHIFT_OFF_REQUESTS")):
        for line in sections[section]:
            if not reader.width(line, 4):
                continue
            who, when, shift = staff_of(line), day_of(line, 1), shift_of(line, 2)
            weight = reader.integer(line, 3, t("重み", "weight"), low=1)
            if who and when and shift and weight:
                requests.append(ShiftRequest(who, when, shift, on, weight))

    cover: dict[tuple[date, str], tuple[int, int, int]] = {}
    for line in sections["SECTION_COVER"]:
        if not reader.width(line, 5):
            continue
        when, shift = day_of(line, 0), shift_of(line, 1)
        values = [reader.integer(line, i, what) for i, what in
                  ((2, t("必要人数", "requirement")), (3, t("不足の重み", "under weight")), (4, t("超過の重み", "over weight")))]
        if when is None or shift is None or None in values:
            continue
        if (when, shift) in cover:
            reader.fail(line.number, t("{d} 日目の {s} が重複しています", "second cover line for day {d}, {s}",
                                       d=(when - START).days, s=shift))
        cover[(when, shift)] = (values[0], values[1], values[2])  # type: ignore[assignment]

    if not sections["SECTION_HORIZON"] or not shifts or not staff:
        reader.fail(0, t("期間・シフト・職員の見出しが必要です", "horizon, shifts and staff sections are required"))
    if reader.problems:
        raise InvalidInput(reader.problems)
    return Problem(
        name=path.stem, start=START, end=START + timedelta(horizon - 1), staff=staff, sites=[Site(SITE)],
        requirements=_requirements(days, shifts, cover), availability=availability,
        blank_means=Mark.AVAILABLE, requests=requests, forbidden_successions=frozenset(follows),
        rules={k: RuleSetting(v.enabled, v.hard, v.weight) for k, v in RULES.items()},
    )


def _horizon(lines: list[_Line], reader: _Reader) -> int:
    if len(lines) != 1 or len(lines[0].fields) != 1:
        reader.fail(lines[0].number if lines else 0, t("期間は1行に日数1つです", "the horizon is one line with one number"))
        return 0
    return reader.integer(lines[0], 0, t("日数", "horizon"), low=1) or 0


def _shifts(lines: list[_Line], reader: _Reader) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """Shift lengths by id, and the forbidden (shift, next day's shift) pairs."""
    lengths: dict[str, int] = {}
    cannot: list[tuple[_Line, str, list[str]]] = []
    for line in lines:
        if not reader.width(line, 2):
            continue
        name = line.fields[0]
        if name in lengths or not name:
            reader.fail(line.number, t("シフト \"{s}\" が重複しています", "shift \"{s}\" repeated or empty", s=name))
            continue
        length = reader.integer(line, 1, t("シフトの長さ", "shift length"), low=1)
        lengths[name] = length or 0
        later = line.fields[2] if len(line.fields) > 2 else ""
        cannot.append((line, name, [s.strip() for s in later.split("|") if s.strip()]))
    follows: set[tuple[str, str]] = set()
    for line, name, thens in cannot:
        for then in thens:
            if then not in lengths:
                reader.fail(line.number, t("不明なシフト \"{s}\"", "unknown shift \"{s}\"", s=then))
            follows.add((name, then))
    return lengths, follows


def _staff(lines: list[_Line], reader: _Reader, shifts: dict[str, int]) -> list[Staff]:
    result: list[Staff] = []
    seen: set[str] = set()
    for line in lines:
        if not reader.width(line, STAFF_FIELDS):
            continue
        who = line.fields[0]
        if who in seen or not who:
            reader.fail(line.number, t("職員 \"{e}\" が重複しています", "employee \"{e}\" repeated or empty", e=who))
            continue
        seen.add(who)
        most: list[tuple[str, int]] = []
        for item in filter(None, line.fields[1].split("|")):
            shift, _, count = item.partition("=")
            if shift not in shifts or not count.strip().isdigit():
                reader.fail(line.number, t("MaxShifts の \"{i}\" が読めません", "cannot read MaxShifts item \"{i}\"", i=item))
                continue
            most.append((shift, int(count)))
        names = ("MaxTotalMinutes", "MinTotalMinutes", "MaxConsecutiveShifts", "MinConsecutiveShifts",
                 "MinConsecutiveDaysOff", "MaxWeekends")
        values = [reader.integer(line, i, name) for i, name in enumerate(names, start=2)]
        if None in values:
            continue
        max_min, min_min, max_run, min_run, min_off, weekends = values
        result.append(Staff(
            who, who, max_per_day=1, max_per_activity=tuple(most),
            max_minutes_per_plan=max_min, min_minutes_per_plan=min_min, max_consecutive_days=max_run,
            min_consecutive_days=min_run, min_consecutive_days_off=min_off, max_weekends=weekends,
        ))
    return result


def _requirements(days: list[date], shifts: dict[str, int],
                  cover: dict[tuple[date, str], tuple[int, int, int]]) -> list[Requirement]:
    """One session per (day, shift); a pair without a cover line has no cover term (weights 0)."""
    result = []
    for day in days:
        for shift, length in shifts.items():
            target, under, over = cover.get((day, shift), (0, 0, 0))
            result.append(Requirement(
                Requirement.make_id(day, SITE, shift, 0), day, SITE, shift, 0, length, min_staff=0,
                max_staff=None, preferred_staff=target, under_weight=under, over_weight=over,
            ))
    return result


def write_solution(problem: Problem, roster: Roster, path: str | Path) -> None:
    """Write `employee,day,shift` rows (day 0-based), one per worked shift, staff in file order."""
    order = {s.id: i for i, s in enumerate(problem.staff)}
    rows = sorted(
        ((a.staff_id, (problem.requirement(a.requirement_id).date - problem.start).days,
          problem.requirement(a.requirement_id).activity) for a in roster.assignments),
        key=lambda row: (order.get(row[0], len(order)), row[0], row[1], row[2]),
    )
    with Path(path).open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["employee", "day", "shift"])
        writer.writerows(rows)


def read_solution(problem: Problem, path: str | Path) -> Roster:
    """The roster in a solution CSV; InvalidInput naming file and line for anything unknown."""
    path = Path(path)
    reader = _Reader(path.name)
    by_day_shift = {((r.date - problem.start).days, r.activity): r.id for r in problem.requirements}
    ids = {s.id for s in problem.staff}
    pairs: list[tuple[str, str]] = []
    with path.open(newline="", encoding="utf-8-sig") as source:
        rows = list(csv.reader(source))
    header = [h.strip() for h in rows[0]] if rows else []
    if header[:3] != ["employee", "day", "shift"]:
        reader.fail(1, t("見出しは employee,day,shift です", "the header must be employee,day,shift"))
    for number, row in enumerate(rows[1:], start=2):
        fields = [f.strip() for f in row]
        if not any(fields):
            continue
        line = _Line(number, fields)
        if not reader.width(line, 3):
            continue
        day = reader.integer(line, 1, t("日", "day"))
        if fields[0] not in ids:
            reader.fail(number, t("不明な職員 \"{e}\"", "unknown employee \"{e}\"", e=fields[0]))
        elif day is not None and (day, fields[2]) not in by_day_shift:
            reader.fail(number, t("{d} 日目に {s} はありません", "no shift {s} on day {d}", d=day, s=fields[2]))
        elif day is not None:
            pairs.append((fields[0], by_day_shift[(day, fields[2])]))
    if reader.problems:
        raise InvalidInput(reader.problems)
    return Roster.from_pairs(pairs)
