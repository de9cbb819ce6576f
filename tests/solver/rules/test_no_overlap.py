from __future__ import annotations

from datetime import timedelta

import pytest
from factories import MONDAY, fixed, hard, only, person, problem, roster, session, soft
from models.domain import Site
from solver.rules.max_per_day import RULE as MAX_PER_DAY
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


def test_a_site_without_a_travel_group_is_in_its_areas() -> None:
    """Patients' homes with 区 and a blank 移動グループ: within one 区 the shorter time (every move
    took the longer one), across 区 the longer; a travel group, where given, still decides."""
    homes = [Site("青木 様", area="北区"), Site("井上 様", area="北区"), Site("上田 様", area="西区"),
             Site("中央", area="北区", travel_group="A"), Site("東", travel_group="A")]
    p = problem([person("A")], [MORNING], sites=homes)
    assert p.travel_minutes("青木 様", "井上 様") == p.travel.same_group
    assert p.travel_minutes("青木 様", "上田 様") == p.travel.other_group
    assert p.travel_minutes("中央", "東") == p.travel.same_group
    assert p.travel_minutes("中央", "青木 様") == p.travel.other_group  # group A against 北区


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


# a ward's three shifts: 準夜 ends at 1:00 the next day, when that day's 深夜 has begun at 0:30
MONDAY_LATE = session(activity="準夜", start="16:30", end="25:00")
TUESDAY_NIGHT = session(day=MONDAY + timedelta(days=1), activity="深夜", start="00:30", end="09:00")
TUESDAY_DAY = session(day=MONDAY + timedelta(days=1), activity="日勤", start="08:30", end="17:00")
TUESDAY_LATE = session(day=MONDAY + timedelta(days=1), activity="準夜", start="16:30", end="25:00")


def _ward(**kw):
    return problem([person("A")], [MONDAY_LATE, TUESDAY_NIGHT, TUESDAY_DAY, TUESDAY_LATE], **kw)


def test_a_shift_past_midnight_clashes_with_the_next_days_early_shift() -> None:
    p = _ward()
    assert clash(p, MONDAY_LATE, TUESDAY_NIGHT) and clash(p, TUESDAY_NIGHT, MONDAY_LATE)
    assert not clash(p, MONDAY_LATE, TUESDAY_DAY)  # 1:00 to 8:30: apart (min_rest's business)
    assert not clash(p, MONDAY_LATE, TUESDAY_LATE)


@pytest.mark.parametrize("one_a_day", [False, True])
def test_hard_forbids_a_night_shift_then_the_next_days_overlapping_one(one_a_day: bool) -> None:
    """Also for people held to one session a day, who never overlap within a day."""
    rules = only(["no_overlap", "max_per_day"], max_per_day=hard(max_per_day=1)) if one_a_day else None
    p = _ward(rules=rules) if rules else _ward()
    used = [RULE, MAX_PER_DAY] if one_a_day else [RULE]
    assert fixed(p, [("A", MONDAY_LATE.id), ("A", TUESDAY_NIGHT.id)], used) is None
    assert fixed(p, [("A", MONDAY_LATE.id), ("A", TUESDAY_DAY.id)], used) == 0
    [v] = RULE.check(p, roster(("A", MONDAY_LATE.id), ("A", TUESDAY_NIGHT.id)))
    assert v.hard and v.date == MONDAY


def test_soft_costs_weight_for_a_clash_across_midnight() -> None:
    p = _ward(rules={"no_overlap": soft(7)})
    pairs = [("A", MONDAY_LATE.id), ("A", TUESDAY_NIGHT.id)]
    assert fixed(p, pairs, [RULE]) == 7
    [found] = RULE.check(p, roster(*pairs))
    assert found.cost == 7
    assert found.message.endswith("overlap.")  # one ward: no travel to speak of


def _after_last_months_late_shift(**kw):
    """A plan starting on Tuesday whose person worked Monday's 準夜 (to 1:00) in last month's roster
    (Problem.history_sessions): Tuesday's 深夜 from 0:30 overlaps it."""
    return problem([person("A")], [TUESDAY_NIGHT, TUESDAY_DAY], start=MONDAY + timedelta(days=1),
                   history_sessions={"A": (MONDAY_LATE,)}, **kw)


def test_the_late_shift_before_the_plan_clashes_with_its_first_nights_shift() -> None:
    p = _after_last_months_late_shift()
    assert fixed(p, [("A", TUESDAY_NIGHT.id)], [RULE]) is None
    [v] = RULE.check(p, roster(("A", TUESDAY_NIGHT.id)))
    assert v.hard and v.date == p.start and v.requirement_id == TUESDAY_NIGHT.id and "準夜" in v.message
    assert fixed(p, [("A", TUESDAY_DAY.id)], [RULE]) == 0 and RULE.check(p, roster(("A", TUESDAY_DAY.id))) == []
    priced = _after_last_months_late_shift(rules={"no_overlap": soft(7)})
    assert fixed(priced, [("A", TUESDAY_NIGHT.id)], [RULE]) == 7
    assert sum(v.cost for v in RULE.check(priced, roster(("A", TUESDAY_NIGHT.id)))) == 7


def test_a_part_of_the_plan_sees_the_fixed_night_before_its_days() -> None:
    """A part deciding Tuesday alone (solver.parts) covers the sessions its people hold, the
    fixed ones included: A's Monday 準夜, a constant there, still keeps A off Tuesday's 深夜."""
    from solver.context import Scope
    from solver.core import SolveOptions, Solver

    p = _ward()
    scope = Scope(fixed=frozenset({("A", MONDAY_LATE.id)}), days=frozenset({TUESDAY_NIGHT.date}))
    solver = Solver(p, SolveOptions(time_limit=5, workers=1), rules=[RULE], scope=scope)
    night = solver.ctx.decided()[("A", TUESDAY_NIGHT.id)]
    solver.ctx.model.add(night == 1)
    assert solver.solve().status == "infeasible"
    free = Solver(p, SolveOptions(time_limit=5, workers=1), rules=[RULE],
                  scope=Scope(fixed=frozenset(), days=frozenset({TUESDAY_NIGHT.date})))
    free.ctx.model.add(free.ctx.decided()[("A", TUESDAY_NIGHT.id)] == 1)
    assert free.solve().status in ("optimal", "feasible")
