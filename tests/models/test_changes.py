"""The change report between two rosters: moves, additions, removals and pins, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from models.changes import (
    ADDED, LOCKED, MOVED, REMOVED, ROLE, UNLOCKED, Change, change_report, roster_changes, session_of,
)
from models.domain import Assignment, Problem, Requirement, Roster, Staff
from models.i18n import language, set_language

D1, D2 = date(2026, 4, 1), date(2026, 4, 2)
AM = Requirement("am", D1, "灘", "3歳児健診", 540, 720, 1)
PM = Requirement("pm", D1, "東灘", "1歳6か月児健診", 780, 960, 1)
NEXT = Requirement("next", D2, "灘", "妊婦歯科健診", 540, 720, 1)


@pytest.fixture
def plan() -> Problem:
    staff = [Staff("H002", "佐藤 次郎"), Staff("H001", "山田 花子")]
    return Problem("2026-04", D1, D2, staff=staff, requirements=[AM, PM, NEXT])


def test_same_day_swap_is_a_move(plan: Problem) -> None:
    changes = roster_changes(plan, Roster([Assignment("H001", "am")]), Roster([Assignment("H001", "pm")]))
    assert changes == [Change(MOVED, "H001", "am", "pm", D1)]


def test_other_day_is_a_removal_and_an_addition(plan: Problem) -> None:
    changes = roster_changes(plan, Roster([Assignment("H001", "am")]), Roster([Assignment("H001", "next")]))
    assert changes == [Change(REMOVED, "H001", "am", None, D1), Change(ADDED, "H001", None, "next", D2)]


def test_order_follows_date_then_staff_list(plan: Problem) -> None:
    before = Roster([Assignment("H001", "am"), Assignment("H002", "pm")])
    after = Roster([Assignment("H002", "am"), Assignment("H001", "next")])
    kinds = [(c.staff_id, c.kind) for c in roster_changes(plan, before, after)]
    # H002 comes first in the plan's staff list, whatever the ids say.
    assert kinds == [("H002", MOVED), ("H001", REMOVED), ("H001", ADDED)]


def test_pins_set_and_cleared(plan: Problem) -> None:
    before = Roster([Assignment("H001", "am"), Assignment("H002", "pm", locked=True)])
    after = Roster([Assignment("H001", "am", locked=True), Assignment("H002", "pm")])
    assert [c.kind for c in roster_changes(plan, before, after)] == [UNLOCKED, LOCKED]  # H002 is first in the staff list


def test_unchanged_rosters_have_no_changes(plan: Problem) -> None:
    roster = Roster([Assignment("H001", "am"), Assignment("H002", "pm", source="manual")])
    assert roster_changes(plan, roster, Roster(list(reversed(roster.assignments)))) == []


def test_report_in_english(plan: Problem, english: None) -> None:
    before = Roster([Assignment("H001", "am"), Assignment("H002", "next")])
    after = Roster([Assignment("H001", "pm")])
    assert change_report(plan, before, after) == [
        "山田 花子 (H001) moved from 4/1 灘 3歳児健診 09:00-12:00 to 4/1 東灘 1歳6か月児健診 13:00-16:00",
        "佐藤 次郎 (H002) taken off 4/2 灘 妊婦歯科健診 09:00-12:00",
        "2 change(s) (moved 1, removed 1)",
    ]


def test_report_in_japanese(plan: Problem) -> None:
    before = language()
    set_language("ja")
    try:
        lines = change_report(plan, Roster(), Roster([Assignment("H002", "am")]))
        assert lines == ["佐藤 次郎 (H002): 4/1 灘 3歳児健診 09:00-12:00 に追加", "計 1 件 (追加 1)"]
        assert change_report(plan, Roster(), Roster()) == ["変更はありません"]
    finally:
        set_language(before)


def test_sessions_and_people_the_plan_no_longer_has(plan: Problem, english: None) -> None:
    lines = change_report(plan, Roster([Assignment("X9", "gone")]), Roster())
    assert lines[0] == "X9 taken off gone (no longer held)"


def test_a_session_closed_since_is_a_removal_on_its_day(english: None) -> None:
    """A club closed on 4/1 after the roster was published (its 枠 row set to 0 and imported again): the
    people placed in it are taken off it, on that day, its hours as the site's same session on other days."""
    held = Requirement(Requirement.make_id(D2, "灘", "春休み午後", 780), D2, "灘", "春休み午後", 780, 1110, 1)
    closed = Requirement.make_id(D1, "灘", "春休み午後", 780)
    plan = Problem("2026-04", D1, D2, staff=[Staff("H001", "山田 花子")], requirements=[held])
    [change] = roster_changes(plan, Roster([Assignment("H001", closed), Assignment("H001", held.id)]),
                              Roster([Assignment("H001", held.id)]))
    assert change == Change(REMOVED, "H001", closed, None, D1)
    assert change_report(plan, Roster([Assignment("H001", closed)]), Roster())[0] == \
        "山田 花子 (H001) taken off 4/1 灘 春休み午後 13:00 (no longer held)"
    gone = session_of(plan, closed)
    assert gone is not None and (gone.date, gone.start, gone.end) == (D1, 780, 1110)
    assert Requirement.stand_in("gone") is None and session_of(plan, "gone") is None


def test_a_role_taken_over_in_a_kept_session_is_a_change_told_to_its_person(english: None) -> None:
    """A polling station's 投票管理者 (a 課長) dropped out, and the other 課長 placed there became its 投票管理者:
    he was in no notice, no diff and no 変更一覧, his own session being the same."""
    from dataclasses import replace

    from models.domain import RuleSetting

    station = Requirement("st10", D1, "第10投票所", "投票日", 420, 1200, 2, 2, required_skills=(("課長級", 1),))
    staff = [Staff("K1", "課長 一", skills=frozenset({"課長級"})), Staff("K2", "課長 二", skills=frozenset({"課長級"})),
             Staff("S1", "職員 三")]
    plan = Problem("2027-04", D1, D1, staff=staff, requirements=[station],
                   rules={"required_skills": RuleSetting(params={"distinct": True})})
    before = Roster([Assignment("K1", "st10"), Assignment("K2", "st10")])
    after = Roster([Assignment("K2", "st10"), Assignment("S1", "st10")])
    changes = roster_changes(plan, before, after)
    assert changes == [Change(REMOVED, "K1", "st10", None, D1), Change(ROLE, "K2", "st10", "st10", D1, ("", "課長級")),
                       Change(ADDED, "S1", None, "st10", D1)]
    assert change_report(plan, before, after)[1] == \
        "課長 二 (K2)'s role in 4/1 第10投票所 投票日 07:00-20:00: no role → 課長級"
    # without the rule asking a different person for each skill, both 課長 hold the role alike: nothing changed
    shared = replace(plan, rules={})
    assert [c.kind for c in roster_changes(shared, before, after)] == [REMOVED, ADDED]
