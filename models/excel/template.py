"""The input template (`haichi template`): 記入方法, 職員, 枠, 勤務可否, 会場 and 設定 (DESIGN §4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook

from models.domain import Mark, Problem, TravelBuffers
from models.excel.instructions import write_instructions
from models.excel.sheets_input import write_input_sheets
from models.i18n import t
from models.rulemeta import RuleInfo


def write_template(
    path: Path | str,
    start: date,
    end: date,
    catalogue: Sequence[RuleInfo] = (),
    problem: Problem | None = None,
) -> None:
    """Write the template workbook for the period `start`–`end` to `path`.

    The 勤務可否 sheet has one column per day with ○/△/×/午前/午後 drop-downs; the 設定 sheet one
    row per setting of every rule in `catalogue`. With `problem`, staff, sessions, sites, marks
    and rule settings are filled in from it. Raises ValueError when `end` is before `start`.
    """
    if end < start:
        raise ValueError(t("期間の終了日が開始日より前です", "the period ends before it starts"))
    wb = Workbook(write_only=True)
    write_instructions(
        wb, start, end,
        problem.blank_means if problem else Mark.UNAVAILABLE,
        problem.travel if problem else TravelBuffers(),
    )
    write_input_sheets(wb, start, end, catalogue, problem)
    wb.save(Path(path))
