"""The rules dialog is generated from the catalogue; the import wizard refuses workbooks with errors."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from desktop.dialogs.import_wizard import ImportWizard
from desktop.dialogs.input_editor import InputEditor
from desktop.dialogs.rules_dialog import RulesDialog
from models.domain import RuleSetting
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



def test_a_setting_the_settings_sheet_gave_is_the_managers_once_changed_here(qtbot, sample_plan) -> None:
    """from_sheet: a rule the 設定 sheet gave goes back to its default when an import's 設定 no longer names
    it, unless the rules dialog changed it since; one left as it was stays the sheet's."""
    given = {rule_id: RuleSetting(True, True, 100, from_sheet=True) for rule_id in ("max_per_week", "max_per_month")}
    dialog = RulesDialog(sample_plan.problem.with_(rules={**sample_plan.problem.rules, **given}))
    qtbot.addWidget(dialog)
    dialog.widget("max_per_week", 3).setValue(7)
    settings = dialog.settings()
    assert not settings["max_per_week"].from_sheet and settings["max_per_month"].from_sheet
    assert not settings["prefer_not"].from_sheet  # never the sheet's


def test_rules_dialog_says_who_has_their_own_value_from_the_staff_sheet(qtbot, sample_plan) -> None:
    """Seven people of the sample have 連続勤務上限 3 on 職員, which comes before the rule's parameter:
    a manager set 2 and saw 3 days in a row with nothing on the page saying why."""
    dialog = RulesDialog(sample_plan.problem)
    qtbot.addWidget(dialog)
    own = [s for s in sample_plan.problem.staff if s.max_consecutive_days is not None]
    dialog.select_rule("max_consecutive_days")
    text = dialog.own_values.text()
    assert not dialog.own_values.isHidden() and f"{len(own)} person(s)" in text and own[0].name in text
    dialog.select_rule("cover_min")  # no per-person values
    assert dialog.own_values.isHidden()


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


def test_every_rule_opens_with_its_parameters_and_plan_wide_ones_have_no_per_staff_column(qtbot, sample_plan) -> None:
    """Selecting the annual pay cap raised OverflowError (its 10^10 yen maximum in a QSpinBox) and
    left its page half built; the year it starts in is one value for the plan."""
    dialog = RulesDialog(sample_plan.problem)
    qtbot.addWidget(dialog)
    for info in CATALOGUE:
        dialog.select_rule(info.id)
        assert dialog.params_form.rowCount() == max(1, len(info.params)), info.id
    dialog.select_rule("pay_cap")
    heads = [dialog.overrides.horizontalHeaderItem(c).text() for c in range(dialog.overrides.columnCount())]
    assert heads == ["Staff", "annual pay cap (yen)", "hourly rate (yen)"]


def test_time_bands_are_typed_as_a_line_and_marked_red_until_they_read(qtbot, sample_plan) -> None:
    """時間帯の最低人数's 基準: a nursery's 配置基準 typed in the dialog; text that does not read is red."""
    dialog = RulesDialog(sample_plan.problem)
    qtbot.addWidget(dialog)
    dialog.select_rule("band_cover")
    line = dialog.params_form.itemAt(0, dialog.params_form.ItemRole.FieldRole).widget()
    line.setText("7:00-8:30 2（保育士:1）、18:00-19:00 2")
    assert dialog.settings()["band_cover"].params["bands"] == "7:00-8:30 2（保育士:1）、18:00-19:00 2"
    assert line.styleSheet() == "" and line.toolTip() == ""
    line.setText("朝は2人")
    assert "b91c1c" in line.styleSheet() and line.toolTip()


def test_numbers_past_a_spin_box_s_32_bits_open_and_keep_their_value(qtbot, sample_plan) -> None:
    """A pay cap of 10^10 yen (the parameter's maximum, read from the 設定 sheet) or a limit without
    a maximum set to 10^12 raised OverflowError when its rule was selected; they show and stay."""
    problem = sample_plan.problem.with_(rules={
        "pay_cap": RuleSetting(params={"annual_pay_cap": 10**10}),
        "max_per_day": RuleSetting(params={"max_per_day": 10**12}),
    })
    dialog = RulesDialog(problem)
    qtbot.addWidget(dialog)
    for rule, name, value in (("pay_cap", "annual_pay_cap", 10**10), ("max_per_day", "max_per_day", 10**12)):
        dialog.select_rule(rule)
        editor = dialog.params_form.itemAt(0, dialog.params_form.ItemRole.FieldRole).widget()
        assert editor.value() == value and editor.text().replace(",", "") == str(value)
        editor.setValue(value - 1)
        assert dialog.settings()[rule].params[name] == value - 1
        assert type(dialog.settings()[rule].params[name]) is int
    dialog.select_rule("pay_cap")
    hourly = dialog.params_form.itemAt(1, dialog.params_form.ItemRole.FieldRole).widget()
    assert hourly.text() == "not set", "an hourly rate is no limit: a parameter without default is not set"
    hourly.setValue(1500)
    hourly.setValue(hourly.minimum())
    assert dialog.settings()["pay_cap"].params["hourly_rate"] is None


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
    # a session that may take more people says so, as the Sessions tab does (it showed its minimum)
    table = wizard.preview_page.table
    shown = {table.item(r, 4).text() for r in range(table.rowCount())}
    ranges = {f"{r.min_staff}–{r.max_staff}" for r in wizard.problem.requirements
              if r.max_staff not in (None, r.min_staff)}
    assert ranges and ranges <= shown


def _read_in_wizard(qtbot, paths: list[Path]) -> ImportWizard:
    """The import wizard shown, moved on to its preview page and done reading `paths`."""
    wizard = ImportWizard(paths)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.preview_page.is_reading(), timeout=30000)
    return wizard


def test_import_wizard_takes_a_workbook_without_marks_and_says_forms_come_next(qtbot, tmp_path: Path) -> None:
    """Staff and sessions only (the availability forms go out next): importable, and the page says
    what to do before solving."""
    main = tmp_path / "main.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    del book["勤務可否"]
    book.save(main)
    wizard = _read_in_wizard(qtbot, [main])
    assert wizard.preview_page.isComplete()
    assert wizard.problem is not None and wizard.problem.availability == {} and len(wizard.problem.staff) == 45
    assert "availability forms" in wizard.preview_page.summary.text()


def test_import_wizard_says_how_it_read_a_blank_date_under_a_dated_row(qtbot, tmp_path: Path) -> None:
    """A day's date typed on its first session row only: importable, with a note naming the cells."""
    main = tmp_path / "main.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    sessions = book["枠"]
    sessions.cell(5, 1).value = sessions.cell(6, 1).value = None  # the sample's sessions 2 and 3 are on the first one's day
    book.save(main)
    wizard = _read_in_wizard(qtbot, [main])
    assert wizard.preview_page.isComplete()
    assert "枠!A5:A6" in wizard.preview_page.summary.text()


def _wizard_on_broken_sample(qtbot, tmp_path: Path, first_row: int, last_row: int | None, first_column: int,
                             count: int) -> tuple[ImportWizard, str, list[tuple[str, int, int]]]:
    """The wizard after reading the sample with `count` availability marks (from the given row and
    column on) replaced by "◇"; the sheet's title and the (coordinate, row, column) of each."""
    broken = tmp_path / "broken.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    sheet = next(ws for ws in book.worksheets if ws.title in ("勤務可否", "Availability"))
    cells = [c for row in sheet.iter_rows(min_row=first_row, max_row=last_row) for c in row[first_column:]
             if isinstance(c.value, str) and c.value.strip() in ("○", "×", "△")][:count]
    for c in cells:
        c.value = "◇"
    book.save(broken)
    return _read_in_wizard(qtbot, [broken]), sheet.title, [(c.coordinate, c.row, c.column) for c in cells]


def test_import_wizard_lists_every_problem_with_sheet_and_cell(qtbot, tmp_path: Path) -> None:
    wizard, title, cells = _wizard_on_broken_sample(qtbot, tmp_path, 1, 20, 0, 2)
    page = wizard.preview_page
    assert not page.isComplete() and wizard.problem is None
    rows = {(page.table.item(r, 1).text(), page.table.item(r, 2).text()) for r in range(page.table.rowCount())}
    assert {(title, coordinate) for coordinate, _, _ in cells} <= rows


def test_a_problem_opens_its_sheet_with_the_cell_selected(qtbot, tmp_path: Path, monkeypatch) -> None:
    """Double-clicking a problem shows the sheet as read, the problem's cell current, marked and in view."""
    from desktop.dialogs import cell_preview
    from desktop.dialogs.cell_preview import PROBLEM_COLOUR, CellPreview

    wizard, _title, cells = _wizard_on_broken_sample(qtbot, tmp_path, 30, None, 20, 1)
    [(coordinate, target_row, target_column)] = cells
    page = wizard.preview_page
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 2).text() == coordinate)
    opened: list[CellPreview] = []
    monkeypatch.setattr(cell_preview.CellPreview, "exec", lambda dialog: opened.append(dialog) or 0)
    page.table.cellDoubleClicked.emit(row, 0)
    assert len(opened) == 1
    preview = opened[0]  # a child of the wizard's page, closed (and deleted) at the end
    preview.show()
    qtbot.waitUntil(lambda: preview.model is not None, timeout=30000)
    current = preview.view.currentIndex()
    assert (current.row() + 1, current.column() + 1) == (target_row, target_column)
    assert current.data() == "◇"
    assert current.data(Qt.ItemDataRole.BackgroundRole).color() == PROBLEM_COLOUR
    qtbot.waitUntil(lambda: preview.view.viewport().rect().contains(preview.view.visualRect(current)), timeout=5000)
    # whole cells at the left and top edges, not a sliver of a column scrolled half out of view
    for header in (preview.view.horizontalHeader(), preview.view.verticalHeader()):
        assert header.sectionViewportPosition(header.logicalIndexAt(0)) == 0
    assert coordinate in preview.message.text()
    header = preview.model.headerData(current.column(), Qt.Orientation.Horizontal)
    assert header + str(target_row) == coordinate
    preview.close()


def test_cell_names_and_values_in_the_preview() -> None:
    from datetime import date, datetime, time

    from desktop.dialogs.cell_preview import SheetModel, cell_position, shown

    assert cell_position("D7") == (6, 3) and cell_position("aa10") == (9, 26)
    assert cell_position("D") == (None, 3) and cell_position("7") == (6, None)
    assert cell_position("") == (None, None) and cell_position("7行目") == (None, None)
    model = SheetModel([], None, 702)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 25, 26, 701, 702)]
    assert headers == ["A", "Z", "AA", "ZZ", "AAA"]
    assert shown(date(2027, 1, 5)) == "2027-01-05" and shown(datetime(2027, 1, 5)) == "2027-01-05"
    assert shown(time(9, 30)) == "09:30" and shown(3.0) == "3" and shown(None) == ""


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


def test_input_editor_refuses_a_session_needing_more_than_it_may_take(qtbot, sample_plan) -> None:
    """The importer refuses a maximum below the minimum and a skill count above the maximum; typed
    in the editor they were taken, and the plan had no roster at all (infeasible)."""
    dialog = InputEditor(sample_plan.problem)
    qtbot.addWidget(dialog)
    model = dialog.sessions.model
    fields = [c.field for c in model.columns]
    row = next(i for i, r in enumerate(model.records) if r.min_staff >= 2 and r.required_skills)
    assert model.setData(model.index(row, fields.index("max_staff")), "1")
    session, (skill, _count) = model.records[row], model.records[row].required_skills[0]
    assert model.setData(model.index(row, fields.index("skill_needs")), f"{skill}:3、新人:0〜1")
    assert model.records[row].skill_caps == (("新人", 1),)
    assert model.data(model.index(row, fields.index("skill_needs"))) == f"{skill}:3、新人:0〜1"
    problems = dialog.problems()
    assert f"{session.label()} may take at most 1, fewer than the {session.min_staff} people it needs." in problems
    assert f"{session.label()} needs 3 people with {skill}, more than the 1 it may take." in problems
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and "may take at most 1" in dialog.message.text()


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


def test_a_long_answer_from_the_database_is_shown_whole(qtbot, settings) -> None:
    """The dialog kept its height on screen: a driver's long refusal was squashed to a sliver over
    the database field and the note below it."""
    from desktop.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    refusal = ("cannot open the database: (psycopg.OperationalError) connection failed: connection to server at "
               '"127.0.0.1", port 1 failed: Connection refused. Is the server running on that host?')
    dialog._tested((False, refusal))
    label = dialog.test_result
    assert label.height() >= label.heightForWidth(label.width())
    assert label.geometry().top() > dialog.database.geometry().bottom()


def test_settings_closed_while_the_database_is_tested_lets_the_test_run_out(qtbot, settings, monkeypatch) -> None:
    """Settings closed while a slow server was being tested: deleted with the dialog, the check's
    running thread aborted the whole program (QThread destroyed while still running)."""
    from desktop import workers
    from desktop.dialogs import settings_dialog
    from desktop.main_window import MainWindow

    def slow_server(location: str) -> tuple[bool, str]:
        time.sleep(0.5)
        return False, "no answer"

    def test_then_cancel(dialog) -> int:
        dialog.test_database()
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(settings_dialog, "check_database", slow_server)
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", test_then_cancel)
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.show_settings()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert w.findChildren(settings_dialog.SettingsDialog) == []
    qtbot.waitUntil(lambda: not workers._orphans, timeout=10000)


def test_a_new_language_offers_to_restart_with_the_plan_open(qtbot, settings, tmp_path: Path, monkeypatch,
                                                            sample_plan) -> None:
    """The language is read at start: after Settings, Haichi offers to restart, and the new window
    opens the same plan (unsaved edits asked about first, as on closing)."""
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication

    from desktop.dialogs.settings_dialog import SettingsDialog
    from desktop.main_window import MainWindow
    from desktop.plan_files import PlanFiles

    window = MainWindow(database_url=str(tmp_path / "plans.db"), settings=settings)
    qtbot.addWidget(window)
    window.set_problem(sample_plan.problem, None, "1月")
    settings.setValue("language", "en")

    def choose_japanese(dialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("ja"))
        dialog.accept()
        return 1

    started: list[tuple[str, list[str]]] = []
    quits: list[bool] = []
    monkeypatch.setattr(SettingsDialog, "exec", choose_japanese)
    monkeypatch.setattr(PlanFiles, "ask_to_restart", lambda w: True)
    monkeypatch.setattr(QProcess, "startDetached", lambda program, args: started.append((program, args)) or (True, 1))
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    window.show_settings()
    assert settings.value("language") == "ja"
    [(program, arguments)] = started
    assert arguments[-2:] == ["--plan", "1月"] and "desktop.app" in " ".join(arguments) and quits == [True]
    # the window's database (given with --db, not the one in Settings) is where the plan is: kept
    assert arguments[arguments.index("--db") + 1] == str(tmp_path / "plans.db")

    started.clear()
    monkeypatch.setattr(PlanFiles, "ask_to_restart", lambda w: False)  # "Later": nothing restarts
    settings.setValue("language", "en")
    window.show_settings()
    assert started == [] and quits == [True]

    def choose_another_database(dialog) -> int:
        dialog.database.setText(str(tmp_path / "other.db"))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_another_database)
    monkeypatch.setattr(PlanFiles, "ask_to_restart", lambda w: True)
    window.show_settings()  # the new database is opened, without a plan it may not hold
    [(program, arguments)] = started
    assert "--db" not in arguments and "--plan" not in arguments


def test_import_wizard_counts_the_shift_wishes(qtbot, tmp_path: Path) -> None:
    from tests.models.test_availability_wishes import WARD_SESSIONS
    from tests.models.workbooks import MATRIX_ROWS, standard, write_book

    marks = [MATRIX_ROWS[0], ["H001", "山田 花子", "日勤", "深夜希望"], ["H002", "佐藤 次郎", "日勤", "○"]]
    book = write_book(tmp_path / "ward.xlsx", standard(枠=WARD_SESSIONS, 勤務可否=marks))
    wizard = _read_in_wizard(qtbot, [book])
    assert wizard.preview_page.isComplete()
    assert "3 shift wishes (shift names written in the availability cells)." in wizard.preview_page.summary.text()


def test_an_empty_database_says_so_and_offers_nothing_to_open(qtbot) -> None:
    from desktop.dialogs.plans_dialog import PlansDialog

    dialog = PlansDialog([])
    qtbot.addWidget(dialog)
    assert not dialog.none_yet.isHidden() and "No plans" in dialog.none_yet.text()
    assert not dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open).isEnabled()
    assert dialog.chosen() is None


def test_a_dialog_the_window_opened_is_gone_once_closed(qtbot, settings, sample_plan, monkeypatch) -> None:
    """Each dialog was a child of the window and lived as long as it: every print preview kept its
    printer and pages, every rules dialog its tables."""
    from desktop.main_window import MainWindow

    monkeypatch.setattr(QDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    w = MainWindow(settings=settings, background_evaluation=False)
    qtbot.addWidget(w)
    w.set_problem(sample_plan.problem, sample_plan.witness)
    for action in (w.actions_.edit_rules, w.actions_.edit_input, w.actions_.print_preview, w.actions_.settings,
                   w.actions_.import_files):
        action.trigger()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert w.findChildren(QDialog) == []


def test_input_editor_takes_a_target_between_the_min_and_the_max(qtbot, sample_plan) -> None:
    """目標人数 typed in the editor: kept within the session's least and most, refused outside them."""
    dialog = InputEditor(sample_plan.problem)
    qtbot.addWidget(dialog)
    model = dialog.sessions.model
    fields = [c.field for c in model.columns]
    row = next(i for i, r in enumerate(model.records) if r.max_staff is not None and r.max_staff > r.min_staff)
    session = model.records[row]
    assert model.setData(model.index(row, fields.index("preferred_staff")), str(session.max_staff))
    assert model.records[row].preferred_staff == session.max_staff and dialog.problems() == []
    assert model.setData(model.index(row, fields.index("preferred_staff")), str(session.max_staff + 1))
    assert f"{session.label()} has a target of {session.max_staff + 1}, outside its {session.min_staff} to " \
           f"{session.max_staff} people." in dialog.problems()
