from __future__ import annotations

from factories import MONDAY, fixed, only, person, problem, roster, session, soft
from models.domain import ShiftRequest
from solver.rules.requests import RULE

CHECKUP = session(activity="3歳児健診", start="09:00", end="11:00")
CLASS = session(activity="教室", start="13:00", end="15:00")


def _p(*requests: ShiftRequest, **kw):
    return problem([person("A")], [CHECKUP, CLASS], requests=list(requests), **kw)


def test_on_request_broken_unless_that_activity_is_worked() -> None:
    p = _p(ShiftRequest("A", MONDAY, "教室", on=True, weight=3))
    assert fixed(p, [("A", CHECKUP.id)], [RULE]) == 3
    [v] = RULE.check(p, roster(("A", CHECKUP.id)))
    assert v.cost == 3 and v.staff_id == "A"
    assert fixed(p, [("A", CLASS.id)], [RULE]) == 0
    assert RULE.check(p, roster(("A", CLASS.id))) == []


def test_off_request_broken_only_by_that_activity_and_any_means_any() -> None:
    p = _p(ShiftRequest("A", MONDAY, "教室", on=False, weight=2), rules={"requests": soft(5)})
    assert fixed(p, [("A", CHECKUP.id)], [RULE]) == 0
    assert RULE.check(p, roster(("A", CHECKUP.id))) == []
    assert fixed(p, [("A", CLASS.id)], [RULE]) == 10
    assert sum(v.cost for v in RULE.check(p, roster(("A", CLASS.id)))) == 10
    anything = _p(ShiftRequest("A", MONDAY, "", on=False, weight=1))
    both = [("A", CHECKUP.id), ("A", CLASS.id)]
    assert fixed(anything, both, [RULE]) == 1  # broken once, however many sessions
    assert sum(v.cost for v in RULE.check(anything, roster(*both))) == 1


def test_a_loose_flag_over_several_sessions_still_costs_what_the_roster_breaks() -> None:
    from ortools.sat.python import cp_model

    from solver.context import Context

    for on, worked, expected in ((False, False, 0), (True, True, 0), (False, True, 1), (True, False, 1)):
        p = _p(ShiftRequest("A", MONDAY, "", on=on, weight=1))
        ctx = Context(p, [RULE])
        [penalty] = RULE.build(ctx)
        for var in ctx.pairs().values():
            ctx.model.add(var == int(worked))
        ctx.model.add(penalty.expr == 1)  # the model's flag as pessimistic as it may be
        cp = cp_model.CpSolver()
        assert cp.solve(ctx.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        assert penalty.cost(cp.value) == expected


def test_a_wish_for_either_of_two_activities_is_met_by_either() -> None:
    """`日勤/準夜` in the 勤務可否 sheet is one request for `3歳児健診+教室`: either session meets it."""
    p = _p(ShiftRequest("A", MONDAY, "3歳児健診+教室", on=True, weight=1))
    for worked in (CHECKUP.id, CLASS.id):
        assert fixed(p, [("A", worked)], [RULE]) == 0
        assert RULE.check(p, roster(("A", worked))) == []
    assert fixed(p, [], [RULE]) == 1
    [v] = RULE.check(p, roster())
    assert v.cost == 1


def test_an_unmet_wish_reads_well_in_japanese() -> None:
    from models.i18n import set_language

    p = problem([person("A", "佐藤 美咲")], [CHECKUP, CLASS],
                requests=[ShiftRequest("A", MONDAY, "教室", on=True), ShiftRequest("A", MONDAY, "3歳児健診+教室", on=True)])
    set_language("ja")
    messages = [v.message for v in RULE.check(p, roster())]
    day = f"{MONDAY.month}/{MONDAY.day}"
    assert messages == [f"佐藤 美咲 は {day} に 教室 を希望していましたが、入っていません。",
                        f"佐藤 美咲 は {day} に 3歳児健診か教室 を希望していましたが、入っていません。"]


def test_the_solver_meets_a_wish_it_can_and_prices_one_it_cannot_as_the_evaluator_does() -> None:
    """One place in 教室, two people wishing for it: one wish met (0), one not (its weight)."""
    from solver.core import SolveOptions, solve
    from solver.evaluate import evaluate

    one_place = session(activity="教室", start="13:00", end="15:00", max_staff=1)
    p = problem([person("A"), person("B")], [one_place], days=1, rules=only(["requests", "cover_max"]),
                requests=[ShiftRequest("A", MONDAY, "教室", on=True), ShiftRequest("B", MONDAY, "教室", on=True)])
    result = solve(p, SolveOptions(time_limit=10, workers=1))
    assert result.status == "optimal" and result.objective == 1
    assert evaluate(p, result.roster).objective == result.objective
    assert [v.rule_id for v in evaluate(p, result.roster).violations if v.cost] == ["requests"]
