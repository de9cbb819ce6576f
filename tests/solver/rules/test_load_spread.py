from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, fixed, person, problem, roster, session, soft
from models.domain import Mark, RuleSetting
from solver.rules.load_spread import RULE

DAYS = [session(day=MONDAY + timedelta(days=d)) for d in range(4)]


GAP_ONLY = {"load_spread": soft(1, even=False)}


def test_spread_between_busiest_and_least_busy_costs_the_weight() -> None:
    p = problem([person("A"), person("B")], DAYS, rules=GAP_ONLY)
    pairs = [("A", r.id) for r in DAYS[:3]]
    assert fixed(p, pairs, [RULE]) == 3
    [v] = RULE.check(p, roster(*pairs))
    assert v.cost == 3 and not v.hard
    # with the even share (the default), A's 3 is 1 above the share of 1-2, B's 0 1 below it
    p = problem([person("A"), person("B")], DAYS)
    assert fixed(p, pairs, [RULE]) == 3 + 2
    assert [v.cost for v in RULE.check(p, roster(*pairs))] == [3, 2]


def test_everyone_is_pulled_toward_an_even_share_not_only_the_two_ends() -> None:
    """A counsellor held to 1 session by her pay cap pinned the least busy end: the gap alone cost the same
    whether one or many were busiest, and 22 of 35 counsellors were left at the fewest."""
    sessions = [session(day=MONDAY + timedelta(days=d)) for d in range(12)]
    staff = [person("A"), person("B"), person("C"), person("D")]
    p = problem(staff, sessions, days=12)
    gap_only = problem(staff, sessions, days=12, rules=GAP_ONLY)

    def split(*counts: int) -> list[tuple[str, str]]:
        it = iter(sessions)
        return [(who, next(it).id) for who, n in zip("ABCD", counts) for _ in range(n)]

    piled, spread = split(5, 5, 1, 1), split(5, 3, 3, 1)
    assert fixed(gap_only, piled, [RULE]) == fixed(gap_only, spread, [RULE]) == 4
    assert fixed(p, piled, [RULE]) == 4 + 8  # the share is 3: A and B 2 above it, C and D 2 below
    assert fixed(p, spread, [RULE]) == 4 + 4
    assert fixed(p, split(3, 3, 3, 3), [RULE]) == 0
    assert fixed(p, split(4, 4, 3, 1), [RULE]) == 3 + 4  # A and B 1 above the share of 3, D 2 below
    assert fixed(p, split(4, 3, 3, 2), [RULE]) == 2 + 2  # 12 in 4 is 3 each: 4 and 2 are 1 away each, the gap 2
    even = RULE.check(p, roster(*piled))[1]
    assert even.cost == 8
    assert even.message == ("Assignment counts are 8 away from an even share (3) in all "
                            "(above: 職員A 5, 職員B 5; below: 職員C 1, 職員D 1).")


def test_people_with_a_desired_count_are_left_out_of_the_even_share() -> None:
    """A hygienist who asks for 10 sessions is guided by her 希望回数, not pulled down to everyone's share."""
    sessions = [session(day=MONDAY + timedelta(days=d)) for d in range(9)]
    staff = [person("A", desired_per_month=20), person("B"), person("C")]
    p = problem(staff, sessions, days=9)
    pairs = [("A", r.id) for r in sessions[:5]] + [("B", r.id) for r in sessions[5:7]] + [("C", r.id) for r in sessions[7:]]
    assert fixed(p, pairs, [RULE]) == 3  # the gap A-B only: B and C share 2 and 2 evenly
    assert [v.rule_id for v in RULE.check(p, roster(*pairs))] == ["load_spread"]
    # without the 希望回数 rule she counts like everyone: share 3, A 2 above, B and C 1 below each
    off = problem(staff, sessions, days=9, rules={"desired_count": RuleSetting(enabled=False, hard=False, weight=2)})
    assert fixed(off, pairs, [RULE]) == 3 + 4


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
    everything = problem([person("A"), person("B")], visits + on_call, rules=GAP_ONLY)
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
    together = problem(staff, days, rules=GAP_ONLY)
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
                    rules={"load_spread": soft(1, activities="早番、遅番", each_activity=True, even=False)})
    assert fixed(apart, pairs, [RULE]) == 8
    assert [v.message.split(" counts")[0] for v in RULE.check(apart, roster(*pairs))] == ["早番", "遅番"]


def test_the_even_share_follows_the_days_each_can_work() -> None:
    """A clinic's nurse injured on the 7th (away for the rest of the plan) was 'the fewest' against everyone's
    share: hers is a share of the days she can work."""
    sessions = [session(day=MONDAY + timedelta(days=d)) for d in range(12)]
    away = {("C", MONDAY + timedelta(days=d)): Mark.UNAVAILABLE for d in range(6, 12)}
    p = problem([person("A"), person("B"), person("C")], sessions, days=12, availability=away)

    def placed(a: range, b: range, c: range) -> list[tuple[str, str]]:
        return [(who, sessions[d].id) for who, days in zip("ABC", (a, b, c)) for d in days]

    # 12 sessions over 12 + 12 + 6 days: A and B 4.8 each (4-5), C, on the first 6 days only, 2.4 (2-3)
    assert fixed(p, placed(range(7, 12), range(2, 7), range(0, 2)), [RULE]) == 3  # 5, 5, 2: the gap alone
    assert fixed(p, placed(range(8, 12), range(4, 8), range(0, 4)), [RULE]) == 1  # 4, 4, 4: C 1 above her share
    pairs = placed(range(6, 12), range(1, 6), range(0, 1))  # 6, 5, 1
    even = [v for v in RULE.check(p, roster(*pairs)) if "even" in v.message]
    assert [v.cost for v in even] == [2] and fixed(p, pairs, [RULE]) == 5 + 2
    assert even[0].message == ("Assignment counts are 2 away from even shares by the days each can work, in all "
                               "(above: 職員A 6 (share 4〜5); below: 職員C 1 (share 2〜3)).")
