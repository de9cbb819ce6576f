"""Per-person .ics calendars: RFC 5545 framing, Tokyo times, stable UIDs, place and time."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from models.calendars import escape_text, event_uid, fold, person_calendar, write_calendars
from models.domain import Assignment, Problem, Requirement, Roster, Site, Staff

STAMP = datetime(2026, 12, 20, 9, 30, tzinfo=timezone.utc)


def _req(day: int, site: str, activity: str, start: int, end: int, notes: str = "") -> Requirement:
    d = date(2027, 1, day)
    return Requirement(Requirement.make_id(d, site, activity, start), d, site, activity, start, end, 1, notes=notes)


def _problem() -> Problem:
    reqs = [_req(14, "灘保健センター", "3歳児健診", 13 * 60, 16 * 60, "持ち物: 白衣, 名札; 上履き"),
            _req(5, "東", "夜間相談", 22 * 60, 25 * 60), _req(20, "東", "教室", 600, 720)]
    return Problem("2027年1月", date(2027, 1, 1), date(2027, 1, 31),
                   [Staff("H001", "山田 花子"), Staff("H002", "佐藤/次郎"), Staff("H003", "暇 な人")],
                   [Site("灘保健センター", "灘区", "西"), Site("東")], reqs)


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def events(text: str) -> list[dict[str, str]]:
    found, current = [], None
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            key, value = line.split(":", 1)
            current[key] = value
    return found


def test_calendar_is_well_formed_with_tokyo_times() -> None:
    problem = _problem()
    text = person_calendar(problem, problem.staff[0], problem.requirements[:2], stamp=STAMP)
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert lines.index("BEGIN:VTIMEZONE") < lines.index("BEGIN:VEVENT")
    assert "TZID:Asia/Tokyo" in lines and "TZOFFSETTO:+0900" in lines
    for raw in text.split("\r\n"):
        assert len(raw.encode("utf-8")) <= 75
    night, checkup = events(text)  # in date order
    assert checkup["DTSTART;TZID=Asia/Tokyo"] == "20270114T130000"
    assert checkup["DTEND;TZID=Asia/Tokyo"] == "20270114T160000"
    assert checkup["LOCATION"] == "灘保健センター（灘区）"
    assert checkup["SUMMARY"] == "3歳児健診（灘保健センター）"
    assert "持ち物: 白衣\\, 名札\\; 上履き" in checkup["DESCRIPTION"]
    assert checkup["DTSTAMP"] == "20261220T093000Z" and checkup["STATUS"] == "CONFIRMED"
    assert night["DTEND;TZID=Asia/Tokyo"] == "20270106T010000"  # 25:00 is 1:00 the next day
    assert checkup["UID"] == event_uid("H001", problem.requirements[0].id)


def test_uids_stable_and_distinct() -> None:
    problem = _problem()
    a = person_calendar(problem, problem.staff[0], problem.requirements, stamp=STAMP)
    b = person_calendar(problem, problem.staff[0], problem.requirements, stamp=datetime.now(timezone.utc))
    assert [e["UID"] for e in events(a)] == [e["UID"] for e in events(b)]
    assert len({e["UID"] for e in events(a)}) == 3
    assert event_uid("H001", problem.requirements[0].id) != event_uid("H002", problem.requirements[0].id)


def test_cancelled_session_keeps_its_uid() -> None:
    problem = _problem()
    req = problem.requirements[2]
    (event,) = events(person_calendar(problem, problem.staff[0], [], cancelled=[req], stamp=STAMP))
    assert event["STATUS"] == "CANCELLED" and event["UID"] == event_uid("H001", req.id)
    assert event["SEQUENCE"] == "1"


def test_escape_and_fold() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "健診" * 40
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(piece.encode()) <= 75 for piece in folded.split("\r\n"))


def test_write_calendars_one_file_per_placed_person(tmp_path: Path) -> None:
    problem = _problem()
    reqs = problem.requirements
    roster = Roster([Assignment("H001", reqs[0].id), Assignment("H002", reqs[1].id), Assignment("H002", reqs[2].id)])
    paths = write_calendars(tmp_path, problem, roster, stamp=STAMP)
    assert [p.name for p in paths] == ["H001_山田 花子.ics", "H002_佐藤_次郎.ics"]  # H003 has no session
    assert len(events(paths[1].read_bytes().decode("utf-8"))) == 2
    only = write_calendars(tmp_path / "x", problem, roster, staff_ids={"H002"}, stamp=STAMP)
    assert [p.name for p in only] == ["H002_佐藤_次郎.ics"]
