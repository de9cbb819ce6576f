"""CP-SAT terms shared by rules: one-sided slack penalties with their exact cost, hard-or-soft bounds.

A soft bound's penalty is the textbook one-sided slack (`v >= amount, v >= 0`): the LP sees it
directly and local search may move freely, which measured far better rosters than an exact
`v == max(0, amount)` (Curtois Instance14 at 15 s: 3129 instead of 5243). The slack equals the
cost at every optimum; between optima the Penalty's `exact` gives the roster's own cost, which
is what the solver reports, so it always equals the evaluator's.

CP-SAT itself is imported where a model is built, not with the rule catalogue: the importer,
the evaluator and the desktop's first screen need the rules' metadata and checks only, and
ortools' Python layer (pandas with it) takes over a second to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from models.domain import RuleSetting
from solver.rules.base import Penalty

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def started_units(amount: int, unit: int = 1) -> int:
    """How many started `unit`s `amount` is above zero: ceil(max(0, amount) / unit)."""
    return -(-max(0, amount) // unit)


def slack_penalty(
    model: cp_model.CpModel, amount: Any, top: int, weight: int, rule_id: str, label: str,
    unit: int = 1, low: int | None = None,
) -> list[Penalty]:
    """`weight * started_units(amount, unit)` as a one-sided slack, where low <= amount <= top;
    nothing when it can never be positive. When it can never be negative either (`low` >= 0, in
    units of 1), the amount is its own exact, linear cost and needs no slack (one person's part
    of a plan: a session's cover is the others' fixed count plus one pair). The returned
    Penalty's `exact` computes the true cost."""
    if top <= 0:
        return []
    if low is not None and low >= 0 and unit == 1:
        return [Penalty(amount, weight, rule_id, label)]
    v = model.new_int_var(0, started_units(top, unit), f"slack[{label}]")
    model.add(unit * v >= amount)
    return [Penalty(v, weight, rule_id, label,
                    exact=lambda value: started_units(int(value(amount)), unit))]


def count(variables: Sequence[Any]) -> cp_model.LinearExpr:
    """The sum of booleans as one linear expression (0 when there are none)."""
    from ortools.sat.python.cp_model import LinearExpr

    return LinearExpr.sum(list(variables))


def weighted(variables: Sequence[Any], coefficients: Sequence[int]) -> cp_model.LinearExpr:
    """sum(coefficient * variable) as one linear expression."""
    from ortools.sat.python.cp_model import LinearExpr

    return LinearExpr.weighted_sum(list(variables), list(coefficients))


def spread_penalty(model: cp_model.CpModel, totals: Sequence[Any], top: int, weight: int,
                   rule_id: str, label: str) -> list[Penalty]:
    """`weight * (max(totals) - min(totals))`, each total in 0..top, as one-sided bounds
    (most >= every total >= least); the Penalty's `exact` is the spread itself."""
    most = model.new_int_var(0, top, f"{label}.max")
    least = model.new_int_var(0, top, f"{label}.min")
    for i, total in enumerate(totals):
        # one variable per total: the long sum is written once, not once per bound
        shared = model.new_int_var(0, top, f"{label}.total[{i}]")
        model.add(shared == total)
        model.add(most >= shared)
        model.add(least <= shared)

    def spread(value: Any) -> int:
        values = [int(value(t)) for t in totals]
        return max(values) - min(values)

    return [Penalty(most - least, weight, rule_id, label, exact=spread)]


def even_penalty(model: cp_model.CpModel, totals: Sequence[Any], top: int, weight: int,
                 rule_id: str, label: str, days: Sequence[int] | None = None) -> list[Penalty]:
    """`weight * even_distance(totals, days)`, each total in 0..top: every total's distance above the ceiling
    of its share or below its floor, the share being T * d / D of the sum T of the totals for a person of d
    of the D days. Each side is one slack on one constraint multiplied through by D: an integer `over` with
    D * over >= D * total - T * d - (D - 1) is at least total - ceil(T * d / D) (as floor((a + D - 1) / D) is
    ceil(a / D)), and `under` with D * under >= T * d - D * total - (D - 1) at least floor(T * d / D) - total."""
    weights = _day_weights(days, len(totals))
    whole = sum(weights)
    shares = []
    for i, total in enumerate(totals):
        shared = model.new_int_var(0, top, f"{label}.even_total[{i}]")
        model.add(shared == total)
        shares.append(shared)
    everyone = count(shares)
    distances = []
    for i, (shared, own) in enumerate(zip(shares, weights)):
        over = model.new_int_var(0, top, f"{label}.over[{i}]")
        under = model.new_int_var(0, top, f"{label}.under[{i}]")
        model.add(whole * over >= whole * shared - own * everyone - (whole - 1))
        model.add(whole * under >= own * everyone - whole * shared - (whole - 1))
        distances += [over, under]
    return [Penalty(count(distances), weight, rule_id, f"{label}.even",
                    exact=lambda value: even_distance([int(value(t)) for t in totals], weights))]


def _day_weights(days: Sequence[int] | None, n: int) -> list[int]:
    """Each person's days to share by: `days`, or 1 each when none are given or none has a day."""
    return list(days) if days is not None and sum(days) > 0 else [1] * n


def even_shares(values: Sequence[int], days: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Each value's even share of their sum T, (floor, ceil) of T * d / D for a person of d of the D days
    (of T / n when no days are given)."""
    weights = _day_weights(days, len(values))
    total, whole = sum(values), sum(weights)
    return [(total * own // whole, -(-total * own // whole)) for own in weights]


def even_distance(values: Sequence[int], days: Sequence[int] | None = None) -> int:
    """How far `values` are from an even share of their sum, in all: each value's distance above the
    ceiling of its share or below its floor (`even_shares`). 0 exactly when every value is one of the two:
    4, 4, 5 and 3, 3 cost nothing, 3, 5 costs 2 (the mean is 4), and 2 people at 9 beside 3 at 2 (mean 5) 14.
    Shared by days (a person who can work 10 days of 20 an even half of another's 20), 2 and 4 cost nothing."""
    if not values:
        return 0
    return sum(max(0, v - high) + max(0, low - v) for v, (low, high) in zip(values, even_shares(values, days)))


def excess(model: cp_model.CpModel, expr: Any, bound: int, upper: int, weight: int,
           rule_id: str, label: str, lower: int | None = None) -> list[Penalty]:
    """The penalty weight * max(0, expr - bound), where lower (or 0) <= expr <= upper (see
    slack_penalty)."""
    low = None if lower is None else lower - bound
    return slack_penalty(model, expr - bound, upper - bound, weight, rule_id, label, low=low)


def shortfall(model: cp_model.CpModel, expr: Any, bound: int, weight: int,
              rule_id: str, label: str, upper: int | None = None) -> list[Penalty]:
    """The penalty weight * max(0, bound - expr), where 0 <= expr <= upper (see slack_penalty)."""
    low = None if upper is None else bound - upper
    return slack_penalty(model, bound - expr, bound, weight, rule_id, label, low=low)


def at_most(
    model: cp_model.CpModel, setting: RuleSetting, rule_id: str,
    variables: Sequence[Any], bound: int, label: str,
) -> list[Penalty]:
    """Hard: add sum <= bound and return nothing. Soft: return weight * max(0, sum - bound)."""
    if len(variables) <= bound:
        return []  # cannot be broken
    expr = count(variables)
    if setting.hard:
        model.add(expr <= bound)
        return []
    return excess(model, expr, bound, len(variables), setting.weight, rule_id, label)


def at_least(
    model: cp_model.CpModel, setting: RuleSetting, rule_id: str,
    variables: Sequence[Any], bound: int, label: str,
) -> list[Penalty]:
    """Hard: add sum >= bound and return nothing. Soft: return weight * max(0, bound - sum)."""
    if bound <= 0:
        return []
    expr = count(variables)
    if setting.hard:
        model.add(expr >= bound)
        return []
    return shortfall(model, expr, bound, setting.weight, rule_id, label)


def any_of(model: cp_model.CpModel, variables: Sequence[Any], name: str) -> Any:
    """A boolean equal to the OR of `variables` (0 when empty, the variable itself when one)."""
    if not variables:
        return 0
    if len(variables) == 1:
        return variables[0]
    v = model.new_bool_var(name)
    model.add_max_equality(v, list(variables))
    model.add(v <= count(variables))  # the same, linear, for the LP
    return v
