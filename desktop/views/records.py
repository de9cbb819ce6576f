"""Editable table models for the staff register, the sites and the sessions.

One model, `RecordsModel`, edits a list of frozen dataclass records through column specs; a cell
that does not parse is refused (setData returns False, `refused` says why) and the record keeps its
old value. Cells the dialog finds wrong in the light of other records are shown red (`set_warnings`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop.views.roster_grid import Index
from models.domain import OR_SKILL, Requirement, Site, Staff, end_after, hhmm
from models.excel.reader import Period
from models.excel.styles import weekday_name
from models.textparse import (
    name_counts_text, parse_activity_limits, parse_bool, parse_date, parse_skill_needs, parse_skills, parse_time,
    hours_text, parse_break, parse_hours, parse_weekdays, skill_needs_text, weekdays_text,
)

WARNING = QColor("#b91c1c")


@dataclass(frozen=True)
class Column:
    """One editable field: dataclass field name, header, text shown, parser from text, and what a
    good entry looks like (said when one is refused)."""

    field: str
    header: str
    show: Callable[[Any], str]
    parse: Callable[[str], Any]
    example: str = ""


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _optional_int(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def _int(text: str) -> int:
    value = _optional_int(text)
    if value is None:
        raise ValueError(text)
    return value


def _required(text: str) -> str:
    if not text.strip():
        raise ValueError(text)
    return text.strip()


def _yes(value: bool) -> str:
    return "○" if value else "×"


_HOURS_EXAMPLE = QT_TRANSLATE_NOOP("RecordsModel", "e.g. 40 or 37.5 (hours; blank: no limit)")


def _hours(minutes: int | None) -> str:
    return "" if minutes is None else str(hours_text(minutes))


def _optional_hours(text: str) -> int | None:
    return None if not text.strip() else parse_hours(text)


STAFF_COLUMNS = (
    Column("id", QT_TRANSLATE_NOOP("RecordsModel", "Staff ID"), _text, _required),
    Column("name", QT_TRANSLATE_NOOP("RecordsModel", "Name"), _text, _required),
    # an either-skill (教員または職員) is the plan's own, given to whoever holds one of its skills
    Column("skills", QT_TRANSLATE_NOOP("RecordsModel", "Skills"), lambda v: "、".join(sorted(k for k in v if OR_SKILL not in k)),
           parse_skills),
    Column("home", QT_TRANSLATE_NOOP("RecordsModel", "Home"), _text, str.strip),
    Column("weekdays", QT_TRANSLATE_NOOP("RecordsModel", "Weekdays"), weekdays_text, parse_weekdays,
           QT_TRANSLATE_NOOP("RecordsModel", "e.g. 火・木 or 月〜金 (blank: any day)")),
    Column("max_per_day", QT_TRANSLATE_NOOP("RecordsModel", "Max/day"), _text, _optional_int),
    Column("max_per_week", QT_TRANSLATE_NOOP("RecordsModel", "Max/week"), _text, _optional_int),
    Column("max_days_per_week", QT_TRANSLATE_NOOP("RecordsModel", "Max days/week"), _text, _optional_int),
    Column("max_days_per_month", QT_TRANSLATE_NOOP("RecordsModel", "Max days/month"), _text, _optional_int),
    Column("min_minutes_per_week", QT_TRANSLATE_NOOP("RecordsModel", "Min hours/week"), _hours, _optional_hours,
           _HOURS_EXAMPLE),
    Column("max_minutes_per_week", QT_TRANSLATE_NOOP("RecordsModel", "Max hours/week"), _hours, _optional_hours,
           _HOURS_EXAMPLE),
    Column("min_minutes_per_month", QT_TRANSLATE_NOOP("RecordsModel", "Min hours/month"), _hours, _optional_hours,
           _HOURS_EXAMPLE),
    Column("max_minutes_per_month", QT_TRANSLATE_NOOP("RecordsModel", "Max hours/month"), _hours, _optional_hours,
           _HOURS_EXAMPLE),
    Column("max_per_month", QT_TRANSLATE_NOOP("RecordsModel", "Max/month"), _text, _optional_int),
    Column("desired_per_month", QT_TRANSLATE_NOOP("RecordsModel", "Desired/month"), _text, _optional_int),
    Column("max_consecutive_days", QT_TRANSLATE_NOOP("RecordsModel", "Max consecutive days"), _text, _optional_int),
    Column("max_per_activity", QT_TRANSLATE_NOOP("RecordsModel", "Limits per activity"), name_counts_text,
           parse_activity_limits, QT_TRANSLATE_NOOP(
               "RecordsModel", "e.g. 準夜+深夜:8、日勤:20 (activities joined by + count together; 0 = never)")),
    Column("hourly_rate", QT_TRANSLATE_NOOP("RecordsModel", "Hourly rate"), _text, _optional_int),
    Column("annual_pay_cap", QT_TRANSLATE_NOOP("RecordsModel", "Annual pay cap"), _text, _optional_int),
    Column("active", QT_TRANSLATE_NOOP("RecordsModel", "Active"), _yes, parse_bool),
    Column("notes", QT_TRANSLATE_NOOP("RecordsModel", "Notes"), _text, str),
)
SITE_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("RecordsModel", "Site"), _text, _required),
    Column("area", QT_TRANSLATE_NOOP("RecordsModel", "Area"), _text, str.strip),
    Column("travel_group", QT_TRANSLATE_NOOP("RecordsModel", "Travel group"), _text, str.strip),
)
_TIME_EXAMPLE = QT_TRANSLATE_NOOP("RecordsModel", "e.g. 9:00 or 16:30")
SESSION_COLUMNS = (
    Column("date", QT_TRANSLATE_NOOP("RecordsModel", "Date"), lambda d: d.isoformat(), parse_date,
           QT_TRANSLATE_NOOP("RecordsModel", "e.g. 1/5 or 2027/1/5")),
    Column("site", QT_TRANSLATE_NOOP("RecordsModel", "Site"), _text, _required),
    Column("activity", QT_TRANSLATE_NOOP("RecordsModel", "Activity"), _text, _required),
    Column("start", QT_TRANSLATE_NOOP("RecordsModel", "Start"), hhmm, parse_time, _TIME_EXAMPLE),
    Column("end", QT_TRANSLATE_NOOP("RecordsModel", "End"), hhmm, parse_time, _TIME_EXAMPLE),
    Column("break_minutes", QT_TRANSLATE_NOOP("RecordsModel", "Break (min)"), lambda v: str(v) if v else "",
           lambda text: parse_break(text) if text.strip() else 0,
           QT_TRANSLATE_NOOP("RecordsModel", "e.g. 45 or 1時間 (not worked; blank: none)")),
    Column("min_staff", QT_TRANSLATE_NOOP("RecordsModel", "Min staff"), _text, _int),
    Column("max_staff", QT_TRANSLATE_NOOP("RecordsModel", "Max staff"), _text, _optional_int),
    Column("preferred_staff", QT_TRANSLATE_NOOP("RecordsModel", "Target staff"), _text, _optional_int,
           QT_TRANSLATE_NOOP("RecordsModel", "between the min and the max: each short of it costs (blank: the min)")),
    Column("skill_needs", QT_TRANSLATE_NOOP("RecordsModel", "Required skills"), lambda needs: skill_needs_text(*needs),
           parse_skill_needs, QT_TRANSLATE_NOOP("RecordsModel", "e.g. リーダー:1、保健師:2〜3、新人:0〜1")),
    Column("notes", QT_TRANSLATE_NOOP("RecordsModel", "Notes"), _text, str),
)


def with_session_id(req: Requirement) -> Requirement:
    """The session with an id made from its date, site, activity and start (as the importer makes it)."""
    return replace(req, id=Requirement.make_id(req.date, req.site, req.activity, req.start))


class RecordsModel(QAbstractTableModel):
    """An editable list of records (Staff, Site or Requirement) with `insert_record`/`removeRows`."""

    refused = Signal(str)  # why an entry was not taken, in words

    def __init__(self, records: list, columns: tuple[Column, ...], blank: Callable[[int], Any], parent=None) -> None:
        super().__init__(parent)
        self.records = list(records)
        self.columns = columns
        self._blank = blank
        self._warnings: dict[tuple[int, str], str] = {}  # (row, field) -> what is wrong there

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.show(getattr(self.records[index.row()], column.field))
        warning = self._warnings.get((index.row(), column.field))
        if role == Qt.ItemDataRole.ForegroundRole and warning:
            return WARNING
        if role == Qt.ItemDataRole.ToolTipRole:
            return warning
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self.columns[index.column()]
        try:
            parsed = column.parse(str(value))
        except Exception:  # the text parsers raise their own error types for bad text
            self.refused.emit(self.refusal(column, str(value)))
            return False
        if column.field == "skill_needs":  # one cell, two fields: the least and the most of each skill
            record = replace(self.records[index.row()], required_skills=parsed[0], skill_caps=parsed[1])
        else:
            record = replace(self.records[index.row()], **{column.field: parsed})
        if isinstance(record, Requirement) and column.field == "end":
            record = replace(record, end=end_after(record.start, record.end))  # 16:30-1:00 ends the next day
        if isinstance(record, Requirement) and column.field in ("date", "site", "activity", "start"):
            record = with_session_id(record)
        self.records[index.row()] = record
        self.dataChanged.emit(index, index)
        return True

    @staticmethod
    def refusal(column: Column, text: str) -> str:
        """Why `text` was not taken into `column`, with what a good entry looks like."""
        header = QCoreApplication.translate("RecordsModel", column.header)
        if not text.strip():
            message = QCoreApplication.translate("RecordsModel", "%1 cannot be left blank.").replace("%1", header)
        else:
            message = QCoreApplication.translate("RecordsModel", "%1: “%2” cannot be read; the cell keeps its value.")
            message = message.replace("%1", header).replace("%2", text.strip())
        if column.example:
            message += " " + QCoreApplication.translate("RecordsModel", column.example)
        return message

    def set_warnings(self, warnings: dict[tuple[int, str], str]) -> None:
        """Show these cells, (row, field) -> what is wrong there, in red with the words as tooltip."""
        changed = {row for (row, _field), _words in self._warnings.items() ^ warnings.items()}
        self._warnings = dict(warnings)
        for row in changed & set(range(len(self.records))):
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RecordsModel", self.columns[section].header)
        return None

    def insert_record(self, record: Any | None = None) -> int:
        """Append a record (a fresh blank one by default); returns its row."""
        row = len(self.records)
        self.beginInsertRows(QModelIndex(), row, row)
        self.records.append(record if record is not None else self._blank(row))
        self.endInsertRows()
        return row

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:
        if parent.isValid() or row < 0 or row + count > len(self.records):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self.records[row:row + count]
        self.endRemoveRows()
        return True


def staff_model(staff: list[Staff], parent=None) -> RecordsModel:
    taken = {s.id for s in staff}

    def blank(row: int) -> Staff:
        n = row + 1
        while f"NEW{n:03d}" in taken:
            n += 1
        taken.add(f"NEW{n:03d}")
        return Staff(f"NEW{n:03d}", QCoreApplication.translate("RecordsModel", "New person"))
    return RecordsModel(staff, STAFF_COLUMNS, blank, parent)


def sites_model(sites: list[Site], parent=None) -> RecordsModel:
    return RecordsModel(sites, SITE_COLUMNS, lambda row: Site(QCoreApplication.translate("RecordsModel", "New site")), parent)


def sessions_model(sessions: list[Requirement], first_day: date, last_day: date, parent=None) -> RecordsModel:
    def blank(row: int) -> Requirement:
        site = QCoreApplication.translate("RecordsModel", "New site")
        activity = QCoreApplication.translate("RecordsModel", "New session")
        return with_session_id(Requirement("", first_day, site, activity, 9 * 60, 12 * 60, 1))

    # `1/5` as the workbook reads it: the year that puts it in the plan (a plan across New Year)
    dated = replace(SESSION_COLUMNS[0], parse=Period(first_day, last_day).to_date,
                    show=lambda d: f"{d.year}/{d.month}/{d.day}({weekday_name(d)})")
    return RecordsModel(sorted(sessions, key=lambda r: (r.date, r.start, r.site)), (dated, *SESSION_COLUMNS[1:]),
                        blank, parent)
