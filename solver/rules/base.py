"""What every rule module provides, and the settings look-up they share.

A rule is one object with
- `info`: its metadata (`models.rulemeta.RuleInfo`), from which the rules dialog and the
  Excel `設定` sheet are generated;
- `screen(ctx, staff)`: while the rule is enabled and hard, a test of which of the person's sessions
  may be paired with them at all (the solver creates variables only for pairs every hard rule
  allows, plus locked pairs); `allows(ctx, staff, req)` asks it for one pair;
- `build(ctx)`: adds constraints (hard) or returns named penalties (soft) to the CP-SAT model;
- `check(problem, roster)`: the evaluator counterpart, plain Python, no CP-SAT: every violation
  with its cost, so that the sum of the costs equals the solver's objective for the same roster;
- `budgets(ctx, staff)`: while the rule is enabled and hard, the upper bounds it puts on sums over
  the person's sessions (`Budget`), which a greedy first roster (solver.greedy) keeps within;
- `wishes(ctx, staff)`: while the rule is enabled and soft, the counts per period it wants the
  person to reach (`Wish`), which a greedy first roster aims at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Hashable, Mapping, Protocol

from models.domain import Problem, Requirement, Roster, RuleSetting, Staff, Violation
from models.rulemeta import RuleInfo

if TYPE_CHECKING:
    from solver.context import Context


@dataclass
class Penalty:
    """A soft term of the objective: `weight * expr`, with what it means to a person."""

    expr: Any  # a CP-SAT linear expression or variable (integer-valued, >= 0)
    weight: int
    rule_id: str
    label: str
    # When set, `expr` is a one-sided slack (at least the cost, equal at every optimum: the LP's
    # textbook form) and `exact(value)` is the cost itself, from the solution's `value(expr) -> int`.
    exact: Callable[[Callable[[Any], int]], int] | None = None

    def cost(self, value: Callable[[Any], int]) -> int:
        """This term's exact cost (weight included) in the solution `value` reads."""
        if self.exact is not None:
            units = self.exact(value)
        else:
            units = self.expr if isinstance(self.expr, int) else value(self.expr)
        return self.weight * int(units)


@dataclass(frozen=True)
class Budget:
    """A hard upper bound on one person's sessions: in each period (`period(req)`: a week, a
    month, the plan), the sum of `use(req)` (1 a session, its minutes, its pay) is at most `room`."""

    period: Callable[[Requirement], Hashable]
    use: Callable[[Requirement], int]
    room: int
    spent: Mapping[Hashable, int] = field(default_factory=dict)  # used before the plan, by period (its first week)


@dataclass(frozen=True)
class Wish:
    """A soft count for one person: in each period (`period(req)`), `target(period)` sessions,
    each one above or below costing `weight`."""

    period: Callable[[Requirement], Hashable]
    target: Callable[[Hashable], int]
    weight: int


class Rule(Protocol):
    info: RuleInfo

    def allows(self, ctx: Context, staff: Staff, req: Requirement) -> bool: ...

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool] | None: ...

    def build(self, ctx: Context) -> list[Penalty]: ...

    def check(self, problem: Problem, roster: Roster) -> list[Violation]: ...

    def budgets(self, ctx: Context, staff: Staff) -> list[Budget]: ...

    def wishes(self, ctx: Context, staff: Staff) -> list[Wish]: ...


class BaseRule:
    """Defaults for rules: allow every pair, add nothing, find nothing."""

    info: RuleInfo

    def allows(self, ctx: Context, staff: Staff, req: Requirement) -> bool:
        """Whether the pair may exist, one pair at a time: the rule's `screen` asked once."""
        test = self.screen(ctx, staff)
        return test is None or test(req)

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool] | None:
        """The test of one person's sessions (None: every session passes). A model asks it once
        per person and then once per session, so a rule looks the person's limits up once, not
        per pair (Curtois Instance24: 150 people × 11 648 sessions). Rules that keep pairs out
        override this; `allows` follows from it."""
        return None

    def build(self, ctx: Context) -> list[Penalty]:
        return []

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        return []

    def budgets(self, ctx: Context, staff: Staff) -> list[Budget]:
        return []

    def wishes(self, ctx: Context, staff: Staff) -> list[Wish]:
        return []


# What a solve with cover made soft (--soft-cover) lets fall short: the people a session needs and
# their skills; a skill shortfall alone would otherwise still leave no partial roster.
SOFT_COVER = ("cover_min", "required_skills")


def setting(problem: Problem, info: RuleInfo, soft_cover: bool = False) -> RuleSetting:
    """The manager's setting for a rule, falling back to the rule's defaults field by field."""
    chosen = problem.rules.get(info.id)
    if chosen is None:
        result = RuleSetting(
            enabled=info.enabled_default,
            hard=info.hard_default,
            weight=info.weight_default,
            params={p.name: p.default for p in info.params},
        )
    else:
        params = {p.name: p.default for p in info.params}
        params.update(chosen.params)
        result = RuleSetting(
            enabled=chosen.enabled,
            hard=chosen.hard and info.can_be_hard,
            weight=chosen.weight,
            params=params,
            staff_overrides=chosen.staff_overrides,
            from_sheet=chosen.from_sheet,
        )
    if soft_cover and info.id in SOFT_COVER:
        result.hard = False
    return result


def limit(problem: Problem, info: RuleInfo, name: str, staff: Staff) -> Any:
    """A per-person parameter: the rule's per-staff override, else the person's own field
    of the same name (from the 職員 sheet), else the rule's parameter value (None = no limit)."""
    chosen = problem.rules.get(info.id)
    if chosen is not None and name in chosen.staff_overrides.get(staff.id, {}):
        return chosen.staff_overrides[staff.id][name]
    own = getattr(staff, name, None)
    if own is not None:
        return own
    return setting(problem, info).params.get(name)
