"""A crawl of the whole desktop UI, in Japanese and in English: every menu and toolbar action on an
empty window, on the sample's plan with its roster, on the sample imported through the wizard (no
roster yet) and on a plan with nobody and no session; the rules of a plan whose numbers are at the
top of their ranges; a three-shift ward; every dialog the actions open (its pages, tables, editors,
buttons), every tab and dock, the roster grid's cells, context menus and drops.

An exception raised in any slot or virtual method fails the test (pytest-qt's default; nothing here
turns it off); so does an error of a programming kind that a background task handed back to the
status bar, a modal window nobody answers, and English left in a Japanese screen. Each screen is
painted (grab), and saved as PNG when HAICHI_CRAWL_DIR names a folder, to be looked at:

    HAICHI_CRAWL_DIR=/tmp/crawl uv run pytest tests/desktop/test_crawl.py

Modal dialogs do not block: QDialog.exec and QMessageBox.exec are replaced by the crawl of the
dialog, file dialogs answer with files in the test's folder, context menus are closed by a timer.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QDropEvent
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemDelegate, QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QDialog, QFileDialog,
    QGroupBox, QHeaderView, QLabel, QLineEdit, QMenu, QMenuBar, QMessageBox, QPushButton, QTabBar, QTableView, QToolBar,
    QWidget,
)

from desktop.app import make_application
from desktop.dialogs.cell_preview import CellPreview
from desktop.dialogs.compare_dialog import CompareDialog
from desktop.dialogs.import_wizard import ImportWizard
from desktop.dialogs.input_editor import InputEditor
from desktop.dialogs.plans_dialog import PlansDialog
from desktop.dialogs.rules_dialog import RulesDialog
from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.dialogs.suggest_dialog import SuggestDialog
from desktop.main_window import MainWindow
from desktop.views.roster_view import MIME
from models.domain import Problem, RuleSetting
from models.errors import InvalidInput
from models.i18n import set_language
from models.rulemeta import MAX_WEIGHT, Param
from models.storage.errors import StorageError
from solver.rules import CATALOGUE
from tests.desktop.conftest import SAMPLE

WAIT = 30000
ROLES = [Qt.ItemDataRole(r) for r in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13)] + [
    Qt.ItemDataRole.UserRole + i for i in range(4)]


@pytest.fixture(params=["ja", "en"])
def language(request, qapp):
    """The application as haichi-desktop makes it (fonts, translators) in one language, then as before."""
    font = qapp.font()
    _app, language, translators = make_application(request.param)
    yield language
    for translator in translators:
        qapp.removeTranslator(translator)
    qapp.setFont(font)
    set_language("en")


class Crawl:
    """Visits screens, paints each (saving it when asked) and answers the dialogs they open."""

    def __init__(self, qtbot, language: str, folder: Path) -> None:
        self.qtbot = qtbot
        self.language = language
        self.folder = folder
        self.shots = Path(os.environ["HAICHI_CRAWL_DIR"]) if os.environ.get("HAICHI_CRAWL_DIR") else None
        self.window: MainWindow | None = None
        self.accept_import = False  # Finish in the import wizard (else its problem list, then Cancel)
        self.opened: list[str] = []  # the dialogs' class names, in the order they were opened
        self.chosen_files: list[Path] = [SAMPLE]  # what the next open-file dialog answers
        self.last_folder = folder  # the folder the last folder dialog answered
        self.stage = "empty"
        self.english: list[str] = []  # texts of the Japanese UI left in English
        self.stray: list[str] = []  # modal windows nobody answered (the crawl closed them)
        self.modal: QWidget | None = None  # the modal window at the watchdog's last look
        if self.shots:
            self.shots.mkdir(parents=True, exist_ok=True)

    # -- pictures and waiting ---------------------------------------------------------------------
    def shot(self, widget: QWidget, name: str, words: bool = True) -> None:
        QApplication.processEvents()
        image = widget.grab()
        assert not image.isNull(), name
        if self.shots:
            image.save(str(self.shots / f"{self.stage}_{name}_{self.language}.png"))
        if self.language == "ja" and words:
            self.english += [f"{text!r} ({self.stage}_{name})" for text in english(widget_texts(widget))]

    def idle(self) -> None:
        """Wait for the window's background work; then paint and close the message boxes it opened."""
        w = self.window
        self.qtbot.waitUntil(lambda: not w.is_busy() and not w.plan.is_evaluating(), timeout=WAIT)
        error, w.last_error = w.last_error, None
        # refusals in words are the UI's business; anything else is a bug that only reached the status bar
        assert error is None or isinstance(error, (InvalidInput, StorageError)), repr(error)
        for box in w.findChildren(QMessageBox):
            if box.isVisible():
                self.message_box(box)
                box.close()

    # -- dialogs, in place of their exec() ---------------------------------------------------------
    def exec_dialog(self, dialog: QDialog) -> int:
        self.opened.append(type(dialog).__name__)
        dialog.show()
        visit = {ImportWizard: self.import_wizard, InputEditor: self.input_editor, RulesDialog: self.rules,
                 SettingsDialog: self.settings, PlansDialog: self.plans, CellPreview: self.cell_preview,
                 QPrintPreviewDialog: self.print_preview, SuggestDialog: self.candidates,
                 CompareDialog: self.compare}[type(dialog)]
        result = visit(dialog)
        if dialog.isVisible():
            dialog.done(result)
        return result

    def message_box(self, box: QMessageBox) -> int:
        """A question: painted, answered OK when it offers OK (apply collected forms), else dismissed."""
        self.opened.append("QMessageBox")
        box.show()
        self.shot(box, "box_" + re.sub(r"\W+", "_", box.text())[:24])
        box.hide()
        if box.button(QMessageBox.StandardButton.Ok) is not None:
            return QMessageBox.StandardButton.Ok
        return QMessageBox.StandardButton.Cancel

    def about(self, parent: QWidget, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        self.message_box(box)
        box.deleteLater()

    def close_stray_modal(self) -> None:
        """A modal window left waiting (one whose exec() the crawl does not replace, e.g. the
        printer's), seen twice: noted for the test to fail, and closed so that the crawl goes on."""
        widget = QApplication.activeModalWidget()
        if widget is not None and widget is self.modal:  # there since the last look: nobody answers it
            self.stray.append(type(widget).__name__)
            widget.close()
        self.modal = widget

    def close_menu(self) -> None:
        """The context menu open in its own loop (QMenu.exec cannot be replaced): painted, closed."""
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        self.opened.append("QMenu")
        self.shot(menu, "context_menu")
        menu.close()

    def import_wizard(self, wizard: ImportWizard) -> int:
        files = wizard.files_page
        self.shot(wizard, "import_files")
        if not files.paths():
            self.chosen_files = [SAMPLE]
            files.findChild(QPushButton).click()  # Add…
        assert files.paths()
        self.check(wizard)
        self.shot(wizard, "import_preview")
        if self.accept_import:
            return QDialog.DialogCode.Accepted
        broken = self.folder / "broken" / SAMPLE.name
        broken.parent.mkdir(exist_ok=True)
        book = openpyxl.load_workbook(SAMPLE)
        book["勤務可否"]["AC31"] = "◇"
        book["勤務可否"]["AD31"] = "maybe"
        book.save(broken)
        wizard.back()
        files.files.selectAll()
        files.findChildren(QPushButton)[1].click()  # Remove
        files.set_paths([broken])
        self.check(wizard)
        page = wizard.preview_page
        assert page.problems, "the broken workbook's problems are listed"
        self.shot(wizard, "import_problems")
        page.table.cellDoubleClicked.emit(0, 0)  # the problem at its cell (CellPreview)
        return QDialog.DialogCode.Rejected

    def read(self, model) -> None:
        """Every cell of the model asked for; in Japanese, the texts shown checked for English."""
        shown = sweep(model)
        if self.language == "ja":
            self.english += [f"{text!r} ({self.stage}_{type(model).__name__})" for text in english(shown)]

    def check(self, wizard: ImportWizard) -> None:
        """The wizard's next page: the workbooks read, their sessions or problems listed."""
        wizard.next()
        self.qtbot.waitUntil(lambda: not wizard.preview_page.is_reading(), timeout=WAIT)
        self.read(wizard.preview_page.table.model())

    def cell_preview(self, preview: CellPreview) -> int:
        self.qtbot.waitUntil(lambda: preview.model is not None, timeout=WAIT)
        QApplication.processEvents()
        self.shot(preview, "import_problem_cell")
        sweep(preview.model, rows=40)
        preview.open_button.click()
        return QDialog.DialogCode.Rejected

    def input_editor(self, editor: InputEditor) -> int:
        for tab, name in ((editor.staff, "staff"), (editor.sites, "sites"), (editor.sessions, "sessions")):
            editor.tabs.setCurrentWidget(tab)
            self.shot(editor, f"input_{name}")
            view, model = tab.view, tab.model
            self.read(model)
            for column in range(model.columnCount() if model.rowCount() else 0):
                view.horizontalHeader().sectionClicked.emit(column)
                view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
                view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
                index = model.index(0, column)
                before = model.data(index)
                for text in ("?!", "", before):  # text where a number goes, blank, the value it had
                    type_into(view, index, text)
                    if column == 0 and text == "":
                        self.shot(editor, f"input_{name}_refused")
                assert model.data(index) == before, (name, column)
            add, remove = tab.findChildren(QPushButton)
            add.click()
            self.read(model)
            remove.click()
            if name == "staff" and model.rowCount() > 1:  # someone with sessions leaves the plan
                view.selectRow(0)
                remove.click()
        editor.accept()
        self.shot(editor, "input_after_ok")
        return editor.result()

    def rules(self, dialog: RulesDialog) -> int:
        for row, info in enumerate(dialog.catalogue):
            dialog.select_rule(info.id)
            assert dialog.params_form.rowCount() >= 1, info.id
            self.shot(dialog, f"rules_{row:02d}_{info.id}")
            for editor in dialog.params_box.findChildren(QWidget):
                poke(editor)
            if dialog.overrides_box.isEnabled() and dialog.staff_choice.count():
                add, remove = dialog.overrides_box.findChildren(QPushButton)
                add.click()
                for column in range(1, dialog.overrides.columnCount()):
                    for text in ("lots", "1"):
                        dialog.overrides.item(0, column).setText(text)
                dialog.overrides.setCurrentCell(0, 0)
                remove.click()
            if dialog.successions.isVisible():
                dialog.successions.add_button.click()
                self.shot(dialog, "rules_successions_added")
                dialog.successions.remove_pair()
            for column in (0, 2, 3):
                poke(dialog.widget(info.id, column))
        dialog.restore_defaults()
        self.shot(dialog, "rules_defaults")
        return QDialog.DialogCode.Accepted

    def settings(self, dialog: SettingsDialog) -> int:
        self.shot(dialog, "settings")
        dialog.test_button.click()
        self.qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=WAIT)
        self.shot(dialog, "settings_tested")
        dialog.database.setText("postgresql+psycopg://nobody@127.0.0.1:1/none")
        dialog.test_button.click()
        self.qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=WAIT)
        self.shot(dialog, "settings_refused", words=False)  # the database driver's own words
        dialog.database.setText(str(self.folder / "plans.db"))
        dialog.language.setCurrentIndex(1 - dialog.language.currentIndex())  # asks to restart: "later"
        dialog.accept()
        return dialog.result()

    def plans(self, dialog: PlansDialog) -> int:
        self.shot(dialog, "plans")
        self.read(dialog.table.model())
        return QDialog.DialogCode.Rejected  # the plan picker opens one (the last stage)

    def candidates(self, dialog: SuggestDialog) -> int:
        """Who could take a session: the list, then everyone (hard-rule breakers too); nobody placed."""
        for everyone in (False, True):
            dialog.everyone.setChecked(everyone)
            self.qtbot.waitUntil(lambda: dialog._task is None, timeout=WAIT)
            QApplication.processEvents()
            self.shot(dialog, f"candidates_{'all' if everyone else 'free'}")
            self.read(dialog.table.model())
        return QDialog.DialogCode.Rejected

    def compare(self, dialog: CompareDialog) -> int:
        """Two rosters compared: the first pair, then each choice against the window's."""
        self.qtbot.waitUntil(lambda: dialog._task is None, timeout=WAIT)
        for index in range(1, dialog.first.count()):
            dialog.first.setCurrentIndex(index)
            self.qtbot.waitUntil(lambda: dialog._task is None, timeout=WAIT)
            QApplication.processEvents()
            self.read(dialog.table.model())
        self.shot(dialog, "compare")
        return QDialog.DialogCode.Rejected

    def print_preview(self, dialog: QPrintPreviewDialog) -> int:
        dialog.resize(1100, 760)
        self.shot(dialog, "print_preview")
        actions = [a for a in dialog.findChild(QToolBar).actions() if not a.isSeparator()]
        for action in actions[:-2]:  # the last two, page setup and print, open the printer's own dialogs
            action.trigger()
            QApplication.processEvents()
        self.shot(dialog, "print_preview_after")
        return QDialog.DialogCode.Rejected


# Words that stay as they are in the Japanese UI: names of programs and formats.
KEPT = {"haichi", "excel", "pdf", "ics", "xlsx", "xlsm", "sqlite", "url", "id", "postgresql", "psycopg", "esc",
        "ctrl", "shift", "alt", "del", "delete", "pm", "am"}


def widget_texts(widget: QWidget) -> list[str]:
    """The texts a coordinator reads on `widget`: title, labels, buttons, group titles, tabs, headings."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QTabBar):
            texts += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, (QMenu, QMenuBar, QToolBar)):
            texts += [action.text() for action in child.actions()]
        elif isinstance(child, QHeaderView) and child.model() is not None:
            texts += [str(child.model().headerData(i, child.orientation()) or "") for i in range(child.count())]
    return texts


def english(texts: list[str]) -> list[str]:
    """The texts holding an English word (file names, paths, markup and quoted entries left alone)."""
    found = []
    for text in texts:
        plain = re.sub(r'\S*[/\\.]\S*|<[^>]*>|"[^"]*"|“[^”]*”', " ", text)  # quoted: as the coordinator typed it
        words = re.findall(r"[A-Za-z]{2,}", plain)
        if any(word.lower() not in KEPT and not word.isupper() for word in words):  # AC: a column
            found.append(text)
    return found


def type_into(view: QTableView, index: QModelIndex, text: str) -> None:
    """Type `text` into the cell's editor, as a double-click and Enter would."""
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit)
    assert editor is not None
    editor.setText(text)
    view.commitData(editor)
    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the editor goes now, not later


def poke(widget: QWidget) -> None:
    """Change an editor the way a hand would: each end of a spin box's range, a switch both ways,
    every choice of a list, a line's text; then back as it was."""
    if isinstance(widget, QAbstractSpinBox) and hasattr(widget, "value"):
        before = widget.value()
        for value in (widget.minimum(), widget.maximum(), before):
            widget.setValue(value)
    elif isinstance(widget, QCheckBox):
        widget.toggle()
        widget.toggle()
    elif isinstance(widget, QComboBox):
        before = widget.currentIndex()
        for i in range(widget.count()):
            widget.setCurrentIndex(i)
        widget.setCurrentIndex(before)
    elif isinstance(widget, QLineEdit):
        before = widget.text()
        widget.setText("?")
        widget.setText(before)


def sweep(model, rows: int | None = None) -> set[str]:
    """Ask the model for every role of every cell and heading (what painting, tooltips and
    accessibility ask): an error in a rarely asked role shows here. Returns the texts shown."""
    count = model.rowCount() if rows is None else min(rows, model.rowCount())
    shown = set()
    for column in range(model.columnCount()):
        for role in ROLES:
            model.headerData(column, Qt.Orientation.Horizontal, role)
    for row in range(count):
        for role in ROLES:
            model.headerData(row, Qt.Orientation.Vertical, role)
        for column in range(model.columnCount()):
            index = model.index(row, column)
            model.flags(index)
            for role in ROLES:
                value = model.data(index, role)
                if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and isinstance(value, str):
                    shown.add(value)
    return shown


def menu_actions(menu: QMenu) -> list[QAction]:
    """Every action of a menu and its submenus, depth first."""
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_actions(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


def window_actions(window: MainWindow) -> list[QAction]:
    """The menu bar's and the toolbars' actions, each once, in menu order (Exit left out)."""
    found: list[QAction] = []
    for action in window.menuBar().actions():
        found += menu_actions(action.menu())
    for toolbar in window.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        found += [a for a in toolbar.actions() if not a.isSeparator() and a.text()]
    return [a for a in dict.fromkeys(found) if a is not window.actions_.quit]


@pytest.fixture
def crawl(request, qtbot, language, settings, tmp_path: Path, monkeypatch) -> Crawl:
    c = Crawl(qtbot, language, tmp_path)
    watchdog = QTimer()
    watchdog.timeout.connect(c.close_stray_modal)
    watchdog.start(3000)
    request.addfinalizer(watchdog.stop)
    monkeypatch.setattr(QDialog, "exec", lambda dialog: c.exec_dialog(dialog))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: c.message_box(box))
    monkeypatch.setattr(QMessageBox, "about", c.about)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    out = tmp_path / "out"
    out.mkdir()

    def folder(*_args) -> str:
        c.last_folder = out / f"folder{len(list(out.iterdir()))}"
        return str(c.last_folder)

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, caption, name="", *rest: (str(out / Path(name).name), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(p) for p in c.chosen_files], ""))
    settings.setValue("language", language)
    settings.setValue("database/url", str(tmp_path / "plans.db"))
    settings.setValue("solve/time_limit", 1)
    settings.setValue("solve/workers", 1)
    return c


def test_every_screen_opens_and_every_action_runs(qtbot, crawl: Crawl, sample_plan, ward, settings,
                                                  tmp_path: Path) -> None:
    w = MainWindow(database_url=str(tmp_path / "plans.db"), settings=settings)
    qtbot.addWidget(w)
    w.plan._full_timer.setInterval(0)  # the whole roster re-checked in the background at once, not after 250 ms
    crawl.window = w
    w.resize(1400, 860)
    w.show()
    crawl.shot(w, "main")
    run_actions(crawl, w)  # nothing open yet: most are off, the rest must cope

    crawl.stage = "sample"
    w.set_problem(sample_plan.problem, sample_plan.witness, sample_plan.problem.name)
    crawl.idle()
    crawl.shot(w, "main")
    roster_grid(crawl, w)
    panes(crawl, w)
    solve_and_cancel(crawl, w)
    run_actions(crawl, w)
    assert {"ImportWizard", "RulesDialog", "InputEditor", "SettingsDialog", "QPrintPreviewDialog",
            "PlansDialog", "CellPreview", "QMenu", "SuggestDialog", "CompareDialog"} <= set(crawl.opened), crawl.opened
    w.actions_.open_plan.trigger()  # now with the plan saved
    crawl.idle()
    panes(crawl, w)

    crawl.stage = "imported"  # through the wizard, Finish: the same plan imported again keeps its roster
    crawl.accept_import = True
    w.undo_stack.setClean()
    w.actions_.import_files.trigger()
    crawl.idle()
    assert w.problem is not None and w.plan.has_roster()
    assert "imported again" in w.status.text() or "取り込み直し" in w.status.text()
    assert w.recent_files_menu.actions(), "the workbook is a recent file"
    crawl.shot(w, "main")
    roster_grid(crawl, w)
    run_actions(crawl, w)

    crawl.stage = "limits"  # every rule's numbers at the top of their range, for the plan and a person
    w.undo_stack.setClean()
    w.set_problem(at_the_limits(sample_plan.problem), sample_plan.witness)
    crawl.idle()
    w.actions_.edit_rules.trigger()
    crawl.idle()

    crawl.stage = "ward"  # one site: cells name the shift alone
    crawl.accept_import = False
    w.undo_stack.setClean()
    w.set_problem(ward)
    for person, session in zip(ward.staff, ward.requirements):  # the first day's shifts, one each
        w.editor.assign(person.id, session.id)
    crawl.idle()
    crawl.shot(w, "main")
    roster_grid(crawl, w)
    for action in (w.actions_.solve, w.actions_.edit_rules, w.actions_.edit_input, w.actions_.print_preview):
        action.trigger()
        crawl.idle()
    panes(crawl, w)

    crawl.stage = "bare"  # everyone and every session removed in the editor
    w.undo_stack.setClean()
    w.set_problem(ward.with_(staff=[], sites=[], requirements=[], forbidden_successions=frozenset()))
    crawl.idle()
    crawl.shot(w, "main")
    run_actions(crawl, w, recent=False)
    w.plan_picker.activated.emit(w.plan_picker.findText(sample_plan.problem.name))  # the saved plan again
    crawl.idle()
    assert w.plan.plan_name == sample_plan.problem.name, w.status.text()
    crawl.shot(w, "main_reopened")
    w.undo_stack.setClean()
    w.actions_.quit.trigger()
    assert not w.isVisible()
    assert not crawl.stray, f"modal windows left waiting: {crawl.stray}"
    assert not crawl.english, "English in the Japanese UI:\n" + "\n".join(dict.fromkeys(crawl.english))


def at_the_limits(problem: Problem) -> Problem:
    """The plan with each rule's parameters at their maximum (10^12 where none is named), for the
    plan and for its first person, and each weight at its maximum: what a 設定 sheet may hold."""
    def top(param: Param):
        if param.type in (int, float):
            return param.type(param.maximum if param.maximum is not None else 10**12)
        return True if param.type is bool else "拠点" * 50

    person = problem.staff[0].id
    return problem.with_(rules={
        info.id: RuleSetting(True, info.can_be_hard, MAX_WEIGHT, {p.name: top(p) for p in info.params},
                             {person: {p.name: top(p) for p in info.params if p.per_staff and p.type is not str}})
        for info in CATALOGUE})


def run_actions(crawl: Crawl, w: MainWindow, recent: bool = True) -> None:
    """Trigger every action of the menus and toolbars, each once, each toggle twice; the recent
    files and plans too unless `recent` is False (they open another plan)."""
    others = [] if recent else w.recent_files_menu.actions() + w.recent_plans_menu.actions()
    for action in window_actions(w):
        if not shiboken6.isValid(action) or action in others:  # a recent entry, gone when the list was refilled
            continue
        for _ in range(2 if action.isCheckable() else 1):
            action.trigger()
            crawl.idle()
        if action is w.actions_.forms:  # three of the forms just written come back as returned ones
            crawl.chosen_files = sorted(crawl.last_folder.glob("*.xlsx"))[:3]
    crawl.chosen_files = [SAMPLE]


def solve_and_cancel(crawl: Crawl, w: MainWindow) -> None:
    """A solve cancelled at once, before its solver is built: it stops, nothing found."""
    w.actions_.solve.trigger()
    crawl.shot(w.docks()[2], "solving")
    w.actions_.cancel.trigger()
    crawl.idle()
    crawl.shot(w.docks()[2], "solved")


def roster_grid(crawl: Crawl, w: MainWindow) -> None:
    """Select cells, right-click some (the menu built, each of its actions run and undone), drop a
    session on a colleague, lock everything and undo it."""
    view, model = w.roster_view, w.roster_model
    crawl.read(model)
    rows, columns = model.rowCount(), model.columnCount()
    cells = [(r, c) for r in range(rows) for c in range(columns)]
    if not cells:  # nobody, or no day: nothing to click
        return
    busy = next((cell for cell in cells if model.sessions_at(*cell)), cells[0])
    free = next((cell for cell in cells if not model.sessions_at(*cell)), cells[-1])
    for row, column in (busy, free, cells[-1]):
        index = model.index(row, column)
        view.setCurrentIndex(index)
        view.scrollTo(index)
        menu = view.build_menu(row, column)
        for action in menu.actions():  # of a submenu (assign to, swap with: many) the first entry
            chosen = action.menu().actions()[:1] if action.menu() is not None else [action]
            for choice in chosen:
                if choice.isEnabled() and not choice.isSeparator():
                    depth = w.undo_stack.index()
                    choice.trigger()
                    crawl.idle()
                    while w.undo_stack.index() > depth:
                        w.undo_stack.undo()
        menu.deleteLater()
    view.scrollTo(model.index(*busy))
    QTimer.singleShot(100, crawl.close_menu)
    view.customContextMenuRequested.emit(view.visualRect(model.index(*busy)).center())
    sessions = model.sessions_at(*busy)
    if sessions:  # the drag's data dropped on the next person's cell that day, then undone
        mime = QMimeData()
        mime.setData(MIME, f"{model.staff_at(busy[0]).id}\t{sessions[0].id}".encode())
        target = model.index((busy[0] + 1) % rows, busy[1])
        depth = w.undo_stack.index()
        drop(view, view.visualRect(target).center(), mime)
        crawl.idle()
        while w.undo_stack.index() > depth:
            w.undo_stack.undo()
    view.selectAll()
    w.actions_.lock.trigger()
    crawl.shot(w, "main_locked")
    w.undo_stack.undo()
    view.clearSelection()
    crawl.idle()


def drop(view: QTableView, point, mime: QMimeData) -> None:
    """A drop of `mime` at `point` of the view's cells (its drag move first, as a drag would)."""
    for handler in (view.dragMoveEvent, view.dropEvent):
        handler(QDropEvent(QPointF(point), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier))


def panes(crawl: Crawl, w: MainWindow) -> None:
    """Each tab and dock shown (and each dock floated and put back), the rule violations and the
    undo history clicked, the questions the window asks painted, a workbook dropped on the window."""
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        crawl.shot(w, f"tab{i}")
    w.tabs.setCurrentIndex(0)
    for model in (w.roster_model, w.sessions_model, w.stats_model, w.violations_model):
        crawl.read(model)
    for dock in w.docks():
        dock.show()
        dock.raise_()
        dock.setFloating(True)
        dock.resize(640, 420)
        crawl.shot(dock, dock.objectName())
        dock.setFloating(False)
    for row in range(min(5, w.violations_model.rowCount())):
        w.problems_view.doubleClicked.emit(w.violations_model.index(row, 0))
    history = w.undo_view.model()
    for row in reversed(range(history.rowCount())):  # back through the history, then forward again
        w.undo_view.setCurrentIndex(history.index(row, 0))
    w.undo_view.setCurrentIndex(history.index(history.rowCount() - 1, 0))
    crawl.idle()
    if w.problem is not None:
        box = w.changes_box()
        box.show()
        crawl.shot(box, "unsaved")
        box.close()
    box = w.restart_box()
    box.show()
    crawl.shot(box, "restart")
    box.close()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    wizards = crawl.opened.count("ImportWizard")
    w.dropEvent(event)  # the wizard, with the workbook in it
    crawl.qtbot.waitUntil(lambda: crawl.opened.count("ImportWizard") > wizards, timeout=WAIT)
    crawl.idle()


def test_no_two_actions_share_a_shortcut(qtbot, settings) -> None:
    """A shortcut given twice is ambiguous: Qt runs neither and only warns."""
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    keys = [(key.toString(), action.text()) for action in window_actions(w) + [w.actions_.quit]
            for key in action.shortcuts()]
    taken: dict[str, str] = {}
    for key, text in keys:
        assert taken.setdefault(key, text) == text, f"{key}: {taken[key]} and {text}"
