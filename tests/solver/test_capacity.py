"""Capacity pre-checks: a group of sessions needing more people-sessions than its people can give."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from factories import MONDAY, hard, person, problem, session
from models.domain import Mark, RuleSetting, Site
from models.i18n import language, set_language
from solver.capacity import capacity_sentences, fit, longest_runs, shortfalls
from solver.core import SolveOptions, Solver
from solver.eligibility import Screen
from solver.precheck import precheck

NIGHT = (("夜勤", 2),)


def ward(cap: int, nurses: int = 3, days: int = 2, **kw):
    """Each day a 準夜 and a 深夜 needing 2 with 夜勤; `nurses` hold 夜勤, each at most `cap` nights."""
    reqs = []
    for d in range(days):
        day = MONDAY + timedelta(days=d)
        reqs += [session(day, "5東", "準夜", "16:30", "23:59", min_staff=2, required_skills=NIGHT),
                 session(day, "5東", "深夜", "00:30", "09:00", min_staff=2, required_skills=NIGHT)]
    staff = [person(f"N{i}", skills=frozenset({"夜勤"}), max_per_activity=(("準夜+深夜", cap),)) for i in range(nurses)]
    return problem(staff, reqs, days=days, **kw)


def solvable(p) -> bool:
    result = Solver(p, SolveOptions(time_limit=10, workers=1, explain=False)).solve()
    assert result.status != "unknown"
    return result.roster is not None


def test_nights_against_a_per_activity_group_limit_are_counted_over_the_plan() -> None:
    p = ward(cap=2)  # 4 nights × 2 = 8 people-nights with 夜勤; 3 nurses × 2 = 6
    [line] = capacity_sentences(p, Screen(p))
    assert "8" in line and "6" in line and "夜勤" in line and "準夜+深夜" in line and "3 people" in line
    assert not solvable(p)


def test_a_limit_that_leaves_just_enough_is_no_shortfall() -> None:
    p = ward(cap=3)  # 9 >= 8
    assert shortfalls(p, Screen(p)) == []
    assert solvable(p)


def test_each_person_gives_their_tightest_bound() -> None:
    # N0 is away the first day (2 nights left), N1 may work 1 a week, N2 2 in all: 5 < 8
    p = ward(cap=2, availability={("N0", MONDAY): Mark.UNAVAILABLE})
    p.staff[1] = person("N1", skills=frozenset({"夜勤"}), max_per_week=1, max_per_activity=(("準夜+深夜", 2),))
    [found] = [f for f in shortfalls(p, Screen(p)) if f.skill == "夜勤" and f.window[0] == "plan"]
    assert [b.most for _, b in found.bounds] == [2, 1, 2] and found.need == 8
    line = found.sentence(p)
    assert "N0" not in line or "sessions they may work" in line
    assert "Max per week (1)" in line


def test_a_soft_limit_gives_no_shortfall() -> None:
    p = ward(cap=2, rules={"max_per_activity": RuleSetting(enabled=True, hard=False, weight=5)})
    assert shortfalls(p, Screen(p)) == []


def test_a_day_whose_sessions_clash_by_travel_names_the_person_and_the_travel_time() -> None:
    sites = [Site("若葉小", "北区", "都心"), Site("中央", "中央区", "都心")]
    a = session(MONDAY, "若葉小", "フッ化物洗口", "08:30", "09:30", required_skills=(("フッ化物", 1),))
    b = session(MONDAY, "中央", "3歳児健診", "09:45", "11:45", required_skills=(("フッ化物", 1),))
    staff = [person("H1", name="佐藤", skills=frozenset({"フッ化物"})), person("H2", name="山田", skills=frozenset({"フッ化物"})),
             person("H3")]
    p = problem(staff, [a, b], sites=sites, availability={("H2", MONDAY): Mark.UNAVAILABLE})
    [line] = capacity_sentences(p, Screen(p))
    assert a.label() in line and b.label() in line and "佐藤" in line and "30-minute travel" in line
    assert "山田 cannot take any" in line
    assert not solvable(p)
    p.travel = type(p.travel)(same_site=0, same_group=10, other_group=60)  # 15 minutes apart is enough now
    assert capacity_sentences(p, Screen(p)) == []


def test_a_week_short_only_by_its_short_day_is_said_once() -> None:
    # Monday needs 2 of the one person; the rest of the week is fine: the week's shortfall is Monday's
    reqs = [session(MONDAY, start="09:00", end="12:00"), session(MONDAY, start="10:00", end="13:00")]
    reqs += [session(MONDAY + timedelta(days=d)) for d in range(1, 5)]
    p = problem([person("A")], reqs)
    found = shortfalls(p, Screen(p))
    assert [f.window[0] for f in found] == ["day"]


def test_capacity_sentence_in_japanese() -> None:
    before = language()
    set_language("ja")
    try:
        [line] = capacity_sentences(ward(cap=2), Screen(ward(cap=2)))
        assert "延べ 8 名" in line and "延べ 6 名まで" in line and "内容別上限 準夜+深夜: 2 回 × 3 名" in line
    finally:
        set_language(before)


def test_budgets_and_runs_bound_the_cheapest_sessions_first() -> None:
    assert fit([120, 60, 180], 200) == 2 and fit([60], -1) == 0
    days = [MONDAY + timedelta(days=d) for d in range(7)]
    assert longest_runs(days, {d: 1 for d in days}, 2) == 5  # work, work, off, work, work, off, work
    assert longest_runs(days, {days[0]: 2, days[1]: 1, days[2]: 2}, 1) == 4


def random_ward(seed: int):
    """A small plan with tight limits of every kind the capacity checks count."""
    rng = random.Random(seed)
    sites = [Site("東", "東区", "A"), Site("西", "西区", "B")]
    acts = [("日勤", "09:00", "17:00"), ("準夜", "16:30", "23:59"), ("深夜", "00:30", "09:00"), ("教室", "10:00", "11:30")]
    reqs = []
    days = rng.randint(3, 9)
    for d in range(days):
        day = MONDAY + timedelta(days=d)
        for act, start, end in rng.sample(acts, rng.randint(1, 3)):
            skill = (("夜勤", rng.randint(1, 2)),) if act in ("準夜", "深夜") and rng.random() < 0.6 else ()
            reqs.append(session(day, rng.choice(sites).name, act, start, end, min_staff=rng.choice([1, 1, 2]),
                                required_skills=skill))
    staff = []
    for i in range(rng.randint(3, 7) + seed % 3):  # every third plan has room to spare
        staff.append(person(f"S{i}", skills=frozenset({"夜勤"}) if rng.random() < 0.6 else frozenset(),
                            max_per_week=rng.choice([None, 3, 4, 5]), max_per_day=rng.choice([None, 1, 2]),
                            max_consecutive_days=rng.choice([None, 2, 3]),
                            max_minutes_per_week=rng.choice([None, 600, 1200, 2000]),
                            max_per_activity=rng.choice([(), (("準夜+深夜", rng.randint(0, 3)),), (("日勤", 2),)])))
    marks = {(s.id, MONDAY + timedelta(days=d)): rng.choice([Mark.AVAILABLE] * 6 + [Mark.UNAVAILABLE,
                                                                                Mark.AM_ONLY, Mark.PM_ONLY])
             for s in staff for d in range(days)}
    return problem(staff, reqs, days=days, sites=sites, availability=marks,
                   rules={"max_per_plan": hard(max_per_plan=rng.choice([None, 4, 6])),
                          "max_days_per_month": hard(max_days_per_month=rng.choice([None, 31, 2, 3, 4])),
                          "max_double_days": hard(max_double_days=rng.choice([None, 366, 0, 1, 2]))})


@pytest.mark.parametrize("seed", range(90))
def test_a_shortfall_is_never_claimed_where_a_roster_exists(seed: int) -> None:
    p = random_ward(seed)
    if precheck(p):
        assert not solvable(p), precheck(p)


def test_the_diagnosis_names_the_same_group_limit() -> None:
    from solver.explain import diagnose
    from solver.rules import RULES

    [line] = diagnose(ward(cap=2), RULES, time_limit=10)
    assert "\"Maximum sessions per activity\" (準夜+深夜 2) keeps them" in line


def test_days_off_and_days_a_week_bound_what_a_person_may_work() -> None:
    """A ward needing one nurse a day for a week, two nurses: with 5 days off each (2 days of work),
    4 people-days at most against 7, said with the rule; with at most 3 days a week, 6 against 7."""
    reqs = [session(MONDAY + timedelta(days=d), "5東", "日勤", "08:30", "17:00") for d in range(7)]
    staff = [person("N1"), person("N2")]
    off = problem(staff, reqs, rules={"min_days_off": hard(min_days_off=5)})
    [line] = capacity_sentences(off, Screen(off))
    assert "7" in line and "4" in line and "Minimum days off 5 days" in line, line
    assert not solvable(off)
    week = problem(staff, reqs, rules={"max_days_per_week": hard(max_days_per_week=3)})
    [line] = capacity_sentences(week, Screen(week))
    assert "6" in line and "Max days per week 3 days" in line, line
    assert not solvable(week)
    enough = problem(staff, reqs, rules={"max_days_per_week": hard(max_days_per_week=4)})
    assert shortfalls(enough, Screen(enough)) == [] and solvable(enough)


def test_days_a_month_and_full_days_bound_what_a_person_may_work() -> None:
    """A polling office's people at 3 days and 2 full ones (a first and a second half) could give 5 halves
    each, 455 of 523: told "not found in time, try a longer time limit". Here 2 people, 4 days of two
    halves needing 1 each: at 3 days and 1 full day 4 halves each, 8 of 8; at 2 days and 1 full 3 each, 6 of 8."""
    reqs = [session(MONDAY + timedelta(days=d), "本庁", "受付", start, end) for d in range(4)
            for start, end in (("08:30", "14:15"), ("14:15", "20:00"))]
    staff = [person("S1"), person("S2")]
    enough = problem(staff, reqs, days=4, rules={"max_days_per_month": hard(max_days_per_month=3),
                                                  "max_double_days": hard(max_double_days=1)})
    assert shortfalls(enough, Screen(enough)) == [] and solvable(enough)
    short = problem(staff, reqs, days=4, rules={"max_days_per_month": hard(max_days_per_month=2),
                                                 "max_double_days": hard(max_double_days=1)})
    [line] = capacity_sentences(short, Screen(short))
    assert "8" in line and "6" in line and "Max days per month 2 days・Max days with two sessions or more 1 days" in line
    assert not solvable(short)
    days_alone = problem(staff, reqs, days=4, rules={"max_days_per_month": hard(max_days_per_month=1)})
    [line] = capacity_sentences(days_alone, Screen(days_alone))
    assert "8" in line and "4" in line and "Max days per month 1 days" in line, line


def test_people_who_cannot_work_are_said_apart_from_the_count_of_those_who_can() -> None:
    """`職員 14 名が入れるのは延べ 8 名まで（…、ほか 12 名は勤務できません）` counted the 12 among the 14."""
    reqs = [session(MONDAY, start="09:00", end="12:00", min_staff=2), session(MONDAY, start="13:00", end="16:00", min_staff=2)]
    staff = [person(f"S{i}") for i in range(5)]
    away = {(f"S{i}", MONDAY): Mark.UNAVAILABLE for i in range(1, 5)}
    p = problem(staff, reqs, availability=away)
    [line] = capacity_sentences(p, Screen(p))
    assert "but the 1 staff member who can take them can work at most 2" in line and line.endswith("4 others cannot take any.")
    p = problem(staff, reqs, availability=away | {("S0", MONDAY): Mark.UNAVAILABLE})
    [line] = capacity_sentences(p, Screen(p))
    assert line.endswith("but none of the 5 staff can take them.")


def test_sessions_at_one_moment_needing_one_skill_each_are_weighed_together() -> None:
    """Two 13:00 check-ups each needing a clerk, one clerk free that afternoon and another in the
    morning: the day as a whole had two clerks for three places, and the explanation blamed cover."""
    morning = session(MONDAY, "南", "予防接種", "09:30", "11:30", required_skills=(("事務", 1),))
    south = session(MONDAY, "南", "3歳児健診", "13:00", "16:30", required_skills=(("事務", 1),))
    west = session(MONDAY, "西", "1歳6か月児健診", "13:00", "16:30", required_skills=(("事務", 1),))
    staff = [person("J1", name="森田", skills=frozenset({"事務"})), person("J2", name="竹内", skills=frozenset({"事務"}))]
    p = problem(staff, [morning, south, west], availability={("J2", MONDAY): Mark.AM_ONLY})
    [line] = capacity_sentences(p, Screen(p))
    assert line.startswith(f"{south.label()} and {west.label()} need 2 people-sessions with skill 事務 (1 each), "
                           "but the 1 person with 事務 who can take them can work at most 1")
    assert not solvable(p)


def test_a_weekly_limit_partly_used_by_the_earlier_plan_says_how_much() -> None:
    """29 hours a week with 21 of them worked in April: the May 1 shortfall said only "(29:00)"."""
    from models.domain import Requirement

    p = ward(cap=9)
    start = MONDAY + timedelta(days=1)  # a Tuesday: the Monday before is the earlier plan's
    p = p.with_(start=start, requirements=[r for r in p.requirements if r.date >= start],
                staff=[person(f"N{i}", skills=frozenset({"夜勤"}), max_minutes_per_week=20 * 60) for i in range(3)])
    monday = Requirement(Requirement.make_id(MONDAY, "5東", "日勤", 540), MONDAY, "5東", "日勤", 540, 1020, 1)
    p = p.with_(history_week={f"N{i}": (monday,) for i in range(3)})  # 8 of their 20 hours: one night left
    lines = capacity_sentences(p, Screen(p))
    assert any("of it worked in the earlier plan" in line and "8 h" in line for line in lines), lines
