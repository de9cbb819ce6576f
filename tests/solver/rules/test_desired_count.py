from __future__ import annotations

from datetime import date, timedelta

from factories import fixed, person, problem, roster, session, soft
from solver.rules.desired_count import RULE, month_shares, scaled

START = date(2026, 4, 1)
DAYS = [session(day=START + timedelta(days=d)) for d in range(30)]  # all of April


def test_desired_is_scaled_to_the_plan_share_of_the_month() -> None:
    assert scaled(8, (2026, 4), 30) == 8
    assert scaled(8, (2026, 4), 15) == 4
    assert scaled(3, (2026, 4), 5) == 1  # 0.5 rounds up
    p = problem([], [], start=date(2026, 4, 20), days=20)
    assert month_shares(p) == {(2026, 4): 11, (2026, 5): 9}


def test_each_session_away_from_the_desire_costs_the_weight() -> None:
    p = problem([person("A", desired_per_month=3), person("B")], DAYS, start=START, days=30)
    one = [("A", DAYS[0].id)]
    assert fixed(p, one, [RULE]) == 4  # |1 - 3| * 2
    [v] = RULE.check(p, roster(*one))
    assert v.cost == 4 and v.staff_id == "A"
    five = [("A", DAYS[d].id) for d in range(5)]
    assert fixed(p, five, [RULE]) == 4
    assert sum(v.cost for v in RULE.check(p, roster(*five))) == 4


def test_meeting_the_desire_and_people_without_one_cost_nothing() -> None:
    p = problem([person("A", desired_per_month=3), person("B")], DAYS, start=START, days=30,
                rules={"desired_count": soft(1)})
    pairs = [("A", DAYS[d].id) for d in range(3)] + [("B", DAYS[d].id) for d in range(9)]
    assert fixed(p, pairs, [RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []
