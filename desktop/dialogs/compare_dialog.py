"""Two rosters of the plan side by side, for a manager who changed the rules and solved again: the figures
of each (objective, hard rules broken, sessions short, the most and fewest sessions a person works, the
cost of each rule) and who moved between them, as `haichi diff` says it.

The rosters to choose from: the one in the window, the one it had before the last solve (kept by the
window, saved or not), and every version saved in the database. Both are scored with the plan's rules
as they stand now, so a change of weights shows in what each roster costs under them. Versions are read
and scored off the GUI thread (a team database may be far away).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Union

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QPlainTextEdit,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.views.roster_grid import rule_title
from desktop.workers import BackgroundTask
from models.changes import change_report
from models.domain import Problem, Roster
from models.stats import unfilled

if TYPE_CHECKING:
    from models.storage import Database

CURRENT, BEFORE_SOLVE = "current", "before"
Choice = Union[str, int]  # CURRENT, BEFORE_SOLVE, or a saved version's number


@dataclass(frozen=True)
class Figures:
    """What one roster comes to under the plan's rules now."""

    objective: int
    hard: int  # hard rules broken, each said once (as the status bar counts them)
    short: int  # sessions with fewer people than needed
    assignments: int
    most: int  # sessions of the person who works the most, and of the one who works the fewest
    fewest: int
    costs: dict[str, int]  # rule id -> the cost of its violations (soft rules)
    broken: dict[str, int]  # rule id -> how many times a hard rule is broken


def figures(problem: Problem, roster: Roster) -> Figures:
    from solver.evaluate import evaluate  # the solver loads on first use

    evaluation = evaluate(problem, roster)
    costs: Counter[str] = Counter()
    broken: Counter[str] = Counter()
    for v in evaluation.listed:
        if v.hard:
            broken[v.rule_id] += 1
    for v in evaluation.violations:
        if not v.hard:
            costs[v.rule_id] += v.cost
    worked = Counter(a.staff_id for a in roster.assignments)
    counts = [worked[s.id] for s in problem.active_staff()] or [0]
    return Figures(evaluation.objective, evaluation.hard_listed, len(unfilled(problem, roster)),
                   len(roster.assignments), max(counts), min(counts), dict(costs), dict(broken))


class CompareDialog(QDialog):
    """Pick two rosters (`first`, `second`); the table and the changes follow each choice."""

    def __init__(self, problem: Problem, roster: Roster, before_solve: Roster | None, plan_name: str | None,
                 database: Callable[[], Database] | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare rosters"))
        self.problem, self.plan_name, self._database = problem, plan_name, database
        self._rosters: dict[Choice, Roster] = {CURRENT: roster}
        if before_solve is not None:
            self._rosters[BEFORE_SOLVE] = before_solve
        self._task: BackgroundTask | None = None
        self._again = False  # a choice changed while a comparison ran: compare once more when it ends
        self.shown: tuple[Figures, Figures] | None = None  # the figures in the table
        self.first, self.second = QComboBox(self), QComboBox(self)
        self.first.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.second.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._add_choice(CURRENT, self.tr("The roster in the window"))
        if before_solve is not None:
            self._add_choice(BEFORE_SOLVE, self.tr("Before the last solve"))
        picks = QFormLayout()
        picks.addRow(self.tr("Compare"), self.first)
        picks.addRow(self.tr("with"), self.second)
        self.said = QLabel(self.tr("Both are scored with the rules as they are set now."), self)
        self.said.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.changes = QPlainTextEdit(self)
        self.changes.setReadOnly(True)
        self.changes.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        changes_box = QWidget(self)
        changes_layout = QVBoxLayout(changes_box)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        changes_layout.addWidget(QLabel(self.tr("Who moved"), self))
        changes_layout.addWidget(self.changes, 1)
        split.addWidget(changes_box)
        split.setSizes([320, 220])
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(picks)
        layout.addWidget(self.said)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 640)
        self.first.currentIndexChanged.connect(self.compare)
        self.second.currentIndexChanged.connect(self.compare)
        if plan_name and database is not None:
            self.status.setText(self.tr("Reading the saved versions…"))
            self._start(lambda: database().list_solutions(plan_name), self._versions_read)
        else:
            self._pick_defaults()

    # -- the choices ------------------------------------------------------------------------------
    def _add_choice(self, choice: Choice, text: str) -> None:
        for box in (self.first, self.second):
            box.blockSignals(True)
            box.addItem(text, choice)
            box.blockSignals(False)

    def _versions_read(self, versions) -> None:
        published = self.tr("published")
        draft = self.tr("draft")
        for v in reversed(versions):  # newest first, below the window's own
            state = published if v.status == "published" else draft
            text = (self.tr("Version %1 (%2, %3, %4 assignments)").replace("%1", str(v.version)).replace("%2", state)
                    .replace("%3", v.created.strftime("%Y-%m-%d %H:%M")).replace("%4", str(v.assignments)))
            self._add_choice(v.version, text)
        self._pick_defaults()

    def _pick_defaults(self) -> None:
        """The roster before the last solve (else the newest saved version) against the window's."""
        if self.first.count() < 2:
            self.status.setText(self.tr("There is nothing to compare yet: save a version, or solve again, "
                                        "and the roster before it can be compared with the new one."))
            self.first.setEnabled(False)
            self.second.setEnabled(False)
            return
        self.second.blockSignals(True)
        self.second.setCurrentIndex(0)
        self.second.blockSignals(False)
        self.first.setCurrentIndex(1)
        self.compare()

    def choose(self, first: Choice, second: Choice) -> None:
        """Compare these two (tests, and a caller opening the box on a pair)."""
        self.first.blockSignals(True)
        self.first.setCurrentIndex(self.first.findData(first))
        self.first.blockSignals(False)
        self.second.setCurrentIndex(self.second.findData(second))
        self.compare()

    # -- comparing --------------------------------------------------------------------------------
    def compare(self) -> None:
        first, second = self.first.currentData(), self.second.currentData()
        if first is None or second is None:
            return
        if self._task is not None:
            self._again = True
            return
        self.status.setText(self.tr("Comparing…"))
        problem, plan_name, database, known = self.problem, self.plan_name, self._database, dict(self._rosters)

        def work():
            rosters = []
            for choice in (first, second):
                if choice not in known:
                    assert database is not None and plan_name is not None
                    known[choice] = database().load_solution(plan_name, int(choice))
                rosters.append(known[choice])
            a, b = rosters
            return (first, a), (second, b), figures(problem, a), figures(problem, b), change_report(problem, a, b)

        self._start(work, self._compared)

    def _compared(self, result) -> None:
        (first, a), (second, b), before, after, lines = result
        self._rosters.update({first: a, second: b})
        self.shown = (before, after)
        rows: list[tuple[str, int, int]] = [
            (self.tr("Objective (lower is better)"), before.objective, after.objective),
            (self.tr("Hard rules broken"), before.hard, after.hard),
            (self.tr("Sessions short of people"), before.short, after.short),
            (self.tr("Assignments"), before.assignments, after.assignments),
            (self.tr("Most sessions of one person"), before.most, after.most),
            (self.tr("Fewest sessions of one person"), before.fewest, after.fewest),
        ]
        for at, label, x, y in ((2, self.tr("  %1 broken"), before.broken, after.broken),
                                (1, self.tr("  cost of %1"), before.costs, after.costs)):
            # each rule under its total (the objective, the hard rules broken), the biggest first
            rules = sorted(set(x) | set(y), key=lambda r: (-max(x.get(r, 0), y.get(r, 0)), rule_title(r)))
            rows[at:at] = [(label.replace("%1", rule_title(r)), x.get(r, 0), y.get(r, 0)) for r in rules]
        self.table.setHorizontalHeaderLabels(["", self.first.currentText(), self.second.currentText(),
                                              self.tr("Difference")])
        self.table.setRowCount(len(rows))
        for row, (label, x, y) in enumerate(rows):
            for col, text in enumerate((label, str(x), str(y), f"{y - x:+d}" if y != x else "0")):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.changes.setPlainText("\n".join(lines))
        self.status.setText("")

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not compare: %1").replace("%1", str(error)))

    def _start(self, work: Callable, on_done: Callable) -> None:
        self._task = BackgroundTask.started(work, self, on_done, self._failed, self._done)

    def _done(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.compare()

    def done(self, result: int) -> None:
        if self._task is not None:  # its thread must not outlive the box
            self._task.wait()
        super().done(result)
