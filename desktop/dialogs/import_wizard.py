"""The import wizard: pick one or many workbooks, see a preview or every problem with its sheet and
cell; Finish is only possible when the workbooks read without a single error."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWizard, QWizardPage,
)

from desktop.views.roster_grid import day_label
from desktop.views.sessions import needed
from desktop.workers import BackgroundTask
from models.domain import Problem, time_range
from models.errors import InputProblem, InvalidInput
from models.textparse import skill_needs_text

PREVIEW_ROWS = 200


class FilesPage(QWizardPage):
    """Which workbooks to read (sessions, staff, returned availability forms) and the plan's name."""

    def __init__(self, paths: list[Path], parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose workbooks"))
        self.setSubTitle(self.tr("Add the sessions workbook and every returned availability form; they are merged."))
        self.files = QListWidget(self)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add = QPushButton(self.tr("Add…"), self)
        remove = QPushButton(self.tr("Remove"), self)
        add.clicked.connect(self._choose)
        remove.clicked.connect(self._remove)
        self.plan_name = QLineEdit(self)
        self.plan_name.setPlaceholderText(self.tr("Plan name (blank: taken from the workbook)"))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Plan name"), self))
        layout.addWidget(self.plan_name)
        self.set_paths(paths)

    def set_paths(self, paths: list[Path]) -> None:
        for p in paths:
            if str(p) not in self.paths_text():
                self.files.addItem(str(p))
        self.completeChanged.emit()

    def paths_text(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def paths(self) -> list[Path]:
        return [Path(p) for p in self.paths_text()]

    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add workbooks"), "",
                                                self.tr("Excel workbooks (*.xlsx *.xlsm)"))
        self.set_paths([Path(n) for n in names])

    def _remove(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.files.count() > 0


class PreviewPage(QWizardPage):
    """Reads the workbooks in the background; shows what would be imported, or every problem."""

    def __init__(self, files: FilesPage, parent=None) -> None:
        super().__init__(parent)
        self.files_page = files
        self.setTitle(self.tr("Check"))
        self.problem: Problem | None = None
        self.problems: list[InputProblem] = []
        self.notes: list[InputProblem] = []
        self._task: BackgroundTask | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(self._open_problem)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        self.problem, self.problems = None, []
        self.table.setRowCount(0)
        self.summary.setText(self.tr("Reading the workbooks…"))
        paths, name = self.files_page.paths(), self.files_page.plan_name.text().strip() or None
        from desktop import operations  # imports the Excel reader and the rule catalogue on first use
        # without a 勤務可否 sheet the plan has no marks yet: its availability forms go out next
        self.notes: list[InputProblem] = []  # filled by the read, before `_read` shows them
        notes = self.notes
        self._task = BackgroundTask.started(
            lambda: operations.import_workbooks(paths, plan_name=name, marks_optional=True, notes=notes), self,
            self._read, self._failed, self._done)
        self.completeChanged.emit()

    def is_reading(self) -> bool:
        return self._task is not None

    def _done(self) -> None:
        self._task = None
        self.completeChanged.emit()

    def _read(self, problem: Problem) -> None:
        self.problem = problem
        self.summary.setText(
            self.tr("Plan %1, %2 to %3: %4 staff, %5 sites, %6 sessions, %7 availability marks. Press Finish to import.")
            .replace("%1", problem.name).replace("%2", problem.start.isoformat()).replace("%3", problem.end.isoformat())
            .replace("%4", str(len(problem.staff))).replace("%5", str(len(problem.sites)))
            .replace("%6", str(len(problem.requirements))).replace("%7", str(len(problem.availability)))
        )
        if wishes := problem.wish_count():
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "%1 shift wishes (shift names written in the availability cells).").replace("%1", str(wishes)))
        if problem.awaits_marks():
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "No availability marks yet: after importing, write the availability forms (File > Availability "
                "forms), and collect the returned ones before solving."))
        for note in self.notes:  # how something was read (a blank date taken from the row above)
            self.summary.setText(self.summary.text() + "\n" + self.tr("Note: %1").replace("%1", str(note)))
        headers = [self.tr("Date"), self.tr("Site"), self.tr("Activity"), self.tr("Time"), self.tr("Needed"),
                   self.tr("Required skills")]
        rows = sorted(problem.requirements, key=lambda r: (r.date, r.start, r.site))[:PREVIEW_ROWS]
        self._fill(headers, [
            [day_label(r.date), r.site, r.activity, time_range(r.start, r.end, "–"), needed(r),
             skill_needs_text(r.required_skills, r.skill_caps)]
            for r in rows
        ])

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, InvalidInput):
            self.problems = error.problems
        else:
            self.problems = [InputProblem("", "", "", f"{type(error).__name__}: {error}")]
        self.summary.setText(
            self.tr("%n problem(s) found; nothing will be imported. Fix the workbooks and press Back, then Next.",
                    "", len(self.problems))
            + "\n" + self.tr("Double-click a problem to see its cell.")
        )
        self.summary.setStyleSheet("color: #b91c1c;")
        headers = [self.tr("File"), self.tr("Sheet"), self.tr("Cell"), self.tr("Problem")]
        self._fill(headers, [[Path(p.file).name, p.sheet, p.cell, p.message] for p in self.problems])

    def _fill(self, headers: list[str], rows: list[list[str]]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        if not self.problems:
            self.summary.setStyleSheet("")

    def _open_problem(self, row: int, _column: int) -> None:
        """Show the problem where it is: its sheet with the cell selected (CellPreview), or, for a
        problem of the whole file, the workbook itself in Excel."""
        if not 0 <= row < len(self.problems):
            return
        problem = self.problems[row]
        path = self.path_of(problem)
        if path is None:
            return
        if problem.sheet:
            from desktop.dialogs.cell_preview import CellPreview

            CellPreview(path, problem, self).exec()
        else:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def path_of(self, problem: InputProblem) -> Path | None:
        """The workbook a problem names (problems carry the file's name, the wizard its path)."""
        for path in self.files_page.paths():
            if path.name == problem.file or str(path) == problem.file:
                return path
        return None

    def isComplete(self) -> bool:
        return self.problem is not None and not self.problems

    def cleanup(self) -> None:
        if self._task is not None:
            self._task.wait()


class ImportWizard(QWizard):
    """Returns the read Problem in `problem` after Finish; nothing is imported while there are errors."""

    def __init__(self, paths: list[Path] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import workbooks"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.files_page = FilesPage(list(paths or []), self)
        self.preview_page = PreviewPage(self.files_page, self)
        self.addPage(self.files_page)
        self.addPage(self.preview_page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(860, 560)

    @property
    def problem(self) -> Problem | None:
        return self.preview_page.problem if not self.preview_page.problems else None

    def done(self, result: int) -> None:
        self.preview_page.cleanup()
        super().done(result)
