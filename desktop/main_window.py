"""The main window: plan picker, roster grid, sessions, statistics, problems, solve chart, undo history.

Long work (import, solve, save, export) runs in a BackgroundTask, one at a time; every roster edit is
an undo command; views refresh from the WorkingPlan's signals.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox, QDockWidget, QHeaderView, QLabel, QMainWindow, QMenu, QMessageBox, QProgressBar, QTableView,
    QTabWidget, QUndoView, QVBoxLayout, QWidget,
)
from PySide6.QtGui import QUndoStack

from desktop.dialogs import show_box
from desktop.edits import RosterEditor
from desktop.menus import Actions, build_menus, build_toolbar
from desktop.paperwork_actions import PaperworkActions
from desktop.plan_files import PlanFiles
from desktop.solve_actions import SolveActions
from desktop.views.carried import CarriedLabel
from desktop.views.roster_grid import RosterModel
from desktop.views.roster_view import RosterView
from desktop.views.sessions import SessionsModel
from desktop.views.solve_progress import SolveProgress
from desktop.views.statistics import StatisticsModel, ViolationsModel
from desktop.workers import BackgroundTask, Relay
from desktop.working_plan import WorkingPlan
from models.domain import Problem, Roster
from models.errors import CannotWrite, InvalidInput
from models.stats import has_site_sheet, unfilled

if TYPE_CHECKING:
    from desktop.dialogs.compare_dialog import CompareDialog
    from solver.core import SolveResult, Solver


class MainWindow(QMainWindow, PlanFiles, PaperworkActions, SolveActions):
    """Shows one plan's roster and lets a coordinator solve, edit, save and export it."""

    busy_changed = Signal(bool)

    def __init__(self, database_url: str | None = None, settings: QSettings | None = None,
                 background_evaluation: bool = True) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.database_url = database_url
        self._database = None
        self.last_result: SolveResult | None = None
        self.before_solve: Roster | None = None  # the roster the last solve replaced, to compare with (CompareDialog)
        self.last_error: BaseException | None = None
        self._task: BackgroundTask | None = None
        self._solver: Solver | None = None  # the running solve's, once its worker has built it
        self._solving = False  # a solve runs: the grid waits for it, Cancel stops it
        self._stop_asked = False  # Cancel was pressed (perhaps before the solver was built)
        self._soft_cover = False  # the solve running (or last run) has cover made soft
        self._relay = Relay(self)
        self._after_save: Callable[[], None] | None = None  # to do once a save succeeds (PlanFiles)

        self.plan = WorkingPlan(self, background_evaluation)
        self.undo_stack = QUndoStack(self)
        self.editor = RosterEditor(self.plan, self.undo_stack)
        self.setWindowTitle(self.tr("Haichi — staff rostering"))
        self.setAcceptDrops(True)
        self.resize(1360, 860)

        self.roster_model = RosterModel(self.plan, self)
        self.roster_view = RosterView(self.roster_model, self.editor, self)
        self.sessions_model = SessionsModel(self.plan, self)
        self.sessions_view = self._table(self.sessions_model)
        self.sessions_view.horizontalHeader().setStretchLastSection(True)
        # a session short of people: who could take it (double-click, or its context menu)
        self.sessions_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sessions_view.customContextMenuRequested.connect(self._session_menu)
        self.sessions_view.doubleClicked.connect(lambda index: self.show_candidates(index.row()))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.roster_view, self.tr("Roster"))
        self.tabs.addTab(self.sessions_view, self.tr("Sessions"))
        self.setCentralWidget(self.tabs)

        self.stats_model = StatisticsModel(self.plan, self)
        self.violations_model = ViolationsModel(self.plan, self)
        self.solve_progress = SolveProgress(self)
        self.solve_progress.cancel_requested.connect(self.cancel_solve)
        self._relay.value.connect(self.solve_progress.add)
        self.undo_view = QUndoView(self.undo_stack, self)
        self.undo_view.setEmptyLabel(self.tr("<opened>"))
        stats_view = self._table(self.stats_model)
        # names whole (an English header row squashed them to 長谷…); the table scrolls when narrow
        stats_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        problems_view = self._table(self.violations_model)
        problems_view.horizontalHeader().setStretchLastSection(True)
        problems_view.doubleClicked.connect(self._show_violation)
        self._docks = [
            self._dock("statistics", self.tr("Statistics"), stats_view, Qt.DockWidgetArea.RightDockWidgetArea),
            self._dock("problems", self.tr("Rule violations"), problems_view, Qt.DockWidgetArea.BottomDockWidgetArea),
            self._dock("solve", self.tr("Solve progress"), self.solve_progress, Qt.DockWidgetArea.RightDockWidgetArea),
            self._dock("history", self.tr("Undo history"), self.undo_view, Qt.DockWidgetArea.BottomDockWidgetArea),
        ]
        self.tabifyDockWidget(self._docks[0], self._docks[2])
        self._docks[0].raise_()
        self.stats_view, self.problems_view = stats_view, problems_view
        self._docks[0].setMinimumWidth(560)

        self.actions_ = Actions(self)
        self.recent_files_menu, self.recent_plans_menu = build_menus(self, self.actions_)
        build_toolbar(self, self.actions_)
        self.plan_picker = QComboBox(self)
        self.plan_picker.setMinimumContentsLength(16)
        self.plan_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # a long name whole
        self.plan_picker.setToolTip(self.tr("Plan"))
        self.plan_picker.activated.connect(lambda i: self.open_plan(self.plan_picker.itemText(i)))
        self.period = QLabel(self)
        self.addToolBarBreak()
        picker_bar = self.addToolBar(self.tr("Plan"))
        picker_bar.setObjectName("plan_toolbar")
        picker_bar.addWidget(QLabel(self.tr("Plan") + " ", self))
        picker_bar.addWidget(self.plan_picker)
        picker_bar.addWidget(self.period)
        self.carried = CarriedLabel(self)
        picker_bar.addWidget(self.carried)

        self.status = QLabel(self.tr("Import workbooks to begin (File ▸ Import, or drop Excel files here)."))
        self.summary = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(140)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.summary)
        self.statusBar().addPermanentWidget(self.progress)
        self.plan.reset.connect(self._plan_shown)
        self.plan.evaluated.connect(self._show_summary)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._refresh_recent()
        self._restore_window()
        self._set_busy(False)

    # -- construction -------------------------------------------------------------------------
    def _table(self, model) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setWordWrap(False)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        return view

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        holder = QWidget(dock)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        dock.setWidget(holder)
        self.addDockWidget(area, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return list(self._docks)

    def _restore_window(self) -> None:
        geometry, state = self.settings.value("window/geometry"), self.settings.value("window/state")
        self.first_start = geometry is None  # the window opens maximized: a month of days beside the statistics
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    # -- state ----------------------------------------------------------------------------------
    @property
    def problem(self) -> Problem | None:
        return self.plan.problem

    @property
    def roster(self) -> Roster | None:
        return self.plan.roster if self.plan.problem is not None else None

    def is_busy(self) -> bool:
        return self._task is not None

    def _set_busy(self, busy: bool) -> None:
        a, loaded = self.actions_, self.plan.problem is not None
        for action in (a.import_files, a.open_plan):
            action.setEnabled(not busy)
        for action in (a.solve, a.solve_soft, a.save_plan, a.edit_input, a.edit_rules, a.forms, a.collect_forms):
            action.setEnabled(not busy and loaded)
        for action in (a.export_roster, a.export_personal, a.calendars, a.master_pdf, a.duty_pdf, a.print_preview):
            action.setEnabled(not busy and self.plan.has_roster())
        a.sites_pdf.setEnabled(not busy and self.plan.has_roster() and has_site_sheet(self.plan.problem))
        a.publish.setEnabled(not busy and self.plan.has_roster() and self.database_url is not None)
        a.compare.setEnabled(not busy and self.plan.has_roster())
        solving = busy and self._solving
        a.cancel.setEnabled(solving)
        self.roster_view.setEnabled(not solving)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.busy_changed.emit(busy)

    def set_problem(self, problem: Problem, roster: Roster | None = None, plan_name: str | None = None) -> None:
        """Show a plan (and its roster); the undo history and the solve chart start afresh."""
        self.undo_stack.clear()
        self.before_solve = None
        if not self._solving:
            self.solve_progress.clear()
        self.plan.load(problem, roster if roster is not None else Roster(list(problem.locked)), plan_name)
        self.undo_stack.setClean()

    @Slot()
    def _plan_shown(self) -> None:
        problem = self.plan.problem
        name = self.plan.plan_name or ""
        if name and self.plan_picker.findText(name) < 0:
            self.plan_picker.addItem(name)
        self.plan_picker.setCurrentIndex(self.plan_picker.findText(name))
        self.period.setText(f"  {problem.start.isoformat()} – {problem.end.isoformat()}  " if problem else "")
        self.carried.show_problem(problem, self.database_url is not None)
        self.sessions_view.resizeColumnsToContents()
        self.problems_view.resizeColumnToContents(0)
        if problem is not None and not self.is_busy():
            self.status.setText(
                self.tr("%1: %2 staff, %3 sessions, %4 to %5").replace("%1", name)
                .replace("%2", str(len(problem.active_staff()))).replace("%3", str(len(problem.requirements)))
                .replace("%4", problem.start.isoformat()).replace("%5", problem.end.isoformat()))
        self.stats_view.resizeColumnsToContents()
        self._update_title()
        self._show_summary()
        self._set_busy(self._task is not None)

    @Slot(bool)
    def _clean_changed(self, _clean: bool) -> None:
        if shiboken6.isValid(self.undo_stack):  # the stack goes first when the window is torn down
            self._update_title()

    def _update_title(self) -> None:
        name = self.plan.plan_name
        changed = "" if self.undo_stack.isClean() else " *"
        self.setWindowTitle(self.tr("Haichi — %1").replace("%1", name + changed) if name
                            else self.tr("Haichi — staff rostering"))

    @Slot()
    def _show_summary(self) -> None:
        problem = self.plan.problem
        if problem is None:
            self.summary.setText("")
            return
        evaluation = self.plan.evaluation
        short = len(unfilled(problem, self.plan.roster))
        self.summary.setText(
            self.tr("Objective %1 · hard violations %2 · unfilled sessions %3")
            .replace("%1", str(evaluation.objective)).replace("%2", str(evaluation.hard_listed))
            .replace("%3", str(short))
        )

    def _show_violation(self, index) -> None:
        """Go to what a violation is about: a person's cell in the roster, or, for a session's own
        (too few staff, a skill missing), the session's row in the Sessions tab."""
        v = self.violations_model.data(index, Qt.ItemDataRole.UserRole)
        problem = self.plan.problem
        if v is None or problem is None:
            return
        if v.staff_id is None:
            row = self.sessions_model.row_of(v.requirement_id) if v.requirement_id else None
            if row is not None:
                self.tabs.setCurrentWidget(self.sessions_view)
                self.sessions_view.selectRow(row)
                self.sessions_view.scrollTo(self.sessions_model.index(row, 0))
            return
        day = problem.requirement(v.requirement_id).date if v.requirement_id and problem.has_requirement(v.requirement_id) else v.date
        cell = self.roster_model.cell_of(v.staff_id, day) if day else None
        if cell is not None and cell.isValid():
            self.tabs.setCurrentWidget(self.roster_view)
            self.roster_view.setCurrentIndex(cell)
            self.roster_view.scrollTo(cell)

    # -- hand edits -----------------------------------------------------------------------------
    def session_menu(self, row: int) -> QMenu:
        """The context menu of a row of the Sessions tab (built on demand; tests inspect it unshown)."""
        menu = QMenu(self)
        menu.addAction(self.tr("Who could take it…"), lambda: self.show_candidates(row))
        req = self.sessions_model.requirement_at(row)
        for staff_id in self.plan.staff_on(req.id):
            name = self.plan.problem.staff_by_id(staff_id).name if self.plan.problem else staff_id
            menu.addAction(self.tr("Who could take %1's place…").replace("%1", name),
                           lambda s=staff_id: self.show_candidates(row, s))
        return menu

    def compare_rosters(self) -> None:
        """Compare two rosters of the plan (the window's, the one before the last solve, the saved versions)."""
        from desktop.dialogs import run_modal

        if (box := self.compare_box()) is not None:
            run_modal(box)

    def compare_box(self) -> CompareDialog | None:
        """The comparison compare_rosters shows, unshown; None without a plan or while busy."""
        from desktop.dialogs.compare_dialog import CompareDialog

        if self.plan.problem is None or self.is_busy():
            return None
        saved = self.database if self.database_url is not None and self.plan.plan_name else None
        return CompareDialog(self.plan.problem, self.plan.roster, self.before_solve, self.plan.plan_name, saved, self)

    def _session_menu(self, pos) -> None:
        index = self.sessions_view.indexAt(pos)
        if index.isValid() and not self.is_busy():
            self.session_menu(index.row()).exec(self.sessions_view.viewport().mapToGlobal(pos))

    def show_candidates(self, row: int, replacing: str | None = None) -> None:
        """Who could take the session of the Sessions tab's `row`, or `replacing`'s place in it."""
        if self.plan.problem is None or self.is_busy() or not 0 <= row < self.sessions_model.rowCount():
            return
        self.roster_view.show_candidates(self.sessions_model.requirement_at(row).id, replacing)

    def unassign_selected(self) -> None:
        pairs = self.roster_view.selected_pairs()
        if len(pairs) > 1:
            self.undo_stack.beginMacro(self.tr("Unassign %n assignment(s)", "", len(pairs)))
        for staff_id, req_id in pairs:
            self.editor.unassign(staff_id, req_id)
        if len(pairs) > 1:
            self.undo_stack.endMacro()

    def lock_selected(self, locked: bool) -> None:
        self.editor.lock(self.roster_view.selected_pairs(), locked)

    # -- plumbing -------------------------------------------------------------------------------
    def _run(self, work: Callable, on_done: Callable) -> None:
        self._task = BackgroundTask.started(work, self, on_done, self._failed, self._task_done)
        self._set_busy(True)

    @Slot()
    def _task_done(self) -> None:
        self._task = None
        self._solver, self._solving = None, False
        self._set_busy(False)
        self._after_saving()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self._after_save = None  # nothing waits for a save that failed
        if self.solve_progress.cancel.isEnabled():
            self.solve_progress.finish(self.tr("Error: %1").replace("%1", str(error)))
        from models.storage.errors import ConcurrentEdit, StorageError  # a rare path: loading storage here costs nothing at start

        if isinstance(error, ConcurrentEdit):
            self._offer_reload(error)
        elif isinstance(error, StorageError):
            # a refusal in words (input for another period under a plan with rosters, a published
            # version, a plan not found): the database is as it was
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), str(error), parent=self)
            show_box(box)
            self.status.setText(self.tr("Not saved: %1").replace("%1", str(error)))
        elif isinstance(error, CannotWrite):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot save the file"),
                              "\n".join(f"{p.file}\n{p.message}" for p in error.problems), parent=self)
            show_box(box)
            self.status.setText(self.tr("Nothing was written."))
        elif isinstance(error, InvalidInput):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Problems in the workbook"),
                              self.tr("%n problem(s) found; nothing was imported.", "", len(error.problems)), parent=self)
            box.setDetailedText("\n".join(str(p) for p in error.problems))
            show_box(box)
            self.status.setText(str(error.problems[0]) if error.problems else "")
        else:
            self.status.setText(self.tr("Error: %1").replace("%1", f"{type(error).__name__}: {error}"))

    def _offer_reload(self, error) -> None:
        """Another coordinator saved the plan first: say who and when, and offer to reload it."""
        self.status.setText(str(error))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Plan changed by someone else"), str(error),
                          QMessageBox.StandardButton.Cancel, self)
        reload_button = box.addButton(self.tr("Reload the plan"), QMessageBox.ButtonRole.AcceptRole)
        box.setInformativeText(self.tr("Your changes were not saved. Reload to see the saved plan, "
                                       "or export your roster first to keep it."))
        box.buttonClicked.connect(
            lambda button: self.open_plan(error.plan_name, reload=True) if button is reload_button else None)
        show_box(box)

    def closeEvent(self, event) -> None:
        if not self.changes_kept(self.close):
            event.ignore()
            return
        self.cancel_solve()
        if self._task is not None:
            self._task.wait()
        self.plan.wait()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        super().closeEvent(event)

    # -- drag and drop of workbooks -------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if any(u.toLocalFile().lower().endswith((".xlsx", ".xlsm")) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.toLocalFile()]
        if paths and not self.is_busy():
            QTimer.singleShot(0, lambda: self.choose_workbooks(paths))
