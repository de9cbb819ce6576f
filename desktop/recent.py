"""Recently used workbooks and plans, newest first, kept in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings

LIMIT = 8


class RecentList:
    """One list of recent entries (file paths or plan names) under a settings key."""

    def __init__(self, settings: QSettings, key: str) -> None:
        self.settings, self.key = settings, key

    def entries(self) -> list[str]:
        value = self.settings.value(self.key, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add(self, entry: str) -> None:
        """Put `entry` first (moving it if already listed), keeping at most LIMIT entries."""
        entries = [entry] + [e for e in self.entries() if e != entry]
        self.settings.setValue(self.key, entries[:LIMIT])

    def clear(self) -> None:
        self.settings.remove(self.key)
