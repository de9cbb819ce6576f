"""Problems found in what a user gave Haichi, each pinned to file, sheet and cell."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputProblem:
    """One problem in an input file: `roster.xlsx 勤務可否!D7: unknown mark "?"`."""

    file: str
    sheet: str
    cell: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.sheet:
            where += f" {self.sheet}!{self.cell}" if self.cell else f" {self.sheet}"
        return f"{where}: {self.message}"


class InvalidInput(Exception):
    """Raised with every problem found, never only the first; nothing has been written."""

    def __init__(self, problems: list[InputProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class CannotWrite(InvalidInput):
    """An output that cannot be written (a missing folder, a file open in Excel); the input was
    fine, and nothing has been written."""
