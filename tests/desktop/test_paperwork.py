"""The paperwork functions the desktop window calls (no Qt): files per person, PDFs that fit A4."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop import paperwork
from models.changes import MOVED, REMOVED, Change
from models.domain import Assignment, Mark, Roster
from models.excel.forms import write_form
from resources.samples.sample_witness import Plan

needs_office = pytest.mark.skipif(paperwork.find_office() is None, reason="LibreOffice is not installed")


def pdf_pages(path: Path) -> tuple[int, set[tuple[float, float]]]:
    """How many pages a PDF that LibreOffice wrote has, and their sizes (width, height) in points."""
    data = path.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    sizes = {(round(float(x2) - float(x1)), round(float(y2) - float(y1))) for x1, y1, x2, y2 in boxes}
    return len(re.findall(rb"/Type\s*/Page(?!s)", data)), sizes


def test_personal_files_are_a_workbook_and_a_calendar_each(sample_plan: Plan, tmp_path: Path) -> None:
    problem, roster = sample_plan.problem, sample_plan.witness
    files = paperwork.personal_files(tmp_path, problem, roster)
    placed = {a.staff_id for a in roster.assignments}
    assert sum(f.suffix == ".ics" for f in files) == len(placed)
    assert sum(f.suffix == ".xlsx" for f in files) == len(problem.active_staff())


def test_own_change_speaks_to_the_person(sample_plan: Plan) -> None:
    problem = sample_plan.problem
    a, b = problem.requirements[:2]
    assert paperwork.own_change(problem, Change(MOVED, "H001", a.id, b.id, a.date)) == \
        f"【moved】 {a.label()} → {b.label()}"  # the desktop tests run in English
    assert paperwork.own_change(problem, Change(REMOVED, "H001", a.id, None, a.date)) == f"【removed】 {a.label()}"


def test_notify_with_no_change_writes_only_the_report(sample_plan: Plan, tmp_path: Path) -> None:
    notice = paperwork.notify(tmp_path, sample_plan.problem, sample_plan.witness, sample_plan.witness)
    assert notice.affected == [] and [p.name for p in notice.files] == [paperwork.CHANGES_FILE]


def test_notify_pin_only_affects_nobody(sample_plan: Plan, tmp_path: Path) -> None:
    roster = sample_plan.witness
    pinned = Roster([Assignment(a.staff_id, a.requirement_id, locked=i == 0) for i, a in enumerate(roster.assignments)])
    notice = paperwork.notify(tmp_path, sample_plan.problem, roster, pinned)
    assert len(notice.changes) == 1 and notice.affected == []


def test_notify_tells_the_people_of_a_session_closed_since(sample_plan: Plan, tmp_path: Path) -> None:
    """A session taken out of the plan after publishing (a club closed that day): its people are affected,
    their notice says it, and their calendar cancels its event."""
    problem, roster = sample_plan.problem, sample_plan.witness
    closed = roster.assignments[0]
    session = problem.requirement(closed.requirement_id)
    reopened = problem.with_(requirements=[r for r in problem.requirements if r.id != session.id])
    after = Roster([a for a in roster.assignments if a.requirement_id != session.id])
    notice = paperwork.notify(tmp_path, reopened, roster, after)
    taken_off = {a.staff_id for a in roster.assignments if a.requirement_id == session.id}
    assert set(notice.affected) == taken_off and {c.kind for c in notice.changes} == {REMOVED}
    [calendar] = [f for f in notice.files if f.name.startswith(closed.staff_id) and f.suffix == ".ics"]
    text = calendar.read_text(encoding="utf-8")
    assert "STATUS:CANCELLED" in text and session.activity in text
    assert any("(no longer held)" in line for line in notice.lines)


@needs_office
def test_form_prints_on_one_a4_portrait_page(sample_plan: Plan, tmp_path: Path) -> None:
    problem = sample_plan.problem
    form = tmp_path / "form.xlsx"
    write_form(form, problem, problem.staff[0])
    paperwork.to_pdf(form, tmp_path / "form.pdf")
    assert pdf_pages(tmp_path / "form.pdf") == (1, {(595, 842)})  # one A4 portrait page


def test_missing_office_is_said_in_words(monkeypatch: pytest.MonkeyPatch, sample_plan: Plan, tmp_path: Path) -> None:
    monkeypatch.setattr(paperwork, "find_office", lambda: None)
    with pytest.raises(paperwork.PdfUnavailable, match="LibreOffice"):
        paperwork.master_pdf(tmp_path / "m.pdf", sample_plan.problem, sample_plan.witness)
    assert not (tmp_path / "m.pdf").exists()


def test_collected_answers_go_into_the_coordinators_own_workbook(tmp_path: Path) -> None:
    """`collect --into` rewrote the workbook in the template's layout (title rows, sheets and formats
    lost): only the answering people's 勤務可否 cells change now; a cell that says the same keeps its
    spelling, and a × merged across two days is unmerged with each day keeping its ×."""
    from datetime import date, datetime

    import openpyxl

    from desktop.operations import import_workbooks
    from tests.models.workbooks import STAFF_ROWS, form, standard, write_book

    matrix = [["令和8年4月 勤務可否"], [], ["職員ID", "氏名", datetime(2026, 4, 1), datetime(2026, 4, 2),
                                           datetime(2026, 4, 14)],
              ["H001", "山田 花子", "休み", "○", "○"], ["H002", "佐藤 次郎", "×", None, "午前"]]
    source = write_book(tmp_path / "入力.xlsx", standard(勤務可否=matrix, 職員=[*STAFF_ROWS]),
                        merge={"勤務可否": "C5:D5"})
    problem = import_workbooks([source])
    answered = write_book(tmp_path / "h001.xlsx", {"勤務可否": form("H001", [
        [datetime(2026, 4, 1), "水", "休み"], [datetime(2026, 4, 2), "木", "13時から"], [datetime(2026, 4, 14), "火", "希"]])})
    collection = paperwork.collect(problem, [answered])
    out = tmp_path / "out.xlsx"
    assert paperwork.write_collected(source, out, collection) == 2
    ws = openpyxl.load_workbook(out)["勤務可否"]
    assert ws["A1"].value == "令和8年4月 勤務可否"  # the title row stays
    assert [ws.cell(4, c).value for c in range(3, 6)] == ["休み", "13:00〜", "希"]
    assert [ws.cell(5, c).value for c in range(3, 6)] == ["×", None, "午前"]  # H002 answered nothing: untouched
    again = import_workbooks([out])
    assert again.windows == {("H001", date(2026, 4, 2)): (780, None)} and again.leave[("H001", date(2026, 4, 14))] == "希"
    merged = paperwork.collect(problem, [write_book(tmp_path / "h002.xlsx", {"勤務可否": form("H002", [
        [datetime(2026, 4, 1), "水", "○"], [datetime(2026, 4, 2), "木", "×"], [datetime(2026, 4, 14), "火", "午前"]])})])
    assert paperwork.write_collected(source, out, merged) == 1
    ws = openpyxl.load_workbook(out)["勤務可否"]
    assert [ws.cell(5, c).value for c in range(3, 6)] == ["○", "×", "午前"] and not ws.merged_cells.ranges
    # forms sent instead of a matrix: the template's layout holds the plan
    formless = write_book(tmp_path / "forms_only.xlsx", standard(勤務可否=None))
    plan = import_workbooks([formless], marks_optional=True)
    assert paperwork.write_collected(formless, out, paperwork.collect(plan, [answered])) is None
    assert "勤務可否" in openpyxl.load_workbook(out).sheetnames


def test_a_shift_refused_on_a_form_goes_into_the_coordinators_workbook(tmp_path: Path) -> None:
    """`collect --into`: a form's `1歳6か月児健診不可` is written in the person's cell as it reads back."""
    from datetime import date, datetime

    import openpyxl

    from desktop.operations import import_workbooks
    from tests.models.workbooks import MATRIX_ROWS, form, standard, write_book

    source = write_book(tmp_path / "入力.xlsx", standard(勤務可否=MATRIX_ROWS))
    problem = import_workbooks([source])
    answered = write_book(tmp_path / "h001.xlsx", {"勤務可否": form("H001", [
        [datetime(2026, 4, 1), "水", "○"], [datetime(2026, 4, 14), "火", "1歳6か月児健診×"]])})
    out = tmp_path / "out.xlsx"
    assert paperwork.write_collected(source, out, paperwork.collect(problem, [answered])) == 1
    ws = openpyxl.load_workbook(out)["勤務可否"]
    assert [ws.cell(2, c).value for c in range(3, 5)] == ["○", "1歳6か月児健診不可"]
    again = import_workbooks([out])
    assert again.refused == {("H001", date(2026, 4, 14)): {"1歳6か月児健診"}}
    assert again.mark("H001", date(2026, 4, 14)) is Mark.AVAILABLE


def test_answers_go_into_a_survey_sheet_the_import_reads_as_its_marks(tmp_path: Path) -> None:
    """An election office's marks sheet was named 意向調査: the import read it as 勤務可否, but `collect --into`
    found no 勤務可否 and wrote the plan over in the template's layout, the office's own sheets gone."""
    from datetime import datetime

    import openpyxl

    from desktop.operations import import_workbooks
    from tests.models.workbooks import MATRIX_ROWS, form, standard, write_book

    days = [datetime(2026, 4, d) for d in (1, 2, 13, 14)]
    survey = [["職員ID", "氏名", *days], ["H001", "山田 花子", "○", "○", "○", "×"], ["H002", "佐藤 次郎", "△", "○", "○", "午前"]]
    source = write_book(tmp_path / "選挙.xlsx", standard(勤務可否=None, 意向調査=survey))
    problem = import_workbooks([source])
    answered = write_book(tmp_path / "h001.xlsx", {"勤務可否": form("H001", [
        [datetime(2026, 4, 1), "水", "×"], [datetime(2026, 4, 14), "火", "○"]])})
    out = tmp_path / "out.xlsx"
    assert paperwork.write_collected(source, out, paperwork.collect(problem, [answered])) is not None
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["職員", "枠", "意向調査"]
    row = [book["意向調査"].cell(2, c).value for c in range(3, 7)]
    assert (row[0], row[3]) == ("×", "○") and [book["意向調査"].cell(3, c).value for c in range(3, 7)] == survey[2][2:]
