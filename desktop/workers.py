"""Run an operation off the GUI thread and hand its result back on the GUI thread.

The work function runs in a QThread; `finished`/`failed` are delivered to slots in the GUI thread
through queued connections. Progress from CP-SAT's own thread goes through `Relay`, a QObject that
lives in the GUI thread, so no widget is ever touched from another thread.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot



class Relay(QObject):
    """Carries values emitted from any thread to the GUI thread."""

    value = Signal(object)


class _Runner(QObject):
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # handed to the GUI, which shows it in words
            self.failed.emit(error)
        else:
            self.finished.emit(result)


_orphans: set[BackgroundTask] = set()  # tasks whose owner went first, until they are done


class BackgroundTask(QObject):
    """One piece of work in its own thread. Keep a reference until `done` fires."""

    finished = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._runner = _Runner(work)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)

    @classmethod
    def started(cls, work: Callable[[], Any], parent: QObject | None, finished: Callable[[Any], None],
                failed: Callable[[BaseException], None] | None = None,
                done: Callable[[], None] | None = None) -> BackgroundTask:
        """The task of `work`, its signals connected to the slots given, started. Each arrives in the GUI
        thread, so a caller keeping the task returned sees `done` only after it has kept it."""
        task = cls(work, parent)
        task.finished.connect(finished)
        if failed is not None:
            task.failed.connect(failed)
        if done is not None:
            task.done.connect(done)
        task.start()
        return task

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        self._thread.quit()
        return self._thread.wait(ms)

    def outlive_owner(self) -> None:
        """Let the work run to its end after its owner is deleted (a dialog closed while the task
        waits for a server): kept here until done, its results going nowhere. Deleted with its
        owner, the running thread aborted the program."""
        if self.is_running():
            self.setParent(None)
            _orphans.add(self)
            self.done.connect(lambda: _orphans.discard(self))

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._stop()
        self.finished.emit(result)
        self.done.emit()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._stop()
        self.failed.emit(error)
        self.done.emit()

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
