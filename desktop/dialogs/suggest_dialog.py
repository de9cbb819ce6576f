"""Who could take a session, or someone's place in it: solver.suggest's ranked candidates, each with the
change in the objective and the rules it would strain, and a button that places the one chosen.

The same list as `haichi suggest` (with `--replace`, `--all`), worked out off the GUI thread: a polling
office's 116 people are scored one by one against the whole roster. Placing is one undoable edit (taking
someone's place is a move: them out, the candidate in).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from desktop.edits import RosterEditor
from desktop.views.roster_grid import VIOLATION_COLOUR
from desktop.workers import BackgroundTask
from models.domain import Problem, Roster
from solver.suggest import Suggestion, no_holder_note, suggest

LIMIT = 20  # candidates listed: the cheapest; a coordinator picks among the first few


class SuggestDialog(QDialog):
    """The candidates for one session (`replacing` nobody) or for one person's place in it."""

    def __init__(self, editor: RosterEditor, requirement_id: str, replacing: str | None = None, parent=None) -> None:
        super().__init__(parent)
        plan = editor.plan
        assert plan.problem is not None
        self.editor, self.requirement_id, self.replacing = editor, requirement_id, replacing
        self.problem: Problem = plan.problem
        self.roster: Roster = plan.roster
        self.found: list[Suggestion] = []
        self._task: BackgroundTask | None = None
        req = self.problem.requirement(requirement_id)
        placed = "、".join(self.problem.staff_by_id(i).name for i in self.roster.staff_for(requirement_id)) \
            or self.tr("nobody")
        if replacing is None:
            self.setWindowTitle(self.tr("Who could take %1").replace("%1", req.label()))
            heading = self.tr("%1 — %2 placed of %3 needed: %4").replace("%1", req.label()).replace(
                "%2", str(len(self.roster.staff_for(requirement_id)))).replace("%3", str(req.min_staff)).replace(
                "%4", placed)
        else:
            who = self.problem.staff_by_id(replacing).name
            self.setWindowTitle(self.tr("Who could take %1's place").replace("%1", who))
            heading = self.tr("%1 — in place of %2 (placed: %3)").replace("%1", req.label()).replace(
                "%2", who).replace("%3", placed)
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        self.note = QLabel(self)  # what the list alone does not say (nobody holding the skill can go)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {VIOLATION_COLOUR.name()};")
        self.note.hide()
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Objective change"), self.tr("Rules strained")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.place)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.everyone = QCheckBox(self.tr("Also list people who would break a hard rule"), self)
        self.everyone.toggled.connect(self.refresh)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.place_button = QPushButton(self.tr("Place") if replacing is None else self.tr("Put in place"), self)
        self.place_button.setEnabled(False)
        self.place_button.clicked.connect(self.place)
        buttons.addButton(self.place_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.everyone)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 460)
        self.refresh()

    # -- the list ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Work the candidates out again (off the GUI thread), with or without hard-rule breakers."""
        if self._task is not None:
            return  # the box is greyed while a list is under way
        problem, roster, req_id, replacing = self.problem, self.roster, self.requirement_id, self.replacing
        include_hard = self.everyone.isChecked()
        self.status.setText(self.tr("Looking for candidates…"))
        self.everyone.setEnabled(False)
        self._task = BackgroundTask.started(
            lambda: suggest(problem, roster, req_id, limit=LIMIT, include_hard=include_hard, replacing=replacing), self,
            self._show, self._failed, self._done)

    def wait(self) -> None:
        """Until the list under way is shown (tests, and closing the box)."""
        if self._task is not None:
            self._task.wait()

    def _done(self) -> None:
        self._task = None
        self.everyone.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The candidates could not be worked out: %1").replace("%1", str(error)))

    def _show(self, found: list[Suggestion]) -> None:
        self.found = found
        note = no_holder_note(self.problem, self.roster, self.problem.requirement(self.requirement_id),
                              self.replacing, found)
        self.note.setText(note or "")
        self.note.setVisible(note is not None)
        self.table.setRowCount(len(found))
        hard_word, soft_word = self.tr("hard"), self.tr("soft")
        for row, option in enumerate(found):
            strained = "\n".join(f"[{hard_word if v.hard else soft_word}] {v.message}" for v in option.strained)
            cells = (option.name, f"{option.cost:+d}", strained or self.tr("none"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if option.breaks_hard_rule:
                    item.setForeground(QBrush(VIOLATION_COLOUR))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if found:
            self.table.selectRow(0)
            self.status.setText(self.tr("Cheapest first; the objective change is what placing them costs "
                                        "(less is better). Double-click or Place to place one."))
        elif self.everyone.isChecked():
            self.status.setText(self.tr("Nobody else can take it."))
        else:
            self.status.setText(self.tr("Nobody can take it without breaking a hard rule (tick the box to list "
                                        "everyone)."))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.place_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Suggestion | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.found[min(rows)] if rows and min(rows) < len(self.found) else None

    # -- placing ----------------------------------------------------------------------------------
    def place(self) -> None:
        """Place the chosen candidate (in the replaced person's place) as one undoable edit, and close."""
        option = self.chosen()
        if option is None:
            return
        if self.replacing is None:
            self.editor.assign(option.staff_id, self.requirement_id)
        else:
            self.editor.move(self.replacing, self.requirement_id, option.staff_id)
        self.accept()

    def done(self, result: int) -> None:
        self.wait()  # a list still under way is let finish: its thread must not outlive the box
        super().done(result)
