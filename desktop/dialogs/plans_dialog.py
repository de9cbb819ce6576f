"""Pick a plan stored in the database (name, period, staff, sessions, versions)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.storage import PlanSummary


class PlansDialog(QDialog):
    """Lists plans newest period first; `chosen()` is the selected plan's name after OK."""

    def __init__(self, plans: list[PlanSummary], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open plan"))
        self.plans = plans
        self.table = QTableWidget(len(plans), 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Plan"), self.tr("Period"), self.tr("Staff"), self.tr("Sessions"), self.tr("Versions")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, p in enumerate(plans):
            values = (p.name, f"{p.start.isoformat()} – {p.end.isoformat()}", str(p.staff), str(p.requirements), str(p.solutions))
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if plans:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(self.accept)
        # an empty database showed an empty table and an Open that did nothing
        self.none_yet = QLabel(self.tr("No plans are saved in this database yet. Import workbooks "
                                       "(File ▸ Import workbooks) to make one."), self)
        self.none_yet.setWordWrap(True)
        self.none_yet.setVisible(not plans)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(plans))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.none_yet)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def chosen(self) -> str | None:
        row = self.table.currentRow()
        return self.plans[row].name if 0 <= row < len(self.plans) else None
