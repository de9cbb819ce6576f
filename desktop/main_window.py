"""The main window: the roster grid, the sessions list, and solve/import/export off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTableView,
    QTabWidget,
)

from desktop import operations
from desktop.roster_model import RosterModel, SessionsModel
from desktop.workers import BackgroundTask, Relay
from models.domain import Problem, Roster
from models.errors import InvalidInput
from solver.core import Progress, SolveOptions, SolveResult, Solver
from solver.evaluate import evaluate


class MainWindow(QMainWindow):
    """Shows one plan's roster; every long operation runs in a BackgroundTask."""

    roster_changed = Signal()
    busy_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.problem: Problem | None = None
        self.roster: Roster | None = None
        self.last_result: SolveResult | None = None
        self._task: BackgroundTask | None = None
        self._solver: Solver | None = None
        self._relay = Relay(self)
        self._relay.value.connect(self._show_progress)

        self.setWindowTitle(self.tr("Haichi — staff rostering"))
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.roster_model = RosterModel(self)
        self.sessions_model = SessionsModel(self)
        self.tabs = QTabWidget(self)
        self.roster_view = self._table(self.roster_model)
        self.roster_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.roster_view.horizontalHeader().setDefaultSectionSize(120)
        self.sessions_view = self._table(self.sessions_model)
        self.sessions_view.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.roster_view, self.tr("Roster"))
        self.tabs.addTab(self.sessions_view, self.tr("Sessions"))
        self.setCentralWidget(self.tabs)

        self.status = QLabel(self.tr("Open a workbook to begin (File ▸ Open, or drop an Excel file here)."))
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self._build_menus()
        self._set_busy(False)

    # -- construction ---------------------------------------------------------------------------
    def _table(self, model) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setWordWrap(True)
        view.setAlternatingRowColors(False)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        return view

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(self.tr("&Open workbook…"), QKeySequence.StandardKey.Open, self.choose_workbooks)
        self.export_action = self._action(self.tr("&Export roster…"), QKeySequence("Ctrl+E"), self.choose_export)
        quit_action = self._action(self.tr("E&xit"), QKeySequence.StandardKey.Quit, self.close)
        for action in (self.open_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        solve_menu = self.menuBar().addMenu(self.tr("&Roster"))
        self.solve_action = self._action(self.tr("&Solve"), QKeySequence("F5"), self.start_solve)
        self.cancel_action = self._action(self.tr("&Cancel"), QKeySequence("Esc"), self.cancel_solve)
        solve_menu.addAction(self.solve_action)
        solve_menu.addAction(self.cancel_action)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        for action in (self.open_action, self.solve_action, self.cancel_action, self.export_action):
            toolbar.addAction(action)

    def _action(self, text: str, shortcut, slot: Callable) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _set_busy(self, busy: bool) -> None:
        self.open_action.setEnabled(not busy)
        self.solve_action.setEnabled(not busy and self.problem is not None)
        self.export_action.setEnabled(not busy and self.roster is not None)
        self.cancel_action.setEnabled(busy and self._solver is not None)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.busy_changed.emit(busy)

    def is_busy(self) -> bool:
        return self._task is not None

    # -- import -----------------------------------------------------------------------------------
    def choose_workbooks(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open workbooks"), "", self.tr("Excel workbooks (*.xlsx *.xlsm)")
        )
        if names:
            self.open_workbooks([Path(n) for n in names])

    def open_workbooks(self, paths: list[Path]) -> None:
        self.status.setText(self.tr("Importing %n file(s)…", "", len(paths)))
        self._run(lambda: operations.import_workbooks(paths), self._imported)

    def set_problem(self, problem: Problem, roster: Roster | None = None) -> None:
        self.problem = problem
        self.roster = roster
        self._refresh()

    @Slot(object)
    def _imported(self, problem: Problem) -> None:
        self.set_problem(problem, Roster([a for a in problem.locked]))
        self.status.setText(
            self.tr("%1: %2 staff, %3 sessions, %4 to %5").replace("%1", problem.name)
            .replace("%2", str(len(problem.active_staff()))).replace("%3", str(len(problem.requirements)))
            .replace("%4", problem.start.isoformat()).replace("%5", problem.end.isoformat())
        )

    # -- solve ------------------------------------------------------------------------------------
    def start_solve(self, time_limit: float = 60.0) -> None:
        if self.problem is None or self._task is not None:
            return
        problem = self.problem
        options = SolveOptions(time_limit=time_limit, workers=0, hint=self.roster)
        self.status.setText(self.tr("Solving…"))

        def keep_solver(solver: Solver) -> None:
            self._solver = solver

        self._run(
            lambda: operations.solve(problem, options, self._relay.value.emit, keep_solver), self._solved
        )
        self.cancel_action.setEnabled(True)

    def cancel_solve(self) -> None:
        if self._solver is not None:
            self._solver.cancel()
            self.status.setText(self.tr("Stopping — keeping the best roster found so far…"))

    @Slot(object)
    def _show_progress(self, p: Progress) -> None:
        self.status.setText(
            self.tr("Solving… objective %1, bound %2, gap %3, %4 s")
            .replace("%1", f"{p.objective:g}").replace("%2", f"{p.bound:g}")
            .replace("%3", f"{p.gap:.1%}").replace("%4", f"{p.elapsed:.1f}")
        )

    @Slot(object)
    def _solved(self, result: SolveResult) -> None:
        self._solver = None
        self.last_result = result
        if result.roster is None:
            QMessageBox.warning(self, self.tr("No roster"), "\n".join(result.explanation) or result.status)
            self.status.setText(self.tr("No roster satisfies the hard rules."))
            return
        self.roster = result.roster
        self._refresh()
        states = {"optimal": self.tr("optimal"), "feasible": self.tr("feasible")}
        self.status.setText(
            self.tr("Roster ready (%1): objective %2, %3 s").replace("%1", states.get(result.status, result.status))
            .replace("%2", str(result.objective)).replace("%3", f"{result.elapsed:.1f}")
        )

    # -- export -----------------------------------------------------------------------------------
    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export roster"), "roster.xlsx", self.tr("Excel workbooks (*.xlsx)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        if self.problem is None or self.roster is None:
            return
        problem, roster = self.problem, self.roster
        self.status.setText(self.tr("Exporting…"))
        self._run(lambda: operations.write_roster(path, problem, roster), lambda _: self.status.setText(
            self.tr("Roster written to %1").replace("%1", str(path))))

    # -- plumbing ---------------------------------------------------------------------------------
    def _run(self, work: Callable, on_done: Callable) -> None:
        task = BackgroundTask(work, self)
        task.finished.connect(on_done)
        task.failed.connect(self._failed)
        task.done.connect(self._task_done)
        self._task = task
        self._set_busy(True)
        task.start()

    @Slot()
    def _task_done(self) -> None:
        self._task = None
        self._solver = None
        self._set_busy(False)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        if isinstance(error, InvalidInput):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Problems in the workbook"),
                              self.tr("%n problem(s) found; nothing was imported.", "", len(error.problems)), parent=self)
            box.setDetailedText("\n".join(str(p) for p in error.problems))
            box.exec() if self.isVisible() else None
            self.status.setText(str(error.problems[0]) if error.problems else "")
        else:
            self.status.setText(self.tr("Error: %1").replace("%1", f"{type(error).__name__}: {error}"))
        self.last_error = error

    def _refresh(self) -> None:
        violations = evaluate(self.problem, self.roster).violations if self.problem and self.roster else []
        self.roster_model.set_roster(self.problem, self.roster, violations)
        self.sessions_model.set_roster(self.problem, self.roster)
        self.roster_view.resizeRowsToContents()
        self.sessions_view.resizeColumnsToContents()
        self.setWindowTitle(self.tr("Haichi — %1").replace("%1", self.problem.name if self.problem else ""))
        self._set_busy(self._task is not None)
        self.roster_changed.emit()

    # -- drag and drop ----------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if any(u.toLocalFile().lower().endswith((".xlsx", ".xlsm")) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.toLocalFile()]
        if paths and not self.is_busy():
            self.open_workbooks(paths)

    def closeEvent(self, event) -> None:
        if self._solver is not None:
            self._solver.cancel()
        if self._task is not None:
            self._task.wait()
        super().closeEvent(event)
