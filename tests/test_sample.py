"""The bundled sample workbook and its generator: deterministic, committed as generated, realistic
in shape, feasible (a witness roster keeps every hard rule), and readable by the importer."""

from __future__ import annotations

import importlib.util
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from models.domain import Mark, Problem, Roster, week_start
from models.excel import schema
from resources.samples.make_sample import SAMPLE_ARGS, SAMPLE_PATH, generate, make_sample
from resources.samples.sample_names import is_closed

SMALL = dict(staff=60, sites=12, months=2, start=date(2027, 4, 1), seed=3)


def sheet_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = load_workbook(path)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    path = tmp_path_factory.mktemp("sample") / "sample.xlsx"
    return path, make_sample(path)


def hard_breaches(problem: Problem, roster: Roster) -> list[str]:
    """Every hard rule the generator promises, checked independently of its greedy."""
    out: list[str] = []
    by_req: dict[str, list[str]] = {}
    for a in roster.assignments:
        by_req.setdefault(a.requirement_id, []).append(a.staff_id)
    day: dict[tuple[str, date], list] = {}
    for r in problem.requirements:
        people = [problem.staff_by_id(i) for i in by_req.get(r.id, [])]
        if not r.min_staff <= len(people) <= (r.max_staff or len(people)):
            out.append(f"cover {r.label()}: {len(people)}")
        for skill, k in r.required_skills:
            if sum(skill in s.skills for s in people) < k:
                out.append(f"skill {skill} {r.label()}")
        for s in people:
            if not problem.mark(s.id, r.date).allows(r.start, r.end):
                out.append(f"availability {s.id} {r.label()}")
            day.setdefault((s.id, r.date), []).append(r)
    for (sid, d), reqs in day.items():
        s = problem.staff_by_id(sid)
        if len(reqs) > (s.max_per_day or 99):
            out.append(f"per day {sid} {d}")
        for a in reqs:
            for b in reqs:
                gap = problem.travel_minutes(a.site, b.site)
                if a is not b and a.start <= b.start and a.end + gap > b.start:
                    out.append(f"overlap {sid} {a.label()} / {b.label()}")
    for s in problem.staff:
        days = sorted(d for (sid, d) in day if sid == s.id)
        weeks = Counter(week_start(d) for d in days for _ in day[(s.id, d)])
        months = Counter((d.year, d.month) for d in days for _ in day[(s.id, d)])
        if s.max_per_week and max(weeks.values(), default=0) > s.max_per_week:
            out.append(f"per week {s.id}")
        if s.max_per_month and max(months.values(), default=0) > s.max_per_month:
            out.append(f"per month {s.id}")
        run = longest = 0
        for i, d in enumerate(days):
            run = run + 1 if i and d - days[i - 1] == timedelta(days=1) else 1
            longest = max(longest, run)
        if s.max_consecutive_days and longest > s.max_consecutive_days:
            out.append(f"consecutive {s.id}")
        minutes = sum(r.minutes for d in days for r in day[(s.id, d)])
        room = 60 * ((s.annual_pay_cap or 0) - s.paid_this_year)
        if s.annual_pay_cap and s.hourly_rate and s.hourly_rate * minutes > room:
            out.append(f"pay cap {s.id}")
    return out


def test_generator_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    generate(a, **SMALL, messy=True)
    generate(b, **SMALL, messy=True)
    assert a.read_bytes() == b.read_bytes()
    assert sheet_values(a) == sheet_values(b)
    c = tmp_path / "c.xlsx"
    generate(c, **{**SMALL, "seed": 4}, messy=True)
    assert sheet_values(c) != sheet_values(a)


def test_committed_sample_equals_a_fresh_generation(sample: tuple[Path, Any]) -> None:
    path, _ = sample
    assert SAMPLE_PATH.exists(), "run: uv run python resources/samples/make_sample.py"
    assert sheet_values(SAMPLE_PATH) == sheet_values(path)


def test_sample_counts_and_calendar(sample: tuple[Path, Any]) -> None:
    _, plan = sample
    p = plan.problem
    assert (p.start, p.end, p.name) == (date(2027, 1, 1), date(2027, 1, 31), "2027年1月 歯科健診")
    assert len(p.staff) == 45 and len(p.sites) == 10
    assert len({s.travel_group for s in p.sites}) in (3, 4)
    assert {r.activity for r in p.requirements} == {"1歳6か月児健診", "3歳児健診", "妊婦歯科健診", "口腔機能教室"}
    assert 120 <= len(p.requirements) <= 160
    assert not [r for r in p.requirements if is_closed(r.date)]
    assert {date(2027, 1, 1), date(2027, 1, 11)}.isdisjoint(r.date for r in p.requirements)
    assert 0 < sum(r.date.weekday() == 5 for r in p.requirements) <= 10
    assert any(r.max_staff > r.min_staff for r in p.requirements)
    assert any(not s.skills for s in p.staff) and any(s.annual_pay_cap for s in p.staff)
    for r in p.requirements:  # AM sessions end by noon, PM ones start at 13:00: travel always fits
        assert r.end <= 12 * 60 or r.start >= 13 * 60
    marks = Counter(p.mark(s.id, d) for s in p.staff for d in p.days())
    share_no = marks[Mark.UNAVAILABLE] / sum(marks.values())
    assert 0.45 < share_no < 0.65  # × and blank (blank = 不可)
    assert marks[Mark.PREFER_NOT] and marks[Mark.AM_ONLY] and marks[Mark.PM_ONLY]


def test_sample_is_messy_like_real_files(sample: tuple[Path, Any]) -> None:
    path, _ = sample
    wb = load_workbook(path)
    staff, sessions, matrix = wb["職員"], wb["枠"], wb["勤務可否"]
    title = f"A1:{get_column_letter(len(schema.STAFF.columns))}1"  # the title merged over every column
    assert title in {str(r) for r in staff.merged_cells.ranges}
    assert staff["A2"].value is None and staff["A3"].value == "職員ID"
    assert "氏名 " in [c.value for c in staff[3]]
    cells = [v for row in matrix.iter_rows(min_row=4, values_only=True) for v in row if isinstance(v, str)]
    assert {"○", "◯", "〇", "×", "✕", "△", "午前", "PM"} <= set(cells)
    assert any(str(v).startswith("Ｈ") for v in cells) or any(str(v).endswith(" ") for v in cells)
    dates = [row[0] for row in sessions.iter_rows(min_row=4, values_only=True) if row[0] is not None]
    assert any(isinstance(d, str) for d in dates) and any(not isinstance(d, str) for d in dates)
    times = [row[4] for row in sessions.iter_rows(min_row=4, values_only=True) if row[4] is not None]
    assert any(isinstance(v, str) for v in times)
    assert any(row[0] is None for row in sessions.iter_rows(min_row=4, max_row=sessions.max_row - 1, values_only=True))
    assert any(c.comment for row in staff.iter_rows() for c in row)
    assert sessions["A3"].fill.fgColor.rgb.endswith("DDEBF7")
    wb.close()


def test_witness_keeps_every_hard_rule(sample: tuple[Path, Any]) -> None:
    _, plan = sample
    assert (plan.repairs, plan.dropped) == (0, 0)
    assert hard_breaches(plan.problem, plan.witness) == []


def test_scaled_instance_stays_feasible(tmp_path: Path) -> None:
    plan = generate(tmp_path / "big.xlsx", **SMALL, messy=False)
    p = plan.problem
    assert (p.start, p.end, len(p.staff), len(p.sites)) == (date(2027, 4, 1), date(2027, 5, 31), 60, 12)
    assert any("地域福祉センター" in s.name for s in p.sites)
    assert plan.dropped == 0 and len(p.requirements) > 150
    assert hard_breaches(p, plan.witness) == []
    wb = load_workbook(tmp_path / "big.xlsx")
    assert wb["職員"]["A1"].value == "職員ID" and not wb["職員"].merged_cells.ranges
    wb.close()


def test_checker_notices_a_broken_roster(sample: tuple[Path, Any]) -> None:
    _, plan = sample
    dropped = Roster(plan.witness.assignments[1:])
    assert hard_breaches(plan.problem, dropped)


def _importer():
    if importlib.util.find_spec("models.excel.importer") is None:
        pytest.skip("models.excel.importer not written yet")
    from models.excel.importer import read_workbooks

    return read_workbooks


@pytest.mark.parametrize("messy", [True, False])
def test_workbook_imports_as_generated(tmp_path: Path, messy: bool) -> None:
    read_workbooks = _importer()
    args = {**SAMPLE_ARGS, "messy": messy}
    plan = generate(tmp_path / "s.xlsx", **args)  # type: ignore[arg-type]
    got, want = read_workbooks([tmp_path / "s.xlsx"]), plan.problem
    assert (got.name, got.start, got.end, got.blank_means) == (want.name, want.start, want.end, want.blank_means)
    assert got.staff == want.staff
    assert sorted(got.sites, key=lambda s: s.name) == sorted(want.sites, key=lambda s: s.name)
    key = lambda r: (r.id, r.min_staff, r.max_staff, dict(r.required_skills), r.notes)  # noqa: E731
    assert sorted(map(key, got.requirements), key=str) == sorted(map(key, want.requirements), key=str)
    for s in want.staff:
        assert [got.mark(s.id, d) for d in want.days()] == [want.mark(s.id, d) for d in want.days()]


def test_witness_passes_the_evaluator(sample: tuple[Path, Any]) -> None:
    read_workbooks = _importer()
    if importlib.util.find_spec("solver.evaluate") is None:
        pytest.skip("solver.evaluate not written yet")
    from solver.evaluate import evaluate
    from solver.rules import CATALOGUE

    path, plan = sample
    problem = read_workbooks([path], CATALOGUE)
    assert evaluate(problem, plan.witness).hard_violations == []


@pytest.mark.slow
def test_sample_solves(sample: tuple[Path, Any]) -> None:
    read_workbooks = _importer()
    if importlib.util.find_spec("solver.core") is None:
        pytest.skip("solver.core not written yet")
    from solver.core import SolveOptions, solve
    from solver.rules import CATALOGUE

    path, plan = sample
    problem = read_workbooks([path], CATALOGUE)
    result = solve(problem, SolveOptions(time_limit=10, workers=2, seed=0, hint=plan.witness))
    assert result.status in ("optimal", "feasible")
    assert result.roster is not None
    assert len(result.roster.assignments) >= sum(r.min_staff for r in problem.requirements)
