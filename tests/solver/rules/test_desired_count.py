from __future__ import annotations

from datetime import date, timedelta

from factories import fixed, person, problem, roster, session, soft
from solver.rules.desired_count import PARTIAL, RULE, month_shares, wanted

START = date(2026, 4, 1)
DAYS = [session(day=START + timedelta(days=d)) for d in range(30)]  # all of April


def test_desired_is_scaled_to_the_plan_share_of_the_month() -> None:
    assert wanted(problem([], [], start=START, days=30), 8) == {(2026, 4): 8}
    assert wanted(problem([], [], start=START, days=15), 8) == {(2026, 4): 4}
    assert wanted(problem([], [], start=START, days=5), 3) == {(2026, 4): 1}  # 0.5 rounds up
    p = problem([], [], start=date(2026, 4, 20), days=20)
    assert month_shares(p) == {(2026, 4): 11, (2026, 5): 9}
    # a whole month and part of the next: each its own
    assert wanted(problem([], [], start=START, days=45), 8) == {(2026, 4): 8, (2026, 5): 4}


def test_the_parts_of_two_months_are_one_period() -> None:
    """A university's exam period 1/25-2/5 scaled a desire of 2 to 0 in January and 0 in February, and every
    session cost: the two parts together want 2 * (7/31 + 5/28) = 0.8, so 1."""
    exams = [session(day=date(2027, 1, 25) + timedelta(days=d)) for d in range(12)]
    p = problem([person("A", desired_per_month=2)], exams, start=date(2027, 1, 25), days=12)
    assert wanted(p, 2) == {PARTIAL: 1} and wanted(p, 8) == {PARTIAL: 3}
    two = [("A", exams[0].id), ("A", exams[10].id)]
    assert fixed(p, two, [RULE]) == 2
    [v] = RULE.check(p, roster(*two))
    assert v.message == "職員A works 2 times in the plan, 1 away from the desired 1 (2 a month for the plan's days)."


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
