"""A coordinator's whole month in the window: import the sample → solve → edit → undo → lock →
re-solve keeping the locks → save → export, checking the exported workbook."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop.main_window import MainWindow
from desktop.views.roster_grid import LOCK, LOCKED_ROLE
from models.storage import Database
from tests.desktop.conftest import SAMPLE

WAIT = 60000


@pytest.fixture
def window(qtbot, settings, tmp_path: Path):
    settings.setValue("solve/workers", 1)
    w = MainWindow(database_url=str(tmp_path / "plans.db"), settings=settings)
    qtbot.addWidget(w)
    yield w
    w.close()


def _idle(w: MainWindow) -> bool:
    return not w.is_busy() and not w.plan.is_evaluating()


def test_import_solve_edit_undo_lock_resolve_export(qtbot, window: MainWindow, tmp_path: Path) -> None:
    w = window
    w.open_workbooks([SAMPLE])
    qtbot.waitUntil(lambda: w.problem is not None and _idle(w), timeout=WAIT)
    assert len(w.problem.staff) == 45 and w.roster_model.columnCount() == 31
    qtbot.waitUntil(lambda: _idle(w) and "saved" in w.status.text(), timeout=WAIT)  # imported into a plan

    w.start_solve(time_limit=10)
    assert w.is_busy() and w.actions_.cancel.isEnabled()
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    assert w.last_result is not None and w.last_result.roster is not None, w.status.text()
    assert w.plan.has_roster() and not w.plan.evaluation.hard_violations
    assert w.solve_progress.points, "the chart received the solver's progress"
    solved = {(a.staff_id, a.requirement_id) for a in w.plan.roster.assignments}

    # edit through the grid: drop someone's session onto a colleague who is free that day
    model, view = w.roster_model, w.roster_view
    a = w.plan.roster.assignments[0]
    day = w.problem.requirement(a.requirement_id).date
    column = (day - w.problem.start).days
    free_row = next(r for r in range(model.rowCount()) if not model.sessions_at(r, column))
    assert view.drop_session(a.staff_id, a.requirement_id, free_row, column)
    moved_to = model.staff_at(free_row).id
    assert w.plan.assignment(moved_to, a.requirement_id) is not None
    assert w.undo_view.stack().count() == 2  # solve, move
    w.actions_.undo.trigger()
    assert {(x.staff_id, x.requirement_id) for x in w.plan.roster.assignments} == solved
    w.actions_.redo.trigger()
    w.actions_.undo.trigger()

    # lock three assignments from the context menu's selection and re-solve around them
    pins = [(x.staff_id, x.requirement_id) for x in w.plan.roster.assignments[:3]]
    w.editor.lock(pins)
    cell = model.cell_of(pins[0][0], w.problem.requirement(pins[0][1]).date)
    assert model.data(cell, LOCKED_ROLE) or LOCK in model.data(cell)
    w.start_solve(time_limit=5)
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    assert all(w.plan.assignment(*p) is not None and w.plan.assignment(*p).locked for p in pins)

    w.save_plan()
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    db = Database(w.database_url)
    version, stored = db.latest_solution(w.plan.plan_name)
    assert {(x.staff_id, x.requirement_id) for x in stored.assignments if x.locked} == set(pins)
    db.close()

    out = tmp_path / "roster.xlsx"
    w.export_to(out)
    qtbot.waitUntil(lambda: _idle(w) and out.exists(), timeout=WAIT)
    sheet = openpyxl.load_workbook(out, read_only=True)["Assignments"]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert list(header) == ["date", "site", "activity", "start", "end", "staff_id", "staff_name", "locked"]
    assert len(body) == len(w.plan.roster.assignments)
    locked_rows = {(r[5], r[0], r[1], r[2], r[3]) for r in body if r[7] in (True, "TRUE")}
    expected = set()
    for staff_id, req_id in pins:
        req = w.problem.requirement(req_id)
        expected.add((staff_id, req.date.isoformat(), req.site, req.activity, f"{req.start // 60:02d}:{req.start % 60:02d}"))
    assert locked_rows == expected

    folder = tmp_path / "people"
    w.export_personal(folder)
    qtbot.waitUntil(lambda: _idle(w) and folder.exists() and any(folder.iterdir()), timeout=WAIT)
    assert len(list(folder.glob("*.xlsx"))) >= len({x.staff_id for x in w.plan.roster.assignments})


def test_cancel_keeps_the_best_roster_and_the_window_responds(qtbot, window: MainWindow) -> None:
    w = window
    w.open_workbooks([SAMPLE])
    qtbot.waitUntil(lambda: w.problem is not None and _idle(w), timeout=WAIT)
    w.start_solve(time_limit=60)
    qtbot.waitUntil(lambda: bool(w.solve_progress.points), timeout=WAIT)
    w.actions_.cancel.trigger()
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    assert w.last_result.cancelled and w.last_result.roster is not None
    assert w.plan.has_roster()


def test_cancel_pressed_while_the_model_is_built_stops_the_solve(qtbot, window: MainWindow, sample_plan,
                                                                 monkeypatch) -> None:
    """Cancel before the worker had built the solver was lost (nothing to stop yet): the solve ran
    its whole time limit, and closing the window waited for it. The grid waits during a solve."""
    import solver.core

    built = solver.core.solver_for

    def slow(problem, options):  # a big plan's model takes seconds to build
        time.sleep(0.5)
        return built(problem, options)

    monkeypatch.setattr(solver.core, "solver_for", slow)
    w = window
    w.set_problem(sample_plan.problem)
    w.start_solve(time_limit=600)
    assert w.actions_.cancel.isEnabled() and not w.roster_view.isEnabled()
    w.actions_.cancel.trigger()
    qtbot.waitUntil(lambda: _idle(w), timeout=20000)
    assert w.last_result.roster is None and w.status.text() == "Solve cancelled before a first roster was found."
    assert w.roster_view.isEnabled() and not w.actions_.cancel.isEnabled()


def test_menu_offers_assign_swap_and_lock(qtbot, window: MainWindow, sample_plan) -> None:
    w = window
    w.set_problem(sample_plan.problem, sample_plan.witness)
    model = w.roster_model
    a = w.plan.roster.assignments[0]
    index = model.cell_of(a.staff_id, w.problem.requirement(a.requirement_id).date)
    menu = w.roster_view.build_menu(index.row(), index.column())
    texts = [x.text() for x in menu.actions()]
    assert "Assign to" in texts and "Swap with" in texts and "Lock" in texts
    unassign = next(x for x in menu.actions() if x.text().startswith("Unassign from"))
    unassign.trigger()
    assert w.plan.assignment(a.staff_id, a.requirement_id) is None
    w.undo_stack.undo()
    assert w.plan.assignment(a.staff_id, a.requirement_id) is not None


def test_someone_falling_ill_is_marked_cannot_work_from_the_grid(qtbot, window: MainWindow, sample_plan) -> None:
    """Availability could only change by collecting forms or importing again (which lost the roster)."""
    from models.domain import Mark

    w = window
    w.set_problem(sample_plan.problem, sample_plan.witness)
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    a = w.plan.roster.assignments[0]
    day = w.problem.requirement(a.requirement_id).date
    index = w.roster_model.cell_of(a.staff_id, day)
    menu = w.roster_view.build_menu(index.row(), index.column())
    marks = next(x.menu() for x in menu.actions() if x.text() == "Availability")
    assert [x.isChecked() for x in marks.actions()[:5]] == [m is w.problem.mark(a.staff_id, day) for m in
                                                        (Mark.AVAILABLE, Mark.PREFER_NOT, Mark.UNAVAILABLE,
                                                         Mark.AM_ONLY, Mark.PM_ONLY)]
    next(x for x in marks.actions() if x.text().startswith("×")).trigger()
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    assert w.problem.mark(a.staff_id, day) is Mark.UNAVAILABLE
    assert w.plan.assignment(a.staff_id, a.requirement_id) is not None  # kept, and now a broken rule
    assert any(v.rule_id == "availability" and v.staff_id == a.staff_id for v in w.plan.evaluation.hard_violations)
    w.undo_stack.undo()
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    assert w.problem.mark(a.staff_id, day) is not Mark.UNAVAILABLE


def test_the_hours_someone_is_free_are_set_from_the_grid(qtbot, monkeypatch, window: MainWindow, sample_plan) -> None:
    """A helper rings: on that day only from 15:00. The hours asked for are set with the day's mark (an
    unreadable answer is asked again), the morning session placed before now breaks the rule; undo restores."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    w = window
    w.set_problem(sample_plan.problem, sample_plan.witness)
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    a = next(x for x in w.plan.roster.assignments if w.problem.requirement(x.requirement_id).start < 15 * 60)
    day = w.problem.requirement(a.requirement_id).date
    answers = iter([("夕方", True), ("15時から", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: next(answers))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    index = w.roster_model.cell_of(a.staff_id, day)
    marks = next(x.menu() for x in w.roster_view.build_menu(index.row(), index.column()).actions()
                 if x.text() == "Availability")
    next(x for x in marks.actions() if x.text().startswith("Hours free")).trigger()
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    assert warned == ["Not hours: 夕方"]
    assert w.problem.windows[(a.staff_id, day)] == (900, None) and w.problem.mark(a.staff_id, day).can_work
    assert any(v.rule_id == "availability" and v.staff_id == a.staff_id for v in w.plan.evaluation.hard_violations)
    assert w.roster_model.data(w.roster_model.cell_of(a.staff_id, day)) is not None
    marks = next(x.menu() for x in w.roster_view.build_menu(index.row(), index.column()).actions()
                 if x.text() == "Availability")
    assert any(x.isChecked() and x.text().endswith("15:00〜") for x in marks.actions())
    w.undo_stack.undo()
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    assert (a.staff_id, day) not in w.problem.windows


def _edited_plan(qtbot, monkeypatch, w: MainWindow, answers: list[str]) -> tuple[str, str]:
    """The sample imported and saved, then one session handed to someone else by hand (unsaved);
    the unsaved-changes question answered from `answers` in turn. The moved (staff, session)."""
    from desktop.plan_files import PlanFiles

    w.open_workbooks([SAMPLE])
    qtbot.waitUntil(lambda: w.problem is not None and _idle(w) and "saved" in w.status.text(), timeout=WAIT)
    asked = iter(answers)
    monkeypatch.setattr(PlanFiles, "ask_about_changes", lambda window: next(asked))
    requirement = w.problem.requirements[0]
    who = next(s.id for s in w.problem.active_staff() if w.problem.mark(s.id, requirement.date).can_work)
    w.editor.assign(who, requirement.id)
    assert not w.undo_stack.isClean() and w.windowTitle().endswith("*")
    return who, requirement.id


def test_closing_with_unsaved_edits_asks_and_keeps_them_when_told(qtbot, monkeypatch, window: MainWindow) -> None:
    """Cancel keeps the window open; Save stores the edit, then closes; nothing is lost unasked."""
    w = window
    w.show()
    who, requirement_id = _edited_plan(qtbot, monkeypatch, w, ["cancel", "save"])
    assert not w.close() and w.isVisible() and not w.undo_stack.isClean()  # cancelled
    w.close()  # saved, then closed
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=WAIT)
    assert w.undo_stack.isClean()
    db = Database(w.database_url)
    _version, stored = db.latest_solution(w.plan.plan_name)
    assert (who, requirement_id) in {(a.staff_id, a.requirement_id) for a in stored.assignments}
    db.close()


def test_opening_another_plan_with_unsaved_edits_asks_first(qtbot, monkeypatch, window: MainWindow) -> None:
    w = window
    who, requirement_id = _edited_plan(qtbot, monkeypatch, w, ["cancel", "discard"])
    name = w.plan.plan_name
    other = Database(w.database_url)
    other.save_problem("another plan", w.problem.with_(name="another plan"))
    other.close()
    w.plan_picker.addItem("another plan")
    w.open_plan("another plan")  # cancelled: the edited plan stays, its name in the picker
    assert w.plan.plan_name == name and w.plan.assignment(who, requirement_id) is not None
    assert w.plan_picker.currentText() == name and not w.is_busy()
    w.open_plan("another plan")  # the edit dropped
    qtbot.waitUntil(lambda: _idle(w) and w.plan.plan_name == "another plan", timeout=WAIT)
    assert w.undo_stack.isClean()


def _next_month(january, days: int = 28, name: str = "2027年2月 歯科健診"):
    """January's plan moved on by four weeks, as a coordinator copies last month's workbook."""
    from dataclasses import replace
    from datetime import timedelta

    from models.domain import Requirement

    later = timedelta(days=days)
    sessions = [replace(r, id=Requirement.make_id(r.date + later, r.site, r.activity, r.start), date=r.date + later)
                for r in january.requirements]
    marks = {(s, d + later): m for (s, d), m in january.availability.items()}
    return january.with_(name=name, start=january.start + later, end=january.start + later + timedelta(days=27),
                         requirements=[r for r in sessions if r.date.month == 2], availability=marks)


def test_february_carries_in_januarys_published_roster(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """The second month: February's import carries in January's published roster before it is
    solved (it did only once the plan was opened again from the database), the plan bar names the
    plan and version, and the annual pay cap holds over both months."""
    from desktop import operations
    from models.excel.template import write_template
    from solver.rules import CATALOGUE

    w = window
    w.open_workbooks([SAMPLE])
    qtbot.waitUntil(lambda: w.problem is not None and _idle(w) and "saved" in w.status.text(), timeout=WAIT)
    assert w.carried.text().strip() == "History: none" and "Nothing carried in" in w.carried.toolTip()
    w.start_solve(time_limit=10)
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    w.save_plan()
    qtbot.waitUntil(lambda: _idle(w) and w.undo_stack.isClean(), timeout=WAIT)
    january, january_roster = w.problem, w.plan.roster
    with Database(w.database_url) as db:
        db.publish(january.name, 1)

    february_book = tmp_path / "february.xlsx"
    write_template(february_book, date(2027, 2, 1), date(2027, 2, 28), CATALOGUE,
                   _next_month(operations.import_workbooks([SAMPLE])))
    w.open_workbooks([february_book])
    qtbot.waitUntil(lambda: _idle(w) and w.problem.start == date(2027, 2, 1) and "saved" in w.status.text(),
                    timeout=WAIT)
    assert [(s.plan, s.version, s.published) for s in w.problem.history_sources] == [(january.name, 1, True)]
    assert w.carried.text().strip() == f"History: {january.name} v1" and "published" in w.carried.toolTip()
    # cover made soft: January's roster spends the year's pay caps as it spends them, and whether February can
    # still staff its 妊婦指導 sessions depends on it (one January left 2/27's two at once to one person, and no
    # roster keeps every rule). The caps must hold either way; a place left short is said as one.
    w.start_solve(time_limit=30, soft_cover=True)
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    assert w.plan.has_roster()
    assert {v.rule_id for v in w.plan.evaluation.hard_violations} <= {"cover_min", "required_skills"}

    paid = {}
    for problem, roster in ((january, january_roster), (w.problem, w.plan.roster)):
        for a in roster.assignments:
            paid[a.staff_id] = paid.get(a.staff_id, 0) + problem.requirement(a.requirement_id).minutes
    for person in w.problem.staff:
        if person.annual_pay_cap is not None:
            assert person.hourly_rate * paid.get(person.id, 0) <= 60 * (person.annual_pay_cap - person.paid_this_year)
    year = {s.staff_id: s.year_count for s in w.stats_model.rows}
    assert sum(year.values()) == len(january_roster.assignments) + len(w.plan.roster.assignments)
    headers = [w.stats_model.headerData(c, Qt.Orientation.Horizontal) for c in range(w.stats_model.columnCount())]
    row = next(i for i, s in enumerate(w.stats_model.rows) if s.staff_id == "H020")
    assert w.stats_model.data(w.stats_model.index(row, headers.index("Year\nsessions"))) == str(year["H020"])


def test_a_save_the_database_refuses_is_said_in_words(qtbot, window: MainWindow) -> None:
    """Next month's workbook imported under last month's plan name: the refusal is shown as the
    storage layer words it (what to change), not as an 'Error: OtherPeriod' in the status bar."""
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from models.storage.errors import OtherPeriod

    refusal = OtherPeriod("2027年1月", (date(2027, 1, 1), date(2027, 1, 31)), (date(2027, 2, 1), date(2027, 2, 28)), 1)
    window._failed(refusal)
    assert window.status.text().startswith("Not saved: ") and "2027-02-01" in window.status.text()
    assert "OtherPeriod" not in window.status.text()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and str(refusal) in boxes[-1].text()
    for box in boxes:
        box.close()


def test_no_roster_says_why_in_the_message_and_a_soft_cover_roster_gives_no_second_score(
        qtbot, window: MainWindow, monkeypatch) -> None:
    """The reason no roster exists was only under the message's details, and a roster with cover
    made soft was reported with its own objective beside the summary's different one."""
    from dataclasses import replace

    from desktop import operations, solve_actions
    from models.domain import Roster

    w = window
    problem = operations.import_workbooks([SAMPLE])
    reqs = list(problem.requirements)
    reqs[3] = replace(reqs[3], required_skills=(("歯科医", 1),))  # a skill nobody on the staff sheet has
    w.set_problem(problem.with_(requirements=reqs), Roster())
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    shown = []
    monkeypatch.setattr(solve_actions, "show_box", shown.append)
    w.start_solve(time_limit=20)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    text = shown[0].informativeText()
    assert "歯科医" in text and ("人数不足を許して作成" in text or "cover made soft" in text)

    w.start_solve(time_limit=20, soft_cover=True)
    qtbot.waitUntil(lambda: _idle(w) and w.plan.has_roster(), timeout=WAIT)
    assert w.plan.evaluation.hard_violations  # the open place
    assert str(w.last_result.objective) not in w.status.text().split("：")[-1].split(":")[-1]
    assert "必須ルール違反" in w.status.text() or "broken hard rules" in w.status.text()


def test_importing_the_workbook_again_keeps_the_roster_and_the_rules_set_in_the_window(
        qtbot, window: MainWindow) -> None:
    """Late availability changes: the coordinator imports the month's workbook again. The grid went
    blank and the manager's rule settings were dropped without a word."""
    from models.domain import RuleSetting

    w = window
    w.open_workbooks([SAMPLE])
    qtbot.waitUntil(lambda: w.problem is not None and _idle(w) and "saved" in w.status.text(), timeout=WAIT)
    w.start_solve(time_limit=10)
    qtbot.waitUntil(lambda: _idle(w) and w.plan.has_roster(), timeout=WAIT)
    limit = RuleSetting(enabled=True, hard=True, weight=100, params={"max_consecutive_days": 2})
    w.editor.put_input(w.problem.with_(rules={**w.problem.rules, "max_consecutive_days": limit}), "rules")
    w.save_plan()
    qtbot.waitUntil(lambda: _idle(w) and "saved" in w.status.text(), timeout=WAIT)
    solved = {(a.staff_id, a.requirement_id) for a in w.plan.roster.assignments}

    w.open_workbooks([SAMPLE])
    qtbot.waitUntil(lambda: _idle(w) and "imported again" in w.status.text() and "saved" in w.status.text(),
                    timeout=WAIT)
    assert {(a.staff_id, a.requirement_id) for a in w.plan.roster.assignments} == solved
    assert w.problem.rules["max_consecutive_days"].params["max_consecutive_days"] == 2
    assert "Maximum consecutive" in w.status.text()
    db = Database(w.database_url)
    assert db.load_problem(w.plan.plan_name).rules["max_consecutive_days"].params["max_consecutive_days"] == 2
    assert len(db.list_solutions(w.plan.plan_name)) == 1  # the save's; the import added none
    db.close()


def test_double_clicking_a_sessions_own_violation_goes_to_its_row(qtbot, window: MainWindow, sample_plan) -> None:
    """Too few staff names no person: double-clicking it did nothing and no cell was outlined."""
    from models.domain import Roster

    w = window
    w.set_problem(sample_plan.problem, Roster(list(sample_plan.witness.assignments)))
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    a = w.plan.roster.assignments[0]
    w.editor.unassign(a.staff_id, a.requirement_id)
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    model = w.violations_model
    row = next(r for r in range(model.rowCount()) if (v := model.data(model.index(r, 0), Qt.ItemDataRole.UserRole))
               .staff_id is None and v.requirement_id == a.requirement_id)
    w.problems_view.doubleClicked.emit(model.index(row, 0))
    assert w.tabs.currentWidget() is w.sessions_view
    [chosen] = {i.row() for i in w.sessions_view.selectionModel().selectedIndexes()}
    assert w.sessions_model.requirement_at(chosen).id == a.requirement_id


def test_publishing_from_the_window_freezes_the_roster_on_screen(qtbot, window: MainWindow, monkeypatch) -> None:
    """The coordinator publishes: only `haichi publish` could, and every save made another draft."""
    from PySide6.QtWidgets import QMessageBox

    from desktop import plan_files

    w = window
    w.open_workbooks([SAMPLE])
    qtbot.waitUntil(lambda: w.problem is not None and _idle(w) and "saved" in w.status.text(), timeout=WAIT)
    assert not w.actions_.publish.isEnabled()  # no roster yet
    w.start_solve(time_limit=10)
    qtbot.waitUntil(lambda: _idle(w) and w.plan.has_roster(), timeout=WAIT)
    asked = []
    monkeypatch.setattr(plan_files, "run_modal", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Ok)
    assert w.actions_.publish.isEnabled()
    w.actions_.publish.trigger()
    qtbot.waitUntil(lambda: _idle(w) and "published" in w.status.text(), timeout=WAIT)
    assert asked and w.undo_stack.isClean()
    db = Database(w.database_url)
    [only] = db.list_solutions(w.plan.plan_name)
    assert only.status == "published" and only.assignments == len(w.plan.roster.assignments)
    w.save_plan()  # nothing changed since: no second copy
    qtbot.waitUntil(lambda: _idle(w) and "saved" in w.status.text(), timeout=WAIT)
    w.actions_.publish.trigger()
    qtbot.waitUntil(lambda: _idle(w) and "already" in w.status.text(), timeout=WAIT)
    assert len(db.list_solutions(w.plan.plan_name)) == 1
    # a hand edit after publishing is saved as a new draft; the published version stays as it was
    a = w.plan.roster.assignments[0]
    w.editor.unassign(a.staff_id, a.requirement_id)
    w.save_plan()
    qtbot.waitUntil(lambda: _idle(w) and "Roster version 2" in w.status.text(), timeout=WAIT)
    assert [s.status for s in db.list_solutions(w.plan.plan_name)] == ["published", "draft"]
    db.close()


def test_no_roster_in_time_shows_what_the_best_partial_roster_left_short(window: MainWindow, monkeypatch) -> None:
    """A month too tight to solve in time said only that the time ran out."""
    from desktop import solve_actions
    from solver.core import SolveResult

    shown = []
    monkeypatch.setattr(solve_actions, "show_box", shown.append)
    reasons = ["No roster keeping every hard rule was found in time (more time may find one); "
               "the best roster with cover made soft falls short here:",
               "3/5 中央 夜間 16:30-20:00: needs 1 staff with skill 司書; 0 placed."]
    window._solved(SolveResult("unknown", None, None, None, None, 60.0, False, explanation=reasons))
    [box] = shown
    assert "夜間" in box.informativeText() and "time limit" in box.text()
