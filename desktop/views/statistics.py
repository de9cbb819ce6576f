"""Per-person figures (count, hours, pay, △ used, deviation from desired, days off) with a totals row,
and the list of broken rules; both over a WorkingPlan, refreshed when it is re-evaluated."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QFont

from desktop.views.roster_grid import SOFT_COLOUR, VIOLATION_COLOUR, Index, rule_title
from desktop.working_plan import WorkingPlan
from models.domain import Violation
from models.stats import PersonStats, person_stats, said_once

STATS_HEADERS = (
    QT_TRANSLATE_NOOP("StatisticsModel", "Staff"),
    QT_TRANSLATE_NOOP("StatisticsModel", "Sessions"),
    QT_TRANSLATE_NOOP("StatisticsModel", "Hours"),
    QT_TRANSLATE_NOOP("StatisticsModel", "Pay (¥)"),
    QT_TRANSLATE_NOOP("StatisticsModel", "△\nused"),
    QT_TRANSLATE_NOOP("StatisticsModel", "Desired"),
    QT_TRANSLATE_NOOP("StatisticsModel", "From\ndesired"),
    QT_TRANSLATE_NOOP("StatisticsModel", "Year\nsessions"),
    QT_TRANSLATE_NOOP("StatisticsModel", "Year pay\n(¥)"),
    QT_TRANSLATE_NOOP("StatisticsModel", "Days\noff"),
)
VIOLATION_HEADERS = (
    QT_TRANSLATE_NOOP("ViolationsModel", "Rule"),
    QT_TRANSLATE_NOOP("ViolationsModel", "Kind"),
    QT_TRANSLATE_NOOP("ViolationsModel", "Cost"),
    QT_TRANSLATE_NOOP("ViolationsModel", "What"),
)


def _number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


class _PlanTable(QAbstractTableModel):
    """A table refilled from the working plan whenever it is reset or re-evaluated."""

    def __init__(self, plan: WorkingPlan, parent=None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.rows: list = []
        plan.reset.connect(self.reload)
        plan.evaluated.connect(self.reload)
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.read_rows()
        self.endResetModel()

    def read_rows(self) -> list:
        raise NotImplementedError


class StatisticsModel(_PlanTable):
    """One row per person in the plan's staff order, then one totals row."""

    rows: list[PersonStats]

    def read_rows(self) -> list[PersonStats]:
        return person_stats(self.plan.problem, self.plan.roster) if self.plan.problem else []

    def totals(self) -> tuple[int, int, int, int]:
        """(sessions, minutes, pay in yen, △ days) over everyone."""
        return (sum(r.count for r in self.rows), sum(r.minutes for r in self.rows),
                sum(r.pay or 0 for r in self.rows), sum(r.prefer_not_days for r in self.rows))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.rows else len(self.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(STATS_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col, total_row = index.column(), index.row() == len(self.rows)
        if role == Qt.ItemDataRole.DisplayRole:
            if total_row:
                count, minutes, pay, prefer_not = self.totals()
                values = (QCoreApplication.translate("StatisticsModel", "Total"), str(count),
                          _number(minutes / 60, 1), _number(pay), str(prefer_not), "", "", "", "", "")
                return values[col]
            r = self.rows[index.row()]
            deviation = None if r.deviation is None else f"{r.deviation:+.1f}"
            values = (r.name, str(r.count), _number(r.hours, 1), _number(r.pay), str(r.prefer_not_days),
                      _number(r.desired, 1), deviation or "–", " / ".join(str(y.count) for y in r.fiscal),
                      " / ".join(_number(y.pay) for y in r.pay_years), str(r.days_off))
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 9 and not total_row:
            return QCoreApplication.translate("StatisticsModel", "Days with no session and no morning after a night (明)")
        if role == Qt.ItemDataRole.ToolTipRole and col >= 7 and not total_row:
            row = self.rows[index.row()]
            if col == 8 and row.pay_years and row.pay_years[0].month != 4:
                return self._pay_year_tip(row)
            return self._fiscal_tip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and total_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and col == 6 and not total_row:
            dev = self.rows[index.row()].deviation
            if dev is not None and abs(dev) >= 2:
                return QBrush(VIOLATION_COLOUR)
        if role == Qt.ItemDataRole.UserRole and not total_row:
            return self.rows[index.row()].staff_id
        return None

    @staticmethod
    def _fiscal_tip(row: PersonStats) -> str:
        """What the fiscal-year cells add up: for a plan that crosses April 1, each year's part."""
        if len(row.fiscal) < 2:
            return QCoreApplication.translate(
                "StatisticsModel", "This fiscal year (from April): the earlier plans carried in, and this roster; "
                "the pay with what was paid before them")
        return QCoreApplication.translate(
            "StatisticsModel", "Fiscal %1 / fiscal %2: up to March 31, the earlier plans carried in and this roster, "
            "the pay with what was paid before them; from April 1, a new fiscal year, this roster alone").replace(
            "%1", str(row.fiscal[0].year)).replace("%2", str(row.fiscal[1].year))

    @staticmethod
    def _pay_year_tip(row: PersonStats) -> str:
        """What the pay cells add up when the annual pay cap's year starts in another month than April."""
        return QCoreApplication.translate(
            "StatisticsModel", "The annual pay cap's year, from month %1: the earlier plans carried in and this "
            "roster, with what was paid before them; a plan that reaches the next year shows each year's").replace(
            "%1", str(row.pay_years[0].month))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("StatisticsModel", STATS_HEADERS[section])
        return None


class ViolationsModel(_PlanTable):
    """Every broken rule of the roster: hard ones first, then soft ones by cost; within a rule and
    cost, by date (a rule's violations of the whole plan or month first), not by their text, where
    1/12 came before 1/4."""

    rows: list[Violation]

    def read_rows(self) -> list[Violation]:
        # a hard entry's cost (a session's excess over its target, said with it) does not rank it
        return sorted(said_once(self.plan.violations, self.plan.problem), key=lambda v: (
            not v.hard, 0 if v.hard else -v.cost, v.rule_id, v.date is not None, v.date or date.min, v.message))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(VIOLATION_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            kind = QCoreApplication.translate("ViolationsModel", "hard" if v.hard else "soft")
            return (rule_title(v.rule_id), kind, "" if v.hard else str(v.cost), v.message)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(VIOLATION_COLOUR if v.hard else SOFT_COLOUR)
        if role == Qt.ItemDataRole.UserRole:
            return v
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ViolationsModel", VIOLATION_HEADERS[section])
        return None


KINDS = (QT_TRANSLATE_NOOP("ViolationsModel", "hard"), QT_TRANSLATE_NOOP("ViolationsModel", "soft"))
