"""CP-SAT terms shared by rules: exact shortfall/excess variables and hard-or-soft bounds.

Penalties are exact (`v == max(0, ...)`, not one-sided slack), so that for any solution the
solver's objective equals what the evaluator computes for the same roster.
"""

from __future__ import annotations

from typing import Any, Sequence

from ortools.sat.python import cp_model

from models.domain import RuleSetting
from solver.rules.base import Penalty


def count(variables: Sequence[Any]) -> cp_model.LinearExpr:
    """The sum of booleans as one linear expression (0 when there are none)."""
    return cp_model.LinearExpr.sum(list(variables))


def excess(model: cp_model.CpModel, expr: Any, bound: int, upper: int, name: str) -> Any:
    """A variable equal to max(0, expr - bound), where 0 <= expr <= upper; an int when constant."""
    top = max(0, upper - bound)
    if top == 0:
        return 0
    v = model.new_int_var(0, top, name)
    model.add_max_equality(v, [0, expr - bound])
    return v


def shortfall(model: cp_model.CpModel, expr: Any, bound: int, name: str) -> Any:
    """A variable equal to max(0, bound - expr), where expr >= 0; an int when constant."""
    if bound <= 0:
        return 0
    v = model.new_int_var(0, bound, name)
    model.add_max_equality(v, [0, bound - expr])
    return v


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
    return [Penalty(excess(model, expr, bound, len(variables), label), setting.weight, rule_id, label)]


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
    return [Penalty(shortfall(model, expr, bound, label), setting.weight, rule_id, label)]


def any_of(model: cp_model.CpModel, variables: Sequence[Any], name: str) -> Any:
    """A boolean equal to the OR of `variables` (0 when empty, the variable itself when one)."""
    if not variables:
        return 0
    if len(variables) == 1:
        return variables[0]
    v = model.new_bool_var(name)
    model.add_max_equality(v, list(variables))
    model.add(v <= cp_model.LinearExpr.sum(list(variables)))  # the same, linear, for the LP
    return v
