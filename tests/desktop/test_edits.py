"""Every hand edit is an undo command: redo changes the roster, undo puts it back exactly."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from desktop.edits import RosterEditor
from desktop.working_plan import WorkingPlan
from models.domain import Roster


@pytest.fixture
def editing(qtbot, sample_plan):
    plan = WorkingPlan(background_evaluation=False)
    plan.load(sample_plan.problem, sample_plan.witness)
    stack = QUndoStack()
    return plan, stack, RosterEditor(plan, stack)


def _pairs(plan: WorkingPlan) -> set[tuple[str, str, bool]]:
    return {(a.staff_id, a.requirement_id, a.locked) for a in plan.roster.assignments}


def _free(plan: WorkingPlan, req_id: str) -> str:
    """Someone not working the session."""
    on = set(plan.staff_on(req_id))
    return next(s.id for s in plan.problem.staff if s.id not in on)


def test_assign_undo_redo(editing) -> None:
    plan, stack, editor = editing
    before = _pairs(plan)
    req = plan.problem.requirements[0].id
    who = _free(plan, req)
    assert editor.assign(who, req)
    assert plan.assignment(who, req).source == "manual"
    assert not editor.assign(who, req), "assigning twice pushes nothing"
    stack.undo()
    assert _pairs(plan) == before
    stack.redo()
    assert who in plan.staff_on(req)


def test_unassign_undo_restores_the_lock(editing) -> None:
    plan, stack, editor = editing
    a = plan.roster.assignments[0]
    editor.lock([(a.staff_id, a.requirement_id)])
    editor.unassign(a.staff_id, a.requirement_id)
    assert plan.assignment(a.staff_id, a.requirement_id) is None
    stack.undo()
    assert plan.assignment(a.staff_id, a.requirement_id).locked


def test_move_and_swap_are_one_step_each(editing) -> None:
    plan, stack, editor = editing
    before = _pairs(plan)
    a = plan.roster.assignments[0]
    to = _free(plan, a.requirement_id)
    assert editor.move(a.staff_id, a.requirement_id, to)
    assert plan.staff_on(a.requirement_id).count(to) == 1 and a.staff_id not in plan.staff_on(a.requirement_id)
    assert stack.count() == 1
    stack.undo()
    assert _pairs(plan) == before

    x, y = next((p, q) for p in plan.roster.assignments for q in plan.roster.assignments
                if p.staff_id != q.staff_id and p.requirement_id != q.requirement_id
                and plan.assignment(p.staff_id, q.requirement_id) is None
                and plan.assignment(q.staff_id, p.requirement_id) is None)
    assert editor.swap((x.staff_id, x.requirement_id), (y.staff_id, y.requirement_id))
    assert plan.assignment(x.staff_id, y.requirement_id) and plan.assignment(y.staff_id, x.requirement_id)
    assert plan.assignment(x.staff_id, x.requirement_id) is None
    stack.undo()
    assert _pairs(plan) == before


def test_lock_and_unlock_undo(editing) -> None:
    plan, stack, editor = editing
    pairs = [(a.staff_id, a.requirement_id) for a in plan.roster.assignments[:3]]
    editor.lock(pairs[:1])
    editor.lock(pairs, True)
    assert all(plan.assignment(*p).locked for p in pairs)
    stack.undo()
    assert [plan.assignment(*p).locked for p in pairs] == [True, False, False]
    editor.lock(pairs, False)
    assert not any(plan.assignment(*p).locked for p in pairs)
    assert plan.problem_with_locks().locked == []


def test_edit_revalidates_the_touched_cells_at_once(editing) -> None:
    plan, _stack, editor = editing
    problem = plan.problem
    # someone marked unavailable on a session's date breaks the availability rule once assigned
    req, who = next((r, s.id) for r in problem.requirements for s in problem.staff
                    if not problem.mark(s.id, r.date).can_work and s.id not in plan.staff_on(r.id))
    assert not [v for v in plan.violations if v.rule_id == "availability" and v.staff_id == who]
    editor.assign(who, req.id)
    found = [v for v in plan.violations if v.rule_id == "availability" and v.staff_id == who]
    assert found and found[0].hard and found[0].requirement_id == req.id


def test_solve_result_and_input_changes_can_be_undone(editing) -> None:
    plan, stack, editor = editing
    before = _pairs(plan)
    editor.put_roster(Roster([]), "solve")
    assert not plan.has_roster()
    stack.undo()
    assert _pairs(plan) == before
    gone = plan.problem.requirements[0]
    editor.put_input(plan.problem.with_(requirements=plan.problem.requirements[1:]), "edit")
    assert not plan.problem.has_requirement(gone.id) and not plan.staff_on(gone.id)
    stack.undo()
    assert plan.problem.has_requirement(gone.id) and _pairs(plan) == before


def test_background_evaluation_reconciles_the_whole_roster(qtbot, sample_plan) -> None:
    plan = WorkingPlan(background_evaluation=True)
    plan.load(sample_plan.problem, sample_plan.witness)
    stack = QUndoStack()
    editor = RosterEditor(plan, stack)
    a = plan.roster.assignments[0]
    editor.unassign(a.staff_id, a.requirement_id)
    qtbot.waitUntil(lambda: not plan.is_evaluating(), timeout=10000)
    from solver.evaluate import evaluate

    expected = evaluate(plan.problem, plan.roster)
    assert sorted(map(repr, plan.violations)) == sorted(map(repr, expected.violations))
    assert plan.evaluation.objective == expected.objective


def test_many_signals_and_qt_calls_keep_none_and_true_alive(qtbot) -> None:
    """PySide6 6.12.0 on Python 3.11 took a reference from None/True per call and aborted (pinned out)."""
    import sys

    plan = WorkingPlan(background_evaluation=False)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20000):
        plan.evaluated.emit()
        plan.setObjectName("plan")
    assert sys.getrefcount(None) >= none_before - 100
    assert sys.getrefcount(True) >= true_before - 100
