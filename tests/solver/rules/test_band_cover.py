"""時間帯の最低人数: a nursery's 配置基準, people at every moment of a time band."""

from __future__ import annotations

from datetime import timedelta

import pytest

from factories import MONDAY, fixed, person, problem, roster, session, soft
from models.domain import RuleSetting
from solver.rules.band_cover import RULE, parse_bands

EARLY = session(activity="早番", start="07:00", end="16:00", min_staff=0)
MIDDLE = session(activity="中番", start="08:30", end="17:30", min_staff=0)
LATE = session(activity="遅番", start="10:00", end="19:00", min_staff=0)
STAFF = [person("A", skills=frozenset({"保育士", "正規"})), person("B", skills=frozenset({"保育士"})),
         person("C"), person("D", skills=frozenset({"保育士"}))]


def _nursery(bands: str, hard: bool = True, days: int = 1, sessions=(EARLY, MIDDLE, LATE)):
    setting = RuleSetting(hard=hard, weight=7, params={"bands": bands})
    return problem(STAFF, list(sessions), days=days, rules={"band_cover": setting})


def test_the_bands_read_as_a_nursery_writes_them() -> None:
    bands = parse_bands("7:00-8:30 2（保育士:1）、8:30〜17:00 3人（保育士:2、正規:1）\n平日 18:00-19:00 2名\n土曜 8時〜17時 5;"
                        "本園 7時半-8時 1")
    assert [(b.start, b.end, b.least, b.skills, b.days, b.site) for b in bands] == [
        (420, 510, 2, (("保育士", 1),), "", ""), (510, 1020, 3, (("保育士", 2), ("正規", 1)), "", ""),
        (1080, 1140, 2, (), "月火水木金", ""), (480, 1020, 5, (), "土", ""), (450, 480, 1, (), "", "本園")]
    assert parse_bands("22:00-7:00 2")[0].end == 31 * 60  # into the next morning
    for bad in ("7:00-8:30", "朝 2", "7:00-8:30 二人", "本園 別館 7:00-8:00 1"):
        with pytest.raises(ValueError):
            parse_bands(bad)


def test_every_moment_of_a_band_counts_the_shifts_spanning_it() -> None:
    """7:00-8:30 2: only 早番 is there before 8:30, so two 早番 are needed; one 早番 and one 中番 is short
    from 7:00 to 8:30, and says so."""
    p = _nursery("7:00-8:30 2")
    assert fixed(p, [("A", EARLY.id), ("B", EARLY.id)], [RULE]) == 0
    assert fixed(p, [("A", EARLY.id), ("B", MIDDLE.id)], [RULE]) is None
    [v] = RULE.check(p, roster(("A", EARLY.id), ("B", MIDDLE.id)))
    assert v.hard and "7:00-8:30" in v.message.replace("07:00", "7:00") and v.date == MONDAY


def test_a_band_longer_than_any_shift_is_held_by_the_shifts_together() -> None:
    """8:30-17:00 2: 早番 ends at 16:00, so from 16:00 a 中番 or 遅番 must take over."""
    p = _nursery("8:30-17:00 2")
    assert fixed(p, [("A", EARLY.id), ("B", MIDDLE.id), ("C", LATE.id)], [RULE]) == 0
    assert fixed(p, [("A", EARLY.id), ("B", MIDDLE.id)], [RULE]) is None  # 16:00-17:00 has one
    soft_p = _nursery("8:30-17:00 2", hard=False)
    # 16:00-17:00 one short (8:30-16:00 has A and B): the weight once
    assert fixed(soft_p, [("A", EARLY.id), ("B", MIDDLE.id)], [RULE]) == 7
    assert sum(v.cost for v in RULE.check(soft_p, roster(("A", EARLY.id), ("B", MIDDLE.id)))) == 7
    # A alone: one short 8:30-10:00 and 10:00-16:00 (the 遅番 starts at 10:00), two 16:00-17:00
    assert sum(v.cost for v in RULE.check(soft_p, roster(("A", EARLY.id)))) == 7 * (1 + 1 + 2)
    assert fixed(soft_p, [("A", EARLY.id)], [RULE]) == 7 * 4


def test_the_skill_in_brackets_counts_its_holders() -> None:
    """18:00-19:00 1（正規:1）: the 遅番 must be a 正規."""
    p = _nursery("18:00-19:00 1（正規:1）")
    assert fixed(p, [("A", LATE.id)], [RULE]) == 0
    assert fixed(p, [("B", LATE.id)], [RULE]) is None
    [v] = RULE.check(p, roster(("B", LATE.id)))
    assert "正規" in v.message


def test_days_of_the_week_hold_a_band_and_hours_nobody_is_open_are_left_out() -> None:
    """A Saturday opening at 8:00 (土曜 8:00-17:00) is not held to 7:00-8:30 from 7:00; a Sunday without
    sessions is closed; 平日 leaves Saturday out altogether."""
    saturday = MONDAY + timedelta(days=5)
    sat = session(day=saturday, activity="土曜", start="08:00", end="17:00", min_staff=0)
    p = _nursery("7:00-8:30 1、平日 18:00-19:00 1", days=7, sessions=(sat,))
    assert fixed(p, [("A", sat.id)], [RULE]) == 0  # 8:00-8:30 has A; 7:00-8:00 closed; 18:00 weekdays only
    assert fixed(p, [], [RULE]) is None  # 8:00-8:30 on Saturday has nobody
    p = _nursery("平日 8:00-8:30 1", days=7, sessions=(sat,))
    assert fixed(p, [], [RULE]) == 0


def test_a_night_counts_on_the_next_morning_and_a_band_may_run_past_midnight() -> None:
    night = session(activity="夜勤", start="16:30", end="33:00", min_staff=0)  # 16:30 to 9:00 the next day
    day_shift = session(day=MONDAY + timedelta(days=1), activity="日勤", start="08:30", end="17:30", min_staff=0)
    p = _nursery("7:00-8:00 1、22:00-6:00 1", days=2, sessions=(night, day_shift))
    assert fixed(p, [("A", night.id)], [RULE]) == 0  # Monday night holds 22:00-6:00, and Tuesday 7:00-8:00
    assert fixed(p, [("A", day_shift.id)], [RULE]) is None


def test_a_site_named_holds_the_band_there_only() -> None:
    other = session(site="分園", activity="早番", start="07:00", end="16:00", min_staff=0)
    p = _nursery("中央 7:00-8:00 1", sessions=(EARLY, other))
    assert fixed(p, [("A", EARLY.id)], [RULE]) == 0
    assert fixed(p, [("A", other.id)], [RULE]) is None


def test_no_bands_ask_nothing_and_a_soft_rule_is_soft() -> None:
    assert fixed(_nursery(""), [], [RULE]) == 0 and RULE.check(_nursery(""), roster()) == []
    p = problem(STAFF, [EARLY], rules={"band_cover": soft(3)})
    assert fixed(p, [], [RULE]) == 0


def test_the_settings_sheet_refuses_a_band_that_does_not_read() -> None:
    info = RULE.info
    assert info.param("bands").parse("7:00-8:30 2") == "7:00-8:30 2"
    with pytest.raises(ValueError):
        info.param("bands").parse("朝は2人")
