"""The plan's forbidden successions (Problem.forbidden_successions, the 設定 sheet's 禁止する勤務の並び):
pairs of activities one person may not work on two days running, edited as rows of two lists."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QVBoxLayout,
)


class SuccessionsBox(QGroupBox):
    """Rows of (shift, shift not allowed the next day), each a list of the plan's activities."""

    def __init__(self, activities: list[str], pairs: Iterable[tuple[str, str]], parent=None) -> None:
        super().__init__(self.tr("Forbidden successions"), parent)
        pairs = list(pairs)
        named = {activity for pair in pairs for activity in pair}
        # an activity no session has any more stays in the lists, so its pair shows as it is
        self.activities = list(activities) + sorted(named - set(activities))
        about = QLabel(self.tr("Whoever works the first shift may not work the second on the next day."), self)
        about.setWordWrap(True)
        self.none_yet = QLabel(self.tr("No pairs yet: any shift may follow any other. Add pair forbids one."), self)
        self.none_yet.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Shift"), self.tr("Not the next day")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        for first, then in sorted(pairs, key=lambda pair: tuple(map(self.activities.index, pair))):
            self.add_pair(first, then)
        self.none_yet.setVisible(not pairs)
        self.add_button = QPushButton(self.tr("Add pair"), self)
        self.add_button.setEnabled(bool(self.activities))
        self.add_button.clicked.connect(lambda: self.add_pair())
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(self.remove_pair)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.none_yet)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_pair(self, first: str | None = None, then: str | None = None) -> None:
        """A row for `first` → `then`; by default the first pair of activities not listed yet."""
        if first is None or then is None:
            listed = self.pairs()
            first, then = next(((a, b) for a in self.activities for b in self.activities if (a, b) not in listed),
                               (self.activities[0], self.activities[0]))
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, activity in enumerate((first, then)):
            choice = QComboBox(self.table)
            choice.addItems(self.activities)
            choice.setCurrentText(activity)
            self.table.setCellWidget(row, column, choice)
        self.table.setCurrentCell(row, 0)
        self.none_yet.hide()

    def remove_pair(self) -> None:
        """Take the current row out."""
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())
        self.none_yet.setVisible(not self.table.rowCount())

    def choice(self, row: int, column: int) -> QComboBox:
        """The list of activities in a cell: the first shift (0) or the one not allowed next (1)."""
        return self.table.cellWidget(row, column)

    def pairs(self) -> frozenset[tuple[str, str]]:
        """The pairs as listed (a row given twice counts once)."""
        return frozenset((self.choice(row, 0).currentText(), self.choice(row, 1).currentText())
                         for row in range(self.table.rowCount()))
