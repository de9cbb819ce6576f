"""The plan open in the window: its input, its roster and the roster's violations.

Views never change it directly: undo commands (desktop/edits.py) call `add`, `remove` and
`set_locked`, and views refresh from the signals, as Anki's screens refresh from a change broadcast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop import validation
from desktop.workers import BackgroundTask
from models.domain import Assignment, Problem, Roster, Violation

Pair = tuple[str, str]  # (staff id, requirement id)


@dataclass
class NoEvaluation:
    """Stands in for solver.evaluate.Evaluation before any plan is open (the solver loads later)."""

    violations: list[Violation] = field(default_factory=list)
    objective: int = 0
    hard_violations: list[Violation] = field(default_factory=list)
    hard_listed: int = 0


class WorkingPlan(QObject):
    """One plan's problem and roster, re-validated after every change."""

    reset = Signal()  # a new problem or a whole new roster: views reload everything
    edited = Signal(object, object)  # (staff ids, requirement ids) whose cells changed
    evaluated = Signal()  # violations and objective were recomputed
    input_changed = Signal()  # staff, sites, sessions or rules changed

    def __init__(self, parent: QObject | None = None, background_evaluation: bool = True) -> None:
        super().__init__(parent)
        self.problem: Problem | None = None
        self.plan_name: str | None = None
        self.evaluation = NoEvaluation()
        self.modified = False
        self._pairs: dict[Pair, Assignment] = {}
        self._by_requirement: dict[str, dict[str, None]] = {}  # session -> its people (ordered set)
        self._background = background_evaluation
        self._generation = 0
        self._task: BackgroundTask | None = None
        self._full_timer = QTimer(self)
        self._full_timer.setSingleShot(True)
        self._full_timer.setInterval(250)
        self._full_timer.timeout.connect(self._start_full_evaluation)

    # -- reading ------------------------------------------------------------------------------
    @property
    def roster(self) -> Roster:
        """The current roster (a fresh Roster object; assignments keep their order of arrival)."""
        return Roster(list(self._pairs.values()))

    @property
    def violations(self) -> list[Violation]:
        return self.evaluation.violations

    def has_roster(self) -> bool:
        return self.problem is not None and bool(self._pairs)

    def assignment(self, staff_id: str, requirement_id: str) -> Assignment | None:
        return self._pairs.get((staff_id, requirement_id))

    def staff_on(self, requirement_id: str) -> list[str]:
        """Ids of the people assigned to the session, in order of assignment."""
        return list(self._by_requirement.get(requirement_id, ()))

    def is_evaluating(self) -> bool:
        return self._task is not None or self._full_timer.isActive()

    # -- whole changes ------------------------------------------------------------------------
    def load(self, problem: Problem | None, roster: Roster | None = None, plan_name: str | None = None) -> None:
        """Show a new plan (and roster); evaluates it at once."""
        self.problem = problem
        self.plan_name = plan_name or (problem.name if problem else None)
        self._set_pairs(roster.assignments if roster else [])
        self.modified = False
        self._evaluate_now()
        self.reset.emit()

    def replace_roster(self, roster: Roster) -> None:
        """Put in a whole new roster (a solve result or an undo of one)."""
        self._set_pairs(roster.assignments)
        self.modified = True
        self._evaluate_now()
        self.reset.emit()

    def replace_problem(self, problem: Problem) -> None:
        """Put in edited input (staff, sites, sessions or rules); assignments to gone sessions drop out."""
        self.problem = problem
        people = {s.id for s in problem.staff}
        self._set_pairs([a for a in self._pairs.values()
                         if problem.has_requirement(a.requirement_id) and a.staff_id in people])
        self.modified = True
        self._evaluate_now()
        self.input_changed.emit()
        self.reset.emit()

    def _set_pairs(self, assignments: Iterable[Assignment]) -> None:
        self._pairs = {}
        self._by_requirement = {}
        for a in assignments:
            self._pairs[(a.staff_id, a.requirement_id)] = a
            self._by_requirement.setdefault(a.requirement_id, {})[a.staff_id] = None

    def problem_with_locks(self) -> Problem:
        """The problem with the roster's locked assignments as its pins (what a re-solve keeps)."""
        assert self.problem is not None
        locked = [a for a in self._pairs.values() if a.locked]
        return self.problem.with_(locked=locked)

    # -- single edits (called by undo commands) -------------------------------------------------
    def add(self, assignment: Assignment) -> None:
        self._pairs[(assignment.staff_id, assignment.requirement_id)] = assignment
        self._by_requirement.setdefault(assignment.requirement_id, {})[assignment.staff_id] = None
        self._changed([assignment.staff_id], [assignment.requirement_id])

    def remove(self, staff_id: str, requirement_id: str) -> Assignment | None:
        """Take the assignment out; returns it (None if there was none)."""
        gone = self._pairs.pop((staff_id, requirement_id), None)
        self._by_requirement.get(requirement_id, {}).pop(staff_id, None)
        self._changed([staff_id], [requirement_id])
        return gone

    def set_locked(self, pairs: Iterable[Pair], locked: bool) -> None:
        pairs = [p for p in pairs if p in self._pairs]
        for p in pairs:
            a = self._pairs[p]
            self._pairs[p] = Assignment(a.staff_id, a.requirement_id, locked=locked, source=a.source)
        self._changed([s for s, _ in pairs], [r for _, r in pairs])

    # -- validation ---------------------------------------------------------------------------
    def _changed(self, staff_ids: list[str], requirement_ids: list[str]) -> None:
        self.modified = True
        if self.problem is not None:
            self.evaluation = validation.revalidate(
                self.problem, self.roster, self.evaluation.violations, staff_ids, requirement_ids
            )
        self._generation += 1
        self.edited.emit(set(staff_ids), set(requirement_ids))
        self.evaluated.emit()
        if self._background:
            self._full_timer.start()
        else:
            self._evaluate_now()
            self.evaluated.emit()

    def _evaluate_now(self) -> None:
        self._generation += 1
        self._full_timer.stop()
        if self.problem is None:
            self.evaluation = NoEvaluation()
        else:
            self.evaluation = validation.full(self.problem, self.roster)

    @Slot()
    def _start_full_evaluation(self) -> None:
        if self.problem is None or self._task is not None:
            if self._task is not None:
                self._full_timer.start()  # one at a time: try again once this one is back
            return
        generation, problem, roster = self._generation, self.problem, self.roster
        self._task = BackgroundTask.started(lambda: validation.full(problem, roster), self,
                                            lambda result: self._full_done(generation, result), done=self._task_done)

    def _full_done(self, generation: int, result) -> None:
        if generation == self._generation:
            self.evaluation = result
            self.evaluated.emit()

    @Slot()
    def _task_done(self) -> None:
        self._task = None

    def wait(self) -> None:
        """Block until a running background evaluation is back (used when closing)."""
        self._full_timer.stop()
        if self._task is not None:
            self._task.wait()
