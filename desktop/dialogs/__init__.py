"""The dialogs, and how the window runs one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox


def run_modal(dialog: QDialog) -> int:
    """exec() the dialog, then have it deleted once the slot that opened it has read its answer:
    a child of the window, every dialog opened (a print preview with its pages) lived as long as
    the window."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def show_box(box: QMessageBox) -> None:
    """Show a message without waiting for an answer; it is deleted once answered."""
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def first_lines(lines: list[str], limit: int) -> list[str]:
    """The first `limit` of the `lines` a message shows before its question, and a line counting
    the rest, which its details list."""
    shown = lines[:limit]
    more = len(lines) - len(shown)  # a name, not a call: lupdate does not see a translate() whose count is a call
    if more > 0:
        shown.append(QCoreApplication.translate("MainWindow", "…and %n more (see the details)", "", more))
    return shown
