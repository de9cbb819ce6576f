"""Each bad input: InvalidInput with the file, sheet and cell, and every problem at once."""

from __future__ import annotations

from datetime import date, datetime, time

import openpyxl
import pytest
from workbooks import MATRIX_ROWS, SESSION_ROWS, STAFF_ROWS, form, standard, write_book

from models.domain import Mark
from models.errors import InputProblem, InvalidInput
from models.excel.importer import read_workbooks
from models.i18n import set_language
from models.rulemeta import Param, RuleInfo

CATALOGUE = (
    RuleInfo(
        "max_per_day", "1日の上限", "Max per day", True, 5,
        (Param("max_per_day", int, 1, "1日の上限回数", "Max assignments per day", 1, 10),),
    ),
    RuleInfo("fairness", "公平性", "Fairness", False, 2, can_be_hard=False),
)


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py: messages in English


def problems_of(*paths, catalogue=()) -> list[InputProblem]:
    with pytest.raises(InvalidInput) as caught:
        read_workbooks(list(paths), catalogue)
    return caught.value.problems


def where(problem: InputProblem) -> tuple[str, str, str]:
    return problem.file, problem.sheet, problem.cell


def test_not_a_workbook_empty_and_missing_files(tmp_path):
    text = tmp_path / "notes.xlsx"
    text.write_text("hello")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    found = problems_of(text, empty, tmp_path / "gone.xlsx")
    assert [where(p) for p in found] == [("notes.xlsx", "", ""), ("empty.xlsx", "", ""), ("gone.xlsx", "", "")]
    assert "Excel" in found[0].message and "empty" in found[1].message and "not found" in found[2].message


def test_missing_staff_and_sessions_sheets(tmp_path):
    path = write_book(tmp_path / "a.xlsx", {"メモ": [["x"]]})
    messages = [p.message for p in problems_of(path)]
    assert messages == ['sheet "職員 / Staff" is missing', 'sheet "枠 / Sessions" is missing']


def test_missing_availability_sheet_without_forms(tmp_path):
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(勤務可否=None)))
    assert [p.message for p in found] == ['sheet "勤務可否 / Availability" is missing']


def test_missing_required_column_pinned_to_header_row_in_current_language(tmp_path):
    sessions = [["4月の枠"], [], [None, "日付", "会場", "内容", "開始", "終了"], [None, "2026/4/1", "灘", "健診", "9:00", "12:00"]]
    path = write_book(tmp_path / "a.xlsx", standard(枠=sessions))
    found = problems_of(path)
    assert [(where(p), p.message) for p in found] == [
        (("a.xlsx", "枠", "B3"), 'required column "必要人数" (min_staff) is missing')
    ]
    set_language("ja")
    assert problems_of(path)[0].message == "必須の列「必要人数」がありません"


def test_unknown_mark_message_names_sheet_and_cell(tmp_path):
    matrix = [MATRIX_ROWS[0], MATRIX_ROWS[1], ["H002", "佐藤", "△", "◇"]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(勤務可否=matrix)))
    assert [str(p) for p in found] == ['a.xlsx 勤務可否!D3: unknown mark "◇" (write ○, △, ×, 午前 (AM), 午後 (PM), '
                                   'the hours free (15時から, 〜15時), a shift to ask for it: 1歳6か月児健診, 3歳児健診, or one '
                                   'refused that day (1歳6か月児健診不可); 休み, 公休, 有休, 年休, 研修 and the like read as ×)']


def test_duplicate_staff_id_after_normalizing(tmp_path):
    staff = [*STAFF_ROWS, ["Ｈ００１ ", "山田 太郎", ""]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(職員=staff)))
    assert [where(p) for p in found] == [("a.xlsx", "職員", "A4")]
    assert 'duplicate staff ID "H001"' in found[0].message and "A2" in found[0].message


def test_availability_for_unknown_staff(tmp_path):
    matrix = [*MATRIX_ROWS, ["H999", "誰か", "○", "○"]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(勤務可否=matrix)))
    assert [(where(p), p.message) for p in found] == [
        (("a.xlsx", "勤務可否", "A4"), 'staff ID "H999" is not on the staff sheet')
    ]


def test_impossible_dates_in_sessions_and_matrix_header(tmp_path):
    sessions = [SESSION_ROWS[0], SESSION_ROWS[1], ["4月31日", "灘", "健診", "9:00", "12:00", 1]]
    matrix = [["職員ID", "氏名", "4/1", "2/30(月)"], ["H001", "山田", "○", "○"]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(枠=sessions, 勤務可否=matrix)))
    assert [(where(p), p.message) for p in found] == [
        (("a.xlsx", "枠", "A3"), 'invalid date "4月31日" (month 4 has 30 days)'),
        (("a.xlsx", "勤務可否", "D1"), 'invalid date "2/30(月)" (month 2 has 28 (29 in a leap year) days)'),
    ]


@pytest.mark.parametrize("start, end", [("13:00", "12:00"), ("9:00", "9:00")])
def test_end_not_after_start(tmp_path, start, end):
    sessions = [SESSION_ROWS[0], [datetime(2026, 4, 1), "灘", "健診", start, end, 1]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(枠=sessions)))
    assert [where(p) for p in found] == [("a.xlsx", "枠", "E2")]
    assert "is not after start" in found[0].message


@pytest.mark.parametrize("count", [-1, "二人", 1.5, "abc"])
def test_bad_count(tmp_path, count):
    sessions = [SESSION_ROWS[0], [datetime(2026, 4, 1), "灘", "健診", "9:00", "12:00", count]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(枠=sessions)))
    assert [where(p) for p in found] == [("a.xlsx", "枠", "F2")]
    assert "not a whole number" in found[0].message


def test_max_below_min_and_skill_count_above_max(tmp_path):
    sessions = [
        SESSION_ROWS[0],
        [datetime(2026, 4, 1), "灘", "健診", "9:00", "12:00", 3, 2, None],
        [datetime(2026, 4, 2), "灘", "健診", "9:00", "12:00", 1, None, "リーダー:1、フッ化物:2"],
    ]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(枠=sessions)))
    assert [(where(p), p.message) for p in found] == [
        (("a.xlsx", "枠", "G2"), "max_staff 2 is less than min_staff 3"),
        (("a.xlsx", "枠", "H3"), 'required skill "フッ化物" needs 2, more than max_staff 1'),
    ]


def test_duplicate_session(tmp_path):
    sessions = [*SESSION_ROWS, [datetime(2026, 4, 1), "灘 ", "3歳児健診", "13:00", "15:00", 1]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(枠=sessions)))
    assert [where(p) for p in found] == [("a.xlsx", "枠", "A4")]
    assert "duplicate session 4/1 灘 3歳児健診" in found[0].message


def test_required_value_blank(tmp_path):
    sessions = [SESSION_ROWS[0], [datetime(2026, 4, 1), None, "健診", "9:00", "12:00", 1]]
    staff = [STAFF_ROWS[0], ["H001", None, None], STAFF_ROWS[2]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(枠=sessions, 職員=staff)))
    assert [(where(p), p.message) for p in found] == [
        (("a.xlsx", "職員", "B2"), '"name" is empty'),
        (("a.xlsx", "枠", "B2"), '"site" is empty'),
    ]


def test_bad_settings(tmp_path):
    settings = [
        ["項目", "値"],
        ["空欄の扱い", "たぶん"],
        ["no_such_rule.weight", 3],
        ["max_per_day.no_such_param", 3],
        ["1日の上限.1日の上限回数", 11],
        ["fairness.hard", "はい"],
        ["max_per_day.weight", -2],
        ["期間開始", "4月31日"],
    ]
    path = write_book(tmp_path / "a.xlsx", {**standard(), "設定": settings})
    found = problems_of(path, catalogue=CATALOGUE)
    assert [p.cell for p in found] == ["B2", "A3", "A4", "B5", "B6", "B7", "B8"]
    assert found[1].message == 'unknown setting "no_such_rule.weight"'
    # a rule named with an item it has not: the items it takes, and the title of a parameter without its unit
    assert found[2].message == ('unknown setting "max_per_day.no_such_param" (rule "max_per_day" takes 有効 (on), '
                                "必須 (hard), 重み (weight), max_per_day (Max assignments per day); e.g. max_per_day.1日の上限回数)")
    assert "range 1 to 10" in found[3].message
    assert "cannot be hard" in found[4].message
    # a key like a known one says which (a polling office's unknown key had no suggestion)
    from solver.rules import CATALOGUE as RULES

    near = write_book(tmp_path / "n.xlsx", {**standard(), "設定": [["項目", "値"], ["連続勤務の上限", 5], ["空欄扱い", "可"]]})
    assert [p.message for p in problems_of(near, catalogue=RULES)] == [
        'unknown setting "連続勤務の上限" (did you mean "連続勤務日数の上限"?)',
        'unknown setting "空欄扱い" (did you mean "空欄の扱い"?)']


def test_form_problems(tmp_path):
    main = write_book(tmp_path / "main.xlsx", standard(勤務可否=None))
    unknown = write_book(tmp_path / "u.xlsx", {"勤務可否": form("H999", [["4/1", "水", "○"]])})
    no_id = write_book(tmp_path / "n.xlsx", {"勤務可否": form("", [["4/1", "水", "○"]])})
    bad = write_book(tmp_path / "b.xlsx", {"勤務可否": form("H001", [["4/1", "水", "◇"], ["4/31", "金", "○"]])})
    found = problems_of(main, unknown, no_id, bad)
    assert [where(p) for p in found] == [
        ("u.xlsx", "勤務可否", "B3"),
        ("n.xlsx", "勤務可否", "A3"),
        ("b.xlsx", "勤務可否", "C7"),
        ("b.xlsx", "勤務可否", "A8"),
    ]


def test_every_problem_in_a_workbook_is_reported_at_once(tmp_path):
    staff = [*STAFF_ROWS, ["H002", "重複", ""]]
    sessions = [
        SESSION_ROWS[0],
        [datetime(2026, 4, 1), "灘", "健診", "13:00", "12:00", 1],
        [datetime(2026, 4, 14), "灘", "健診", "9:00", "12:00", -1],
        ["2026/4/31", "灘", "健診", "9:00", "12:00", 1],
    ]
    matrix = [MATRIX_ROWS[0], ["H001", "山田", "◇", "!"], ["H404", "誰", "○", "○"]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(職員=staff, 枠=sessions, 勤務可否=matrix)))
    assert [f"{p.sheet}!{p.cell}" for p in found] == [
        "職員!A4", "枠!E2", "枠!F3", "枠!A4", "勤務可否!C2", "勤務可否!D2", "勤務可否!A3",
    ]


def test_unknown_mark_in_japanese(tmp_path):
    matrix = [MATRIX_ROWS[0], ["H001", "山田", "◇", "○"]]
    set_language("ja")
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(勤務可否=matrix)))
    assert [str(p) for p in found] == ['a.xlsx 勤務可否!C2: 不明な記号 "◇"（○・△・×・午前・午後・勤務できる時間（15時から・〜15時）のどれか、'
                                   '希望する勤務名 1歳6か月児健診、3歳児健診、または断る勤務（1歳6か月児健診不可）を記入。'
                                   '休み・公休・有休・年休・研修 なども × と読みます）']


def test_session_outside_the_settings_period(tmp_path):
    settings = [["項目", "値"], ["期間開始", "2026/4/1"], ["期間終了", "2026/4/10"]]
    found = problems_of(write_book(tmp_path / "a.xlsx", {**standard(), "設定": settings}))
    assert [(where(p), p.message) for p in found] == [
        (("a.xlsx", "枠", "A3"), "date 2026-04-14 is outside the plan period 2026-04-01 to 2026-04-10")
    ]


def test_nothing_is_returned_half_read_and_no_traceback_text(tmp_path):
    matrix = [MATRIX_ROWS[0], ["H001", "山田", "◇", "○"]]
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([write_book(tmp_path / "a.xlsx", standard(勤務可否=matrix))])
    assert "Traceback" not in str(caught.value) and str(caught.value).startswith("a.xlsx 勤務可否!C2")


def test_matrix_without_any_date_in_its_header(tmp_path):
    """Day numbers name no date when the plan spans two months (April and May here)."""
    sessions = [*SESSION_ROWS, [datetime(2026, 5, 12), "灘", "健診", "9:00", "12:00", 1]]
    matrix = [["職員ID", "氏名", 1, 14], ["H001", "山田", "○", "×"]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(枠=sessions, 勤務可否=matrix)))
    assert [where(p) for p in found] == [("a.xlsx", "勤務可否", "C1")]
    assert "no date" in found[0].message


def test_matrix_row_with_marks_but_no_staff_id(tmp_path):
    matrix = [MATRIX_ROWS[0], [None, None, "水", "火"], MATRIX_ROWS[1], [None, "佐藤 次郎", "○", "×"],
              [None, "可能人数", 1, 0]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(勤務可否=matrix)))
    assert [(where(p), p.message) for p in found] == [(("a.xlsx", "勤務可否", "A4"), '"staff_id" is empty')]


def test_a_file_holding_no_sheet_haichi_reads(tmp_path):
    main = write_book(tmp_path / "main.xlsx", standard())
    other = write_book(tmp_path / "h002.xlsx", {"Sheet1": form("H002", [["4/1", "水", "○"]])})
    found = problems_of(main, other)
    assert [where(p) for p in found] == [("h002.xlsx", "", "")]
    assert "Availability" in found[0].message


def test_form_whose_answer_column_has_another_name(tmp_path):
    main = write_book(tmp_path / "main.xlsx", standard(勤務可否=None))
    rows = [["回答票"], ["職員ID", "H001"], ["氏名", "山田"], ["日付", "出欠"], ["4/1", "○"]]
    found = problems_of(main, write_book(tmp_path / "f.xlsx", {"勤務可否": rows}))
    assert [(where(p), p.message) for p in found] == [(("f.xlsx", "勤務可否", "A4"), 'required column "可否" (mark) is missing')]


def test_staff_sheet_without_its_id_column_is_reported_once(tmp_path):
    staff = [["番号なし", "職種"], ["H001", "歯科衛生士"], ["H002", "歯科衛生士"]]
    found = problems_of(write_book(tmp_path / "a.xlsx", standard(職員=staff)))
    assert [(where(p), p.message) for p in found] == [
        (("a.xlsx", "職員", "A1"), 'required column "職員ID" (staff_id) is missing'),
        (("a.xlsx", "職員", "A1"), 'required column "氏名" (name) is missing')]


def test_a_register_of_names_finds_a_matrix_of_ids_and_names_by_name(tmp_path):
    """職員 by name alone (each name its ID), 勤務可否 from another list with its IDs beside the names:
    a row is its name's person; a name not registered is still refused at its ID."""
    staff = [["番号なし", "氏名"], ["H001", "山田 花子"], ["H002", "佐藤 次郎"]]
    problem = read_workbooks([write_book(tmp_path / "a.xlsx", standard(職員=staff))])
    assert problem.availability[("山田 花子", date(2026, 4, 14))] is Mark.UNAVAILABLE
    staff = [["氏名"], ["山田"], ["佐藤"]]
    found = problems_of(write_book(tmp_path / "b.xlsx", standard(職員=staff)))
    assert [(where(p), p.message) for p in found] == [
        (("b.xlsx", "勤務可否", "A2"), 'staff ID "H001" is not on the staff sheet'),
        (("b.xlsx", "勤務可否", "A3"), 'staff ID "H002" is not on the staff sheet')]


def test_half_day_columns_problems(tmp_path):
    """A half's mark in the other half's column, a 午後 column with no date to its left, and a date
    given two columns (whole days, or the same half twice)."""
    matrix = [
        ["職員ID", "氏名", None, "4/1", None, "4/14", "4/14", "4/1"],
        [None, None, "午後", "午前", "午後", "午前", "午前", None],
        ["H001", "山田", "○", "PM", "○", "○", "×", "○"],
    ]
    found = problems_of(write_book(tmp_path / "h.xlsx", standard(勤務可否=matrix)))
    assert [(where(p), p.message) for p in found] == [
        (("h.xlsx", "勤務可否", "C1"), "no date in the header row above this morning/afternoon column"),
        (("h.xlsx", "勤務可否", "G1"), "a second column for 2026-04-14 午前 (also at 勤務可否!F1)"),
        (("h.xlsx", "勤務可否", "H1"), "a second column for 2026-04-01 (also at 勤務可否!D1)"),
        (("h.xlsx", "勤務可否", "D3"), '"PM" cannot stand in a morning column (write ○, △ or ×)'),
    ]


def test_a_date_given_two_whole_day_columns(tmp_path):
    matrix = [["職員ID", "氏名", "4/1", "4/14", "2026/4/1"], ["H001", "山田", "○", "×", "×"]]
    found = problems_of(write_book(tmp_path / "d.xlsx", standard(勤務可否=matrix)))
    assert [(where(p), p.message) for p in found] == [
        (("d.xlsx", "勤務可否", "E1"), "a second column for 2026-04-01 (also at 勤務可否!C1)")]


def test_a_second_header_with_other_dates_is_not_skipped_as_a_repeated_one(tmp_path):
    """A 5月 block pasted under the April one: its rows would be read under April's dates, so its
    header is reported (as an ID) rather than skipped like a repeated header or a weekday row."""
    matrix = [["職員ID", "氏名", "4/1", "4/14"], ["職員ID", "氏名", "水", "火"], ["H001", "山田", "○", "×"],
              ["職員ID", "氏名", "5/1", "5/14"], ["H002", "佐藤", "○", "○"]]
    found = problems_of(write_book(tmp_path / "b.xlsx", standard(勤務可否=matrix)))
    assert [(where(p), p.message) for p in found] == [
        (("b.xlsx", "勤務可否", "A4"), 'staff ID "職員ID" is not on the staff sheet')]


def test_marks_under_a_blank_header_are_reported_once_a_column(tmp_path):
    """A date merged across two columns without 午前/午後 labels: the second column's marks would
    be dropped unseen. A blank-headed column of notes or counts is not reported."""
    matrix = [["職員ID", "氏名", "4/1", None, "4/14", None], ["H001", "山田", "○", "×", "○", 2],
              ["H002", "佐藤", "○", "△", "×", "済"]]
    found = problems_of(write_book(tmp_path / "u.xlsx", standard(勤務可否=matrix), merge={"勤務可否": "C1:D1"}))
    assert [(where(p), p.message) for p in found] == [(("u.xlsx", "勤務可否", "D1"), (
        "marks in a column with no date in the header row (write its date; for mornings and "
        "afternoons, put 午前 and 午後 in the row under the dates)"))]


def test_an_unknown_id_over_marks_is_still_reported_beside_a_weekday_row(tmp_path):
    """Only a row of weekday names is skipped: a mistyped ID over someone's marks is reported."""
    matrix = [MATRIX_ROWS[0], ["曜日", None, "水", "火"], ["H009", "誰か", "○", "水"], *MATRIX_ROWS[1:]]
    found = problems_of(write_book(tmp_path / "w.xlsx", standard(勤務可否=matrix)))
    assert [(where(p), p.message) for p in found] == [
        (("w.xlsx", "勤務可否", "A3"), 'staff ID "H009" is not on the staff sheet')]


def test_problems_on_a_hidden_sheet_say_that_it_is_hidden(tmp_path):
    """An old copy of the matrix hidden away (`勤務可否 (2)`) is still read; its problems come with
    one saying the sheet is hidden, else its tab cannot be found."""
    path = write_book(tmp_path / "h.xlsx", {**standard(), "勤務可否 (2)": MATRIX_ROWS})
    book = openpyxl.load_workbook(path)
    book["勤務可否 (2)"].sheet_state = "hidden"
    book.save(path)
    found = problems_of(path)
    assert [where(p) for p in found] == [("h.xlsx", "勤務可否 (2)", ""), ("h.xlsx", "勤務可否 (2)", "A2"),
                                         ("h.xlsx", "勤務可否 (2)", "A3")]
    assert "hidden" in found[0].message and "Unhide" in found[0].message


def test_a_visible_sheet_gets_no_hidden_note(tmp_path):
    found = problems_of(write_book(tmp_path / "v.xlsx", {**standard(), "勤務可否 (2)": MATRIX_ROWS}))
    assert all("hidden" not in p.message for p in found) and len(found) == 2


def test_a_time_range_that_cannot_be_read_names_its_cell(tmp_path):
    sessions = [["日付", "会場", "内容", "時間帯", "必要人数"],
                [datetime(2026, 4, 1), "灘", "3歳児健診", "午後", 2],
                [datetime(2026, 4, 14), "東灘", "1歳6か月児健診", "12:00-9:00", 1]]
    found = problems_of(write_book(tmp_path / "r.xlsx", standard(枠=sessions)))
    assert [str(p) for p in found] == [
        'r.xlsx 枠!D2: invalid time range "午後" (e.g. 9:30-11:30)',
        'r.xlsx 枠!D3: end 09:00 is not after start 12:00 (for a shift that ends the next day, write the end as 翌09:00)']


def test_an_end_column_without_a_start_column_is_still_missing_start(tmp_path):
    sessions = [["日付", "会場", "内容", "時間", "終了", "必要人数"],
                [datetime(2026, 4, 1), "灘", "3歳児健診", "13:00～16:00", time(16, 0), 2]]
    found = problems_of(write_book(tmp_path / "r.xlsx", standard(枠=sessions)))
    assert [str(p) for p in found] == ['r.xlsx 枠!A1: required column "開始" (start) is missing']


def test_the_same_file_or_a_byte_identical_copy_given_twice_is_one_problem_each(tmp_path):
    """Not hundreds of rows each reported as a duplicate of itself."""
    path = write_book(tmp_path / "main.xlsx", standard())
    copy = tmp_path / "main - コピー.xlsx"
    copy.write_bytes(path.read_bytes())
    found = problems_of(path, tmp_path / "." / "main.xlsx", copy)
    assert [(where(p), p.message) for p in found] == [
        (("main.xlsx", "", ""), "the same file (same content) as main.xlsx is given twice (give it once)"),
        (("main - コピー.xlsx", "", ""), "the same file (same content) as main.xlsx is given twice (give it once)"),
    ]


def test_a_matrix_sheet_copied_for_the_same_dates_is_said_once(tmp_path):
    """Two sheets for March gave one line per person (34 of them); a few repeated rows are each said."""
    staff = [STAFF_ROWS[0], *([f"H{i:03d}", f"職員 {i}", None] for i in range(1, 7))]
    marks = [MATRIX_ROWS[0], *([f"H{i:03d}", f"職員 {i}", "○", "○"] for i in range(1, 7))]
    path = write_book(tmp_path / "two.xlsx", {**standard(職員=staff, 勤務可否=marks), "勤務可否 (2)": marks})
    [problem] = problems_of(path)
    assert (problem.sheet, problem.cell) == ("勤務可否 (2)", "A2")
    assert "6 people's availability here is given for the same dates on two.xlsx 勤務可否 too" in problem.message
    few = [MATRIX_ROWS[0], *([f"H{i:03d}", f"職員 {i}", "○", "○"] for i in range(1, 3))]
    path = write_book(tmp_path / "few.xlsx", {**standard(職員=staff, 勤務可否=marks), "勤務可否 (2)": few})
    assert [p.cell for p in problems_of(path)] == ["A2", "A3"]


def test_a_staff_column_of_a_limit_haichi_does_not_read_is_refused(tmp_path):
    """A polling office's `期間中の上限（日）` was passed over with a note among others: its residents'
    3-day cap gone, 25 breaches in a roster said to break no rule. A column whose header says a limit
    and that holds values is refused, naming the limit columns; an empty one, or 電話, stays a note."""
    staff = [["職員ID", "氏名", "期間中の上限（日）", "電話"], ["H001", "山田 花子", 3, "078"], ["H002", "佐藤 次郎", None, None]]
    found = problems_of(write_book(tmp_path / "l.xlsx", standard(職員=staff)))
    assert [(p.cell, p.message.split(";")[0]) for p in found] == [
        ("C1", 'column "期間中の上限（日）" looks like a limit but is no column Haichi reads, so it would not hold')]
    assert "月日数上限" in found[0].message
    empty = [["職員ID", "氏名", "期間中の上限（日）"], ["H001", "山田 花子", None], ["H002", "佐藤 次郎", None]]
    read_workbooks([write_book(tmp_path / "e.xlsx", standard(職員=empty))])


def test_hours_of_another_period_than_the_columns_are_refused(tmp_path):
    """`月60時間` is read in a monthly column; in a weekly one it would have been 60 hours a week."""
    staff = [["職員ID", "氏名", "週時間上限", "月時間上限"], ["H001", "山田 花子", "月60時間", "月60時間"],
             ["H002", "佐藤 次郎", None, None]]
    found = problems_of(write_book(tmp_path / "w.xlsx", standard(職員=staff)))
    assert [p.cell for p in found] == ["C2"]


def test_no_staff_sheet_and_two_alike_names_both(tmp_path):
    """A 医師一覧 beside another sheet of the same columns: "sheet 職員 is missing" said nothing of either."""
    sheets = standard(職員=None)
    sheets["常勤"] = STAFF_ROWS[:2]
    sheets["非常勤"] = [STAFF_ROWS[0], STAFF_ROWS[2]]
    found = problems_of(write_book(tmp_path / "a.xlsx", sheets))
    assert [p.message for p in found] == ['sheet "職員" is missing (2 sheets look like its table: 常勤、非常勤; name one of '
                                          'them "職員")']
