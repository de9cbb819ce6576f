"""The settings dialog: language, solve time limit and solver threads, kept in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

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
        note = QLabel(self.tr("A new language is used from the next start of Haichi."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Solve time limit"), self.time_limit)
        form.addRow(self.tr("Solver threads"), self.workers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def accept(self) -> None:
        self.settings.setValue("language", self.language.currentData())
        self.settings.setValue("solve/time_limit", self.time_limit.value())
        self.settings.setValue("solve/workers", self.workers.value())
        self.settings.sync()
        super().accept()
