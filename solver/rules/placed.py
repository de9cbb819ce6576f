"""The evaluator's view of a roster: its known (staff, session) pairs, indexed like the Context.

Assignments that name an unknown person or session are left out (the importer reports those);
duplicates count once.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from contextlib import contextmanager
from datetime import date
from typing import Callable, Iterator, TypeVar

from models.domain import Problem, Requirement, Roster, RuleSetting, Staff, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import setting as setting_of

T = TypeVar("T")


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
        # read-only from here on (the evaluator's rules share one, see `placed_of`): a missing key
        # must not add an empty list
        self.by_req, self.by_staff, self.by_staff_day = dict(self.by_req), dict(self.by_staff), dict(self.by_staff_day)
        self._items: list[tuple[Staff, Requirement]] | None = None

    def items(self) -> list[tuple[Staff, Requirement]]:
        """Every assigned (person, session), in a stable order."""
        if self._items is None:
            p = self.problem
            self._items = [(p.staff_by_id(s), p.requirement(r)) for s, r in sorted(self.pairs)]
        return self._items


_scoring = threading.local()


@contextmanager
def scoring(problem: Problem, roster: Roster) -> Iterator[None]:
    """While the evaluator scores `roster`, what the rules derive from it (`placed_of`, and
    counting.assigned) is built once and shared, the rules only reading it: Curtois Instance22
    (50 nurses × 364 days) was resolved eleven times per evaluation, half of its time."""
    saved = getattr(_scoring, "current", None)
    _scoring.current = (problem, roster, {})
    try:
        yield
    finally:
        _scoring.current = saved


def shared(problem: Problem, roster: Roster, name: str, build: Callable[[], T]) -> T:
    """`build()`, once per roster being scored (see `scoring`); every time outside."""
    current = getattr(_scoring, "current", None)
    if current is None or current[0] is not problem or current[1] is not roster:
        return build()
    memo = current[2]
    if name not in memo:
        memo[name] = build()
    return memo[name]


def placed_of(problem: Problem, roster: Roster) -> Placed:
    """The roster resolved against its problem (shared while the evaluator scores it)."""
    return shared(problem, roster, "placed", lambda: Placed(problem, roster))


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


def placement_breaches(info: RuleInfo, problem: Problem, roster: Roster,
                       said: Callable[[Staff, Requirement], str | None]) -> list[Violation]:
    """One unit's violation for each placement `said` finds wrong (its message; None where it is
    fine), under the rule's setting; none when the rule is off. The check of the rules that weigh
    each placement alone (a △ day, a site away from home)."""
    s = setting_of(problem, info)
    if not s.enabled:
        return []
    return [breach(info, s, 1, message, staff_id=staff.id, requirement_id=req.id, day=req.date)
            for staff, req in placed_of(problem, roster).items() if (message := said(staff, req)) is not None]


def spread_breach(problem: Problem, info: RuleInfo, setting: RuleSetting, counts: dict[str, int],
                  say: Callable[..., str]) -> list[Violation]:
    """The violation of a spread rule: the gap between the largest and the smallest of `counts`
    (staff id -> count; none with fewer than two people or no gap), told by `say(spread=, top=,
    top_n=, low=, low_n=)` with the two people's names."""
    if len(counts) < 2 or max(counts.values()) == min(counts.values()):
        return []
    most = max(counts, key=lambda k: (counts[k], k))
    fewest = min(counts, key=lambda k: (counts[k], k))
    spread = counts[most] - counts[fewest]
    message = say(spread=spread, top=problem.staff_by_id(most).name, top_n=counts[most],
                  low=problem.staff_by_id(fewest).name, low_n=counts[fewest])
    return [breach(info, setting, spread, message)]


def even_breach(problem: Problem, info: RuleInfo, setting: RuleSetting, counts: dict[str, int],
                what: str, unit: str = "回", days: dict[str, int] | None = None) -> list[Violation]:
    """The violation of a fairness rule's even share: how far `counts` (staff id -> count) are from
    their share of the sum in all (`bounds.even_distance`, by each person's `days` when given), naming
    the people furthest above and below theirs; `what` says what was counted (配置回数), `unit` its unit
    in Japanese."""
    from solver.rules.bounds import even_distance, even_shares  # local: bounds is the model's side

    ids = list(counts)
    values, weights = [counts[i] for i in ids], [days[i] for i in ids] if days is not None else None
    if len(counts) < 2 or not (distance := even_distance(values, weights)):
        return []
    shares = dict(zip(ids, even_shares(values, weights)))
    alike = len(set(shares.values())) == 1

    def band(low: int, high: int) -> str:
        return f"{low}" if low == high else f"{low}〜{high}"

    def named(people: list[str]) -> str:
        shown = t("、", ", ").join(
            t("{name} {n} {unit}", "{name} {n}", name=problem.staff_by_id(i).name, n=counts[i], unit=unit)
            + ("" if alike else t("（均等 {s}）", " (share {s})", s=band(*shares[i]))) for i in people[:3])
        return shown + (t(" ほか {n} 人", " and {n} more", n=len(people) - 3) if len(people) > 3 else "")

    over = sorted((i for i in ids if counts[i] > shares[i][1]), key=lambda i: (-(counts[i] - shares[i][1]), i))
    under = sorted((i for i in ids if counts[i] < shares[i][0]), key=lambda i: (-(shares[i][0] - counts[i]), i))
    sides = [t("多い人: {p}", "above: {p}", p=named(over))] if over else []
    sides += [t("少ない人: {p}", "below: {p}", p=named(under))] if under else []
    if alike:
        message = t("{what}が均等な数（{share} {unit}）から計 {n} {unit}外れています（{sides}）。",
                    "{what} are {n} away from an even share ({share}) in all ({sides}).",
                    what=what, share=band(*shares[ids[0]]), unit=unit, n=distance, sides="; ".join(sides))
    else:
        message = t("{what}が、勤務できる日数に応じた均等な数から計 {n} {unit}外れています（{sides}）。",
                    "{what} are {n} away from even shares by the days each can work, in all ({sides}).",
                    what=what, unit=unit, n=distance, sides="; ".join(sides))
    return [breach(info, setting, distance, message)]
