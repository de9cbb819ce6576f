"""Returned one-person forms that people edited: what is read, and what is refused with its cell."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from workbooks import form, standard, write_book

from models.domain import Mark, ShiftRequest
from models.errors import InputProblem, InvalidInput
from models.excel.importer import read_workbooks


pytestmark = pytest.mark.usefixtures("japanese")


def problems_of(tmp_path, rows) -> list[InputProblem]:
    main = write_book(tmp_path / "main.xlsx", standard(勤務可否=None))
    answer = write_book(tmp_path / "f.xlsx", {"勤務可否": rows})
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([main, answer])
    return caught.value.problems


def read(tmp_path, rows):
    main = write_book(tmp_path / "main.xlsx", standard(勤務可否=None))
    return read_workbooks([main, write_book(tmp_path / "f.xlsx", {"勤務可否": rows})])


def test_last_months_form_is_refused_on_import_too(tmp_path):
    """Every date outside the plan: not an empty answer that would wipe the person's availability."""
    rows = form("H001", [[datetime(2026, 3, 1), "日", "○"], ["2026/3/2", "月", "×"]], "山田 花子")
    found = problems_of(tmp_path, rows)
    assert [(p.file, p.cell) for p in found] == [("f.xlsx", "A7")]
    assert "計画期間 2026-04-01〜2026-04-14 の外" in found[0].message


def test_a_date_answered_twice_differently_is_refused_the_same_answer_twice_is_not(tmp_path):
    rows = form("H001", [["4/1", "水", "○"], ["4/1", "水", "×"], ["4/14", "火", "△"], ["4/14", "火", "△"]])
    found = problems_of(tmp_path, rows)
    assert [(p.cell, p.message) for p in found] == [
        ("A8", "2026-04-01 の回答が2行あり、勤務可否!A7 と食い違っています（どちらか1行にしてください）")]
    again = form("H001", [["4/1", "水", None], ["4/1", "水", "×"], ["4/14", "火", "△"], ["4/14", "火", "△"]])
    assert read(tmp_path, again).availability == {
        ("H001", date(2026, 4, 1)): Mark.UNAVAILABLE, ("H001", date(2026, 4, 14)): Mark.PREFER_NOT}


def test_another_registered_persons_name_under_the_id_is_refused(tmp_path):
    found = problems_of(tmp_path, form("H001", [["4/1", "水", "○"]], "佐藤　次郎"))
    assert [(p.cell, p.message) for p in found] == [(
        "B4", "氏名「佐藤 次郎」は職員ID H002 の方です。この回答票の職員ID H001 は 山田 花子 さんです"
              "（どちらの回答か確かめて、職員IDか氏名を直してください）")]
    renamed = read(tmp_path, form("H001", [["4/1", "水", "○"]], "山田 はな子"))  # not anyone else's name
    assert renamed.availability == {("H001", date(2026, 4, 1)): Mark.AVAILABLE}


def test_a_name_where_the_id_belongs_and_a_blank_id_say_whose_id_it_is(tmp_path):
    typed = problems_of(tmp_path, form("山田花子", [["4/1", "水", "○"]]))
    assert [(p.cell, p.message) for p in typed] == [(
        "B3", '職員ID "山田花子" は職員シートにありません（山田花子 さんの職員IDは H001。職員ID欄には氏名ではなくIDを記入）')]
    blank = problems_of(tmp_path, form("", [["4/1", "水", "○"]], "佐藤 次郎"))
    assert [(p.cell, p.message) for p in blank] == [(
        "A3", "職員IDの欄が見つからないか空欄です（「職員ID」の右のセルにIDを記入。佐藤 次郎 さんの職員IDは H002）")]


def test_label_and_id_typed_into_one_cell(tmp_path):
    rows = [["回答票"], ["職員ID：Ｈ００２"], ["氏名 佐藤 次郎"], ["日付", "可否"], ["4/14", "午前"]]
    assert read(tmp_path, rows).availability == {("H002", date(2026, 4, 14)): Mark.AM_ONLY}


def test_a_note_in_the_date_column_and_a_condition_in_the_mark_column_say_where_notes_go(tmp_path):
    rows = form("H001", [["4/1", "水", "午前なら可"], ["4月は午前のみです", None, None], ["※ 読み飛ばす", None, None]])
    found = problems_of(tmp_path, rows)
    assert [(p.cell, p.message) for p in found] == [
        ("C7", '不明な記号 "午前なら可"（○・△・×・午前・午後・勤務できる時間（15時から・〜15時）のどれか、または希望する勤務名 1歳6か月児健診、3歳児健診 を記入。'
               'ほかの条件は「備考」欄へ）'),
        ("A8", '日付の欄に日付ではない文字があります "4月は午前のみです"（連絡事項は「備考」欄へ。行の先頭に ※ を付けると読み飛ばします）'),
    ]
    assert "日付が正しくありません" in problems_of(tmp_path, form("H001", [["4/31", "木", "○"]]))[0].message


WARD_SESSIONS = [
    ["日付", "会場", "内容", "開始", "終了", "必要人数"],
    *[[datetime(2026, 4, d), "3階東", name, start, end, 1]
      for d in (1, 14) for name, start, end in (("日勤", "8:30", "17:00"), ("準夜", "16:30", "1:00"),
                                                ("深夜", "0:30", "9:00"))],
]


def ward(tmp_path, rows):
    """A ward plan whose matrix asks for 準夜 (H001) and 深夜 (H002) on 4/1, with H001's form returned."""
    main = write_book(tmp_path / "main.xlsx", standard(枠=WARD_SESSIONS, 勤務可否=[
        ["職員ID", "氏名", datetime(2026, 4, 1), datetime(2026, 4, 14)],
        ["H001", "山田 花子", "準夜", "○"], ["H002", "佐藤 次郎", "深夜", "○"]]))
    return main, write_book(tmp_path / "f.xlsx", {"勤務可否": rows})


def test_a_shift_written_on_a_form_is_a_wish_and_replaces_the_matrix_rows_wishes(tmp_path):
    problem = read_workbooks(list(ward(tmp_path, form("H001", [["4/1", "水", "日勤"], ["4/14", "火", "深夜希望"]]))))
    assert sorted(problem.requests, key=lambda r: (r.staff_id, r.date)) == [
        ShiftRequest("H001", date(2026, 4, 1), "日勤", on=True),
        ShiftRequest("H001", date(2026, 4, 14), "深夜", on=True),
        ShiftRequest("H002", date(2026, 4, 1), "深夜", on=True),
    ]
    assert problem.availability[("H001", date(2026, 4, 1))] is Mark.AVAILABLE
    either = read_workbooks(list(ward(tmp_path, form("H001", [["4/1", "水", "日勤/準夜"], ["4/1", "水", "日勤/準夜"]]))))
    assert [r.activity for r in either.requests if r.staff_id == "H001"] == ["日勤+準夜"]


def test_a_form_date_asking_for_two_different_shifts_is_refused(tmp_path):
    main, answer = ward(tmp_path, form("H001", [["4/1", "水", "日勤"], ["4/1", "水", "準夜"]]))
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([main, answer])
    assert [(p.cell, p.message) for p in caught.value.problems] == [
        ("A8", "2026-04-01 の回答が2行あり、勤務可否!A7 と食い違っています（どちらか1行にしてください）")]


def test_a_shift_the_plan_does_not_have_is_refused_on_a_form_naming_the_plans_shifts(tmp_path):
    main, answer = ward(tmp_path, form("H001", [["4/1", "水", "日勤x"], ["4/14", "火", "日勤/夜勤"]]))
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([main, answer])
    assert [(p.file, p.cell, p.message) for p in caught.value.problems] == [
        ("f.xlsx", "C7", '不明な記号 "日勤x"（○・△・×・午前・午後・勤務できる時間（15時から・〜15時）のどれか、または希望する勤務名 日勤、準夜、深夜 を記入。'
                         "ほかの条件は「備考」欄へ）"),
        ("f.xlsx", "C8", '不明な記号 "日勤/夜勤"（○・△・×・午前・午後・勤務できる時間（15時から・〜15時）のどれか、または希望する勤務名 日勤、準夜、深夜 を記入。'
                         "ほかの条件は「備考」欄へ）"),
    ]
