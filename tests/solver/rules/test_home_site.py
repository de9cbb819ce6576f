"""home_site: a person whose 拠点 is a site works there, at a cost elsewhere (soft) or only there (hard)."""

from __future__ import annotations

from factories import fixed, hard, person, problem, roster, session, soft
from models.domain import RuleSetting, Site
from solver.rules.home_site import RULE

SITES = [Site("さくら児童クラブ", "東区"), Site("ひまわり児童クラブ", "東区"), Site("もみじ児童クラブ", "西区")]
SAKURA = session(site="さくら児童クラブ", min_staff=0)
HIMAWARI = session(site="ひまわり児童クラブ", start="13:00", end="15:00", min_staff=0)
MOMIJI = session(site="もみじ児童クラブ", start="16:00", end="17:00", min_staff=0)


def plan(setting: RuleSetting):
    staff = [person("A", home="さくら児童クラブ"), person("B", home="東区"), person("C")]
    return problem(staff, [SAKURA, HIMAWARI, MOMIJI], sites=SITES, rules={"home_site": setting})


def test_another_site_costs_the_weight_even_in_the_same_area() -> None:
    """An after-school club's helper at the next club of her district: the travel rule saw no move."""
    p = plan(soft(2))
    away = [("A", HIMAWARI.id), ("A", MOMIJI.id)]
    assert fixed(p, away, [RULE]) == 4
    found = RULE.check(p, roster(*away))
    assert [v.cost for v in found] == [2, 2] and all(not v.hard for v in found)
    assert "home site さくら児童クラブ" in found[0].message


def test_the_home_site_an_area_or_no_home_costs_nothing() -> None:
    p = plan(soft(2))
    fine = [("A", SAKURA.id), ("B", HIMAWARI.id), ("B", MOMIJI.id), ("C", MOMIJI.id)]
    assert fixed(p, fine, [RULE]) == 0 and RULE.check(p, roster(*fine)) == []


def test_hard_keeps_people_at_their_own_site() -> None:
    p = plan(hard())
    assert fixed(p, [("A", HIMAWARI.id)], [RULE]) is None
    assert fixed(p, [("A", SAKURA.id), ("B", MOMIJI.id)], [RULE]) == 0
    [v] = RULE.check(p, roster(("A", MOMIJI.id)))
    assert v.hard


def test_off_by_default() -> None:
    p = problem([person("A", home="さくら児童クラブ")], [HIMAWARI], sites=SITES)
    assert fixed(p, [("A", HIMAWARI.id)], [RULE]) == 0 and RULE.check(p, roster(("A", HIMAWARI.id))) == []


def test_a_per_staff_home_moves_the_site() -> None:
    """The home as the travel rule reads it: its per-staff override first."""
    rules = {"home_site": soft(1), "travel": RuleSetting(hard=False, staff_overrides={"A": {"home": "もみじ児童クラブ"}})}
    p = problem([person("A", home="さくら児童クラブ")], [SAKURA, MOMIJI], sites=SITES, rules=rules)
    assert fixed(p, [("A", MOMIJI.id)], [RULE]) == 0 and fixed(p, [("A", SAKURA.id)], [RULE]) == 1
