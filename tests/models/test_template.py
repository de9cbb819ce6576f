"""The input template: sheets, Japanese headers, the availability drop-down, frozen panes, settings rows."""

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from models.domain import Mark, Problem, Requirement, RuleSetting, Site, Staff
from models.excel import schema
from models.excel.styles import HOLIDAY_FILL, SATURDAY_FILL
from models.excel.template import write_template
from models.i18n import language, set_language
from models.rulemeta import Param, RuleInfo

CATALOGUE = (
    RuleInfo("max_per_day", "1日の上限", "Max per day", True, 5,
             (Param("limit", int, 1, "1日の回数上限", "Limit per day", 1, 10),)),
    RuleInfo("fairness", "公平性", "Fairness", False, 3, can_be_hard=False),
)


@pytest.fixture(autouse=True)
def japanese() -> Iterator[None]:
    before = language()
    set_language("ja")
    yield
    set_language(before)


@pytest.fixture
def template(tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "template.xlsx"
    write_template(path, date(2026, 4, 1), date(2026, 4, 30), CATALOGUE)
    return openpyxl.load_workbook(path)


def _header(ws) -> list:
    return [c.value for c in ws[1]]


def test_sheets_in_order_with_japanese_headers(template: openpyxl.Workbook) -> None:
    assert template.sheetnames == ["記入方法", "職員", "枠", "毎日の枠", "勤務可否", "会場", "設定"]
    for spec in (schema.STAFF, schema.SESSIONS, schema.DAILY, schema.SITES):
        assert _header(template[spec.ja]) == [c.ja for c in spec.columns]
    assert _header(template["設定"]) == ["項目", "値", "説明"]
    assert _header(template["勤務可否"])[:2] == ["職員ID", "氏名"]


def test_availability_has_one_date_column_per_day(template: openpyxl.Workbook) -> None:
    ws = template["勤務可否"]
    headers = _header(ws)[2:]
    assert headers == [datetime(2026, 4, d) for d in range(1, 31)]
    assert all("m/d(aaa)" in c.number_format for c in ws[1][2:])


def test_availability_has_mark_dropdown_and_frozen_panes(template: openpyxl.Workbook) -> None:
    ws = template["勤務可否"]
    assert ws.freeze_panes == "C2"
    [validation] = ws.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"○,△,×,希,有休,午前,午後"'
    assert "C2:AF101" in str(validation.sqref)
    for name in ("職員", "枠", "会場", "設定"):
        assert template[name].freeze_panes is not None


def test_weekends_and_holidays_are_shaded(template: openpyxl.Workbook) -> None:
    ws = template["勤務可否"]
    by_day = {c.value.day: c for c in ws[1][2:]}
    assert by_day[4].fill.fgColor.rgb.endswith(SATURDAY_FILL)  # Saturday
    assert by_day[5].fill.fgColor.rgb.endswith(HOLIDAY_FILL)  # Sunday
    assert by_day[29].fill.fgColor.rgb.endswith(HOLIDAY_FILL)  # 昭和の日
    assert not by_day[30].fill.fgColor.rgb.endswith(HOLIDAY_FILL)
    body = ws.cell(row=2, column=2 + 29)  # the first staff row under 4/29
    assert body.fill.fgColor.rgb.endswith(HOLIDAY_FILL)


def test_settings_rows_come_from_the_catalogue(template: openpyxl.Workbook) -> None:
    rows = {r[0]: r[1:] for r in template["設定"].iter_rows(min_row=2, values_only=True)}
    assert rows["空欄の扱い"][0] == "不可"
    assert rows["期間開始"][0] == datetime(2026, 4, 1)
    assert rows["期間終了"][0] == datetime(2026, 4, 30)
    # a Japanese coordinator's keys are the rules' and parameters' titles (`max_per_day.limit` was English)
    assert rows["1日の上限.有効"][0] == "はい"
    assert rows["1日の上限.必須"][0] == "はい"
    assert rows["1日の上限.重み"][0] == 5
    assert rows["1日の上限.1日の回数上限"][0] == 1
    assert "1日の上限" in rows["1日の上限.1日の回数上限"][1] and "1日の回数上限" in rows["1日の上限.1日の回数上限"][1]
    assert "公平性.必須" not in rows  # a purely soft rule has no hard form
    assert "公平性" in rows["公平性.重み"][1]
    lists = [v.formula1 for v in template["設定"].data_validations.dataValidation]
    assert '"不可,可"' in lists and '"はい,いいえ"' in lists


def test_instructions_explain_marks_in_japanese(template: openpyxl.Workbook) -> None:
    text = "\n".join(str(v) for row in template["記入方法"].iter_rows(values_only=True) for v in row if v)
    for word in ("勤務可否シート", "○", "△", "×", "午前", "午後", "空欄", "2026/4/1", "9:00"):
        assert word in text
    assert "翌9:00" in text and "16:30〜1:00" in text  # how to write a night shift
    assert "禁止する勤務の並び" in text and "準夜+深夜:8" in text
    assert "土曜は青" in text  # Saturdays alone are blue
    assert "希望休" in text  # a ward's way of asking for a day off reads as ×
    assert "日勤/準夜 はどちらか" in text and "requests.有効" in text  # a shift's name is a wish for it
    assert "フッ化物" not in text and "病棟" in text  # examples for any trade, not one
    # the marks table's meanings wrap in their column: a long one left to run on widened the printed
    # page and shrank the whole sheet to half size
    meanings = [row[2] for row in template["記入方法"].iter_rows() if len(row) > 2 and row[1].value in ("○", "勤務名")]
    assert len(meanings) == 2 and all(cell.alignment.wrap_text for cell in meanings)
    assert template["記入方法"].max_column == 3


def test_instructions_say_what_carries_over_to_next_months_plan(template: openpyxl.Workbook) -> None:
    """A coordinator copying this month's workbook learns to rename the plan, that the earlier plans'
    rosters carry over by themselves, and not to add them to 年間支給済額."""
    text = "\n".join(str(v) for row in template["記入方法"].iter_rows(values_only=True) for v in row if v)
    assert "計画名" in text and "公開した版" in text and "今年度（4月〜翌3月）" in text
    assert "年間支給済額" in text and "二重に数えます" in text and "4月からの新しい年度では0" in text


def test_end_before_start_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_template(tmp_path / "x.xlsx", date(2026, 4, 30), date(2026, 4, 1))


def _problem() -> Problem:
    day = date(2026, 4, 3)
    req = Requirement(Requirement.make_id(day, "灘", "3歳児健診", 780), day, "灘", "3歳児健診", 780, 960, 2, 3,
                      required_skills=(("リーダー", 1), ("フッ化物", 2)), notes="持ち物")
    staff = [Staff("H001", "山田 花子", frozenset({"リーダー", "フッ化物"}), home="灘", max_per_week=3,
                   hourly_rate=1800, annual_pay_cap=1030000, paid_this_year=200000, notes="=メモ",
                   max_per_activity=(("3歳児健診+教室", 4),)),
             Staff("H002", "佐藤 美咲")]
    marks = {("H001", day): Mark.AVAILABLE, ("H002", day): Mark.PM_ONLY, ("H002", date(2026, 4, 6)): Mark.PREFER_NOT}
    later = date(2026, 4, 10)
    talk = Requirement(Requirement.make_id(later, "灘", "教室", 600), later, "灘", "教室", 600, 660, 1, 1)
    return Problem("4月 健診", date(2026, 4, 1), date(2026, 4, 30), staff, [Site("灘", "灘区", "西")], [req, talk], marks,
                   blank_means=Mark.AVAILABLE, rules={"max_per_day": RuleSetting(False, True, 7, {"limit": 2})},
                   forbidden_successions=frozenset({("3歳児健診", "3歳児健診")}))


def test_prefilled_from_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "filled.xlsx"
    write_template(path, date(2026, 4, 1), date(2026, 4, 30), CATALOGUE, _problem())
    wb = openpyxl.load_workbook(path)
    staff = list(wb["職員"].iter_rows(min_row=2, values_only=True))
    assert staff[0][:4] == ("H001", "山田 花子", "フッ化物、リーダー", "灘")
    notes = [c.key for c in schema.STAFF.columns].index("notes") + 1
    assert wb["職員"].cell(row=2, column=notes).data_type == "s"  # "=メモ" stays text
    session = list(wb["枠"].iter_rows(min_row=2, values_only=True))[0]
    assert session[:8] == (datetime(2026, 4, 3), "灘", "3歳児健診", time(13), time(16), 2, 3, "リーダー:1、フッ化物:2")
    marks = wb["勤務可否"]
    assert [marks.cell(row=r, column=2 + 3).value for r in (2, 3)] == ["○", "午後"]
    rows = {r[0]: r[1] for r in wb["設定"].iter_rows(min_row=2, values_only=True)}
    assert (rows["空欄の扱い"], rows["計画名"], rows["1日の上限.有効"], rows["1日の上限.重み"],
            rows["1日の上限.1日の回数上限"], rows["禁止する勤務の並び"]) == ("可", "4月 健診", "いいえ", 7, 2, "3歳児健診→3歳児健診")


def test_prefilled_template_reads_back(tmp_path: Path) -> None:
    importer = pytest.importorskip("models.excel.importer")
    path = tmp_path / "filled.xlsx"
    original = _problem()
    write_template(path, original.start, original.end, CATALOGUE, original)
    problem = importer.read_workbooks([path], CATALOGUE)
    assert problem.name == original.name
    assert (problem.start, problem.end, problem.blank_means) == (original.start, original.end, Mark.AVAILABLE)
    assert problem.staff == original.staff
    assert problem.requirements == original.requirements
    assert problem.availability == original.availability
    assert problem.sites == original.sites
    assert problem.rules["max_per_day"].enabled is False
    assert problem.rules["max_per_day"].params == {"limit": 2}
    assert problem.forbidden_successions == original.forbidden_successions
