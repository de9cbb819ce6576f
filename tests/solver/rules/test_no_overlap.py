from __future__ import annotations

from factories import fixed, person, problem, roster, session, soft
from models.domain import Site
from solver.rules.no_overlap import RULE, clash, clique_cover

SITES = [Site("中央", travel_group="A"), Site("東", travel_group="A"), Site("西", travel_group="B")]
MORNING = session(site="中央", start="09:00", end="11:00")
SAME_SITE_NEXT = session(site="中央", start="11:00", end="12:00")
NEAR_NEXT = session(site="東", start="11:20", end="12:30")  # 20 min after, same travel group needs 30
FAR_LATER = session(site="西", start="12:00", end="13:00", activity="教室")  # 60 min after, other group


def _p(**kw):
    return problem([person("A")], [MORNING, SAME_SITE_NEXT, NEAR_NEXT, FAR_LATER], sites=SITES, **kw)


def test_clash_counts_travel_time() -> None:
    p = _p()
    assert not clash(p, MORNING, SAME_SITE_NEXT)  # same site: no buffer
    assert clash(p, MORNING, NEAR_NEXT)  # 20 < 30 minutes within a group
    assert not clash(p, MORNING, FAR_LATER)  # exactly 60 minutes across groups
    assert clash(p, SAME_SITE_NEXT, FAR_LATER)


def test_hard_forbids_overlap_including_travel() -> None:
    p = _p()
    assert fixed(p, [("A", MORNING.id), ("A", NEAR_NEXT.id)], [RULE]) is None
    [v] = RULE.check(p, roster(("A", MORNING.id), ("A", NEAR_NEXT.id)))
    assert v.hard and v.staff_id == "A"


def test_back_to_back_at_one_site_and_enough_travel_pass() -> None:
    p = _p()
    for pairs in ([("A", MORNING.id), ("A", SAME_SITE_NEXT.id)], [("A", MORNING.id), ("A", FAR_LATER.id)]):
        assert fixed(p, pairs, [RULE]) == 0
        assert RULE.check(p, roster(*pairs)) == []


def test_soft_costs_weight_per_clashing_pair() -> None:
    p = _p(rules={"no_overlap": soft(6)})
    pairs = [("A", MORNING.id), ("A", NEAR_NEXT.id), ("A", SAME_SITE_NEXT.id)]  # two clashing pairs
    assert fixed(p, pairs, [RULE]) == 12
    assert sum(v.cost for v in RULE.check(p, roster(*pairs))) == 12


def test_cliques_cover_every_clash_and_only_clashes() -> None:
    p = _p()
    sessions = [MORNING, SAME_SITE_NEXT, NEAR_NEXT, FAR_LATER]
    by_id = {r.id: r for r in sessions}
    cliques = clique_cover(p, sessions)
    covered = {frozenset((a, b)) for c in cliques for a in c for b in c if a != b}
    expected = {frozenset((a.id, b.id)) for a in sessions for b in sessions if clash(p, a, b)}
    assert covered == expected
    assert all(clash(p, by_id[a], by_id[b]) for c in cliques for a in c for b in c if a != b)
