"""What a ward's workbook sets beyond the basics is shown and edited on the desktop too: each
person's limits per activity (the 職員 sheet's 内容別上限) in the staff editor, and the forbidden
successions (設定's 禁止する勤務の並び) in the rules dialog; both undoable and saved with the plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.dialogs.input_editor import InputEditor
from desktop.dialogs.rules_dialog import RulesDialog
from desktop.main_window import MainWindow
from models.domain import Problem


def _limits_cell(dialog: InputEditor, row: int):
    model = dialog.staff.model
    return model.index(row, [c.field for c in model.columns].index("max_per_activity"))


def test_staff_editor_shows_and_edits_the_limits_per_activity(qtbot, ward: Problem) -> None:
    dialog = InputEditor(ward)
    qtbot.addWidget(dialog)
    model = dialog.staff.model
    cell = _limits_cell(dialog, 0)
    assert model.headerData(cell.column(), Qt.Orientation.Horizontal) == "Limits per activity"
    assert model.data(cell) == "準夜+深夜:8", "written as the 職員 sheet's cell is"
    assert model.setData(cell, "準夜 + 深夜：6、日勤:20")
    assert model.setData(_limits_cell(dialog, 1), "深夜:0")
    assert model.data(cell) == "準夜+深夜:6、日勤:20"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    staff = dialog.result_problem().staff
    assert [s.max_per_activity for s in staff] == [(("準夜+深夜", 6), ("日勤", 20)), (("深夜", 0),), ()]
    assert model.setData(cell, "")
    assert dialog.result_problem().staff[0].max_per_activity == ()


def test_a_limit_that_cannot_be_read_is_refused_and_said(qtbot, ward: Problem) -> None:
    dialog = InputEditor(ward)
    qtbot.addWidget(dialog)
    model, cell = dialog.staff.model, _limits_cell(dialog, 0)
    assert not model.setData(cell, "準夜+深夜"), "a limit needs its count"
    assert model.data(cell) == "準夜+深夜:8", "the cell keeps its value"
    assert dialog.result_problem().staff[0].max_per_activity == (("準夜+深夜", 8),)
    assert "Limits per activity" in dialog.message.text() and "準夜+深夜:8、日勤:20" in dialog.message.text()
    assert model.setData(cell, "準夜+深夜:7")
    assert dialog.message.text() == "", "a good entry clears the refusal"


def test_a_limit_naming_an_activity_no_session_has_is_flagged(qtbot, ward: Problem) -> None:
    dialog = InputEditor(ward)
    qtbot.addWidget(dialog)
    model, cell = dialog.staff.model, _limits_cell(dialog, 0)
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is None
    assert model.setData(cell, "準夜+深液:8")  # a typo would cap nothing
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert "深液" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "深液" in dialog.message.text()
    model.setData(cell, "準夜+深夜:8")
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is None and dialog.problems() == []


def test_rules_dialog_edits_the_forbidden_successions(qtbot, ward: Problem) -> None:
    dialog = RulesDialog(ward)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.successions.isVisible(), "only the forbidden-successions rule lists the pairs"
    dialog.select_rule("forbidden_successions")
    assert dialog.successions.isVisible() and not dialog.overrides_box.isVisible()
    box = dialog.successions
    assert box.activities == ["日勤", "準夜", "深夜"], "the plan's shifts in rotation order"
    assert box.pairs() == {("準夜", "日勤")}
    box.add_pair()
    box.choice(1, 0).setCurrentText("深夜")
    box.choice(1, 1).setCurrentText("日勤")
    box.add_pair("日勤", "深夜")
    box.table.setCurrentCell(2, 0)
    box.remove_pair()
    assert dialog.result_problem().forbidden_successions == {("準夜", "日勤"), ("深夜", "日勤")}
    assert dialog.result_problem().rules == dialog.settings()
    assert not box.none_yet.isVisible()
    while box.table.rowCount():
        box.table.setCurrentCell(0, 0)
        box.remove_pair()
    assert box.none_yet.isVisible() and dialog.forbidden_successions() == frozenset()


def test_the_edits_are_undoable_and_saved_with_the_plan(qtbot, monkeypatch, settings, tmp_path: Path,
                                                        ward: Problem) -> None:
    from models.storage import Database

    window = MainWindow(database_url=str(tmp_path / "plans.db"), settings=settings, background_evaluation=False)
    qtbot.addWidget(window)
    window.set_problem(ward, None, ward.name)

    def edit_limits(dialog: InputEditor) -> QDialog.DialogCode:
        dialog.staff.model.setData(_limits_cell(dialog, 1), "準夜+深夜:4")
        return QDialog.DialogCode.Accepted

    def edit_pairs(dialog: RulesDialog) -> QDialog.DialogCode:
        dialog.successions.add_pair("深夜", "日勤")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(InputEditor, "exec", edit_limits)
    monkeypatch.setattr(RulesDialog, "exec", edit_pairs)
    window.edit_input()
    window.edit_rules()
    assert window.plan.problem.staff[1].max_per_activity == (("準夜+深夜", 4),)
    assert window.plan.problem.forbidden_successions == {("準夜", "日勤"), ("深夜", "日勤")}
    window.undo_stack.undo()
    assert window.plan.problem.forbidden_successions == {("準夜", "日勤")}
    window.undo_stack.redo()
    window.save_plan()
    qtbot.waitUntil(lambda: window.undo_stack.isClean(), timeout=30000)
    saved = Database(tmp_path / "plans.db").load_problem(ward.name)
    assert saved.forbidden_successions == {("準夜", "日勤"), ("深夜", "日勤")}
    assert [s.max_per_activity for s in saved.staff] == [(("準夜+深夜", 8),), (("準夜+深夜", 4),), ()]
    window.close()
