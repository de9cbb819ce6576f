"""The messy workbooks people really send (DESIGN §4): each tolerance gives the expected Problem."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from workbooks import MATRIX_ROWS, SESSION_ROWS, STAFF_ROWS, form, standard, write_book

from models.domain import Mark, Requirement, Site, TravelBuffers
from models.errors import InputProblem, InvalidInput
from models.excel.importer import read_workbooks
from models.i18n import set_language
from models.rulemeta import Param, RuleInfo

CATALOGUE = (
    RuleInfo("cover_min", "最低人数", "Minimum cover", True, 100),
    RuleInfo(
        "max_per_day", "1日の上限", "Max per day", True, 5,
        (Param("max_per_day", int, 1, "1日の上限回数", "Max assignments per day", 1, 10),),
    ),
    RuleInfo("fairness", "公平性", "Fairness", False, 2, can_be_hard=False),
)


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py: messages in English


def test_standard_workbook_becomes_a_problem(tmp_path):
    problem = read_workbooks([write_book(tmp_path / "april.xlsx", standard())])
    assert problem.name == "april"
    assert (problem.start, problem.end) == (date(2026, 4, 1), date(2026, 4, 14))
    assert [s.id for s in problem.staff] == ["H001", "H002"]
    assert problem.staff[0].skills == frozenset({"リーダー", "フッ化物"})
    first, second = problem.requirements
    assert first.id == Requirement.make_id(date(2026, 4, 1), "灘", "3歳児健診", 13 * 60)
    assert (first.start, first.end, first.min_staff, first.max_staff) == (780, 960, 2, 2)
    assert first.required_skills == (("リーダー", 1),)
    assert second.max_staff == second.min_staff == 1 and second.preferred_staff is None
    assert problem.availability == {
        ("H001", date(2026, 4, 1)): Mark.AVAILABLE,
        ("H001", date(2026, 4, 14)): Mark.UNAVAILABLE,
        ("H002", date(2026, 4, 1)): Mark.PREFER_NOT,
        ("H002", date(2026, 4, 14)): Mark.AM_ONLY,
    }
    assert problem.blank_means is Mark.UNAVAILABLE
    assert [s.name for s in problem.sites] == ["灘", "東灘"]


@pytest.mark.parametrize("headers", [
    ("試験日", "教室", "科目名", "開始", "終了", "人数"),
    ("勤務日", "勤務場所", "業務内容", "開始時刻", "終了時刻", "必要人員"),
    ("開催日", "施設名", "事業名", "開始時間", "終了時間", "配置人数"),
])
def test_session_headers_of_other_trades(tmp_path, headers):
    sessions = [list(headers), *(row[:6] for row in SESSION_ROWS[1:])]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(時間割=sessions, 枠=None))])
    assert [(r.site, r.activity, r.min_staff) for r in problem.requirements] == [
        ("灘", "3歳児健診", 2), ("東灘", "1歳6か月児健診", 1)]


def test_names_keep_roman_numerals_and_circled_digits_while_full_width_letters_fold(tmp_path):
    """An exam office's 熱力学Ⅰ printed as 熱力学I, and ① as 1, in every roster."""
    sessions = [SESSION_ROWS[0], [datetime(2026, 4, 1), "第①会場", "熱力学Ⅰ（建築）", time(9), time(10), 1, None, "ﾘｰﾀﾞｰ:1"]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(枠=sessions))])
    (req,) = problem.requirements
    assert (req.site, req.activity, req.required_skills) == ("第①会場", "熱力学Ⅰ(建築)", (("リーダー", 1),))


def test_header_below_merged_title_rows_with_required_marks(tmp_path):
    staff = [["職員名簿（2026年度）"], ["※ 太字は必須"], [], ["職員ID *", "氏　名（必須）", "ス キ ル"],
             *STAFF_ROWS[1:]]
    path = write_book(tmp_path / "b.xlsx", standard(職員=staff), merge={"職員": "A1:C1"})
    problem = read_workbooks([path])
    assert [(s.id, s.name) for s in problem.staff] == [("H001", "山田 花子"), ("H002", "佐藤 次郎")]


def test_english_sheet_names_and_headers_any_case(tmp_path):
    sheets = {
        " staff ": [["Staff_ID", "Name"], ["H001", "Hanako"]],
        "SESSIONS": [["date", "site", "activity", "start", "end", "min_staff"],
                     ["2026-04-01", "Nada", "Checkup", "9:00", "12:00", 1]],
        "Availability": [["staff_id", "name", "2026/4/1"], ["H001", "Hanako", "o"]],
    }
    problem = read_workbooks([write_book(tmp_path / "en.xlsx", sheets)])
    assert problem.staff[0].name == "Hanako"
    assert problem.requirements[0].site == "Nada"
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.AVAILABLE


def test_columns_in_any_order_and_unknown_columns_ignored(tmp_path):
    sessions = [
        ["担当者メモ", "必要人数", "終了", "開始", "内容", "会場", "日付", "色"],
        ["x", 1, "12:00", "9:00", "健診", "灘", "2026/4/1", "赤"],
    ]
    staff = [["氏名", "電話", "職員ID"], ["山田", "090", "H001"], ["佐藤", "080", "H002"]]
    problem = read_workbooks([write_book(tmp_path / "o.xlsx", standard(枠=sessions, 職員=staff))])
    req = problem.requirements[0]
    assert (req.date, req.site, req.activity, req.start, req.end) == (date(2026, 4, 1), "灘", "健診", 540, 720)
    assert problem.staff_by_id("H001").name == "山田"


def test_text_dates_and_times_full_width_and_year_from_sessions(tmp_path):
    sessions = [
        SESSION_ROWS[0],
        ["R8.4.1", "灘", "3歳児健診", "１３：００", "16時", "2人", "２", "リーダー：1"],
        ["4/14(火)", "東灘 ", "1歳6か月児健診", "9時", "12:00:00", "１", None, None],
        ["令和8年4月20日", "灘", "妊婦歯科健診", 0.375, time(11, 30), 1, None, None],
    ]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(枠=sessions))])
    assert [(r.date, r.site, r.start, r.end) for r in problem.requirements] == [
        (date(2026, 4, 1), "灘", 780, 960),
        (date(2026, 4, 14), "東灘", 540, 720),
        (date(2026, 4, 20), "灘", 540, 690),
    ]
    assert problem.requirements[0].required_skills == (("リーダー", 1),)


def test_ids_names_and_marks_are_normalized(tmp_path):
    matrix = [
        ["職員ID", "氏名", "4/1(水)", "4月14日(火)"],
        ["Ｈ００１ ", "山田", " ◯ ", "ＡＭ"],
        ["h002", "佐藤", "✕", "▲"],
    ]
    staff = [STAFF_ROWS[0], STAFF_ROWS[1], ["h002", "ｻﾄｳ", ""]]
    problem = read_workbooks([write_book(tmp_path / "n.xlsx", standard(勤務可否=matrix, 職員=staff))])
    assert problem.staff_by_id("h002").name == "サトウ"
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.AVAILABLE
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.AM_ONLY
    assert problem.mark("h002", date(2026, 4, 1)) is Mark.UNAVAILABLE
    assert problem.mark("h002", date(2026, 4, 14)) is Mark.PREFER_NOT


def test_blank_rows_comment_rows_and_weekday_row_skipped(tmp_path):
    staff = [STAFF_ROWS[0], [], STAFF_ROWS[1], [None, None, None], ["# 退職者は削除"], STAFF_ROWS[2], ["   "]]
    matrix = [MATRIX_ROWS[0], [None, None, "水", "火"], MATRIX_ROWS[1], [], MATRIX_ROWS[2]]
    problem = read_workbooks([write_book(tmp_path / "r.xlsx", standard(職員=staff, 勤務可否=matrix))])
    assert [s.id for s in problem.staff] == ["H001", "H002"]
    assert len(problem.availability) == 4


def test_matrix_dates_outside_period_and_extra_columns_ignored(tmp_path):
    matrix = [
        ["職員ID", "氏名", datetime(2026, 3, 31), datetime(2026, 4, 1), "5/1", "備考"],
        ["H001", "山田", "?", "○", "×", "研修あり"],
    ]
    problem = read_workbooks([write_book(tmp_path / "m.xlsx", standard(勤務可否=matrix))])
    assert problem.availability == {("H001", date(2026, 4, 1)): Mark.AVAILABLE}


def test_one_form_per_person_merged_from_many_files(tmp_path):
    main = write_book(tmp_path / "main.xlsx", standard(勤務可否=None))
    forms = [
        write_book(tmp_path / "h001.xlsx", {"勤務可否": form("H001", [
            ["4/1", "水", "○"], [datetime(2026, 4, 14), "火", "午後"], ["4/30", "木", "×"]])}),
        write_book(tmp_path / "h002.xlsx", {"Availability": form("Ｈ００２", [
            ["2026/4/1", "水", "×"], ["4/14", "火", None]])}),
    ]
    problem = read_workbooks([main, *forms])
    assert problem.availability == {
        ("H001", date(2026, 4, 1)): Mark.AVAILABLE,
        ("H001", date(2026, 4, 14)): Mark.PM_ONLY,
        ("H001", date(2026, 4, 30)): Mark.UNAVAILABLE,  # April's sessions: the plan runs to the forms' 4/30
        ("H002", date(2026, 4, 1)): Mark.UNAVAILABLE,
    }
    assert (problem.start, problem.end) == (date(2026, 4, 1), date(2026, 4, 30))


def test_form_replaces_what_the_matrix_said_for_that_person(tmp_path):
    main = write_book(tmp_path / "main.xlsx", standard())
    answer = write_book(tmp_path / "f.xlsx", {"勤務可否": form("H002", [["4/1", "水", "○"]])})
    problem = read_workbooks([main, answer])
    assert problem.mark("H002", date(2026, 4, 1)) is Mark.AVAILABLE
    assert ("H002", date(2026, 4, 14)) not in problem.availability  # the form left it blank
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.UNAVAILABLE


def test_form_label_with_colon_and_merged_label_cell(tmp_path):
    rows = [["回答票"], ["職員ID：", None, "H001"], ["日付", "回答"], ["4/1(水)", "△"]]
    answer = write_book(tmp_path / "f.xlsx", {"勤務可否": rows}, merge={"勤務可否": "A2:B2"})
    main = write_book(tmp_path / "main.xlsx", standard(勤務可否=None))
    problem = read_workbooks([main, answer])
    assert problem.availability == {("H001", date(2026, 4, 1)): Mark.PREFER_NOT}


def test_settings_sheet(tmp_path):
    settings = [
        ["設定"], ["項目", "値"],
        ["空欄の扱い", "可"], ["計画名", "2026年4月"], ["移動時間_他グループ", "90分"],
        ["期間開始", "2026/4/1"], ["期間終了", "R8.4.30"],
        ["cover_min.weight", 50], ["最低人数.必須", "ソフト"],
        ["1日の上限.1日の上限回数", "２"], ["max_per_day.enabled", "はい"],
        ["公平性", "無効"], ["fairness.重み", 3],
    ]
    path = write_book(tmp_path / "s.xlsx", {**standard(), "設定": settings})
    problem = read_workbooks([path], CATALOGUE)
    assert problem.blank_means is Mark.AVAILABLE
    assert problem.name == "2026年4月"
    assert problem.travel == TravelBuffers(0, 30, 90)
    assert (problem.start, problem.end) == (date(2026, 4, 1), date(2026, 4, 30))
    cover = problem.rules["cover_min"]
    assert (cover.weight, cover.hard, cover.enabled) == (50, False, True)
    assert problem.rules["max_per_day"].params == {"max_per_day": 2}
    fairness = problem.rules["fairness"]
    assert (fairness.enabled, fairness.weight, fairness.hard) == (False, 3, False)


def test_plan_name_argument_wins_and_blank_means_prefer_not(tmp_path):
    settings = [["key", "value"], ["blank_means", "△"], ["plan_name", "ignored"]]
    path = write_book(tmp_path / "s.xlsx", {**standard(), "Settings": settings})
    problem = read_workbooks([path], plan_name="April")
    assert problem.name == "April"
    assert problem.blank_means is Mark.PREFER_NOT


def test_period_across_new_year_places_month_day_dates(tmp_path):
    settings = [["項目", "値"], ["期間開始", "2026/12/15"], ["期間終了", "2027/1/15"]]
    sessions = [SESSION_ROWS[0], ["12/20", "灘", "健診", "9:00", "12:00", 1], ["1/10", "灘", "健診", "9:00", "12:00", 1]]
    matrix = [["職員ID", "1/10(日)", "12/20(日)"], ["H001", "○", "×"]]
    path = write_book(tmp_path / "y.xlsx", {**standard(枠=sessions, 勤務可否=matrix), "設定": settings})
    problem = read_workbooks([path])
    assert [r.date for r in problem.requirements] == [date(2026, 12, 20), date(2027, 1, 10)]
    assert problem.mark("H001", date(2027, 1, 10)) is Mark.AVAILABLE
    assert problem.mark("H001", date(2026, 12, 20)) is Mark.UNAVAILABLE


def test_sites_sheet_and_sites_named_by_sessions(tmp_path):
    sites = [["会場", "区", "移動グループ"], ["灘", "灘区", "東部"], ["中央", "中央区", "中部"]]
    problem = read_workbooks([write_book(tmp_path / "v.xlsx", {**standard(), "会場": sites})])
    assert problem.sites == [Site("灘", "灘区", "東部"), Site("中央", "中央区", "中部"), Site("東灘")]


def test_staff_limits_and_amounts(tmp_path):
    staff = [
        ["職員ID", "氏名", "拠点", "1日上限", "週上限", "月上限", "希望回数", "連続勤務上限", "時給",
         "年間上限額", "年間支給済額", "備考"],
        ["H001", "山田", "灘", 1, "3回", "８", 6, 4, "1,200円", "¥1,030,000", None, "午前のみ希望"],
        ["H002", "佐藤", None, None, None, None, None, None, None, None, 50000, None],
    ]
    problem = read_workbooks([write_book(tmp_path / "l.xlsx", standard(職員=staff))])
    first, second = problem.staff
    assert (first.home, first.max_per_day, first.max_per_week, first.max_per_month) == ("灘", 1, 3, 8)
    assert (first.desired_per_month, first.max_consecutive_days) == (6, 4)
    assert (first.hourly_rate, first.annual_pay_cap, first.paid_this_year) == (1200, 1030000, 0)
    assert first.notes == "午前のみ希望"
    assert (second.max_per_day, second.hourly_rate, second.paid_this_year) == (None, None, 50000)


def test_file_with_comments_on_cells_reads(tmp_path):
    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    path = write_book(tmp_path / "c.xlsx", standard())
    wb = load_workbook(path)
    wb["勤務可否"]["C2"].comment = Comment("午後なら可", "coordinator")
    wb.save(path)
    assert read_workbooks([path]).mark("H001", date(2026, 4, 1)) is Mark.AVAILABLE


def test_matrix_split_into_monthly_sheets_lists_everyone_on_each(tmp_path):
    sessions = [*SESSION_ROWS, [datetime(2026, 5, 12), "灘", "健診", "9:00", "12:00", 1]]
    april = [["職員ID", "氏名", "4/1", "4/14"], ["H001", "山田", "○", "×"], ["H002", "佐藤", "△", None]]
    may = [["職員ID", "氏名", "5/12"], ["H001", "山田", "午後"], ["H002", "佐藤", "×"]]
    sheets = {**standard(枠=sessions, 勤務可否=None), "勤務可否_4月": april, "勤務可否_5月": may}
    problem = read_workbooks([write_book(tmp_path / "m.xlsx", sheets)])
    assert len(problem.availability) == 5
    assert problem.mark("H001", date(2026, 5, 12)) is Mark.PM_ONLY
    assert problem.mark("H002", date(2026, 4, 1)) is Mark.PREFER_NOT


def test_unrelated_sheets_named_like_sites_or_settings_and_blank_ones_are_ignored(tmp_path):
    sheets = {**standard(), "会場案内": [["地図は別紙"], ["駐車場なし"]], "設定メモ": [["毎月15日締切"]]}
    problem = read_workbooks([write_book(tmp_path / "x.xlsx", sheets)])
    assert [s.name for s in problem.sites] == ["灘", "東灘"]
    blank = read_workbooks([write_book(tmp_path / "y.xlsx", {**standard(), "設定": [], "会場": [[None, " "]]})])
    assert blank.blank_means is Mark.UNAVAILABLE


def test_plan_is_named_after_the_book_with_the_sessions(tmp_path):
    answer = write_book(tmp_path / "h001.xlsx", {"勤務可否": form("H001", [["4/1", "水", "○"]])})
    main = write_book(tmp_path / "april.xlsx", standard(勤務可否=None))
    assert read_workbooks([answer, main]).name == "april"


def test_headers_marked_required_with_kome(tmp_path):
    staff = [["職員ID※", "氏名 ※", "スキル"], *STAFF_ROWS[1:]]
    problem = read_workbooks([write_book(tmp_path / "k.xlsx", standard(職員=staff))])
    assert [s.id for s in problem.staff] == ["H001", "H002"]


def test_totals_rows_under_the_data_are_skipped(tmp_path):
    sessions = [*SESSION_ROWS, [], ["合計", None, None, None, None, 3, 3]]
    staff = [*STAFF_ROWS, ["計", "2名"]]
    matrix = [*MATRIX_ROWS, ["Total ", None, 1, 1]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(枠=sessions, 職員=staff, 勤務可否=matrix))])
    assert len(problem.requirements) == 2 and [s.id for s in problem.staff] == ["H001", "H002"]
    assert len(problem.availability) == 4


def test_a_header_of_two_rows(tmp_path):
    """`時間` over `開始 | 終了` and `人数` over `必要 | 最大`, with 日付, 会場, 内容 in the upper row."""
    sessions = [
        ["4月 健診日程"],
        ["日付", "会場", "内容", "時間", None, "人数", None],
        [None, None, None, "開始", "終了", "必要人数", "最大人数"],
        *[row[:7] for row in SESSION_ROWS[1:]],
    ]
    path = write_book(tmp_path / "h.xlsx", standard(枠=sessions), merge={"枠": ["D2:E2", "F2:G2"]})
    problem = read_workbooks([path])
    assert sorted((r.date, r.site, r.start, r.end, r.min_staff) for r in problem.requirements) == [
        (date(2026, 4, 1), "灘", 13 * 60, 16 * 60, 2), (date(2026, 4, 14), "東灘", 9 * 60, 12 * 60, 1)]


def test_day_numbers_head_the_matrix_of_a_one_month_plan(tmp_path):
    """`1 … 30` (or `1日`, `14(火)`) under a title naming the month: the plan's month names the dates."""
    matrix = [["2026年4月 勤務可否"], ["職員ID", "氏名", 1, "14(火)", "30日", "合計"], [None, None, "水", "火", "木"],
              ["H001", "山田 花子", "○", "×", "○", 2], ["H002", "佐藤 次郎", "△", "午前", None, 1]]
    problem = read_workbooks([write_book(tmp_path / "d.xlsx", standard(勤務可否=matrix))])
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.AVAILABLE
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.UNAVAILABLE
    assert problem.mark("H002", date(2026, 4, 14)) is Mark.AM_ONLY


def test_day_numbers_of_another_months_sheet_are_refused_alone_and_left_out_beside_this_months(tmp_path):
    """A March workbook's only sheet of marks, February's (`勤務可否_2月`, `1 … 28`), had its days read as
    March's: 35 places on days marked ×. Alone it is refused; beside March's it is last month's, left
    out with a note (it had been refused as a second sheet of the same dates, "delete either")."""
    april = [["職員ID", "氏名", 1, 14], ["H001", "山田 花子", "○", "×"], ["H002", "佐藤 次郎", "△", "午前"]]
    march = [["令和8年3月 勤務可否"], ["職員ID", "氏名", 1, 14], ["H001", "山田 花子", "×", "○"],
             ["H002", "佐藤 次郎", "×", "×"]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "m.xlsx", standard(勤務可否=None) | {"勤務可否_3月": march})])
    assert [str(p) for p in caught.value.problems] == [
        'm.xlsx 勤務可否_3月!C2: sheet "勤務可否_3月" gives days of the month only, and its name or title is of month 3, '
        "but the plan is of 2026-04: use the sheet of month 4, or write the dates in full in its header (4/1, ...)"]
    notes: list[InputProblem] = []
    both = standard(勤務可否=None) | {"勤務可否_4月": april, "勤務可否_3月": march}
    problem = read_workbooks([write_book(tmp_path / "b.xlsx", both)], notes=notes)
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.UNAVAILABLE
    assert 'b.xlsx 勤務可否_3月: sheet "勤務可否_3月" holds the days of month 3: not read for this plan' in map(str, notes)


def test_example_sheets_named_like_ours_are_not_read(tmp_path):
    """`勤務可否（記入例）` beside the real matrix: its sample marks must not land on H001."""
    example = [["職員ID", "氏名", datetime(2026, 4, 1), datetime(2026, 4, 14)], ["H001", "記入例", "×", "○"]]
    sheets = {**standard(), "勤務可否（記入例）": example, "枠_見本": [["日付", "会場"], ["4/2", "例"]]}
    problem = read_workbooks([write_book(tmp_path / "e.xlsx", sheets)])
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.AVAILABLE and len(problem.requirements) == 2


def test_numeric_ids_apostrophes_dashed_dates_and_slashed_skills(tmp_path):
    """IDs typed as numbers on one sheet and as `'1003` text on another (a CSV's leftover), dates
    written `4-14`, skills separated by `／`: the same people, dates and skills."""
    staff = [["職員ID", "氏名", "スキル"], [1003, "山田 花子", "リーダー／フッ化物"], [1004, "佐藤 次郎", "フッ化物"]]
    sessions = [SESSION_ROWS[0], ["4-1", "灘", "3歳児健診", time(13, 0), time(16, 0), 2, 2, "リーダー:1"],
                ["4-14", "東灘", "1歳6か月児健診", time(9, 0), time(12, 0), 1, None, None]]
    matrix = [["職員ID", "氏名", "4-1", "4-14"], ["'1003", "山田 花子", "○", "×"], ["'1004", "佐藤 次郎", "△", "午前"]]
    settings = [["項目", "値"], ["期間開始", "2026/4/1"], ["期間終了", "2026/4/30"]]
    path = write_book(tmp_path / "f.xlsx", {**standard(職員=staff, 枠=sessions, 勤務可否=matrix), "設定": settings})
    problem = read_workbooks([path])
    assert [s.id for s in problem.staff] == ["1003", "1004"]
    assert problem.staff[0].skills == frozenset({"リーダー", "フッ化物"})
    assert [r.date for r in problem.requirements] == [date(2026, 4, 1), date(2026, 4, 14)]
    assert problem.mark("1003", date(2026, 4, 14)) is Mark.UNAVAILABLE
    assert problem.mark("1004", date(2026, 4, 14)) is Mark.AM_ONLY


def test_ids_that_excel_stripped_of_leading_zeros_match_the_register(tmp_path):
    """`0012` typed as text on the staff sheet, 12 (a number, zeros dropped by Excel) on the matrix."""
    staff = [["職員ID", "氏名", "スキル"], ["0012", "山田 花子", "リーダー"], ["0013", "佐藤 次郎", ""]]
    matrix = [MATRIX_ROWS[0], [12, "山田 花子", "○", "×"], [13, "佐藤 次郎", "△", "午前"]]
    problem = read_workbooks([write_book(tmp_path / "z.xlsx", standard(職員=staff, 勤務可否=matrix))])
    assert problem.mark("0012", date(2026, 4, 14)) is Mark.UNAVAILABLE
    assert problem.mark("0013", date(2026, 4, 1)) is Mark.PREFER_NOT


def test_day_numbers_of_monthly_sheets_in_a_plan_of_several_months(tmp_path):
    """`勤務可否_4月` and a sheet titled `2026年5月` both headed `1 … 31`: each sheet's month names its dates."""
    sessions = [*SESSION_ROWS, [datetime(2026, 5, 12), "灘", "3歳児健診", time(13, 0), time(16, 0), 1, None, None]]
    april = [["職員ID", "氏名", 1, "14(火)"], ["H001", "山田 花子", "○", "×"], ["H002", "佐藤 次郎", "△", "午前"]]
    may = [["令和8年5月分 勤務可否"], ["職員ID", "氏名", "11日", "12日"], ["H001", "山田 花子", "×", "×"],
           ["H002", "佐藤 次郎", "○", "○"]]
    settings = [["項目", "値"], ["期間開始", "2026/4/1"], ["期間終了", "2026/5/31"]]
    sheets = {**standard(枠=sessions, 勤務可否=None), "勤務可否_4月": april, "勤務可否": may, "設定": settings}
    problem = read_workbooks([write_book(tmp_path / "m.xlsx", sheets)])
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.UNAVAILABLE
    assert problem.mark("H002", date(2026, 4, 14)) is Mark.AM_ONLY
    assert problem.mark("H001", date(2026, 5, 12)) is Mark.UNAVAILABLE
    assert problem.mark("H002", date(2026, 5, 11)) is Mark.AVAILABLE


HALF_DAYS = [  # two columns a date, 午前 | 午後, as a coordinator lays out a half-day survey
    ["2026年4月 勤務可否（午前・午後）"],
    ["職員ID", "氏名", datetime(2026, 4, 1), None, datetime(2026, 4, 14), None],
    [None, None, "水", None, "火", None],
    [None, None, "午前", "午後", "AM", "PM"],
    ["H001", "山田 花子", "○", "×", "△", "○"],
    ["H002", "佐藤 次郎", "×", "△", "○", None],
]


def test_a_morning_and_an_afternoon_column_a_date(tmp_path):
    """The date merged across its 午前 and 午後 columns (a weekday row between, 職員ID and 氏名
    merged down over the rows under them): each date gets one mark from both halves."""
    path = write_book(tmp_path / "h.xlsx", standard(勤務可否=HALF_DAYS),
                      merge={"勤務可否": ["C2:D2", "E2:F2", "C3:D3", "E3:F3", "A2:A4", "B2:B4"]})
    problem = read_workbooks([path])
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.AM_ONLY
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.PREFER_NOT  # △ in either half: the day's △
    assert problem.mark("H002", date(2026, 4, 1)) is Mark.PM_ONLY  # the afternoon's △ counts as free
    assert problem.mark("H002", date(2026, 4, 14)) is Mark.AM_ONLY  # a blank afternoon: blank means ×


def test_half_day_columns_with_the_date_over_each_and_blanks_meaning_available(tmp_path):
    matrix = [["職員ID", "氏名", "4/1", "4/1", "4/14(火)", "4/14(火)"], *HALF_DAYS[3:]]
    settings = [["項目", "値"], ["空欄の扱い", "可"]]
    path = write_book(tmp_path / "h.xlsx", {**standard(勤務可否=matrix), "設定": settings})
    problem = read_workbooks([path])
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.AM_ONLY
    assert problem.mark("H002", date(2026, 4, 14)) is Mark.AVAILABLE  # a blank afternoon: blank means ○


def test_half_day_columns_under_day_numbers_beside_whole_day_columns(tmp_path):
    """`1日` over 午前 | 午後, then `14` with one column for the whole day."""
    matrix = [["2026年4月"], ["職員ID", "氏名", "1日", None, 14], [None, None, "午前", "午後"],
              ["H001", "山田 花子", None, "○", "午後"], ["H002", "佐藤 次郎", "○", "○", "×"]]
    path = write_book(tmp_path / "h.xlsx", standard(勤務可否=matrix), merge={"勤務可否": "C2:D2"})
    problem = read_workbooks([path])
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.PM_ONLY
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.PM_ONLY
    assert problem.mark("H002", date(2026, 4, 1)) is Mark.AVAILABLE
    assert problem.mark("H002", date(2026, 4, 14)) is Mark.UNAVAILABLE


def test_headers_with_a_unit_or_note_in_brackets(tmp_path):
    """`時給（円）`, `月上限(回)`, `年間上限額【円】`, `最大人数（人）`, `氏名（フルネーム）`: the column
    named before the brackets, not a column left out unseen (a pay cap silently dropped)."""
    staff = [["職員ID", "氏名（フルネーム）", "月上限(回)", "時給（円）", "年間上限額【円】"],
             ["H001", "山田 花子", 4, 1950, 1_030_000], ["H002", "佐藤 次郎", 8, 2000, None]]
    sessions = [[*SESSION_ROWS[0][:5], "必要人数（人）", "最大人数（人）", "必要スキル"], *SESSION_ROWS[1:]]
    problem = read_workbooks([write_book(tmp_path / "u.xlsx", standard(職員=staff, 枠=sessions))])
    first = problem.staff[0]
    assert (first.name, first.max_per_month, first.hourly_rate, first.annual_pay_cap) == ("山田 花子", 4, 1950, 1_030_000)
    assert [(r.min_staff, r.max_staff) for r in problem.requirements] == [(2, 2), (1, 1)]


def test_a_column_named_exactly_beats_one_named_by_an_alias(tmp_path):
    """A running `番号` left of `職員ID` (both names of the ID column): the IDs are read from
    `職員ID`, not from the running numbers that would hand one person's marks to another."""
    staff = [["職員ID", "氏名"], ["001", "山田 花子"], ["002", "佐藤 次郎"]]
    matrix = [["番号", "職員ID", "氏名", datetime(2026, 4, 1)], [1, "002", "佐藤 次郎", "×"], [2, "001", "山田 花子", "○"]]
    problem = read_workbooks([write_book(tmp_path / "n.xlsx", standard(職員=staff, 勤務可否=matrix))])
    assert problem.mark("001", date(2026, 4, 1)) is Mark.AVAILABLE
    assert problem.mark("002", date(2026, 4, 1)) is Mark.UNAVAILABLE


def test_weekday_row_labelled_in_the_id_column_is_skipped(tmp_path):
    matrix = [MATRIX_ROWS[0], ["曜日", None, "(水)", "火"], *MATRIX_ROWS[1:]]
    problem = read_workbooks([write_book(tmp_path / "w.xlsx", standard(勤務可否=matrix))])
    assert len(problem.availability) == 4


def test_a_label_merged_over_sub_headers_names_their_columns(tmp_path):
    """`上限（回）` merged over `1日 | 週 | 月`: the columns 1日上限, 週上限 and 月上限, not three
    columns left out unseen."""
    staff = [["職員ID", "氏名", "上限（回）", None, None, "備考"],
             [None, None, "1日", "週", "月", None],
             ["H001", "山田 花子", 1, 2, 6, "午前のみ"], ["H002", "佐藤 次郎", 2, 3, 8, None]]
    problem = read_workbooks([write_book(tmp_path / "l.xlsx", standard(職員=staff))])
    first = problem.staff[0]
    assert (first.max_per_day, first.max_per_week, first.max_per_month, first.notes) == (1, 2, 6, "午前のみ")


def test_start_and_end_in_one_time_column(tmp_path):
    """`時間 | 9:30～11:30`: no 開始 and 終了 columns, both times in one cell, in the ways people
    write a range."""
    sessions = [["日付", "会場", "内容", "時間", "必要人数"],
                [datetime(2026, 4, 1), "灘", "3歳児健診", "13:00～16:00", 2],
                [datetime(2026, 4, 14), "東灘", "1歳6か月児健診", "９：３０〜１１：３０", 1],
                [datetime(2026, 4, 14), "灘", "歯科相談", "午後1時から午後3時半", 1]]
    problem = read_workbooks([write_book(tmp_path / "r.xlsx", standard(枠=sessions))])
    assert [(r.activity, r.start, r.end) for r in problem.requirements] == [
        ("3歳児健診", 13 * 60, 16 * 60), ("1歳6か月児健診", 9 * 60 + 30, 11 * 60 + 30), ("歯科相談", 13 * 60, 15 * 60 + 30)]


def test_a_time_column_beside_start_and_end_is_not_read(tmp_path):
    """`時間` beside 開始 and 終了 (a duration, say): the times come from 開始 and 終了."""
    sessions = [[*SESSION_ROWS[0][:5], "時間", *SESSION_ROWS[0][5:]],
                *[[*row[:5], "3時間", *row[5:]] for row in SESSION_ROWS[1:]]]
    problem = read_workbooks([write_book(tmp_path / "r.xlsx", standard(枠=sessions))])
    assert [(r.start, r.end) for r in problem.requirements] == [(13 * 60, 16 * 60), (9 * 60, 12 * 60)]


def test_a_date_written_on_each_days_first_session_only_holds_for_the_rows_below(tmp_path):
    """The date typed on a day's first session row and left blank below: each blank date is the
    date above, said once for the sheet (a note, not a problem): the cells, and how many rows when
    they lie in several runs."""
    sessions = [SESSION_ROWS[0],
                [datetime(2026, 4, 1), "灘", "3歳児健診", time(9, 0), time(12, 0), 1],
                [None, "灘", "3歳児健診", time(13, 0), time(16, 0), 1],
                [None, "東灘", "教室", time(13, 0), time(15, 0), 1],
                [datetime(2026, 4, 14), "東灘", "1歳6か月児健診", time(9, 0), time(12, 0), 1],
                [None, "灘", "教室", time(10, 0), time(11, 0), 1]]
    notes: list[InputProblem] = []
    problem = read_workbooks([write_book(tmp_path / "d.xlsx", standard(枠=sessions))], notes=notes)
    assert sorted((r.date.day, r.site, r.start // 60) for r in problem.requirements) == [
        (1, "東灘", 13), (1, "灘", 9), (1, "灘", 13), (14, "東灘", 9), (14, "灘", 10)]
    assert [str(n) for n in notes] == ["d.xlsx 枠!A3:A6: 3 rows with a blank date were read as the date of the row above"]
    notes.clear()
    read_workbooks([write_book(tmp_path / "e.xlsx", standard(枠=sessions[:4]))], notes=notes)
    assert [str(n) for n in notes] == ["e.xlsx 枠!A3:A4: rows with a blank date were read as the date of the row above"]


def test_a_blank_date_on_the_first_row_or_under_a_blank_row_is_still_a_problem(tmp_path):
    sessions = [SESSION_ROWS[0],
                [None, "灘", "3歳児健診", time(9, 0), time(12, 0), 1],
                [datetime(2026, 4, 1), "灘", "3歳児健診", time(13, 0), time(16, 0), 1],
                [],
                [None, "東灘", "教室", time(13, 0), time(15, 0), 1]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "d.xlsx", standard(枠=sessions))])
    assert [(p.sheet, p.cell) for p in caught.value.problems] == [("枠", "A2"), ("枠", "A5")]


def test_a_shift_that_ends_after_midnight_as_a_ward_writes_it(tmp_path):
    """16:30 to 1:00 in Excel times, 翌9:00, 24:00 typed into a time cell (a datetime on Excel's
    first day), and 16:30～翌09:00 in a 時間 column: each ends the next day, past 24:00. Ends that
    come before their start are said once, with how many and an example."""
    sessions = [SESSION_ROWS[0],
                [datetime(2026, 4, 1), "5東", "準夜", time(16, 30), time(1, 0), 1],
                [datetime(2026, 4, 1), "5東", "深夜", time(0, 30), time(9, 0), 1],
                [datetime(2026, 4, 14), "5東", "夜勤", "16:30", "翌9:00", 1],
                [datetime(2026, 4, 14), "5東", "遅出", time(16, 0), datetime(1900, 1, 1, 0, 0), 1],
                [datetime(2026, 4, 14), "5東", "準夜", time(16, 30), time(1, 0), 1]]
    ranged = [["日付", "会場", "内容", "時間", "必要人数"], [datetime(2026, 4, 2), "5東", "夜勤", "16:30～翌09:00", 1]]
    notes: list[InputProblem] = []
    marks = [["職員ID", "氏名", datetime(2026, 4, 1), datetime(2026, 4, 2), datetime(2026, 4, 14)],
             ["H001", "山田 花子", "○", "○", "×"], ["H002", "佐藤 次郎", "△", "○", "午前"]]
    book = write_book(tmp_path / "w.xlsx", standard(枠=sessions, 勤務可否=marks))
    problem = read_workbooks([book, write_book(tmp_path / "r.xlsx", {"枠": ranged})], notes=notes)
    assert sorted((r.date.day, r.activity, r.start, r.end) for r in problem.requirements) == [
        (1, "深夜", 30, 540), (1, "準夜", 990, 1500), (2, "夜勤", 990, 1980),
        (14, "夜勤", 990, 1980), (14, "準夜", 990, 1500), (14, "遅出", 960, 1440)]
    assert [str(n) for n in notes if "separate shifts" not in str(n)] == [
        "w.xlsx 枠!E2: 2 session(s) ending before they start were read as ending the next day "
        "(準夜 16:30-1:00 (next day), ...)"]
    set_language("ja")
    notes.clear()
    read_workbooks([book], notes=notes)
    assert [n.message for n in notes][:1] == ["終了が開始より前の枠 2 件は、翌日に終わる勤務として読みました（準夜 16:30-翌1:00 など）"]


def test_an_end_long_before_its_start_is_a_slip_not_the_next_day(tmp_path):
    """13:00 to 12:00 would be 23 hours: refused, saying how to write a shift that ends the next day."""
    sessions = [SESSION_ROWS[0], [datetime(2026, 4, 1), "灘", "3歳児健診", time(13, 0), time(12, 0), 1]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "s.xlsx", standard(枠=sessions))])
    assert [str(p) for p in caught.value.problems] == [
        "s.xlsx 枠!E2: end 12:00 is not after start 13:00 (for a shift that ends the next day, write the end as 翌12:00)"]


def test_limits_per_activity_in_the_staff_sheet(tmp_path):
    """内容別上限: `準夜+深夜:8` caps night shifts together, 0 keeps a person out of an activity."""
    staff = [["職員ID", "氏名", "内容別上限"], ["H001", "山田 花子", "準夜＋深夜：８、日勤:20"], ["H002", "佐藤 次郎", "準夜+深夜:0"]]
    sessions = [SESSION_ROWS[0], *[[datetime(2026, 4, 1), "5東", name, time(start), time(end), 1]
                                   for name, start, end in (("日勤", 8, 17), ("準夜", 16, 1), ("深夜", 0, 9))]]
    problem = read_workbooks([write_book(tmp_path / "s.xlsx", standard(職員=staff, 枠=sessions))])
    assert [s.max_per_activity for s in problem.staff] == [(("準夜+深夜", 8), ("日勤", 20)), (("準夜+深夜", 0),)]
    bad = [["職員ID", "氏名", "内容別上限"], ["H001", "山田 花子", "準夜+深夜"], ["H002", "佐藤 次郎", None]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "b.xlsx", standard(職員=bad, 枠=sessions))])
    assert [(p.cell, p.message) for p in caught.value.problems] == [
        ("C2", 'cannot read the limits per activity "準夜+深夜" (e.g. 準夜+深夜:8、日勤:20; 0 means never)')]
    typo = [["職員ID", "氏名", "内容別上限"], ["H001", "山田 花子", "準夜+深液:8"], ["H002", "佐藤 次郎", "準夜+深夜:0"]]
    with pytest.raises(InvalidInput) as caught:  # a typo would limit nothing
        read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=typo, 枠=sessions))])
    assert [(p.cell, p.message) for p in caught.value.problems] == [
        ("C2", 'no session has the activity "深液" (activities: 日勤、深夜、準夜)')]
    # said in the same round as another problem (it came only once the others were mended)
    also = [*sessions, [datetime(2026, 4, 2), "5東", "日勤", time(8), time(17), "many"]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "u.xlsx", standard(職員=typo, 枠=also))])
    assert [p.cell for p in caught.value.problems] == ["F5", "C2"]


def test_a_limit_naming_a_shift_this_plan_does_not_hold_is_a_note(tmp_path):
    """A staff sheet kept from month to month (`準夜+深夜+遅番:0`) in a short plan of 日勤 and 準夜 was
    refused 24 times: a name like none of the plan's activities is a shift it does not hold, said once."""
    staff = [["職員ID", "氏名", "内容別上限"], ["H001", "山田 花子", "準夜+深夜+遅番:0"], ["H002", "佐藤 次郎", "深夜+遅番:8"]]
    sessions = [SESSION_ROWS[0], *[[datetime(2026, 4, 1), "5東", name, time(start), time(end), 1]
                                   for name, start, end in (("日勤", 8, 17), ("準夜", 16, 1))]]
    notes: list[InputProblem] = []
    problem = read_workbooks([write_book(tmp_path / "s.xlsx", standard(職員=staff, 枠=sessions))], notes=notes)
    assert problem.staff[0].max_per_activity == (("準夜+深夜+遅番", 0),)
    assert [str(n) for n in notes if "no session of" in str(n)] == [
        's.xlsx 職員!C2: this plan has no session of "深夜、遅番": limits and successions naming it are left unused '
        "(activities: 日勤、準夜)"]


def test_the_words_for_hard_and_soft_include_the_windows_own() -> None:
    from models.excel.settings_sheet import parse_hard

    assert [parse_hard(w) for w in ("必須", "ハード", "hard", "○")] == [True] * 4
    # 努力 is what the rules dialog and the exported 違反 sheet say; a manager copies it into 設定
    assert [parse_hard(w) for w in ("努力", "ソフト", "任意", "推奨", "soft")] == [False] * 5


def test_a_job_column_is_the_skills_column(tmp_path) -> None:
    """A clinic heads its roles 職種 (内科医, 看護師…); the column was left unread without a word and
    every session needing 看護師 had nobody."""
    staff = [["職員ID", "氏名", "職種"], *STAFF_ROWS[1:]]
    sessions = [[*SESSION_ROWS[0][:7], "必要職種"], *SESSION_ROWS[1:]]
    problem = read_workbooks([write_book(tmp_path / "r.xlsx", standard(職員=staff, 枠=sessions))])
    assert problem.staff[0].skills == frozenset({"リーダー", "フッ化物"})
    assert problem.requirements[0].required_skills == (("リーダー", 1),)


def test_an_end_before_the_start_among_same_day_visits_is_a_typo(tmp_path) -> None:
    """訪問 9:30-2:00 (for 14:00) among hundreds of same-day visits became a 16.5-hour visit with a
    note; a ward's 準夜 16:30-1:00 is still a shift that ends the next day."""
    visits = [SESSION_ROWS[0], *[[datetime(2026, 4, 1 + d % 14), f"宅{d}", "訪問", time(9, 30), time(11), 1]
                                 for d in range(12)], [datetime(2026, 4, 14), "宅x", "訪問", time(9, 30), time(2), 1]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "v.xlsx", standard(枠=visits))])
    assert [(p.cell, p.message) for p in caught.value.problems] == [
        ("E14", "the end 02:00 is before the start 09:30, while the other 12 '訪問' sessions end on their own day: "
                "mend the end time (a session ending the next day can be written 翌02:00)")]
    ward = [SESSION_ROWS[0], *[[datetime(2026, 4, 1 + d), "5東", shift, time(start), time(end), 1]
                               for d in range(14) for shift, start, end in (("日勤", 8, 17), ("準夜", 16, 1))]]
    problem = read_workbooks([write_book(tmp_path / "w.xlsx", standard(枠=ward))])
    assert {r.end for r in problem.requirements if r.activity == "準夜"} == {25 * 60}


def test_a_name_written_with_the_old_form_of_a_kanji_is_the_same_person(tmp_path):
    """髙橋, 渡邊 and 齋藤 on the answers against 高橋, 渡辺 and 斎藤 on 職員: each refused as nobody's name."""
    staff = [["職員ID", "氏名"], ["H001", "高橋 花子"], ["H002", "渡辺 次郎"]]
    names_only = [["氏名", datetime(2026, 4, 1), datetime(2026, 4, 14)], ["髙橋花子", "○", "×"], ["渡邊 次郎", "△", "午前"]]
    problem = read_workbooks([write_book(tmp_path / "k.xlsx", standard(職員=staff, 勤務可否=names_only))])
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.UNAVAILABLE and problem.mark("H002", date(2026, 4, 14)) is Mark.AM_ONLY


def test_a_matrix_of_names_without_ids_finds_people_by_name(tmp_path):
    """A 医局's 当直希望表 has 氏名 and no 職員ID: it was refused ("必須の列「職員ID」がありません")."""
    names_only = [["氏名", datetime(2026, 4, 1), datetime(2026, 4, 14)], [None, "水", "火"],
                  ["山田花子", "○", "×"], ["佐藤 次郎", "△", "午前"]]
    problem = read_workbooks([write_book(tmp_path / "n.xlsx", standard(勤務可否=names_only))])
    assert problem.availability == read_workbooks([write_book(tmp_path / "i.xlsx", standard())]).availability
    unknown = [*names_only, ["田中 三郎", "○", "○"]]
    with pytest.raises(InvalidInput) as refused:
        read_workbooks([write_book(tmp_path / "u.xlsx", standard(勤務可否=unknown))])
    assert [str(p) for p in refused.value.problems] == [
        'u.xlsx 勤務可否!A5: no one named "田中 三郎" on the 職員 sheet (without a staff ID column, people are found '
        "by name)"]
    twins = [*STAFF_ROWS, ["H003", "山田 花子", None]]
    with pytest.raises(InvalidInput) as refused:
        read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=twins, 勤務可否=names_only))])
    assert '"山田花子" is the name of 2 people (H001、H003): add a staff ID column' in str(refused.value)
    # a 職員 row refused for its own cell is still found by its name: only its cell is said
    bad_days = [[*STAFF_ROWS[0], "勤務曜日"], [*STAFF_ROWS[1], "月〜金（午前）"], [*STAFF_ROWS[2], None]]
    with pytest.raises(InvalidInput) as refused:
        read_workbooks([write_book(tmp_path / "b.xlsx", standard(職員=bad_days, 勤務可否=names_only))])
    assert [p.sheet for p in refused.value.problems] == ["職員"], refused.value.problems


def test_a_list_of_answers_one_row_per_person_and_day_is_read(tmp_path):
    """A Google Form's export (`タイムスタンプ | 氏名 | 日付 | 可否 | 備考`) was refused, with 職員ID too, as a form
    without its ID label. Each person's rows are their form; an unknown name is said at its cell."""
    answers = [["タイムスタンプ", "氏名", "日付", "可否", "備考"],
               [datetime(2026, 3, 20, 9), "山田 花子", datetime(2026, 4, 1), "○", None],
               [datetime(2026, 3, 20, 9), "山田 花子", datetime(2026, 4, 14), "×", "通院"],
               [datetime(2026, 3, 21, 9), "佐藤次郎", "4/1", "△", None],
               [datetime(2026, 3, 21, 9), "佐藤次郎", "4/14", "午前", None]]
    problem = read_workbooks([write_book(tmp_path / "g.xlsx", standard(勤務可否=answers))])
    assert problem.availability == read_workbooks([write_book(tmp_path / "m.xlsx", standard())]).availability
    by_id = [["職員ID", "日付", "可否"], ["H001", datetime(2026, 4, 14), "×"], ["H002", datetime(2026, 4, 1), "○"]]
    problem = read_workbooks([write_book(tmp_path / "i.xlsx", standard(勤務可否=by_id))])
    assert problem.mark("H001", date(2026, 4, 14)) is Mark.UNAVAILABLE and problem.mark("H002", date(2026, 4, 1)) is Mark.AVAILABLE
    unknown = [*answers, [datetime(2026, 3, 22, 9), "田中 三郎", datetime(2026, 4, 1), "○", None]]
    with pytest.raises(InvalidInput) as refused:
        read_workbooks([write_book(tmp_path / "u.xlsx", standard(勤務可否=unknown))])
    assert [str(p) for p in refused.value.problems] == [
        'u.xlsx 勤務可否!B6: no one, or more than one person, is named "田中 三郎" on the 職員 sheet (add a 職員ID column)']


def test_a_register_of_names_alone_reads_each_name_as_the_id(tmp_path):
    """A small office's 職員 sheet without 職員ID: the name is the ID (the same next month), said once;
    the availability matrix by name finds them, and paper names them once, not `山田 花子 山田 花子`."""
    staff = [["氏名", "スキル"], ["山田　花子", "リーダー、フッ化物"], ["佐藤 次郎", "フッ化物"]]
    marks = [["氏名", datetime(2026, 4, 1), datetime(2026, 4, 14)], ["山田 花子", "○", "×"], ["佐藤 次郎", "△", "午前"]]
    notes: list[InputProblem] = []
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff, 勤務可否=marks))], notes=notes)
    assert [s.id for s in problem.staff] == ["山田 花子", "佐藤 次郎"]
    assert problem.availability[("山田 花子", date(2026, 4, 14))] is Mark.UNAVAILABLE
    assert problem.availability[("佐藤 次郎", date(2026, 4, 14))] is Mark.AM_ONLY
    assert [(n.sheet, n.cell) for n in notes if "staff ID column" in n.message] == [("職員", "A1")]
    assert problem.staff[0].label() == "山田 花子"


def test_a_register_of_names_alone_refuses_a_name_written_twice(tmp_path):
    staff = [["氏名"], ["山田 花子"], ["佐藤 次郎"], ["山田 花子"]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff))])
    assert [(p.sheet, p.cell) for p in caught.value.problems if "duplicate" in p.message] == [("職員", "A4")]


def test_every_column_of_what_a_person_is_reads_as_skills(tmp_path):
    """A nursery's 職種, 雇用形態 and 資格・スキル side by side: the 資格 were dropped (職種 read as the
    skills), and no 正規 could be asked for. Each is read, together."""
    staff = [["職員ID", "氏名", "職種", "雇用形態", "資格・スキル"],
             ["H001", "山田 花子", "保育士", "正規", "リーダー"], ["H002", "佐藤 次郎", "調理員", "パート", None]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff))])
    assert [s.skills for s in problem.staff] == [frozenset({"保育士", "正規", "リーダー"}), frozenset({"調理員", "パート"})]
    staff = [["職員ID", "氏名", "職種区分"], ["H001", "山田 花子", "看護師"], ["H002", "佐藤 次郎", "事務"]]
    problem = read_workbooks([write_book(tmp_path / "v.xlsx", standard(職員=staff))])
    assert [s.skills for s in problem.staff] == [frozenset({"看護師"}), frozenset({"事務"})]
    staff = [["職員ID", "氏名", "資格"], ["H001", "山田 花子", "リーダー"], ["H002", "佐藤 次郎", None]]
    problem = read_workbooks([write_book(tmp_path / "u.xlsx", standard(職員=staff))])
    assert [s.skills for s in problem.staff] == [frozenset({"リーダー"}), frozenset()]


def test_a_shozoku_column_naming_no_place_is_read_as_skills(tmp_path):
    """A university's 所属 (文学部, 工学部) was read as each proctor's home: 96 notes, and every duty counted as
    outside their area. A 所属 naming none of the 会場 sheet's sites and areas is read as skills, said once;
    one naming them stays the home."""
    sites = [["会場", "区"], ["灘", "灘区"], ["東灘", "東灘区"]]
    staff = [["職員ID", "氏名", "所属"], ["H001", "山田 花子", "文学部"], ["H002", "佐藤 次郎", "工学部"]]
    notes: list[InputProblem] = []
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff, 会場=sites))], notes=notes)
    assert [(s.home, s.skills) for s in problem.staff] == [("", frozenset({"文学部"})), ("", frozenset({"工学部"}))]
    assert [(n.sheet, n.cell) for n in notes if "read as skills" in n.message] == [("職員", "C1")]
    staff = [["職員ID", "氏名", "所属"], ["H001", "山田 花子", "灘区"], ["H002", "佐藤 次郎", "工学部"]]
    problem = read_workbooks([write_book(tmp_path / "u.xlsx", standard(職員=staff, 会場=sites))])
    assert [s.home for s in problem.staff] == ["灘区", "工学部"]
    # without a 会場 sheet, against the sessions' sites: 362 duties had been "outside their area"
    staff = [["職員ID", "氏名", "所属"], ["H001", "山田 花子", "文学部"], ["H002", "佐藤 次郎", "工学部"]]
    notes = []
    problem = read_workbooks([write_book(tmp_path / "v.xlsx", standard(職員=staff, 会場=None))], notes=notes)
    assert [(s.home, s.skills) for s in problem.staff] == [("", frozenset({"文学部"})), ("", frozenset({"工学部"}))]
    assert [(n.sheet, n.cell) for n in notes if "read as skills" in n.message] == [("職員", "C1")]
    staff = [["職員ID", "氏名", "所属"], ["H001", "山田 花子", "灘"], ["H002", "佐藤 次郎", "工学部"]]
    problem = read_workbooks([write_book(tmp_path / "w.xlsx", standard(職員=staff, 会場=None))])
    assert [s.home for s in problem.staff] == ["灘", "工学部"]


def test_a_date_header_with_its_days_name_and_counts_in_periods_are_read(tmp_path):
    """A university's `2/3(水)予備日` header was refused as no date, its `3コマ` (periods) and `最大3` as no count."""
    marks = [["職員ID", "氏名", "4/1(水)本試験", "4/14(火)予備日"], ["H001", "山田 花子", "○", "×"],
             ["H002", "佐藤 次郎", "△", "午前"]]
    staff = [["職員ID", "氏名", "1日上限", "月上限"], ["H001", "山田 花子", "3コマ", "最大3"], ["H002", "佐藤 次郎", None, None]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(勤務可否=marks, 職員=staff))])
    assert problem.availability[("H001", date(2026, 4, 14))] is Mark.UNAVAILABLE
    assert (problem.staff[0].max_per_day, problem.staff[0].max_per_month) == (3, 3)


def test_dates_offered_or_refused_listed_on_the_staff_sheet_are_marks(tmp_path):
    """A 医局's 非常勤 doctors offering `3/5, 3/12` in a column were put on any night under 空欄の扱い 可; 不可日
    lists the days away. 可能日: ○ on those, × on the other blank days; 不可日: × on those."""
    staff = [["職員ID", "氏名", "可能日", "不可日"], ["H001", "山田 花子", "4/1, 4/3〜5", None],
             ["H002", "佐藤 次郎", None, "4/2、4/14"]]
    marks = [["職員ID", "氏名", datetime(2026, 4, 1), datetime(2026, 4, 2), datetime(2026, 4, 14)],
             ["H001", "山田 花子", None, "△", None], ["H002", "佐藤 次郎", "○", "○", None]]
    settings = [["項目", "値"], ["空欄の扱い", "可"]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff, 勤務可否=marks, 設定=settings))])
    mark = problem.mark
    assert [mark("H001", date(2026, 4, d)) for d in (1, 2, 3, 6, 14)] == [
        Mark.AVAILABLE, Mark.PREFER_NOT, Mark.AVAILABLE, Mark.UNAVAILABLE, Mark.UNAVAILABLE]  # a written mark stays
    assert [mark("H002", date(2026, 4, d)) for d in (1, 2, 3, 14)] == [
        Mark.AVAILABLE, Mark.UNAVAILABLE, Mark.AVAILABLE, Mark.UNAVAILABLE]
    staff[1][2] = "4/1、あさって"
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "u.xlsx", standard(職員=staff, 勤務可否=marks, 設定=settings))])
    assert [(p.sheet, p.cell) for p in caught.value.problems] == [("職員", "C2")]


def test_a_date_listed_with_a_half_of_the_day_offers_or_refuses_that_half(tmp_path):
    """A clinic's doctors e-mail `4/3、4/10、4/14午後` and `4/2(午前のみ)`: the half was refused without brackets
    and, in brackets, taken for the weekday and read as the whole day (11 doctors put in the half they refused)."""
    staff = [["職員ID", "氏名", "可能日", "不可日"], ["H001", "山田 花子", "4/1、4/2(午前のみ)、4/14 午後", None],
             ["H002", "佐藤 次郎", None, "4/2（午前）、4/14"]]
    marks = [["職員ID", "氏名", datetime(2026, 4, 1)], ["H001", "山田 花子", None], ["H002", "佐藤 次郎", None]]
    settings = [["項目", "値"], ["空欄の扱い", "可"]]
    problem = read_workbooks([write_book(tmp_path / "h.xlsx", standard(職員=staff, 勤務可否=marks, 設定=settings))])
    mark = problem.mark
    assert [mark("H001", date(2026, 4, d)) for d in (1, 2, 3, 14)] == [
        Mark.AVAILABLE, Mark.AM_ONLY, Mark.UNAVAILABLE, Mark.PM_ONLY]
    assert [mark("H002", date(2026, 4, d)) for d in (1, 2, 3, 14)] == [
        Mark.AVAILABLE, Mark.PM_ONLY, Mark.AVAILABLE, Mark.UNAVAILABLE]  # the morning of 4/2 off: its afternoon


def test_a_date_in_active_naming_the_first_day_away(tmp_path):
    """A nurse injured on 4/10: `4/10から` alone read as her first day, and `4/10から休職` was refused."""
    staff = [["職員ID", "氏名", "在籍"], ["H001", "山田 花子", "4/10から休職"], ["H002", "佐藤 次郎", "4/10より療養"]]
    marks = [["職員ID", "氏名", *(datetime(2026, 4, d) for d in (9, 10, 14))], ["H001", "山田 花子", "○", "○", "○"],
             ["H002", "佐藤 次郎", "○", "○", "○"]]
    problem = read_workbooks([write_book(tmp_path / "a.xlsx", standard(職員=staff, 勤務可否=marks))])
    for person in ("H001", "H002"):
        assert [problem.mark(person, date(2026, 4, d)) for d in (9, 10, 14)] == [
            Mark.AVAILABLE, Mark.UNAVAILABLE, Mark.UNAVAILABLE]


def test_a_sheet_of_dates_offered_beside_the_register_is_read_for_its_people(tmp_path):
    """A 医局's `非常勤可能日` (氏名 | 所属 | 可能日) beside its 医師一覧 was called a misnamed 職員 sheet, unread, and
    its doctors put on any night; a night offered keeps its morning after (午前), not ×."""
    offered = [["大学派遣 非常勤医 可能日"], ["氏名", "所属", "可能日"], ["佐藤 次郎", "○○大学", "4/1、4/14"]]
    night = [[datetime(2026, 4, 1), "灘", "当直", time(17, 15), time(8, 30), 1, 1, None]]
    sheets = {**standard(枠=[*SESSION_ROWS, *night]), "非常勤可能日": offered, "設定": [["項目", "値"], ["空欄の扱い", "可"]]}
    sheets["勤務可否"] = [MATRIX_ROWS[0], MATRIX_ROWS[1]]
    notes: list[InputProblem] = []
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", sheets)], notes=notes)
    assert [problem.mark("H002", date(2026, 4, d)) for d in (1, 2, 3, 14)] == [
        Mark.AVAILABLE, Mark.AM_ONLY, Mark.UNAVAILABLE, Mark.AVAILABLE]
    assert [n.sheet for n in notes if "可能日" in n.message] == ["非常勤可能日"]


def test_a_list_of_dates_with_its_offices_columns_beside_a_register_is_read_for_its_people(tmp_path):
    """A polling office's `不可日一覧` (所属課 | 氏名 | 不可日 | 時間帯 | 備考, `なし` for nobody's dates) beside its
    `従事者名簿` was taken for a second register and left unread, everyone free every day; named `職員_不可日`,
    it was read as the register and the real one dropped with its skills. Its 時間帯 `午後のみ` is 午後 on each
    day the person may work; nobody on it is said to have no row of marks."""
    register = [["職員番号", "氏名", "所属課", "資格"], ["H001", "山田 花子", "総務課", "管理者"],
                ["H002", "佐藤 次郎", "税務課", None]]
    listed = [["従事できない日"], ["所属課", "氏名", "不可日", "時間帯", "備考"],
              ["総務課", "山田 花子", "4/14", "午後のみ", "午後は窓口"], ["税務課", "佐藤 次郎", "なし", None, None]]
    settings = [["項目", "値"], ["空欄の扱い", "可"]]
    for title in ("不可日一覧", "職員_不可日"):
        notes: list[InputProblem] = []
        sheets = standard(職員=None, 従事者名簿=register, 勤務可否=None, 設定=settings)
        sheets[title] = listed
        problem = read_workbooks([write_book(tmp_path / f"{title}.xlsx", sheets)], notes=notes)
        assert {s.id: sorted(s.skills) for s in problem.staff} == {"H001": ["管理者", "総務課"], "H002": ["税務課"]}
        assert [problem.mark("H001", date(2026, 4, d)) for d in (1, 14)] == [Mark.PM_ONLY, Mark.UNAVAILABLE]
        assert [problem.mark("H002", date(2026, 4, d)) for d in (1, 14)] == [Mark.AVAILABLE, Mark.AVAILABLE]
        said = " ".join(n.message for n in notes)
        assert "時間帯" in said and "no row here" not in said and "the days no list (可能日, 不可日...) names" in said
    listed[3][3] = "夕方だけ"
    sheets[title] = listed
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "bad.xlsx", sheets)])
    assert [(p.sheet, p.cell) for p in caught.value.problems] == [("職員_不可日", "D4")]



def test_the_reason_of_listed_dates_off_is_their_leave_no_day_off(tmp_path):
    """A fire station's `不可日一覧` (所属 | 氏名 | 不可日 | 理由 | 備考): its 研修 and 年休 days, or `1/5（研修）` in the
    list itself, had been plain ×, days off for 休日数の下限, and people on 研修 given 6 free days under a rule
    of 8. The 理由 is each date's leave, a bracket in the list its own date's; a row without 不可日 lends its
    理由 to nobody, a reason that is no leave (私用) leaves a plain ×, and the 理由 column alone lists nobody."""
    register = [["職員番号", "氏名"], ["H001", "山田 花子"], ["H002", "佐藤 次郎"], ["H003", "鈴木 一郎"]]
    listed = [["1月分 勤務不可日"], ["所属", "氏名", "不可日", "理由", "備考"],
              ["本署", "山田 花子", "4/1, 4/14（年休）", "研修", "前月当務"],
              ["本署", "佐藤 次郎", "4/14", "私用", None],
              ["本署", "鈴木 一郎", None, "研修", None]]
    sheets = standard(職員=register, 勤務可否=None, 設定=[["項目", "値"], ["空欄の扱い", "可"]])
    sheets["不可日一覧"] = listed
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", sheets)])
    april = [date(2026, 4, d) for d in (1, 14)]
    assert [problem.mark("H001", d) for d in april] == [Mark.UNAVAILABLE, Mark.UNAVAILABLE]
    assert problem.leave == {("H001", april[0]): "研修", ("H001", april[1]): "年休"}
    assert problem.leave_days("H001") == set(april) and problem.leave_days("H002") == set()
    assert problem.mark("H002", april[1]) is Mark.UNAVAILABLE and problem.mark("H003", april[0]) is Mark.AVAILABLE
    staff = [[*STAFF_ROWS[0], "不可日", "不可理由"], [*STAFF_ROWS[1], "4/14", "出張"], [*STAFF_ROWS[2], None, "研修"]]
    problem = read_workbooks([write_book(tmp_path / "u.xlsx", standard(職員=staff))])
    assert problem.leave == {("H001", april[1]): "出張"}



def test_a_home_part_of_one_site_is_that_site_and_one_of_none_is_said(tmp_path):
    """A care home's 拠点 `1階` and `2F` for its units `1階ユニット` and `2階ユニット`, with no 会場 sheet: taken as
    places of their own, unsaid, every session of its 30 people counted as away from home. The one site a
    home is part of is that site (`2F` is 2階), said once; a home of no site is said at its first cell."""
    staff = [["職員番号", "氏名", "所属ユニット"], ["H001", "山田 花子", "1階"], ["H002", "佐藤 次郎", "2F"],
             ["H003", "鈴木 一郎", "3階"], ["H004", "田中 愛", "1階"]]
    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
                *([datetime(2026, 4, 1), site, "日勤", time(9), time(17), 1] for site in ("1階ユニット", "2階ユニット"))]
    notes: list[InputProblem] = []
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff, 枠=sessions, 勤務可否=None,
                                                                        設定=[["項目", "値"], ["空欄の扱い", "可"]]))],
                             notes=notes)
    assert [s.home for s in problem.staff] == ["1階ユニット", "2階ユニット", "3階", "1階ユニット"]
    said = [(n.cell, n.message) for n in notes if "home" in n.message]
    assert said == [("C2", 'home "1階" read as the site "1階ユニット" (for everyone with that home)'),
                    ("C3", 'home "2F" read as the site "2階ユニット" (for everyone with that home)'),
                    ("C4", 'home "3階" is none of the sessions\' sites: every session of the people with this home '
                           "counts as away from it")]



def test_a_limit_on_an_activity_counts_its_kinds_in_brackets(tmp_path):
    """An exam office's rooms split into `数学（主任）` and `数学（補助）`: its 理学部 faculty's `数学:0` was left out with
    a note (the plan has no 数学), and 35 of them proctored 数学. The name counts every kind of it."""
    from models.domain import Assignment, Roster
    from solver.rules.max_per_activity import RULE

    staff = [[*STAFF_ROWS[0], "内容別上限"], [*STAFF_ROWS[1], "数学:0"], [*STAFF_ROWS[2], None]]
    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
                *([datetime(2026, 4, 1), "A101", kind, time(9, 30), time(11), 1] for kind in ("数学（主任）", "数学（補助）"))]
    notes: list[InputProblem] = []
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff, 枠=sessions, 勤務可否=None,
                                                                        設定=[["項目", "値"], ["空欄の扱い", "可"]]))],
                             notes=notes)
    assert not [n for n in notes if "数学" in n.message]
    roster = Roster([Assignment("H001", r.id) for r in problem.requirements if r.activity.endswith("補助)")])
    [broken] = RULE.check(problem, roster)
    assert broken.staff_id == "H001" and broken.hard
    sessions.append([datetime(2026, 4, 2), "A101", "数学", time(9, 30), time(11), 1])  # a plain 数学 beside them
    problem = read_workbooks([write_book(tmp_path / "u.xlsx", standard(職員=staff, 枠=sessions, 勤務可否=None,
                                                                        設定=[["項目", "値"], ["空欄の扱い", "可"]]))])
    roster = Roster([Assignment("H001", r.id) for r in problem.requirements if r.activity.endswith("主任)")])
    assert [v.staff_id for v in RULE.check(problem, roster)] == ["H001"]  # counted among 数学 still



def test_only_days_off_listed_under_blanks_unavailable_is_said(tmp_path):
    """A fire station's 不可日一覧 alone, 空欄の扱い left 不可: every day it did not name was × too, told only at the
    solve; a list that offers days (可能日) or 空欄の扱い 可 says nothing of it."""
    register = [["職員番号", "氏名"], ["H001", "山田 花子"], ["H002", "佐藤 次郎"]]
    listed = [["所属", "氏名", "不可日"], ["本署", "山田 花子", "4/14"], ["本署", "佐藤 次郎", "なし"]]

    def said(listed, settings=None) -> list[str]:
        notes: list[InputProblem] = []
        sheets = standard(職員=register, 勤務可否=None, 設定=settings)
        sheets["不可日一覧"] = listed
        read_workbooks([write_book(tmp_path / "t.xlsx", sheets)], notes=notes, marks_optional=True)
        return [n.message for n in notes if "give 不可日 alone" in n.message]

    assert len(said(listed)) == 1
    assert said(listed, [["項目", "値"], ["空欄の扱い", "可"]]) == []
    assert said([[*row, "可能日" if i == 0 else None] for i, row in enumerate(listed)]) != []  # a column, none offered
    assert said([["所属", "氏名", "可能日"], ["本署", "山田 花子", "4/14"], ["本署", "佐藤 次郎", "4/1"]]) == []



def test_a_mark_under_a_column_named_for_a_qualification_holds_it(tmp_path):
    """An after-school office's `放課後児童支援員資格` column of ○: each holder had been given a skill named ○, and all
    170 sessions needing 放課後児童支援員 stood unfillable. ○ holds what the column is named for, × or なし nothing,
    and a ○ under a column of no name (資格) is refused at its cell."""
    staff = [["職員ID", "氏名", "放課後児童支援員資格"], ["H001", "山田 花子", "○"], ["H002", "佐藤 次郎", "×"],
             ["H003", "鈴木 一郎", None]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff, 勤務可否=None))], marks_optional=True)
    assert {s.id: s.skills for s in problem.staff} == {"H001": {"放課後児童支援員"}, "H002": frozenset(), "H003": frozenset()}
    staff[0][2] = "保育士資格の有無"
    problem = read_workbooks([write_book(tmp_path / "u.xlsx", standard(職員=staff, 勤務可否=None))], marks_optional=True)
    assert problem.staff_by_id("H001").skills == {"保育士"}
    staff[0][2] = "資格"
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "v.xlsx", standard(職員=staff, 勤務可否=None))], marks_optional=True)
    assert [p.cell for p in caught.value.problems] == ["C2"]
    assert caught.value.problems[0].message.startswith('"○" is not a skill')


def test_an_offices_headers_for_home_days_and_activity_and_a_home_of_every_place(tmp_path):
    """`所属館` (a library's branches) is the home, `全館` none (its floaters got 0-1 shifts, each "outside their
    area"); `出務曜日` the weekdays, `最大従事日数` the days a month; `健診名` the 枠's activity."""
    staff = [["職員ID", "氏名", "所属館", "出務曜日", "最大従事日数"], ["H001", "山田 花子", "灘", "水", 2],
             ["H002", "佐藤 次郎", "全館", None, None]]
    sessions = [["日付", "会場", "健診名", "開始", "終了", "必要人数"], *[row[:6] for row in SESSION_ROWS[1:]]]
    sites = [["会場", "区"], ["灘", "灘区"], ["東灘", "東灘区"]]
    notes: list[InputProblem] = []
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff, 枠=sessions, 会場=sites))],
                             notes=notes)
    first, second = problem.staff
    assert (first.home, first.weekdays, first.max_days_per_month, second.home) == ("灘", "水", 2, "")
    assert {r.activity for r in problem.requirements} == {"3歳児健診", "1歳6か月児健診"}
    assert not [n for n in notes if "read" in n.message and "not" in n.message and "列" in n.message]


def test_a_legend_line_under_the_marks_is_no_person(tmp_path):
    """A health centre's `凡例：○可 △できれば避けたい ×不可` below its table was refused as an unknown 職員ID."""
    marks = [*MATRIX_ROWS, [None], ["凡例：○可　△できれば避けたい　×不可　午前中のみ/〜15時 等は時間の制約"],
             ["※ 研修・学会は×と同じ"]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(勤務可否=marks))])
    assert problem.mark("H001", date(2026, 4, 1)) is Mark.AVAILABLE


def test_a_sheet_of_sessions_named_for_its_sites_is_read_as_the_sessions(tmp_path):
    """A clinic kept its sessions on `会場日程` (日付, 会場, 開始...): taken for the 会場 sheet by its name, it was
    left unread, and the import said only that there was no 枠 sheet."""
    from tests.models.workbooks import SESSION_ROWS

    sheets = standard(枠=None)
    sheets["会場日程"] = SESSION_ROWS
    notes: list = []
    problem = read_workbooks([write_book(tmp_path / "c.xlsx", sheets)], notes=notes)
    assert len(problem.requirements) == len(SESSION_ROWS) - 1
    assert [n.message for n in notes if n.sheet == "会場日程"] == [
        'sheet "会場日程" was read as the 枠 table (no sheet is named 枠)']


def test_limits_over_the_whole_plan_are_staff_columns(tmp_path):
    """A university's invigilators do 2-4 sessions over a 12-day exam period across 1/31: a monthly 希望回数 read
    0 in it, and 期間の上限 could be set for everyone alone. 期間上限 and 期間下限 are each person's; a note of days
    (`期間上限（日）`) is none of theirs, and is refused as a limit not read."""
    staff = [["職員ID", "氏名", "期間上限（回）", "期間下限"], ["H001", "山田 花子", 4, 2], ["H002", "佐藤 次郎", None, None]]
    problem = read_workbooks([write_book(tmp_path / "p.xlsx", standard(職員=staff))])
    assert [(s.max_per_plan, s.min_per_plan) for s in problem.staff] == [(4, 2), (None, None)]
    staff[0][2] = "期間上限（日）"
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "d.xlsx", standard(職員=staff))])
    assert [p.cell for p in caught.value.problems] == ["C1"]


def test_no_sessions_sheet_names_the_nearest_and_what_it_lacks(tmp_path):
    """An exam office's 試験時間割 (試験日, 教室, 科目名, 時限, 受験者数) was said only as "no 枠 sheet"."""
    timetable = [["試験日", "教室", "科目名", "時限", "受験者数"], [datetime(2026, 4, 1), "A棟101", "統計学", "1限", 80]]
    sheets = standard(枠=None)
    sheets["試験時間割"] = timetable
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "e.xlsx", sheets)])
    [message] = [p.message for p in caught.value.problems if "枠" in p.message]
    assert message == ('sheet "枠 / Sessions" is missing (sheet "試験時間割" comes nearest to a 枠 table but lacks the '
                       'required columns 開始、終了、必要人数: write those headers, or name the sheet "枠")')


def test_an_answer_sent_again_replaces_the_earlier_by_its_timestamp(tmp_path):
    """A university's Google Form had one invigilator's answer twice, the later one correcting the first: the
    whole import was refused. With a タイムスタンプ column the newer answer is read and the older said; without
    one, two rows of one person are still refused."""
    answers = [["タイムスタンプ", "職員ID", "氏名", datetime(2026, 4, 1), datetime(2026, 4, 14)],
               ["2026/03/20 9:00:00", "H001", "山田 花子", "×", "×"],
               [datetime(2026, 3, 18, 12, 0), "H002", "佐藤 次郎", "○", "○"],
               ["2026/03/25 20:15:00", "H001", "山田 花子", "○", "午前"]]
    notes: list = []
    problem = read_workbooks([write_book(tmp_path / "f.xlsx", standard(勤務可否=answers))], notes=notes)
    assert [problem.mark("H001", date(2026, 4, d)) for d in (1, 14)] == [Mark.AVAILABLE, Mark.AM_ONLY]
    assert [n.cell for n in notes if "answered twice" in n.message] == ["B2"]
    twice = [row[1:] for row in answers]
    with pytest.raises(InvalidInput):
        read_workbooks([write_book(tmp_path / "g.xlsx", standard(勤務可否=twice))])
