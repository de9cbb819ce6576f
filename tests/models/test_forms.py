"""The availability form a person receives: who, when, one row per day, only the answers open."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from models.domain import Mark, Problem, Requirement, Staff
from models.excel.forms import HEADER_ROW, form_file_name, write_form, write_forms
from models.excel.importer import read_workbooks
from models.excel.styles import HOLIDAY_FILL, SATURDAY_FILL
from tests.models.workbooks import standard, write_book


def _problem() -> Problem:
    staff = [Staff("H001", "山田 花子"), Staff("H/02", "佐藤:美咲"), Staff("H003", "退職 済", active=False)]
    return Problem("2027年1月", date(2027, 1, 1), date(2027, 1, 31), staff,
                   availability={("H001", date(2027, 1, 4)): Mark.AM_ONLY}, blank_means=Mark.AVAILABLE)


def test_layout_and_protection(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    write_form(path, _problem(), _problem().staff[0])
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "勤務可否"
    assert (ws["A2"].value, ws["B2"].value, ws["A3"].value, ws["B3"].value) == ("職員ID", "H001", "氏名", "山田 花子")
    assert "2027年1月1日" in ws["B4"].value and "2027年1月31日" in ws["B4"].value
    assert [ws.cell(HEADER_ROW, c).value for c in range(1, 5)] == ["日付", "曜日", "可否", "備考"]
    first, last = HEADER_ROW + 1, HEADER_ROW + 31
    assert ws.cell(first, 1).value.date() == date(2027, 1, 1) and ws.cell(last, 1).value.date() == date(2027, 1, 31)
    assert ws.cell(first, 2).value == "金・祝 元日"  # New Year's Day is a holiday
    assert ws.cell(first, 1).fill.fgColor.rgb.endswith(HOLIDAY_FILL)
    assert ws.cell(first + 1, 1).fill.fgColor.rgb.endswith(SATURDAY_FILL)
    assert ws.cell(first + 10, 2).value == "月・祝 成人の日"
    assert any("空欄の日は ○（勤務できる）" in (ws.cell(r, 1).value or "") for r in range(5, HEADER_ROW))
    assert ws.protection.sheet and not ws.protection.password
    for row in range(1, last + 1):  # only the answers of the day rows are open
        for col in range(1, 5):
            open_ = not ws.cell(row, col).protection.locked
            assert open_ == (row >= first and col in (3, 4)), ws.cell(row, col).coordinate
    (validation,) = ws.data_validations.dataValidation
    assert validation.formula1 == '"○,△,×,希,有休,午前,午後"' and str(validation.sqref) == f"C{first}:C{last}"
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToHeight == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_the_form_says_the_persons_weekdays(tmp_path: Path) -> None:
    """A helper who works 火・木・土 filled in only her exceptions: her form did not say her days."""
    from dataclasses import replace

    problem = _problem()
    path = tmp_path / "f.xlsx"
    write_form(path, problem, replace(problem.staff[0], weekdays="火木土"))
    ws = openpyxl.load_workbook(path).active
    assert (ws["C2"].value, ws["D2"].value) == ("勤務曜日", "火・木・土")
    write_form(path, problem, problem.staff[0])
    assert openpyxl.load_workbook(path).active["C2"].value is None


def test_prefill_writes_known_marks(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    problem = _problem()
    write_form(path, problem, problem.staff[0], prefill=True)
    ws = openpyxl.load_workbook(path).active
    answers = {ws.cell(r, 1).value.date(): ws.cell(r, 3).value for r in range(HEADER_ROW + 1, HEADER_ROW + 32)}
    assert {d: v for d, v in answers.items() if v} == {date(2027, 1, 4): "午前"}


def test_one_form_per_active_person_with_windows_safe_names(tmp_path: Path) -> None:
    paths = write_forms(tmp_path, _problem())
    assert [p.name for p in paths] == ["H001_山田 花子_勤務可否.xlsx", "H_02_佐藤_美咲_勤務可否.xlsx"]
    assert form_file_name(Staff("CON", "x")) == "CON_x_勤務可否.xlsx"
    with pytest.raises(KeyError):
        write_forms(tmp_path, _problem(), ["H999"])


def test_filled_form_is_read_by_the_importer(tmp_path: Path) -> None:
    """The plain importer (haichi import) takes a returned form next to the main workbook."""
    book = write_book(tmp_path / "in.xlsx", standard())
    problem = read_workbooks([book])
    person = problem.staff[0]
    form = tmp_path / form_file_name(person)
    write_form(form, problem, person)
    wb = openpyxl.load_workbook(form)
    wb.active.cell(HEADER_ROW + 1, 3).value = "午後"
    wb.save(form)
    merged = read_workbooks([book, form])
    assert {d: m for (s, d), m in merged.availability.items() if s == person.id} == {problem.start: Mark.PM_ONLY}


def test_the_drop_down_and_instructions_offer_the_plans_shifts(tmp_path: Path) -> None:
    day = date(2027, 1, 4)
    shifts = [Requirement(name, day, "3階東", name, start, end, 1)
              for name, start, end in (("深夜", 30, 540), ("日勤", 510, 1020), ("準夜", 990, 1500))]
    problem = _problem().with_(requirements=shifts)
    path = tmp_path / "f.xlsx"
    write_form(path, problem, problem.staff[0])
    ws = openpyxl.load_workbook(path).active
    (validation,) = ws.data_validations.dataValidation
    assert validation.formula1 == '"○,△,×,希,有休,午前,午後,日勤,準夜,深夜"'
    assert "勤務名=その勤務を希望" in validation.prompt
    assert "日勤・準夜・深夜 その勤務を希望" in ws["A5"].value
    many = problem.with_(requirements=[Requirement(f"r{i}", day, "灘", f"健診その{i:02}", 540, 720, 1)
                                       for i in range(40)])  # too many for a drop-down: the marks only
    write_form(path, many, many.staff[0])
    (validation,) = openpyxl.load_workbook(path).active.data_validations.dataValidation
    assert validation.formula1 == '"○,△,×,希,有休,午前,午後"' and "勤務名" not in validation.prompt
    # a part-timer's 内容別上限 `準夜+深夜:0`: not offered the nights she may never work
    part_timer = replace(problem.staff[0], max_per_activity=(("準夜+深夜", 0),))
    write_form(path, problem, part_timer)
    (validation,) = openpyxl.load_workbook(path).active.data_validations.dataValidation
    assert validation.formula1 == '"○,△,×,希,有休,午前,午後,日勤"'

    # a polling office's 投票管理者 (管理者:1 of at most 1) and a night a 新人 may not take (新人:0〜0):
    # not offered to those the skills keep out of every such session
    closed = problem.with_(requirements=[
        replace(shifts[0], skill_caps=(("新人", 0),)), shifts[1],
        Requirement("管理", day, "3階東", "投票管理者", 510, 1200, 1, max_staff=1, required_skills=(("管理者", 1),))])
    write_form(path, closed, replace(problem.staff[0], skills=frozenset({"新人"})))
    (validation,) = openpyxl.load_workbook(path).active.data_validations.dataValidation
    assert validation.formula1 == '"○,△,×,希,有休,午前,午後,日勤"'
    write_form(path, closed, replace(problem.staff[0], skills=frozenset({"管理者"})))
    (validation,) = openpyxl.load_workbook(path).active.data_validations.dataValidation
    assert validation.formula1 == '"○,△,×,希,有休,午前,午後,投票管理者,日勤,深夜"'
