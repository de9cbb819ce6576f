"""The 毎日の枠 sheet: a ward's shifts written once by kind of day, a session on every day of the plan."""

from __future__ import annotations

from datetime import date, datetime, time

import openpyxl
import pytest
from workbooks import STAFF_ROWS, standard, write_book

from models.errors import InvalidInput
from models.excel.importer import read_workbooks

pytestmark = pytest.mark.usefixtures("english")

DAILY = [["会場", "内容", "開始", "終了", "平日", "土曜", "日曜祝日", "必要スキル"],
         ["5階東病棟", "日勤", time(8, 30), time(17), 6, 4, 3, "リーダー:1"],
         ["5階東病棟", "準夜", time(16, 30), time(1), 3, None, None, None],
         ["5階東病棟", "研修", time(13), time(15), 2, 0, 0, None]]
# April 2026: 4/29 (Wed) is 昭和の日, a national holiday
MARKS = [["職員ID", "氏名", *(datetime(2026, 4, d) for d in range(1, 31))],
         ["H001", "山田 花子", *(["○"] * 30)], ["H002", "佐藤 次郎", *(["○"] * 30)]]
PERIOD = [["項目", "値"], ["期間開始", datetime(2026, 4, 1)], ["期間終了", datetime(2026, 4, 30)]]


def _sessions(problem) -> dict[tuple[date, str], tuple[int, int, int, int]]:
    return {(r.date, r.activity): (r.start, r.end, r.min_staff, r.max_staff) for r in problem.requirements}


def test_every_day_gets_each_shift_with_the_count_of_its_kind_of_day(tmp_path):
    path = write_book(tmp_path / "ward.xlsx", standard(枠=None, 毎日の枠=DAILY, 勤務可否=MARKS, 設定=PERIOD))
    problem = read_workbooks([path])
    got = _sessions(problem)
    assert (problem.start, problem.end) == (date(2026, 4, 1), date(2026, 4, 30))
    assert got[(date(2026, 4, 1), "日勤")] == (510, 1020, 6, 6)  # Wednesday
    assert got[(date(2026, 4, 4), "日勤")][2] == 4  # Saturday
    assert got[(date(2026, 4, 5), "日勤")][2] == 3 and got[(date(2026, 4, 29), "日勤")][2] == 3  # Sunday, 昭和の日
    assert got[(date(2026, 4, 4), "準夜")] == (990, 1500, 3, 3)  # a blank 土曜 is the 平日 count; ends 翌1:00
    assert (date(2026, 4, 4), "研修") not in got and got[(date(2026, 4, 6), "研修")][2] == 2  # 0: none that day
    assert len(problem.requirements) == 30 * 2 + 21  # 21 weekdays that are not holidays in April 2026
    assert next(r for r in problem.requirements if r.activity == "日勤").required_skills == (("リーダー", 1),)


def test_one_time_column_holds_both_times_as_on_the_sessions_sheet(tmp_path):
    """`時間 8:30～17:00` was refused here (開始 and 終了 missing) while 枠 took it."""
    ranged = [["会場", "内容", "時間", "平日", "土曜", "日曜祝日", "必要スキル"],
              *([place, shift, f"{start}～{end}", *counts] for place, shift, start, end, *counts in (
                  ("5階東病棟", "日勤", "8:30", "17:00", 6, 4, 3, "リーダー:1"),
                  ("5階東病棟", "準夜", "16:30", "1:00", 3, None, None, None),
                  ("5階東病棟", "研修", "13:00", "15:00", 2, 0, 0, None)))]
    by_columns = read_workbooks([write_book(tmp_path / "a.xlsx", standard(枠=None, 毎日の枠=DAILY, 勤務可否=MARKS,
                                                                           設定=PERIOD))])
    by_range = read_workbooks([write_book(tmp_path / "b.xlsx", standard(枠=None, 毎日の枠=ranged, 勤務可否=MARKS,
                                                                         設定=PERIOD))])
    assert _sessions(by_range) == _sessions(by_columns)
    bad = [ranged[0], ["5階東病棟", "日勤", "8:30", 6, 4, 3, None]]
    with pytest.raises(InvalidInput) as refused:
        read_workbooks([write_book(tmp_path / "c.xlsx", standard(枠=None, 毎日の枠=bad, 勤務可否=MARKS, 設定=PERIOD))])
    assert "毎日の枠!C2" in str(refused.value)


def test_without_a_period_the_availability_dates_make_the_plan(tmp_path):
    path = write_book(tmp_path / "ward.xlsx", standard(枠=None, 毎日の枠=DAILY, 勤務可否=MARKS))
    problem = read_workbooks([path])
    assert (problem.start, problem.end) == (date(2026, 4, 1), date(2026, 4, 30))


def test_a_sessions_row_replaces_that_days_session(tmp_path):
    """New Year's Eve of a ward, or a training day at another time: the 枠 row is the day's session."""
    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
                [datetime(2026, 4, 10), "5階東病棟", "日勤", time(9), time(17), 2]]
    path = write_book(tmp_path / "ward.xlsx", standard(枠=sessions, 毎日の枠=DAILY, 勤務可否=MARKS, 設定=PERIOD))
    got = _sessions(read_workbooks([path]))
    assert got[(date(2026, 4, 10), "日勤")] == (540, 1020, 2, 2)
    assert got[(date(2026, 4, 9), "日勤")] == (510, 1020, 6, 6)


def test_a_sessions_row_takes_the_daily_rows_break_and_skills_its_table_has_no_column_for(tmp_path):
    """A nursery's 運動会 Saturday, one 枠 row on a sheet of its own with no 休憩 column: the 土曜 row's 60-minute
    break and its 正規:2 were dropped unsaid, and the 9-hour day moved two people off another day."""
    daily = [[*DAILY[0], "休憩"], [*DAILY[1], 45]]
    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
                [datetime(2026, 4, 10), "5階東病棟", "日勤", time(8, 30), time(17), 8]]
    path = write_book(tmp_path / "ward.xlsx", standard(枠=sessions, 毎日の枠=daily, 勤務可否=MARKS, 設定=PERIOD))
    notes: list = []
    problem = read_workbooks([path], notes=notes)
    day = next(r for r in problem.requirements if r.date == date(2026, 4, 10) and r.activity == "日勤")
    assert (day.min_staff, day.break_minutes, day.required_skills) == (8, 45, (("リーダー", 1),))
    assert [(n.sheet, n.cell, n.message) for n in notes if "taken from" in n.message] == [(
        "枠", "A2", "4/10 5階東病棟 日勤 08:30-17:00: a 45-minute break・the skills リーダー:1 taken from 毎日の枠 "
        "(毎日の枠!A2), the 枠 row's table having no column for it")]
    # a 枠 table with the columns says its own: blank is none that day, and the note tells what the row leaves out
    sessions = [[*sessions[0], "休憩", "必要スキル"], [*sessions[1], None, "新人:0〜0"]]
    path = write_book(tmp_path / "own.xlsx", standard(枠=sessions, 毎日の枠=daily, 勤務可否=MARKS, 設定=PERIOD))
    notes = []
    problem = read_workbooks([path], notes=notes)
    day = next(r for r in problem.requirements if r.date == date(2026, 4, 10) and r.activity == "日勤")
    assert (day.break_minutes, day.required_skills, [s for s, _ in day.skill_caps]) == (0, (), ["新人"])
    assert [n.message for n in notes if "replaces 毎日の枠" in n.message] == [
        "4/10 5階東病棟 日勤 08:30-17:00: this day's 枠 row replaces 毎日の枠 (毎日の枠!A2), so a 45-minute break・the "
        "skills リーダー:1 does not apply that day; write it in the 枠 row if it does"]


def test_a_sessions_row_nobody_may_take_closes_that_day(tmp_path):
    """A library's 整理日: a 枠 row of 0 people left an empty 0/0 session in every sheet. A row copied from
    the day's session with its 必要スキル kept (an after-school club closed for a day) closes it too."""
    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数", "最大人数", "必要スキル"],
                [datetime(2026, 4, 10), "5階東病棟", "日勤", time(8, 30), time(17), 0, None, "リーダー:1"],
                [datetime(2026, 4, 10), "5階東病棟", "準夜", time(16, 30), time(1), 0, 0, None]]
    path = write_book(tmp_path / "ward.xlsx", standard(枠=sessions, 毎日の枠=DAILY, 勤務可否=MARKS, 設定=PERIOD))
    got = _sessions(read_workbooks([path]))
    assert (date(2026, 4, 10), "日勤") not in got and (date(2026, 4, 10), "準夜") not in got
    assert got[(date(2026, 4, 11), "準夜")][2] == 3


def test_bad_rows_are_refused_with_their_cells(tmp_path):
    bad = [DAILY[0], ["5階東病棟", "日勤", "8時半?", time(17), 6, None, None, None],
           ["5階東病棟", "準夜", time(16, 30), time(1), "三", None, None, None],
           ["5階東病棟", "深夜", time(0, 30), time(9), 1, None, None, "リーダー:2"],
           ["5階東病棟", "早出", time(7), time(15), 1, None, None, None],
           ["5階東病棟", "早出", time(7), time(15), 2, None, None, None]]
    path = write_book(tmp_path / "ward.xlsx", standard(枠=None, 毎日の枠=bad, 勤務可否=MARKS, 設定=PERIOD))
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([path])
    assert [(p.sheet, p.cell) for p in caught.value.problems] == [
        ("毎日の枠", "C2"), ("毎日の枠", "E3"), ("毎日の枠", "H4"), ("毎日の枠", "B6")]


def test_neither_sheet_of_sessions_is_still_refused(tmp_path):
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "x.xlsx", standard(枠=None, 勤務可否=MARKS, 職員=STAFF_ROWS))])
    assert "枠" in str(caught.value.problems[0])


def test_a_range_or_a_maximum_column_gives_the_days_most(tmp_path):
    """`6〜9` on weekdays, 4 at weekends up to the 最大人数 column's 6; 0 stays no session at all."""
    rows = [["会場", "内容", "開始", "終了", "平日", "土曜", "日曜祝日", "最大人数"],
            ["5階東病棟", "日勤", time(8, 30), time(17), "6〜9", 4, 4, 6],
            ["5階東病棟", "夜勤", time(16, 30), "翌9:00", 3, None, None, None],
            ["5階東病棟", "研修", time(13), time(15), "2〜3", 0, 0, 5]]
    got = _sessions(read_workbooks([write_book(tmp_path / "w.xlsx", standard(枠=None, 毎日の枠=rows, 勤務可否=MARKS,
                                                                            設定=PERIOD))]))
    assert got[(date(2026, 4, 1), "日勤")][2:] == (6, 9) and got[(date(2026, 4, 4), "日勤")][2:] == (4, 6)
    assert got[(date(2026, 4, 1), "夜勤")][2:] == (3, 3)
    assert got[(date(2026, 4, 1), "研修")][2:] == (2, 3) and (date(2026, 4, 4), "研修") not in got


def test_a_maximum_below_a_days_count_or_a_range_turned_round_is_refused(tmp_path):
    rows = [["会場", "内容", "開始", "終了", "平日", "土曜", "日曜祝日", "最大人数"],
            ["5階東病棟", "日勤", time(8, 30), time(17), 6, 4, 4, 5],
            ["5階東病棟", "夜勤", time(16, 30), "翌9:00", "3〜2", None, None, None]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "w.xlsx", standard(枠=None, 毎日の枠=rows, 勤務可否=MARKS, 設定=PERIOD))])
    assert [(p.sheet, p.cell) for p in caught.value.problems] == [("毎日の枠", "H2"), ("毎日の枠", "E3")]
    assert "max_staff 5 is less than min_staff 6" in str(caught.value.problems[0])


def test_a_most_of_a_skill_holds_on_every_day(tmp_path):
    """新人 at most one a night, which a ward could not say (only 経験者:2 for three)."""
    nights = [DAILY[0], ["5階東病棟", "深夜", time(0, 30), time(9), 3, None, None, "経験者:2、新人:0〜1"]]
    path = write_book(tmp_path / "ward.xlsx", standard(枠=None, 毎日の枠=nights, 勤務可否=MARKS, 設定=PERIOD))
    assert {r.skill_needs for r in read_workbooks([path]).requirements} == {((("経験者", 2),), (("新人", 1),))}


def test_a_skill_nobody_holds_is_said_at_its_daily_cell(tmp_path):
    """A ward's `リーダー1名、新人1名まで` had been read as skills of those names, unsaid at the import:
    the note on a skill nobody holds looked at the 枠 sheet only."""
    nights = [DAILY[0], ["5階東病棟", "深夜", time(0, 30), time(9), 3, None, None, "リーダ:1"]]  # row 2
    path = write_book(tmp_path / "ward.xlsx", standard(枠=None, 毎日の枠=nights, 勤務可否=MARKS, 設定=PERIOD))
    notes: list = []
    read_workbooks([path], notes=notes)
    assert [str(n) for n in notes if "リーダ\"" in str(n)] == [
        'ward.xlsx 毎日の枠!H2: nobody on the 職員 (staff) sheet holds the required skill "リーダ" (a slip for '
        '"リーダー" on the staff sheet?)']


def test_two_separate_shifts_of_one_day_with_nothing_to_keep_them_apart_are_said(tmp_path):
    """A ward's roster had 18 nurses on 深夜 0:30-9:00 and 準夜 16:30- of the same day, within the rules
    it was given: said at the import, until 1日の上限 or a minimum rest is set. A morning and an
    afternoon session, one working day with a break, are not."""
    nights = [*DAILY[:3], ["5階東病棟", "深夜", time(0, 30), time(9), 3, None, None, None]]
    path = write_book(tmp_path / "ward.xlsx", standard(枠=None, 毎日の枠=nights, 勤務可否=MARKS, 設定=PERIOD))
    notes: list = []
    read_workbooks([path], notes=notes)
    assert [str(n) for n in notes if "separate shifts" in str(n)] == [
        "ward.xlsx 毎日の枠!B4: 深夜 00:30-09:00 and 準夜 16:30-1:00 (next day) are separate shifts of one day, and "
        "nothing keeps one person from working both: for one shift a day, set 1日の上限 (max_per_day) to 1 on the 設定 "
        "sheet (or 1日上限 per person on 職員); for a rest between them, set 勤務間の休息時間.最低休息（分） (min_rest)"]
    from solver.rules import CATALOGUE

    for setting in (["1日の上限", 1], ["勤務間の休息時間.最低休息（分）", 660]):
        path = write_book(tmp_path / "kept.xlsx", standard(枠=None, 毎日の枠=nights, 勤務可否=MARKS,
                                                           設定=[*PERIOD, setting]))
        notes = []
        read_workbooks([path], CATALOGUE, notes=notes)
        assert not [n for n in notes if "separate shifts" in str(n)]
    clinic = [DAILY[0], ["灘", "健診", time(9), time(12), 1, None, None, None],
              ["灘", "健診", time(13), time(16), 1, None, None, None]]
    notes = []
    read_workbooks([write_book(tmp_path / "c.xlsx", standard(枠=None, 毎日の枠=clinic, 勤務可否=MARKS, 設定=PERIOD))],
                   notes=notes)
    assert not [n for n in notes if "separate shifts" in str(n)]


def test_a_shift_ending_before_it_starts_is_said_with_its_length(tmp_path):
    """A nursery's 遅番 typed 20:00-11:15 became a 15-hour night without a word (枠 says it)."""
    daily = [DAILY[0], DAILY[1], ["5階東病棟", "遅番", time(20), time(11, 15), 1, None, None, None]]
    notes: list = []
    problem = read_workbooks([write_book(tmp_path / "w.xlsx", standard(枠=None, 毎日の枠=daily, 勤務可否=MARKS,
                                                                        設定=PERIOD))], notes=notes)
    assert [str(n) for n in notes if "separate shifts" not in str(n)] == [
        "w.xlsx 毎日の枠!D3: the end is before the start, so this shift was read as ending the next day: "
        "遅番 20:00-11:15 (next day) (15 h 15 min); if it is no night shift, mend its start or end"]
    assert {(r.start, r.end) for r in problem.requirements if r.activity == "遅番"} == {(1200, 24 * 60 + 675)}


def test_a_break_is_not_worked(tmp_path):
    """A nursery's 普通番 8:30-17:15 with an hour's break is 7h45 of work: 週30時間 counted the break too."""
    daily = [[*DAILY[0], "休憩"], [*DAILY[1], "1時間"], [*DAILY[2], None], [*DAILY[3], 0]]
    problem = read_workbooks([write_book(tmp_path / "w.xlsx", standard(枠=None, 毎日の枠=daily, 勤務可否=MARKS,
                                                                        設定=PERIOD))])
    day = next(r for r in problem.requirements if r.activity == "日勤")
    assert (day.break_minutes, day.minutes) == (60, 8 * 60 + 30 - 60)
    assert {r.break_minutes for r in problem.requirements if r.activity != "日勤"} == {0}
    bad = [[*DAILY[0], "休憩"], [*DAILY[1], "昼"], [*DAILY[3], 120]]
    with pytest.raises(InvalidInput) as refused:
        read_workbooks([write_book(tmp_path / "b.xlsx", standard(枠=None, 毎日の枠=bad, 勤務可否=MARKS, 設定=PERIOD))])
    assert [p.cell for p in refused.value.problems] == ["I2", "I3"]
    assert 'cannot read the break "昼"' in str(refused.value)
    assert "the break of 120 minutes is not shorter than the session's 120 minutes" in str(refused.value)


def test_a_24_hour_shift_nothing_keeps_from_following_itself_is_said(tmp_path):
    """A fire station's 当務 8:30-翌8:30 ends as the next begins: 70 runs of back-to-back 当務, unsaid."""
    daily = [DAILY[0], ["署", "当務", time(8, 30), "翌8:30", 9, None, None, None]]
    notes: list = []
    read_workbooks([write_book(tmp_path / "f.xlsx", standard(枠=None, 毎日の枠=daily, 勤務可否=MARKS, 設定=PERIOD))],
                   notes=notes)
    assert [str(n) for n in notes] == [
        'f.xlsx 毎日の枠!B2: "当務" is a shift of 24 hours, and nothing keeps one from following another: to keep '
        "them apart, write 当務→当務 in 禁止する勤務の並び (forbidden_pairs) on the 設定 sheet"]
    kept = [*PERIOD, ["禁止する勤務の並び", "当務→当務"]]
    notes = []
    read_workbooks([write_book(tmp_path / "k.xlsx", standard(枠=None, 毎日の枠=daily, 勤務可否=MARKS, 設定=kept))],
                   notes=notes)
    assert notes == []


def test_a_days_of_the_week_column_holds_a_row_to_those_days(tmp_path):
    """A home-care client visited 月・水・金 got a visit every day: the office's 曜日 column was not read.
    A holiday on a named weekday keeps its visit (the 日曜祝日 count, blank: the 平日 one)."""
    visits = [["会場", "内容", "開始", "終了", "曜日", "必要人数"],
              ["青木 ハナ様", "身体介護", time(9), time(10), "月・水・金", 1],
              ["石田 様", "生活援助", time(14), time(15), "土日祝", 1]]
    problem = read_workbooks([write_book(tmp_path / "v.xlsx", standard(枠=None, 毎日の枠=visits, 勤務可否=MARKS,
                                                                        設定=PERIOD))])
    by_site: dict[str, list[date]] = {}
    for r in problem.requirements:
        by_site.setdefault(r.site, []).append(r.date)
    assert {d.weekday() for d in by_site["青木 ハナ様"]} == {0, 2, 4} and len(by_site["青木 ハナ様"]) == 13
    assert date(2026, 4, 29) in by_site["青木 ハナ様"] and date(2026, 4, 29) in by_site["石田 様"]  # 昭和の日 (Wed)
    assert len(by_site["石田 様"]) == 8 + 1
    bad = [visits[0], ["青木 ハナ様", "身体介護", time(9), time(10), "第2水曜", 1]]
    with pytest.raises(InvalidInput) as refused:
        read_workbooks([write_book(tmp_path / "b.xlsx", standard(枠=None, 毎日の枠=bad, 勤務可否=MARKS, 設定=PERIOD))])
    assert [p.cell for p in refused.value.problems] == ["E2"]
    assert 'cannot read the days of the week "第2水曜"' in str(refused.value)


def test_a_row_may_hold_to_dates(tmp_path):
    """An after-school club: 放課後 on school days, 春休み sessions in the holidays between (108 rows of 0 had
    switched 放課後 off); two rows of one session for dates apart are no duplicate, dates that meet are."""
    rows = [["会場", "内容", "開始", "終了", "平日", "土曜", "日曜祝日", "期間", "開始日", "終了日"],
            ["さくら", "放課後", time(14), time(18, 30), 2, 0, 0, "4/1〜4/10", None, None],
            ["さくら", "放課後", time(14), time(18, 30), 3, 0, 0, None, "4/20", None],
            ["さくら", "春休み", time(8), time(13), 3, 0, 0, "4/13から4/17まで", None, None]]
    path = write_book(tmp_path / "club.xlsx", standard(枠=None, 毎日の枠=rows, 勤務可否=MARKS, 設定=PERIOD))
    got = _sessions(read_workbooks([path]))
    assert got[(date(2026, 4, 10), "放課後")][2] == 2 and (date(2026, 4, 13), "放課後") not in got
    assert got[(date(2026, 4, 20), "放課後")][2] == 3 and got[(date(2026, 4, 30), "放課後")][2] == 3
    assert (date(2026, 4, 10), "春休み") not in got and got[(date(2026, 4, 13), "春休み")][2] == 3
    assert {d for d, a in got if a == "春休み"} == {date(2026, 4, d) for d in range(13, 18)}
    bad = [rows[0], rows[1], ["さくら", "放課後", time(14), time(18, 30), 3, 0, 0, "4/10〜4/20", None, None],
           ["さくら", "春休み", time(8), time(13), 3, 0, 0, "4/17〜4/13", None, None],
           ["さくら", "夏休み", time(8), time(13), 3, 0, 0, "7月ごろ", None, None]]
    path = write_book(tmp_path / "bad.xlsx", standard(枠=None, 毎日の枠=bad, 勤務可否=MARKS, 設定=PERIOD))
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([path])
    assert [(p.cell, p.message.split(" (")[0].split(" ")[0]) for p in caught.value.problems] == [
        ("B3", "duplicate"), ("H4", "the"), ("H5", "invalid")]


def test_a_target_between_the_least_and_the_most(tmp_path):
    """A care home's weekday 日勤 `1〜2` was never staffed twice: 目標人数 2 asks for the second when one can
    come (cover_target prices each short of it); a day whose most is lower takes its most."""
    rows = [["会場", "内容", "開始", "終了", "平日", "土曜", "日曜祝日", "目標人数"],
            ["ユニット1", "日勤", time(9), time(18), "1〜2", 1, 1, 2]]
    path = write_book(tmp_path / "care.xlsx", standard(枠=None, 毎日の枠=rows, 勤務可否=MARKS, 設定=PERIOD))
    problem = read_workbooks([path])
    targets = {r.date: (r.min_staff, r.max_staff, r.preferred_staff) for r in problem.requirements}
    assert targets[date(2026, 4, 1)] == (1, 2, 2) and targets[date(2026, 4, 4)] == (1, 1, 1)
    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数", "最大人数", "目標人数"],
                [datetime(2026, 4, 1), "灘", "健診", time(9), time(12), 1, 3, 2],
                [datetime(2026, 4, 2), "灘", "健診", time(9), time(12), 1, 3, 5]]
    path = write_book(tmp_path / "s.xlsx", standard(枠=sessions, 勤務可否=MARKS, 設定=PERIOD))
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([path])
    [problem_said] = caught.value.problems
    assert problem_said.cell == "H3" and "target 5" in problem_said.message
    path = write_book(tmp_path / "s.xlsx", standard(枠=sessions[:2], 勤務可否=MARKS, 設定=PERIOD))
    [session] = read_workbooks([path]).requirements
    assert session.preferred_staff == 2


def test_a_row_of_weekdays_that_keeps_a_holiday_says_so(tmp_path):
    """An after-school club's 月〜金 row, 日曜祝日 blank, made sessions on 3/22 (振替休日) unsaid; with 0 there, none."""
    rows = [["会場", "内容", "開始", "終了", "平日", "土曜", "日曜祝日", "曜日"],
            ["さくら", "放課後", time(14), time(18, 30), 2, None, None, "月〜金"]]
    path = write_book(tmp_path / "club.xlsx", standard(枠=None, 毎日の枠=rows, 勤務可否=MARKS, 設定=PERIOD))
    notes: list = []
    problem = read_workbooks([path], notes=notes)
    assert date(2026, 4, 29) in {r.date for r in problem.requirements}  # 昭和の日, a Wednesday
    assert [(n.sheet, n.cell) for n in notes if "4/29" in n.message] == [("毎日の枠", "H2")]
    closed = [rows[0], [*rows[1][:6], 0, "月〜金"]]
    path = write_book(tmp_path / "closed.xlsx", standard(枠=None, 毎日の枠=closed, 勤務可否=MARKS, 設定=PERIOD))
    notes = []
    problem = read_workbooks([path], notes=notes)
    assert date(2026, 4, 29) not in {r.date for r in problem.requirements} and not any("4/29" in n.message for n in notes)


def test_a_sheet_of_closing_rows_named_otherwise_is_read_beside_the_daily_sessions(tmp_path):
    """A library's `休館日` sheet (its 枠 rows of 必要人数 0) beside 毎日の枠 was left unread with a note, and 44
    shifts put on closed days: the one sheet of 枠 rows named otherwise is read as 枠, said in a note."""
    closed = [["休館日（館内整理日）"], ["日付", "会場", "内容", "開始", "終了", "必要人数", "備考"],
              [datetime(2026, 4, 16), "5階東病棟", "日勤", time(8, 30), time(17), 0, "館内整理日"]]
    notes: list = []
    problem = read_workbooks([write_book(tmp_path / "lib.xlsx", standard(枠=None, 毎日の枠=DAILY, 休館日=closed,
                                                                         勤務可否=MARKS, 設定=PERIOD))], notes=notes)
    assert (date(2026, 4, 16), "日勤") not in _sessions(problem) and (date(2026, 4, 15), "日勤") in _sessions(problem)
    assert any(n.sheet == "休館日" and "枠" in n.message for n in notes)



def test_a_session_called_off_is_kept_shown_in_the_roster_and_told_with_its_hours_and_reason(tmp_path):
    """A library's 整理日 printed as a blank cell (read as forgotten), and a check-up's cancellation was told as
    `12:45（なくなった枠）`, its end and reason lost: the closed session is kept (Problem.closed), written in its
    配置表 cell, read back by check as no entry, and said with its hours and 備考."""
    from models.changes import session_label, session_of
    from models.domain import Roster
    from models.excel.export import write_roster
    from models.excel.roster_reader import read_roster_and_grid

    closing = [["日付", "会場", "内容", "開始", "終了", "必要人数", "備考"],
               [datetime(2026, 4, 16), "5階東病棟", "研修", time(13), time(15), "中止", "講師都合"]]
    problem = read_workbooks([write_book(tmp_path / "w.xlsx", standard(枠=closing, 毎日の枠=DAILY, 勤務可否=MARKS,
                                                                       設定=PERIOD))])
    [off] = problem.closed
    assert (off.date, off.activity, off.start, off.end, off.notes) == (date(2026, 4, 16), "研修", 780, 900, "講師都合")
    assert session_label(problem, off.id) == "4/16 5階東病棟 研修 13:00-15:00 (called off: 講師都合)"
    assert session_of(problem, off.id) == off  # a calendar's cancelled event spans its hours
    write_roster(tmp_path / "roster.xlsx", problem, Roster([]))
    cells = [c.value for row in openpyxl.load_workbook(tmp_path / "roster.xlsx")["配置表"].iter_rows() for c in row]
    assert "研修 13:00-15:00 (called off: 講師都合)" in cells
    again, roster, _ = read_roster_and_grid(tmp_path / "roster.xlsx")  # no "no session on this day"
    assert roster.assignments == [] and again.closed == [off]  # its 枠 row of 0 reads back as called off



def test_a_session_called_off_beside_one_held_is_written_in_their_cell(tmp_path):
    """An after-school club's 早番 closed on 4/1 for 開所準備, its 遅番 held: the cell showed the 遅番 alone, the
    closing nowhere. The called-off line sits among the cell's sessions by its hours and reads back as no
    entry; a name written under it is refused."""
    from models.domain import Assignment, Roster
    from models.errors import InvalidInput
    from models.excel.export import write_roster
    from models.excel.roster_reader import read_roster_and_grid

    clubs = ["さくら", *(f"クラブ{i}" for i in range(6))]  # 7 clubs of two shifts: too many columns, one a club
    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数", "備考"],
                [datetime(2026, 4, 1), "さくら", "早番", time(8), time(13), "中止", "開所準備"],
                [datetime(2026, 4, 1), "さくら", "遅番", time(13), time(18), 1, None],
                *([datetime(2026, 4, 2), club, shift, time(start), time(start + 5), 1, None]
                  for club in clubs for shift, start in (("早番", 8), ("遅番", 13)))]
    problem = read_workbooks([write_book(tmp_path / "w.xlsx", standard(枠=sessions, 勤務可否=None,
                                                                       設定=[["項目", "値"], ["空欄の扱い", "可"]]))])
    late = next(r for r in problem.requirements if r.date == date(2026, 4, 1))
    write_roster(tmp_path / "roster.xlsx", problem, Roster([Assignment("H001", late.id)]))
    book = openpyxl.load_workbook(tmp_path / "roster.xlsx")
    cell = next(c for row in book["配置表"].iter_rows() for c in row if isinstance(c.value, str) and "開所準備" in c.value)
    assert cell.value == "早番 08:00-13:00 (called off: 開所準備)\n遅番 13:00-18:00\n山田 花子"
    _, roster, report = read_roster_and_grid(tmp_path / "roster.xlsx")
    assert [(a.staff_id, a.requirement_id) for a in roster.assignments] == [("H001", late.id)] and not report.edits
    cell.value = "早番 08:00-13:00 (called off: 開所準備)\n佐藤 次郎\n遅番 13:00-18:00\n山田 花子"
    book.save(tmp_path / "roster.xlsx")
    with pytest.raises(InvalidInput) as caught:
        read_roster_and_grid(tmp_path / "roster.xlsx")
    assert [p.message for p in caught.value.problems] == ['"佐藤 次郎": no one can be written in a session called off']


def test_a_sheet_of_daily_sessions_named_otherwise_is_read_as_them(tmp_path):
    """A polling office's `配置基準` (its sessions by kind of day, no sheet 枠) was told only as "no sheet 枠"."""
    notes: list = []
    problem = read_workbooks([write_book(tmp_path / "poll.xlsx", standard(枠=None, 配置基準=DAILY, 勤務可否=MARKS,
                                                                          設定=PERIOD))], notes=notes)
    assert (date(2026, 4, 15), "日勤") in _sessions(problem)
    assert any(n.sheet == "配置基準" and "毎日の枠" in n.message for n in notes)


def test_a_most_of_a_skill_nobody_holds_is_said(tmp_path):
    """A nursery's 遅番 `保育士:2、0歳児担任:0〜2`, the 担任 in a column that is not read: the most kept nobody out."""
    rows = [DAILY[0], ["5階東病棟", "遅番", time(10), time(19), 2, None, None, "リーダー:1、0歳児担任:0〜2"]]
    path = write_book(tmp_path / "n.xlsx", standard(枠=None, 毎日の枠=rows, 勤務可否=MARKS, 設定=PERIOD))
    notes: list = []
    read_workbooks([path], notes=notes)
    assert [str(n) for n in notes if "0歳児担任" in str(n)] == [
        'n.xlsx 毎日の枠!H2: nobody on the 職員 (staff) sheet holds the skill "0歳児担任", so its most keeps nobody '
        "out for now (if some do, write it in the staff's skills column)"]
