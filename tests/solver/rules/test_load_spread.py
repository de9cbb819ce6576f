from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, fixed, person, problem, roster, session, soft
from models.domain import Mark
from solver.rules.load_spread import RULE

DAYS = [session(day=MONDAY + timedelta(days=d)) for d in range(4)]


def test_spread_between_busiest_and_least_busy_costs_the_weight() -> None:
    p = problem([person("A"), person("B")], DAYS)
    pairs = [("A", r.id) for r in DAYS[:3]]
    assert fixed(p, pairs, [RULE]) == 3
    [v] = RULE.check(p, roster(*pairs))
    assert v.cost == 3 and not v.hard


def test_even_load_costs_nothing_and_people_who_cannot_work_are_left_out() -> None:
    p = problem([person("A"), person("B")], DAYS)
    pairs = [("A", DAYS[0].id), ("B", DAYS[1].id)]
    assert fixed(p, pairs, [RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []
    away = {("C", MONDAY + timedelta(days=d)): Mark.UNAVAILABLE for d in range(7)}
    p = problem([person("A"), person("B"), person("C")], DAYS, availability=away)
    from solver.rules.availability import RULE as AVAILABILITY

    assert fixed(p, pairs, [AVAILABILITY, RULE]) == 0
    assert RULE.check(p, roster(*pairs)) == []


def test_only_the_activities_named_count() -> None:
    """A 24-hour on-call counted like a 30-minute visit set the agency's on-call nurses apart."""
    visits = [session(day=MONDAY + timedelta(days=d), site="片山様", activity="訪問") for d in range(3)]
    on_call = [session(day=MONDAY + timedelta(days=d), site="ステーション", activity="緊急当番") for d in range(3)]
    pairs = [("A", r.id) for r in on_call] + [("A", visits[0].id), ("B", visits[1].id), ("B", visits[2].id)]
    everything = problem([person("A"), person("B")], visits + on_call)
    assert fixed(everything, pairs, [RULE]) == 2
    visits_only = problem([person("A"), person("B")], visits + on_call,
                          rules={"load_spread": soft(1, activities="訪問")})
    assert fixed(visits_only, pairs, [RULE]) == 1
    [v] = RULE.check(visits_only, roster(*pairs))
    assert v.cost == 1 and "most: 職員B, 2;" in v.message


def test_jobs_named_are_compared_apart() -> None:
    """A doctor capped at a few days against a receptionist who could work every day: the spread
    between them said nothing about fairness."""
    staff = [person("D1", skills=frozenset({"内科"})), person("D2", skills=frozenset({"内科", "小児科"})),
             person("R1", skills=frozenset({"受付"})), person("R2", skills=frozenset({"受付"})),
             person("X", skills=frozenset())]
    days = [session(day=MONDAY + timedelta(days=d), min_staff=3) for d in range(4)]
    pairs = ([("D1", r.id) for r in days[:2]] + [("D2", r.id) for r in days[2:]]
             + [("R1", r.id) for r in days] + [("R2", r.id) for r in days[:3]] + [("X", days[0].id)])
    together = problem(staff, days)
    assert fixed(together, pairs, [RULE]) == 3  # R1's 4 against X's 1
    apart = problem(staff, days, rules={"load_spread": soft(1, jobs="小児科・内科、受付")})
    assert fixed(apart, pairs, [RULE]) == 1  # doctors 2 and 2 (D2 counts as 小児科, alone), receptionists 4 and 3
    [v] = RULE.check(apart, roster(*pairs))
    assert v.cost == 1 and v.message.startswith("受付: Assignment counts differ by 1")


def test_each_activity_named_is_compared_apart_when_asked() -> None:
    """A nursery evens out 早番 and 遅番 each: counted together, 7 of them each let 早番 run from 1 to 9."""
    early = [session(day=MONDAY + timedelta(days=d), site="園", activity="早番", start="07:00", end="16:00")
             for d in range(4)]
    late = [session(day=MONDAY + timedelta(days=d), site="園", activity="遅番", start="10:00", end="19:00")
            for d in range(4)]
    # A works every 早番, B every 遅番: the same count together, 4 apart on each shift
    pairs = [("A", r.id) for r in early] + [("B", r.id) for r in late]
    together = problem([person("A"), person("B")], early + late, rules={"load_spread": soft(1, activities="早番、遅番")})
    assert fixed(together, pairs, [RULE]) == 0 and RULE.check(together, roster(*pairs)) == []
    apart = problem([person("A"), person("B")], early + late,
                    rules={"load_spread": soft(1, activities="早番、遅番", each_activity=True)})
    assert fixed(apart, pairs, [RULE]) == 8
    assert [v.message.split(" counts")[0] for v in RULE.check(apart, roster(*pairs))] == ["早番", "遅番"]
