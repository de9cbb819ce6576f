"""Builders for small workbooks in tests: sheets given as lists of rows, written with openpyxl."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl

Rows = list[list[Any]]

STAFF_ROWS: Rows = [
    ["職員ID", "氏名", "スキル"],
    ["H001", "山田 花子", "リーダー、フッ化物"],
    ["H002", "佐藤 次郎", "フッ化物"],
]
SESSION_ROWS: Rows = [
    ["日付", "会場", "内容", "開始", "終了", "必要人数", "最大人数", "必要スキル"],
    [datetime(2026, 4, 1), "灘", "3歳児健診", time(13, 0), time(16, 0), 2, 2, "リーダー:1"],
    [datetime(2026, 4, 14), "東灘", "1歳6か月児健診", time(9, 0), time(12, 0), 1, None, None],
]
MATRIX_ROWS: Rows = [
    ["職員ID", "氏名", datetime(2026, 4, 1), datetime(2026, 4, 14)],
    ["H001", "山田 花子", "○", "×"],
    ["H002", "佐藤 次郎", "△", "午前"],
]


def write_book(path: Path, sheets: dict[str, Rows], merge: dict[str, str | list[str]] | None = None) -> Path:
    """Writes `sheets` (title -> rows, in order) to `path`; `merge` maps a title to a range (or
    ranges) to merge."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        if merge and title in merge:
            ranges = merge[title]
            for cells in [ranges] if isinstance(ranges, str) else ranges:
                ws.merge_cells(cells)
    wb.save(path)
    return path


def standard(**replace: Rows | None) -> dict[str, Rows]:
    """The three required sheets with good data; pass `職員=...` to replace one, `=None` to drop it."""
    sheets: dict[str, Rows] = {"職員": STAFF_ROWS, "枠": SESSION_ROWS, "勤務可否": MATRIX_ROWS}
    for title, rows in replace.items():
        if rows is None:
            sheets.pop(title, None)
        else:
            sheets[title] = rows
    return sheets


def form(staff_id: str, answers: Rows, name: str = "") -> Rows:
    """A one-person availability form: title, ID and name labels, then `日付 | 曜日 | 可否` rows."""
    return [
        ["勤務可否回答票 2026年4月"],
        [],
        ["職員ID", staff_id],
        ["氏名", name],
        [],
        ["日付", "曜日", "可否", "備考"],
        *answers,
    ]


def moved_export(path: Path, days: int) -> None:
    """An exported roster workbook as a coordinator copies it for another period: every date of its
    input sheets and of Assignments `days` later, the 配置表 of the old dates deleted, the hidden
    sheets left as they are."""
    book = openpyxl.load_workbook(path)
    del book["配置表"]
    for title in ("設定", "枠", "勤務可否", "Assignments"):
        for row in book[title].iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime):
                    cell.value += timedelta(days=days)
                elif title == "Assignments" and cell.column == 1 and cell.row > 1:
                    cell.value = (date.fromisoformat(cell.value) + timedelta(days=days)).isoformat()
    book.save(path)
