"""One iCalendar (.ics, RFC 5545) file per person: each session with its place and time.

Times are the plan's local times, written against an `Asia/Tokyo` VTIMEZONE (Japan has no
daylight saving, so one STANDARD rule describes it whole). Each event's UID is derived from the
person and the session, so re-sending a person's calendar after a change updates the events
their calendar app already holds instead of duplicating them, and a session they were taken off
can be sent as a cancelled event with the same UID.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Collection, Sequence

from models.domain import Problem, Requirement, Roster, Staff, time_range
from models.excel.styles import safe_file_stem

TZID = "Asia/Tokyo"
_VTIMEZONE = (
    "BEGIN:VTIMEZONE", f"TZID:{TZID}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE",
)
_MAX_OCTETS = 75  # RFC 5545 §3.1: lines longer than this are folded


def event_uid(staff_id: str, requirement_id: str) -> str:
    """The stable UID of one person's place in one session."""
    digest = hashlib.sha256(f"{staff_id}\x1f{requirement_id}".encode()).hexdigest()[:32]
    return f"{digest}@haichi"


def escape_text(text: str) -> str:
    """A TEXT value escaped per RFC 5545 §3.3.11 (backslash, semicolon, comma, newline)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """`line` folded into CRLF-joined pieces of at most 75 octets, never splitting a character."""
    pieces: list[str] = []
    current, size, limit = "", 0, _MAX_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, _MAX_OCTETS - 1  # continuation lines start with a space
        current += ch
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _local(day: date, minutes: int) -> str:
    """`20270114T130000` for a time of day in minutes (past 24:00 runs into the next day)."""
    moment = datetime(day.year, day.month, day.day) + timedelta(minutes=minutes)
    return moment.strftime("%Y%m%dT%H%M%S")


def _event(problem: Problem, staff: Staff, req: Requirement, stamp: str, cancelled: bool) -> list[str]:
    site = problem.site(req.site)
    place = f"{site.name}（{site.area}）" if site.area and site.area not in site.name else site.name
    details = [problem.name, f"{req.activity} {time_range(req.start, req.end)}", place]
    if req.notes:
        details.append(req.notes)
    if cancelled:
        details.insert(0, "この勤務は取り消されました")
    return [
        "BEGIN:VEVENT",
        f"UID:{event_uid(staff.id, req.id)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID={TZID}:{_local(req.date, req.start)}",
        f"DTEND;TZID={TZID}:{_local(req.date, req.end)}",
        f"SUMMARY:{escape_text(f'{req.activity}（{req.site}）')}",
        f"LOCATION:{escape_text(place)}",
        f"DESCRIPTION:{escape_text(chr(10).join(details))}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        f"SEQUENCE:{1 if cancelled else 0}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def person_calendar(
    problem: Problem,
    staff: Staff,
    sessions: Sequence[Requirement],
    cancelled: Sequence[Requirement] = (),
    stamp: datetime | None = None,
) -> str:
    """The text of `staff`'s .ics file: their `sessions`, and `cancelled` ones marked as cancelled.

    `stamp` (UTC; default now) is every event's DTSTAMP, the time the file was made.
    """
    when = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Haichi//Haichi roster//JA", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(f'{problem.name} {staff.name}')}", f"X-WR-TIMEZONE:{TZID}",
        *_VTIMEZONE,
    ]
    ordered = sorted([(r, False) for r in sessions] + [(r, True) for r in cancelled],
                     key=lambda item: (item[0].date, item[0].start, item[0].site, item[1]))
    for req, is_cancelled in ordered:
        lines += _event(problem, staff, req, when, is_cancelled)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_calendars(
    directory: Path | str,
    problem: Problem,
    roster: Roster,
    staff_ids: Collection[str] | None = None,
    cancelled: dict[str, list[Requirement]] | None = None,
    stamp: datetime | None = None,
) -> list[Path]:
    """One `<staff_id>_<name>.ics` per person with a session (or a cancelled one) into `directory`,
    only for `staff_ids` when given; returns the paths written, in staff order."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    sessions: dict[str, list[Requirement]] = {}
    for a in roster.assignments:
        if problem.has_requirement(a.requirement_id):
            sessions.setdefault(a.staff_id, []).append(problem.requirement(a.requirement_id))
    cancelled = cancelled or {}
    written: list[Path] = []
    taken: set[str] = set()
    for person in problem.staff:
        if (staff_ids is not None and person.id not in staff_ids) or not (
                sessions.get(person.id) or cancelled.get(person.id)):
            continue
        stem = safe_file_stem(person.label("_"))
        while stem.lower() in taken:
            stem += "_"
        taken.add(stem.lower())
        path = folder / f"{stem}.ics"
        text = person_calendar(problem, person, sessions.get(person.id, []), cancelled.get(person.id, []), stamp)
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    return written
