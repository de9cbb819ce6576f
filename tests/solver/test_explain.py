from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, person, problem, session
from models.domain import Assignment, Mark
from models.i18n import language, set_language
from solver.explain import diagnose, precheck
from solver.rules import RULES


def test_session_with_too_few_available_people_is_named() -> None:
    req = session(min_staff=2)
    p = problem([person("A"), person("B")], [req], availability={("B", MONDAY): Mark.UNAVAILABLE})
    [line] = precheck(p)
    assert req.label() in line and "2" in line and "1" in line


def test_skill_nobody_has_and_skill_in_japanese() -> None:
    before = language()
    set_language("ja")
    try:
        req = session(min_staff=1, required_skills=(("リーダー", 1),))
        [line] = precheck(problem([person("A")], [req]))
        assert "リーダー" in line and "いません" in line
    finally:
        set_language(before)


def test_pins_that_break_availability_or_a_daily_limit_are_named() -> None:
    am, pm = session(start="09:00", end="11:00", min_staff=0), session(start="13:00", end="15:00", min_staff=0)
    p = problem([person("A", name="青木", max_per_day=1)], [am, pm],
                availability={("A", MONDAY): Mark.AM_ONLY},
                locked=[Assignment("A", am.id, locked=True), Assignment("A", pm.id, locked=True)])
    lines = precheck(p)
    assert any("青木" in x and pm.label() in x for x in lines)  # PM session on an AM-only day
    assert any("青木" in x and "1" in x and "2" in x for x in lines if pm.label() not in x)


def test_two_days_against_a_weekly_limit_are_counted_and_diagnosed() -> None:
    reqs = [session(day=MONDAY + timedelta(days=d)) for d in range(2)]
    p = problem([person("A", name="青木", max_per_week=1)], reqs)
    [line] = precheck(p)  # the week's two sessions against one a week
    assert "need 2 people-sessions" in line and "at most 1" in line and "Max per week (1)" in line
    [line] = diagnose(p, RULES, time_limit=5)
    assert reqs[0].label() in line and reqs[1].label() in line and "青木" in line
    assert "\"Max per week\" (1)" in line


def test_many_sessions_short_are_said_up_to_a_count_then_counted() -> None:
    """A university's 不可日 list read with blanks as ×: some 200 sentences, one a session."""
    from solver.precheck import SESSIONS_SAID

    reqs = [session(day=MONDAY + timedelta(days=d % 7), start=f"{8 + d // 7}:00", end=f"{8 + d // 7}:30", min_staff=2)
            for d in range(14)]
    lines = precheck(problem([person("A")], reqs))
    assert lines[SESSIONS_SAID].startswith("4 more sessions are short of people")
    assert all(r.label() in " ".join(lines[:SESSIONS_SAID]) for r in sorted(reqs, key=lambda r: (r.date, r.start))[:10])


def test_a_sessions_mosts_and_a_person_for_each_skill_are_in_the_diagnosis() -> None:
    """An election office's station of 4: a 課長 and at most 2 of one 課, with 設定 asking a different person
    for each skill. Its staff are the 総務課 課長, three 総務課 clerks and one 人事課 clerk, so 3 can come; the
    diagnosis had found every group holding together (the mosts were in none) and said it could not narrow it."""
    from models.domain import RuleSetting

    station = session(min_staff=4, max_staff=4, required_skills=(("課長", 1),),
                      skill_caps=(("総務課", 2), ("人事課", 2)))
    staff = [person("K", skills=frozenset({"課長", "総務課"})), *(person(f"S{i}", skills=frozenset({"総務課"}))
                                                               for i in range(3)), person("J", skills=frozenset({"人事課"}))]
    p = problem(staff, [station], rules={"required_skills": RuleSetting(params={"distinct": True})})
    [line] = diagnose(p, RULES, time_limit=5)
    assert station.label() in line and "at most 2 may hold 総務課 (4 of the people who may take it do)" in line
