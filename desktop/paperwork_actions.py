"""The main window's monthly paperwork: availability forms out and back, calendars, the roster PDF.

A mixin of MainWindow, like plan_files.py; the work itself is in desktop/paperwork.py (no Qt) and
runs in the background. Collected forms change the plan through the undo stack.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.dialogs import first_lines, run_modal

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from models.excel.form_returns import Collection

translate = QCoreApplication.translate

# Cautions about returned forms shown in the question itself; the rest are under its details.
SHOWN_CAUTIONS = 6


def _paperwork():
    """desktop.paperwork, imported when a worker first needs it (it loads openpyxl), not on the GUI thread."""
    from desktop import paperwork

    return paperwork


class PaperworkActions:
    """Forms, collected returns, calendars and the master roster PDF."""

    def choose_forms_folder(self: MainWindow) -> None:
        if self.plan.problem is None:
            return
        folder = QFileDialog.getExistingDirectory(self, translate("MainWindow", "Folder for the availability forms"))
        if folder:
            self.write_forms(Path(folder))

    def write_forms(self: MainWindow, folder: Path) -> None:
        """One availability form per active staff member into `folder`, in the background."""
        problem = self.plan.problem
        self.status.setText(translate("MainWindow", "Writing availability forms…"))
        self._run(lambda: _paperwork().make_forms(problem, folder),
                  lambda files: self.status.setText(translate("MainWindow", "%1 forms written to %2")
                                                    .replace("%1", str(len(files))).replace("%2", str(folder))))

    def choose_returned_forms(self: MainWindow) -> None:
        if self.plan.problem is None:
            return
        names, _ = QFileDialog.getOpenFileNames(self, translate("MainWindow", "Returned availability forms"), "",
                                                translate("MainWindow", "Excel workbooks (*.xlsx *.xlsm)"))
        if names:
            self.collect_forms([Path(n) for n in names])

    def collect_forms(self: MainWindow, paths: list[Path], confirm: bool = True) -> None:
        """Read returned forms in the background; show the report, then merge as one undoable edit."""
        problem = self.plan.problem
        count = len(paths)  # a name, not a call: lupdate does not see a translate() whose count is a call
        self.status.setText(translate("MainWindow", "Reading %n returned form(s)…", "", count))
        self._run(lambda: _paperwork().collect(problem, paths), lambda c: self._forms_collected(c, confirm))

    def _forms_collected(self: MainWindow, collection: Collection, confirm: bool) -> None:
        from models.excel.form_returns import cautions, report_lines

        lines = report_lines(collection)
        if confirm:
            # what needs a look (a blank form, an older form set aside, a name that differs) is
            # shown before the question, not only under the details
            warned = cautions(collection)
            shown = first_lines(warned, SHOWN_CAUTIONS)
            icon = QMessageBox.Icon.Warning if warned else QMessageBox.Icon.Question
            box = QMessageBox(icon, translate("MainWindow", "Returned forms"), lines[0],
                              QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self)
            box.setInformativeText("\n".join([*shown, "", translate("MainWindow", "Apply these answers to the plan?")]
                                             if shown else [translate("MainWindow", "Apply these answers to the plan?")]))
            box.setDetailedText("\n".join(lines[1:]))
            if run_modal(box) != QMessageBox.StandardButton.Ok:
                self.status.setText(translate("MainWindow", "Returned forms not applied."))
                return
        self.editor.put_input(collection.problem, translate("MainWindow", "Collect returned forms"))
        self.last_collection_report = lines
        self.status.setText(lines[0])

    def choose_calendars_folder(self: MainWindow) -> None:
        if not self.plan.has_roster():
            return
        folder = QFileDialog.getExistingDirectory(self, translate("MainWindow", "Folder for the calendars"))
        if folder:
            self.write_calendars(Path(folder))

    def write_calendars(self: MainWindow, folder: Path) -> None:
        """One .ics calendar per person with a session, in the background."""
        problem, roster = self.plan.problem, self.plan.roster
        self._run(lambda: _paperwork().calendars(folder, problem, roster),
                  lambda files: self.status.setText(translate("MainWindow", "%1 files written to %2")
                                                    .replace("%1", str(len(files))).replace("%2", str(folder))))

    def choose_master_pdf(self: MainWindow, kind: str = "master") -> None:
        """Ask where to write the 配置表 as PDF (`kind` "duty": the 勤務表, people down and days across;
        "sites": the 会場別 sheet, each site's days)."""
        if not self.plan.has_roster():
            return
        title, default = {
            "duty": (translate("MainWindow", "Duty roster as PDF"), "勤務表.pdf"),
            "sites": (translate("MainWindow", "Each site's days as PDF"), "会場別.pdf"),
        }.get(kind, (translate("MainWindow", "Master roster as PDF"), "配置表.pdf"))
        name, _ = QFileDialog.getSaveFileName(self, title, default, translate("MainWindow", "PDF files (*.pdf)"))
        if name:
            self.write_master_pdf(Path(name), kind)

    def write_master_pdf(self: MainWindow, path: Path, kind: str = "master") -> None:
        """The master roster (`kind`: "duty" the 勤務表, "sites" the 会場別 sheet) as PDF (through
        LibreOffice), in the background."""
        problem, roster = self.plan.problem, self.plan.roster
        self.status.setText(translate("MainWindow", "Exporting…"))
        said = {"duty": translate("MainWindow", "Duty roster written to %1"),
                "sites": translate("MainWindow", "Each site's days written to %1")}.get(
            kind, translate("MainWindow", "Roster written to %1"))
        self._run(lambda: _paperwork().master_pdf(path, problem, roster, kind == "duty", kind == "sites"),
                  lambda written: self.status.setText(said.replace("%1", str(written))))
