"""Qt item models: thin adapters over a Problem and a Roster (no domain logic here)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from models.domain import Problem, Roster, Violation, hhmm
from models.holidays import holiday_name

WEEKDAYS_JA = "月火水木金土日"
SITE_COLOURS = (
    "#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#ede9fe",
    "#ccfbf1", "#ffedd5", "#e0e7ff", "#f3e8ff", "#ecfccb",
)
WEEKEND_COLOUR = QColor("#f1f5f9")
HOLIDAY_COLOUR = QColor("#fee2e2")
VIOLATION_COLOUR = QColor("#dc2626")

Index = QModelIndex | QPersistentModelIndex


def day_label(day: date) -> str:
    return f"{day.month}/{day.day}({WEEKDAYS_JA[day.weekday()]})"


class RosterModel(QAbstractTableModel):
    """Staff down, dates across; each cell lists the person's sessions that day."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._problem: Problem | None = None
        self._days: list[date] = []
        self._staff = []
        self._cells: dict[tuple[str, date], list] = {}
        self._locked: set[tuple[str, str]] = set()
        self._site_colour: dict[str, QColor] = {}
        self._violations: dict[tuple[str, date], list[str]] = {}

    def set_roster(self, problem: Problem | None, roster: Roster | None, violations: list[Violation] = ()) -> None:
        self.beginResetModel()
        self._problem = problem
        self._days = problem.days() if problem else []
        self._staff = problem.active_staff() if problem else []
        self._cells = defaultdict(list)
        self._locked = set()
        if problem and roster:
            for a in roster.assignments:
                if problem.has_requirement(a.requirement_id):
                    req = problem.requirement(a.requirement_id)
                    self._cells[(a.staff_id, req.date)].append(req)
                    if a.locked:
                        self._locked.add((a.staff_id, req.id))
            for reqs in self._cells.values():
                reqs.sort(key=lambda r: r.start)
        sites = [s.name for s in problem.sites] if problem else []
        self._site_colour = {name: QColor(SITE_COLOURS[i % len(SITE_COLOURS)]) for i, name in enumerate(sites)}
        self._violations = defaultdict(list)
        for v in violations:
            if v.staff_id and v.date:
                self._violations[(v.staff_id, v.date)].append(v.message)
        self.endResetModel()

    # -- the Qt model contract ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._staff)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._days)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        staff = self._staff[index.row()]
        day = self._days[index.column()]
        reqs = self._cells.get((staff.id, day), [])
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(
                ("🔒" if (staff.id, r.id) in self._locked else "") + f"{r.site} {r.activity}" for r in reqs
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{staff.name} {day_label(day)}"]
            lines += [f"{r.site} {r.activity} {hhmm(r.start)}-{hhmm(r.end)}" for r in reqs]
            lines += [f"⚠ {m}" for m in self._violations.get((staff.id, day), [])]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole:
            if (staff.id, day) in self._violations:
                return QBrush(QColor("#fecaca"))
            if reqs:
                return QBrush(self._site_colour.get(reqs[0].site, QColor(SITE_COLOURS[0])))
            return self._day_brush(day)
        if role == Qt.ItemDataRole.UserRole:
            return [r.id for r in reqs]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._days):
            day = self._days[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return day_label(day)
            if role == Qt.ItemDataRole.ToolTipRole:
                return holiday_name(day) or day.isoformat()
            if role == Qt.ItemDataRole.ForegroundRole and (day.weekday() >= 5 or holiday_name(day)):
                return QBrush(QColor("#b91c1c") if day.weekday() == 6 or holiday_name(day) else QColor("#1d4ed8"))
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._staff):
            staff = self._staff[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{staff.name}  ({staff.id})"
            if role == Qt.ItemDataRole.ToolTipRole:
                return ", ".join(sorted(staff.skills))
        return None

    def _day_brush(self, day: date):
        if holiday_name(day):
            return QBrush(HOLIDAY_COLOUR)
        if day.weekday() >= 5:
            return QBrush(WEEKEND_COLOUR)
        return None


class SessionsModel(QAbstractTableModel):
    """One row per session: date, site, activity, time, needed, assigned, who."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._assigned: dict[str, list[str]] = {}
        self._names: dict[str, str] = {}

    def set_roster(self, problem: Problem | None, roster: Roster | None) -> None:
        self.beginResetModel()
        self._rows = sorted(problem.requirements, key=lambda r: (r.date, r.start, r.site)) if problem else []
        self._names = {s.id: s.name for s in problem.staff} if problem else {}
        self._assigned = defaultdict(list)
        for a in roster.assignments if roster else []:
            self._assigned[a.requirement_id].append(a.staff_id)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(SESSION_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        req = self._rows[index.row()]
        who = self._assigned.get(req.id, [])
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            needed = f"{req.min_staff}" if req.max_staff in (None, req.min_staff) else f"{req.min_staff}–{req.max_staff}"
            values = (
                day_label(req.date), req.site, req.activity, f"{hhmm(req.start)}–{hhmm(req.end)}",
                needed, str(len(who)), "、".join(self._names.get(s, s) for s in who),
                "、".join(f"{k}:{n}" for k, n in req.required_skills),
            )
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 5 and len(who) < req.min_staff:
            return QBrush(VIOLATION_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and len(who) < req.min_staff:
            return QBrush(QColor("#fee2e2"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SessionsModel", SESSION_HEADERS[section])
        return None


SESSION_HEADERS = (
    QT_TRANSLATE_NOOP("SessionsModel", "Date"),
    QT_TRANSLATE_NOOP("SessionsModel", "Site"),
    QT_TRANSLATE_NOOP("SessionsModel", "Activity"),
    QT_TRANSLATE_NOOP("SessionsModel", "Time"),
    QT_TRANSLATE_NOOP("SessionsModel", "Needed"),
    QT_TRANSLATE_NOOP("SessionsModel", "Assigned"),
    QT_TRANSLATE_NOOP("SessionsModel", "Staff"),
    QT_TRANSLATE_NOOP("SessionsModel", "Skills"),
)
