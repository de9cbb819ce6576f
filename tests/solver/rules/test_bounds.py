"""One-sided slack penalties: the model may leave the slack loose, the reported cost never is."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.rules.bounds import slack_penalty, started_units
from solver.rules.counting import all_penalty


def _solve(model: cp_model.CpModel) -> cp_model.CpSolver:
    cp = cp_model.CpSolver()
    cp.parameters.num_workers = 1
    assert cp.solve(model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return cp


def test_started_units_rounds_up_and_ignores_negative_amounts() -> None:
    assert [started_units(a, 3) for a in (-2, 0, 1, 3, 4, 7)] == [0, 0, 1, 1, 2, 3]


def test_slack_penalty_reports_the_true_cost_when_the_slack_is_loose() -> None:
    model = cp_model.CpModel()
    n = model.new_int_var(0, 10, "n")
    model.add(n == 7)
    [penalty] = slack_penalty(model, n - 5, 5, 4, "r", "n over 5")
    model.add(penalty.expr >= 3)  # force the slack above the amount (2)
    cp = _solve(model)
    assert cp.value(penalty.expr) >= 3
    assert penalty.cost(cp.value) == 4 * 2


def test_slack_penalty_is_tight_at_the_optimum_and_counts_started_units() -> None:
    model = cp_model.CpModel()
    n = model.new_int_var(0, 10, "n")
    model.add(n == 8)
    [penalty] = slack_penalty(model, n - 1, 9, 1, "r", "n over 1", unit=3)
    model.minimize(penalty.expr)
    cp = _solve(model)
    assert cp.value(penalty.expr) == 3 == penalty.cost(cp.value)


def test_slack_penalty_is_nothing_when_it_can_never_be_positive() -> None:
    model = cp_model.CpModel()
    n = model.new_int_var(0, 3, "n")
    assert slack_penalty(model, n - 3, 0, 1, "r", "never") == []


def test_all_penalty_costs_only_when_every_term_holds() -> None:
    # (values of x0..x2, whether x1 enters negated, expected cost)
    for values, negated, expected in (((1, 1, 1), False, 5), ((1, 0, 1), False, 0), ((1, 0, 1), True, 5)):
        model = cp_model.CpModel()
        xs = [model.new_bool_var(f"x{i}") for i in range(3)]
        for x, v in zip(xs, values):
            model.add(x == v)
        terms = [xs[0], 1 - xs[1] if negated else xs[1], xs[2]]
        [penalty] = all_penalty(_Ctx(model), terms, 5, "r", "all")
        model.minimize(penalty.expr)
        cp = _solve(model)
        assert penalty.cost(cp.value) == expected == 5 * cp.value(penalty.expr)


class _Ctx:
    """The one thing all_penalty reads from a Context."""

    def __init__(self, model: cp_model.CpModel):
        self.model = model


def test_spread_penalty_reports_the_true_spread_loose_or_tight() -> None:
    from solver.rules.bounds import spread_penalty

    for forced, minimise in ((6, False), (0, True)):
        model = cp_model.CpModel()
        loads = [model.new_int_var(0, 9, f"l{i}") for i in range(3)]
        for load, v in zip(loads, (2, 5, 3)):
            model.add(load == v)
        [penalty] = spread_penalty(model, loads, 9, 2, "r", "spread")
        model.add(penalty.expr >= forced)  # 6: most - least pushed above the real spread (3)
        if minimise:
            model.minimize(penalty.expr)
        cp = _solve(model)
        assert penalty.cost(cp.value) == 2 * 3
        assert cp.value(penalty.expr) == (3 if minimise else cp.value(penalty.expr))
        assert cp.value(penalty.expr) >= forced
