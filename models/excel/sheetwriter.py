"""A streaming sheet writer that is fast on big sheets and never writes a formula.

Every workbook Haichi writes is an openpyxl write-only workbook. openpyxl's own row writer
spends ~15 µs per cell without lxml (an Element per cell through et_xmlfile), which makes a
500-staff × 365-day availability matrix take several seconds; here rows are rendered straight
to SpreadsheetML text (about 1 µs a cell) with styles registered once per look. Everything else —
styles, validations, merged cells, print setup, packaging — is still openpyxl's. Should the
XML stream not be et_xmlfile's (openpyxl with lxml, already fast), rows go through openpyxl's
own cell writer instead, with the same result.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Sequence
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from models.excel.styles import BODY, HEADER, PAPER_A4, PLAIN, REQUIRED_FILL, SUBTITLE, TITLE, Look, apply_look, safe_text
from models.i18n import t


class Out(tuple):
    """A value on its way to a cell, with the workbook style id and style array of its look:
    `(value, style, array)`. A plain tuple made in C (a NamedTuple's constructor is Python, and
    a big export makes 700 000 of these)."""

    __slots__ = ()

    @property
    def value(self) -> Any:
        return self[0]

    @property
    def style(self) -> str:
        """The ` s="N"` attribute of the look's cell style, "" for the default style."""
        return self[1]

    @property
    def array(self) -> Any:
        return self[2]


class _Row(tuple):
    """A row of `Out` values plus its height (None = default), passed through openpyxl untouched."""

    height: float | None = None


class _Sheet(WriteOnlyWorksheet):
    """A write-only worksheet that hands Haichi's pre-styled rows to `_RowWriter` as they are."""

    def _values_to_row(self, values: Any, row_idx: int) -> Any:
        return values if isinstance(values, _Row) else super()._values_to_row(values, row_idx)

    def _get_writer(self) -> None:
        if self._writer is None:
            self._writer = _RowWriter(self)
            self._writer.write_top()


class _RowWriter(WorksheetWriter):
    def __init__(self, ws: Any, out: Any = None) -> None:
        self._texts: dict[tuple[str, str], str] = {}  # see write_row
        super().__init__(ws, out)

    def write_row(self, xf: Any, row: Any, row_idx: int) -> None:
        if not isinstance(row, _Row):
            return super().write_row(xf, row, row_idx)
        raw = text_sink(xf)
        if raw is None:
            if row.height is not None:
                self.ws.row_dimensions[row_idx].height = row.height
            cells = [Cell(self.ws, row=row_idx, column=i, value=o.value, style_array=o.array)
                     for i, o in enumerate(row, 1) if o is not None]
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
            return super().write_row(xf, cells, row_idx)
        height = "" if row.height is None else f' ht="{row.height:g}" customHeight="1"'
        parts = [f'<row r="{row_idx}"{height}>']
        epoch = self.ws.parent.epoch
        texts = self._texts
        for letter, (value, style, _) in zip(_letters(len(row)), row):
            if value is None and not style:
                continue
            if isinstance(value, str):  # inline text, never a formula
                # a text cell after its reference is the same wherever the text and look repeat
                # (marks, names, dates, times): rendered once per sheet
                rest = texts.get((value, style))
                if rest is None:
                    rest = _text_xml(style, value)
                    if len(value) <= _SHORT_TEXT:
                        texts[(value, style)] = rest
                parts.append(f'<c r="{letter}{row_idx}{rest}')
            else:
                parts.append(_cell_xml(f"{letter}{row_idx}", style, value, epoch))
        parts.append("</row>")
        raw("".join(parts))


def plan_title(name: str, ja: str, en: str) -> str:
    """A sheet's title: the plan's name and what the sheet is (`2027年2月 配置表`), or the name alone when it
    says that already (a plan named `2月 勤務表` had printed `2月 勤務表 勤務表`)."""
    word = t(ja, en)
    return name if word.casefold() in name.casefold() else f"{name} {word}"


def text_sink(xf: Any) -> Any:
    """et_xmlfile's raw text writer of the sheet stream, or None (lxml) to use openpyxl's cells."""
    return getattr(xf, "_file", None)


_LETTERS: list[str] = []
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _letters(count: int) -> list[str]:
    """Column letters A, B, … for at least `count` columns (cached)."""
    while len(_LETTERS) < count:
        _LETTERS.append(get_column_letter(len(_LETTERS) + 1))
    return _LETTERS


_SHORT_TEXT = 64  # texts up to this long are rendered once per sheet (messages rarely repeat)


def _text_xml(style: str, value: str) -> str:
    """A text `<c>` element after its reference (`"…</c>`): inline text, escaped, its white
    space kept where it starts or ends with some (what str.strip() would take off)."""
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    if "&" in value or "<" in value or ">" in value:
        value = value.translate(_ESCAPES)
    return f'"{style} t="inlineStr"><is><t{space}>{value}</t></is></c>'


def _cell_xml(ref: str, style: str, value: Any, epoch: Any) -> str:
    """One non-text `<c>` element: empty, boolean, number or date/time (as an Excel serial)."""
    if value is None:
        return f'<c r="{ref}"{style}/>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{style} t="n"><v>{value!r}</v></c>'
    if isinstance(value, (date, datetime, time, timedelta)):
        return f'<c r="{ref}"{style} t="n"><v>{to_excel(value, epoch)!r}</v></c>'
    raise TypeError(f"cannot write {type(value).__name__} to a cell")


class SheetWriter:
    """Appends rows of values with a look to one fresh sheet of a write-only workbook.

    Strings are always stored as text: `=SUM(A1)`, `+81…`, `-`, `@x` stay exactly what they
    are and are never evaluated as formulas.
    """

    def __init__(self, workbook: Workbook, title: str, widths: Sequence[float] = (), freeze: str | None = None):
        self.ws = _Sheet(parent=workbook, title=title)
        workbook._add_sheet(self.ws)  # create_sheet cannot make our subclass
        # views and sheet properties stream out with the first row, so set them now: every
        # sheet prints one page wide (the page count down is free)
        self.ws.freeze_panes = freeze
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self._styles = _style_cache(workbook)
        self.rows = 0
        for index, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def cell(self, value: Any, look: Look = BODY) -> Out:
        """`value` (text, number, bool, date/time or None) with `look`, ready to be placed in a row."""
        style = self._styles.get(look)
        if style is None:
            style = self._styles[look] = _register(self.ws, look)
        if isinstance(value, str):
            value = safe_text(value) or None  # an empty text is an empty cell
        return Out((value, style[0], style[1]))

    def append(self, values: Iterable[Any], look: Look | None = BODY, height: float | None = None) -> int:
        """Write one row; `Out` values keep their own look, others get `look` (None: PLAIN).

        Returns the row's number.
        """
        self.rows += 1
        chosen = PLAIN if look is None else look
        row = _Row(v if isinstance(v, Out) else self.cell(v, chosen) for v in values)
        row.height = height
        self.ws.append(row)
        return self.rows

    def title(self, text: str, span: int, subtitle: str = "") -> None:
        """A title row (merged across `span` columns) and an optional subtitle row."""
        self.append([self.cell(text, TITLE)], height=24)
        if span > 1:
            self.ws.merged_cells.add(f"A{self.rows}:{get_column_letter(span)}{self.rows}")
        if subtitle:
            self.append([self.cell(subtitle, SUBTITLE)])
            if span > 1:
                self.ws.merged_cells.add(f"A{self.rows}:{get_column_letter(span)}{self.rows}")

    def header(self, names: Sequence[Any], required: Sequence[bool] = ()) -> int:
        """A header row; required columns a shade darker. Returns its row number."""
        looks = [HEADER.but(fill=REQUIRED_FILL) if i < len(required) and required[i] else HEADER
                 for i in range(len(names))]
        return self.append([n if isinstance(n, Out) else self.cell(n, lk) for n, lk in zip(names, looks)], height=30)

    def print_setup(self, *, landscape: bool, paper: int = PAPER_A4, title_rows: str | None = None,
                    title_cols: str | None = None, pages_wide: int = 1, footer: str | None = None) -> None:
        """Print-ready: paper and orientation, margins, page numbers, repeated header rows (and
        columns), scaled to `pages_wide` pages across; `footer` at each page's foot, left (the
        title rows print on the first pages only)."""
        self.ws.page_setup.fitToWidth = pages_wide
        self.ws.page_setup.orientation = "landscape" if landscape else "portrait"
        self.ws.page_setup.paperSize = paper
        self.ws.print_options.horizontalCentered = True
        self.ws.page_margins.left = self.ws.page_margins.right = 0.4
        self.ws.page_margins.top = self.ws.page_margins.bottom = 0.5
        # the header and footer within those margins: at openpyxl's footer of 0.5 (the bottom margin itself)
        # LibreOffice gave the footer no height, and no page number was ever printed through `haichi pdf`
        self.ws.page_margins.header = self.ws.page_margins.footer = 0.2
        self.ws.oddFooter.center.text = "&P / &N"  # page x of y
        self.ws.oddFooter.center.size = 8
        if footer:
            self.ws.oddFooter.left.text = footer.replace("&", "&&")  # `&` starts a field code
            self.ws.oddFooter.left.size = 8
        if title_rows:
            self.ws.print_title_rows = title_rows
        if title_cols:
            self.ws.print_title_cols = title_cols


# Deflate level of the workbooks `save` writes. zlib's default (6) spent 0.85 s compressing the
# 52 MiB of XML of a 500-staff × 365-day roster workbook into 3.5 MiB; level 1 took 0.17 s for 4.4 MiB.
DEFLATE_LEVEL = 1


def save(workbook: Workbook, path: Path | str) -> None:
    """Write the workbook to `path` as openpyxl's `Workbook.save` does, deflating at DEFLATE_LEVEL."""
    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=DEFLATE_LEVEL)
    workbook.properties.modified = datetime.now(tz=timezone.utc).replace(tzinfo=None)
    ExcelWriter(workbook, archive).save()  # closes the archive


def _style_cache(workbook: Workbook) -> dict[Look, tuple[str, Any]]:
    # one cache per workbook: style ids index into that workbook's style tables
    cache = getattr(workbook, "_haichi_styles", None)
    if cache is None:
        cache = {}
        workbook._haichi_styles = cache  # type: ignore[attr-defined]
    return cache


def _register(ws: WriteOnlyWorksheet, look: Look) -> tuple[str, Any]:
    """Register `look` in the workbook once: its cell-style attribute and openpyxl style array."""
    proto = WriteOnlyCell(ws)
    apply_look(proto, look)
    return (f' s="{proto.style_id}"' if proto.style_id else ""), proto._style
