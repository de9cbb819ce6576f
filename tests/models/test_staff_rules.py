"""A rule's value for one person as a 職員 column: read on import, written on export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from models.domain import Mark, Problem, Requirement, RuleSetting, Site, Staff
from models.errors import InputProblem, InvalidInput
from models.excel.importer import read_workbooks
from models.excel.template import write_template
from solver.rules import CATALOGUE

START, END = date(2027, 1, 4), date(2027, 1, 10)


pytestmark = pytest.mark.usefixtures("japanese")


def _ward() -> Problem:
    staff = [Staff("N01", "看護 一子"), Staff("N02", "看護 二子"), Staff("N03", "看護 三子")]
    reqs = [Requirement(Requirement.make_id(day, "5西", "夜勤", 990), day, "5西", "夜勤", 990, 1980, 1, 1)
            for day in (date(2027, 1, d) for d in range(4, 11))]
    return Problem("5西 1月", START, END, staff, [Site("5西")], reqs, blank_means=Mark.AVAILABLE)


def _book(tmp_path: Path, columns: dict[str, list]) -> Path:
    """The ward's workbook with `columns` (header -> one cell per nurse) added to 職員."""
    path = tmp_path / "ward.xlsx"
    write_template(path, START, END, CATALOGUE, _ward())
    wb = openpyxl.load_workbook(path)
    ws = wb["職員"]
    for header, values in columns.items():
        column = ws.max_column + 1
        ws.cell(row=1, column=column, value=header)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=column, value=value)
    wb.save(path)
    return path


def test_a_column_gives_each_person_their_own_value(tmp_path: Path) -> None:
    """A ward's 夜勤専従 (N03) needs no day off after her 明, and its 育児短時間 nurse (N02) more days off
    than the others: the window could say so, the workbook could not."""
    path = _book(tmp_path, {"休日数の下限（日）": [None, 3, None], "夜勤明けの後の休み": [1, 1, 0]})
    notes: list[InputProblem] = []
    problem = read_workbooks([path], CATALOGUE, notes=notes)
    assert problem.rules["min_days_off"].staff_overrides == {"N02": {"min_days_off": 3}}
    assert problem.rules["days_off_after_night"].staff_overrides == {
        "N01": {"days_off_after_night": 1}, "N02": {"days_off_after_night": 1}, "N03": {"days_off_after_night": 0}}
    assert problem.rules["min_days_off"].enabled and problem.rules["min_days_off"].hard
    # read, so neither said as a column Haichi does not read nor refused as an unread limit
    assert not [n for n in notes if "休日数" in n.message or "夜勤明け" in n.message]


def test_headers_as_the_settings_sheet_names_them_and_yes_or_no(tmp_path: Path) -> None:
    path = _book(tmp_path, {"休日数の上限": [9, None, None], "fiscal_fairness.include": ["いいえ", None, "はい"]})
    problem = read_workbooks([path], CATALOGUE)
    assert problem.rules["max_days_off"].staff_overrides == {"N01": {"max_days_off": 9}}
    assert problem.rules["fiscal_fairness"].staff_overrides == {"N01": {"include": False}, "N03": {"include": True}}


def test_a_value_that_does_not_read_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = _book(tmp_path, {"休日数の下限（日）": [None, "多め", None]})
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([path], CATALOGUE)
    [problem] = [p for p in caught.value.problems if "休日数の下限" in p.message]
    [column] = [c.column_letter for c in openpyxl.load_workbook(path)["職員"][1] if c.value == "休日数の下限（日）"]
    assert (problem.sheet, problem.cell) == ("職員", f"{column}3")  # N02's row
    assert "多め" in problem.message and "空欄なら計画の設定のとおり" in problem.message


def test_the_values_go_out_with_the_workbook_and_come_back(tmp_path: Path) -> None:
    """Set in the window (the rules dialog's per-person table), they were lost from every exported workbook."""
    ward = _ward()
    rules = {"min_days_off": RuleSetting(True, True, 100, {"min_days_off": 2}, {"N02": {"min_days_off": 3}}),
             "days_off_after_night": RuleSetting(True, True, 100, {}, {"N03": {"days_off_after_night": 0}})}
    path = tmp_path / "out.xlsx"
    write_template(path, START, END, CATALOGUE, ward.with_(rules=rules))
    header = [c.value for c in openpyxl.load_workbook(path)["職員"][1]]
    assert header[-2:] == ["休日数の下限（日）", "明けの後の休日（日）"]
    again = read_workbooks([path], CATALOGUE)
    assert again.rules["min_days_off"].staff_overrides == {"N02": {"min_days_off": 3}}
    assert again.rules["min_days_off"].params.get("min_days_off") == 2
    assert again.rules["days_off_after_night"].staff_overrides == {"N03": {"days_off_after_night": 0}}
