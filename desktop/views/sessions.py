"""The sessions list: needed against assigned, unfilled in red, required skills; over a WorkingPlan."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QColor

from desktop.views.roster_grid import REQUIREMENTS_ROLE, VIOLATION_COLOUR, Index, day_label
from desktop.working_plan import WorkingPlan
from models.domain import Requirement, time_range
from models.textparse import skill_needs_text

UNFILLED_BACKGROUND = QColor("#fee2e2")
SESSION_HEADERS = (
    QT_TRANSLATE_NOOP("SessionsModel", "Date"),
    QT_TRANSLATE_NOOP("SessionsModel", "Site"),
    QT_TRANSLATE_NOOP("SessionsModel", "Activity"),
    QT_TRANSLATE_NOOP("SessionsModel", "Time"),
    QT_TRANSLATE_NOOP("SessionsModel", "Needed"),
    QT_TRANSLATE_NOOP("SessionsModel", "Assigned"),
    QT_TRANSLATE_NOOP("SessionsModel", "Staff"),
    QT_TRANSLATE_NOOP("SessionsModel", "Required skills"),
)
ASSIGNED_COLUMN = 5


def needed(req: Requirement) -> str:
    """How many people a session takes: `2`, or `2–3` when it may take more."""
    return str(req.min_staff) if req.max_staff in (None, req.min_staff) else f"{req.min_staff}–{req.max_staff}"


class SessionsModel(QAbstractTableModel):
    """One row per session in date, start and site order."""

    def __init__(self, plan: WorkingPlan, parent=None) -> None:
        super().__init__(parent)
        self.plan = plan
        self._rows: list[Requirement] = []
        self._row_of: dict[str, int] = {}
        self._names: dict[str, str] = {}
        plan.reset.connect(self.reload)
        plan.edited.connect(self._edited)
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.beginResetModel()
        problem = self.plan.problem
        self._rows = sorted(problem.requirements, key=lambda r: (r.date, r.start, r.site, r.activity)) if problem else []
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._names = {s.id: s.name for s in problem.staff} if problem else {}
        self.endResetModel()

    @Slot(object, object)
    def _edited(self, _staff_ids: set[str], requirement_ids: set[str]) -> None:
        for rid in requirement_ids:
            row = self._row_of.get(rid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(SESSION_HEADERS) - 1))

    def requirement_at(self, row: int) -> Requirement:
        return self._rows[row]

    def row_of(self, requirement_id: str) -> int | None:
        """The session's row, None when the plan has no such session."""
        return self._row_of.get(requirement_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(SESSION_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        req = self._rows[index.row()]
        who = self.plan.staff_on(req.id)
        col = index.column()
        short = len(who) < req.min_staff
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                day_label(req.date), req.site, req.activity, time_range(req.start, req.end, "–"),
                needed(req), str(len(who)), "、".join(sorted(self._names.get(s, s) for s in who)),
                skill_needs_text(req.required_skills, req.skill_caps),
            )
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == ASSIGNED_COLUMN and short:
            return QBrush(VIOLATION_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and short:
            return QBrush(UNFILLED_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return Qt.AlignmentFlag.AlignCenter
        if role == REQUIREMENTS_ROLE:
            return [req.id]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SessionsModel", SESSION_HEADERS[section])
        return None
