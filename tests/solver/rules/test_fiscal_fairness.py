from __future__ import annotations

from datetime import date, timedelta

from factories import MONDAY, fixed, person, problem, roster, session, soft
from models.domain import Mark, RuleSetting
from solver.rules import availability
from solver.rules.fiscal_fairness import RULE, fiscal_year

REQS = [session(day=MONDAY + timedelta(days=d), min_staff=0) for d in range(3)]
ON = {"fiscal_fairness": soft(5)}


def test_spread_counts_earlier_plans_of_the_fiscal_year() -> None:
    p = problem([person("A"), person("B")], REQS, rules=ON, history_counts={"A": 4, "B": 1})
    # A: 4 + 0, B: 1 + 3 -> even
    even = [("B", r.id) for r in REQS]
    assert fixed(p, even, [RULE, availability.RULE]) == 0 and RULE.check(p, roster(*even)) == []
    # A: 4 + 2, B: 1 + 1 -> spread 4
    uneven = [("A", REQS[0].id), ("A", REQS[1].id), ("B", REQS[2].id)]
    assert fixed(p, uneven, [RULE]) == 4 * 5
    [v] = RULE.check(p, roster(*uneven))
    assert not v.hard and v.cost == 20 and "2026" in v.message


def test_override_leaves_a_person_out_and_no_history_adds_nothing() -> None:
    rules = {"fiscal_fairness": RuleSetting(hard=False, weight=5, staff_overrides={"A": {"include": False}})}
    p = problem([person("A"), person("B"), person("C")], REQS, rules=rules, history_counts={"A": 9, "B": 1, "C": 1})
    assert fixed(p, [("B", REQS[0].id), ("C", REQS[1].id)], [RULE]) == 0
    assert fixed(p, [("B", REQS[0].id), ("B", REQS[1].id)], [RULE]) == 10
    fresh = problem([person("A"), person("B")], REQS, rules=ON)
    assert fixed(fresh, [("A", r.id) for r in REQS], [RULE]) == 0
    assert RULE.check(fresh, roster(*[("A", r.id) for r in REQS])) == []


def test_fiscal_year_runs_april_to_march() -> None:
    assert fiscal_year(date(2027, 3, 31)) == 2026 and fiscal_year(date(2027, 4, 1)) == 2027


def test_a_plan_crossing_april_1_evens_out_the_old_year_with_its_march_sessions_only() -> None:
    """3/29-4/2 carries fiscal 2026's counts (A 4, B 1): B's March sessions even them out, and April's
    start fiscal 2027, which carries nothing (they once counted to 2026: B's April work made it even)."""
    days = [date(2027, 3, 29) + timedelta(days=d) for d in range(5)]
    reqs = [session(day=d, min_staff=0) for d in days]
    p = problem([person("A"), person("B")], reqs, days=5, start=days[0], rules=ON, history_counts={"A": 4, "B": 1})
    march_evens = [("B", r.id) for r in reqs[:3]]  # A 4, B 1 + 3: even
    assert fixed(p, march_evens, [RULE]) == 0 and RULE.check(p, roster(*march_evens)) == []
    april_only = [("B", r.id) for r in reqs[3:]] + [("B", reqs[0].id)]  # fiscal 2026: A 4, B 1 + 1
    assert fixed(p, april_only, [RULE]) == 2 * 5
    [v] = RULE.check(p, roster(*april_only))
    assert v.cost == 10 and "2026" in v.message


def test_only_people_with_work_before_april_1_take_part_in_the_old_year() -> None:
    """C can work only in April (× on the March days): fiscal 2026's counts cannot change for C, so C is
    not the fewest there, in the solver and the evaluator alike."""
    days = [date(2027, 3, 29) + timedelta(days=d) for d in range(5)]
    reqs = [session(day=d, min_staff=0) for d in days]
    away = {("C", d): Mark.UNAVAILABLE for d in days[:3]}
    p = problem([person("A"), person("B"), person("C")], reqs, days=5, start=days[0], availability=away,
                rules=ON | {"availability": RuleSetting()}, history_counts={"A": 3, "B": 2})
    even = [("B", reqs[0].id), ("C", reqs[3].id), ("C", reqs[4].id)]  # fiscal 2026: A 3, B 3; C not counted
    assert fixed(p, even, [RULE, availability.RULE]) == 0 and RULE.check(p, roster(*even)) == []


def test_jobs_named_are_compared_apart() -> None:
    """A ward's 週3日 パート (12 shifts) against full-timers (18) was "unfair" by 6 over the year: with
    職種ごとに比べる = 常勤、パート each group is evened out on its own, in the solver and the evaluator."""
    rules = {"fiscal_fairness": RuleSetting(hard=False, weight=5, params={"jobs": "常勤、パート"})}
    people = [person("A", skills={"常勤"}), person("B", skills={"常勤"}), person("P", skills={"パート"}),
              person("Q", skills={"パート"})]
    p = problem(people, REQS, rules=rules, history_counts={"A": 18, "B": 17, "P": 12, "Q": 12})
    even = [("B", REQS[0].id)]  # 常勤 18 and 18, パート 12 and 12
    assert fixed(p, even, [RULE]) == 0 and RULE.check(p, roster(*even)) == []
    uneven = [("B", REQS[0].id), ("P", REQS[1].id)]  # パート 13 and 12
    assert fixed(p, uneven, [RULE]) == 5
    [v] = RULE.check(p, roster(*uneven))
    assert v.cost == 5 and v.message.startswith("パート: ")
