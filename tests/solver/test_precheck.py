"""Per-session pre-checks say why the others may not take a session."""

from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, person, problem, session
from models.domain import Mark
from models.i18n import language, set_language
from solver.precheck import precheck


def across_noon():
    """A session 11:30-14:00 (past the 13:30 a morning ends by); A may work only the morning that day,
    B only the afternoon."""
    req = session(start="11:30", end="14:00")
    marks = {("A", MONDAY): Mark.AM_ONLY, ("B", MONDAY): Mark.PM_ONLY}
    return req, problem([person("A", name="青木"), person("B", name="馬場")], [req], availability=marks)


def test_half_day_marks_for_a_session_across_noon_are_said_as_such() -> None:
    req, p = across_noon()
    [line] = precheck(p)
    assert req.label() in line and "nobody can work it" in line and "available that day" not in line
    assert "青木 can work only in the morning and 馬場 only in the afternoon" in line and "across noon" in line


def test_half_day_marks_in_japanese() -> None:
    before = language()
    set_language("ja")
    try:
        _, p = across_noon()
        [line] = precheck(p)
        assert "青木 はその日午前のみ、馬場 は午後のみ勤務でき、この枠は正午をまたぎます" in line
    finally:
        set_language(before)


def test_an_afternoon_session_and_a_morning_mark_say_only_the_morning() -> None:
    req = session(start="13:00", end="15:00", min_staff=2)
    p = problem([person("A", name="青木"), person("B")], [req], availability={("A", MONDAY): Mark.AM_ONLY})
    [line] = precheck(p)
    assert "only 1 can work it" in line and "青木 can work only in the morning that day" in line
    assert "noon" not in line


def test_hours_given_that_the_session_does_not_fit_are_said() -> None:
    """An after-school club's 14:00-18:30 and a helper free `15時から` that day."""
    req = session(start="14:00", end="18:30", min_staff=2)
    p = problem([person("A", name="青木"), person("B")], [req], windows={("A", MONDAY): (900, None)})
    [line] = precheck(p)
    assert "only 1 can work it" in line and "青木 gave hours that day" in line
    before = language()
    set_language("ja")
    try:
        [line] = precheck(p)
        assert "青木 はその日、書いた時間（15時から など）に枠が収まりません" in line
    finally:
        set_language(before)


def test_only_day_off_marks_keep_the_old_sentence() -> None:
    req = session(min_staff=2)
    p = problem([person("A"), person("B")], [req], availability={("B", MONDAY): Mark.UNAVAILABLE})
    assert precheck(p) == [f"{req.label()} needs 2 staff; only 1 is available that day."]


def test_too_few_people_at_all() -> None:
    req = session(min_staff=3)
    [line] = precheck(problem([person("A"), person("B")], [req]))
    assert "there are only 2 in all" in line


def test_soft_cover_asks_no_cover_of_a_session() -> None:
    req = session(min_staff=3)
    p = problem([person("A")], [req])
    assert precheck(p) and precheck(p, soft_cover=True) == []


def test_a_half_day_clause_that_does_not_cross_noon_ends_its_japanese_sentence() -> None:
    """`青木 はその日午前のみ勤務でき。` was cut short: without the noon clause it ends in ます."""
    before = language()
    set_language("ja")
    try:
        req = session(start="13:00", end="15:00", min_staff=2)
        p = problem([person("A", name="青木"), person("B")], [req], availability={("A", MONDAY): Mark.AM_ONLY})
        [line] = precheck(p)
        assert "青木 はその日午前のみ勤務できます。" in line and "勤務でき。" not in line
    finally:
        set_language(before)


def test_everyone_marking_the_day_x_is_said_so_not_as_only_0() -> None:
    req = session()
    p = problem([person("A"), person("B")], [req], availability={("A", MONDAY): Mark.UNAVAILABLE,
                                                                   ("B", MONDAY): Mark.UNAVAILABLE})
    [line] = precheck(p)
    assert "nobody is available that day (everyone marked it ×)" in line and "only 0" not in line


def test_blank_cells_under_x_are_said_as_blank_and_where_to_change_it() -> None:
    """A ward that wrote only its days off (希) under 空欄の扱い 不可: blanks are named as blanks."""
    req = session(min_staff=2)
    p = problem([person("A", name="青木"), person("B"), person("C")], [req], blank_means=Mark.UNAVAILABLE,
                availability={("A", MONDAY): Mark.UNAVAILABLE, ("B", MONDAY): Mark.AVAILABLE})
    [line] = precheck(p)
    assert line.endswith("only 1 is available that day. (a blank counts as cannot work: 空欄の扱い (blank_means) "
                         "on the 設定 sheet is ×)")
    nobody = problem([person("A"), person("B")], [req], blank_means=Mark.UNAVAILABLE)
    [line] = precheck(nobody)
    assert "nobody is available that day (everyone left it blank)" in line and "空欄の扱い" in line


def test_many_sessions_nobody_may_work_by_their_marks_are_one_sentence() -> None:
    reqs = [session(day=MONDAY + timedelta(days=d), min_staff=1) for d in range(5)]
    p = problem([person("A"), person("B")], reqs, blank_means=Mark.UNAVAILABLE,
                availability={("A", MONDAY): Mark.UNAVAILABLE})
    [line] = precheck(p)
    assert line.startswith(f"5 sessions (5 days from {MONDAY.month}/{MONDAY.day} to ")
    assert "(everyone marked the day × or left it blank)" in line and "set it to 可" in line
    few = problem([person("A")], reqs[:3], blank_means=Mark.UNAVAILABLE)
    assert len(precheck(few)) == 3  # up to three are said one by one


def test_skills_more_than_the_most_need_someone_holding_several() -> None:
    """A nursery's 早番 of at most 1 needing a リーダー and a 看護師: nobody holds both, on any of its days.
    Said once for the kind of session with its days counted (it was one day's, "36 may take it")."""
    days = [MONDAY + timedelta(days=d) for d in range(3)]
    early = [session(day, "北", "早番", "07:00", "15:45", 1, max_staff=1, required_skills=(("リーダー", 1), ("看護師", 1)))
             for day in days]
    staff = [person("A", skills=frozenset({"リーダー"})), person("B", skills=frozenset({"看護師"})), person("C")]
    [line] = precheck(problem(staff, early))
    assert line.startswith(f"{early[0].label()} and 2 more (4/6 to 4/8) may have at most 1 staff but needs "
                           "1 with リーダー, 1 with 看護師")
    both = [*staff, person("D", skills=frozenset({"リーダー", "看護師"}))]
    assert precheck(problem(both, early)) == []
    two = [session(MONDAY, "北", "早番", "07:00", "15:45", 2, max_staff=2,
                   required_skills=(("リーダー", 1), ("看護師", 1), ("調理師", 1)))]
    cook = person("E", skills=frozenset({"調理師"}))
    assert precheck(problem([*both, cook], two)) == []  # D and the cook would do: two of them hold the three
    assert [line for line in precheck(problem([*staff, cook], two)) if "at most 2" in line]


def test_a_shift_refused_that_day_is_said() -> None:
    """A 遅番 that day and one nurse of two who wrote `遅番不可`."""
    req = session(activity="遅番", start="12:00", end="21:00", min_staff=2)
    p = problem([person("A", name="青木"), person("B")], [req], refused={("A", MONDAY): frozenset({"遅番"})},
                availability={("A", MONDAY): Mark.AVAILABLE})
    [line] = precheck(p)
    assert "only 1 can work it" in line and "青木 refused 遅番 that day (遅番不可)" in line


def test_a_day_of_leave_keeping_someone_out_is_said_by_its_word() -> None:
    """"山口 麻衣 はその日 ×" of a day she had written as 通院 (check says 通院): her word is said with her name."""
    before = language()
    set_language("ja")
    try:
        req = session(min_staff=2, start="09:00", end="15:00")
        p = problem([person("A", name="山口 麻衣"), person("B", name="佐藤")], [req],
                    availability={("A", MONDAY): Mark.UNAVAILABLE, ("B", MONDAY): Mark.AM_ONLY},
                    leave={("A", MONDAY): "通院"})
        [line] = precheck(p)
        assert "山口 麻衣（通院） はその日 ×" in line and "佐藤 はその日午前のみ" in line
    finally:
        set_language(before)
