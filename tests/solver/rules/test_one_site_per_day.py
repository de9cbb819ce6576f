"""one_site_per_day: a person's sessions of a day at one site (a polling station's 前半 and 後半)."""

from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, fixed, person, problem, roster, session
from models.domain import RuleSetting
from sequence_harness import assert_exact
from solver.rules.one_site_per_day import RULE

SITES = ("本庁", "南支所", "北支所")
REQS = [session(day=MONDAY + timedelta(days=d), site=site, activity="受付", start=start, end=end, min_staff=0)
        for d in range(2) for site in SITES for start, end in (("08:30", "14:00"), ("14:00", "20:00"))]


def plan(hard: bool = True, enabled: bool = True):
    return problem([person("A", "Aoki"), person("B", "Baba")], REQS, days=2,
                   rules={"one_site_per_day": RuleSetting(enabled=enabled, hard=hard, weight=10)})


def _id(day: int, site: str, start: str) -> str:
    return next(r.id for r in REQS if r.date == MONDAY + timedelta(days=day) and r.site == site
                and f"{r.start // 60:02}:{r.start % 60:02}" == start)


def test_both_halves_at_one_site_pass_and_two_sites_in_a_day_break_it() -> None:
    """With travel 0 between close stations, 本庁 in the morning and 南支所 in the afternoon passed unsaid."""
    p = plan()
    same = [("A", _id(0, "本庁", "08:30")), ("A", _id(0, "本庁", "14:00")), ("A", _id(1, "南支所", "08:30"))]
    assert RULE.check(p, roster(*same)) == [] and fixed(p, same, [RULE]) == 0
    moved = [("A", _id(0, "本庁", "08:30")), ("A", _id(0, "南支所", "14:00"))]
    [found] = RULE.check(p, roster(*moved))
    assert found.hard and "Aoki works at 2 sites on" in found.message and "本庁, 南支所" in found.message
    assert fixed(p, moved, [RULE]) is None
    assert fixed(plan(hard=False), moved, [RULE]) == 10
    assert RULE.check(plan(enabled=False), roster(*moved)) == []  # off by default: a hygienist's morning and afternoon


def test_solver_and_evaluator_agree() -> None:
    for hard in (True, False):
        assert_exact(plan(hard=hard), RULE, count=20)


def test_jobs_named_hold_the_rule_for_their_holders_only() -> None:
    """A health check's nurses stay at one hall all day; its doctors may move (travel 90 had held everyone)."""
    p = plan().with_(staff=[person("A", "Aoki", skills=frozenset({"看護師"})), person("B", "Baba", skills=frozenset({"医師"}))],
                     rules={"one_site_per_day": RuleSetting(enabled=True, hard=True, weight=10, params={"jobs": "看護師"})})
    nurse = [("A", _id(0, "本庁", "08:30")), ("A", _id(0, "南支所", "14:00"))]
    doctor = [("B", _id(0, "本庁", "08:30")), ("B", _id(0, "南支所", "14:00"))]
    assert len(RULE.check(p, roster(*nurse))) == 1 and fixed(p, nurse, [RULE]) is None
    assert RULE.check(p, roster(*doctor)) == [] and fixed(p, doctor, [RULE]) == 0
