"""Who could take a session, from the window: the Sessions tab's and the grid's context menus open the
candidates (solver.suggest's list), and placing one is one undoable edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.dialogs.suggest_dialog import SuggestDialog
from desktop.main_window import MainWindow
from models.domain import Roster
from solver.suggest import suggest

WAIT = 60000


@pytest.fixture
def window(qtbot, settings, tmp_path: Path, sample_plan):
    w = MainWindow(database_url=str(tmp_path / "plans.db"), settings=settings, background_evaluation=False)
    qtbot.addWidget(w)
    w.set_problem(sample_plan.problem, sample_plan.witness)
    yield w
    w.close()


def _shown(qtbot, dialog: SuggestDialog) -> None:
    qtbot.waitUntil(lambda: dialog._task is None, timeout=WAIT)


def test_a_short_session_lists_its_candidates_and_places_one(qtbot, window: MainWindow) -> None:
    w = window
    a = w.plan.roster.assignments[0]
    short = Roster([x for x in w.plan.roster.assignments if x != a])  # its session one short now
    w.editor.put_roster(short, "test")
    dialog = SuggestDialog(w.editor, a.requirement_id, parent=w)
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    expected = suggest(w.problem, short, a.requirement_id, limit=20)
    assert [s.staff_id for s in dialog.found] == [s.staff_id for s in expected] and expected
    assert dialog.table.rowCount() == len(expected)
    assert dialog.table.item(0, 0).text() == expected[0].name
    assert dialog.table.item(0, 1).text() == f"{expected[0].cost:+d}"
    assert dialog.place_button.isEnabled() and dialog.windowTitle().startswith("Who could take")
    steps = w.undo_stack.count()
    dialog.place()
    assert w.plan.assignment(expected[0].staff_id, a.requirement_id) is not None
    assert w.undo_stack.count() == steps + 1
    w.undo_stack.undo()
    assert w.plan.assignment(expected[0].staff_id, a.requirement_id) is None


def test_someones_place_is_taken_by_a_move_and_everyone_can_be_listed(qtbot, window: MainWindow) -> None:
    w = window
    a = w.plan.roster.assignments[0]
    dialog = SuggestDialog(w.editor, a.requirement_id, replacing=a.staff_id, parent=w)
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    some = len(dialog.found)
    assert a.staff_id not in {s.staff_id for s in dialog.found}
    dialog.everyone.setChecked(True)  # people breaking a hard rule too, in red, after the others
    _shown(qtbot, dialog)
    assert len(dialog.found) >= some and any(s.breaks_hard_rule for s in dialog.found)
    first = next(i for i, s in enumerate(dialog.found) if not s.breaks_hard_rule)
    chosen = dialog.found[first]
    dialog.table.selectRow(first)
    dialog.place()
    assert w.plan.assignment(a.staff_id, a.requirement_id) is None
    assert w.plan.assignment(chosen.staff_id, a.requirement_id) is not None
    w.undo_stack.undo()  # the move is one step
    assert w.plan.assignment(a.staff_id, a.requirement_id) is not None
    assert w.plan.assignment(chosen.staff_id, a.requirement_id) is None


def test_the_menus_offer_the_candidates(qtbot, window: MainWindow, monkeypatch) -> None:
    w = window
    opened: list[tuple[str, str | None]] = []
    monkeypatch.setattr(type(w.roster_view), "show_candidates",
                        lambda view, req_id, replacing=None: opened.append((req_id, replacing)))
    a = w.plan.roster.assignments[0]
    index = w.roster_model.cell_of(a.staff_id, w.problem.requirement(a.requirement_id).date)
    grid = w.roster_view.build_menu(index.row(), index.column())
    next(x for x in grid.actions() if x.text().startswith("Who could take this place")).trigger()
    assert opened == [(a.requirement_id, a.staff_id)]

    row = w.sessions_model.row_of(a.requirement_id)
    menu = w.session_menu(row)
    texts = [x.text() for x in menu.actions()]
    placed = w.plan.staff_on(a.requirement_id)
    assert texts[0] == "Who could take it…" and len(texts) == 1 + len(placed)
    menu.actions()[0].trigger()
    next(x for x in menu.actions() if w.problem.staff_by_id(a.staff_id).name in x.text()).trigger()
    assert opened[1:] == [(a.requirement_id, None), (a.requirement_id, a.staff_id)]


def test_a_place_no_holder_of_its_skill_can_take_is_said_above_the_list(qtbot, settings, tmp_path: Path) -> None:
    """A check-up's pediatrician cancels and the other one is away that day: listing everyone, the box says
    above the list that nobody holding 小児科医 can go without breaking a hard rule; for a hygienist's place
    it says nothing."""
    from tests.solver.factories import MONDAY, check_up_team, problem, session
    from models.domain import Mark, RuleSetting

    check_up = session(min_staff=3, required_skills=(("小児科医", 1),))
    staff = check_up_team()
    p = problem(staff, [check_up], availability={("D2", MONDAY): Mark.UNAVAILABLE},
                rules={"load_spread": RuleSetting(enabled=False)})
    w = MainWindow(database_url=str(tmp_path / "plans.db"), settings=settings, background_evaluation=False)
    qtbot.addWidget(w)
    w.set_problem(p, Roster.from_pairs([("D1", check_up.id), ("H2", check_up.id), ("J1", check_up.id)]))
    dialog = SuggestDialog(w.editor, check_up.id, replacing="D1", parent=w)
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    assert dialog.found == [] and dialog.note.isHidden()
    assert dialog.status.text().startswith("Nobody can take it without breaking a hard rule")
    dialog.everyone.setChecked(True)
    _shown(qtbot, dialog)
    assert not dialog.note.isHidden() and "小児科医" in dialog.note.text()
    assert [s.staff_id for s in dialog.found][:1] == ["D2"]
    hygienist = SuggestDialog(w.editor, check_up.id, replacing="H2", parent=w)
    qtbot.addWidget(hygienist)
    _shown(qtbot, hygienist)
    assert hygienist.note.isHidden() and hygienist.found
    w.close()
