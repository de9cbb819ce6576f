"""Editors for the plan's input: staff, sites and sessions, one tab each; OK returns the new Problem."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from desktop.views.records import RecordsModel, sessions_model, sites_model, staff_model
from models.domain import Problem, Requirement, counted_activities, rotation_order


class RecordsTab(QWidget):
    """A table of records with Add and Remove buttons."""

    def __init__(self, model: RecordsModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.resizeColumnsToContents()
        add = QPushButton(self.tr("Add"), self)
        remove = QPushButton(self.tr("Remove"), self)
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def _add(self) -> None:
        row = self.model.insert_record()
        self.view.scrollToBottom()
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.model.removeRows(row, 1)


class InputEditor(QDialog):
    """Staff, sites and sessions of a plan; `result_problem()` is the edited plan input."""

    def __init__(self, problem: Problem, page: int = 0, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Staff, sites and sessions"))
        self.problem = problem
        self.staff = RecordsTab(staff_model(problem.staff, self), self)
        self.sites = RecordsTab(sites_model(problem.sites, self), self)
        self.sessions = RecordsTab(sessions_model(problem.requirements, problem.start, problem.end, self), self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.staff, self.tr("Staff"))
        self.tabs.addTab(self.sites, self.tr("Sites"))
        self.tabs.addTab(self.sessions, self.tr("Sessions"))
        self.tabs.setCurrentIndex(page)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        for tab in (self.staff, self.sites, self.sessions):  # why an entry was refused, until the next edit
            tab.model.refused.connect(self.message.setText)
            tab.model.dataChanged.connect(lambda *_: self.message.clear())
        for model in (self.staff.model, self.sessions.model):  # limits name the sessions' activities
            for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._flag_limits)
        self._flag_limits()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1100, 620)

    def problems(self) -> list[str]:
        """What stops the edits from being used: duplicate ids or sessions outside the period."""
        out = []
        ids = Counter(s.id for s in self.staff.model.records)
        out += [self.tr("Staff ID %1 is used more than once.").replace("%1", k) for k, n in ids.items() if n > 1]
        keys = Counter(r.id for r in self.sessions.model.records)
        out += [self.tr("Two sessions have the same date, site, activity and start: %1").replace("%1", k)
                for k, n in keys.items() if n > 1]
        for r in self.sessions.model.records:
            if not self.problem.start <= r.date <= self.problem.end:
                out.append(self.tr("%1 is outside the plan period.").replace("%1", r.label()))
            if r.end <= r.start:
                out.append(self.tr("%1 ends before it starts.").replace("%1", r.label()))
            out += self._over_the_cap(r)
        out += self.unknown_activities().values()
        return out

    def _over_the_cap(self, r: Requirement) -> list[str]:
        """A session needing more people, or more of a skill, than it may take (the importer
        refuses both; typed here they made a plan no roster can satisfy)."""
        if r.max_staff is None:
            return []
        out = []
        if r.max_staff < r.min_staff:
            out.append(self.tr("%1 may take at most %2, fewer than the %3 people it needs.").replace("%1", r.label())
                       .replace("%2", str(r.max_staff)).replace("%3", str(r.min_staff)))
        out += [self.tr("%1 needs %2 people with %3, more than the %4 it may take.").replace("%1", r.label())
                .replace("%2", str(count)).replace("%3", skill).replace("%4", str(r.max_staff))
                for skill, count in r.required_skills if count > r.max_staff]
        if r.preferred_staff is not None and not r.min_staff <= r.preferred_staff <= r.max_staff:
            out.append(self.tr("%1 has a target of %2, outside its %3 to %4 people.").replace("%1", r.label())
                       .replace("%2", str(r.preferred_staff)).replace("%3", str(r.min_staff))
                       .replace("%4", str(r.max_staff)))
        return out

    def unknown_activities(self) -> dict[tuple[int, str], str]:
        """Limits per activity that name an activity no session has (a typo would limit nothing), as
        the importer refuses them: (row, field) -> what is wrong."""
        shifts = rotation_order(self.sessions.model.records)
        known = set(shifts)
        found = {}
        for row, person in enumerate(self.staff.model.records):
            named = {part for name, _ in person.max_per_activity for part in counted_activities(name, known)}
            if named - known:
                found[(row, "max_per_activity")] = (
                    self.tr("%1's limits per activity name %2, which no session has (activities: %3).")
                    .replace("%1", person.name).replace("%2", "、".join(sorted(named - known)))
                    .replace("%3", "、".join(shifts)))
        return found

    def _flag_limits(self, *_changed) -> None:
        self.staff.model.set_warnings(self.unknown_activities())

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.message.setText("\n".join(problems[:5]))
            return
        super().accept()

    def result_problem(self) -> Problem:
        """The plan's input with the edited staff, sites and sessions."""
        return self.problem.with_(
            staff=list(self.staff.model.records),
            sites=list(self.sites.model.records),
            requirements=list(self.sessions.model.records),
        )
