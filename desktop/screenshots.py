"""Regenerate the README's screenshots, in Japanese and English, from the bundled sample.

    uv run python -m desktop.screenshots resources/screenshots

Imports the sample, solves it briefly (one worker, fixed seed), makes two hand edits (a lock and an
assignment that breaks a rule, so outlines and the undo history show), and renders each screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop import operations, printing  # noqa: E402
from desktop.app import RESOURCES, install_translators, make_application  # noqa: E402
from models.i18n import set_language  # noqa: E402
from solver.core import Progress, SolveOptions  # noqa: E402

SAMPLE = RESOURCES / "samples" / "hygienists_2027_01.xlsx"


def save(widget: QWidget, path: Path) -> None:
    """Render the widget to a small PNG (256 colours are plenty for a UI)."""
    QApplication.processEvents()
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    print(path)


def _switch_language(app: QApplication, language: str, translators: list) -> list:
    for old in translators:
        app.removeTranslator(old)
    set_language(language)
    return install_translators(app, language)


def shoot(out: Path, language: str, settings: QSettings, problem, roster, points: list[Progress]) -> None:
    """Every screen of one language into `out`."""
    from desktop.dialogs.import_wizard import ImportWizard
    from desktop.dialogs.input_editor import InputEditor
    from desktop.dialogs.rules_dialog import RulesDialog
    from desktop.dialogs.settings_dialog import SettingsDialog
    from desktop.dialogs.suggest_dialog import SuggestDialog
    from desktop.main_window import MainWindow

    window = MainWindow(settings=settings, background_evaluation=False)
    window.resize(1400, 860)
    window.set_problem(problem, roster, problem.name)
    # two hand edits: a lock, and someone placed on a day they marked unavailable
    pins = [(a.staff_id, a.requirement_id) for a in roster.assignments[:4]]
    window.editor.lock(pins)
    req, who = next((r, s.id) for r in sorted(problem.requirements, key=lambda r: r.date)
                    for s in problem.active_staff()[:8]
                    if not problem.mark(s.id, r.date).can_work and s.id not in window.plan.staff_on(r.id))
    window.editor.assign(who, req.id)
    window.roster_view.scrollTo(window.roster_model.cell_of(who, req.date))
    window.show()
    save(window, out / f"main_{language}.png")

    window.tabs.setCurrentIndex(1)
    save(window, out / f"sessions_{language}.png")
    window.tabs.setCurrentIndex(0)

    window.solve_progress.start()
    for p in points:
        window.solve_progress.add(p)
    window.solve_progress.finish(window.solve_progress.figures.text())
    dock = window.docks()[2]
    dock.setFloating(True)
    dock.resize(620, 420)
    dock.show()
    save(dock, out / f"solve_{language}.png")
    dock.setFloating(False)

    rules = RulesDialog(problem, parent=window)
    rules.select_rule("max_per_week")
    rules.show()
    save(rules, out / f"rules_{language}.png")
    rules.close()

    # who could take the place of someone placed (the grid's and the Sessions tab's context menus)
    placed = roster.assignments[len(roster.assignments) // 2]
    candidates = SuggestDialog(window.editor, placed.requirement_id, placed.staff_id, window)
    candidates.show()
    candidates.wait()
    QApplication.processEvents()
    save(candidates, out / f"candidates_{language}.png")
    candidates.close()

    # the manager's comparison: the solved roster against the window's, hand-edited since
    window.before_solve = roster
    compare = window.compare_box()
    assert compare is not None
    compare.show()
    while compare.shown is None or compare._task is not None:
        QApplication.processEvents()
    save(compare, out / f"compare_{language}.png")
    compare.close()

    wizard = ImportWizard([SAMPLE], window)
    wizard.show()
    wizard.next()
    while wizard.preview_page.is_reading():
        QApplication.processEvents()
    save(wizard, out / f"import_{language}.png")
    wizard.close()
    _import_problem(out, language, window)

    editor = InputEditor(problem, 0, window)
    editor.show()
    save(editor, out / f"staff_{language}.png")
    editor.close()

    preview = printing.preview_dialog(problem, window.plan.roster, window)
    preview.resize(1100, 760)
    preview.show()
    save(preview, out / f"print_{language}.png")
    preview.close()

    dialog = SettingsDialog(settings, window)
    dialog.show()
    save(dialog, out / f"settings_{language}.png")
    dialog.close()
    box = window.changes_box()  # the hand edits above are not saved: closing asks about them
    box.show()
    save(box, out / f"unsaved_{language}.png")
    box.close()
    box = window.restart_box()  # after a new language in Settings
    box.show()
    save(box, out / f"restart_{language}.png")
    box.close()
    window.undo_stack.setClean()  # the edits were for the pictures: close without asking
    window.close()


def _import_problem(out: Path, language: str, window: QWidget) -> None:
    """The sample with one availability mark made unreadable: the wizard's problem list, and the
    problem shown at its cell (what a double-click opens)."""
    import openpyxl

    from desktop.dialogs.cell_preview import CellPreview
    from desktop.dialogs.import_wizard import ImportWizard

    with tempfile.TemporaryDirectory() as folder:
        broken = Path(folder) / SAMPLE.name
        book = openpyxl.load_workbook(SAMPLE)
        book["勤務可否"]["AC31"] = "?"
        book.save(broken)
        wizard = ImportWizard([broken], window)
        wizard.show()
        wizard.next()
        while wizard.preview_page.is_reading():
            QApplication.processEvents()
        page = wizard.preview_page
        preview = CellPreview(broken, page.problems[0], wizard)
        preview.show()
        while preview.model is None:  # the sheet is read in the background
            QApplication.processEvents()
        QApplication.processEvents()  # the cell is scrolled into view once the dialog has its size
        save(preview, out / f"import_problem_{language}.png")
        preview.close()
        wizard.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else RESOURCES / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app, _language, translators = make_application("ja")
    settings_dir = tempfile.TemporaryDirectory()  # fresh settings: no window state from earlier runs
    settings = QSettings(str(Path(settings_dir.name) / "haichi.ini"), QSettings.Format.IniFormat)
    problem = operations.import_workbooks([SAMPLE])
    points: list[Progress] = []
    result = operations.solve(problem, SolveOptions(time_limit=8, workers=1, seed=0), points.append)
    assert result.roster is not None, result.status
    for language in ("ja", "en"):
        translators = _switch_language(app, language, translators)
        settings.setValue("language", language)
        shoot(out, language, settings, problem, result.roster, points)
    return 0


if __name__ == "__main__":
    sys.exit(main())
