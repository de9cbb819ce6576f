"""The 配置基準 sheet: a nursery's staffing standard, a row per time band, read into 時間帯の最低人数."""

from __future__ import annotations

from datetime import time

import pytest
from workbooks import standard, write_book

from models.errors import InvalidInput
from models.excel.importer import read_workbooks
from solver.rules import CATALOGUE

pytestmark = pytest.mark.usefixtures("english")


def _read(tmp_path, rows, **more):
    notes: list = []
    path = write_book(tmp_path / "nursery.xlsx", standard(配置基準=rows, **more))
    return read_workbooks([path], CATALOGUE, notes=notes), notes


def test_each_row_is_a_band_after_those_the_settings_sheet_gives(tmp_path) -> None:
    rows = [["時間帯", "最低人数", "必要スキル", "曜日"],
            ["7:00〜8:30", 2, "保育士:1", None],
            ["8:30〜17:00", "12人", "保育士:12", "平日"],
            [None, None, None, None],
            ["18:00〜19:00", 2, "正規:1", None]]
    settings = [["項目", "値"], ["時間帯の最低人数.基準", "土曜 8:00-17:00 5"]]
    problem, notes = _read(tmp_path, rows, 設定=settings)
    assert problem.rules["band_cover"].params["bands"].splitlines() == [
        "土曜 8:00-17:00 5", "7:00〜8:30 2（保育士:1）", "平日 8:30〜17:00 12（保育士:12）", "18:00〜19:00 2（正規:1）"]
    assert notes == []


def test_start_and_end_columns_and_a_site(tmp_path) -> None:
    rows = [["会場", "開始", "終了", "人数"], ["灘", time(7), time(8, 30), 1]]
    problem, _ = _read(tmp_path, rows)
    assert problem.rules["band_cover"].params["bands"] == "灘 07:00-08:30 1"


def test_a_row_that_does_not_read_is_refused_at_its_cell(tmp_path) -> None:
    rows = [["時間帯", "最低人数"], ["朝", 2], ["7:00〜8:30", "二人"]]
    with pytest.raises(InvalidInput) as refused:
        _read(tmp_path, rows)
    said = [(p.sheet, p.cell) for p in refused.value.problems]
    assert ("配置基準", "A2") in said and ("配置基準", "B3") in said


def test_a_sheet_named_so_without_the_columns_is_said_and_left_unread(tmp_path) -> None:
    """A nursery's own 配置基準, kept before Haichi read one: 平日の最低人数 and its skills in words."""
    rows = [["時間帯", "平日の最低人数", "条件"], ["7:00〜8:30", 2, "うち保育士1名以上"]]
    problem, notes = _read(tmp_path, rows)
    assert "band_cover" not in problem.rules or not problem.rules["band_cover"].params.get("bands")
    assert [n.sheet for n in notes] == ["配置基準"] and "was not read" in notes[0].message
