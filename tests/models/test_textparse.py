"""Each form a person may type into a cell, good and bad."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from models.domain import Mark, known_id, normalize
from models.textparse import (
    Explained,
    hours_text,
    man_yen,
    parse_bool,
    parse_count,
    parse_date,
    parse_hours,
    parse_mark,
    parse_names,
    parse_refusal,
    parse_skill_needs,
    parse_wish,
    parse_skill_counts,
    parse_skills,
    parse_time,
    parse_weekdays,
    parse_window,
    refusal_text,
    skill_needs_text,
    weekdays_text,
    window_text,
)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("はい", True), ("いいえ", False), ("有効", True), ("無効", False), ("可", True),
        ("不可", False), ("○", True), ("×", False), ("TRUE", True), ("false", False),
        ("Yes", True), ("no", False), ("ON", True), ("off", False), ("1", True), ("0", False),
        (1, True), (0, False), (True, True), (False, False), (" はい ", True), ("ＴＲＵＥ", True),
    ],
)
def test_parse_bool_reads_every_yes_and_no(value, expected):
    assert parse_bool(value) is expected


@pytest.mark.parametrize("value", ["maybe", "", None, 2, "たぶん"])
def test_parse_bool_rejects_other_values(value):
    with pytest.raises(ValueError):
        parse_bool(value)


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 4, 1, 0, 0), date(2026, 4, 1), "2026/4/1", "2026-04-01", "2026.4.1",
        "R8.4.1", "r8.4.1", "令和8年4月1日", "R8年4月1日", "２０２６／４／１", "2026年4月1日(水)",
        "2026/4/1(水)", "2026-04-01 00:00:00", 46113, "46113", "令和８年４月１日",
    ],
)
def test_parse_date_full_forms(value):
    assert parse_date(value) == date(2026, 4, 1)


@pytest.mark.parametrize(
    "value, expected",
    [("H31.4.1", date(2019, 4, 1)), ("平成31年4月1日", date(2019, 4, 1)),
     ("令和元年5月1日", date(2019, 5, 1)), ("S64.1.7", date(1989, 1, 7))],
)
def test_parse_date_earlier_eras_and_first_reiwa_year(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["4/1", "4/1(水)", "4月1日(水)", "4月1日", "４／１（水）", "4/1 (水)"])
def test_parse_date_month_day_takes_default_year(value):
    assert parse_date(value, default_year=2026) == date(2026, 4, 1)


def test_parse_date_month_day_without_default_year_raises():
    with pytest.raises(ValueError):
        parse_date("4/1")


@pytest.mark.parametrize(
    "value", ["4月31日", "2026/2/30", "2026/13/1", "R0.4.1", "昨日", "", None, True, 5, "4.1", "2026/4"]
)
def test_parse_date_rejects_impossible_and_unreadable(value):
    with pytest.raises(ValueError):
        parse_date(value, default_year=2026)


@pytest.mark.parametrize(
    "value, expected",
    [
        (time(9, 0), 540), (time(8, 59, 59, 999600), 540), (datetime(1899, 12, 30, 13, 30), 810), (0.375, 540), (0.5625, 810),
        (timedelta(hours=26), 1560), ("9:00", 540), ("09:00", 540), ("９：００", 540), ("9:00:00", 540),
        ("9時", 540), ("9時30分", 570), ("9時半", 570), ("13:30", 810), ("午後1時", 780),
        ("PM 1:30", 810), ("26:00", 1560), (" 9:00 ", 540),
        # the end of a shift that crosses midnight: 翌 before it, or an Excel time past 24:00
        ("翌9:00", 1980), ("翌日 09:00", 1980), ("(翌)1時", 1500), ("24:00", 1440),
        (datetime(1900, 1, 1, 1, 0), 1500), (datetime(1899, 12, 31, 0, 0), 1440),
    ],
)
def test_parse_time_forms(value, expected):
    assert parse_time(value) == expected


@pytest.mark.parametrize("value", ["13.30", "9", "25:60", "48:00", "9:7", "朝", "", None, -0.1, 3, True, "翌25:00", "翌"])
def test_parse_time_rejects_other_forms(value):
    with pytest.raises(ValueError):
        parse_time(value)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("○", Mark.AVAILABLE), ("◯", Mark.AVAILABLE), ("〇", Mark.AVAILABLE), ("●", Mark.AVAILABLE),
        ("×", Mark.UNAVAILABLE), ("✕", Mark.UNAVAILABLE), ("✖", Mark.UNAVAILABLE),
        ("X", Mark.UNAVAILABLE), ("x", Mark.UNAVAILABLE), ("ｘ", Mark.UNAVAILABLE),
        ("△", Mark.PREFER_NOT), ("▲", Mark.PREFER_NOT), ("AM", Mark.AM_ONLY), ("am", Mark.AM_ONLY),
        ("午前", Mark.AM_ONLY), ("ＡＭ", Mark.AM_ONLY), ("PM", Mark.PM_ONLY), ("午後", Mark.PM_ONLY),
        (" ○ ", Mark.AVAILABLE), ("×　", Mark.UNAVAILABLE),
        ("AM のみ", Mark.AM_ONLY), ("午前のみ可", Mark.AM_ONLY), ("ＰＭ　のみ", Mark.PM_ONLY), ("午後 可", Mark.PM_ONLY),
        ("休", Mark.UNAVAILABLE), ("希望休", Mark.UNAVAILABLE), ("希", Mark.UNAVAILABLE), ("有休", Mark.UNAVAILABLE),
        # a mark before the half it names, unbracketed; a × before a half refuses it, the other half free
        ("△午後", Mark.PM_ONLY), ("○午前", Mark.AM_ONLY), ("△午前希望", Mark.AM_ONLY), ("▲ 後半", Mark.PM_ONLY),
        ("×午後", Mark.AM_ONLY), ("×AM", Mark.PM_ONLY),
        # undecided, a day to ask about: as △
        ("？", Mark.PREFER_NOT), ("?", Mark.PREFER_NOT), ("未定", Mark.PREFER_NOT), ("要確認", Mark.PREFER_NOT),
        ("相談可", Mark.PREFER_NOT), ("1日可", Mark.AVAILABLE), ("ＯＫ", Mark.AVAILABLE),
    ],
)
def test_parse_mark_every_variant(value, expected):
    assert parse_mark(value) is expected


DAYS_OFF = ["休み", "お休み", "公休", "希望休", "有休", "有給", "有給休暇", "年休", "休暇", "代休", "振休",
            "休み希望", "有休希望", " 休 み ", "公", "希望休み"]


@pytest.mark.parametrize("value", DAYS_OFF)
def test_the_common_words_for_a_day_off_are_a_cross(value):
    """休み as well as 休 (it was refused as an unknown mark), leave and a day off asked for."""
    assert parse_mark(value) is Mark.UNAVAILABLE


@pytest.mark.parametrize("value, expected", [
    ("午前休", Mark.PM_ONLY), ("午前半休", Mark.PM_ONLY), ("有休（午前）", Mark.PM_ONLY), ("午後休", Mark.AM_ONLY),
    ("前半", Mark.AM_ONLY), ("前半のみ", Mark.AM_ONLY), ("後半のみ", Mark.PM_ONLY), ("終日", Mark.AVAILABLE),
    ("◎", Mark.AVAILABLE), ("忌引", Mark.UNAVAILABLE), ("欠", Mark.UNAVAILABLE), ("リフレッシュ休暇", Mark.UNAVAILABLE),
    ("○（後半）", Mark.PM_ONLY), ("○(午前)", Mark.AM_ONLY),
    # a health check's forms: 午後から, and × with its reason in brackets
    ("午後から", Mark.PM_ONLY), ("午前中", Mark.AM_ONLY), ("×（通院）", Mark.UNAVAILABLE), ("△(できれば)", Mark.PREFER_NOT),
    ("辞退", Mark.UNAVAILABLE),  # an election office's survey
])
def test_a_wards_and_a_polling_offices_words_are_read(value, expected):
    """Refused as unknown marks: a ward's half days off (午前休 leaves the afternoon), leave words,
    ◎ (especially free); a polling office's 前半・後半 (a day cut in two) and 終日."""
    from models.textparse import leave_word

    assert parse_mark(value) is expected
    assert leave_word(value) == {"忌引": "忌引", "欠": "欠勤", "リフレッシュ休暇": "リフレッシュ休暇", "×（通院）": "通院"}.get(value)


@pytest.mark.parametrize("value, expected, leave", [
    ("夏季休暇", Mark.UNAVAILABLE, "夏季休暇"), ("学会出張", Mark.UNAVAILABLE, "学会出張"), ("通院", Mark.UNAVAILABLE, "通院"),
    ("出張のため不可", Mark.UNAVAILABLE, "出張"), ("私用につき×", Mark.UNAVAILABLE, None), ("振", Mark.UNAVAILABLE, None),
    ("代", Mark.UNAVAILABLE, None), ("終日不可", Mark.UNAVAILABLE, None), ("要相談", Mark.PREFER_NOT, None),
    ("午後不可", Mark.AM_ONLY, None), ("午前中のみ", Mark.AM_ONLY, None), ("午前不可", Mark.PM_ONLY, None),
    ("△(午前希望)", Mark.AM_ONLY, None), ("○（午後希望）", Mark.PM_ONLY, None), ("×(午前)", Mark.UNAVAILABLE, None),
])
def test_a_nurserys_and_a_universitys_words_are_read(value, expected, leave):
    """Refused as unknown marks in a nursery's 希望表 and a university's 不可日 list: leave of any kind
    (夏季休暇, 学会出張), a reason before 不可, 振 and 代 for 振休 and 代休, a half refused (午後不可)."""
    from models.textparse import leave_word

    assert parse_mark(value) is expected
    assert leave_word(value) == leave


@pytest.mark.parametrize("value", ["遅番不可", "2限不可", "半休", "健診"])
def test_a_shift_refused_on_a_day_or_a_half_day_unnamed_stays_unread(value):
    """`遅番不可` refuses one shift, not the day; `半休` names no half: neither is read as ×."""
    with pytest.raises(ValueError):
        parse_mark(value)


def test_a_shifts_first_character_asks_for_it_when_it_begins_no_other():
    """A nursery's 希望表 writes 早 and 遅 for 早番 and 遅番; 日 with 日勤 and 日直, or a mark (休), is no wish."""
    assert parse_wish("早", ("早番", "中番", "遅番")) == "早番" and parse_wish("遅希望", ("早番", "遅番")) == "遅番"
    assert parse_wish("日", ("日勤", "日直")) is None and parse_wish("休", ("休日診療",)) is None


def test_a_care_homes_words_for_a_day_off_asked_for_are_kept_as_such():
    """公 (a 勤務表's own mark for 公休) and 希望休み were refused; 希望休み is 希 like 希望休."""
    from models.textparse import leave_word

    assert leave_word("希望休み") == "希"
    # the leave a × gives in brackets: a consultation office's `不可(通院)` was prefilled on its form as a bare ×
    assert leave_word("不可(通院)") == "通院" and leave_word("×（研修）") == "研修" and leave_word("不可(家庭の事情)") is None
    # 公 is kept too, as a day off set beforehand (a ward's 公 printed as × in its 勤務表)
    assert leave_word("公") == leave_word("公休") == "公"


def test_no_word_for_a_day_off_is_read_as_a_shift_asked_for():
    """parse_mark comes first, but a plan's shift named like a day off would make the cell
    ambiguous: none of the words is a wish for the ward's shifts, and shifts are still wishes."""
    assert all(parse_wish(value, (*WARD, "休日健診")) is None for value in DAYS_OFF)
    assert parse_wish("休日健診希望", ("休日健診",)) == "休日健診"
    with pytest.raises(ValueError):
        parse_mark("休日健診希望")
    with pytest.raises(ValueError):
        parse_mark("○希望")  # only a day off is asked for with 希望


@pytest.mark.parametrize("value", [None, "", "  ", "　", "－", "-", "ー"])  # a dash: nothing said
def test_parse_mark_blank_is_none(value):
    assert parse_mark(value) is None


@pytest.mark.parametrize("value", ["◇", "maybe", 1, "/", "〃"])
def test_parse_mark_rejects_unknown(value):
    with pytest.raises(ValueError):
        parse_mark(value)


@pytest.mark.parametrize("value,expected", [
    ("15時から", (Mark.AVAILABLE, 900, None)), ("15:00〜", (Mark.AVAILABLE, 900, None)),
    ("１５時以降", (Mark.AVAILABLE, 900, None)), ("午後3時から", (Mark.AVAILABLE, 900, None)),
    ("〜15時", (Mark.AVAILABLE, 0, 900)), ("15時まで", (Mark.AVAILABLE, 0, 900)),
    ("10時〜15時", (Mark.AVAILABLE, 600, 900)), ("10時から15時まで", (Mark.AVAILABLE, 600, 900)),
    ("9:30-13:00", (Mark.AVAILABLE, 570, 780)), ("9時半～12時", (Mark.AVAILABLE, 570, 720)),
    ("○15時から", (Mark.AVAILABLE, 900, None)), ("15時から可", (Mark.AVAILABLE, 900, None)),
    ("10:00～15:00のみ", (Mark.AVAILABLE, 600, 900)), ("△15時から", (Mark.PREFER_NOT, 900, None)),
    ("18:00〜翌9:00", (Mark.AVAILABLE, 1080, 1980)),
    # the hours in brackets after the mark (a consultation office's ○(14時まで) had been refused)
    ("○(14時まで)", (Mark.AVAILABLE, 0, 840)), ("△（15時から）", (Mark.PREFER_NOT, 900, None)),
])
def test_hours_free_read_from_a_cell_and_written_back_the_same(value, expected):
    assert parse_window(value) == expected
    assert parse_window(window_text(*expected)) == expected


@pytest.mark.parametrize("value", ["○", "午前", "15時", "夕方", "10-15", "15時〜10時", "", None, 15])
def test_a_cell_without_hours_has_no_window(value):
    """A bare number range (`10-15`) is no time: Excel makes it a date as it is typed."""
    assert parse_window(value) is None


WARD = ("日勤", "準夜", "深夜")


@pytest.mark.parametrize("value, expected", [
    ("日勤", "日勤"), (" 日勤 ", "日勤"), ("深夜希望", "深夜"), ("日勤○", "日勤"), ("日勤 〇", "日勤"),
    ("日勤/準夜", "日勤+準夜"), ("日勤／準夜希望", "日勤+準夜"), ("準夜・深夜", "準夜+深夜"), ("準夜+準夜", "準夜"),
])
def test_parse_wish_names_the_plan_s_activity(value, expected):
    assert parse_wish(value, WARD) == expected


@pytest.mark.parametrize("value", [None, "", "夜勤", "日勤x", "日勤/夜勤", "希望", "○", "/", 1])
def test_parse_wish_is_none_for_anything_but_the_plan_s_activities(value):
    assert parse_wish(value, WARD) is None


def test_parse_wish_takes_an_activity_named_with_a_slash_whole():
    assert parse_wish("外来/病棟", ["外来/病棟", "外来"]) == "外来/病棟"


NURSERY = ("早番", "遅番", "日勤", "夜勤", "深夜", "準夜")


@pytest.mark.parametrize("value, expected", [
    ("遅番不可", {"遅番"}), ("遅番×", {"遅番"}), ("遅番✕", {"遅番"}), ("夜勤なし", {"夜勤"}), (" 遅番 不可 ", {"遅番"}),
    ("遅番は不可", {"遅番"}), ("深夜・準夜不可", {"深夜", "準夜"}), ("深夜/準夜×", {"深夜", "準夜"}),
    ("深夜+準夜NG", {"深夜", "準夜"}), ("深夜、準夜なし", {"深夜", "準夜"}), ("遅不可", {"遅番"}), ("早×", {"早番"}),
    ("日勤のみ", {"早番", "遅番", "夜勤", "深夜", "準夜"}), ("早番・日勤のみ", {"遅番", "夜勤", "深夜", "準夜"}),
])
def test_a_shift_refused_on_a_day_is_read_in_the_plan_s_spelling(value, expected):
    """`遅番不可` (the person works that day, but not its 遅番); a shift's first character when it
    begins no other (`遅` for 遅番); `日勤のみ` refuses the rest."""
    assert parse_refusal(value, NURSERY) == frozenset(expected)
    assert parse_refusal(refusal_text(expected, NURSERY), NURSERY) == frozenset(expected)
    assert parse_refusal(refusal_text(expected), NURSERY) == frozenset(expected)


@pytest.mark.parametrize("value", ["2限不可", "中不可", "日勤", "不可", "×", "遅番/2限不可", "○", "", None, 3, "日勤x"])
def test_a_cell_refusing_no_shift_of_the_plan_is_no_refusal(value):
    """`2限不可` in a ward (no such shift) is no refusal (an unknown mark, said); `中` begins no shift; a wish is no
    refusal; `日` begins both 日勤 and 日直."""
    assert parse_refusal(value, NURSERY) is None
    assert parse_refusal("日不可", ("日勤", "日直")) is None


PERIODS = ["1限", "2限", "3限", "4限", "5限"]


@pytest.mark.parametrize(("value", "allowed"), [
    ("1,2,3限可", ["1限", "2限", "3限"]), ("1・2限のみ", ["1限", "2限"]), ("1限、2限", ["1限", "2限"]),
    ("1,2,3限", ["1限", "2限", "3限"]), ("1〜3限", ["1限", "2限", "3限"]), ("3限から", ["3限", "4限", "5限"]),
    ("3限以降", ["3限", "4限", "5限"]), ("4限まで", ["1限", "2限", "3限", "4限"]), ("〜2限", ["1限", "2限"]),
    ("2限以外", ["1限", "3限", "4限", "5限"]), ("2限を除く", ["1限", "3限", "4限", "5限"]),
])
def test_numbered_shifts_as_a_form_answers_them(value, allowed):
    """A university's invigilators answered a Google Form in its own words for the 時限 they could take: 205
    cells were refused, and `1限/2限/3限` (a wish for one of them) is still a wish."""
    refused = parse_refusal(value, PERIODS)
    assert refused is not None and sorted(set(PERIODS) - refused) == allowed
    assert parse_refusal("1〜3限", ["日勤", "夜勤"]) is None and parse_refusal("3限から", ["1限", "2限"]) is None
    assert parse_wish("1限/2限/3限", PERIODS) == "1限+2限+3限"


@pytest.mark.parametrize(("value", "expected"), [
    ("1枠のみ", (Mark.AVAILABLE, 1)), ("１枠のみ", (Mark.AVAILABLE, 1)), ("1コマまで", (Mark.AVAILABLE, 1)),
    ("どちらか1つ", (Mark.AVAILABLE, 1)), ("△1枠のみ", (Mark.PREFER_NOT, 1)), ("2回まで", (Mark.AVAILABLE, 2)),
    ("一枠のみ", (Mark.AVAILABLE, 1)), ("1日可", None), ("1", None), ("○", None),
])
def test_the_most_sessions_of_a_day(value, expected):
    from models.textparse import day_cap_text, parse_day_cap

    assert parse_day_cap(value) == expected
    if expected:
        assert parse_day_cap(day_cap_text(*expected)) == expected


def test_a_refusal_is_written_back_as_a_cell_says_it():
    from models.textparse import cell_text

    assert refusal_text({"準夜", "深夜"}) == "深夜・準夜不可" and refusal_text({"遅番"}, NURSERY) == "遅番不可"
    assert refusal_text({"早番", "遅番", "夜勤", "深夜", "準夜"}, NURSERY) == "日勤のみ"
    assert cell_text(Mark.AVAILABLE, refused=frozenset({"遅番"})) == "遅番不可"
    assert cell_text(Mark.UNAVAILABLE, refused=frozenset({"遅番"})) == "×"  # a day marked × since
    assert cell_text(Mark.AVAILABLE, window=(900, None), refused=frozenset({"遅番"})) == "15:00〜"


@pytest.mark.parametrize(
    "value, expected", [(2, 2), (0, 0), (2.0, 2), ("2", 2), ("２", 2), ("2人", 2), ("２名", 2), (" 3 ", 3),
                        ("月2回", 2), ("週３日", 3), ("1日2回", 2), ("月に2回", 2)]
)
def test_parse_count_good(value, expected):
    assert parse_count(value) == expected


@pytest.mark.parametrize("value", [-1, "-1", 1.5, "1.5", "two", "", None, True, "二人", "2月", "月"])
def test_parse_count_rejects_negative_fraction_text(value):
    with pytest.raises(ValueError):
        parse_count(value)


@pytest.mark.parametrize(
    "value", ["リーダー,フッ化物", "リーダー、フッ化物", "リーダー・フッ化物", "リーダー，フッ化物",
              "リーダー フッ化物", "リーダー　フッ化物", " リーダー、 フッ化物 ", "リーダー／フッ化物",
              "リーダー/フッ化物"]
)
def test_parse_skills_separators(value):
    assert parse_skills(value) == frozenset({"リーダー", "フッ化物"})


def test_parse_skills_blank_and_nfkc():
    assert parse_skills(None) == frozenset()
    assert parse_skills("") == frozenset()
    assert parse_skills("ﾘｰﾀﾞｰ") == frozenset({"リーダー"})


@pytest.mark.parametrize(
    "value, expected",
    [
        ("リーダー:1、フッ化物：2", (("リーダー", 1), ("フッ化物", 2))),
        ("リーダー : 1, フッ化物:2", (("リーダー", 1), ("フッ化物", 2))),
        ("リーダー", (("リーダー", 1),)),
        ("リーダー フッ化物:２", (("リーダー", 1), ("フッ化物", 2))),
        (None, ()),
        ("", ()),
    ],
)
def test_parse_skill_counts(value, expected):
    assert parse_skill_counts(value) == expected


@pytest.mark.parametrize("value", ["リーダー:-1", "リーダー:x", "リーダー:0", ":2", "リーダー:1、リーダー:2"])
def test_parse_skill_counts_rejects_bad(value):
    with pytest.raises(ValueError):
        parse_skill_counts(value)


@pytest.mark.parametrize("value", ["4-14", "04-14", "４－１４", "4 - 14", "4/14", "4-14(火)"])
def test_parse_date_month_day_with_a_dash(value):
    assert parse_date(value, default_year=2026) == date(2026, 4, 14)


@pytest.mark.parametrize("value", ["4-31", "13-1", "4-14-"])
def test_parse_date_month_day_with_dash_rejects_impossible(value):
    with pytest.raises(ValueError):
        parse_date(value, default_year=2026)


@pytest.mark.parametrize(
    "value, expected",
    [(1003, "1003"), (1003.0, "1003"), ("'1003", "1003"), (" ' H003", "H003"), ("Ｈ００３ ", "H003"),
     (None, ""), (1003.5, "1003.5"), ("山田 花子", "山田 花子"), ("'", "")],
)
def test_normalize_ids_as_people_type_them(value, expected):
    assert normalize(value) == expected


@pytest.mark.parametrize(
    "given, known, expected",
    [("H003", {"H003", "H004"}, "H003"), ("12", {"0012", "H004"}, "0012"), ("0012", {"12"}, "12"),
     ("12", {"012", "0012"}, None), ("13", {"0012"}, None), ("H3", {"H003"}, None), ("", {"0"}, None),
     ("h003", {"H003", "H004"}, "H003"), ("ab1", {"AB1", "Ab1"}, None), ("ab1", {"ab1", "AB1"}, "ab1")],
)
def test_known_id_matches_numbers_that_lost_their_leading_zeros_and_letters_typed_in_another_case(given, known, expected):
    assert known_id(given, known) == expected


@pytest.mark.parametrize("value", ["1月12日(火)", "2027/1/12（火）", "1/12 (Tue)", "1/12(祝)", "1/12(火曜日)", "1/12"])
def test_a_weekday_written_beside_a_date_is_its_own_or_a_holiday_mark(value):
    assert parse_date(value, 2027) == date(2027, 1, 12)


@pytest.mark.parametrize("value", ["1月12日(水)", "2027/1/12（水）", "1/12(wed)", "1/12(水曜日)"])
def test_a_weekday_that_contradicts_its_date_is_refused_with_both(value):
    """1/12 is a Tuesday: the writer meant 1/12 or Wednesday 1/13, and only they know which."""
    with pytest.raises(Explained, match="1/12 is a Tuesday, not the Wednesday written beside it"):
        parse_date(value, 2027)


@pytest.mark.parametrize("value, expected", [
    ("妊婦指導1名", (("妊婦指導", 1),)), ("リーダー×2", (("リーダー", 2),)), ("リーダー 2人、フッ化物", (("リーダー", 2), ("フッ化物", 1))),
    ("リーダー＊1", (("リーダー", 1),)), ("看護師2", (("看護師2", 1),)),  # a bare number ending a name stays in it
])
def test_a_skill_count_written_without_a_colon(value, expected):
    assert parse_skill_counts(value) == expected


def test_an_activity_limit_written_with_its_unit():
    from models.textparse import parse_activity_limits
    assert parse_activity_limits("夜勤5回、日勤 20回") == (("夜勤", 5), ("日勤", 20))


@pytest.mark.parametrize("value, minutes", [("1:00 PM", 780), ("1:30 pm", 810), ("11:00 AM", 660), ("1:00 p.m.", 780)])
def test_a_time_with_am_or_pm_after_it(value, minutes):
    assert parse_time(value) == minutes


@pytest.mark.parametrize("value", ["✓", "✔", "☑"])
def test_a_tick_is_can_work(value):
    assert parse_mark(value) is Mark.AVAILABLE


def test_a_weekday_picks_the_year_when_the_year_is_only_a_guess():
    """No year anywhere (no 設定 period, no dated session): this year is a guess, and `1/5(火)` typed in
    December for January is next year's 1/5, a Tuesday. With a year the plan gives, a wrong weekday
    is refused instead."""
    assert parse_date("1/5(火)", 2026, guessed=True) == date(2027, 1, 5)
    assert parse_date("1/5(月)", 2026, guessed=True) == date(2026, 1, 5)
    assert parse_date("1/5", 2026, guessed=True) == date(2026, 1, 5)
    with pytest.raises(Explained):
        parse_date("1/5(火)", 2026)


@pytest.mark.parametrize("value", ["産休", "育休", "病休", "病欠", "欠勤", "休職"])
def test_leave_of_every_kind_is_a_cross(value):
    assert parse_mark(value) is Mark.UNAVAILABLE


def test_names_split_at_list_separators_and_at_spaces_only_when_not_known() -> None:
    known = {"訪問", "訪問リハ", "健診・相談", "口腔 教室"}
    assert parse_names("訪問、訪問リハ", known) == {"訪問", "訪問リハ"}
    assert parse_names("健診・相談／口腔 教室", known) == {"健診・相談", "口腔 教室"}
    assert parse_names("訪問・訪問リハ", known) == {"訪問", "訪問リハ"}
    assert parse_names("訪問 訪問リハ", known) == {"訪問", "訪問リハ"}
    assert parse_names("  ", known) == frozenset() and parse_names(None, known) == frozenset()


@pytest.mark.parametrize("text, expected", [
    ("103万", "1030000"), ("103万円", "1030000"), ("１０３万円", "1030000"), ("103.5万", "1035000"),
    ("100万5000円", "1005000"), ("¥103万", "1030000"), ("1,030,000円", "1,030,000円"), ("万", "万"), ("103万人", "103万人"),
])
def test_amounts_in_man_read_as_yen(text, expected) -> None:
    """`103万` in 年間上限額, the way the income threshold is said, was refused."""
    assert man_yen(text) == expected


@pytest.mark.parametrize("text, least, most", [
    ("保健師:2〜3、リーダー:1、新人<=1", (("保健師", 2), ("リーダー", 1)), (("保健師", 3), ("新人", 1))),
    ("新人≦1", (), (("新人", 1),)), ("新人:1人まで", (), (("新人", 1),)), ("新人:最大1", (), (("新人", 1),)),
    ("保健師：２～３人", (("保健師", 2),), (("保健師", 3),)), ("新人:〜1", (), (("新人", 1),)),
    ("経験者:2、新人:0-1", (("経験者", 2),), (("新人", 1),)), ("1歳児担当:2〜3", (("1歳児担当", 2),), (("1歳児担当", 3),)),
    ("リーダー×1、フッ化物:2", (("リーダー", 1), ("フッ化物", 2)), ()), ("妊婦指導1名", (("妊婦指導", 1),), ()),
    # a ward's counts without their colon: 新人1名まで had been read as a skill of that name
    ("リーダー1名、新人1名まで", (("リーダー", 1),), (("新人", 1),)), ("リーダー1名以上", (("リーダー", 1),), ()),
    ("新人最大1名", (), (("新人", 1),)), ("保健師2〜3名", (("保健師", 2),), (("保健師", 3),)),
    ("新人〜1名", (), (("新人", 1),)), ("リーダー:1、新人1名以下", (("リーダー", 1),), (("新人", 1),)),
    ("リーダー×1名", (("リーダー", 1),), ()),
    # skills joined by ・ before one count are any of them: a 主任監督 had been one 教授 and one 准教授
    ("教授・准教授:1、女性:1", (("教授または准教授", 1), ("女性", 1)), ()), ("（教授・准教授）:1", (("教授または准教授", 1),), ()),
    ("教授又は准教授1名", (("教授または准教授", 1),), ()), ("医師・看護師:1〜2", (("医師または看護師", 1),), (("医師または看護師", 2),)),
    ("リーダー:1・フッ化物:2", (("リーダー", 1), ("フッ化物", 2)), ()), ("リーダー・フッ化物", (("リーダー", 1), ("フッ化物", 1)), ()),
])
def test_skill_needs_read_a_least_and_a_most(text, least, most) -> None:
    assert parse_skill_needs(text) == (least, most)
    assert parse_skill_needs(skill_needs_text(least, most)) == (least, most)


@pytest.mark.parametrize("text", ["保健師:3〜2", "リーダー:0", "リーダー:1、リーダー:2", "新人<=1、新人:0〜2"])
def test_skill_needs_refuse_a_most_below_its_least_and_a_skill_twice(text) -> None:
    with pytest.raises(ValueError):
        parse_skill_needs(text)


@pytest.mark.parametrize("text, days, shown", [
    ("火・木", "火木", "火・木"), ("火曜・木曜のみ", "火木", "火・木"), ("月〜金", "月火水木金", "月〜金"), ("平日", "月火水木金", "月〜金"),
    ("Tue, Thu", "火木", "火・木"), ("水曜日", "水", "水"), ("金・月", "月金", "月・金"), ("", "", ""),
    ("土日祝", "土日祝", "土・日・祝"), ("月〜金・祝日", "月火水木金祝", "月〜金・祝"),
    ("平日（祝日除く）", "月火水木金", "月〜金"), ("月〜金(祝日を除く)", "月火水木金", "月〜金"),
    ("月〜金、祝日も可", "月火水木金祝", "月〜金・祝"), ("月水金 祝日以外", "月水金", "月・水・金"),
])
def test_days_of_the_week_read_as_people_write_them(text, days, shown) -> None:
    """A doctor who comes on 火・木 only: every other date had to be typed ×."""
    assert parse_weekdays(text) == days and weekdays_text(days) == shown
    assert parse_weekdays(shown) == days


def test_a_national_holiday_on_a_weekday_is_off_unless_the_days_say_so() -> None:
    """A ward's 師長 (平日) and part-timers (月〜金) were put on 元日 and 成人の日: a holiday on a weekday
    is theirs only with 祝 or every day of the week; a holiday on a Saturday is a Saturday."""
    from datetime import date

    from models.domain import Problem, Staff

    people = [Staff("A", "平日", weekdays="月火水木金"), Staff("B", "祝も", weekdays="月火水木金祝"),
              Staff("C", "毎日", weekdays="月火水木金土日"), Staff("D", "土日", weekdays="土日"),
              Staff("E", "自由")]
    problem = Problem("p", date(2027, 1, 1), date(2028, 12, 31), people, [], [])
    new_year, coming_of_age, monday = date(2027, 1, 1), date(2027, 1, 11), date(2027, 1, 18)
    off = {p.id: [problem.off_weekday(p.id, d) for d in (new_year, coming_of_age, monday)] for p in people}
    assert off == {"A": [True, True, False], "B": [False, False, False], "C": [False, False, False],
                   "D": [True, True, True], "E": [False, False, False]}
    assert not problem.off_weekday("D", date(2028, 4, 29))  # 昭和の日, a Saturday
    assert problem.off_weekday("A", date(2028, 4, 29))


def test_a_date_is_no_day_of_the_week() -> None:
    with pytest.raises(ValueError):
        parse_weekdays("第2水曜")


@pytest.mark.parametrize("value, minutes", [
    (40, 2400), (37.5, 2250), ("40時間", 2400), ("37時間30分", 2250), ("2400分", 2400), ("7:45", 465), ("37.5h", 2250),
])
def test_hours_read_as_minutes_and_written_back(value, minutes) -> None:
    assert parse_hours(value) == minutes and parse_hours(hours_text(minutes)) == minutes


def test_a_limit_with_its_period_and_まで_is_read() -> None:
    """`3日まで` and `月60時間` were refused where `3日` and `60時間` were read."""
    assert [parse_count(v) for v in ("3日まで", "週3日", "月3回まで")] == [3, 3, 3]
    assert [parse_hours(v) for v in ("月60時間", "週20時間まで", "月40時間以内")] == [3600, 1200, 2400]


@pytest.mark.parametrize("value", ["-3", "abc", "40日", None])
def test_what_is_no_length_of_time_is_refused(value) -> None:
    with pytest.raises(ValueError):
        parse_hours(value)


def test_a_break_is_minutes() -> None:
    from datetime import time as clock

    from models.textparse import parse_break

    assert [parse_break(v) for v in (45, "60", "45分", "1時間", "1時間15分", "0:45", clock(0, 45), "１時間")] == [
        45, 60, 45, 60, 75, 45, 45, 60]
    for bad in ("昼", -5, 1.5, "1時間半ぐらい"):
        with pytest.raises(ValueError):
            parse_break(bad)


@pytest.mark.parametrize(("value", "active"), [("在籍", True), ("在籍中", True), ("休職", False), ("休職中", False),
                                               ("産休中", False), ("退職済み", False), ("×", False), ("○", True)])
def test_the_register_says_who_is_away_in_its_own_words(value, active):
    """`休職中` was refused where `休職` was read."""
    from models.textparse import parse_active

    assert parse_active(value) is active


def test_a_name_resembles_the_one_name_it_begins():
    """An after-school club's 拠点 `さくら` for さくら児童クラブ: too short a part for a close match."""
    from models.textparse import resembling

    clubs = ["さくら児童クラブ", "ひまわり児童クラブ", "もみじ児童クラブ"]
    assert resembling("さくら", clubs) == "さくら児童クラブ"
    assert resembling("保健士", ["保健師", "看護師"]) == "保健師"
    assert resembling("児童", clubs) is None and resembling("", clubs) is None


@pytest.mark.parametrize("value, leave", [("司書研修", "司書研修"), ("研修会", "研修会"), ("県立図書館研修", "県立図書館研修"),
                                          ("研修（県立図書館）", "研修"), ("休（研修）", "研修"), ("有休（午前）", None)])
def test_kinds_of_training_are_leave_as_kinds_of_a_trip_are(value: str, leave: str | None) -> None:
    """A library's `司書研修`, `研修会`, `研修（県立図書館）` and `休（研修）` were refused as unknown marks, while
    `県立図書館出張` was read: × (the half-day's 有休（午前） the afternoon), kept as written."""
    from models.textparse import leave_word

    assert parse_mark(value) is (Mark.PM_ONLY if "午前" in value else Mark.UNAVAILABLE)
    assert leave_word(value) == leave


@pytest.mark.parametrize("value, found, unread", [
    ("月8回まで、週2日まで", {"max_per_month": 8, "max_days_per_week": 2}, []),
    ("週20時間以内", {"max_minutes_per_week": 1200}, []), ("1日1回", {"max_per_day": 1}, []),
    ("月 10日・週3回", {"max_days_per_month": 10, "max_per_week": 3}, []),
    ("土日不可", {}, ["土日不可"]), (None, {}, []),
])
def test_limits_written_as_words(value, found, unread):
    from models.textparse import parse_conditions

    assert parse_conditions(value) == (found, unread)
