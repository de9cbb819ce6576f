"""`haichi-desktop`: start the window, in Japanese on a Japanese system and English otherwise.

    haichi-desktop [WORKBOOK.xlsx ...] [--plan NAME] [--db URL] [--solve] [--screenshot PNG] [--lang ja|en]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from models.i18n import set_language, system_language

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="haichi-desktop")
    parser.add_argument("workbooks", nargs="*", type=Path, metavar="WORKBOOK.xlsx")
    parser.add_argument("--plan", metavar="NAME")
    parser.add_argument("--db", metavar="URL")
    parser.add_argument("--solve", action="store_true", help="solve after opening")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="render the window to PNG and exit")
    parser.add_argument("--lang", choices=("ja", "en"))
    return parser.parse_args(list(argv))


def install_translators(app, language: str) -> list:
    """Load Haichi's own .qm and Qt's bundled translations for the language; keep them referenced."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translators = []
    if language == "en":
        return translators
    ours = QTranslator(app)
    if ours.load(str(RESOURCES / "translations" / f"haichi_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        translators.append(qt_base)
    return translators


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    language = args.lang or system_language()
    set_language(language)

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Haichi")
    app.setOrganizationName("Haichi")
    font = QFont()
    font.setFamilies(["Yu Gothic UI", "Meiryo UI", "IPAGothic", "Noto Sans CJK JP", font.family()])
    app.setFont(font)
    translators = install_translators(app, language)  # noqa: F841 - kept alive for the app's lifetime
    window = MainWindow()
    window.show()
    exit_code = 0

    def after_load() -> None:
        if args.solve and window.problem is not None:
            window.busy_changed.connect(lambda busy: None if busy else finish())
            window.start_solve(args.time_limit)
        else:
            finish()

    def finish() -> None:
        nonlocal exit_code
        if args.screenshot:
            app.processEvents()
            if not window.grab().save(str(args.screenshot)):
                print(f"could not write {args.screenshot}", file=sys.stderr)
                exit_code = 3
            app.quit()

    if args.plan:
        from models.storage import Database

        db = Database(args.db)
        problem = db.load_problem(args.plan)
        latest = db.latest_solution(args.plan)
        window.set_problem(problem, latest[1] if latest else None)
        QTimer.singleShot(0, after_load)
    elif args.workbooks:
        window.busy_changed.connect(lambda busy: None if busy else QTimer.singleShot(0, _once(after_load)))
        window.open_workbooks(args.workbooks)
    elif args.screenshot:
        QTimer.singleShot(0, finish)
    code = app.exec()
    return exit_code or code


def _once(fn):
    called = False

    def wrapper():
        nonlocal called
        if not called:
            called = True
            fn()

    return wrapper


if __name__ == "__main__":
    sys.exit(main())
