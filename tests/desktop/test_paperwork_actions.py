"""The paperwork in the window: forms out, returned forms in as one undoable edit, calendars."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from desktop.main_window import MainWindow
from models.domain import Mark, Roster

WAIT = 60000


@pytest.fixture
def window(qtbot, settings, tmp_path: Path, sample_plan):
    w = MainWindow(database_url=str(tmp_path / "plans.db"), settings=settings)
    qtbot.addWidget(w)
    w.set_problem(sample_plan.problem, Roster(list(sample_plan.witness.assignments)))
    qtbot.waitUntil(lambda: not w.is_busy() and not w.plan.is_evaluating(), timeout=WAIT)
    yield w
    w.close()


def _answer(form: Path, mark: str) -> None:
    """Fill every answer cell of a returned form with `mark`, as a staff member would."""
    wb = openpyxl.load_workbook(form)
    ws = wb.worksheets[0]
    header = next(r for r in range(1, 20) if any(c.value == "可否" for c in ws[r]))
    column = next(c.column for c in ws[header] if c.value == "可否")
    for row in range(header + 1, ws.max_row + 1):
        if ws.cell(row, 1).value is not None:
            ws.cell(row, column).value = mark
    wb.save(form)


def test_forms_out_and_back_in_as_one_undoable_edit(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    assert window.actions_.forms.isEnabled()
    window.write_forms(folder)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    forms = sorted(folder.glob("*.xlsx"))
    assert len(forms) == len(window.plan.problem.active_staff())

    first = forms[0]
    _answer(first, "×")
    staff_id = first.name.split("_")[0]
    before = dict(window.plan.problem.availability)
    window.collect_forms([first], confirm=False)
    qtbot.waitUntil(lambda: not window.is_busy() and bool(getattr(window, "last_collection_report", None)), timeout=WAIT)
    after = window.plan.problem
    days = [d for d in after.days() if after.mark(staff_id, d) is Mark.UNAVAILABLE]
    assert len(days) == len(after.days())  # every day of that person is now ×
    assert "not returned" in " ".join(window.last_collection_report) or "未提出" in " ".join(window.last_collection_report)

    window.undo_stack.undo()  # the whole collection is one step
    qtbot.waitUntil(lambda: not window.plan.is_evaluating(), timeout=WAIT)
    assert dict(window.plan.problem.availability) == before


def test_a_bad_form_changes_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    window.write_forms(folder)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    form = sorted(folder.glob("*.xlsx"))[0]
    _answer(form, "◇")
    before = dict(window.plan.problem.availability)
    window.collect_forms([form], confirm=False)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert dict(window.plan.problem.availability) == before
    assert "◇" in window.status.text() and form.name in window.status.text()


def test_calendars_for_everyone_with_a_session(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.write_calendars(tmp_path)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    files = list(tmp_path.glob("*.ics"))
    people = {a.staff_id for a in window.plan.roster.assignments}
    assert len(files) == len(people)
    assert "BEGIN:VCALENDAR" in files[0].read_text(encoding="utf-8")


def test_exporting_over_a_roster_open_in_excel_says_so_and_keeps_the_file(qtbot, window: MainWindow, tmp_path: Path,
                                                                          monkeypatch) -> None:
    import os

    from models.errors import CannotWrite

    out = tmp_path / "roster.xlsx"
    out.write_bytes(b"the published roster")

    def locked(source, target):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    window.export_to(out)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert isinstance(window.last_error, CannotWrite)
    assert "close it" in str(window.last_error) and window.status.text() == "Nothing was written."
    assert out.read_bytes() == b"the published roster"


def test_the_duty_roster_pdf_prints_the_勤務表(qtbot, window: MainWindow, tmp_path: Path, printed_pdfs) -> None:
    """File ▸ Export ▸ 勤務表のPDF: the people × days sheet a ward posts, through the same LibreOffice step."""
    assert window.actions_.duty_pdf.isEnabled()
    window.write_master_pdf(tmp_path / "duty.pdf", "duty")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    window.write_master_pdf(tmp_path / "master.pdf")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert window.actions_.sites_pdf.isEnabled()  # the window's plan has several sites
    window.write_master_pdf(tmp_path / "sites.pdf", "sites")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert printed_pdfs == [["勤務表"], ["配置表"], ["会場別"]] and (tmp_path / "duty.pdf").exists()
    assert window.status.text().endswith(str(tmp_path / "sites.pdf"))


def test_a_blank_form_is_shown_before_the_question_not_only_under_its_details(qtbot, window: MainWindow,
                                                                            tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop import paperwork_actions

    folder = tmp_path / "forms"
    folder.mkdir()
    window.write_forms(folder)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    blank = sorted(folder.glob("*.xlsx"))[0]  # returned as it went out: no marks at all
    asked: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(paperwork_actions, "run_modal", answer)
    before = dict(window.plan.problem.availability)
    window.collect_forms([blank])
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    [box] = asked
    assert box.icon() == QMessageBox.Icon.Warning
    assert blank.name in box.informativeText()  # the blank form is named where it is read
    assert box.informativeText().rstrip().endswith(("反映しますか？", "plan?"))
    assert dict(window.plan.problem.availability) == before  # cancelled: nothing applied
