"""How Haichi's workbooks look, and a fast streaming sheet writer that never writes a formula.

Every workbook Haichi writes is an openpyxl write-only workbook: a 500-staff × 365-day
availability matrix streams out in about a second, where normal mode keeps every cell object
in memory. Styles are cached per workbook as openpyxl style arrays so a styled cell costs no
more than a plain one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from models.holidays import holiday_name, is_holiday
from models.i18n import t

FONT_NAME = "游ゴシック"  # standard on Windows Excel; LibreOffice falls back to a Japanese gothic

HEADER_FILL = "DDE7F3"
REQUIRED_FILL = "C5D6EC"
SATURDAY_FILL = "E3EEFB"
HOLIDAY_FILL = "FBE3E3"
TITLE_FILL = "FFFFFF"
SHORT_FILL = "FFF2CC"  # sessions below their minimum
TOTAL_FILL = "F2F2F2"

DATE_FORMAT = "yyyy/m/d"
DAY_FORMAT = "m/d(aaa)"
TIME_FORMAT = "h:mm"
YEN_FORMAT = "#,##0"
ONE_DECIMAL = "0.0"

PAPER_A4 = 9
PAPER_A3 = 8

_THIN = Side(style="thin", color="A6A6A6")


@dataclass(frozen=True)
class Look:
    """A cell style in Haichi's words; hashable so each look is registered once per workbook."""

    bold: bool = False
    size: float = 10
    fill: str | None = None
    number_format: str = "General"
    wrap: bool = False
    horizontal: str | None = None
    vertical: str = "center"
    border: bool = True
    color: str | None = None

    def but(self, **changes: Any) -> Look:
        return Look(**{**self.__dict__, **changes})


BODY = Look()
PLAIN = Look(border=False)
HEADER = Look(bold=True, fill=HEADER_FILL, horizontal="center", wrap=True)
TITLE = Look(bold=True, size=14, border=False)
SUBTITLE = Look(size=10, border=False, color="404040")
NOTE = Look(border=False, wrap=True, vertical="top")


def day_fill(day: date) -> str | None:
    """The shading of a date: Sundays and holidays pink, Saturdays blue, other days none."""
    if day.weekday() == 6 or is_holiday(day):
        return HOLIDAY_FILL
    if day.weekday() == 5:
        return SATURDAY_FILL
    return None


def day_label(day: date, with_holiday: bool = False) -> str:
    """`4/29(水)`, or `4/29(水) 昭和の日` with the holiday's name when asked."""
    names = t("月火水木金土日", "MoTuWeThFrSaSu")
    width = len(names) // 7
    label = f"{day.month}/{day.day}({names[day.weekday() * width:(day.weekday() + 1) * width]})"
    name = holiday_name(day) if with_holiday else None
    return f"{label} {name}" if name else label


def safe_text(value: str) -> str:
    """Text without the control characters Excel cannot store."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def text_width(text: str) -> int:
    """Display width in Excel column units: full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


_FORBIDDEN_SHEET = re.compile(r"[\[\]:*?/\\]")
_FORBIDDEN_FILE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED_FILE = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique Excel sheet name: forbidden characters removed, at most 31 characters."""
    base = _FORBIDDEN_SHEET.sub("", safe_text(name)).strip("'").strip() or "Sheet"
    base = base[:31]
    lowered = {t.lower() for t in taken}
    candidate, n = base, 2
    while candidate.lower() in lowered:
        suffix = f"({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    return candidate


def safe_file_stem(name: str) -> str:
    """A file name stem valid on Windows: no reserved names, forbidden characters or trailing dots."""
    stem = _FORBIDDEN_FILE.sub("_", unicodedata.normalize("NFC", name)).strip().rstrip(". ")
    if not stem or stem.split(".")[0].upper() in _RESERVED_FILE:
        stem = f"_{stem}"
    return stem[:120]


class SheetWriter:
    """Appends rows of values (or ready cells) with a look to one write-only worksheet.

    Strings are always stored as text: `=SUM(A1)`, `+81…`, `-`, `@x` stay exactly what they
    are and are never evaluated as formulas.
    """

    def __init__(self, workbook: Workbook, title: str, widths: Sequence[float] = (), freeze: str | None = None):
        self.ws: WriteOnlyWorksheet = workbook.create_sheet(title)
        self.ws.freeze_panes = freeze  # must precede the first row: views stream out before the rows
        self._styles = _style_cache(workbook)
        self.rows = 0
        for index, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def cell(self, value: Any, look: Look = BODY) -> Cell:
        """A cell for this sheet holding `value` with `look` (strings forced to text)."""
        array = self._styles.get(look)
        if array is None:
            array = self._styles[look] = _style_array(self.ws, look)
        if isinstance(value, str):
            value = safe_text(value)
        cell = Cell(self.ws, row=1, column=1, value=value, style_array=array)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text begins with
        return cell

    def append(self, values: Iterable[Any], look: Look | None = BODY, height: float | None = None) -> int:
        """Write one row; values that are already cells keep their own look. Returns its row number."""
        self.rows += 1
        if height is not None:
            self.ws.row_dimensions[self.rows].height = height
        row = []
        for value in values:
            if isinstance(value, Cell) or (look is None and not isinstance(value, str)):
                row.append(value)
            elif look is None:
                row.append(self.cell(value, PLAIN))
            else:
                row.append(self.cell(value, look))
        self.ws.append(row)
        return self.rows

    def title(self, text: str, span: int, subtitle: str = "") -> None:
        """A title row (merged across `span` columns) and an optional subtitle row."""
        self.append([self.cell(text, TITLE)], look=None, height=24)
        if span > 1:
            self.ws.merged_cells.add(f"A{self.rows}:{get_column_letter(span)}{self.rows}")
        if subtitle:
            self.append([self.cell(subtitle, SUBTITLE)], look=None)
            if span > 1:
                self.ws.merged_cells.add(f"A{self.rows}:{get_column_letter(span)}{self.rows}")

    def header(self, names: Sequence[str], required: Sequence[bool] = ()) -> int:
        """A header row; required columns a shade darker. Returns its row number."""
        looks = [HEADER.but(fill=REQUIRED_FILL) if i < len(required) and required[i] else HEADER for i in range(len(names))]
        return self.append([self.cell(n, lk) for n, lk in zip(names, looks)], look=None, height=30)

    def print_setup(self, *, landscape: bool, paper: int = PAPER_A4, title_rows: str | None = None) -> None:
        """Print-ready: paper and orientation, fit to one page wide, repeated header rows."""
        self.ws.page_setup.orientation = "landscape" if landscape else "portrait"
        self.ws.page_setup.paperSize = paper
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_options.horizontalCentered = True
        self.ws.page_margins.left = self.ws.page_margins.right = 0.4
        self.ws.page_margins.top = self.ws.page_margins.bottom = 0.5
        self.ws.oddFooter.center.text = "&P / &N"  # page x of y
        self.ws.oddFooter.center.size = 8
        if title_rows:
            self.ws.print_title_rows = title_rows


def _style_cache(workbook: Workbook) -> dict[Look, Any]:
    # one cache per workbook: style arrays index into that workbook's font/fill tables
    cache = getattr(workbook, "_haichi_styles", None)
    if cache is None:
        cache = {}
        workbook._haichi_styles = cache  # type: ignore[attr-defined]
    return cache


def _style_array(ws: WriteOnlyWorksheet, look: Look) -> Any:
    """Register `look` in the workbook once and return openpyxl's compact style array for it."""
    proto = WriteOnlyCell(ws)
    proto.font = Font(name=FONT_NAME, size=look.size, bold=look.bold, color=look.color)
    if look.fill:
        proto.fill = PatternFill("solid", fgColor=look.fill)
    if look.border:
        proto.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    proto.alignment = Alignment(horizontal=look.horizontal, vertical=look.vertical, wrap_text=look.wrap)
    proto.number_format = look.number_format
    return proto._style  # the array of style indexes; copied into every cell built from it
