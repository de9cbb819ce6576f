"""`haichi-desktop`: start the window, in Japanese on a Japanese system and English otherwise.

    haichi-desktop [WORKBOOK.xlsx ... | PLAN.haichi] [--plan NAME] [--db URL] [--solve] [--screenshot PNG] [--lang ja|en]

Opens the workbooks (imported into a plan in the database) or a stored plan, optionally solves,
and with --screenshot renders the main window to PNG and exits (for documentation and support).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from desktop.paths import resource_path
from desktop.plan_file import is_plan_file, newest_plan, split_plan_file
from models.i18n import set_language

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

RESOURCES = resource_path()  # also inside the frozen app
FONT_FAMILIES = ["Yu Gothic UI", "Meiryo UI", "Noto Sans CJK JP", "IPAGothic", "IPAPGothic"]


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="haichi-desktop")
    parser.add_argument("workbooks", nargs="*", type=Path, metavar="WORKBOOK.xlsx")
    parser.add_argument("--plan", metavar="NAME")
    parser.add_argument("--db", metavar="URL")
    parser.add_argument("--solve", action="store_true", help="solve after opening")
    parser.add_argument("--time-limit", type=float, default=None)
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="render the window to PNG and exit")
    parser.add_argument("--lang", choices=("ja", "en"))
    parser.add_argument("--timings", action="store_true",
                        help="print to stderr when the window, the plan and the idle window were ready (Unix times)")
    return parser.parse_args(list(argv))


def install_translators(app, language: str) -> list:
    """Load Haichi's own .qm and Qt's bundled translations for the language; keep them referenced."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translators: list = []
    if language == "en":
        return translators  # the source texts are English
    ours = QTranslator(app)
    if ours.load(str(RESOURCES / "translations" / f"haichi_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        qt_own = QTranslator(app)
        if qt_own.load(f"{name}_{language}", qt_dir):
            app.installTranslator(qt_own)
            translators.append(qt_own)
            break
    return translators


def make_application(language: str | None = None):
    """The QApplication with Haichi's names, fonts and translations; returns (app, language, translators)."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QFont, QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from desktop.dialogs.settings_dialog import chosen_language

    # 125 % and 150 % Windows scaling stay exact instead of rounding to 100 % or 200 %.
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "haichi.png")))
    app.setApplicationName("Haichi")
    app.setOrganizationName("Haichi")
    language = language or chosen_language(QSettings())
    set_language(language)
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES + [font.family()])
    app.setFont(font)
    return app, language, install_translators(app, language)


def warm_up() -> None:
    """Import the solver, the Excel code and storage in the background, so that the first solve or
    save does not wait for them. Not while a plan is being loaded: imports hold Python's lock, and
    the window's first layout of a plan (Qt asking the Python models for every cell) took 0.9 s
    beside them instead of 0.05 s."""
    import importlib
    import threading

    def load() -> None:
        for name in ("desktop.operations", "solver.core", "models.storage"):
            importlib.import_module(name)

    threading.Thread(target=load, name="haichi-warm-up", daemon=True).start()


def _report_timings(window: MainWindow) -> None:
    """--timings: the Unix time at which the empty window, then each plan shown, was painted
    (the benchmark subtracts its own start time; support can compare them)."""
    def painted(label: str) -> None:
        window.repaint()
        print(f"{label}\t{time.time():.3f}", file=sys.stderr, flush=True)

    painted("window")
    window.plan.reset.connect(lambda: painted("plan"))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    args.db, args.workbooks = split_plan_file(args.db, args.workbooks)  # a double-clicked PLAN.haichi
    from PySide6.QtCore import QTimer

    from desktop.main_window import MainWindow

    app, _language, translators = make_application(args.lang)  # noqa: F841 - translators live with the app
    from PySide6.QtCore import QSettings

    from desktop.dialogs.settings_dialog import database_location

    # --db, else the database chosen in Settings, else "" = the default file, opened on first use
    window = MainWindow(database_url=args.db or database_location(QSettings()))
    if window.first_start and not args.screenshot:
        window.showMaximized()
    else:
        window.show()
    if args.timings:
        _report_timings(window)
    loading = bool(args.plan or args.workbooks)
    if not loading:
        warm_up()
    exit_code = 0
    state = {"phase": "load", "idle": 0}

    def poll() -> None:
        """Step through load → (solve) → screenshot as the window becomes idle."""
        nonlocal exit_code
        idle = not window.is_busy() and not window.plan.is_evaluating()
        state["idle"] = state["idle"] + 1 if idle else 0
        if state["idle"] < 2:
            return
        if state["phase"] == "load" and args.solve and window.problem is not None:
            state["phase"], state["idle"] = "solve", 0
            window.start_solve(args.time_limit)
            return
        timer.stop()
        if args.timings:
            print(f"idle\t{time.time():.3f}", file=sys.stderr, flush=True)
        if loading and not args.screenshot:
            warm_up()  # the plan is shown: now for the first solve and save
        if args.screenshot:
            app.processEvents()
            if not window.grab().save(str(args.screenshot)):
                print(f"could not write {args.screenshot}", file=sys.stderr)
                exit_code = 3
            window.undo_stack.setClean()  # a picture was asked for: quit without asking about the solve
            app.quit()

    timer = QTimer(window)
    timer.setInterval(100)
    timer.timeout.connect(poll)
    if args.db and is_plan_file(args.db) and not (args.plan or args.workbooks):
        args.plan = newest_plan(window.database())
    if args.plan:
        window.open_plan(args.plan)
    elif args.workbooks:
        window.open_workbooks(args.workbooks)
    if args.plan or args.workbooks or args.screenshot:
        timer.start()
    code = app.exec()
    return exit_code or code


if __name__ == "__main__":
    sys.exit(main())
