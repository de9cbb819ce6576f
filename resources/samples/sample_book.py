"""Writing a generated plan as the workbook a coordinator would send: clean, or as messy as real ones.

Messy means what real files have (DESIGN §4): a merged title row and a blank row above the
header, headers with a trailing space or full-width characters, IDs written full-width or with a
trailing space, dates and times sometimes as text, every variant of the marks, blank rows between
data rows, a few cell comments. Saving is byte-stable: fixed document dates and zip timestamps.
"""

from __future__ import annotations

import io
import random
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from models.domain import Mark, Problem, Requirement, Staff, hhmm
from models.excel import schema
from resources.samples.sample_names import SKILLS, WEEKDAY_JA, is_closed

FIXED_TIME = datetime(2026, 12, 1, 9, 0, 0)  # document dates, so reruns give identical files
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
CLOSED_FILL = PatternFill("solid", fgColor="EDEDED")
AUTHOR = "健康推進課"
ASCII = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ:"
FULL_WIDTH = str.maketrans(ASCII, "".join(chr(ord(c) + 0xFEE0) for c in ASCII))  # Ｈ００３, １３：００
JAPANESE_TYPING = str.maketrans({" ": "\u3000", "(": "（", ")": "）"})  # what NFKC undoes on import
MARK_STYLES = (  # how one person writes their marks; people are consistent, the office is not
    dict(zip(Mark, ("○", "△", "×", "午前", "午後"))),
    dict(zip(Mark, ("◯", "△", "×", "午前", "PM"))),
    dict(zip(Mark, ("〇", "△", "✕", "午前", "午後"))),
)


def reiwa(day: date) -> str:
    """`令和9年1月` for a date in 2027."""
    return f"令和{day.year - 2018}年{day.month}月"


def write_workbook(problem: Problem, path: Path, *, messy: bool, seed: int) -> None:
    """Write `problem` as an input workbook (職員, 枠, 勤務可否, 会場, 設定) to `path`."""
    rng = random.Random(seed * 7919 + 1)  # its own stream: the look of the file never changes the plan
    wb = Workbook()
    wb.remove(wb.active)
    _staff_sheet(wb.create_sheet(schema.STAFF.ja), problem, messy, rng)
    _sessions_sheet(wb.create_sheet(schema.SESSIONS.ja), problem, messy, rng)
    _availability_sheet(wb.create_sheet(schema.AVAILABILITY.ja), problem, messy, rng)
    _sites_sheet(wb.create_sheet(schema.SITES.ja), problem)
    _settings_sheet(wb.create_sheet(schema.SETTINGS.ja), problem)
    wb.properties.creator = AUTHOR
    wb.properties.title = problem.name
    save_stable(wb, path)


def save_stable(wb: Workbook, path: Path) -> None:
    """Save `wb` so that the same content always gives the same bytes."""
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # save_workbook() would stamp "modified" with now
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    Path(path).write_bytes(out.getvalue())


# -- layout helpers ---------------------------------------------------------------------------
def _header(ws: Worksheet, headers: list[str], title: str | None, widths: list[float]) -> int:
    """Write the (optional merged) title and the header row; returns the header's row number."""
    row = 1
    if title:
        ws.cell(1, 1, title).font = Font(bold=True, size=14)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        row = 3  # a blank row between the title and the header, as people leave it
    for col, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = ws.cell(row, col, text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row + 1, 3 if ws.title == schema.AVAILABILITY.ja else 1)
    return row


def _gaps(count: int, messy: bool) -> set[int]:
    """Indexes of data rows that get a blank row before them (a couple, in messy files)."""
    return {count // 3, (2 * count) // 3} - {0} if messy and count > 3 else set()


def _typed(text: str) -> str:
    """Text as a Japanese keyboard types it (full-width space and brackets); NFKC reads it back."""
    return text.translate(JAPANESE_TYPING)


def _comment(text: str) -> Comment:
    return Comment(text, AUTHOR, width=200, height=60)


# -- sheets -----------------------------------------------------------------------------------
def _staff_sheet(ws: Worksheet, problem: Problem, messy: bool, rng: random.Random) -> None:
    keys = [c.key for c in schema.STAFF.columns]
    headers = [c.ja for c in schema.STAFF.columns]
    if messy:  # a trailing space and a full-width digit, as typed by hand
        headers[headers.index("氏名")] = "氏名 "
        headers[headers.index("1日上限")] = "１日上限"
    wide = {"name": 16, "skills": 22, "home": 18, "max_consecutive_days": 10, "max_per_activity": 10,
            "annual_pay_cap": 12, "paid_this_year": 13, "notes": 30}
    widths = [wide.get(key, 9 if key == "staff_id" else 8) for key in keys]
    title = f"{reiwa(problem.start)} 歯科健診 配置用データ（職員名簿）" if messy else None
    row = _header(ws, headers, title, widths)
    ws.cell(row, keys.index("annual_pay_cap") + 1).comment = _comment("扶養の範囲で働く方のみ記入")
    gaps = _gaps(len(problem.staff), messy)
    yen = {"hourly_rate", "annual_pay_cap", "paid_this_year"}
    for i, s in enumerate(problem.staff):
        row += 2 if i in gaps else 1
        sep = rng.choice(("、", ",", "・", " ", "、")) if messy else "、"
        values: dict[str, Any] = {
            "staff_id": s.id, "name": _typed(s.name), "skills": sep.join(k for k in SKILLS if k in s.skills) or None,
            "home": s.home, "max_per_day": s.max_per_day, "max_per_week": s.max_per_week,
            "max_per_month": s.max_per_month, "desired_per_month": s.desired_per_month,
            "max_consecutive_days": s.max_consecutive_days, "hourly_rate": s.hourly_rate,
            "annual_pay_cap": s.annual_pay_cap, "paid_this_year": s.paid_this_year, "notes": _typed(s.notes) or None,
        }
        for col, key in enumerate(keys, start=1):  # columns the sample leaves blank stay so
            cell = ws.cell(row, col, values.get(key))
            if key in yen:
                cell.number_format = "#,##0"
        if messy and s.annual_pay_cap is not None and s.paid_this_year > s.annual_pay_cap - 100_000:
            ws.cell(row, keys.index("notes") + 1).comment = _comment("上限額に近いので配置回数に注意")


def _sessions_sheet(ws: Worksheet, problem: Problem, messy: bool, rng: random.Random) -> None:
    # check-ups have no break, and their staffing no target between the least and the most
    columns = [c.ja for c in schema.SESSIONS.columns if c.key not in ("break_minutes", "preferred_staff")]
    headers = columns[:1] + ["曜日"] + columns[1:] if messy else columns  # 曜日: a column the importer ignores
    widths = [12, 6, 20, 16, 8, 8, 9, 9, 26, 24] if messy else [12, 20, 16, 8, 8, 9, 9, 26, 24]
    title = f"{reiwa(problem.start)} 歯科健診 実施日程" if messy else None
    row = _header(ws, headers, title, widths)
    previous_week = None
    for r in problem.requirements:
        week = r.date.isocalendar()[:2]
        row += 2 if messy and previous_week is not None and week != previous_week else 1
        previous_week = week
        values: list[Any] = [
            _date_value(r.date, messy, rng), r.site, r.activity,
            _time_value(r.start, messy, rng), _time_value(r.end, messy, rng), r.min_staff,
            r.max_staff if (r.max_staff != r.min_staff or not messy) else None,
            _skills_text(r, messy), r.notes or None,
        ]
        if messy:
            values.insert(1, WEEKDAY_JA[r.date.weekday()])
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            if isinstance(value, date):
                cell.number_format = "yyyy/m/d"
            elif isinstance(value, time):
                cell.number_format = "h:mm"
        if messy and r.notes == "フッ化物塗布あり":
            ws.cell(row, len(values)).comment = _comment("フッ化物は当日持参分を使用")


def _date_value(day: date, messy: bool, rng: random.Random) -> date | str:
    """An Excel date, or in a messy file sometimes text in one of the forms people type."""
    if not messy or rng.random() > 0.15:
        return day
    return rng.choice((
        f"{day.year}/{day.month}/{day.day}",
        f"{day.month}月{day.day}日({WEEKDAY_JA[day.weekday()]})",
        f"R{day.year - 2018}.{day.month}.{day.day}",
    ))


def _time_value(minutes: int, messy: bool, rng: random.Random) -> time | str:
    """An Excel time, or in a messy file sometimes `13:00` or `１３：００` as text."""
    roll = rng.random() if messy else 1.0
    if roll < 0.05:
        return hhmm(minutes).translate(FULL_WIDTH)
    if roll < 0.15:
        return f"{minutes // 60}:{minutes % 60:02d}"
    return time(minutes // 60, minutes % 60)


def _skills_text(r: Requirement, messy: bool) -> str | None:
    parts = [f"{skill}{'：' if messy and i else ':'}{k}" for i, (skill, k) in enumerate(r.required_skills)]
    return "、".join(parts) or None


def _availability_sheet(ws: Worksheet, problem: Problem, messy: bool, rng: random.Random) -> None:
    days = problem.days()
    one_year = problem.start.year == problem.end.year
    headers: list[Any] = ["職員ＩＤ" if messy else "職員ID", "氏名"]
    for i, day in enumerate(days):
        if messy and i % 9 == 4:  # a few date headers typed as text
            text = f"{day.month}/{day.day}({WEEKDAY_JA[day.weekday()]})"
            headers.append(text if one_year else f"{day.year}/{text}")
        else:
            headers.append(day)
    title = None
    if messy:
        title = f"{reiwa(problem.start)} 勤務可否（○：可　△：できれば避けたい　×：不可　空欄：不可）"
    row = _header(ws, headers, title, [9, 16] + [6.5] * len(days))
    for col, day in enumerate(days, start=3):
        cell = ws.cell(row, col)
        cell.number_format = "m/d"
        if is_closed(day) or day.weekday() == 5:
            cell.fill = CLOSED_FILL
    gaps = _gaps(len(problem.staff), messy)
    odd = set(rng.sample(range(len(problem.staff)), min(4, len(problem.staff)))) if messy else set()
    for i, s in enumerate(problem.staff):
        row += 2 if i in gaps else 1
        style = MARK_STYLES[rng.randrange(len(MARK_STYLES))] if messy else MARK_STYLES[0]
        ws.cell(row, 1, _messy_id(s, i in odd, rng))
        ws.cell(row, 2, _typed(s.name))
        for col, day in enumerate(days, start=3):
            mark = problem.availability.get((s.id, day))
            if mark is not None:
                ws.cell(row, col, style[mark])
        if messy and i in odd:
            noes = [c for c, d in enumerate(days, 3) if problem.availability.get((s.id, d)) is Mark.UNAVAILABLE]
            if noes:
                ws.cell(row, noes[0]).comment = _comment("子の学校行事のため")


def _messy_id(s: Staff, odd: bool, rng: random.Random) -> str:
    """The ID as written on the form: full-width or with a trailing space for a few people."""
    if not odd:
        return s.id
    return s.id.translate(FULL_WIDTH) if rng.random() < 0.5 else s.id + " "


def _sites_sheet(ws: Worksheet, problem: Problem) -> None:
    row = _header(ws, [c.ja for c in schema.SITES.columns], None, [22, 10, 12])
    for site in problem.sites:
        row += 1
        for col, value in enumerate((site.name, site.area, site.travel_group), start=1):
            ws.cell(row, col, value)


def _settings_sheet(ws: Worksheet, problem: Problem) -> None:
    row = _header(ws, [c.ja for c in schema.SETTINGS.columns], None, [24, 24])
    travel = problem.travel
    rows: list[tuple[str, Any]] = [
        (schema.PLAN_NAME_KEY[1], problem.name),
        (schema.BLANK_MEANS_KEY[1], "不可" if problem.blank_means is Mark.UNAVAILABLE else "可"),
        ("期間開始", problem.start),
        ("期間終了", problem.end),
        (schema.TRAVEL_KEYS[0][1], travel.same_site),
        (schema.TRAVEL_KEYS[1][1], travel.same_group),
        (schema.TRAVEL_KEYS[2][1], travel.other_group),
    ]
    for key, value in rows:
        row += 1
        ws.cell(row, 1, key)
        cell = ws.cell(row, 2, value)
        if isinstance(value, date):
            cell.number_format = "yyyy/m/d"

