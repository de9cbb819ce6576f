"""The evaluator's view of a roster: its known (staff, session) pairs, indexed like the Context.

Assignments that name an unknown person or session are left out (the importer reports those);
duplicates count once.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from models.domain import Problem, Requirement, Roster, RuleSetting, Staff, Violation
from models.rulemeta import RuleInfo


class Placed:
    """A roster resolved against its problem."""

    def __init__(self, problem: Problem, roster: Roster):
        self.problem = problem
        self.pairs: set[tuple[str, str]] = set()
        self.by_req: dict[str, list[Staff]] = defaultdict(list)
        self.by_staff: dict[str, list[Requirement]] = defaultdict(list)
        self.by_staff_day: dict[tuple[str, date], list[Requirement]] = defaultdict(list)
        known = {s.id for s in problem.staff}
        for staff_id, req_id in sorted(roster.pairs()):
            if not problem.has_requirement(req_id) or staff_id not in known:
                continue
            staff, req = problem.staff_by_id(staff_id), problem.requirement(req_id)
            self.pairs.add((staff_id, req_id))
            self.by_req[req_id].append(staff)
            self.by_staff[staff_id].append(req)
            self.by_staff_day[(staff_id, req.date)].append(req)

    def items(self) -> list[tuple[Staff, Requirement]]:
        """Every assigned (person, session), in a stable order."""
        p = self.problem
        return [(p.staff_by_id(s), p.requirement(r)) for s, r in sorted(self.pairs)]


def breach(
    info: RuleInfo, setting: RuleSetting, units: int, message: str, *,
    staff_id: str | None = None, requirement_id: str | None = None, day: date | None = None,
) -> Violation:
    """A violation of `units` units: cost weight * units when soft, 0 (and hard=True) when hard."""
    return Violation(
        rule_id=info.id,
        hard=setting.hard,
        message=message,
        cost=0 if setting.hard else setting.weight * units,
        staff_id=staff_id,
        requirement_id=requirement_id,
        date=day,
    )
