"""The 設定 sheet as coordinators write it: a setting given twice, numbers with units, odd separators."""

from __future__ import annotations

import pytest
from workbooks import standard, write_book

from models.domain import Mark, TravelBuffers
from models.errors import InvalidInput
from models.excel.importer import read_workbooks
from models.rulemeta import Param, RuleInfo

CATALOGUE = (
    RuleInfo("cover_min", "最低人数", "Minimum cover", True, 100),
    RuleInfo(
        "pay_cap", "年間支給額の上限", "Annual pay cap", True, 100,
        (Param("annual_pay_cap", int, None, "年間上限額（円）", "annual pay cap (yen)", 0, 10_000_000_000),
         Param("min_rest_minutes", int, None, "最低休息（分）", "minimum rest (minutes)", 0, 2880)),
    ),
    RuleInfo("fairness", "公平性", "Fairness", False, 2, can_be_hard=False),
)


pytestmark = pytest.mark.usefixtures("japanese")


def problems_of(*paths):
    with pytest.raises(InvalidInput) as caught:
        read_workbooks(list(paths), CATALOGUE)
    return [(p.file, p.sheet, p.cell, p.message) for p in caught.value.problems]


def test_a_setting_given_twice_with_different_values_is_refused(tmp_path):
    settings = [
        ["項目", "値"],
        ["空欄の扱い", "不可"], ["移動時間_他グループ", 60], ["cover_min.weight", 1000],
        ["blank_means", "可"], ["移動時間_他グループ", "９０分"], ["最低人数.重み", 10],
    ]
    path = write_book(tmp_path / "a.xlsx", {**standard(), "設定": settings})
    assert problems_of(path) == [
        ("a.xlsx", "設定", "A5", '設定「blank_means」が2回あり、値が食い違っています（a.xlsx 設定!A2 では "不可"。1行にしてください）'),
        ("a.xlsx", "設定", "A6", '設定「移動時間_他グループ」が2回あり、値が食い違っています（a.xlsx 設定!A3 では "60"。1行にしてください）'),
        ("a.xlsx", "設定", "A7", '設定「最低人数.重み」が2回あり、値が食い違っています（a.xlsx 設定!A4 では "1000"。1行にしてください）'),
    ]


def test_the_same_value_twice_and_a_blank_repeat_are_accepted(tmp_path):
    settings = [["項目", "値"], ["空欄の扱い", "可"], ["blank_means", "○"], ["公平性", "いいえ"],
                ["fairness.有効", False], ["fairness.有効", None], ["移動時間_他グループ", 90], ["移動時間_他グループ", "90分"]]
    settings.append(["fairness.重み", 1_000_000])
    problem = read_workbooks([write_book(tmp_path / "a.xlsx", {**standard(), "設定": settings})], CATALOGUE)
    assert problem.rules["fairness"].weight == 1_000_000
    assert problem.blank_means is Mark.AVAILABLE
    assert problem.rules["fairness"].enabled is False
    assert problem.travel == TravelBuffers(other_group=90)


def test_a_row_repeating_another_of_its_sheet_is_noted_and_not_across_workbooks(tmp_path):
    settings = [["項目", "値"], ["cover_min.weight", 500], ["最低人数.重み", 500], ["空欄の扱い", "不可"]]
    main = write_book(tmp_path / "main.xlsx", {**standard(), "設定": settings})
    other = write_book(tmp_path / "other.xlsx", {"設定": [["項目", "値"], ["空欄の扱い", "不可"]]})
    notes = []
    problem = read_workbooks([main, other], CATALOGUE, notes=notes)
    assert problem.rules["cover_min"].weight == 500
    assert [(n.file, n.sheet, n.cell, n.message) for n in notes] == [
        ("main.xlsx", "設定", "A3", "設定「最低人数.重み」は main.xlsx 設定!A2 でも同じ値で設定されています（別のルールを設定するつもりの行なら直してください）"),
    ]


def test_settings_in_two_workbooks_that_disagree_are_refused(tmp_path):
    main = write_book(tmp_path / "main.xlsx", {**standard(), "設定": [["項目", "値"], ["空欄の扱い", "不可"]]})
    other = write_book(tmp_path / "other.xlsx", {"設定": [["項目", "値"], ["空欄の扱い", "可"]]})
    assert problems_of(main, other) == [
        ("other.xlsx", "設定", "A2", '設定「空欄の扱い」が2回あり、値が食い違っています（main.xlsx 設定!A2 では "不可"。1行にしてください）'),
    ]


def test_whole_number_parameters_with_units_and_commas_and_the_ideographic_full_stop(tmp_path):
    settings = [["項目", "値"], ["pay_cap.annual_pay_cap", "1,030,000円"], ["pay_cap。min_rest_minutes", "６０分"]]
    problem = read_workbooks([write_book(tmp_path / "a.xlsx", {**standard(), "設定": settings})], CATALOGUE)
    assert problem.rules["pay_cap"].params == {"annual_pay_cap": 1_030_000, "min_rest_minutes": 60}


def test_infinity_and_bad_values_are_reported_with_what_to_write(tmp_path):
    settings = [["項目", "値"], ["pay_cap.min_rest_minutes", "inf"], ["pay_cap.annual_pay_cap", "1e400"],
                ["空欄の扱い", "はい"], ["cover_min.重み", "50%"], ["cover_min.有効", "たぶん"],
                ["fairness.weight", 10**15]]
    found = problems_of(write_book(tmp_path / "a.xlsx", {**standard(), "設定": settings}))
    assert [(cell, message) for _, _, cell, message in found] == [
        ("B2", '設定「pay_cap.min_rest_minutes」の値が正しくありません "inf"（範囲 0〜2,880）'),
        ("B3", '設定「pay_cap.annual_pay_cap」の値が正しくありません "1e400"（範囲 0〜10,000,000,000）'),
        ("B4", '設定「空欄の扱い」の値が正しくありません "はい"（不可・可・△ のどれか）'),
        ("B5", '設定「cover_min.重み」の値が正しくありません "50%"（0〜1,000,000 の整数）'),
        ("B6", '設定「cover_min.有効」の値が正しくありません "たぶん"（はい・いいえ のどちらか）'),
        ("B7", '設定「fairness.weight」の値が正しくありません "1000000000000000"（0〜1,000,000 の整数）'),
    ]


@pytest.mark.parametrize("text", ["inf", "-inf", "nan", "1e400"])
def test_a_parameter_is_never_infinite(text):
    """The 設定 sheet and the rules dialog parse parameters alike: no infinite limit, no crash."""
    for param in (Param("cap", int, None, "上限", "cap", 0, None), Param("share", float, None, "割合", "share")):
        with pytest.raises(ValueError):
            param.parse(text)


def test_forbidden_successions_of_a_ward(tmp_path):
    """準夜→日勤、深夜→日勤: the activities that may not follow one another on the next day."""
    settings = [["項目", "値"], ["禁止する勤務の並び", "3歳児健診→1歳6か月児健診、1歳6か月児健診 -> 3歳児健診"]]
    problem = read_workbooks([write_book(tmp_path / "f.xlsx", {**standard(), "設定": settings})], CATALOGUE)
    assert problem.forbidden_successions == {("3歳児健診", "1歳6か月児健診"), ("1歳6か月児健診", "3歳児健診")}


def test_a_succession_naming_no_session_or_written_wrong_is_refused_at_its_cell(tmp_path):
    typo = [["項目", "値"], ["forbidden_pairs", "3歳児健診→日近"]]
    assert problems_of(write_book(tmp_path / "t.xlsx", {**standard(), "設定": typo})) == [
        ("t.xlsx", "設定", "B2", "内容「日近」の枠がありません（枠の内容: 1歳6か月児健診、3歳児健診）")]
    wrong = [["項目", "値"], ["禁止する勤務の並び", "3歳児健診"]]
    [(_, _, cell, message)] = problems_of(write_book(tmp_path / "w.xlsx", {**standard(), "設定": wrong}))
    assert cell == "B2" and "例: 準夜→日勤、深夜→日勤" in message


def test_a_rules_name_alone_with_a_number_sets_its_one_number(tmp_path):
    """`休日数の下限 = 9` was refused as neither yes nor no; a rule with several numbers still asks for one."""
    from solver.rules import CATALOGUE

    rows = [["項目", "値"], ["休日数の下限", 9], ["連続勤務日数の上限", "いいえ"]]
    problem = read_workbooks([write_book(tmp_path / "s.xlsx", standard(設定=rows))], CATALOGUE)
    assert problem.rules["min_days_off"].params["min_days_off"] == 9 and problem.rules["min_days_off"].enabled
    assert problem.rules["max_consecutive_days"].enabled is False
    with pytest.raises(InvalidInput) as refused:  # 勤務時間の上限 has a week's, a month's and a plan's: which one?
        read_workbooks([write_book(tmp_path / "m.xlsx", standard(設定=[["項目", "値"], ["勤務時間の上限", 2400]]))],
                       CATALOGUE)
    [said] = refused.value.problems
    assert said.cell == "B2" and "勤務時間の上限.週の上限" in said.message


def test_a_rules_name_with_1_is_its_number_not_yes(tmp_path):
    """A care home's `夜勤明けの後の休み = 1` and `1日の上限 = 1` switched the rules on and left their numbers
    unset: 35 days worked right after 明 and 25 days of two shifts, with no word. 1 is the number now."""
    from solver.rules import CATALOGUE

    rows = [["項目", "値"], ["夜勤明けの後の休み", 1], ["1日の上限", "1"], ["連続勤務日数の上限", "はい"], ["週の上限", 0]]
    problem = read_workbooks([write_book(tmp_path / "s.xlsx", standard(設定=rows))], CATALOGUE)
    assert problem.rules["days_off_after_night"].params["days_off_after_night"] == 1
    assert problem.rules["max_per_day"].params["max_per_day"] == 1 and problem.rules["max_per_day"].enabled
    assert problem.rules["max_consecutive_days"].enabled and not problem.rules["max_consecutive_days"].params
    assert problem.rules["max_per_week"].enabled is False  # 0 is off, not no session a week


def test_a_bare_travel_time_is_the_time_between_any_two_sites(tmp_path):
    """`移動時間` = 45 alone (an office without travel groups): both groups' times; a named one still wins."""
    settings = [["項目", "値"], ["移動時間", "45分"]]
    problem = read_workbooks([write_book(tmp_path / "t.xlsx", {**standard(), "設定": settings})], CATALOGUE)
    assert problem.travel == TravelBuffers(same_group=45, other_group=45)
