"""What the plan carried in from earlier plans' rosters (Problem.history_*), kept in the roster workbook.

A roster exported from a plan in the database was solved against last month's end, this fiscal
year's counts and the pay that counts against the annual pay cap ("pay": yen at each earlier
plan's own rate; "minutes": the minutes of plans that gave no rate, paid at this plan's, as older
exports wrote all earlier minutes). A very hidden sheet keeps them, so `haichi check` (and
suggest, repair, …) reading the workbook alone score it as the solve did, not as if the plan had
no past. Plain rows, one fact each; a sheet of this name not made by Haichi (its first cell
differs) is not read.

Its header row names the plan period the history was carried into. A workbook copied and given
other dates keeps the hidden sheet, whose history is then not this period's: it is not applied,
and the read says so (`UnappliedHistory`). A sheet of an older Haichi, without the period, is
applied as it always was.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook

from models.domain import HistorySource, Problem, Requirement, normalize
from models.errors import InputProblem
from models.excel.reader import Book, cell_name
from models.excel.sheetwriter import SheetWriter
from models.i18n import t

HISTORY_SHEET = "haichi_history"
_MARK = "Haichi carried-in history"
_VERSION = 1


@dataclass(frozen=True)
class UnappliedHistory:
    """A history sheet left unapplied: it was written for the plan period `kept`, not the
    workbook's `period` (a copy of an export with its dates changed)."""

    kept: tuple[date, date]
    period: tuple[date, date]

    def note(self) -> str:
        """The line to show the user, in the current language."""
        kept, period = (t("{a}〜{b}", "{a} to {b}", a=a.isoformat(), b=b.isoformat())
                        for a, b in (self.kept, self.period))
        return t("注意: 非表示のシート {sheet} の前の計画からの引き継ぎは {kept} の計画のもので、このブックの期間 {period} "
                 "とは違うため使いませんでした（前の計画の分なしで評価します）。データベースの計画から書き出し直すと、"
                 "その期間の引き継ぎが入ります。",
                 "note: the hidden sheet {sheet} holds what the plan of {kept} carried in from earlier plans, not "
                 "this workbook's period {period}, so it was not applied (the roster is scored without earlier "
                 "plans); export the roster again from the plan in the database to carry in its own.",
                 sheet=HISTORY_SHEET, kept=kept, period=period)


@dataclass(frozen=True)
class KeptHistory:
    """What a workbook's history sheet keeps: the Problem.history_* fields by name ({} when none),
    and the plan period (start, end) they were carried into (None from an older Haichi)."""

    fields: dict[str, Any] = field(default_factory=dict)
    period: tuple[date, date] | None = None
    breaks: bool = True  # whether the sessions' breaks were written (not by Haichi before 休憩)

    def for_plan(self, problem: Problem) -> tuple[dict[str, Any], UnappliedHistory | None]:
        """The fields to give `problem` (the workbook's plan): none, with why, when they were
        carried into another period."""
        if self.period is None or self.period == (problem.start, problem.end) or not self.fields:
            return self.fields if self.breaks else _with_breaks(self.fields, problem), None
        return {}, UnappliedHistory(self.period, (problem.start, problem.end))


_HELD = ("history_sessions", "history_week", "history_nights")


def _with_breaks(fields: dict[str, Any], problem: Problem) -> dict[str, Any]:
    """A sheet written before sessions had breaks: each carried session given the break of this plan's
    sessions of the same site, activity and times (a library's daily 9:00-17:00 with 休憩 60), so a
    week's hours across the month's start count as the solve counted them (28 h, not 31)."""
    breaks = {(r.site, r.activity, r.start, r.end): r.break_minutes for r in problem.requirements if r.break_minutes}
    if not breaks:
        return fields
    return {**fields, **{name: {staff: tuple(replace(r, break_minutes=breaks.get((r.site, r.activity, r.start, r.end), 0))
                                            for r in reqs) for staff, reqs in fields.get(name, {}).items()}
                         for name in _HELD}}


def write_history(wb: Workbook, problem: Problem) -> None:
    """The very hidden history sheet, when the plan carried anything in (no sheet otherwise)."""
    if not problem.history_sources:
        return
    sheet = SheetWriter(wb, HISTORY_SHEET)
    sheet.ws.sheet_state = "veryHidden"
    rows: list[list[Any]] = [[_MARK, _VERSION, problem.start.isoformat(), problem.end.isoformat()]]
    rows += [["source", s.plan, s.version, s.published, s.start.isoformat(), s.end.isoformat(), s.sessions]
             for s in problem.history_sources]
    rows += [["day", staff, day.isoformat()] for staff, days in problem.history.items() for day in days]
    rows += [["count", staff, n] for staff, n in problem.history_counts.items()]
    rows += [["weekend", staff, n] for staff, n in problem.history_weekend_days.items()]
    rows += [["pay", staff, n] for staff, n in problem.history_pay.items()]
    rows += [["minutes", staff, n] for staff, n in problem.history_unpriced_minutes.items()]
    rows += [[kind, staff, r.date.isoformat(), r.site, r.activity, r.start, r.end, r.break_minutes]
             for kind, held in (("eve", problem.history_sessions), ("week", problem.history_week),
                                ("night", problem.history_nights))
             for staff, reqs in held.items() for r in reqs]
    for row in rows:
        sheet.append(row, look=None)


def read_history(book: Book, problems: list[InputProblem] | None = None) -> KeptHistory:
    """What the workbook's history sheet keeps (nothing when it has none); a row that cannot be read
    (the sheet changed by hand) is added to `problems` at its cell."""
    if HISTORY_SHEET not in book.titles:
        return KeptHistory()
    rows = book.rows(HISTORY_SHEET)
    if not rows or [normalize(v) for v in rows[0][:2]] != [_MARK, str(_VERSION)]:
        return KeptHistory()
    period, breaks = None, False
    sources, days = [], defaultdict(list)
    held: dict[str, dict[str, list[Requirement]]] = {"eve": defaultdict(list), "week": defaultdict(list),
                                                     "night": defaultdict(list)}
    amounts: dict[str, dict[str, int]] = {"count": {}, "weekend": {}, "pay": {}, "minutes": {}}
    for index, row in enumerate(rows):
        if not row:
            continue
        kind, *rest = row
        try:
            if index == 0:
                if any(v not in (None, "") for v in rest[1:3]):  # an older Haichi wrote no period
                    period = (_day(rest[1]), _day(rest[2]))
            elif kind == "source":
                plan, version, published, start, end, sessions = rest[:6]
                sources.append(HistorySource(str(plan), int(version), bool(published), _day(start), _day(end),
                                             int(sessions)))
            elif kind == "day":
                days[str(rest[0])].append(_day(rest[1]))
            elif kind in amounts:
                amounts[kind][str(rest[0])] = int(rest[1])
            elif kind in held:
                staff, day, site, activity, start, end = rest[:6]
                breaks |= len(rest) > 6  # the column is there, blank or not, since breaks are kept
                pause = rest[6] if len(rest) > 6 and rest[6] not in (None, "") else 0
                when = _day(day)
                held[kind][str(staff)].append(Requirement(Requirement.make_id(when, str(site), str(activity), int(start)),
                                                   when, str(site), str(activity), int(start), int(end), 1,
                                                   break_minutes=int(pause)))
        except (ValueError, TypeError, IndexError):
            if problems is not None:
                problems.append(InputProblem(book.name, HISTORY_SHEET, cell_name(index, 0), t(
                    "Haichi が書き出した非表示のシート {sheet} が書き換えられていて、この行を読めません（{row}）。"
                    "もう一度書き出すか、このシートを削除してください",
                    "the hidden sheet {sheet} that Haichi wrote was changed and this row cannot be read ({row}): "
                    "export the roster again, or delete the sheet",
                    sheet=HISTORY_SHEET, row=" | ".join("" if v is None else str(v) for v in row))))
    return KeptHistory({
        "history": {s: tuple(d) for s, d in days.items()},
        "history_counts": amounts["count"],
        "history_weekend_days": amounts["weekend"],
        "history_pay": amounts["pay"],
        "history_unpriced_minutes": amounts["minutes"],
        "history_sessions": {s: tuple(r) for s, r in held["eve"].items()},
        "history_week": {s: tuple(r) for s, r in held["week"].items()},
        "history_nights": {s: tuple(r) for s, r in held["night"].items()},
        "history_sources": tuple(sources),
    }, period, breaks or not any(held.values()))


def _day(value: object) -> date:
    """A date written as ISO text (or read back by a spreadsheet program as a date)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
