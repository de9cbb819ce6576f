"""Gaps in the availability an import says in a note (not a problem): a person with no row, a form
returned blank, no marks at all where blank means available."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import openpyxl
import pytest
from workbooks import MATRIX_ROWS, SESSION_ROWS, STAFF_ROWS, form, standard, write_book

from models.domain import Mark
from models.errors import InputProblem, InvalidInput
from models.excel.importer import read_workbooks
from models.i18n import set_language

pytestmark = pytest.mark.usefixtures("english")

STAFF = [*STAFF_ROWS, ["H003", "鈴木 三郎"], ["H004", "高橋 四郎"]]
BLANK_AVAILABLE = [["項目", "値"], ["空欄の扱い", "可"]]


def _notes(*paths) -> list[str]:
    notes: list[InputProblem] = []
    read_workbooks(list(paths), notes=notes)
    return [str(note) for note in notes]


def test_people_with_no_row_in_the_matrix_are_named(tmp_path):
    """H003 and H004 on 職員 but not on 勤務可否: every day of theirs is blank, × by default,
    said at the matrix's 職員ID header, in Japanese too."""
    path = write_book(tmp_path / "r.xlsx", standard(職員=STAFF))
    assert _notes(path) == [
        "r.xlsx 勤務可否!A1: no row here for H003 鈴木 三郎, H004 高橋 四郎 of the staff sheet: each of their days "
        "counts as blank, which 空欄の扱い (blank_means) makes × (cannot work)"]
    set_language("ja")
    assert _notes(path) == ["r.xlsx 勤務可否!A1: 職員シートの H003 鈴木 三郎、H004 高橋 四郎 の行がありません。"
                            "その人の日はすべて空欄となり、空欄の扱いにより ×（勤務できない） になります"]
    set_language("en")
    available = write_book(tmp_path / "a.xlsx", {**standard(職員=STAFF), "設定": BLANK_AVAILABLE})
    assert _notes(available)[0].endswith("makes ○ (can work)")


def test_a_row_on_another_sheet_for_the_same_dates_or_a_form_is_enough(tmp_path):
    """One sheet per team for the same dates, and H004's returned form: nobody is missing."""
    team_b = [MATRIX_ROWS[0], ["H003", "鈴木 三郎", "○", "○"]]
    main = write_book(tmp_path / "t.xlsx", {**standard(職員=STAFF), "勤務可否_B": team_b})
    answer = write_book(tmp_path / "h004.xlsx", {"勤務可否": form("H004", [["4/1", "水", "×"]])})
    assert _notes(main, answer) == []


def test_a_form_returned_without_marks_is_named(tmp_path):
    main = write_book(tmp_path / "main.xlsx", standard(勤務可否=None))
    blank = write_book(tmp_path / "h002.xlsx", {"勤務可否": form("H002", [["4/1", "水", None], ["4/14", "火", None]])})
    answered = write_book(tmp_path / "h001.xlsx", {"勤務可否": form("H001", [["4/1", "水", "○"]])})
    assert _notes(main, answered, blank) == [
        "h002.xlsx 勤務可否!C6: the form of H002 佐藤 次郎 holds no marks: every day counts as blank, which "
        "空欄の扱い (blank_means) makes × (cannot work)"]


def test_no_marks_at_all_where_blank_means_available(tmp_path):
    """An empty matrix under 空欄の扱い = 可 is a plan where everyone can work every day: said so
    (under the default ×, `haichi import` says to send the forms instead)."""
    empty = [MATRIX_ROWS[0], ["H001", "山田 花子"], ["H002", "佐藤 次郎"]]
    path = write_book(tmp_path / "e.xlsx", {**standard(勤務可否=empty), "設定": BLANK_AVAILABLE})
    assert _notes(path) == [
        "e.xlsx 勤務可否!A1: no availability marks at all: every day of everyone counts as blank, which "
        "空欄の扱い (blank_means) makes ○ (can work)"]
    assert _notes(write_book(tmp_path / "x.xlsx", standard(勤務可否=empty))) == []


def test_a_filled_in_copy_of_the_template_brings_its_marks_not_its_settings(tmp_path):
    """The coordinator named the plan in the main workbook and sent each person a copy of the blank
    template (its 職員 and 枠 empty, its 設定 the template's): a copy's 計画名 and weights are not a
    contradiction to refuse, they are left unread, and said so when they differ."""
    main = write_book(tmp_path / "main.xlsx", standard(
        勤務可否=[MATRIX_ROWS[0], MATRIX_ROWS[1]], 設定=[["項目", "値"], ["計画名", "4月 健診"]]))
    copy = write_book(tmp_path / "copy_sato.xlsx", standard(
        職員=[STAFF_ROWS[0]], 枠=[["日付", "会場", "内容", "開始", "終了", "必要人数"]],
        勤務可否=[MATRIX_ROWS[0], MATRIX_ROWS[2]], 設定=[["項目", "値"], ["計画名", "2026年4月"], ["prefer_not.重み", 9]]))
    notes: list[InputProblem] = []
    problem = read_workbooks([main, copy], notes=notes)
    assert problem.name == "4月 健診" and "prefer_not" not in problem.rules
    assert {staff_id for staff_id, _ in problem.availability} == {"H001", "H002"}
    assert [str(n) for n in notes] == [
        "copy_sato.xlsx 設定: this workbook holds availability alone, so its settings sheet was not read (the "
        "settings of main.xlsx are used)"]
    same = write_book(tmp_path / "copy_same.xlsx", standard(
        職員=[STAFF_ROWS[0]], 枠=[["日付", "会場", "内容", "開始", "終了", "必要人数"]],
        勤務可否=[MATRIX_ROWS[0], MATRIX_ROWS[2]], 設定=[["項目", "値"], ["計画名", "4月 健診"]]))
    notes = []
    read_workbooks([main, same], notes=notes)
    assert notes == []


def test_mostly_days_off_written_under_blank_means_x_is_said(tmp_path):
    """Only the days off written (× and 希) while blanks mean ×: the blanks were surely meant as ○."""
    offs = [MATRIX_ROWS[0], ["H001", "山田 花子", "×", None], ["H002", "佐藤 次郎", "希", "○"]]
    assert _notes(write_book(tmp_path / "o.xlsx", standard(勤務可否=offs))) == [
        "o.xlsx 勤務可否!A1: blanks were read as × (cannot work), as 空欄の扱い (blank_means) on the 設定 sheet says; "
        "yet most marks written are days off (2 × or day-off marks, 1 that allow work), as if a blank meant a day "
        "one can work: if so, set 空欄の扱い to 可"]
    both = [MATRIX_ROWS[0], ["H001", "山田 花子", "×", "○"], ["H002", "佐藤 次郎", None, "○"]]
    assert _notes(write_book(tmp_path / "b.xlsx", standard(勤務可否=both))) == []
    available = write_book(tmp_path / "a.xlsx", {**standard(勤務可否=offs), "設定": BLANK_AVAILABLE})
    assert _notes(available) == []
    days = [datetime(2026, 4, d) for d in range(1, 15)]  # the period's every day marked: no blank meant ○
    every_day = [["職員ID", "氏名", *days], ["H001", "山田 花子", *(["×"] * 13 + ["○"])], ["H002", "佐藤 次郎", *(["×", "○"] * 7)]]
    assert _notes(write_book(tmp_path / "e.xlsx", standard(勤務可否=every_day))) == []


def test_a_site_missing_from_the_sites_sheet_is_named_at_its_cell_with_the_likely_name(tmp_path):
    """A typo (中央保険 for 中央保健) used to become a new site without area or travel group, unseen."""
    sites = [["会場", "区", "移動グループ"], ["中央保健センター", "中央区", "A"], ["灘", "灘区", "B"]]
    sessions = [SESSION_ROWS[0], [*SESSION_ROWS[1][:1], "中央保険センター", *SESSION_ROWS[1][2:]],
                [*SESSION_ROWS[2][:1], "灘", *SESSION_ROWS[2][2:]]]
    path = write_book(tmp_path / "s.xlsx", {**standard(枠=sessions), "会場": sites})
    assert _notes(path) == [
        's.xlsx 枠!B2: site "中央保険センター" is not on the 会場 (sites) sheet: added without an area or travel '
        'group (a slip for "中央保健センター"?)']
    assert _notes(write_book(tmp_path / "n.xlsx", standard())) == []  # no 会場 sheet: nothing to compare with


def test_a_second_sessions_sheet_beside_the_first_is_said_unread(tmp_path):
    """`枠 (2)`, Excel's copy of 枠 with more sessions, was left out without a word; hidden, it is an
    old copy put away and left alone."""
    more = [SESSION_ROWS[0], SESSION_ROWS[1]]
    path = write_book(tmp_path / "c.xlsx", {**standard(), "枠 (2)": more})
    assert _notes(path) == ['c.xlsx 枠 (2): sheet "枠 (2)" was not read ("枠" was): to use its rows too, move them '
                            'to "枠"']
    book = openpyxl.load_workbook(path)
    book["枠 (2)"].sheet_state = "hidden"
    book.save(path)
    assert _notes(path) == []


def test_a_required_skill_nobody_holds_is_named_at_its_cell(tmp_path):
    """`リーダー1` (a count run into the name): no roster could meet it, and solve said so without a cell."""
    sessions = [SESSION_ROWS[0], [*SESSION_ROWS[1][:7], "リーダー1"], SESSION_ROWS[2]]
    assert _notes(write_book(tmp_path / "k.xlsx", standard(枠=sessions))) == [
        'k.xlsx 枠!H2: nobody on the 職員 (staff) sheet holds the required skill "リーダー1" (if "リーダー" is meant, '
        "write its count after a colon: リーダー:1)"]
    spelled = [SESSION_ROWS[0], [*SESSION_ROWS[1][:7], "リーダー×1"], SESSION_ROWS[2]]
    assert _notes(write_book(tmp_path / "s.xlsx", standard(枠=spelled))) == []


def test_a_pay_cap_without_a_rate_and_an_unknown_home_are_said(tmp_path):
    """A cap the solver cannot keep (no hourly rate: no pay to count), and a 拠点 that names no site or
    area (every session would count as away): both passed without a word."""
    staff = [["職員ID", "氏名", "時給", "年間上限額", "拠点"], ["H001", "山田 花子", None, 1030000, "灘区"],
             ["H002", "佐藤 次郎", 1200, 1030000, "北区役所"]]
    sites = [["会場", "区"], ["灘", "灘区"], ["東灘", "東灘区"]]
    assert _notes(write_book(tmp_path / "p.xlsx", {**standard(職員=staff), "会場": sites})) == [
        "p.xlsx 職員!D2: 山田 花子 has an annual pay cap but no hourly rate: the pay cannot be counted, so the cap is "
        "not kept (write the hourly rate)",
        'p.xlsx 職員!E3: home "北区役所" is neither a site nor an area on the 会場 (sites) sheet: every session of '
        "this person counts as outside their area"]
    staff[2][4] = "東灘区役"
    assert _notes(write_book(tmp_path / "q.xlsx", {**standard(職員=staff), "会場": sites}))[1].endswith(
        'counts as outside their area (a slip for "東灘区"?)')


def test_a_home_without_the_bracketed_part_of_its_sites_name_is_that_site(tmp_path):
    """`北保健センター` for the site `北保健センター（2階）`: every session at her own centre counted as outside
    her area, and the import took it for a slip for 西保健センター."""
    staff = [["職員ID", "氏名", "拠点"], ["H001", "山田 花子", "北保健センター"], ["H002", "佐藤 次郎", "西保健センター"]]
    sites = [["会場", "区"], ["北保健センター（2階）", "北区"], ["西保健センター", "西区"]]
    path = write_book(tmp_path / "h.xlsx", {**standard(職員=staff), "会場": sites})
    assert not [n for n in _notes(path) if "home" in n]
    problem = read_workbooks([path])
    assert problem.staff_by_id("H001").home == next(s.name for s in problem.sites if s.name.startswith("北"))


def test_one_name_under_two_ids_is_said(tmp_path):
    """田中 花子 listed as J01 and again as J09 was placed in two sessions at the same time."""
    staff = [*STAFF_ROWS, ["H003", "山田　花子", "フッ化物"]]
    marks = [*MATRIX_ROWS, ["H003", "山田　花子", "○", "○"]]
    assert _notes(write_book(tmp_path / "d.xlsx", standard(職員=staff, 勤務可否=marks))) == [
        "d.xlsx 職員!B4: 山田 花子 has the same name as H001 (d.xlsx 職員!A2): one person listed under two IDs can be "
        "placed in two sessions at once and gets each limit twice; two people of the same name can stay as they are"]


def test_a_skill_no_session_asks_for_like_one_they_do_is_said(tmp_path):
    """保健士 for 保健師: the person never counted for the sessions' 保健師 and went unused, unsaid."""
    staff = [*STAFF_ROWS, ["H003", "高橋 恵", "リーダ"], ["H004", "中村 愛", "リーダ、フッ化物"]]
    marks = [*MATRIX_ROWS, ["H003", "高橋 恵", "○", "○"], ["H004", "中村 愛", "○", "○"]]
    assert _notes(write_book(tmp_path / "k.xlsx", standard(職員=staff, 勤務可否=marks))) == [
        'k.xlsx 職員!C4: skill "リーダ" is no session\'s required skill, so 高橋 恵、中村 愛 cannot fill a place that '
        'needs "リーダー" (a slip for "リーダー"? if so, correct it)']
    assert _notes(write_book(tmp_path / "n.xlsx", standard())) == []  # フッ化物, asked for by none, resembles none
    # who holds the one asked for too counts for it (a nursery's cooks: 調理員 and 調理師): not named
    staff = [*STAFF_ROWS, ["H003", "高橋 恵", "リーダ、リーダー"], ["H004", "中村 愛", "リーダ、フッ化物"]]
    assert _notes(write_book(tmp_path / "b.xlsx", standard(職員=staff, 勤務可否=marks))) == [
        'b.xlsx 職員!C5: skill "リーダ" is no session\'s required skill, so 中村 愛 cannot fill a place that '
        'needs "リーダー" (a slip for "リーダー"? if so, correct it)']
    staff = [*STAFF_ROWS, ["H003", "高橋 恵", "リーダ、リーダー"]]
    assert _notes(write_book(tmp_path / "c.xlsx", standard(職員=staff, 勤務可否=marks[:-1]))) == []


def test_a_remark_on_a_returned_form_is_said_at_its_cell(tmp_path):
    """`10時から` or `駐車場が必要` in a form's 備考: the roster cannot read it, so the import says it (it was
    dropped); hours there are said to belong in the 可否 cell, which reads them."""
    main = write_book(tmp_path / "main.xlsx", standard(勤務可否=None))
    answered = write_book(tmp_path / "h001.xlsx", {"勤務可否": form("H001", [["4/1", "水", "○", "10時から"],
                                                                             ["4/14", "火", "○", "駐車場が必要"]])})
    other = write_book(tmp_path / "h002.xlsx", {"勤務可否": form("H002", [["4/1", "水", "○"]])})
    assert _notes(main, answered, other) == [
        'h001.xlsx 勤務可否!D7: remark on the form (4/1): "10時から". Hours in the remarks are not read: written in the '
        '可否 cell, "10時から" keeps the person to sessions inside them',
        'h001.xlsx 勤務可否!D8: remark on the form (4/14): "駐車場が必要". The roster cannot read it: mend the marks or '
        "the roster by hand if it matters"]


def test_a_maximum_of_a_skill_is_read_and_one_written_otherwise_is_said(tmp_path):
    """`新人<=1` was a skill nobody holds, refused at solve by 60 lines: it is a most now (as
    `保健師:2〜3` is a least and a most); a most written in words the cell does not read says how."""
    sessions = [SESSION_ROWS[0], [*SESSION_ROWS[1][:7], "リーダー:1、新人<=1"], SESSION_ROWS[2]]
    path = write_book(tmp_path / "m.xlsx", standard(枠=sessions))
    assert _notes(path) == ['m.xlsx 枠!H2: nobody on the 職員 (staff) sheet holds the skill "新人", so its most keeps '
                            "nobody out for now (if some do, write it in the staff's skills column)"]
    [req] = [r for r in read_workbooks([path]).requirements if r.site == "灘"]
    assert req.required_skills == (("リーダー", 1),) and req.skill_caps == (("新人", 1),)
    sessions = [SESSION_ROWS[0], [*SESSION_ROWS[1][:7], "新人1人以下"], SESSION_ROWS[2]]  # a count without its colon
    [req] = [r for r in read_workbooks([write_book(tmp_path / "c.xlsx", standard(枠=sessions))]).requirements
             if r.site == "灘"]
    assert req.required_skills == () and req.skill_caps == (("新人", 1),)
    sessions = [SESSION_ROWS[0], [*SESSION_ROWS[1][:7], "新人一人まで"], SESSION_ROWS[2]]
    [note] = _notes(write_book(tmp_path / "w.xlsx", standard(枠=sessions)))
    assert note.endswith('holds the required skill "新人一人まで" (write a most as least〜most: 新人:0〜1 for at most '
                         "one 新人, 保健師:2〜3)")


def test_a_blank_form_of_someone_whose_staff_row_has_a_problem_is_said_by_id(tmp_path):
    """Found by the fuzz test: H001's 職員 row without a name (a problem) and H001's form returned blank
    raised KeyError (an internal error) instead of listing the problem."""
    staff = [STAFF_ROWS[0], ["H001", None, "リーダー"], STAFF_ROWS[2]]
    main = write_book(tmp_path / "main.xlsx", {**standard(職員=staff, 勤務可否=None), "設定": BLANK_AVAILABLE})
    blank = write_book(tmp_path / "h001.xlsx", {"勤務可否": form("H001", [["4/1", "水", None]])})
    with pytest.raises(InvalidInput) as caught:
        read_workbooks([main, blank])
    assert any(p.sheet == "職員" and p.cell == "B2" for p in caught.value.problems)


def test_a_person_who_could_fill_two_roles_of_a_session_all_of_whose_places_are_roles_is_noted(tmp_path):
    """リーダー:1、フッ化物:1 for two people, and 山田 holds both: she counts for both and the second
    place goes to anyone, unless 設定 says each skill needs its own people."""
    sessions = [SESSION_ROWS[0], [*SESSION_ROWS[1][:5], 2, 2, "リーダー:1、フッ化物:1"], SESSION_ROWS[2]]
    path = write_book(tmp_path / "r.xlsx", standard(枠=sessions))
    [note] = [n for n in _notes(path) if "required skills" in n]
    assert note.startswith("r.xlsx 枠!H2: required skills リーダー、フッ化物: 山田 花子（リーダー・フッ化物）")
    distinct = write_book(tmp_path / "d.xlsx", {**standard(枠=sessions), "設定": [
        ["項目", "値"], ["必要スキル.スキルごとに別の職員", "はい"]]})
    from solver.rules import CATALOGUE

    notes: list[InputProblem] = []
    problem = read_workbooks([distinct], CATALOGUE, notes=notes)
    assert not [n for n in map(str, notes) if "required skills" in n]
    assert problem.rules["required_skills"].params["distinct"] is True
    # roles that leave places for anyone (a ward's leader among five): a person counting twice is meant
    wider = [SESSION_ROWS[0], [*SESSION_ROWS[1][:5], 3, 3, "リーダー:1、フッ化物:1"], SESSION_ROWS[2]]
    assert not [n for n in _notes(write_book(tmp_path / "w.xlsx", standard(枠=wider))) if "required skills" in n]


def test_a_marks_row_whose_name_is_not_its_ids_is_noted_at_the_name(tmp_path):
    """The name column sorted alone: H001's row says 佐藤 次郎. It is read by its ID, and said."""
    swapped = [MATRIX_ROWS[0], ["H001", "佐藤 次郎", "○", "×"], ["H002", "山田花子", "△", "午前"]]
    notes = [n for n in _notes(write_book(tmp_path / "r.xlsx", standard(勤務可否=swapped))) if "staff ID" in n]
    assert notes == ["r.xlsx 勤務可否!B2: name '佐藤 次郎' is not 山田 花子, whom staff ID H001 is on the staff sheet "
                     "('佐藤 次郎' is H002 on the staff sheet): the row was read as H001 山田 花子's marks; check that "
                     "sorting did not shift the names",
                     "r.xlsx 勤務可否!B3: name '山田花子' is not 佐藤 次郎, whom staff ID H002 is on the staff sheet "
                     "('山田花子' is H001 on the staff sheet): the row was read as H002 佐藤 次郎's marks; check that "
                     "sorting did not shift the names"]
    # the same names with or without a space are the same person
    assert not [n for n in _notes(write_book(tmp_path / "s.xlsx", standard(勤務可否=[
        MATRIX_ROWS[0], ["H001", "山田花子", "○", "×"], MATRIX_ROWS[2]]))) if "staff ID" in n]


def test_a_table_on_a_sheet_haichi_does_not_read_by_name_is_noted(tmp_path):
    """Availability on sheets named 4月 and 5月 was left unread without a word; a sheet of notes, or
    a staff list of numbers, is passed over in silence."""
    month = [["4月 出務可能日調査"], [], ["職員ID", "氏名", *range(1, 8)], ["H001", "山田 花子", *("○" * 7)]]
    phones = [["氏名", "電話"], ["山田 花子", "078-000-0000"]]
    sheets = {**standard(), "4月": month, "連絡先": phones, "メモ": [["来月は会場が変わる"]]}
    notes = [n for n in _notes(write_book(tmp_path / "r.xlsx", sheets)) if "was not read" in n]
    assert notes == ['r.xlsx 4月: sheet "4月" looks like a 勤務可否 table but was not read, as its name is not one '
                     'Haichi reads: name it "勤務可否_4月"']


def test_sheets_of_marks_under_other_names_are_read_when_no_sheet_is_named_for_them(tmp_path):
    """A ward's only sheet of marks, 1月勤務希望, was left unread with a note, and under 空欄の扱い 可
    everyone was free every day: 46 shifts on wished days off. With no 勤務可否 sheet, every sheet
    holding a matrix of people and dates is read as one, each said."""
    april = [["4月 勤務希望表"], [], ["職員ID", "氏名", *(datetime(2026, 4, d) for d in (1, 2, 3))],
             ["H001", "山田 花子", "×"]]
    later = [["職員ID", "氏名", *(datetime(2026, 4, d) for d in (12, 13, 14))], ["H002", "佐藤 次郎", None, None, "希"]]
    path = write_book(tmp_path / "w.xlsx", {**standard(勤務可否=None), "設定": BLANK_AVAILABLE,
                                            "4月勤務希望": april, "4月後半": later})
    notes: list = []
    problem = read_workbooks([path], notes=notes)
    assert problem.availability == {("H001", date(2026, 4, 1)): Mark.UNAVAILABLE,
                                    ("H002", date(2026, 4, 14)): Mark.UNAVAILABLE}
    assert [str(n) for n in notes if "was read as" in str(n)] == [
        'w.xlsx 4月勤務希望: sheet "4月勤務希望" was read as the 勤務可否 table (no sheet is named 勤務可否)',
        'w.xlsx 4月後半: sheet "4月後半" was read as the 勤務可否 table (no sheet is named 勤務可否)']


def test_an_import_without_any_sheet_of_marks_says_everyone_is_free_when_blank_means_so(tmp_path):
    """Staff and sessions alone (the forms go out next) under 空欄の扱い 可: every day of everyone is
    ○, said; under × (the default) `haichi import` says to send the forms instead."""
    sheets = {**standard(勤務可否=None), "設定": BLANK_AVAILABLE}
    notes: list = []
    read_workbooks([write_book(tmp_path / "a.xlsx", sheets)], marks_optional=True, notes=notes)
    assert [str(n) for n in notes] == [
        "a.xlsx: no 勤務可否 (availability) sheet: every day of everyone counts as blank, which 空欄の扱い "
        "(blank_means) makes ○ (can work); if the marks are on a sheet of another name, name it 勤務可否"]
    notes = []
    read_workbooks([write_book(tmp_path / "b.xlsx", standard(勤務可否=None))], marks_optional=True, notes=notes)
    assert notes == []
    # a sheet nothing was read from is named: a nursery's 希望休 calendar (weeks down, names in the day cells)
    calendar = [["5月", None, None], ["月", "火", "水"], ["3 山田", "4", "5 佐藤"]]
    notes = []
    read_workbooks([write_book(tmp_path / "c.xlsx", {**sheets, "希望休カレンダー": calendar})], marks_optional=True,
                   notes=notes)
    assert [str(n) for n in notes][-1].endswith(
        "; sheets not read: 「希望休カレンダー」 (if they hold days off asked for, make them a 勤務可否 table, a row per "
        "person and a column per date)")


def test_the_one_sheet_holding_the_staff_table_stands_in_for_a_missing_staff_sheet(tmp_path):
    """A 医局's 医師一覧 was refused as "no sheet 職員"; with no sheet of that name, the one sheet
    holding a staff table is read as it, said in a note. Two such sheets stay refused."""
    sheets = standard()
    doctors = {"医師一覧" if name == "職員" else name: rows for name, rows in sheets.items()}
    notes: list = []
    problem = read_workbooks([write_book(tmp_path / "d.xlsx", doctors)], notes=notes)
    assert [p.id for p in problem.staff] == ["H001", "H002"]
    assert [str(n) for n in notes] == ['d.xlsx 医師一覧: sheet "医師一覧" was read as the 職員 table (no sheet is named 職員)']
    with pytest.raises(InvalidInput):
        read_workbooks([write_book(tmp_path / "two.xlsx", {**doctors, "看護師一覧": sheets["職員"]})])


def test_a_sheet_of_places_under_another_name_stands_in_for_the_sites_sheet(tmp_path):
    """A home-care office's clients on 利用者一覧 (利用者名, 地区) were skipped without a word, and
    every client lost its 区; a sheet holding the sites table under another name is read as 会場."""
    clients = [["会場名", "地区"], ["灘", "北地区"], ["東灘", "南地区"]]
    notes: list = []
    problem = read_workbooks([write_book(tmp_path / "c.xlsx", {**standard(), "お客様": clients})], notes=notes)
    assert {s.name: s.area for s in problem.sites} == {"灘": "北地区", "東灘": "南地区"}
    assert [str(n) for n in notes] == ['c.xlsx お客様: sheet "お客様" was read as the 会場 table (no sheet is named 会場)']
    named = read_workbooks([write_book(tmp_path / "n.xlsx", {**standard(), "利用者一覧": [["利用者名", "地区"],
                                                                                      *clients[1:]]})])
    assert {s.name: s.area for s in named.sites} == {"灘": "北地区", "東灘": "南地区"}


def test_marks_a_year_off_the_period_say_to_check_the_year(tmp_path):
    """2026/4/10 typed in a plan of April 2027: widening the period was no advice."""
    from datetime import datetime

    marks = [[*MATRIX_ROWS[0], datetime(2025, 4, 10)], [*MATRIX_ROWS[1], "○"], [*MATRIX_ROWS[2], "○"]]
    [note] = [n for n in _notes(write_book(tmp_path / "r.xlsx", standard(勤務可否=marks))) if "outside" in n]
    assert "2025-04-10" in note and "a year later they would be inside it: check the year" in note


def test_days_of_the_week_make_the_other_days_unavailable_unless_marked(tmp_path):
    """A doctor on 火・木 only: blanks on other days are ×, a mark written on one of them still counts."""
    staff = [["職員ID", "氏名", "勤務曜日"], ["H001", "山田 花子", "火・木"], ["H002", "佐藤 次郎", None]]
    marks = [["職員ID", "氏名", datetime(2026, 4, 1), datetime(2026, 4, 2), datetime(2026, 4, 8), datetime(2026, 4, 14)],
             ["H001", "山田 花子", None, None, "○", None], ["H002", "佐藤 次郎", None, None, None, None]]
    settings = [*BLANK_AVAILABLE, ["期間開始", datetime(2026, 4, 1)], ["期間終了", datetime(2026, 4, 14)]]
    problem = read_workbooks([write_book(tmp_path / "w.xlsx", {**standard(職員=staff, 勤務可否=marks), "設定": settings})])
    assert problem.staff_by_id("H001").weekdays == "火木"
    wednesday, thursday, next_wednesday = date(2026, 4, 1), date(2026, 4, 2), date(2026, 4, 8)
    assert problem.mark("H001", wednesday) is Mark.UNAVAILABLE and problem.mark("H001", thursday) is Mark.AVAILABLE
    assert problem.mark("H001", next_wednesday) is Mark.AVAILABLE  # this month's exception, written
    assert problem.mark("H002", wednesday) is Mark.AVAILABLE
    student = problem.with_(staff=[replace(problem.staff_by_id("H001"), weekdays="土日祝"), problem.staff_by_id("H002")])
    assert student.mark("H001", date(2026, 4, 29)) is Mark.AVAILABLE  # 昭和の日, a Wednesday
    assert student.mark("H001", date(2026, 4, 30)) is Mark.UNAVAILABLE and student.mark("H001", date(2026, 4, 4)) is Mark.AVAILABLE
    notes: list = []
    read_workbooks([write_book(tmp_path / "w.xlsx", {**standard(職員=staff, 勤務可否=marks), "設定": settings})],
                   notes=notes)
    assert [str(n) for n in notes] == [  # the exception is said: a sheet handed out full of ○ undid the weekdays
        "w.xlsx 職員!C2: days outside their 勤務曜日 are marked as workable: 山田 花子 (火・木): 1 days: 4/8; a written mark "
        "is read as that month's exception, so they may work those days; to keep to the weekdays, make those days "
        "× or blank"]
    bad = [staff[0], ["H001", "山田 花子", "第2水曜"], staff[2]]
    with pytest.raises(InvalidInput) as refused:
        read_workbooks([write_book(tmp_path / "b.xlsx", standard(職員=bad))])
    assert 'w.xlsx' not in str(refused.value) and '職員!C2: cannot read the days of the week "第2水曜"' in str(refused.value)


def test_days_written_in_a_limit_of_sessions_are_said(tmp_path):
    """月上限 16日 was taken as 16 sessions without a word; the days go in 月日数上限."""
    staff = [["職員ID", "氏名", "月上限", "週上限"], ["H001", "山田 花子", "16日", 3], ["H002", "佐藤 次郎", None, "3日"]]
    notes = _notes(write_book(tmp_path / "d.xlsx", standard(職員=staff)))
    assert notes == [
        "d.xlsx 職員!C2: 月上限 counts sessions (16 days read as 16 sessions): a limit of days goes in the 月日数上限 column",
        "d.xlsx 職員!D3: 週上限 counts sessions (3 days read as 3 sessions): a limit of days goes in the 週日数上限 column"]
    problem = read_workbooks([tmp_path / "d.xlsx"])
    assert problem.staff_by_id("H001").max_per_month == 16 and problem.staff_by_id("H001").max_days_per_month is None


def test_skills_any_of_which_will_do(tmp_path):
    """An exam needs one 教員 or 職員 beside its TAs: `教員/職員:1` was read as a 教員 and a 職員."""
    staff = [["職員ID", "氏名", "スキル"], ["H001", "山田 花子", "教員"], ["H002", "佐藤 次郎", "職員"]]
    sessions = [SESSION_ROWS[0], [*SESSION_ROWS[1][:7], "教員/職員:1"], [*SESSION_ROWS[2][:7], "教員または職員 1名"]]
    notes: list = []
    problem = read_workbooks([write_book(tmp_path / "e.xlsx", standard(職員=staff, 枠=sessions))], notes=notes)
    assert {r.required_skills for r in problem.requirements} == {(("教員または職員", 1),)}
    assert all("教員または職員" in s.skills for s in problem.staff) and notes == []
    from solver.evaluate import evaluate
    from models.domain import Roster, Assignment
    first = next(r for r in problem.requirements if r.min_staff == 2)
    one_clerk = Roster([Assignment("H002", first.id)])  # the 職員 fills the 教員または職員 place
    assert not [v for v in evaluate(problem, one_clerk).violations
                if v.rule_id == "required_skills" and v.requirement_id == first.id]


def test_a_typo_in_one_part_of_an_either_skill_is_said_on_both_sheets(tmp_path):
    """`介護福祉師/初任者研修:1` and a helper's `初任者研習` were read without a word: the other part's
    holders filled the place, and the helper never counted."""
    staff = [["職員ID", "氏名", "スキル"], ["H001", "山田 花子", "介護福祉士"], ["H002", "佐藤 次郎", "初任者研習"]]
    sessions = [SESSION_ROWS[0], [*SESSION_ROWS[1][:7], "介護福祉師/初任者研修:1"], [*SESSION_ROWS[2][:7], None]]
    found = _notes(write_book(tmp_path / "t.xlsx", standard(職員=staff, 枠=sessions)))
    assert any("枠!H2" in n and '"介護福祉師"' in n and '"介護福祉士"' in n for n in found), found
    assert any("枠!H2" in n and '"初任者研修"' in n and '"初任者研習"' in n for n in found), found  # nobody holds it
    staff.append(["H003", "鈴木 三郎", "初任者研修"])  # now someone does: the helper's typo is said where she is
    found = _notes(write_book(tmp_path / "u.xlsx", standard(職員=staff, 枠=sessions)))
    assert any("職員!C3" in n and '"初任者研習"' in n and '"初任者研修"' in n for n in found), found


def test_many_kinds_of_sessions_counting_one_person_twice_are_said_in_four_notes(tmp_path):
    """An exam office's 102 notes, one an exam (each with its own 担当 skill): three said, the rest counted."""
    staff = [["職員ID", "氏名", "スキル"], *(["H%03d" % i, f"教員 {i}", f"教員、科目{i}担当"] for i in range(1, 7))]
    sessions = [SESSION_ROWS[0], *([datetime(2026, 4, 1 + i), "灘", f"科目{i}", time(9), time(10), 2, 2,
                                    f"教員:1、科目{i}担当:1"] for i in range(1, 7))]
    marks = [["職員ID", "氏名", *(datetime(2026, 4, 1 + i) for i in range(1, 7))],
             *(["H%03d" % i, f"教員 {i}", *("○" * 6)] for i in range(1, 7))]
    notes = _notes(write_book(tmp_path / "x.xlsx", standard(職員=staff, 枠=sessions, 勤務可否=marks)))
    twice = [n for n in notes if "count for several" in n or "counts for both" in n]
    assert len(twice) == 4 and "the same holds for 3 more kinds of sessions' required skills" in twice[-1]


def test_columns_haichi_does_not_read_are_named_at_their_header(tmp_path):
    """A home-care office's 性別 column was passed over without a word, and men sent to clients who
    need a woman; a running number and the 曜日 beside a session's date need no word."""
    staff = [["No", "職員ID", "氏名", "性別", "電話"], *([i + 1, *row, "女", "000"] for i, row in enumerate(STAFF_ROWS[1:]))]
    sessions = [[SESSION_ROWS[0][0], "曜日", *SESSION_ROWS[0][1:]], *([row[0], "水", *row[1:]] for row in SESSION_ROWS[1:])]
    path = write_book(tmp_path / "o.xlsx", standard(職員=staff, 枠=sessions))
    assert _notes(path) == [
        "o.xlsx 職員!D1: the columns 「性別」、「電話」 were not read (no column Haichi knows by that name; to use them in "
        "the roster, give them a name from the 記入方法 sheet, or write them as skills or notes)"]


def test_remarks_are_kept_as_typed_and_a_sites_remarks_need_no_word(tmp_path):
    """`扶養内（週20時間）` came back as `扶養内(週20時間)`; a 会場 sheet's 備考 was noted on every import."""
    sessions = [SESSION_ROWS[0] + ["備考"], SESSION_ROWS[1] + ["持ち物（白衣）"], SESSION_ROWS[2] + [None]]
    sites = [["会場", "区", "備考"], ["灘", "灘区", "駐車場なし"], ["東灘", "東灘区", None]]
    path = write_book(tmp_path / "r.xlsx", standard(枠=sessions, 会場=sites))
    assert _notes(path) == []
    problem = read_workbooks([path])
    assert next(r.notes for r in problem.requirements if r.site == "灘") == "持ち物（白衣）"


def test_a_count_column_said_to_hold_hours_is_read_as_hours(tmp_path):
    """`週上限（時間）` 20 was read as 20 sessions a week, and `月の上限時間` was not read at all."""
    staff = [["職員ID", "氏名", "週上限（時間）", "月の上限時間", "月上限(回)"], ["H001", "山田 花子", 20, "80時間", 12],
             ["H002", "佐藤 次郎", None, None, None]]
    problem = read_workbooks([write_book(tmp_path / "h.xlsx", standard(職員=staff))])
    first = problem.staff_by_id("H001")
    assert (first.max_minutes_per_week, first.max_minutes_per_month, first.max_per_week, first.max_per_month) == (
        20 * 60, 80 * 60, None, 12)


def test_headers_whose_words_say_the_field_are_read(tmp_path):
    """A care home's `資格・スキル` and `週の労働時間上限` were not read: every skill, and a 20-hour cap, gone."""
    staff = [["職員ID", "氏名", "資格・スキル", "週の労働時間上限", "月の勤務時間の下限"],
             ["H001", "山田 花子", "リーダー、フッ化物", "20時間", 40], ["H002", "佐藤 次郎", "フッ化物", None, None]]
    sessions = [[*SESSION_ROWS[0][:7], "必要な資格・スキル"], *SESSION_ROWS[1:]]
    path = write_book(tmp_path / "g.xlsx", standard(職員=staff, 枠=sessions))
    assert _notes(path) == []
    problem = read_workbooks([path])
    first = problem.staff_by_id("H001")
    assert first.skills == {"リーダー", "フッ化物"} and first.max_minutes_per_week == 20 * 60
    assert first.min_minutes_per_month == 40 * 60
    assert next(r for r in problem.requirements if r.site == "灘").required_skills == (("リーダー", 1),)


def test_headers_of_caps_of_days_and_sessions_in_words_are_read(tmp_path):
    """A polling office's `勤務日数の上限` (立会人: 3 days) was dropped with a note, and one worked 6."""
    staff = [["職員ID", "氏名", "勤務日数の上限", "週の勤務日数の上限", "月の上限回数", "連続勤務の上限"],
             ["H001", "山田 花子", 3, 2, 5, 4], ["H002", "佐藤 次郎", None, None, None, None]]
    path = write_book(tmp_path / "d.xlsx", standard(職員=staff))
    assert _notes(path) == []
    first = read_workbooks([path]).staff_by_id("H001")
    assert (first.max_days_per_month, first.max_days_per_week, first.max_per_month, first.max_consecutive_days) == \
        (3, 2, 5, 4)


def test_headers_of_pay_in_an_offices_own_words_are_read(tmp_path):
    """An office's `支給済額` was dropped with a note among 12, and 22 of 25 capped people went over 103万円."""
    staff = [["職員ID", "氏名", "時間給", "扶養上限額", "支給済額（1月まで）"],
             ["H001", "山田 花子", 1250, "103万円", 900000], ["H002", "佐藤 次郎", None, None, None]]
    path = write_book(tmp_path / "p.xlsx", standard(職員=staff))
    # read, and said: an April plan by the fiscal year (the default) cannot have had anything paid yet
    assert [n.split(":")[0] for n in _notes(path)] == ["p.xlsx 職員!E2"]
    first = read_workbooks([path]).staff_by_id("H001")
    assert (first.hourly_rate, first.annual_pay_cap, first.paid_this_year) == (1250, 1030000, 900000)


def test_a_day_of_the_plan_without_a_column_is_said(tmp_path):
    """A care home's 1/31 typed as `2/1(月)`: everyone blank that day, said only as a mark outside the plan."""
    settings = [["項目", "値"], ["期間開始", "2026-04-01"], ["期間終了", "2026-04-03"]]
    marks = [["職員ID", "氏名", datetime(2026, 4, 1), datetime(2026, 4, 3)], ["H001", "山田 花子", "○", "○"],
             ["H002", "佐藤 次郎", "○", "×"]]
    sessions = [SESSION_ROWS[0], SESSION_ROWS[1], [datetime(2026, 4, 2), *SESSION_ROWS[1][1:]]]
    found = _notes(write_book(tmp_path / "c.xlsx", standard(枠=sessions, 勤務可否=marks, 設定=settings)))
    assert "c.xlsx 勤務可否!A1: no 勤務可否 column for 4/2: everyone without a returned form counts as blank that day, " \
           "which 空欄の扱い (blank_means) makes × (cannot work) (a date mistyped?)" in found


def test_a_mark_under_a_day_the_month_does_not_have_is_said(tmp_path):
    """June's sheet copied from May's kept its 31 column, a × in it: dropped without a word."""
    numbers = [["職員ID", "氏名", *range(1, 32)], ["H001", "山田 花子", *(["○"] * 30), "×"],
               ["H002", "佐藤 次郎", *(["○"] * 30), None]]
    sheets = {**standard(勤務可否=None), "勤務可否_4月": numbers}
    found = _notes(write_book(tmp_path / "d.xlsx", sheets))
    assert "d.xlsx 勤務可否_4月!AG1: there is no day 4/31, so the marks in this column were not read (a column copied " \
           "from last month's sheet: delete it)" in found


def test_a_session_called_off_in_its_count_is_closed_and_in_its_remark_is_said(tmp_path):
    """`中止` in 枠 備考 was staffed, printed and paid; in 必要人数 it was refused as no count."""
    sessions = [[*SESSION_ROWS[0], "目標人数", "備考"], [*SESSION_ROWS[1][:5], "中止", None, None, None, None],
                [*SESSION_ROWS[2], None, "中止"],
                # a city's cancelled session: 中止 in 必要人数 beside its 最大人数 and 目標人数 had kept 8 people
                [datetime(2026, 4, 2), "灘", "3歳児健診", time(13, 0), time(16, 0), "中止", 10, "リーダー:1", 8, None],
                # 0 beside a 最大人数 and 必要スキル is staffed for its skills: said
                [datetime(2026, 4, 3), "灘", "3歳児健診", time(13, 0), time(16, 0), 0, 10, "リーダー:1", None, None]]
    path = write_book(tmp_path / "c.xlsx", standard(枠=sessions))
    notes = [n for n in _notes(path) if "4/3: everyone without" not in n]
    assert [(r.site, r.date.day) for r in read_workbooks([path]).requirements] == [("東灘", 14), ("灘", 3)]
    assert notes == ['c.xlsx 枠!J3: note "中止": this session is staffed; if it is called off, write 中止 as its 必要人数',
                     "c.xlsx 枠!F5: 必要人数 is 0, yet the session is staffed for its 必要スキル (1) and up to its 最大人数; "
                     "if it is called off, write 中止 as its 必要人数"]


def test_remarks_on_staff_that_say_when_someone_can_work_are_said_once(tmp_path):
    """A doctor's `5/10〜5/14 不可` and `午前のみ` on 職員!備考 were left unread, unsaid: he worked 5/13 and six
    afternoons. One note for all (a register's remarks often repeat its marks); other remarks none."""
    staff = [["職員ID", "氏名", "備考"], ["H001", "山田 花子", "5/10〜5/14 不可"], ["H002", "佐藤 次郎", "午前のみ"],
             ["H003", "鈴木 三郎", "扶養内"], ["H004", "高橋 四郎", "午前のみ（子育て中）"]]
    # H004's marks already keep to her remark (午前 or × every weekday), H002's do not (○ on 4/14, a Tuesday)
    marks = [MATRIX_ROWS[0], MATRIX_ROWS[1], ["H002", "佐藤 次郎", "△", "○"], ["H003", "鈴木 三郎", "○", "○"],
             ["H004", "高橋 四郎", "午前", "×"]]
    assert _notes(write_book(tmp_path / "r.xlsx", standard(職員=staff, 勤務可否=marks))) == [
        "r.xlsx 職員!C2: 山田 花子's remark \"5/10〜5/14 不可\" and 1 other remark(s) on staff say when people can "
        "work, which the roster does not read: check that 勤務可否 (× or 午前) and 勤務曜日 say it"]


def test_a_date_in_active_gives_the_days_someone_is_in_the_register(tmp_path):
    """`2/15退職` could not be written: only × on every later day, or 退職 for the whole month."""
    staff = [["職員ID", "氏名", "在籍"], ["H001", "山田 花子", "4/10退職"], ["H002", "佐藤 次郎", "4/5から"]]
    marks = [["職員ID", "氏名", *(datetime(2026, 4, d) for d in (1, 10, 14))], ["H001", "山田 花子", "○", "○", "○"],
             ["H002", "佐藤 次郎", "○", "○", "○"]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=staff, 勤務可否=marks))])
    assert [problem.mark("H001", date(2026, 4, d)) for d in (1, 10, 14)] == [Mark.AVAILABLE, Mark.AVAILABLE,
                                                                           Mark.UNAVAILABLE]
    assert [problem.mark("H002", date(2026, 4, d)) for d in (1, 10, 14)] == [Mark.UNAVAILABLE, Mark.AVAILABLE,
                                                                           Mark.AVAILABLE]
    assert all(person.active for person in problem.staff)
    bad = [staff[0], ["H001", "山田 花子", "4/31退職"], staff[2]]
    with pytest.raises(InvalidInput) as refused:
        read_workbooks([write_book(tmp_path / "b.xlsx", standard(職員=bad, 勤務可否=marks))])
    assert [p.cell for p in refused.value.problems] == ["C2"]


def test_an_amount_paid_this_year_on_a_plan_starting_the_year_is_said(tmp_path):
    """An April plan kept March's 年間支給済額: nothing can have been paid in a year that starts with the plan."""
    staff = [["職員ID", "氏名", "時給", "年間上限額", "年間支給済額"], ["H001", "山田 花子", 1200, "103万", "850000"],
             ["H002", "佐藤 次郎", 1200, "103万", None]]
    notes = [n for n in _notes(write_book(tmp_path / "a.xlsx", standard(職員=staff))) if "年間支給済額" in n]
    assert notes == ["a.xlsx 職員!E2: the plan starts on the first day of fiscal 2026, yet 1 people have a 年間支給済額 "
                     "(amount paid this year; the caps are kept against what is left after it): last year's amount "
                     "left in? For a cap on a calendar year's income (扶養), set 年間支給額の上限.年の始まり（月） to 1 on "
                     "the 設定 sheet"]
    settings = [["項目", "値"], ["期間開始", "2026/4/2"], ["期間終了", "2026/4/30"]]
    later = {**standard(職員=staff, 枠=[SESSION_ROWS[0], SESSION_ROWS[2]]), "設定": settings}
    assert not [n for n in _notes(write_book(tmp_path / "b.xlsx", later)) if "年間支給済額" in n]


def test_named_columns_of_words_beside_a_matrix_are_said(tmp_path):
    """A 医局's `当直希望日 | 備考` right of the dates (`学会 3/18-3/20` in it) were left unread unsaid; a column of
    counts passes."""
    marks = [[*MATRIX_ROWS[0], "出勤日数", "希望日", "備考"], [*MATRIX_ROWS[1], 1, "4/3", "学会 4/10-4/12"],
             [*MATRIX_ROWS[2], 2, None, None]]
    notes = [n for n in _notes(write_book(tmp_path / "m.xlsx", standard(勤務可否=marks))) if "were not read" in n]
    assert notes == ["m.xlsx 勤務可否!F1: the columns 「希望日」、「備考」 were not read (an availability matrix is read by "
                     "its 職員ID, 氏名 and date columns; list dates in 可能日 or 不可日 on 職員, and write a day's reason as "
                     "its mark)"]
    said = [n for n in _notes(write_book(tmp_path / "m.xlsx", standard(勤務可否=marks))) if "say when" in n]
    assert said == ['m.xlsx 勤務可否!F2: 山田 花子\'s "4/3" and 1 more say when people can work, which the roster does '
                    "not read: write 午前, 午後 or × in that day's column"]
    marks[2][-1] = "4/14は午前のみ"  # an exam office's `2/25は午前のみ` beside ○ ○, put on the afternoon refused
    said = [n for n in _notes(write_book(tmp_path / "n.xlsx", standard(勤務可否=marks))) if "say when" in n]
    assert said == ['n.xlsx 勤務可否!F2: 山田 花子\'s "4/3" and 2 more say when people can work, which the roster does '
                    "not read: write 午前, 午後 or × in that day's column"]


def test_skills_making_up_a_session_with_room_above_are_said_to_be_at_least(tmp_path):
    """A health centre's `歯科医師:1` in a session of 目標 10 made up by its skills had 3 dentists: a count is
    "at least", said once with how to write exactly (`歯科医師:1〜1`); a session whose skills all have a most, or
    with no room above them, is not named."""
    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数", "最大人数", "必要スキル"],
                [datetime(2026, 4, 1), "灘", "3歳児健診", time(13), time(16), 2, 3, "リーダー:1、フッ化物:1"],
                [datetime(2026, 4, 14), "東灘", "3歳児健診", time(9), time(12), 2, 3, "リーダー:1〜1、フッ化物:1〜2"]]
    notes: list[InputProblem] = []
    read_workbooks([write_book(tmp_path / "t.xlsx", standard(職員=STAFF_ROWS, 枠=sessions, 勤務可否=MATRIX_ROWS))],
                   notes=notes)
    [said] = [n for n in notes if "at least" in n.message]
    assert (said.sheet, said.cell) == ("枠", "A2") and "リーダー:1〜1" in said.message and "4/1 灘" in said.message


def test_an_id_by_another_name_a_home_ward_and_a_count_of_days_are_read(tmp_path):
    """A consultation office's register: `相談員ID` (its 勤務可否 keyed on it too), `居住区`, and `週上限（日）`
    of 2 days had been passed over, or read as 2 sessions a week; a phone number is no ID."""
    staff = [["相談員ID", "氏名", "居住区", "週上限（日）", "月上限（日）", "電話番号"],
             ["S001", "山田 花子", "灘区", "2日", 8, "078-000-0000"], ["S002", "佐藤 次郎", None, None, None, None]]
    matrix = [["相談員ID", "氏名", *MATRIX_ROWS[0][2:]], ["S001", "山田 花子", *MATRIX_ROWS[1][2:]],
              ["S002", "佐藤 次郎", *MATRIX_ROWS[2][2:]]]
    problem = read_workbooks([write_book(tmp_path / "c.xlsx", standard(職員=staff, 勤務可否=matrix))])
    first = problem.staff_by_id("S001")
    assert (first.home, first.max_days_per_week, first.max_days_per_month, first.max_per_week) == ("灘区", 2, 8, None)
    assert {s for s, _ in problem.availability} == {"S001", "S002"}


def test_limits_written_as_words_in_a_conditions_column_are_read(tmp_path):
    """`月8回まで、週2日まで` under 勤務条件 had been passed over with a note, and a counsellor placed 10 times; a
    column of its own still wins, and a clause that is no limit is said at its cell."""
    staff = [["職員ID", "氏名", "月上限", "勤務条件"], ["H001", "山田 花子", None, "月8回まで、週2日まで"],
             ["H002", "佐藤 次郎", 4, "月6回まで・土日不可"]]
    notes: list[InputProblem] = []
    problem = read_workbooks([write_book(tmp_path / "w.xlsx", standard(職員=staff))], notes=notes)
    first, second = problem.staff_by_id("H001"), problem.staff_by_id("H002")
    assert (first.max_per_month, first.max_days_per_week, second.max_per_month) == (8, 2, 4)
    [said] = [n for n in notes if n.cell == "D3"]
    assert "土日不可" in said.message
