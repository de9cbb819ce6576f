"""The settings dialog: language, solve time limit, solver threads and the plan database, in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from models.i18n import system_language

LANGUAGES = (("ja", "日本語"), ("en", "English"))


def chosen_language(settings: QSettings) -> str:
    """The language saved in the settings, else the system's ('ja' on a Japanese system)."""
    value = str(settings.value("language", "") or "")
    return value if value in dict(LANGUAGES) else system_language()


def time_limit(settings: QSettings) -> float:
    """Seconds a solve may run (default 60)."""
    return float(settings.value("solve/time_limit", 60))


def workers(settings: QSettings) -> int:
    """Solver threads (0 = all cores)."""
    return int(settings.value("solve/workers", 0))


def database_location(settings: QSettings) -> str:
    """The plan database chosen here: a SQLite file or a team's postgresql+psycopg:// URL ("" = default)."""
    return str(settings.value("database/url", "") or "")


def check_database(location: str) -> tuple[bool, str]:
    """Open the database read-only and say whether it is usable, in words (run it off the GUI thread)."""
    from pathlib import Path

    from models.i18n import t
    from models.storage.engine import default_url, to_url
    from models.storage.maintenance import check

    if location and "://" not in location and not Path(location).expanduser().exists():
        return True, t("新しいデータベースファイルを作成します。", "A new database file will be created here.")
    try:
        health = check(to_url(location or default_url()))
    except Exception as error:  # a malformed URL: say so instead of failing
        return False, str(error)
    return health.ok, "\n".join(health.problems or health.facts)


class SettingsDialog(QDialog):
    """Reads and writes the application's QSettings."""

    def __init__(self, settings: QSettings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex([c for c, _ in LANGUAGES].index(chosen_language(settings)))
        self.time_limit = QSpinBox(self)
        self.time_limit.setRange(1, 24 * 3600)
        self.time_limit.setSuffix(self.tr(" s"))
        self.time_limit.setValue(int(time_limit(settings)))
        self.workers = QSpinBox(self)
        self.workers.setRange(0, 256)
        self.workers.setSpecialValueText(self.tr("all cores"))
        self.workers.setValue(workers(settings))
        self.database = QLineEdit(database_location(settings), self)
        self.database.setPlaceholderText(self.tr("Default: a file in your user folder"))
        self.database.setToolTip(self.tr("A SQLite file, or a team database such as "
                                         "postgresql+psycopg://user@server/haichi"))
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.test_database)
        self.test_result = QLabel("", self)
        self.test_result.setWordWrap(True)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(self.test_button)
        self._check_task = None
        note = QLabel(self.tr("A new language or database is used once Haichi starts again: after OK, it offers to restart."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Solve time limit"), self.time_limit)
        form.addRow(self.tr("Solver threads"), self.workers)
        form.addRow(self.tr("Plan database"), database_row)
        form.addRow("", self.test_result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def test_database(self) -> None:
        """Try the database in the background (a server may take seconds to answer) and show the result."""
        from desktop.workers import BackgroundTask

        location = self.database.text().strip()
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        self._check_task = BackgroundTask.started(lambda: check_database(location), self, self._tested,
                                                  self._check_failed, self._check_done)

    def _check_failed(self, error: BaseException) -> None:
        self._tested((False, str(error)))

    def _check_done(self) -> None:
        self._check_task = None

    def done(self, result: int) -> None:
        if self._check_task is not None:  # closed while a server is slow to answer: the check runs out
            self._check_task.outlive_owner()
        super().done(result)

    def _tested(self, outcome: tuple[bool, str]) -> None:
        ok, detail = outcome
        self.test_button.setEnabled(True)
        self.test_result.setText((self.tr("Connected.") if ok else self.tr("Cannot use this database.")) +
                                 (f"\n{detail}" if detail else ""))
        self.last_test = ok
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to the lines the wrapped answer needs: a dialog on screen keeps its height, and a
        driver's long refusal was squashed over the field above and the note below."""
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))

    def accept(self) -> None:
        self.settings.setValue("language", self.language.currentData())
        self.settings.setValue("solve/time_limit", self.time_limit.value())
        self.settings.setValue("solve/workers", self.workers.value())
        self.settings.setValue("database/url", self.database.text().strip())
        self.settings.sync()
        super().accept()
