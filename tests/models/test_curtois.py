"""The Curtois & Qu benchmark files read into Haichi's domain (shared/benchmarks/curtois/FORMAT.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.benchmarks.curtois import read_instance, read_solution, write_solution
from models.domain import Mark, Roster
from models.errors import InvalidInput

DATA = Path(__file__).parents[2].parent / "shared" / "benchmarks" / "curtois"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"benchmark files not found in {DATA}")

# FORMAT.md §6: days, staff, shift types, shift lengths, days off, on-requests, off-requests, cover lines
STATS = {
    1: (14, 8, 1, {480}, 8, 21, 5, 14), 2: (14, 14, 2, {480}, 14, 50, 12, 28),
    3: (14, 20, 3, {480}, 20, 39, 25, 42), 4: (28, 10, 2, {480}, 20, 52, 19, 56),
    5: (28, 16, 2, {480}, 32, 79, 27, 56), 6: (28, 18, 3, {480}, 36, 87, 48, 84),
    7: (28, 20, 3, {480}, 40, 104, 64, 84), 8: (28, 30, 4, {480}, 60, 139, 86, 112),
    9: (28, 36, 4, {480, 600}, 72, 144, 88, 112), 10: (28, 40, 5, {480, 600}, 80, 210, 74, 140),
    11: (28, 50, 6, {480}, 100, 197, 139, 168), 12: (28, 60, 10, {480}, 120, 294, 128, 280),
    13: (28, 120, 18, {480, 600, 720}, 240, 589, 252, 504), 14: (42, 32, 4, {480, 600}, 128, 266, 93, 168),
    15: (42, 45, 6, {480, 600, 720}, 180, 350, 140, 252), 16: (56, 20, 3, {480}, 120, 177, 103, 168),
    17: (56, 32, 4, {480}, 160, 351, 129, 224), 18: (84, 22, 3, {480}, 176, 322, 92, 252),
    19: (84, 40, 5, {480, 600}, 320, 587, 247, 420), 20: (182, 50, 6, {480}, 900, 1665, 653, 1092),
    21: (182, 100, 8, {480, 720}, 1800, 3210, 1492, 1456),
    22: (364, 50, 10, {480}, 1800, 3253, 1385, 3640),
    23: (364, 100, 16, {480, 600, 720}, 3600, 6549, 2861, 5824),
    24: (364, 150, 32, {480, 600, 720}, 5400, 9540, 4269, 11648),
}

SMALL = """# a hand-written instance: sections out of order, CRLF, comments, blank lines
SECTION_STAFF
# ID, MaxShifts, ...
Ann,d1=2|n10=0,960,480,2,1,1,1

SECTION_HORIZON
7
SECTION_SHIFTS
n10,600,d1|n10
d1,480,

SECTION_DAYS_OFF
Ann,3,
SECTION_SHIFT_ON_REQUESTS
Ann,0,d1,2
SECTION_SHIFT_OFF_REQUESTS
Ann,5,n10,3
SECTION_COVER
0,d1,1,100,1
0,n10,0,100,1
"""


@needs_data
@pytest.mark.parametrize("number", sorted(STATS))
def test_every_instance_parses_with_the_published_statistics(number: int) -> None:
    problem = read_instance(DATA / f"Instance{number}.txt")
    horizon, staff, shifts, lengths, days_off, on, off, cover = STATS[number]
    assert (problem.end - problem.start).days + 1 == horizon
    assert problem.start == date(2024, 1, 1) and problem.start.weekday() == 0
    assert len(problem.staff) == staff
    assert len({r.activity for r in problem.requirements}) == shifts
    assert {r.minutes for r in problem.requirements} == lengths
    assert sum(m is Mark.UNAVAILABLE for m in problem.availability.values()) == days_off
    assert sum(r.on for r in problem.requests) == on
    assert sum(not r.on for r in problem.requests) == off
    assert sum(r.under_weight == 100 and r.over_weight == 1 for r in problem.requirements) == cover


@needs_data
def test_instance1_maps_onto_haichi_domain() -> None:
    problem = read_instance(DATA / "Instance1.txt")
    a = problem.staff_by_id("A")
    assert (a.max_per_day, a.max_per_activity, a.max_minutes_per_plan, a.min_minutes_per_plan) == (
        1, (("D", 14),), 4320, 3360)
    assert (a.max_consecutive_days, a.min_consecutive_days, a.min_consecutive_days_off, a.max_weekends) == (
        5, 2, 2, 1)
    first = problem.requirements[0]
    assert (first.date, first.activity, first.start, first.end, first.min_staff, first.max_staff) == (
        date(2024, 1, 1), "D", 0, 480, 0, None)
    assert first.target == 5 and problem.blank_means is Mark.AVAILABLE
    assert problem.mark("A", date(2024, 1, 1)) is Mark.UNAVAILABLE
    assert not problem.rules["desired_count"].enabled and not problem.rules["load_spread"].enabled
    assert not problem.rules["prefer_not"].enabled


@needs_data
def test_crlf_reads_the_same_as_lf(tmp_path: Path) -> None:
    text = (DATA / "Instance3.txt").read_bytes()
    crlf = tmp_path / "Instance3.txt"
    crlf.write_bytes(text.replace(b"\n", b"\r\n"))
    assert read_instance(crlf) == read_instance(DATA / "Instance3.txt")


def test_order_comments_trailing_commas_and_long_shift_ids(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes(SMALL.replace("\n", "\r\n").encode())
    problem = read_instance(path)
    assert [r.activity for r in problem.requirements[:2]] == ["n10", "d1"]
    assert problem.forbidden_successions == frozenset({("n10", "d1"), ("n10", "n10")})
    assert problem.staff_by_id("Ann").max_per_activity == (("d1", 2), ("n10", 0))
    assert problem.mark("Ann", date(2024, 1, 4)) is Mark.UNAVAILABLE
    assert [(r.activity, r.on, r.weight) for r in problem.requests] == [("d1", True, 2), ("n10", False, 3)]
    # a (day, shift) without a cover line still exists, with no cover term
    later = [r for r in problem.requirements if r.date == date(2024, 1, 2)]
    assert {(r.target, r.under_weight, r.over_weight) for r in later} == {(0, 0, 0)}


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (("Ann,3,", "Bob,3,"), "unknown employee \"Bob\""),
        (("0,d1,1,100,1", "0,x9,1,100,1"), "unknown shift \"x9\""),
        (("Ann,0,d1,2", "Ann,9,d1,2"), "day 9 is outside 0..6"),
        (("n10,600,d1|n10", "n10,ten,d1|n10"), "shift length is not a whole number"),
        (("Ann,5,n10,3", "Ann,5,n10"), "expected 4 fields, found 3"),
        (("SECTION_COVER", "SECTION_CUPS"), "unknown section SECTION_CUPS"),
    ],
)
def test_malformed_files_name_file_and_line(tmp_path: Path, change: tuple[str, str], says: str) -> None:
    from models.i18n import language, set_language

    before = language()
    set_language("en")
    try:
        path = tmp_path / "bad.txt"
        path.write_text(SMALL.replace(*change))
        with pytest.raises(InvalidInput) as caught:
            read_instance(path)
        line = SMALL.replace(*change).splitlines().index(change[1]) + 1
        assert any(str(p).startswith(f"bad.txt: line {line}: {says}") for p in caught.value.problems), (
            caught.value.problems)
    finally:
        set_language(before)


def test_solution_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(SMALL)
    problem = read_instance(path)
    roster = Roster.from_pairs([("Ann", problem.requirements[0].id), ("Ann", problem.requirements[3].id)])
    out = tmp_path / "solution.csv"
    write_solution(problem, roster, out)
    assert out.read_text().splitlines() == ["employee,day,shift", "Ann,0,n10", "Ann,1,d1"]
    assert read_solution(problem, out).pairs() == roster.pairs()


def test_solution_with_unknown_rows_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(SMALL)
    problem = read_instance(path)
    out = tmp_path / "solution.csv"
    out.write_text("employee,day,shift\nAnn,0,d1\nZed,0,d1\nAnn,7,d1\n")
    with pytest.raises(InvalidInput) as caught:
        read_solution(problem, out)
    assert len(caught.value.problems) == 2
