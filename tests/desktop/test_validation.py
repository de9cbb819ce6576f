"""Re-validating after one edit gives the same violations as a full evaluation."""

from __future__ import annotations

import random
from collections import Counter

from desktop.validation import full, in_scope, revalidate
from models.domain import Assignment, Roster, plan_slice


def _scoped(violations):
    return Counter(v for v in violations if v.staff_id is not None or v.requirement_id is not None)


def test_revalidation_matches_full_evaluation_after_random_edits(sample_plan) -> None:
    problem, roster = sample_plan.problem, sample_plan.witness
    rng = random.Random(7)
    evaluation = full(problem, roster)
    assignments = list(roster.assignments)
    for _ in range(25):
        kind = rng.choice(("assign", "unassign", "move"))
        touched_staff, touched_reqs = set(), set()
        if kind in ("unassign", "move"):
            gone = assignments.pop(rng.randrange(len(assignments)))
            touched_staff.add(gone.staff_id)
            touched_reqs.add(gone.requirement_id)
        if kind in ("assign", "move"):
            staff = rng.choice(problem.staff).id
            req = rng.choice(problem.requirements).id if kind == "assign" else gone.requirement_id
            if (staff, req) not in {(a.staff_id, a.requirement_id) for a in assignments}:
                assignments.append(Assignment(staff, req, source="manual"))
                touched_staff.add(staff)
                touched_reqs.add(req)
        current = Roster(list(assignments))
        evaluation = revalidate(problem, current, evaluation.violations, touched_staff, touched_reqs)
        assert _scoped(evaluation.violations) == _scoped(full(problem, current).violations)


def test_slice_holds_touched_people_and_everyone_in_touched_sessions(sample_plan) -> None:
    problem, roster = sample_plan.problem, sample_plan.witness
    a = roster.assignments[0]
    part, part_roster = plan_slice(problem, roster, {a.staff_id}, {a.requirement_id})
    colleagues = {x.staff_id for x in roster.assignments if x.requirement_id == a.requirement_id}
    assert {s.id for s in part.staff} == colleagues | {a.staff_id}
    assert {x.staff_id for x in part_roster.assignments} <= colleagues | {a.staff_id}
    assert all(part.has_requirement(x.requirement_id) for x in part_roster.assignments)


def test_in_scope_by_person_then_by_session(sample_plan) -> None:
    v = full(sample_plan.problem, Roster([])).violations
    person_less = [x for x in v if x.staff_id is None and x.requirement_id is not None]
    assert person_less, "an empty roster leaves sessions unfilled"
    x = person_less[0]
    assert in_scope(x, set(), {x.requirement_id})
    assert not in_scope(x, {"somebody"}, set())
