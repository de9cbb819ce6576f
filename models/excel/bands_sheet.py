"""The 配置基準 sheet: a nursery's staffing standard, a row per time band (solver.rules.band_cover).

    時間帯        最低人数  必要スキル  曜日
    7:00〜8:30    2         保育士:1
    8:30〜17:00   12        保育士:12   平日
    18:00〜19:00  2         正規:1
    8:00〜17:00   5                     土曜

時間帯 may be two columns, 開始 and 終了; a 会場 column holds a row to that site. Each row becomes one line
of the rule 時間帯の最低人数's 基準 (after any the 設定 sheet gives), read by the rule's own reading: a row
that does not read is refused at its cell. A nursery had kept exactly this sheet, and had had to turn it
into shift counts by trial.
"""

from __future__ import annotations

from typing import Any, Callable

from models.domain import hhmm
from models.errors import InputProblem
from models.excel import messages
from models.excel.reader import Cells, Table, normalize
from models.excel.schema import BANDS
from models.textparse import parse_count, parse_time


def read_bands(table: Table, problems: list[InputProblem], reads: Callable[[str], Any]) -> list[str]:
    """The 基準 lines of the table's rows; each row that does not read is a problem at its cell."""
    lines = []
    for index, row in table.data():
        cells = Cells(table, index, row, problems)
        hours = cells.text("hours")
        if not hours:
            start = cells.get("start", parse_time, messages.bad_time)
            end = cells.get("end", parse_time, messages.bad_time)
            if start is None or end is None:
                cells.report("hours" if "hours" in table.columns else "start", messages.band_hours())
                continue
            hours = f"{hhmm(start)}-{hhmm(end % 1440)}"
        least = cells.get("least", parse_count, messages.bad_count, required=BANDS.column("least"))
        if not cells.ok:
            continue
        skills = cells.text("required_skills")
        line = " ".join(part for part in (cells.text("days"), cells.text("site"), hours,
                                          f"{least}" + (f"（{skills}）" if skills else "")) if part)
        try:
            reads(line)
        except ValueError:
            cells.report("hours" if "hours" in table.columns else "start", messages.band_unread(normalize(line)))
            continue
        lines.append(line)
    return lines
