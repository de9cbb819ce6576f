"""Printing, the solve chart, recent lists, names shown whole, and `haichi-desktop --screenshot`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.main_window import MainWindow
from desktop.printing import FONT_POINTS, WORD_JOINER, landscape_printer, master_roster_html, paged_document, preview_dialog, \
    print_master_roster, unbreakable
from desktop.recent import LIMIT, RecentList
from desktop.views.roster_view import whole_words
from desktop.views.solve_progress import SolveProgress, tick_step
from solver.core import Progress
from tests.desktop.conftest import ROOT, SAMPLE


def test_master_roster_lists_every_session_with_its_people(qtbot, sample_plan) -> None:
    problem, roster = sample_plan.problem, sample_plan.witness
    html = master_roster_html(problem, roster)
    a = roster.assignments[0]
    assert unbreakable(problem.staff_by_id(a.staff_id).name) in html
    assert all(s.name in html for s in problem.sites)
    assert html.count("<tr") == len({r.date for r in problem.requirements}) + 1
    dialog = preview_dialog(problem, roster)
    qtbot.addWidget(dialog)
    assert dialog.printer.pageLayout().orientation().name == "Landscape"


def test_master_roster_gives_a_wards_shifts_a_column_each() -> None:
    """As the 配置表 sheet: one site with 日勤 and 準夜 every day prints a column per shift."""
    from datetime import date

    from models.domain import Assignment, Problem, Requirement, Roster, Site, Staff

    day = date(2027, 2, 1)
    shifts = [Requirement(Requirement.make_id(day, "5東", name, start), day, "5東", name, start, end, 1)
              for name, start, end in (("日勤", 510, 1020), ("準夜", 990, 1500))]
    problem = Problem("5東", day, day, [Staff("N01", "佐藤 美咲")], [Site("5東")], shifts)
    roster = Roster([Assignment("N01", shifts[1].id)])
    html = master_roster_html(problem, roster)
    assert "<th width='46.50%'>5東<br>日勤</th><th width='46.50%'>5東<br>準夜</th>" in html
    assert html.index("準夜</b>") > html.index("</td><td>")  # in the second column


def test_master_roster_pages_hold_whole_days_under_the_headings(qtbot, sample_plan, tmp_path: Path) -> None:
    """Each printed page is a table of whole days under the site headings, numbered at its foot;
    names and times never break inside."""
    from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout
    from PySide6.QtPrintSupport import QPrinter

    problem, roster = sample_plan.problem, sample_plan.witness
    assert unbreakable("松本 理恵") == WORD_JOINER.join("松本\u00a0理恵")
    for orientation in (QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait):
        printer = landscape_printer()
        printer.setPageOrientation(orientation)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"{orientation.name}.pdf"))
        font = QFont(QFont().family(), FONT_POINTS)
        footer = QFontMetricsF(font, printer).height() * 2  # the page numbers' room, as printing leaves it
        document = paged_document(problem, roster, printer, footer)
        height = document.pageSize().height()
        tables = [f for f in document.rootFrame().childFrames() if hasattr(f, "cellAt")]
        assert len(tables) == document.pageCount() > 1
        days = sum(table.rows() - 1 for table in tables)
        assert days == len({r.date for r in problem.requirements})
        layout = document.documentLayout()
        for page, table in enumerate(tables):
            box = layout.frameBoundingRect(table)
            assert int(box.top() // height) == int((box.bottom() - 1) // height) == page
            heading = table.cellAt(0, 1).firstCursorPosition().block().text()
            assert heading == problem.sites[0].name  # the header row on every page
        assert print_master_roster(problem, roster, printer) == len(tables)
        assert (tmp_path / f"{orientation.name}.pdf").read_bytes().startswith(b"%PDF")


def test_solve_chart_plots_objective_and_bound(qtbot) -> None:
    chart = SolveProgress()
    qtbot.addWidget(chart)
    chart.start()
    assert chart.cancel.isEnabled()
    for i, (obj, bound) in enumerate([(90, 10), (60, 30), (50, 45)]):
        chart.add(Progress(obj, bound, (obj - bound) / obj, i + 1.0, i + 1))
    assert chart.objective.count() == 3 and chart.bound.count() == 3
    assert chart.bound.isVisible()
    assert chart.y_axis.min() <= 10 and chart.y_axis.max() >= 90
    assert "50" in chart.figures.text()
    chart.finish("done")
    assert not chart.cancel.isEnabled()


def test_solve_chart_without_a_bound_draws_no_bound_line(qtbot) -> None:
    """A plan solved in parts reports no bound: the chart shows none, not a line at 0 and a 100 % gap."""
    chart = SolveProgress()
    qtbot.addWidget(chart)
    chart.start()
    for i, obj in enumerate([900, 600, 500]):
        chart.add(Progress(obj, None, None, i + 1.0, i + 1))
    assert chart.objective.count() == 3 and chart.bound.count() == 0
    assert not chart.bound.isVisible()  # nor its legend entry
    assert chart.y_axis.min() > 0  # scaled to the objective alone
    assert "500" in chart.figures.text() and "%" not in chart.figures.text()


def test_solve_chart_ticks_fall_on_whole_numbers_its_labels_show(qtbot) -> None:
    """Five even ticks over 0-5 s fell on 1.25 and 2.5, labelled 1 and 3 (and 3 and 8 on 0-10)."""
    assert [tick_step(span) for span in (5, 10, 0.5, 23, 180, 4000)] == [1, 2, 1, 5, 50, 1000]
    chart = SolveProgress()
    qtbot.addWidget(chart)
    chart.start()
    for points in ([], [Progress(301, 120, 0.6, 3.2, 1), Progress(296, 130, 0.56, 7.9, 2)]):
        for p in points:
            chart.add(p)
        for axis in (chart.x_axis, chart.y_axis):
            assert axis.tickType() == QValueAxis.TickType.TicksDynamic and axis.tickAnchor() == 0
            step = axis.tickInterval()
            assert step >= 1 and step == int(step) and (axis.max() - axis.min()) / step <= 10


def test_another_plan_opened_clears_the_last_plans_solve_chart(qtbot, settings, sample_plan, ward) -> None:
    """The chart and its figures stayed from the plan solved before (評価値 57278 beside the new
    plan's 180 in the status bar)."""
    w = MainWindow(settings=settings, background_evaluation=False)
    qtbot.addWidget(w)
    w.set_problem(sample_plan.problem, sample_plan.witness)
    w.solve_progress.start()
    w.solve_progress.add(Progress(301, 120, 0.6, 1.0, 1))
    w.solve_progress.finish("Roster ready (feasible): objective 301, 1.0 s")
    w.set_problem(ward)
    chart = w.solve_progress
    assert not chart.points and chart.objective.count() == 0 and chart.figures.text() == "Not solving."


def window_at_a_single_session(qtbot, settings, sample_plan) -> tuple[MainWindow, int, int]:
    """The window showing the sample's roster, and the row and column of a cell of one session."""
    w = MainWindow(settings=settings, background_evaluation=False)
    qtbot.addWidget(w)
    w.show()
    w.set_problem(sample_plan.problem, sample_plan.witness, sample_plan.problem.name)
    model = w.roster_model
    row, column = next((r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                       if len(model.sessions_at(r, c)) == 1)
    return w, row, column


def cell_option(view, row: int, column: int) -> QStyleOptionViewItem:
    """The style option the grid's delegate paints a cell with (its text as drawn)."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(view.model().index(row, column))
    view.itemDelegate().initStyleOption(option, view.model().index(row, column))
    return option


def test_names_show_whole_in_the_grid_the_statistics_and_the_plan_picker(qtbot, settings, sample_plan) -> None:
    """Japanese text breaks between any two characters: a cell showed 北保健センター 口 / 腔機能教室;
    the statistics' English headings squeezed the names to 長谷…; the picker cut the plan's name."""
    assert whole_words("北 口腔 1/4", lambda word: len(word) < 3) == f"北 口{WORD_JOINER}腔 1/4"
    w, row, column = window_at_a_single_session(qtbot, settings, sample_plan)
    view, model = w.roster_view, w.roster_model
    option = cell_option(view, row, column)
    site, activity = model.data(model.index(row, column)).split(" ")
    assert option.text == f"{WORD_JOINER.join(site)} {WORD_JOINER.join(activity)}", "a line breaks at the space"
    stats = w.stats_view
    assert stats.columnWidth(0) >= stats.sizeHintForColumn(0)
    picker = w.plan_picker
    assert picker.width() > picker.fontMetrics().horizontalAdvance(sample_plan.problem.name)
    w.undo_stack.setClean()


def test_a_row_grows_to_show_every_session_of_a_cell_and_shrinks_back(qtbot, settings, sample_plan) -> None:
    """A home-visit nurse's day of visits, or a morning and an afternoon session: the grid's fixed
    rows cut every session after the first off."""
    w, row, column = window_at_a_single_session(qtbot, settings, sample_plan)
    view, model = w.roster_view, w.roster_model
    staff, day = model.staff_at(row), model.day_at(column)
    single = view.rowHeight(row)
    assert all(view.rowHeight(r) == single for r in range(model.rowCount())
               if all(len(model.sessions_at(r, c)) <= 1 for c in range(model.columnCount())))
    others = [r for r in sample_plan.problem.requirements
              if r.date == day and r.id not in {m.id for m in model.sessions_at(row, column)}][:2]
    for other in others:
        w.editor.assign(staff.id, other.id)
    assert len(model.sessions_at(row, column)) == 3
    text = model.data(model.index(row, column))
    option = cell_option(view, row, column)
    needed = view.fontMetrics().boundingRect(option.rect.adjusted(4, 0, -4, 0), Qt.TextFlag.TextWordWrap,
                                             option.text).height()
    assert text.count("\n") == 2 and view.rowHeight(row) >= needed > single
    w.undo_stack.undo()
    w.undo_stack.undo()
    assert view.rowHeight(row) == single
    w.undo_stack.setClean()


def test_recent_list_keeps_newest_first_without_repeats(settings) -> None:
    recent = RecentList(settings, "recent/files")
    for name in ["a", "b", "a", *[str(i) for i in range(LIMIT + 2)]]:
        recent.add(name)
    entries = recent.entries()
    assert entries[0] == str(LIMIT + 1) and len(entries) == LIMIT and len(set(entries)) == LIMIT


def test_haichi_desktop_renders_a_workbook_to_png(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, "-m", "desktop.app", str(SAMPLE), "--db", str(tmp_path / "p.db"), "--lang", "en",
         "--screenshot", str(shot), "--timings"], cwd=ROOT, capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() > 400 and image.height() > 300
    # --timings: the empty window, then the imported plan, then the idle window (plan saved)
    stamps = [line.split("\t") for line in result.stderr.splitlines() if line.count("\t") == 1]
    assert [label for label, _ in stamps] == ["window", "plan", "idle"]
    times = [float(stamp) for _, stamp in stamps]
    assert times == sorted(times)
    # the plan was saved before the window went idle
    from models.storage import Database

    with Database(tmp_path / "p.db") as db:
        assert len(db.list_plans()) == 1
