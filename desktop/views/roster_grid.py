"""The roster grid's item model: staff down, dates across, a thin adapter over a WorkingPlan.

Each cell lists the person's sessions that day in the site's colour (a locked session: ◆ in the
cell's corner, drawn by the view, or after its line in a cell of several, `LOCKED_ROLE`); an empty
cell shows 明 the morning after a night, else the person's availability mark, in grey. Weekends and national holidays are shaded,
cells with violations carry them in `VIOLATIONS_ROLE` for the outline and the tooltip.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QColor

from desktop.working_plan import WorkingPlan
from models.domain import Mark, Requirement, Staff, Violation, days_taken, name_and_id, rotation_order, time_range
from models.holidays import holiday_name
from models.i18n import language, t
from models.textparse import cell_text

WEEKDAYS_JA = "月火水木金土日"
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SITE_COLOURS = (
    "#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#ede9fe",
    "#ccfbf1", "#ffedd5", "#e0e7ff", "#f3e8ff", "#ecfccb",
)
WEEKEND_COLOUR = QColor("#eef2f7")
HOLIDAY_COLOUR = QColor("#fde8e8")
VIOLATION_COLOUR = QColor("#dc2626")
SOFT_COLOUR = QColor("#f59e0b")
MARK_COLOUR = QColor("#94a3b8")
LOCK = "◆"
LOCK_COLOUR = QColor("#334155")
# U+2060 WORD JOINER between the characters of a name: Japanese text may break between any two
# characters, so a name would otherwise be split at a line's end (松本 理 / 恵).
WORD_JOINER = "\u2060"

Index = QModelIndex | QPersistentModelIndex
REQUIREMENTS_ROLE = Qt.ItemDataRole.UserRole  # list of requirement ids in the cell
VIOLATIONS_ROLE = Qt.ItemDataRole.UserRole + 1  # list of Violation in the cell
STAFF_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's staff id
DATE_ROLE = Qt.ItemDataRole.UserRole + 3  # the column's date
LOCKED_ROLE = Qt.ItemDataRole.UserRole + 4  # True: the cell's one session is locked (◆ in its corner)


def day_label(day: date) -> str:
    """`1/4(月)` in Japanese, `1/4 Mon` in English."""
    if language() == "ja":
        return f"{day.month}/{day.day}({WEEKDAYS_JA[day.weekday()]})"
    return f"{day.month}/{day.day} {WEEKDAYS_EN[day.weekday()]}"


def rule_title(rule_id: str) -> str:
    """The rule's title in the current language (its id if unknown)."""
    from solver.rules import title  # on first use: the solver loads after the window shows

    return title(rule_id)


def site_colours(names: list[str]) -> dict[str, QColor]:
    return {name: QColor(SITE_COLOURS[i % len(SITE_COLOURS)]) for i, name in enumerate(names)}


class RosterModel(QAbstractTableModel):
    """Staff × dates over the open plan; refreshes only the rows an edit touched."""

    def __init__(self, plan: WorkingPlan, parent=None) -> None:
        super().__init__(parent)
        self._activities_of: tuple[object, list[str]] = (None, [])  # (plan, its activities): `_activities`
        self.plan = plan
        self._days: list[date] = []
        self._day_brush: list[QBrush | None] = []
        self._staff: list[Staff] = []
        self._row_of: dict[str, int] = {}
        self._cells: dict[tuple[str, date], list[Requirement]] = {}
        self._most: dict[str, date] = {}  # the day a person has the most sessions, when two or more
        self._wishes: dict[tuple[str, date], str] = {}  # the shift someone asked for that day (日勤, 日勤/準夜)
        self._violations: dict[tuple[str, date], list[Violation]] = {}
        self._row_violations: dict[str, list[Violation]] = {}
        self._site_colour: dict[str, QBrush] = {}  # by site, or by activity for a plan of one site
        self._one_site = False
        plan.reset.connect(self.reload)
        plan.edited.connect(self._edited)
        plan.evaluated.connect(self._evaluated)
        self.reload()

    # -- keeping up with the plan ---------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        self.beginResetModel()
        problem = self.plan.problem
        self._days = problem.days() if problem else []
        self._day_brush = [self._shade(d) for d in self._days]
        self._staff = problem.active_staff() if problem else []
        self._row_of = {s.id: i for i, s in enumerate(self._staff)}
        # one site (a ward): cells name the activity (日勤, 準夜, 深夜) alone, coloured by it
        self._one_site = problem is not None and len({r.site for r in problem.requirements}) <= 1
        if self._one_site:
            names = rotation_order(problem.requirements)
        else:
            names = [s.name for s in problem.sites] if problem else []
            names += sorted({r.site for r in problem.requirements} - set(names)) if problem else []
        self._site_colour = {k: QBrush(c) for k, c in site_colours(names).items()}
        wishes: dict[tuple[str, date], list[str]] = defaultdict(list)
        for q in problem.requests if problem else []:
            if q.on:  # `出勤希望` (any session of the day) as 出勤希望
                wishes[(q.staff_id, q.date)].append(q.activity.replace("+", "/") or t("出勤", "work"))
        self._wishes = {key: "/".join(names) for key, names in wishes.items()}
        self._cells = defaultdict(list)
        self._most = {}
        for a in self.plan.roster.assignments:
            self._place(a.staff_id, a.requirement_id)
        for reqs in self._cells.values():
            reqs.sort(key=lambda r: (r.start, r.site))
        self._count_most(self._cells)
        self._index_violations()
        self.endResetModel()

    def _count_most(self, cells) -> None:
        for (staff_id, day), reqs in cells.items():
            fullest = self._most.get(staff_id)
            if len(reqs) > 1 and (fullest is None or len(reqs) > len(self._cells[(staff_id, fullest)])):
                self._most[staff_id] = day

    def _place(self, staff_id: str, requirement_id: str) -> None:
        problem = self.plan.problem
        if problem is not None and problem.has_requirement(requirement_id):
            req = problem.requirement(requirement_id)
            self._cells[(staff_id, req.date)].append(req)

    @Slot(object, object)
    def _edited(self, staff_ids: set[str], _requirement_ids: set[str]) -> None:
        for key in [k for k in self._cells if k[0] in staff_ids]:
            del self._cells[key]
        for a in self.plan.roster.assignments:
            if a.staff_id in staff_ids:
                self._place(a.staff_id, a.requirement_id)
        touched = {key: reqs for key, reqs in self._cells.items() if key[0] in staff_ids}
        for reqs in touched.values():
            reqs.sort(key=lambda r: (r.start, r.site))
        for staff_id in staff_ids:
            self._most.pop(staff_id, None)
        self._count_most(touched)
        for staff_id in staff_ids:
            row = self._row_of.get(staff_id)
            if row is not None and self._days:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._days) - 1))

    @Slot()
    def _evaluated(self) -> None:
        before = set(self._row_violations)
        self._index_violations()
        for staff_id in before | set(self._row_violations):
            row = self._row_of.get(staff_id)
            if row is not None:
                self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        if self._staff and self._days:  # one signal: the view repaints only what is visible
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._staff) - 1, len(self._days) - 1))

    def _index_violations(self) -> None:
        """Violations go to the cell of their session, or of their date when the person works it;
        the rest (e.g. a month's count) go to the person's row header."""
        self._violations = defaultdict(list)
        self._row_violations = defaultdict(list)
        problem = self.plan.problem
        for v in self.plan.violations:
            if v.staff_id is None:
                continue
            if v.requirement_id and problem and problem.has_requirement(v.requirement_id):
                self._violations[(v.staff_id, problem.requirement(v.requirement_id).date)].append(v)
            elif v.date is not None and (v.staff_id, v.date) in self._cells:
                self._violations[(v.staff_id, v.date)].append(v)
            else:
                self._row_violations[v.staff_id].append(v)

    @staticmethod
    def _shade(day: date) -> QBrush | None:
        if holiday_name(day):
            return QBrush(HOLIDAY_COLOUR)
        if day.weekday() >= 5:
            return QBrush(WEEKEND_COLOUR)
        return None

    # -- look-ups for views ---------------------------------------------------------------------
    def staff_at(self, row: int) -> Staff:
        return self._staff[row]

    def day_at(self, column: int) -> date:
        return self._days[column]

    def sessions_at(self, row: int, column: int) -> list[Requirement]:
        return self._cells.get((self._staff[row].id, self._days[column]), [])

    def short_texts(self) -> list[str] | None:
        """What a one-site plan's cells name (its activities: 日勤, 夜勤), for a grid narrow enough to see
        the month; None when cells name a site and an activity (垂水保健センター 妊婦歯科健診)."""
        problem = self.plan.problem
        if problem is None or not self._one_site:
            return None
        return self._activities(problem)

    def fullest_at(self, row: int) -> list[str]:
        """The lines of the row's cell with the most sessions, one a session (empty: none has two)."""
        staff_id = self._staff[row].id
        day = self._most.get(staff_id)
        if day is None:
            return []
        return [self._line(staff_id, r) for r in self._cells.get((staff_id, day), ())]

    def cell_of(self, staff_id: str, day: date) -> QModelIndex:
        """The index of a person's cell on a date (invalid if not shown)."""
        row = self._row_of.get(staff_id)
        if row is None or not self._days or not self._days[0] <= day <= self._days[-1]:
            return QModelIndex()
        return self.index(row, (day - self._days[0]).days)

    # -- the Qt model contract ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._staff)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._days)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        staff, day = self._staff[index.row()], self._days[index.column()]
        reqs = self._cells.get((staff.id, day), ())
        if role == Qt.ItemDataRole.DisplayRole:
            if len(reqs) == 1:  # ◆ in the corner: before the text it made 垂水保健センター too wide for a line
                return self._shown(reqs[0])
            if reqs:
                return "\n".join(self._line(staff.id, r) for r in reqs)
            return self._mark_text(staff.id, day)
        if role == LOCKED_ROLE:
            return len(reqs) == 1 and bool(self._lock(staff.id, reqs[0]))
        if role == Qt.ItemDataRole.BackgroundRole:
            if not reqs:
                return self._day_brush[index.column()]
            return self._site_colour.get(reqs[0].activity if self._one_site else reqs[0].site)
        if role == Qt.ItemDataRole.ForegroundRole and not reqs:
            return MARK_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(staff, day, reqs)
        if role == VIOLATIONS_ROLE:
            return self._violations.get((staff.id, day), [])
        if role == REQUIREMENTS_ROLE:
            return [r.id for r in reqs]
        if role == STAFF_ROLE:
            return staff.id
        if role == DATE_ROLE:
            return day
        return None

    def _shown(self, req: Requirement) -> str:
        """A session in a cell: `灘 3歳児健診`, or the activity alone when the plan has one site."""
        return req.activity if self._one_site else f"{req.site} {req.activity}"

    def _line(self, staff_id: str, req: Requirement) -> str:
        """A session's line in a cell of several: `垂水保健センター 妊婦歯科健診 ◆` when locked (the
        ◆ after it: before it, it made the site too wide for a line and broke it)."""
        lock = self._lock(staff_id, req)
        return f"{self._shown(req)} {lock}" if lock else self._shown(req)

    def _lock(self, staff_id: str, req: Requirement) -> str:
        a = self.plan.assignment(staff_id, req.id)
        return LOCK if a is not None and a.locked else ""

    def _activities(self, problem) -> list[str]:
        """The plan's activities in rotation order, worked out once a plan: `中番のみ` is written as such, not
        as the seven shifts it refuses."""
        if self._activities_of[0] is not problem:
            self._activities_of = (problem, rotation_order(problem.requirements))
        return self._activities_of[1]

    def _mark_text(self, staff_id: str, day: date) -> str:
        problem = self.plan.problem
        if problem is None:
            return ""
        before = (self._cells.get((staff_id, day - timedelta(days=1)), ()) if day > problem.start
                  else problem.history_sessions.get(staff_id, ()))
        if any(day in days_taken(r)[1:] for r in before):  # the morning after a night: not a day off
            return self.tr("After night")
        mark, key = problem.mark(staff_id, day), (staff_id, day)
        # as the 勤務可否 cell says it (希, 公, 有休 as written, the hours, 遅番不可, 1枠のみ), a plain ○ left blank
        text = cell_text(mark, None, problem.day_words(staff_id).get(day), problem.windows.get(key),
                         problem.refused.get(key), self._activities(problem), problem.day_caps.get(key)) or ""
        text = "" if text == Mark.AVAILABLE.value else text
        wish = self._wishes.get((staff_id, day))
        if wish:  # a nurse's 日勤 written in the 勤務可否 sheet: seen before the cell is filled
            text = (text + " " if text else "") + self.tr("%1 wanted").replace("%1", wish)
        return text

    def _tooltip(self, staff: Staff, day: date, reqs) -> str:
        lines = [f"{staff.name} {day_label(day)}"]
        if holiday_name(day):
            lines[0] += f"  {holiday_name(day)}"
        for r in reqs:
            locked = self._lock(staff.id, r)
            lines.append(f"{locked}{r.site} {r.activity} {time_range(r.start, r.end)}")
        if wish := self._wishes.get((staff.id, day)):
            lines.append(self.tr("Wish: %1").replace("%1", wish))
        for v in self._violations.get((staff.id, day), []):
            lines.append(f"● {rule_title(v.rule_id)}: {v.message}")
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._days):
            day = self._days[section]
            if role == Qt.ItemDataRole.DisplayRole:  # on two lines where the days are narrow (short_texts)
                return day_label(day).replace("(", "\n(").replace(" ", "\n") if self._one_site else day_label(day)
            if role == Qt.ItemDataRole.ToolTipRole:
                return holiday_name(day) or day.isoformat()
            if role == Qt.ItemDataRole.ForegroundRole and (day.weekday() >= 5 or holiday_name(day)):
                return QBrush(QColor("#b91c1c") if day.weekday() == 6 or holiday_name(day) else QColor("#1d4ed8"))
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._staff):
            staff = self._staff[section]
            own = self._row_violations.get(staff.id, [])
            if role == Qt.ItemDataRole.DisplayRole:
                return ("● " if own else "") + name_and_id(staff.id, staff.name)
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = ["、".join(sorted(staff.skills))] + [f"● {rule_title(v.rule_id)}: {v.message}" for v in own]
                return "\n".join(line for line in lines if line)
            if role == Qt.ItemDataRole.ForegroundRole and own:
                return QBrush(VIOLATION_COLOUR if any(v.hard for v in own) else SOFT_COLOUR)
            if role == VIOLATIONS_ROLE:
                return own
        return None
