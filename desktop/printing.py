"""Printing the master roster (dates down, sites across, who works each session), with a preview.

The roster is laid out for the printer it goes to, page by page: each page is a table of whole
days under the column headings (a day's row is never cut across two pages), names never break
inside, and every page carries its number. The preview lays the pages out again whenever its page
setup changes (landscape or portrait, another paper).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from desktop.views.roster_grid import WORD_JOINER, day_label
from models.domain import Problem, Roster, time_range
from models.excel.sheets_master import GridColumn, grid_columns, role_labels, site_order
from models.holidays import holiday_name

FONT_POINTS = 8
DATE_COLUMN_PERCENT = 7
# Height kept free on each page beyond the measured rows: the table's borders and the frame margin.
PAGE_SLACK = 0.02


def unbreakable(text: str) -> str:
    """`text` that a line never breaks inside (its spaces no-break spaces)."""
    return WORD_JOINER.join(text.replace(" ", "\u00a0"))


def unbreakable_label(label: str) -> str:
    """A name, and the role after it (`加藤 遥（リーダー）`), each unbreakable, a line free to break
    between them: a label too long for a narrow column broke inside リーダー."""
    for opening in ("（", " ("):
        name, found, role = label.partition(opening)
        if found:
            return unbreakable(name) + unbreakable(opening.strip() + role)
    return unbreakable(label)


@dataclass(frozen=True)
class MasterRoster:
    """The master roster's pieces as HTML: the heading above the table, the header row, and one
    row per day with sessions."""

    heading: str
    header: str
    rows: list[tuple[date, str]]

    def html(self, pages: list[list[str]] | None = None) -> str:
        """The document: one table per page (`pages`: the rows of each), each page after the first
        starting on a new sheet of paper; one table for every row when `pages` is None."""
        chunks = pages if pages is not None else [[row for _, row in self.rows]]
        tables = []
        for index, rows in enumerate(chunks):
            style = ' style="page-break-before: always"' if index else ""
            tables.append(f"<table border='1' cellspacing='0' cellpadding='3' width='100%'{style}>"
                          f"<thead>{self.header}</thead><tbody>{''.join(rows)}</tbody></table>")
        return (f"<html><body style='font-size:{FONT_POINTS}pt'>{self.heading}"
                f"{''.join(tables)}</body></html>")


def master_roster(problem: Problem, roster: Roster) -> MasterRoster:
    labels = role_labels(problem, roster)  # names with the role each fills (小児科医)
    who: dict[str, list[str]] = defaultdict(list)
    for a in roster.assignments:
        who[a.requirement_id].append(labels[(a.staff_id, a.requirement_id)] + ("◆" if a.locked else ""))
    # the 配置表 sheet's columns (a ward's shifts a column each), or one per site when they are too many
    columns = grid_columns(problem) or [GridColumn(site) for site in site_order(problem)]
    by_day_column: dict[tuple, list] = defaultdict(list)
    for r in sorted(problem.requirements, key=lambda r: (r.date, r.start)):
        by_day_column[(r.date, next(i for i, c in enumerate(columns) if c.holds(r)))].append(r)
    days = sorted({r.date for r in problem.requirements})
    translate = QCoreApplication.translate
    nobody = translate("Printing", "unfilled")
    date_heading = translate("Printing", "Date")
    width = (100 - DATE_COLUMN_PERCENT) / max(1, len(columns))
    header = (f"<tr><th width='{DATE_COLUMN_PERCENT}%'>{escape(date_heading)}</th>"
              + "".join(f"<th width='{width:.2f}%'>{escape(c.title()).replace(chr(10), '<br>')}</th>" for c in columns)
              + "</tr>")
    rows = []
    for day in days:
        shade = ' style="background:#fde8e8"' if holiday_name(day) else (' style="background:#eef2f7"' if day.weekday() >= 5 else "")
        cells = []
        for column in range(len(columns)):
            parts = []
            for r in by_day_column.get((day, column), []):
                # a break may follow each 、 but never comes inside a name nor before its 、
                people = "、".join(escape(unbreakable_label(n)) + WORD_JOINER for n in sorted(who.get(r.id, [])))
                people = people or f'<span style="color:#b91c1c">{escape(nobody)}</span>'
                short = len(who.get(r.id, [])) < r.min_staff
                mark = ' style="color:#b91c1c"' if short else ""
                times = unbreakable(time_range(r.start, r.end, "–"))
                parts.append(f"<b>{escape(r.activity)}</b> {times}<br><span{mark}>{people}</span>")
            cells.append("<td>" + "<br>".join(parts) + "</td>")
        rows.append((day, f"<tr{shade}><th>{escape(unbreakable(day_label(day)))}</th>{''.join(cells)}</tr>"))
    title = escape(translate("Printing", "Master roster: %1").replace("%1", problem.name))
    period = f"{problem.start.isoformat()} – {problem.end.isoformat()}"
    return MasterRoster(f"<h3>{title}</h3><p>{period}</p>", header, rows)


def master_roster_html(problem: Problem, roster: Roster) -> str:
    """The master roster as one HTML table: one row per date with sessions, one column per site."""
    return master_roster(problem, roster).html()


def _row_tops(document: QTextDocument) -> tuple[list[float], float]:
    """The top of each row of the document's first table (the header row first) and the table's
    bottom, in the document's units."""
    layout = document.documentLayout()
    table = next(frame for frame in document.rootFrame().childFrames() if hasattr(frame, "cellAt"))
    tops = []
    for row in range(table.rows()):
        tops.append(min(layout.blockBoundingRect(table.cellAt(row, column).firstCursorPosition().block()).top()
                        for column in range(table.columns())))
    return tops, layout.frameBoundingRect(table).bottom()


def paginate(heading_and_header: float, header: float, heights: list[float], page: float) -> list[int]:
    """How many rows go on each page: whole rows, as many as fit under the header row (and, on
    the first page, the heading above it); a row taller than a page has a page of its own."""
    counts: list[int] = []
    used, count = heading_and_header, 0
    for height in heights:
        if count and used + height > page:
            counts.append(count)
            used, count = header, 0
        used += height
        count += 1
    if count or not counts:
        counts.append(count)
    return counts


def paged_document(problem: Problem, roster: Roster, printer: QPrinter, footer: float = 0.0) -> QTextDocument:
    """The master roster laid out on the printer's pages (`footer` device pixels left free at the
    bottom of each), a day's row never cut between two pages."""
    roster_html = master_roster(problem, roster)
    page = QSizeF(printer.width(), printer.height() - footer)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)
    document.setDefaultFont(QFont(document.defaultFont().family(), FONT_POINTS))
    document.setHtml(roster_html.html())
    document.setTextWidth(page.width())
    tops, bottom = _row_tops(document)
    edges = tops[1:] + [bottom]
    heights = [b - a for a, b in zip(edges, edges[1:])]
    usable = page.height() * (1 - PAGE_SLACK)
    counts = paginate(edges[0], edges[0] - tops[0], heights, usable)
    rows = [row for _, row in roster_html.rows]
    pages, start = [], 0
    for count in counts:
        pages.append(rows[start:start + count])
        start += count
    document.setHtml(roster_html.html(pages))
    document.setPageSize(page)
    return document


def print_master_roster(problem: Problem, roster: Roster, printer: QPrinter) -> int:
    """Print the master roster on `printer`, page numbers at the foot; the number of pages."""
    font = QFont(QFont().family(), FONT_POINTS)
    metrics = QFontMetricsF(font, printer)
    footer = metrics.height() * 2
    document = paged_document(problem, roster, printer, footer)
    page = document.pageSize()
    count = document.pageCount()
    painter = QPainter(printer)
    try:
        for index in range(count):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
            painter.restore()
            painter.setFont(font)
            painter.drawText(QRectF(0, page.height(), page.width(), footer),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, f"{index + 1} / {count}")
    finally:
        painter.end()
    return count


def landscape_printer() -> QPrinter:
    """An A4 landscape printer with 10 mm margins (the master roster is wide)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                      QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
    return printer


def preview_dialog(problem: Problem, roster: Roster, parent=None) -> QPrintPreviewDialog:
    """A print preview of the master roster (call exec() to show it)."""
    printer = landscape_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print preview — master roster"))
    dialog.paintRequested.connect(lambda target: print_master_roster(problem, roster, target))
    dialog.printer = printer  # the dialog does not own it: keep it alive
    return dialog
