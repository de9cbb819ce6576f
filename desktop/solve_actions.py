"""The main window's solve: in a worker thread with the roster's locks kept, Cancel at any moment,
the result an undoable edit (or said in words when there is none).

A mixin of MainWindow, like plan_files.py; texts use the MainWindow context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QMessageBox

from desktop.dialogs import first_lines, settings_dialog, show_box

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from solver.core import SolveResult, Solver

translate = QCoreApplication.translate

# Reasons no roster exists shown in the message itself; all of them are under its details.
SHOWN_REASONS = 4


class SolveActions:
    """Solve, Solve with cover made soft, and Cancel."""

    def start_solve(self: MainWindow, time_limit: float | None = None, soft_cover: bool = False) -> None:
        """Solve in the background, keeping the roster's locks; the result becomes an undoable edit."""
        if self.plan.problem is None or self._task is not None:
            return
        from desktop import operations
        from solver.core import SolveOptions

        problem = self.plan.problem_with_locks()
        limit = settings_dialog.time_limit(self.settings) if time_limit is None else time_limit
        options = SolveOptions(time_limit=limit, workers=settings_dialog.workers(self.settings),
                               hint=self.plan.roster if self.plan.has_roster() else None, soft_cover=soft_cover)
        self.status.setText(translate("MainWindow", "Solving…"))
        self._docks[2].show()
        self._docks[2].raise_()
        self.solve_progress.start()

        def keep_solver(solver: Solver) -> None:
            self._solver = solver  # read by Cancel on the GUI thread; cancel() is thread-safe
            if self._stop_asked:  # Cancel came while the model was being built
                solver.cancel()

        self._solving, self._stop_asked, self._soft_cover = True, False, soft_cover
        self._run(lambda: operations.solve(problem, options, lambda p: self._relay.value.emit(p), keep_solver),
                  self._solved)

    def cancel_solve(self: MainWindow) -> None:
        """Stop the solve: at once if its solver is built, else as soon as it is (building a big
        plan's model takes seconds; a Cancel pressed then was lost and the solve ran its full time)."""
        if not self._solving:
            return
        self._stop_asked = True
        solver = self._solver
        if solver is not None:
            solver.cancel()
        self.status.setText(translate("MainWindow", "Stopping — keeping the best roster found so far…"))

    @Slot(object)
    def _solved(self: MainWindow, result: SolveResult) -> None:
        self.last_result = result
        if result.roster is None and result.status != "infeasible":
            text = (translate("MainWindow", "Solve cancelled before a first roster was found.") if self._stop_asked
                    else translate("MainWindow",
                                   "No roster found within the time limit; try a longer limit in Settings, or "
                                   "Roster ▸ Solve with cover made soft to see what cannot be filled."))
            self.solve_progress.finish(text)
            self.status.setText(text)
            if result.explanation and not self._stop_asked:  # what the best roster with cover soft left short
                box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "No roster"), text, parent=self)
                box.setInformativeText("\n".join(first_lines(result.explanation, SHOWN_REASONS)))
                box.setDetailedText("\n".join(result.explanation))
                show_box(box)
            return
        if result.roster is None:
            text = translate("MainWindow", "No roster satisfies the hard rules.")
            self.solve_progress.finish(text)
            self.status.setText(text)
            box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "No roster"), translate(
                "MainWindow", "No roster satisfies the hard rules."), parent=self)
            # the reasons themselves, not only under the details: they say what to change
            reasons = first_lines(result.explanation, SHOWN_REASONS)
            box.setInformativeText("\n".join([*reasons, "", translate(
                "MainWindow", "Or make a roster with the places that cannot be filled left open: "
                              "Roster ▸ Solve with cover made soft.")]).strip())
            box.setDetailedText("\n".join(result.explanation) or result.status)
            show_box(box)
            return
        self.before_solve = self.plan.roster if self.plan.has_roster() else None  # to compare with (Roster ▸ Compare)
        self.editor.put_roster(result.roster, translate("MainWindow", "Solve"))
        states = {"optimal": translate("MainWindow", "optimal"), "feasible": translate("MainWindow", "feasible")}
        if self._soft_cover:
            # its objective prices the open places, which the summary counts as broken hard rules
            # instead: a second figure here would contradict it
            text = (translate("MainWindow", "Roster with cover made soft ready (%1), %2 s: the places left open "
                                            "are listed as broken hard rules")
                    .replace("%1", states.get(result.status, result.status)).replace("%2", f"{result.elapsed:.1f}"))
        else:
            text = (translate("MainWindow", "Roster ready (%1): objective %2, %3 s")
                    .replace("%1", states.get(result.status, result.status))
                    .replace("%2", str(result.objective)).replace("%3", f"{result.elapsed:.1f}"))
        if result.cancelled:
            text += " " + translate("MainWindow", "(cancelled; best roster kept)")
        self.status.setText(text)
        if not self.solve_progress.points and result.objective is not None:
            # the search reported no roster as it went (the hint was its only one): the chart shows the result
            from solver.core import Progress  # local: loaded with the solve

            self.solve_progress.add(Progress(result.objective, result.bound, result.gap, result.elapsed, 1))
        self.solve_progress.finish(text)
