from __future__ import annotations

from datetime import date, timedelta

from factories import MONDAY, fixed, person, problem, roster, session, soft
from models.domain import RuleSetting
from solver.rules.fiscal_fairness import RULE, fiscal_year

REQS = [session(day=MONDAY + timedelta(days=d), min_staff=0) for d in range(3)]
ON = {"fiscal_fairness": soft(5)}


def test_spread_counts_earlier_plans_of_the_fiscal_year() -> None:
    p = problem([person("A"), person("B")], REQS, rules=ON, history_counts={"A": 4, "B": 1})
    # A: 4 + 0, B: 1 + 3 -> even
    even = [("B", r.id) for r in REQS]
    assert fixed(p, even, [RULE]) == 0 and RULE.check(p, roster(*even)) == []
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
