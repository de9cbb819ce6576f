from __future__ import annotations

from factories import fixed, person, problem, roster, session, soft
from models.domain import RuleSetting, Site
from solver.rules.travel import RULE

SITES = [Site("中央保健センター", "中央区"), Site("東保健センター", "東区"), Site("分室", "中央区")]
CENTRAL = session(site="中央保健センター", min_staff=0)
EAST = session(site="東保健センター", start="13:00", end="15:00", min_staff=0)
ANNEX = session(site="分室", start="16:00", end="17:00", min_staff=0)


def plan(**kw):
    staff = [person("A", home="中央保健センター"), person("B", home="東区"), person("C")]
    return problem(staff, [CENTRAL, EAST, ANNEX], sites=SITES, **kw)


def test_assignment_outside_the_home_area_costs_the_weight() -> None:
    p = plan(rules={"travel": soft(3)})
    away = [("A", EAST.id), ("B", CENTRAL.id), ("B", ANNEX.id)]
    assert fixed(p, away, [RULE]) == 3 * 3
    found = RULE.check(p, roster(*away))
    assert len(found) == 3 and all(not v.hard and v.cost == 3 for v in found)
    assert any("東区" in v.message for v in found)


def test_home_site_means_its_area_and_no_home_never_travels() -> None:
    p = plan(rules={"travel": soft(3)})
    near = [("A", CENTRAL.id), ("A", ANNEX.id), ("B", EAST.id), ("C", EAST.id), ("C", CENTRAL.id)]
    assert fixed(p, near, [RULE]) == 0
    assert RULE.check(p, roster(*near)) == []


def test_per_staff_override_moves_the_home() -> None:
    rules = {"travel": RuleSetting(hard=False, weight=2, staff_overrides={"A": {"home": "東区"}})}
    p = plan(rules=rules)
    assert fixed(p, [("A", EAST.id)], [RULE]) == 0
    assert fixed(p, [("A", CENTRAL.id)], [RULE]) == 2
    assert RULE.check(p, roster(("A", CENTRAL.id)))[0].cost == 2


def test_disabled_rule_costs_nothing() -> None:
    p = plan(rules={"travel": RuleSetting(enabled=False)})
    assert RULE.check(p, roster(("A", EAST.id))) == []


def test_made_hard_nobody_with_a_home_is_placed_outside_its_area() -> None:
    """Full-time 保健師 at their own centre only: the soft rule put one into another ward's session
    for a cost of 1, and could not be made hard."""
    from factories import hard
    from solver.eligibility import Screen

    p = plan(rules={"travel": hard()})
    assert fixed(p, [("A", EAST.id)], [RULE]) is None  # the pair is not in the model
    assert fixed(p, [("A", CENTRAL.id), ("A", ANNEX.id), ("B", EAST.id), ("C", EAST.id)], [RULE]) == 0
    screen = Screen(p, [RULE])
    assert [r.id for r in p.requirements if screen.eligible(p.staff_by_id("A"), r)] == [CENTRAL.id, ANNEX.id]
    [v] = RULE.check(p, roster(("B", CENTRAL.id)))
    assert v.hard


def test_a_home_of_several_areas_or_sites_counts_each_as_home() -> None:
    """A counsellor of 東区 who works at the central 中央保健センター too (`東区・中央保健センター`): neither
    costs, hard or soft; a site whose own name holds ・ is still one home."""
    from factories import hard
    from solver.rules.home_site import RULE as HOME_SITE, home_sites

    both = [person("D", home="東区・中央保健センター")]
    p = problem(both, [CENTRAL, EAST, ANNEX], sites=SITES, rules={"travel": soft(3)})
    assert fixed(p, [("D", CENTRAL.id), ("D", EAST.id), ("D", ANNEX.id)], [RULE]) == 0
    assert RULE.check(p, roster(("D", CENTRAL.id), ("D", EAST.id))) == []
    strict = problem(both, [CENTRAL, EAST], sites=[*SITES, Site("西・南センター", "西区")], rules={"travel": hard()})
    assert fixed(strict, [("D", CENTRAL.id), ("D", EAST.id)], [RULE]) == 0
    assert home_sites(strict, both[0]) == {"中央保健センター"}
    odd = problem([person("E", home="西・南センター")], [CENTRAL], sites=[*SITES, Site("西・南センター", "西区")])
    assert home_sites(odd, odd.staff[0]) == {"西・南センター"}
    sites = problem([person("F", home="東保健センター・中央保健センター")], [CENTRAL, EAST, ANNEX], sites=SITES,
                    rules={"home_site": soft(2)})
    assert HOME_SITE.check(sites, roster(("F", CENTRAL.id), ("F", EAST.id))) == []
    assert [v.cost for v in HOME_SITE.check(sites, roster(("F", ANNEX.id)))] == [2]
