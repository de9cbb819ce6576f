"""The main window's file side: import, plans in the database, save, export, print, and its dialogs.

A mixin of MainWindow (kept apart so each file holds one idea); texts use the MainWindow context.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QTimer, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.dialogs import run_modal
from desktop.recent import RecentList
from models.domain import Problem, Roster

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

translate = QCoreApplication.translate


def _operations():
    """desktop.operations, imported by the worker that first needs it (it loads the solver and Excel
    code), so the GUI thread never waits for it."""
    from desktop import operations

    return operations


# Dialogs, Excel, storage and the solver are imported where first used, so the window opens fast.


def relaunch_command(arguments: list[str]) -> tuple[str, list[str]]:
    """The program and arguments that start the desktop again: the frozen app itself, or this
    Python running desktop.app (however the window was started: haichi-desktop, python -m)."""
    if getattr(sys, "frozen", False):
        return sys.executable, arguments
    return sys.executable, ["-c", "import sys; from desktop.app import main; sys.exit(main())", *arguments]


class PlanFiles:
    """Import, open, save, export and the dialogs that change the plan's input."""

    # -- database -------------------------------------------------------------------------------
    def database(self: MainWindow):
        """The plan database (opened on first use, in whichever thread first needs it)."""
        if self._database is None:
            from models.storage import Database

            self._database = Database(self.database_url or None)  # "" = the default location
        return self._database

    # -- import ---------------------------------------------------------------------------------
    def choose_workbooks(self: MainWindow, paths: list[Path] | None = None) -> None:
        """Run the import wizard (pre-filled with `paths`); Finish loads and saves the plan."""
        if not self.changes_kept(lambda: self.choose_workbooks(paths)):
            return
        from desktop.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(paths, self)
        if run_modal(wizard) == QDialog.DialogCode.Accepted and wizard.problem is not None:
            problem, chosen = wizard.problem, wizard.files_page.paths()
            self._run(lambda: self._with_history(problem), lambda found: self._imported(*found, chosen))

    def open_workbooks(self: MainWindow, paths: list[Path], plan_name: str | None = None) -> None:
        """Import workbooks in the background without the wizard (command line, tests)."""
        count = len(paths)  # a name, not a call: lupdate does not see a translate() whose count is a call
        self.status.setText(translate("MainWindow", "Importing %n file(s)…", "", count))
        self._run(lambda: self._with_history(_operations().import_workbooks(paths, plan_name=plan_name)),
                  lambda found: self._imported(*found, paths))

    def _with_history(self: MainWindow, problem: Problem) -> tuple[Problem, Roster | None, list[str], list[str]]:
        """An imported plan with what it carries in from the earlier plans' rosters in the database, as
        when it is opened from there later (unchanged without a database). Imported again over a plan
        the database holds, it keeps that plan's newest roster (the assignments its sessions and staff
        still allow) and the rule settings its 設定 sheet does not name (models.domain.settings_kept):
        the ids of those rules come third, those of the rules back to their defaults fourth. In the background."""
        if self.database_url is None:
            return problem, None, [], []
        db = self.database()
        roster, kept, dropped = None, [], []
        found = _operations().over_stored(db, problem.name, problem)
        if found is not None:
            problem, kept, dropped = found
            latest = db.latest_solution(problem.name)
            if latest is not None:
                roster = latest[1].split_by(problem)[0]
        return db.carry_history(problem, problem.name), roster, kept, dropped

    def _imported(self: MainWindow, problem: Problem, roster: Roster | None, kept: list[str], dropped: list[str],
                  paths: list[Path]) -> None:
        from desktop.views.roster_grid import rule_title

        self.set_problem(problem, roster)
        files = RecentList(self.settings, "recent/files")
        for p in paths:
            files.add(str(Path(p).resolve()))
        self._refresh_recent()
        text = (translate("MainWindow", "%1: %2 staff, %3 sessions, %4 to %5").replace("%1", problem.name)
                .replace("%2", str(len(problem.active_staff()))).replace("%3", str(len(problem.requirements)))
                .replace("%4", problem.start.isoformat()).replace("%5", problem.end.isoformat()))
        if roster is not None:
            # imported again: the new marks may rule out some of the roster, which the problems list shows
            count = len(roster.assignments)  # a name, not a call: lupdate does not see a translate() whose count is a call
            text += translate("MainWindow", " — imported again: the roster is kept (%n assignment(s)), checked "
                                            "against the new input", "", count)
        if kept:
            text += translate("MainWindow", "; rule settings kept (not on the 設定 sheet): %1").replace(
                "%1", "、".join(map(rule_title, kept)))
        if dropped:
            text += translate("MainWindow", "; back to their defaults (gone from the 設定 sheet): %1").replace(
                "%1", "、".join(map(rule_title, dropped)))
        self.status.setText(text)
        if self.database_url is not None:
            # after the import task has finished; a roster kept from the database is its newest version already
            QTimer.singleShot(0, lambda: self.save_plan(input_only=roster is not None, keep_status=True))

    # -- plans in the database -------------------------------------------------------------------
    def choose_plan(self: MainWindow) -> None:
        self._run(lambda: self.database().list_plans(), self._show_plans)

    def _show_plans(self: MainWindow, plans) -> None:
        from desktop.dialogs.plans_dialog import PlansDialog

        for p in plans:
            if self.plan_picker.findText(p.name) < 0:
                self.plan_picker.addItem(p.name)
        dialog = PlansDialog(plans, self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted and dialog.chosen():
            self.open_plan(dialog.chosen())

    def open_plan(self: MainWindow, name: str, reload: bool = False) -> None:
        """Load a plan and its newest roster from the database in the background."""
        if not name or self.is_busy() or (name == self.plan.plan_name and not reload):
            return
        if not reload and not self.changes_kept(lambda: self.open_plan(name)):
            self.plan_picker.setCurrentIndex(self.plan_picker.findText(self.plan.plan_name or ""))
            return

        def load() -> tuple[Problem, Roster | None]:
            db = self.database()
            latest = db.latest_solution(name)
            return db.load_problem(name), latest[1] if latest else None

        self.status.setText(translate("MainWindow", "Opening plan %1…").replace("%1", name))
        self._run(load, lambda loaded: self._plan_opened(name, *loaded))

    def _plan_opened(self: MainWindow, name: str, problem: Problem, roster: Roster | None) -> None:
        self.set_problem(problem, roster, name)
        RecentList(self.settings, "recent/plans").add(name)
        self._refresh_recent()
        self.status.setText(translate("MainWindow", "Plan %1 opened.").replace("%1", name))

    # -- unsaved changes ---------------------------------------------------------------------------
    def changes_kept(self: MainWindow, then: Callable[[], None]) -> bool:
        """Whether the window may leave the plan now (close, open another, import): True when it
        has no unsaved changes or the coordinator chose to drop them. False when they cancel, or
        choose to save: `then` (the same step again) runs once the save has succeeded."""
        if self.undo_stack.isClean() or self.plan.problem is None:
            return True
        choice = self.ask_about_changes()
        if choice == "save":
            if self.is_busy():
                self.status.setText(translate("MainWindow", "Wait for the work under way to finish, then save."))
                return False
            self._after_save = then
            self.save_plan()
        return choice == "discard"

    def ask_about_changes(self: MainWindow) -> str:
        """Save, discard or cancel: the coordinator's answer to unsaved changes."""
        buttons = QMessageBox.StandardButton
        answer = buttons(run_modal(self.changes_box()))
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def changes_box(self: MainWindow) -> QMessageBox:
        """The question asked before unsaved changes are left: save, don't save, cancel."""
        name = self.plan.plan_name or self.plan.problem.name
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "Unsaved changes"),
                          translate("MainWindow", "Plan %1 has changes that are not saved. Save them?").replace("%1", name),
                          buttons.Save | buttons.Discard | buttons.Cancel, self)
        box.button(buttons.Save).setText(translate("MainWindow", "Save"))
        box.button(buttons.Discard).setText(translate("MainWindow", "Don't save"))
        box.button(buttons.Cancel).setText(translate("MainWindow", "Cancel"))
        box.setDefaultButton(buttons.Save)
        return box

    def _after_saving(self: MainWindow) -> None:
        """What was waiting for the save (closing, opening another plan), once it has succeeded."""
        then, self._after_save = self._after_save, None
        if then is not None and self.undo_stack.isClean():
            then()

    def save_plan(self: MainWindow, input_only: bool = False, keep_status: bool = False) -> None:
        """Save the plan's input (with its rules) and the roster as a new draft version (`input_only`:
        the input alone, the roster being the newest version already); `keep_status` adds the saving
        to what the status bar says instead of replacing it."""
        if self.plan.problem is None or self.is_busy():
            return
        name, problem, roster = self.plan.plan_name or self.plan.problem.name, self.plan.problem, self.plan.roster
        evaluation = self.plan.evaluation
        stats = {"objective": evaluation.objective, "hard_violations": len(evaluation.hard_violations)}

        def save() -> int | None:
            db = self.database()
            # Refused (ConcurrentEdit), never overwritten, if someone saved this plan since it was opened.
            version = db.save_problem(name, problem, expected_version=db.known_version(name))
            if input_only or not roster.assignments:
                return None
            return _roster_version(db, name, roster, stats, version)

        said = self.status.text() if keep_status else ""
        self._run(save, lambda version: self._saved(name, version, said))

    def publish_roster(self: MainWindow, confirm: bool = True) -> None:
        """Publish the roster on screen: saved as a version (the newest one when it is the same
        roster) and frozen; later changes make new versions, and repair, diff and the next month's
        history follow the published one. Asks first, saying how many hard rules it breaks."""
        if not self.plan.has_roster() or self.database_url is None or self.is_busy():
            return
        from models.storage import PUBLISHED

        name, problem, roster = self.plan.plan_name or self.plan.problem.name, self.plan.problem, self.plan.roster
        evaluation = self.plan.evaluation
        if confirm:
            box = QMessageBox(QMessageBox.Icon.Question, translate("MainWindow", "Publish roster"),
                              translate("MainWindow", "Publish this roster of %1?").replace("%1", name),
                              QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self)
            hard = len(evaluation.hard_violations)  # a name, not a call (lupdate)
            text = translate("MainWindow", "A published version is frozen: later changes are saved as new versions, "
                                           "and the changes since it can be sent to the people they concern.")
            if hard:
                text += "\n\n" + translate("MainWindow", "It breaks %n hard rule(s).", "", hard)
                box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(text)
            if run_modal(box) != QMessageBox.StandardButton.Ok:
                return
        stats = {"objective": evaluation.objective, "hard_violations": len(evaluation.hard_violations)}

        def publish() -> tuple[int, bool]:
            db = self.database()
            version = db.save_problem(name, problem, expected_version=db.known_version(name))
            number = _roster_version(db, name, roster, stats, version)
            if any(s.version == number and s.status == PUBLISHED for s in db.list_solutions(name)):
                return number, False
            db.publish(name, number)
            return number, True

        self._run(publish, lambda done: self._published(name, *done))

    def _published(self: MainWindow, name: str, version: int, now: bool) -> None:
        self.undo_stack.setClean()
        self.status.setText((translate("MainWindow", "Version %1 of %2 published.") if now else
                             translate("MainWindow", "Version %1 of %2 is published already."))
                            .replace("%1", str(version)).replace("%2", name))

    def _saved(self: MainWindow, name: str, version: int | None, said: str = "") -> None:
        self.undo_stack.setClean()
        RecentList(self.settings, "recent/plans").add(name)
        self._refresh_recent()
        if self.plan_picker.findText(name) < 0:
            self.plan_picker.addItem(name)
        text = translate("MainWindow", "Plan %1 saved.").replace("%1", name)
        if version is not None:
            text += " " + translate("MainWindow", "Roster version %1.").replace("%1", str(version))
        self.status.setText(f"{said} {text}" if said else text)

    @Slot()
    def _refresh_recent(self: MainWindow) -> None:
        for menu, key, opener in ((self.recent_files_menu, "recent/files", lambda e: self.choose_workbooks([Path(e)])),
                                  (self.recent_plans_menu, "recent/plans", self.open_plan)):
            menu.clear()
            entries = RecentList(self.settings, key).entries()
            for i, entry in enumerate(entries, start=1):
                menu.addAction(f"&{i} {entry}", lambda e=entry, o=opener: o(e))
            menu.setEnabled(bool(entries))
        for name in RecentList(self.settings, "recent/plans").entries():
            if self.plan_picker.findText(name) < 0:
                self.plan_picker.addItem(name)

    # -- export ---------------------------------------------------------------------------------
    def choose_export(self: MainWindow) -> None:
        name, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "Export roster"), "roster.xlsx",
                                              translate("MainWindow", "Excel workbooks (*.xlsx)"))
        if name:
            self.export_to(Path(name))

    def export_to(self: MainWindow, path: Path) -> None:
        """Write the roster workbook in the background."""
        if not self.plan.has_roster():
            return
        problem, roster = self.plan.problem, self.plan.roster
        self.status.setText(translate("MainWindow", "Exporting…"))
        self._run(lambda: _operations().write_roster(path, problem, roster),
                  lambda _e: self.status.setText(translate("MainWindow", "Roster written to %1").replace("%1", str(path))))

    def choose_personal_export(self: MainWindow) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("MainWindow", "Folder for the per-person files"))
        if folder:
            self.export_personal(Path(folder))

    def export_personal(self: MainWindow, folder: Path) -> None:
        """Write one workbook per person into `folder` in the background."""
        if not self.plan.has_roster():
            return
        problem, roster = self.plan.problem, self.plan.roster
        self._run(lambda: _operations().write_personal(folder, problem, roster),
                  lambda files: self.status.setText(translate("MainWindow", "%1 files written to %2")
                                                    .replace("%1", str(len(files))).replace("%2", str(folder))))

    def show_print_preview(self: MainWindow) -> None:
        from desktop import printing

        if self.plan.has_roster():
            run_modal(printing.preview_dialog(self.plan.problem, self.plan.roster, self))

    # -- dialogs that change the input ----------------------------------------------------------
    def edit_input(self: MainWindow, page: int = 0) -> None:
        if self.plan.problem is None:
            return
        from desktop.dialogs.input_editor import InputEditor

        dialog = InputEditor(self.plan.problem, page, self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self.editor.put_input(dialog.result_problem(), translate("MainWindow", "Edit staff, sites and sessions"))

    def edit_rules(self: MainWindow) -> None:
        if self.plan.problem is None:
            return
        from desktop.dialogs.rules_dialog import RulesDialog

        dialog = RulesDialog(self.plan.problem, parent=self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self.editor.put_input(dialog.result_problem(), translate("MainWindow", "Change rules"))

    def show_settings(self: MainWindow) -> None:
        from desktop.dialogs.settings_dialog import SettingsDialog, chosen_language, database_location

        before = (chosen_language(self.settings), database_location(self.settings))
        if run_modal(SettingsDialog(self.settings, self)) != QDialog.DialogCode.Accepted:
            return
        language, database = chosen_language(self.settings), database_location(self.settings)
        if (language, database) != before and self.ask_to_restart():
            # a new language alone: this window's database (perhaps given with --db) and plan again
            kept = self.database_url if database == before[1] else None
            plan = self.plan.plan_name if kept is not None else None
            if self.changes_kept(lambda: self.restart(plan, kept)):
                self.restart(plan, kept)

    def ask_to_restart(self: MainWindow) -> bool:
        """Whether to restart now for a new language or database (they are read at start)."""
        box = self.restart_box()
        run_modal(box)
        return box.clickedButton() is box.defaultButton()

    def restart_box(self: MainWindow) -> QMessageBox:
        """The question: restart now (the default button) or later."""
        box = QMessageBox(QMessageBox.Icon.Question, translate("MainWindow", "Restart Haichi"),
                          translate("MainWindow", "The new language or database is used once Haichi starts again. "
                                                  "Restart now?"), QMessageBox.StandardButton.NoButton, self)
        now = box.addButton(translate("MainWindow", "Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("MainWindow", "Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now)
        return box

    def restart(self: MainWindow, plan: str | None, database: str | None = None) -> None:
        """Start a new Haichi (on `database`, else the one in Settings, with `plan` open) and close
        this one; any unsaved changes were saved or dropped by the coordinator's choice before."""
        from PySide6.QtCore import QProcess
        from PySide6.QtWidgets import QApplication

        arguments = (["--db", database] if database else []) + (["--plan", plan] if plan else [])
        program, arguments = relaunch_command(arguments)
        started, _pid = QProcess.startDetached(program, arguments)
        if not started:
            self.status.setText(translate("MainWindow", "Haichi could not be restarted; close it and start it again."))
            return
        self.undo_stack.setClean()  # saved, or dropped when asked: nothing left to ask about
        QApplication.quit()

    def show_about(self: MainWindow) -> None:
        QMessageBox.about(self, translate("MainWindow", "About Haichi"), translate(
            "MainWindow", "Haichi builds staff rosters: Excel in, a constraint solver, Excel out."))


def _roster_version(db, name: str, roster: Roster, stats: dict, plan_version: int) -> int:
    """The version holding `roster`: the newest when it holds the same assignments and locks (a
    save with nothing changed since made a copy each time), else a new draft."""
    latest = db.latest_solution(name)
    if latest is not None and _same(latest[1], roster):
        return latest[0]
    return db.save_solution(name, roster, stats=stats, expected_version=plan_version)


def _same(a: Roster, b: Roster) -> bool:
    def key(roster: Roster) -> set[tuple[str, str, bool]]:
        return {(x.staff_id, x.requirement_id, x.locked) for x in roster.assignments}

    return key(a) == key(b)
