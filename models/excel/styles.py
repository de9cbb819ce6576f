"""How Haichi's workbooks look: fonts, fills, formats, day shading and safe sheet/file names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

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
DAY_FORMAT = "[$-411]m/d(aaa)"  # Japanese weekday names whatever the reader's locale
TIME_FORMAT = "h:mm"
YEN_FORMAT = "#,##0"
ONE_DECIMAL = "0.0"
# Hours worked as a clock reads them (`38:45`), a cell holding days (minutes / 1440): a library's 38時間45分
# contract read as 38.8 in 勤務表 beside 個人別's 38時間45分
HOURS_FORMAT = "[h]:mm"

PAPER_A4 = 9
PAPER_A3 = 8

_THIN = Side(style="thin", color="A6A6A6")


@dataclass(frozen=True, eq=False)
class Look:
    """A cell style in Haichi's words; hashable so each look is registered once per workbook.

    A big export looks a style up for every cell (700 000 of them for a 500-staff year), so the
    hash is computed once, and `but` hands out one object per variant (equal looks are then
    mostly the same object, compared by identity)."""

    bold: bool = False
    size: float = 10
    fill: str | None = None
    number_format: str = "General"
    wrap: bool = False
    horizontal: str | None = None
    vertical: str = "center"
    border: bool = True
    color: str | None = None

    def __post_init__(self) -> None:
        key = tuple(getattr(self, name) for name in _LOOK_FIELDS)
        object.__setattr__(self, "_key", key)
        object.__setattr__(self, "_hash", hash(key))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        return self is other or isinstance(other, Look) and self._key == other._key  # type: ignore[attr-defined]

    def but(self, **changes: Any) -> Look:
        key = (self._key, tuple(changes.items()))  # type: ignore[attr-defined]
        found = _VARIANTS.get(key)
        if found is None:
            found = _VARIANTS[key] = Look(**{**dict(zip(_LOOK_FIELDS, self._key)), **changes})  # type: ignore[attr-defined]
        return found


_LOOK_FIELDS = tuple(f.name for f in fields(Look))
_VARIANTS: dict[tuple[Any, ...], Look] = {}  # Look.but's results: a few dozen looks in all


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


def weekday_name(day: date) -> str:
    """The weekday of `day` in short: `水`, `We`."""
    names = t("月火水木金土日", "MoTuWeThFrSaSu")
    width = len(names) // 7
    return names[day.weekday() * width:(day.weekday() + 1) * width]


def day_label(day: date, with_holiday: bool = False, between: str = " ") -> str:
    """`4/29(水)`, or `4/29(水) 昭和の日` with the holiday's name when asked (`between` the two: a
    new line in a narrow column, so the name is not broken across lines: `2/11(木)` over `建国記念の日`)."""
    label = f"{day.month}/{day.day}({weekday_name(day)})"
    name = holiday_name(day) if with_holiday else None
    return f"{label}{between}{name}" if name else label


def widest(texts: Iterable[str], least: float) -> float:
    """A column width for `texts` on one line each, at least `least`."""
    return max([least] + [text_width(x) + 2 for x in set(texts)])


def safe_text(value: str) -> str:
    """Text without the control characters Excel cannot store."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def text_width(text: str) -> int:
    """Display width in Excel column units: full-width characters count two."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WFA")


# Points a wrapped line of body text takes in a row (Excel's default row is 15 for one line).
LINE_HEIGHT = 15.0


def wrapped_height(cells: Iterable[tuple[str, float]]) -> float | None:
    """The height of a row whose (text, column width) cells wrap: as many lines as its longest cell
    needs (full-width characters count two), None for one line. Set, because LibreOffice (the app's
    PDFs) does not grow a row for wrapped text written without a height, and lines overlapped."""
    lines = max((_lines(str(text), width) for text, width in cells), default=1)
    return None if lines <= 1 else LINE_HEIGHT * lines


def _lines(text: str, width: float) -> int:
    """The lines `text` wraps to in a column `width` wide (its own line breaks kept). The width is
    reckoned from the text's UTF-8 length (a kana or kanji is 3 bytes and 2 columns, ASCII 1 and 1):
    text_width character by character made an export of 50 000 violations a second slower."""
    room = max(1, int(width) - 1)
    return sum(max(1, -(-((len(part.encode("utf-8")) + len(part)) // 2) // room)) for part in text.split("\n"))


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


def apply_look(cell: Any, look: Look) -> None:
    """Give an openpyxl cell the font, fill, border, alignment and number format of `look`."""
    cell.font = Font(name=FONT_NAME, size=look.size, bold=look.bold, color=look.color)
    if look.fill:
        cell.fill = PatternFill("solid", fgColor=look.fill)
    if look.border:
        cell.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    cell.alignment = Alignment(horizontal=look.horizontal, vertical=look.vertical, wrap_text=look.wrap)
    cell.number_format = look.number_format
