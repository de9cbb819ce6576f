"""Every hand edit of a roster as an undo command (assign, unassign, move, swap, lock, new input).

Commands call the WorkingPlan's domain methods in `redo`/`undo`; composite edits (move, swap) are
built from smaller commands, as in Orange's canvas. Widgets only call `RosterEditor`, which pushes.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.working_plan import Pair, WorkingPlan
from models.domain import Assignment, Mark, Problem, Roster, Window


def _who(plan: WorkingPlan, staff_id: str) -> str:
    assert plan.problem is not None
    try:
        return plan.problem.staff_by_id(staff_id).name
    except KeyError:
        return staff_id


def _session(plan: WorkingPlan, requirement_id: str) -> str:
    assert plan.problem is not None
    return plan.problem.requirement(requirement_id).label()


class AssignCommand(QUndoCommand):
    """Put a person into a session (as a manual assignment)."""

    def __init__(self, plan: WorkingPlan, staff_id: str, requirement_id: str, parent: QUndoCommand | None = None):
        super().__init__(parent)
        self.plan, self.staff_id, self.requirement_id = plan, staff_id, requirement_id
        self.setText(QCoreApplication.translate("RosterEditor", "Assign %1 to %2").replace("%1", _who(plan, staff_id)).replace("%2", _session(plan, requirement_id)))

    def redo(self) -> None:
        self.plan.add(Assignment(self.staff_id, self.requirement_id, source="manual"))

    def undo(self) -> None:
        self.plan.remove(self.staff_id, self.requirement_id)


class UnassignCommand(QUndoCommand):
    """Take a person out of a session; undo puts the same assignment (lock, source) back."""

    def __init__(self, plan: WorkingPlan, staff_id: str, requirement_id: str, parent: QUndoCommand | None = None):
        super().__init__(parent)
        self.plan, self.staff_id, self.requirement_id = plan, staff_id, requirement_id
        self.removed: Assignment | None = plan.assignment(staff_id, requirement_id)
        self.setText(QCoreApplication.translate("RosterEditor", "Unassign %1 from %2").replace("%1", _who(plan, staff_id)).replace("%2", _session(plan, requirement_id)))

    def redo(self) -> None:
        self.removed = self.plan.remove(self.staff_id, self.requirement_id) or self.removed

    def undo(self) -> None:
        if self.removed is not None:
            self.plan.add(self.removed)


class LockCommand(QUndoCommand):
    """Lock (pin) or unlock assignments; undo restores each one's previous state."""

    def __init__(self, plan: WorkingPlan, pairs: Iterable[Pair], locked: bool, parent: QUndoCommand | None = None):
        super().__init__(parent)
        self.plan, self.locked = plan, locked
        self.before = {p: plan.assignment(*p).locked for p in pairs if plan.assignment(*p) is not None}
        n = len(self.before)
        self.setText(QCoreApplication.translate("RosterEditor", "Lock %n assignment(s)", "", n) if locked
                     else QCoreApplication.translate("RosterEditor", "Unlock %n assignment(s)", "", n))

    def redo(self) -> None:
        self.plan.set_locked(self.before, self.locked)

    def undo(self) -> None:
        for value in (True, False):
            self.plan.set_locked([p for p, was in self.before.items() if was is value], value)


class EditSequence(QUndoCommand):
    """Several edits as one undo step (move = unassign + assign; swap = two of each).

    The steps are kept in a Python list rather than as Qt child commands, so their Python
    redo/undo stay alive as long as the sequence does.
    """

    def __init__(self, text: str, steps: list[QUndoCommand]):
        super().__init__(text)
        self.steps = steps

    def redo(self) -> None:
        for step in self.steps:
            step.redo()

    def undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()


class ReplaceRosterCommand(QUndoCommand):
    """Replace the whole roster (a solve result), so a solve can be undone like any edit."""

    def __init__(self, plan: WorkingPlan, roster: Roster, text: str):
        super().__init__(text)
        self.plan, self.after, self.before = plan, roster, plan.roster

    def redo(self) -> None:
        self.plan.replace_roster(self.after)

    def undo(self) -> None:
        self.plan.replace_roster(self.before)


class ReplaceInputCommand(QUndoCommand):
    """Replace the plan's input (staff, sites, sessions, rules); undo restores input and roster."""

    def __init__(self, plan: WorkingPlan, problem: Problem, text: str):
        super().__init__(text)
        assert plan.problem is not None
        self.plan, self.after, self.before, self.roster = plan, problem, plan.problem, plan.roster

    def redo(self) -> None:
        self.plan.replace_problem(self.after)

    def undo(self) -> None:
        self.plan.replace_problem(self.before)
        self.plan.replace_roster(self.roster)


class RosterEditor:
    """What the views may do to the roster; each call pushes one undoable command."""

    def __init__(self, plan: WorkingPlan, stack: QUndoStack) -> None:
        self.plan, self.stack = plan, stack

    def assign(self, staff_id: str, requirement_id: str) -> bool:
        """Assign unless already assigned; returns whether a command was pushed."""
        if self.plan.assignment(staff_id, requirement_id) is not None:
            return False
        self.stack.push(AssignCommand(self.plan, staff_id, requirement_id))
        return True

    def unassign(self, staff_id: str, requirement_id: str) -> bool:
        if self.plan.assignment(staff_id, requirement_id) is None:
            return False
        self.stack.push(UnassignCommand(self.plan, staff_id, requirement_id))
        return True

    def move(self, from_staff: str, requirement_id: str, to_staff: str) -> bool:
        """Give a person's session to someone else (drag onto a free cell)."""
        if from_staff == to_staff or self.plan.assignment(from_staff, requirement_id) is None:
            return False
        if self.plan.assignment(to_staff, requirement_id) is not None:
            return False
        text = (QCoreApplication.translate("RosterEditor", "Move %1 from %2 to %3")
                .replace("%1", _session(self.plan, requirement_id))
                .replace("%2", _who(self.plan, from_staff)).replace("%3", _who(self.plan, to_staff)))
        self.stack.push(EditSequence(text, [UnassignCommand(self.plan, from_staff, requirement_id),
                                            AssignCommand(self.plan, to_staff, requirement_id)]))
        return True

    def swap(self, first: Pair, second: Pair) -> bool:
        """Two people exchange their sessions (each takes the other's)."""
        (a, ra), (b, rb) = first, second
        if a == b or ra == rb or self.plan.assignment(a, ra) is None or self.plan.assignment(b, rb) is None:
            return False
        if self.plan.assignment(a, rb) is not None or self.plan.assignment(b, ra) is not None:
            return False
        text = (QCoreApplication.translate("RosterEditor", "Swap %1 and %2")
                .replace("%1", _who(self.plan, a)).replace("%2", _who(self.plan, b)))
        self.stack.push(EditSequence(text, [UnassignCommand(self.plan, a, ra), UnassignCommand(self.plan, b, rb),
                                            AssignCommand(self.plan, a, rb), AssignCommand(self.plan, b, ra)]))
        return True

    def lock(self, pairs: Iterable[Pair], locked: bool = True) -> bool:
        command = LockCommand(self.plan, pairs, locked)
        if not command.before:
            return False
        self.stack.push(command)
        return True

    def put_roster(self, roster: Roster, text: str) -> None:
        self.stack.push(ReplaceRosterCommand(self.plan, roster, text))

    def put_input(self, problem: Problem, text: str) -> None:
        self.stack.push(ReplaceInputCommand(self.plan, problem, text))

    def set_mark(self, staff_id: str, day: date, mark: Mark, text: str, window: Window | None = None) -> bool:
        """Change one person's availability mark for one day (someone falls ill: ×), with the hours
        they are free that day (`window`: 15時から) or none, as one undoable input edit; the roster
        stays, and an assignment the mark rules out shows as a violation. Returns whether anything changed."""
        problem = self.plan.problem
        assert problem is not None
        key = (staff_id, day)
        if (problem.availability.get(key) is mark and problem.windows.get(key) == window and key not in problem.refused
                and key not in problem.day_caps):
            return False
        # the mark chosen replaces the hours and the shifts refused written with the old one, as a new cell would
        windows = {k: hours for k, hours in problem.windows.items() if k != key}
        if window is not None:
            windows[key] = window
        refused = {k: shifts for k, shifts in problem.refused.items() if k != key}
        caps = {k: cap for k, cap in problem.day_caps.items() if k != key}
        self.put_input(problem.with_(availability={**problem.availability, key: mark}, windows=windows,
                                     refused=refused, day_caps=caps), text)
        return True
