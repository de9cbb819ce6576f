from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, fixed, person, problem, roster, session, soft
from models.domain import Assignment, Mark
from models.i18n import language, set_language
from solver.rules.availability import RULE

AM = session(start="09:00", end="12:00")
PM = session(start="13:00", end="16:00")
SPAN = session(start="11:00", end="14:00")


def _p(mark: Mark, **kw):
    return problem([person("A")], [AM, PM, SPAN], availability={("A", MONDAY): mark}, **kw)


def test_unavailable_day_is_filtered_and_reported() -> None:
    p = _p(Mark.UNAVAILABLE)
    assert fixed(p, [("A", AM.id)], [RULE]) is None
    [v] = RULE.check(p, roster(("A", AM.id)))
    assert v.hard and v.staff_id == "A" and "×" in v.message


def test_blank_means_the_declared_default() -> None:
    p = problem([person("A")], [AM], blank_means=Mark.UNAVAILABLE)
    assert len(RULE.check(p, roster(("A", AM.id)))) == 1
    p = problem([person("A")], [AM], blank_means=Mark.AVAILABLE)
    assert RULE.check(p, roster(("A", AM.id))) == []
    assert fixed(p, [("A", AM.id)], [RULE]) == 0


def test_days_outside_the_weekdays_are_x_whatever_blanks_mean() -> None:
    """A Saturday-only doctor under 空欄の扱い 可: the model put them on every Sunday (check refused it);
    a mark written on such a day still counts (that month's exception)."""
    for blank in (Mark.AVAILABLE, Mark.UNAVAILABLE):
        p = problem([person("A", weekdays="土")], [AM], blank_means=blank)  # AM: a Monday
        assert fixed(p, [("A", AM.id)], [RULE]) is None and len(RULE.check(p, roster(("A", AM.id)))) == 1
        [said] = RULE.check(p, roster(("A", AM.id)))
        assert "(not one of their weekdays)" in said.message
        marked = p.with_(availability={("A", MONDAY): Mark.AVAILABLE})
        assert fixed(marked, [("A", AM.id)], [RULE]) == 0 and RULE.check(marked, roster(("A", AM.id))) == []


def test_half_day_marks_limit_the_hours() -> None:
    am = _p(Mark.AM_ONLY)
    assert fixed(am, [("A", AM.id)], [RULE]) == 0 and RULE.check(am, roster(("A", AM.id))) == []
    assert fixed(am, [("A", PM.id)], [RULE]) is None
    assert fixed(am, [("A", SPAN.id)], [RULE]) is None
    pm = _p(Mark.PM_ONLY)
    assert RULE.check(pm, roster(("A", PM.id))) == []
    assert len(RULE.check(pm, roster(("A", AM.id), ("A", SPAN.id)))) == 2


def test_the_first_half_of_a_day_cut_in_two_is_a_morning() -> None:
    """A polling station's 前半 8:30-14:15 (後半 14:15-20:00) and a shopping centre's 10:00-15:00 (then 15:00-20:00)
    ran past 13:30: its 午前のみ people, 6 of 91, were given no day. A 早番 7:00-16:00 beside a 遅番 is no morning."""
    first, second = session(site="本庁", activity="受付", start="08:30", end="14:15"), \
        session(site="本庁", activity="受付", start="14:15", end="20:00")
    mall = [session(site="モール", activity="受付", start="10:00", end="15:00"),
            session(site="モール", activity="受付", start="15:00", end="20:00")]
    early, late = session(site="園", activity="早番", start="07:00", end="16:00"), \
        session(site="園", activity="遅番", start="11:00", end="20:00")
    alone = session(site="分館", activity="日勤", start="09:00", end="14:30")  # no second half that day
    p = problem([person("A")], [first, second, *mall, early, late, alone],
                availability={("A", MONDAY): Mark.AM_ONLY})
    assert fixed(p, [("A", first.id)], [RULE]) == 0 and fixed(p, [("A", mall[0].id)], [RULE]) == 0
    assert [fixed(p, [("A", r.id)], [RULE]) for r in (second, mall[1], early, late, alone)] == [None] * 5
    assert RULE.check(p, roster(("A", first.id))) == [] and len(RULE.check(p, roster(("A", early.id)))) == 1
    # an early-voting office's 前半 8:30-14:30 hands over to its 後半 14:00-20:00 for half an hour, and a session
    # named 前半 is the first half whatever its hours: 前半のみ had been given only the mall's 10:00-15:00
    handing = [session(site="北支所", activity="受付", start="08:30", end="14:30"),
               session(site="北支所", activity="受付", start="14:00", end="20:00"),
               session(site="南支所", activity="前半", start="08:30", end="15:30")]
    p = problem([person("A")], handing, availability={("A", MONDAY): Mark.AM_ONLY})
    assert [fixed(p, [("A", r.id)], [RULE]) for r in handing] == [0, None, 0]


def test_locked_pair_on_a_cross_day_stays_forbidden_when_hard() -> None:
    p = _p(Mark.UNAVAILABLE, locked=[Assignment("A", AM.id, locked=True)])
    assert fixed(p, [("A", AM.id)], [RULE]) is None
    assert fixed(p, [], [RULE]) == 0


def test_soft_costs_weight_per_assignment() -> None:
    p = _p(Mark.UNAVAILABLE, rules={"availability": soft(9)})
    pairs = [("A", AM.id), ("A", PM.id)]
    assert fixed(p, pairs, [RULE]) == 18
    assert sum(v.cost for v in RULE.check(p, roster(*pairs))) == 18


def test_a_night_into_the_next_morning_needs_that_morning_free() -> None:
    """夜勤 16:30-翌9:00 takes the next day's morning: × or 午後 there rules it out (solver and
    evaluator alike); 午前 there allows it, as does a 準夜 to 翌1:00, which leaves the day free."""
    from datetime import timedelta

    night = session(activity="夜勤", start="16:30", end="33:00")  # to 9:00 the next day
    late = session(activity="準夜", start="16:30", end="25:00")
    tuesday = MONDAY + timedelta(days=1)
    for mark, allowed in ((Mark.UNAVAILABLE, False), (Mark.PM_ONLY, False), (Mark.AM_ONLY, True), (Mark.AVAILABLE, True)):
        p = problem([person("A")], [night, late], availability={("A", tuesday): mark})
        assert (fixed(p, [("A", night.id)], [RULE]) == 0) is allowed, mark
        violations = RULE.check(p, roster(("A", night.id)))
        assert (violations == []) is allowed, mark
        if not allowed:
            assert "4/7" in violations[0].message and "夜勤" in violations[0].message
        assert fixed(p, [("A", late.id)], [RULE]) == 0 and RULE.check(p, roster(("A", late.id))) == []
    # the plan's last night: the next morning is next month's, not asked
    last = problem([person("A")], [night], days=1, blank_means=Mark.UNAVAILABLE,
                   availability={("A", MONDAY): Mark.AVAILABLE})
    assert RULE.check(last, roster(("A", night.id))) == []
    soft_p = problem([person("A")], [night], availability={("A", tuesday): Mark.UNAVAILABLE},
                     rules={"availability": soft(7)})
    assert fixed(soft_p, [("A", night.id)], [RULE]) == 7 and RULE.check(soft_p, roster(("A", night.id)))[0].cost == 7


def test_a_day_of_leave_is_said_by_its_word() -> None:
    p = _p(Mark.UNAVAILABLE).with_(leave={("A", MONDAY): "有休"})
    [v] = RULE.check(p, roster(("A", AM.id)))
    assert "unavailable (有休)" in v.message
    [v] = RULE.check(p.with_(leave={("A", MONDAY): "希"}), roster(("A", AM.id)))
    assert "unavailable (asked off)" in v.message


def test_a_night_into_a_x_morning_is_refused_unless_the_plan_allows_it() -> None:
    """A nurse's 希望休 is no 明, so a night into it is refused; a hospital's doctors mark × the day of
    their clinic and take the night before: the rule's 'no night into the morning of a × day' = no."""
    from models.domain import RuleSetting

    night = session(start="16:30", end="23:59")
    night = night.__class__(**{**night.__dict__, "end": 24 * 60 + 8 * 60 + 30})  # 16:30-翌8:30
    tuesday = MONDAY + timedelta(days=1)
    p = problem([person("A")], [night], availability={("A", tuesday): Mark.UNAVAILABLE})
    assert fixed(p, [("A", night.id)], [RULE]) is None and len(RULE.check(p, roster(("A", night.id)))) == 1
    clinic = p.with_(rules={"availability": RuleSetting(True, True, 100, {"morning": False})})
    assert fixed(clinic, [("A", night.id)], [RULE]) == 0 and RULE.check(clinic, roster(("A", night.id))) == []


def test_hours_given_with_a_mark_keep_the_sessions_outside_them_out() -> None:
    """`13時から` (an after-school club's helper with a day job), `〜12時`: only sessions inside the hours."""
    after_one = _p(Mark.AVAILABLE, windows={("A", MONDAY): (13 * 60, None)})
    assert fixed(after_one, [("A", PM.id)], [RULE]) == 0 and RULE.check(after_one, roster(("A", PM.id))) == []
    for outside in (AM, SPAN):
        assert fixed(after_one, [("A", outside.id)], [RULE]) is None
        [v] = RULE.check(after_one, roster(("A", outside.id)))
        assert v.hard and "13:00〜" in v.message
    until_noon = _p(Mark.PREFER_NOT, windows={("A", MONDAY): (0, 12 * 60)})
    assert fixed(until_noon, [("A", AM.id)], [RULE]) == 0 and fixed(until_noon, [("A", SPAN.id)], [RULE]) is None
    # the hours are the day's own: another day is free all day
    tuesday = session(day=MONDAY + timedelta(days=1), start="09:00", end="12:00")
    other = problem([person("A")], [AM, tuesday], windows={("A", MONDAY): (13 * 60, None)})
    assert fixed(other, [("A", tuesday.id)], [RULE]) == 0
    # a × day stays × whatever hours were kept for it (a mark edited since)
    crossed = _p(Mark.UNAVAILABLE, windows={("A", MONDAY): (13 * 60, None)})
    assert fixed(crossed, [("A", PM.id)], [RULE]) is None


def test_a_shift_refused_that_day_is_kept_out_and_another_that_day_is_not() -> None:
    """`遅番不可` (a nurse's child collected in the evening): ○ that day, but never its 遅番."""
    early = session(activity="早番", start="07:00", end="16:00")
    late = session(activity="遅番", start="12:00", end="21:00")
    p = problem([person("A")], [early, late], availability={("A", MONDAY): Mark.AVAILABLE},
                refused={("A", MONDAY): frozenset({"遅番"})})
    assert fixed(p, [("A", late.id)], [RULE]) is None
    assert fixed(p, [("A", early.id)], [RULE]) == 0 and RULE.check(p, roster(("A", early.id))) == []
    [v] = RULE.check(p, roster(("A", late.id)))
    assert v.hard and v.staff_id == "A" and "cannot work 遅番" in v.message and "(遅番不可)" in v.message
    before = language()
    set_language("ja")
    try:
        [v] = RULE.check(p, roster(("A", late.id)))
        assert v.message.startswith(f"職員A は {MONDAY.month}/{MONDAY.day} の 遅番 はできません（遅番不可）が")
    finally:
        set_language(before)
    # soft: each such assignment costs the weight, in the model as in check
    priced = p.with_(rules={"availability": soft(7)})
    assert fixed(priced, [("A", late.id)], [RULE]) == 7
    assert sum(v.cost for v in RULE.check(priced, roster(("A", late.id)))) == 7
    # the refusal is the day's own: the next day's 遅番 is theirs
    tuesday = session(day=MONDAY + timedelta(days=1), activity="遅番", start="12:00", end="21:00")
    other = p.with_(requirements=[early, late, tuesday])
    assert fixed(other, [("A", tuesday.id)], [RULE]) == 0


def test_a_night_needs_the_next_morning_inside_the_hours_given_for_it() -> None:
    """A 夜勤 16:30-翌9:30 before a day marked `10時から` runs into hours the person is not free."""
    night = session(start="16:30", end="33:30")
    tuesday = MONDAY + timedelta(days=1)
    late = problem([person("A")], [night], windows={("A", tuesday): (10 * 60, None)})
    assert fixed(late, [("A", night.id)], [RULE]) is None
    [v] = RULE.check(late, roster(("A", night.id)))
    assert "10:00〜" in v.message
    early = problem([person("A")], [night], windows={("A", tuesday): (0, 12 * 60)})
    assert fixed(early, [("A", night.id)], [RULE]) == 0
    # the night's own day: from 16時 lets it start, to any end
    own = problem([person("A")], [night], windows={("A", MONDAY): (16 * 60, None)})
    assert fixed(own, [("A", night.id)], [RULE]) == 0


def test_someone_no_longer_active_placed_by_hand_is_a_hard_breach_even_with_the_rule_soft() -> None:
    """A hygienist marked 退職 on 職員, put back in 配置表 by hand, went through check, publish and notify."""
    left = problem([person("A", active=False), person("B")], [AM])
    [found] = RULE.check(left, roster(("A", AM.id)))
    assert found.hard and "is not active" in found.message
    soft_rule = left.with_(rules={"availability": soft(5)})
    [found] = RULE.check(soft_rule, roster(("A", AM.id)))
    assert found.hard and found.cost == 0
    assert RULE.check(left, roster(("B", AM.id))) == []
