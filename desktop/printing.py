"""Printing the master roster (dates down, sites across, who works each session), with a preview."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from desktop.views.roster_grid import day_label
from models.domain import Problem, Roster, hhmm
from models.holidays import holiday_name


def master_roster_html(problem: Problem, roster: Roster) -> str:
    """The master roster as an HTML table: one row per date with sessions, one column per site."""
    names = {s.id: s.name for s in problem.staff}
    who: dict[str, list[str]] = defaultdict(list)
    for a in roster.assignments:
        who[a.requirement_id].append(names.get(a.staff_id, a.staff_id) + ("◆" if a.locked else ""))
    sites = [s.name for s in problem.sites] + sorted({r.site for r in problem.requirements} - {s.name for s in problem.sites})
    by_day_site: dict[tuple, list] = defaultdict(list)
    for r in sorted(problem.requirements, key=lambda r: (r.date, r.start)):
        by_day_site[(r.date, r.site)].append(r)
    days = sorted({r.date for r in problem.requirements})
    translate = QCoreApplication.translate
    date_header = translate("Printing", "Date")
    nobody = translate("Printing", "unfilled")
    head = "".join(f"<th>{escape(s)}</th>" for s in sites)
    rows = []
    for day in days:
        shade = ' style="background:#fde8e8"' if holiday_name(day) else (' style="background:#eef2f7"' if day.weekday() >= 5 else "")
        cells = []
        for site in sites:
            parts = []
            for r in by_day_site.get((day, site), []):
                people = "、".join(sorted(who.get(r.id, []))) or f'<span style="color:#b91c1c">{escape(nobody)}</span>'
                short = len(who.get(r.id, [])) < r.min_staff
                mark = ' style="color:#b91c1c"' if short else ""
                parts.append(f"<b>{escape(r.activity)}</b> {hhmm(r.start)}–{hhmm(r.end)}<br><span{mark}>{people}</span>")
            cells.append("<td>" + "<br>".join(parts) + "</td>")
        rows.append(f"<tr{shade}><th>{escape(day_label(day))}</th>{''.join(cells)}</tr>")
    title = escape(translate("Printing", "Master roster: %1").replace("%1", problem.name))
    period = f"{problem.start.isoformat()} – {problem.end.isoformat()}"
    return (
        "<html><body style='font-size:8pt'>"
        f"<h3>{title}</h3><p>{period}</p>"
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
        f"<thead><tr><th>{escape(date_header)}</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</body></html>"
    )


def master_roster_document(problem: Problem, roster: Roster) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(master_roster_html(problem, roster))
    return document


def landscape_printer() -> QPrinter:
    """An A4 landscape printer with 10 mm margins (the master roster is wide)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                      QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
    return printer


def preview_dialog(problem: Problem, roster: Roster, parent=None) -> QPrintPreviewDialog:
    """A print preview of the master roster (call exec() to show it)."""
    printer = landscape_printer()
    document = master_roster_document(problem, roster)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print preview — master roster"))
    dialog.paintRequested.connect(document.print_)
    dialog.document, dialog.printer = document, printer  # the dialog does not own them: keep them alive
    return dialog
