"""One import problem shown where it is: the sheet as the importer read it, the problem's cell
selected and marked, its message above. Double-clicking a problem in the import wizard opens it.

Excel cannot be told from outside which cell to select, so opening the file alone left the
coordinator searching a 500-column sheet for `勤務可否!MZ212`; here it is in view at once, and
"Open in Excel" is one click away for the fix.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import column_index_from_string, get_column_letter
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QPushButton, QTableView, QVBoxLayout,
)

from desktop.workers import BackgroundTask
from models.errors import InputProblem
from models.excel.reader import Book

PROBLEM_COLOUR = QColor("#fecaca")  # the problem's cell (or row, or column), as the error list's red
_CELL = re.compile(r"^\s*([A-Za-z]{1,3})?\s*(\d{1,7})?\s*$")


def cell_position(cell: str) -> tuple[int | None, int | None]:
    """0-based (row, column) of an Excel cell name: `D7` -> (6, 3); `D` -> (None, 3) for a whole
    column, `7` -> (6, None) for a whole row; (None, None) when it names no cell."""
    match = _CELL.match(cell or "")
    if match is None:
        return None, None
    letters, digits = match.groups()
    column = column_index_from_string(letters.upper()) - 1 if letters else None
    row = int(digits) - 1 if digits and int(digits) > 0 else None
    return row, column


def shown(value: Any) -> str:
    """A cell's value as the coordinator typed it, near enough: dates and times without seconds."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour, value.minute) != (0, 0) else value.date().isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
    if isinstance(value, timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class SheetModel(QAbstractTableModel):
    """A sheet's rows, read-only, with Excel's column letters and row numbers as headers."""

    def __init__(self, rows: list[tuple[Any, ...]], row: int | None, column: int | None, parent=None):
        super().__init__(parent)
        self._rows = rows
        self._row, self._column = row, column
        self._columns = max([len(r) for r in rows] + [(column or 0) + 1, 1])
        self._count = max(len(rows), (row or 0) + 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._columns

    def _marked(self, row: int, column: int) -> bool:
        if self._row is None and self._column is None:
            return False
        return (self._row is None or row == self._row) and (self._column is None or column == self._column)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = self._rows[row] if row < len(self._rows) else ()
            return shown(values[column]) if column < len(values) else ""
        if role == Qt.ItemDataRole.BackgroundRole and self._marked(row, column):
            return QBrush(PROBLEM_COLOUR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return get_column_letter(section + 1) if orientation == Qt.Orientation.Horizontal else str(section + 1)


class CellPreview(QDialog):
    """The sheet of `problem` (in the workbook at `path`) with its cell selected and in view. The
    sheet is read in the background (a year's matrix takes seconds); `model` is None until then."""

    def __init__(self, path: Path, problem: InputProblem, parent=None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per double-click: gone when closed
        self.path = path
        self.setWindowTitle(self.tr("%1 – sheet %2").replace("%1", path.name).replace("%2", problem.sheet))
        where = f"{problem.sheet}!{problem.cell}" if problem.cell else problem.sheet
        self.message = QLabel(f"{where}: {problem.message}", self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.note = QLabel(self.tr("Reading the sheet…"), self)
        self.note.setWordWrap(True)
        self.row, self.column = cell_position(problem.cell)
        self.model: SheetModel | None = None
        self.view = QTableView(self)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.horizontalHeader().setDefaultSectionSize(96)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.open_button = QPushButton(self.tr("Open in Excel"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self._open_file)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self._task: BackgroundTask | None = BackgroundTask.started(lambda: read_sheet(path, problem.sheet), self,
                                                                   self._read, done=self._done)

    def _read(self, result: tuple[list[tuple[Any, ...]], bool]) -> None:
        rows, readable = result
        self.model = SheetModel(rows, self.row, self.column, self)
        self.view.setModel(self.model)
        self.note.setText(self.tr("The sheet cannot be shown here; open the workbook in Excel."))
        self.note.setVisible(not readable)
        self._select()

    def _done(self) -> None:
        self._task = None

    def done(self, result: int) -> None:
        if self._task is not None:  # closed while reading: the thread ends before the dialog goes
            self._task.wait()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._select)  # after the layout has given the view its final size

    def _select(self) -> None:
        """Select the problem's cell (row, column) and bring it to the middle of the view."""
        row, column = self.row, self.column
        if self.model is None or (row is None and column is None):
            return
        index = self.model.index(row if row is not None else 0, column if column is not None else 0)
        self.view.setCurrentIndex(index)
        if row is None:
            self.view.selectColumn(index.column())
        elif column is None:
            self.view.selectRow(index.row())
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._snap_to_whole_cells()
        self.view.setFocus()

    def _snap_to_whole_cells(self) -> None:
        """Scroll back to the start of the column and row cut at the view's left and top edges:
        centred pixel by pixel, the view showed a sliver of a column (a mark's half, unreadable)."""
        for header, bar in ((self.view.horizontalHeader(), self.view.horizontalScrollBar()),
                            (self.view.verticalHeader(), self.view.verticalScrollBar())):
            first = header.logicalIndexAt(0)
            if first >= 0 and header.sectionViewportPosition(first) < 0:
                bar.setValue(header.sectionPosition(first))

    def _open_file(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))


def read_sheet(path: Path, sheet: str) -> tuple[list[tuple[Any, ...]], bool]:
    """The sheet's rows as the importer reads them, and whether it could be read at all."""
    try:
        book = Book(path)
    except Exception:  # not a workbook at all: the problem list already says so
        return [], False
    try:
        if sheet not in book.titles:
            return [], False
        rows = book.rows(sheet)
        return rows, not book.problems or bool(rows)
    finally:
        book.close()
