"""The main window's actions, menus and toolbar, with the shortcuts Windows users expect."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

translate = QCoreApplication.translate


class Actions(QObject):
    """Every QAction of the main window, created once and shared by menus, toolbar and tests."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.window = w
        self.import_files = self._make(self.tr("&Import workbooks…"), QKeySequence.StandardKey.Open, w.choose_workbooks)
        self.open_plan = self._make(self.tr("Open &plan…"), QKeySequence("Ctrl+Shift+O"), w.choose_plan)
        self.save_plan = self._make(self.tr("&Save plan"), QKeySequence.StandardKey.Save, w.save_plan)
        self.export_roster = self._make(self.tr("&Roster workbook…"), QKeySequence("Ctrl+E"), w.choose_export)
        self.export_personal = self._make(self.tr("&Per-person files…"), QKeySequence("Ctrl+Shift+E"), w.choose_personal_export)
        self.calendars = self._make(self.tr("&Calendars (.ics)…"), QKeySequence(), w.choose_calendars_folder)
        self.master_pdf = self._make(self.tr("Master roster as P&DF…"), QKeySequence(),
                                     lambda: w.choose_master_pdf("master"))
        self.duty_pdf = self._make(self.tr("Duty roster (people × days) as PDF…"), QKeySequence(),
                                   lambda: w.choose_master_pdf("duty"))
        self.sites_pdf = self._make(self.tr("Each site's days as PDF…"), QKeySequence(),
                                    lambda: w.choose_master_pdf("sites"))
        self.forms = self._make(self.tr("&Availability forms…"), QKeySequence(), w.choose_forms_folder)
        self.collect_forms = self._make(self.tr("&Collect returned forms…"), QKeySequence(), w.choose_returned_forms)
        self.print_preview = self._make(self.tr("Print pre&view…"), QKeySequence.StandardKey.Print, w.show_print_preview)
        self.settings = self._make(self.tr("Se&ttings…"), QKeySequence("Ctrl+,"), w.show_settings)
        self.quit = self._make(self.tr("E&xit"), QKeySequence("Alt+F4"), w.close)
        self.quit.setShortcuts([QKeySequence("Alt+F4"), QKeySequence("Ctrl+Q")])
        self.undo = w.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = w.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        # short texts for the toolbar (the stack's own actions carry the whole command text)
        self.undo_short = self._make(self.tr("Undo"), QKeySequence(), w.undo_stack.undo)
        self.redo_short = self._make(self.tr("Redo"), QKeySequence(), w.undo_stack.redo)
        self.undo_short.setEnabled(False)
        self.redo_short.setEnabled(False)
        w.undo_stack.canUndoChanged.connect(self.undo_short.setEnabled)
        w.undo_stack.canRedoChanged.connect(self.redo_short.setEnabled)
        self.unassign = self._make(self.tr("Unassign"), QKeySequence.StandardKey.Delete, w.unassign_selected)
        self.lock = self._make(self.tr("&Lock"), QKeySequence("Ctrl+L"), lambda: w.lock_selected(True))
        self.unlock = self._make(self.tr("U&nlock"), QKeySequence("Ctrl+Shift+L"), lambda: w.lock_selected(False))
        self.edit_input = self._make(self.tr("&Staff, sites and sessions…"), QKeySequence("Ctrl+Shift+S"), w.edit_input)
        self.edit_rules = self._make(self.tr("R&ules…"), QKeySequence("Ctrl+R"), w.edit_rules)
        self.solve = self._make(self.tr("&Solve"), QKeySequence("F5"), w.start_solve)
        self.solve_soft = self._make(self.tr("Solve with cover made so&ft"), QKeySequence("Shift+F5"),
                                     lambda: w.start_solve(soft_cover=True))
        self.cancel = self._make(self.tr("&Cancel solve"), QKeySequence("Esc"), w.cancel_solve)
        self.publish = self._make(self.tr("&Publish roster…"), QKeySequence(), w.publish_roster)
        self.compare = self._make(self.tr("C&ompare rosters…"), QKeySequence(), w.compare_rosters)
        self.about = self._make(self.tr("&About Haichi"), QKeySequence(QKeySequence.StandardKey.HelpContents), w.show_about)

    def _make(self, text: str, shortcut, slot: Callable) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action


def build_menus(w: MainWindow, a: Actions) -> tuple[QMenu, QMenu]:
    """Fill the menu bar; returns the recent-files and recent-plans menus (refilled on change)."""
    bar = w.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(a.import_files)
    file_menu.addAction(a.open_plan)
    recent_files = file_menu.addMenu(translate("MainWindow", "Recent &files"))
    recent_plans = file_menu.addMenu(translate("MainWindow", "Recent pla&ns"))
    file_menu.addSeparator()
    file_menu.addAction(a.save_plan)
    export = file_menu.addMenu(translate("MainWindow", "&Export"))
    for action in (a.export_roster, a.export_personal, a.calendars, a.master_pdf, a.duty_pdf, a.sites_pdf, a.print_preview):
        export.addAction(action)
    forms = file_menu.addMenu(translate("MainWindow", "Availability f&orms"))
    for action in (a.forms, a.collect_forms):
        forms.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(a.settings)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit = bar.addMenu(translate("MainWindow", "&Edit"))
    for action in (a.undo, a.redo, None, a.unassign, a.lock, a.unlock, None, a.edit_input, a.edit_rules):
        edit.addSeparator() if action is None else edit.addAction(action)

    roster = bar.addMenu(translate("MainWindow", "&Roster"))
    for action in (a.solve, a.solve_soft, a.cancel, None, a.compare, a.publish):
        roster.addSeparator() if action is None else roster.addAction(action)

    view = bar.addMenu(translate("MainWindow", "&View"))
    for dock in w.docks():
        view.addAction(dock.toggleViewAction())

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(a.about)
    return recent_files, recent_plans


def build_toolbar(w: MainWindow, a: Actions) -> QToolBar:
    toolbar = w.addToolBar(translate("MainWindow", "Main"))
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    for action in (a.import_files, a.open_plan, a.save_plan, None, a.undo_short, a.redo_short, None, a.solve, a.cancel,
                   None, a.edit_rules, a.export_roster, a.print_preview):
        toolbar.addSeparator() if action is None else toolbar.addAction(action)
    return toolbar
