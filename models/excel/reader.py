"""Finding things in a workbook: opening it safely, sheets by name, the header row, data rows.

Workbooks are opened read-only with cached values (fast for a 500 × 365 matrix); each sheet's
rows are read once into tuples, and cell names (`D7`) are computed from row and column indexes.
A merged cell counts for every cell it covers, as the sheet shows it: down the rows as the sheet
is read (`Book`), across the columns in the rows under a table's header (`locate`).
Opening is defensive (`models.excel.filecheck` first): a sheet past the size limits, an
over-long cell or a damaged part becomes an InputProblem, never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, Sequence

import openpyxl
from openpyxl.utils import get_column_letter

from models.domain import normalize, typed
from models.errors import InputProblem
from models.excel import messages
from models.excel.filecheck import not_a_workbook, refusal
from models.excel.schema import IN_DAYS, IN_HOURS, NO_DAYS, Column, SheetSpec
from models.excel.xlsxread import Range, XlsxBook, merged_ranges
from models.i18n import t
from models.textparse import Explained, parse_date

HEADER_SEARCH_ROWS = 10  # the header row may sit below title rows, within the first ten
MAX_ROWS = 100_000  # rows of one sheet up to its last value, blank ones included
MAX_COLUMNS = 4_000  # filled columns of one row (ten years of days)
MAX_CELLS = 2_000_000  # filled-width cells of one sheet
MAX_CELL_TEXT = 32_767  # characters in one cell: Excel's own limit
_MAX_LONG_CELL_REPORTS = 5  # per sheet: one is enough to see the problem
_REQUIRED_SUFFIX = re.compile(r"(\*|※|\(必須\)|:)+$")
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")  # a cell under the header naming a date or a number (see Table._repeats_header)


def normalize_header(value: Any) -> str:
    """A header or sheet name as compared: NFKC, no spaces, no trailing `*`/`※`/`（必須）`, casefolded."""
    if value is None:
        return ""
    return _normalized(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=8192)
def _normalized(text: str) -> str:
    # cached: a sheet compares the same few words again and again (every data row against the header
    # it might repeat, `Table._repeats_header`: 80 000 calls on a 500 × 365 workbook)
    text = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    return _REQUIRED_SUFFIX.sub("", text).casefold()


def cell_name(row: int, col: int) -> str:
    """The Excel name of a cell from 0-based row and column indexes: (6, 3) -> `D7`."""
    return f"{get_column_letter(col + 1)}{row + 1}"


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# A row whose first filled cell is one of these words is a total under the data, not data.
_TOTALS = frozenset({"合計", "小計", "総計", "計", "累計", "total", "totals", "subtotal", "sum"})


# A sheet named like one of ours but holding an example or instructions (`勤務可否（記入例）`,
# `枠_見本`): read as data, its sample rows would land on real people.
_EXAMPLE_WORDS = ("例", "見本", "サンプル", "記入方法", "書き方", "説明", "sample", "example", "template", "howto")


def _example(title: str) -> bool:
    """Whether a sheet's title says it is an example or instructions (see _EXAMPLE_WORDS)."""
    text = normalize_header(title)
    return any(word in text for word in _EXAMPLE_WORDS)


def _not_data(row: tuple[Any, ...]) -> bool:
    """Rows whose first filled cell starts with `#` or `※` are notes to the reader; rows whose
    first filled cell says 合計 / 小計 / Total are totals someone added under the data."""
    for value in row:
        if not is_blank(value):
            if not isinstance(value, str):
                return False
            if messages.is_excel_error(value):
                return False  # `#N/A` in a date: data with an error in it, not a note
            return value.lstrip().startswith(("#", "※")) or normalize_header(value) in _TOTALS
    return False


class Book:
    """An open workbook; rows of a sheet are read on first use and kept.

    A sheet that cannot be read whole (damaged, past the size limits) adds a problem to
    `problems` and gives the rows read before that.
    """

    def __init__(self, path: Path, problems: list[InputProblem] | None = None):
        self.path = path
        self.name = path.name
        self.problems = problems if problems is not None else []
        # A stream, not the path: openpyxl refuses names that do not end in .xlsx/.xlsm.
        self._stream = path.open("rb")
        try:
            self._wb = openpyxl.load_workbook(self._stream, read_only=True, data_only=True)
            self.titles: list[str] = [str(title) for title in self._wb.sheetnames]
        except BaseException:
            self._stream.close()
            raise
        self._rows: dict[str, list[tuple[Any, ...]]] = {}
        self._merged: dict[str, list[Range]] = {}
        self._fast: XlsxBook | None = None
        self._fast_tried = False

    def find(self, spec: SheetSpec, prefix: bool = False) -> list[str]:
        """Sheet titles that name `spec` (exact names first; with `prefix`, also `勤務可否_4月`)."""
        names = {normalize_header(n) for n in spec.names()}
        exact = [s for s in self.titles if normalize_header(s) in names]
        if exact and not prefix:
            return exact[:1]
        starts = [
            s for s in self.titles
            if s not in exact and any(normalize_header(s).startswith(n) for n in names) and not _example(s)
        ]
        return (exact + starts) if prefix else starts[:1]

    def hidden(self, title: str) -> bool:
        """Whether the sheet `title` is hidden (or very hidden) in Excel."""
        try:
            return getattr(self._wb[title], "sheet_state", "visible") != "visible"
        except KeyError:
            return False

    @staticmethod
    def named(title: str, spec: SheetSpec) -> bool:
        """Whether `title` is one of the names of `spec` (not merely starting like one)."""
        return normalize_header(title) in {normalize_header(n) for n in spec.names()}

    def rows(self, title: str) -> list[tuple[Any, ...]]:
        if title not in self._rows:
            self._rows[title] = self._read(title)
        return self._rows[title]

    def merged(self, title: str) -> list[Range]:
        """The merged cell ranges of the sheet `title` (first row, first column, last row, last
        column; 1-based), for `locate` to spread them across a table's columns."""
        self.rows(title)
        return self._merged.get(title, [])

    def _report(self, title: str, cell: str, message: str) -> None:
        self.problems.append(InputProblem(self.name, title, cell, message))

    def _read(self, title: str) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = []
        cells = long_cells = blank = 0  # `blank`: empty rows since the last with a value, not yet kept
        try:
            for raw in self._raw_rows(title):
                row = _trimmed(raw)
                if not row:  # kept only when a value comes after: a formatted cell far below is no data
                    blank += 1
                    continue
                cells += len(row)
                over = len(rows) + blank >= MAX_ROWS
                if over or len(row) > MAX_COLUMNS or cells > MAX_CELLS:
                    self._report(title, cell_name(len(rows) + blank, 0) if over else "",
                                 _too_large(over, len(row) > MAX_COLUMNS))
                    break
                rows.extend([()] * blank)
                blank = 0
                for col, value in enumerate(row):
                    if isinstance(value, str) and len(value) > MAX_CELL_TEXT:
                        long_cells += 1
                        if long_cells <= _MAX_LONG_CELL_REPORTS:
                            self._report(title, cell_name(len(rows), col), t(
                                "セルの文字数が多すぎます ({n} 字、上限 {limit} 字)",
                                "the cell holds {n} characters, more than {limit}", n=len(value), limit=MAX_CELL_TEXT))
                        row = row[:col] + (value[:MAX_CELL_TEXT],) + row[col + 1:]
                rows.append(row)
        except Exception:  # a damaged part, bad XML, a forbidden DTD: all mean "cannot read this sheet"
            self._report(title, "", t(
                "シートを読めません。ファイルが壊れている可能性があります。Excel で開いて保存し直してください。",
                "the sheet cannot be read; the file may be damaged. Open it in Excel and save it again."))
        self._merged[title] = merged = self._merges(title)
        rows = _fill_down(rows, merged)
        while rows and not rows[-1]:
            rows.pop()
        return rows

    def _raw_rows(self, title: str) -> Iterator[tuple[Any, ...]]:
        """A sheet's rows as openpyxl's read-only `values_only` gives them: from the fast reader
        when it knows the sheet, else from openpyxl itself."""
        fast = self._fast_book()
        if fast is not None and fast.has_rows(title):
            return fast.rows(title)
        ws = self._wb[title]
        ws.reset_dimensions()  # some writers store a wrong sheet size; read what is there
        return ws.iter_rows(values_only=True)

    def _merges(self, title: str) -> list[Range]:
        """The merged ranges of a sheet whose rows have been read: from the fast reader, else
        scanned from the sheet's part (openpyxl's read-only mode does not keep them)."""
        if self._fast is not None and self._fast.has_rows(title):
            return self._fast.merged(title)
        try:
            with self._wb[title]._get_source() as stream:  # the part openpyxl read the rows from
                return merged_ranges(stream)
        except Exception:  # no such part, or one that cannot be read again: the rows as read
            return []

    def _fast_book(self) -> XlsxBook | None:
        """The fast reader on this file, or None when it cannot read it the way openpyxl did."""
        if not self._fast_tried:
            self._fast_tried = True
            try:
                self._fast = XlsxBook(self.path)
            except Exception:  # a part it does not understand: openpyxl reads every sheet instead
                return None
            if self._fast.titles != self.titles:
                self._fast.close()
                self._fast = None
        return self._fast

    def close(self) -> None:
        try:
            self._wb.close()
        finally:
            self._stream.close()
            if self._fast is not None:
                self._fast.close()


def _fill_down(rows: list[tuple[Any, ...]], ranges: Sequence[Range]) -> list[tuple[Any, ...]]:
    """A value merged down over several rows, in each of those rows, as the sheet shows it: a
    date (or site) merged over one day's sessions belongs to each session, a × merged over two
    people's rows to both. Only rows that hold something else get it, so a merge reaching past
    the data adds no rows. Merges across columns are spread by `locate`, under a header only."""
    for top, left, bottom, _right in ranges:
        if bottom == top or top > len(rows) or left > len(rows[top - 1]):
            continue
        value = rows[top - 1][left - 1]
        if value is None:
            continue
        for index in range(top, min(bottom, len(rows))):
            row = rows[index]
            if all(is_blank(v) for v in row) or (left <= len(row) and row[left - 1] is not None):
                continue
            rows[index] = row[:left - 1] + (None,) * (left - 1 - len(row)) + (value,) + row[left:]
    return rows


def _spread_across(rows: list[tuple[Any, ...]], ranges: Sequence[Range], header: int) -> list[tuple[Any, ...]]:
    """`rows` with a value merged across several columns below the header row `header` in each
    of those columns, as the sheet shows it: a × merged over a weekend is a × on both days, a
    count merged over 必要人数 and 最大人数 both counts. Each row a merge covers gets it when it
    holds the value in the merge's first column (a merge down over rows holding nothing else adds
    nothing, see `_fill_down`). Merges in and above the header are left as they are: there a
    label merged across has its value to the right (a form's `職員ID：` | | `H001`), a date merged
    across the 午前 and 午後 columns under it heads both, a title spans the table."""
    spread = list(rows)
    for top, left, bottom, right in ranges:
        if top - 1 <= header or right == left or top > len(rows):
            continue
        first = spread[top - 1]
        value = first[left - 1] if left <= len(first) else None
        if value is None:
            continue
        for index in range(top - 1, min(bottom, len(rows))):
            row = spread[index]
            if left > len(row) or row[left - 1] != value:
                continue
            cells = list(row) + [None] * (right - len(row))
            for col in range(left, right):
                if cells[col] is None:
                    cells[col] = value
            spread[index] = _trimmed(tuple(cells))
    return spread


def _trimmed(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """`row` without its trailing empty cells (formatted-but-empty cells reach far to the right)."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row if end == len(row) else row[:end]


def _too_large(rows: bool, columns: bool) -> str:
    """Why a sheet was not read to its end."""
    if rows:
        return t("シートが大きすぎます（{n} 行目より下にも値があります）。不要な行を削除してください。",
                 "the sheet is too large (values below row {n}): delete unused rows.", n=MAX_ROWS)
    if columns:
        return t("シートの列が多すぎます ({n} 列を超えています)。不要な列を削除してください。",
                 "the sheet has too many columns (more than {n}): delete unused columns.", n=MAX_COLUMNS)
    return t("シートが大きすぎます (セルが {n} 個を超えています)。不要な行と列を削除してください。",
             "the sheet is too large (more than {n} cells): delete unused rows and columns.", n=MAX_CELLS)


@dataclass(frozen=True)
class Period:
    """The plan's dates; it also knows which year `4/1` means (the one inside the period)."""

    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def days(self) -> list[date]:
        """Every date from start to end."""
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def to_date(self, value: Any) -> date:
        """The date in a cell; month/day text takes the period's year (across New Year, the year
        that puts it inside the period, else nearer to it)."""
        try:
            day = parse_date(value, self.start.year)
        except ValueError:
            if self.end.year == self.start.year:
                raise
            return parse_date(value, self.end.year)
        if day not in self and self.end.year != self.start.year:
            try:
                other = parse_date(value, self.end.year)
            except ValueError:  # 2/29 in a year without it
                return day
            if other in self or self._distance(other) < self._distance(day):
                return other
        return day

    def _distance(self, day: date) -> int:
        """Days from the period to `day` (0 inside it)."""
        return max((self.start - day).days, (day - self.end).days, 0)


def open_book(path: Path, problems: list[InputProblem]) -> Book | None:
    """The workbook at `path`, or None with a problem added when it is missing or not a workbook."""
    if not path.is_file():
        problems.append(InputProblem(path.name, "", "", t("ファイルがありません", "file not found")))
        return None
    if path.stat().st_size == 0:
        problems.append(InputProblem(path.name, "", "", t("ファイルが空です", "the file is empty")))
        return None
    try:
        refused = refusal(path)
        if refused is None:
            return Book(path, problems)
    except Exception:  # openpyxl raises many kinds for non-workbooks; all mean the same to a user
        refused = not_a_workbook()
    problems.append(InputProblem(path.name, "", "", refused))
    return None


@dataclass
class Table:
    """One sheet's table: its rows, where the header is, and which column holds which field."""

    file: str
    sheet: str
    rows: list[tuple[Any, ...]]
    header_row: int
    columns: dict[str, int] = field(default_factory=dict)

    def header(self) -> tuple[Any, ...]:
        return self.rows[self.header_row]

    def value(self, row: tuple[Any, ...], key: str) -> Any:
        col = self.columns.get(key)
        if col is None or col >= len(row):
            return None
        return row[col]

    def cell(self, row_index: int, key_or_col: str | int) -> str:
        col = self.columns.get(key_or_col, 0) if isinstance(key_or_col, str) else key_or_col
        return cell_name(row_index, col)

    def problem(self, row_index: int, key_or_col: str | int, message: str) -> InputProblem:
        return InputProblem(self.file, self.sheet, self.cell(row_index, key_or_col), message)

    def data(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row index, row) below the header, skipping blank rows, comments and totals (`_not_data`)
        and rows that repeat the header (`_repeats_header`)."""
        for index in range(self.header_row + 1, len(self.rows)):
            row = self.rows[index]
            if all(is_blank(v) for v in row) or _not_data(row) or self._repeats_header(row):
                continue
            yield index, row

    def _repeats_header(self, row: tuple[Any, ...]) -> bool:
        """Whether the known columns of `row` hold their own headers (or nothing) and its other
        cells nothing new but words: a header cell merged down over a weekday row (`水`) or a row of
        `午前 | 午後` under it, or the same header pasted again. A header with other dates or
        numbers (`職員ID | 氏名 | 5/1 | 5/2` below the April block) is not skipped: its rows would
        be read under the first header's dates, so the row is read, and reported, as data."""
        header = self.header()
        known = set(self.columns.values())
        same = False
        for col, value in enumerate(row):
            if is_blank(value):
                continue
            above = header[col] if col < len(header) else None
            if col in known:
                if normalize_header(value) != normalize_header(above):
                    return False
                same = True
            elif normalize_header(value) != normalize_header(above) and (
                    not isinstance(value, str) or _DIGIT.search(value)):
                return False
        return same


@lru_cache(maxsize=32)
def _column_lookup(columns: tuple[Column, ...]) -> dict[str, tuple[str, int]]:
    """Normalised header -> (field, rank): rank 0 for a column's own names (`職員ID`, `staff_id`),
    1 for its aliases (`番号`). Built once per set of columns (header rows are tried one by one)."""
    lookup: dict[str, tuple[str, int]] = {}
    for column in columns:
        for rank, name in enumerate(column.names()):
            lookup.setdefault(normalize_header(name), (column.key, 0 if rank < 2 else 1))
    return lookup


# A note in brackets at the end of a header: a unit or a hint (`時給（円）`, `月上限(回)`, `氏名【漢字】`).
_HEADER_NOTE = re.compile(r"(?:\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|〈[^〈〉]*〉)$")


# a count column's note saying days (`週上限（日）`, `月上限(日数)`): a consultation office's 週2日まで had been
# read as 2 sessions a week, half the days for those who take a morning and an afternoon
_DAYS_NOTE = re.compile(r"^[(\[【〔<〈]\s*(?:日|日数|days?)\s*[)\]】〕>〉]$", re.IGNORECASE)
_HOURS_NOTE = re.compile(r"時間|^[(\[【〔<〈]\s*(h|hr|hrs|hours?)\s*[)\]】〕>〉]$", re.IGNORECASE)


# Headers no name or alias matches whose words still say the field (a care home's `資格・スキル` and
# `週の労働時間上限` were passed over: every skill, and the part-timers' 20-hour cap, gone with a note alone).
_GUESSES = (
    (re.compile(r"週.*時間.*(?:上限|最大|まで)|週.*(?:上限|最大).*時間"), "max_minutes_per_week"),
    (re.compile(r"週.*時間.*(?:下限|最低|以上)|週.*(?:下限|最低).*時間"), "min_minutes_per_week"),
    (re.compile(r"月.*時間.*(?:上限|最大|まで)|月.*(?:上限|最大).*時間"), "max_minutes_per_month"),
    (re.compile(r"月.*時間.*(?:下限|最低|以上)|月.*(?:下限|最低).*時間"), "min_minutes_per_month"),
    # days and sessions: `週の勤務日数の上限`, `月の最大勤務日数`; a cap of days without its period
    # (`勤務日数の上限`, `上限日数`, `最大勤務日数`) is the month's, as a plan is a month (a polling office's
    # 立会人 at most 3 days had been dropped with a note, and worked 6)
    (re.compile(r"週.*日数?.*(?:上限|最大|まで)|週.*(?:上限|最大).*日数?$"), "max_days_per_week"),
    (re.compile(r"月.*日数?.*(?:上限|最大|まで)|月.*(?:上限|最大).*日数?$"), "max_days_per_month"),
    # (`最大従事日数`: a polling office's people away from their own 課 3 days at most)
    (re.compile(r"^(?:勤務|従事|出務|出勤)?日数.*(?:上限|最大|まで)|^(?:上限|最大)(?:勤務|従事|出務|出勤)?日数"),
     "max_days_per_month"),
    (re.compile(r"週.*回数?.*(?:上限|最大|まで)|週.*(?:上限|最大).*回数?$"), "max_per_week"),
    (re.compile(r"月.*回数?.*(?:上限|最大|まで)|月.*(?:上限|最大).*回数?$"), "max_per_month"),
    (re.compile(r"連続(?!.*休).*(?:上限|最大|まで)|(?:上限|最大).*連続(?!.*休)"), "max_consecutive_days"),
    # pay: what was paid this year outside Haichi's plans, and the year's cap (an office's 支給済額 had been
    # dropped with a note, and 22 of 25 capped people went over 103万円)
    (re.compile(r"支給済|既支給|支払済|支払い済|既払"), "paid_this_year"),
    (re.compile(r"(?:年間|年収|扶養).*(?:上限|限度)|(?:上限|限度)額"), "annual_pay_cap"),
    (re.compile(r"時給|時間給"), "hourly_rate"),
    (re.compile(r"必要.*(?:スキル|資格)"), "required_skills"),
    (re.compile(r"スキル|資格"), "skills"),
    (re.compile(r"職種|職位|役職"), "job"),  # `職種区分`: a 保健所's nurses, doctors and clerks
    (re.compile(r"雇用"), "employment"),  # `雇用の形態`
    # a person's own ID or number by any name (`相談員ID`, `スタッフ番号`), not a phone's, a post code or a licence's
    # (a consultation office's 相談員ID was passed over, and its 勤務可否 matched by name)
    (re.compile(r"^(?!.*(?:電話|携帯|tel|郵便|口座|fax|ファックス|内線|免許|保険|会場|施設|部屋|座席)).+(?:id|番号|no\.?)$"),
     "staff_id"),
)


def _guessed(header: str, keys: Collection[str]) -> str | None:
    """The field of `keys` a header's words say (`_GUESSES`), the first that fits."""
    return next((key for pattern, key in _GUESSES if key in keys and pattern.search(header)), None)


def match_columns(row: tuple[Any, ...], columns: Iterable[Column]) -> dict[str, int]:
    """Which column index holds each known field in a header row. A header naming a field by its
    own name beats one naming it by an alias (a running `番号` left of `職員ID`), which beats one
    with a note in brackets after the name (`時給（円）`), which beats one whose words say it
    (`資格・スキル`, `_GUESSES`); among equals the first wins."""
    columns = tuple(columns)
    lookup = _column_lookup(columns)
    keys = {column.key for column in columns}
    found: dict[str, tuple[int, int]] = {}  # field -> (rank, column)
    for index, value in enumerate(row):
        header = normalize_header(value)
        match = lookup.get(header)
        if match is None and (bare := _HEADER_NOTE.sub("", header)) != header:
            match = lookup.get(bare)
            if match is not None:  # `週上限（時間）` holds hours: the hours column of the same period
                note = header[len(bare):]
                hours = match[0] in IN_HOURS and _HOURS_NOTE.search(note)
                days = match[0] in IN_DAYS and _DAYS_NOTE.match(note)  # `週上限（日）`: its days column
                match = (IN_HOURS[match[0]] if hours else IN_DAYS[match[0]] if days else match[0], 2)
                if match[0] in NO_DAYS and _DAYS_NOTE.match(note):
                    match = None  # `期間上限（日）`: days of a count column with none: unread, so refused as a limit
        if match is None and header and (guess := _guessed(header, keys)) is not None:
            match = (guess, 3)
        if match is None:
            continue
        key, rank = match
        if key not in found or rank < found[key][0]:
            found[key] = (rank, index)
    return {key: index for key, (_rank, index) in found.items()}


def column_title(column: Column) -> str:
    """A column's name in the current language, for messages."""
    return t(column.ja, column.key)


def locate(
    file: str, sheet: str, rows: list[tuple[Any, ...]], spec: SheetSpec, problems: list[InputProblem],
    merged: Sequence[Range] = (),
) -> Table | None:
    """The table in a sheet: the header row in the first ten rows that names the most known
    columns, or a header of two rows (`時間` over `開始 | 終了`, `日付` beside them) when the two
    together name more; the sheet's `merged` ranges below the header count for every column they
    cover (`_spread_across`). A missing required column is a problem at the header row's first
    cell (then None)."""
    best, best_found, stacked = 0, {}, None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = match_columns(row, spec.readable())
        if len(found) > len(best_found):
            best, best_found, stacked = index, found, None
        if index + 1 < len(rows):
            both = _stacked(row, rows[index + 1], spec.readable())
            found = match_columns(both, spec.readable())
            if len(found) > len(best_found):
                best, best_found, stacked = index + 1, found, both
    if stacked is not None:  # the lower row stands for both: data starts below it
        rows = rows[:best] + [stacked] + rows[best + 1:]
    if merged:
        rows = _spread_across(rows, merged, best)
    table = Table(file, sheet, rows, best, best_found)
    missing = [c for c in spec.columns if c.required and c.key not in best_found and not _within(c, spec, best_found)]
    if not missing:
        return table
    header = rows[best] if rows else ()
    first = next((i for i, v in enumerate(header) if not is_blank(v)), 0)
    for column in missing:
        problems.append(
            InputProblem(
                file, sheet, cell_name(best, first),
                t("必須の列「{ja}」がありません", 'required column "{ja}" ({en}) is missing',
                  ja=column.ja, en=column.key) if column.ja != column.key else
                t("必須の列「{col}」がありません", 'required column "{col}" is missing', col=column.key),
            )
        )
    return None


def _within(column: Column, spec: SheetSpec, found: dict[str, int]) -> bool:
    """Whether a missing column comes inside another one instead: that one is there, and none of
    the columns it stands for (`時間` for both 開始 and 終了, not for 終了 beside a 開始)."""
    return column.within is not None and column.within in found and not any(
        other.within == column.within and other.key in found for other in spec.columns)


def _stacked(upper: tuple[Any, ...], lower: tuple[Any, ...], columns: Iterable[Column]) -> tuple[Any, ...]:
    """Two header rows read as one: each column's lower cell, or its upper one where the lower is
    blank. A lower cell that names a column only together with the label above it (`上限（回）`
    merged over `1日 | 週 | 月`: 1日上限, 週上限, 月上限) stands for that column; the label is the
    upper cell, or the nearest one to its left when a merge leaves the upper cell empty."""
    width = max(len(upper), len(lower))
    upper, lower = upper + (None,) * (width - len(upper)), lower + (None,) * (width - len(lower))
    known = _column_lookup(tuple(columns))
    out: list[Any] = []
    label = ""
    for u, v in zip(upper, lower):
        if not is_blank(u):
            label = _HEADER_NOTE.sub("", normalize_header(u))
        if is_blank(v):
            out.append(u)
            continue
        name = normalize_header(v)
        if name not in known and label:
            name = next((both for both in (name + label, label + name) if both in known), None)
            if name is not None:
                v = name
        out.append(v)
    return tuple(out)


def find_label(rows: list[tuple[Any, ...]], labels: Iterable[str], above: int) -> tuple[int, int, Any] | None:
    """The first filled cell to the right of a label cell (`職員ID | H003`) in rows above `above`:
    (row, col, value), or None when no such label is there."""
    wanted = {normalize_header(label) for label in labels}
    for r, row in enumerate(rows[:above]):
        for c, value in enumerate(row):
            if normalize_header(value) in wanted:
                for c2 in range(c + 1, len(row)):
                    if not is_blank(row[c2]):
                        return r, c2, row[c2]
                return r, c, None
    return None


class Cells:
    """One data row, read field by field: each bad or missing value becomes a problem with its
    cell, and `ok` turns False so that the caller drops the row after reporting everything in it."""

    def __init__(self, table: Table, index: int, row: tuple[Any, ...], problems: list[InputProblem]):
        self.table, self.index, self.row, self.problems = table, index, row, problems
        self.ok = True
        self._unreadable: set[str] = set()  # fields holding an Excel error or a formula without result

    def raw(self, key: str) -> Any:
        """The field's value; None, with the problem said once, for an Excel error value or a
        formula whose result the file does not hold (never read as a blank or as a note)."""
        value = self.table.value(self.row, key)
        if (unreadable := messages.unreadable_cell(value)) is not None:
            if key not in self._unreadable:
                self._unreadable.add(key)
                self.report(key, unreadable)
            return None
        return value

    def report(self, key: str, message: str) -> None:
        self.ok = False
        self.problems.append(self.table.problem(self.index, key, message))

    def get(
        self,
        key: str,
        parse: Callable[[Any], Any],
        bad: Callable[[Any], str],
        required: Column | None = None,
        default: Any = None,
    ) -> Any:
        """The parsed value of a field, or `default` when blank (a problem if `required`) or bad."""
        raw = self.raw(key)
        if is_blank(raw):
            if required is not None and key not in self._unreadable:
                self.report(key, messages.empty(column_title(required)))
            return default
        try:
            return parse(raw)
        except Explained as refused:  # a reason of its own: 1月12日(水) is a Tuesday
            self.report(key, str(refused))
            return default
        except ValueError:
            self.report(key, bad(raw))
            return default

    def text(self, key: str, required: Column | None = None) -> str:
        """A field as NFKC-normalised, trimmed text ("" when blank; a problem if `required`)."""
        value = normalize(self.raw(key))
        if not value and required is not None and key not in self._unreadable:
            self.report(key, messages.empty(column_title(required)))
        return value

    def note(self, key: str) -> str:
        """A free-text field (備考) as typed, trimmed: `扶養内（週20時間）` keeps its full-width brackets,
        which `text` makes ASCII to compare them."""
        return typed(self.raw(key))

    def at(self, key: str) -> tuple[str, str, str]:
        """(file, sheet, cell) of this row's field, to pin a later problem to it."""
        return self.table.file, self.table.sheet, self.table.cell(self.index, key)

    def where(self, key: str) -> str:
        """`book.xlsx 職員!A5`: this row's cell, for messages about duplicates."""
        return f"{self.table.file} {self.table.sheet}!{self.table.cell(self.index, key)}"
