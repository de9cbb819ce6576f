"""A manager's comparison of two rosters in the window (配置 ▸ 配置表を比較): the roster before the last
solve, the saved versions and the window's own, scored under the rules as set now, and who moved."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.dialogs.compare_dialog import BEFORE_SOLVE, CURRENT, CompareDialog, figures
from desktop.main_window import MainWindow
from models.changes import change_report
from models.domain import Roster
from models.storage import Database
from models.storage.solutions import PUBLISHED
from solver.evaluate import evaluate

WAIT = 60000


def _figures_shown(dialog: CompareDialog) -> dict[str, tuple[str, str, str]]:
    return {dialog.table.item(r, 0).text(): tuple(dialog.table.item(r, c).text() for c in (1, 2, 3))
            for r in range(dialog.table.rowCount())}


def _idle(w: MainWindow) -> bool:
    return not w.is_busy() and not w.plan.is_evaluating()


@pytest.fixture
def window(qtbot, settings, tmp_path: Path, sample_plan):
    settings.setValue("solve/workers", 1)
    db = Database(str(tmp_path / "plans.db"))
    db.save_problem("1月", sample_plan.problem)
    db.save_solution("1月", sample_plan.witness, status=PUBLISHED)  # version 1
    db.save_solution("1月", Roster(sample_plan.witness.assignments[5:]))  # version 2, a draft five short
    db.close()
    w = MainWindow(database_url=str(tmp_path / "plans.db"), settings=settings, background_evaluation=False)
    qtbot.addWidget(w)
    w.set_problem(sample_plan.problem, sample_plan.witness, "1月")
    yield w
    w.close()


def test_the_roster_before_a_solve_is_compared_with_the_new_one(qtbot, window: MainWindow, sample_plan) -> None:
    w = window
    first = w.compare_box()  # nothing solved yet: saved versions against the window's
    assert first is not None
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first._task is None, timeout=WAIT)
    w.start_solve(time_limit=5)
    qtbot.waitUntil(lambda: _idle(w), timeout=WAIT)
    assert w.last_result is not None and w.last_result.roster is not None
    assert w.before_solve is not None and w.before_solve.pairs() == sample_plan.witness.pairs()
    dialog = w.compare_box()
    assert dialog is not None and w.actions_.compare.isEnabled()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.shown is not None and dialog._task is None, timeout=WAIT)
    assert dialog.first.currentData() == BEFORE_SOLVE and dialog.second.currentData() == CURRENT
    before, after = evaluate(w.problem, sample_plan.witness), evaluate(w.problem, w.plan.roster)
    shown = _figures_shown(dialog)
    diff = after.objective - before.objective
    assert shown["Objective (lower is better)"] == (str(before.objective), str(after.objective),
                                                    f"{diff:+d}" if diff else "0")
    lines = change_report(w.problem, sample_plan.witness, w.plan.roster)
    assert dialog.changes.toPlainText() == "\n".join(lines)
    dialog.close()


def test_saved_versions_are_read_and_compared_under_the_rules_now(qtbot, window: MainWindow, sample_plan) -> None:
    w = window
    dialog = w.compare_box()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.shown is not None and dialog._task is None, timeout=WAIT)
    versions = [dialog.first.itemData(i) for i in range(dialog.first.count())]
    assert versions == [CURRENT, 2, 1]  # newest saved first, below the window's own; nothing solved yet
    assert "published" in dialog.first.itemText(2) and "draft" in dialog.first.itemText(1)
    dialog.choose(1, 2)
    qtbot.waitUntil(lambda: dialog._task is None and dialog.table.horizontalHeaderItem(1).text().startswith(
        "Version 1"), timeout=WAIT)
    qtbot.waitUntil(lambda: dialog._task is None, timeout=WAIT)
    short = Roster(sample_plan.witness.assignments[5:])
    a, b = figures(w.problem, sample_plan.witness), figures(w.problem, short)
    shown = _figures_shown(dialog)
    assert shown["Assignments"] == (str(a.assignments), str(b.assignments), "-5")
    assert shown["Sessions short of people"] == (str(a.short), str(b.short), f"{b.short - a.short:+d}")
    assert b.short > a.short and b.hard > 0
    assert any(label.strip().startswith("cost of") for label in shown)
    assert len(dialog.changes.toPlainText().splitlines()) == 6  # five taken off, and the count
    dialog.close()


def test_with_nothing_saved_nor_solved_the_box_says_so(qtbot, settings, tmp_path: Path, sample_plan) -> None:
    w = MainWindow(database_url=None, settings=settings, background_evaluation=False)
    qtbot.addWidget(w)
    w.set_problem(sample_plan.problem, sample_plan.witness)
    dialog = w.compare_box()
    qtbot.addWidget(dialog)
    assert dialog is not None and not dialog.first.isEnabled()
    assert dialog.status.text().startswith("There is nothing to compare yet")
    dialog.close()
    w.close()
