"""The rules dialog is generated from the catalogue; the import wizard refuses workbooks with errors."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from desktop.dialogs.import_wizard import ImportWizard
from desktop.dialogs.input_editor import InputEditor
from desktop.dialogs.rules_dialog import RulesDialog
from models.rulemeta import Param, RuleInfo
from solver.rules import CATALOGUE
from tests.desktop.conftest import SAMPLE


def test_rules_dialog_has_one_row_per_rule_and_returns_the_edits(qtbot, sample_plan) -> None:
    dialog = RulesDialog(sample_plan.problem)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(CATALOGUE)
    assert [dialog.table.item(r, 1).text() for r in range(len(CATALOGUE))] == [i.title_en for i in CATALOGUE]
    dialog.widget("max_per_week", 0).setChecked(False)
    dialog.widget("cover_min", 2).setCurrentIndex(1)  # soft
    dialog.widget("prefer_not", 3).setValue(7)
    settings = dialog.settings()
    assert settings["max_per_week"].enabled is False
    assert settings["cover_min"].hard is False
    assert settings["prefer_not"].weight == 7
    assert not dialog.widget("load_spread", 2).isEnabled(), "a purely soft rule offers no hard form"


def test_rules_dialog_edits_parameters_and_per_staff_overrides(qtbot, sample_plan) -> None:
    dialog = RulesDialog(sample_plan.problem)
    qtbot.addWidget(dialog)
    rule = next(i for i in CATALOGUE if any(p.type is int for p in i.params))
    param = next(p for p in rule.params if p.type is int)
    dialog.select_rule(rule.id)
    editor = dialog.params_form.itemAt(0, dialog.params_form.ItemRole.FieldRole).widget()
    editor.setValue(int(param.minimum or 0) + 3)
    staff_id = sample_plan.problem.staff[0].id
    dialog.add_override(staff_id, **{param.name: 2})
    settings = dialog.settings()
    assert settings[rule.id].params[param.name] == int(param.minimum or 0) + 3
    assert settings[rule.id].staff_overrides == {staff_id: {param.name: 2}}
    # typing into the overrides table is parsed with the parameter's own type
    dialog.overrides.item(0, 1).setText("5")
    assert dialog.settings()[rule.id].staff_overrides[staff_id][param.name] == 5
    dialog.overrides.item(0, 1).setText("lots")
    assert param.name not in dialog.settings()[rule.id].staff_overrides.get(staff_id, {})


def test_a_new_rule_appears_without_dialog_code(qtbot, sample_plan) -> None:
    new = RuleInfo("lunch_break", "昼休み", "Lunch break", hard_default=False, weight_default=3,
                   params=(Param("minutes", int, 45, "分", "Minutes", minimum=0, maximum=120),))
    dialog = RulesDialog(sample_plan.problem, catalogue=[*CATALOGUE, new])
    qtbot.addWidget(dialog)
    dialog.select_rule("lunch_break")
    assert dialog.table.item(dialog.row_of("lunch_break"), 1).text() == "Lunch break"
    assert dialog.settings()["lunch_break"].params == {"minutes": 45}
    assert dialog.widget("lunch_break", 3).value() == 3


def test_import_wizard_previews_the_sample(qtbot) -> None:
    wizard = ImportWizard([SAMPLE])
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.files_page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.preview_page.is_reading(), timeout=30000)
    assert wizard.preview_page.isComplete()
    assert wizard.problem is not None and len(wizard.problem.staff) == 45
    assert wizard.preview_page.table.rowCount() == len(wizard.problem.requirements)


def test_import_wizard_lists_every_problem_with_sheet_and_cell(qtbot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    sheet = next(ws for ws in book.worksheets if ws.title in ("勤務可否", "Availability"))
    cells = [c for row in sheet.iter_rows(min_row=1, max_row=20) for c in row
             if isinstance(c.value, str) and c.value.strip() in ("○", "×", "△")][:2]
    for c in cells:
        c.value = "?"
    book.save(broken)
    wizard = ImportWizard([broken])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.preview_page.is_reading(), timeout=30000)
    page = wizard.preview_page
    assert not page.isComplete() and wizard.problem is None
    rows = {(page.table.item(r, 1).text(), page.table.item(r, 2).text()) for r in range(page.table.rowCount())}
    assert {(sheet.title, c.coordinate) for c in cells} <= rows


def test_input_editor_returns_edited_input_and_refuses_duplicates(qtbot, sample_plan) -> None:
    dialog = InputEditor(sample_plan.problem)
    qtbot.addWidget(dialog)
    model = dialog.staff.model
    name_col = [c.field for c in model.columns].index("name")
    model.setData(model.index(0, name_col), "新しい名前")
    assert dialog.problems() == []
    assert dialog.result_problem().staff[0].name == "新しい名前"
    model.setData(model.index(1, 0), model.records[0].id)
    assert dialog.problems() and model.records[0].id in dialog.problems()[0]
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert Qt.ItemFlag.ItemIsEditable & model.flags(model.index(0, 0))


def test_settings_choose_the_plan_database_and_test_it(qtbot, settings, tmp_path) -> None:
    from desktop.dialogs.settings_dialog import SettingsDialog, database_location
    from models.storage import Database

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    existing = tmp_path / "team.sqlite3"
    Database(existing).close()
    dialog.database.setText(str(existing))
    dialog.test_database()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30000)
    assert dialog.last_test is True
    dialog.database.setText("postgresql+psycopg://nobody@127.0.0.1:1/haichi?connect_timeout=2")
    dialog.test_database()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30000)
    assert dialog.last_test is False and dialog.test_result.text()
    dialog.database.setText(str(existing))
    dialog.accept()
    assert database_location(settings) == str(existing)
