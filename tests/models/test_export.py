"""The roster workbook and the per-person workbooks."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from models.domain import Assignment, Mark, Problem, Requirement, Roster, RuleSetting, Site, Staff, Violation
from models.excel import schema, sheetwriter
from models.excel.export import write_personal_workbooks, write_roster
from models.excel.importer import read_workbooks
from models.excel.roster_reader import read_roster_and_grid
from models.excel.sheets_duty import shortest_starts, site_stems
from models.excel.sheets_master import role_labels
from models.excel.styles import HOLIDAY_FILL, SATURDAY_FILL, SHORT_FILL, safe_file_stem, safe_sheet_name
from models.i18n import language, set_language
from models.rulemeta import RuleInfo

CATALOGUE = (RuleInfo("max_per_day", "1日の上限", "Max per day", True, 5),
             RuleInfo("fairness", "公平性", "Fairness", False, 3, can_be_hard=False))
EVIL = "=HYPERLINK(\"http://x\",\"y\")"


@pytest.fixture(autouse=True)
def japanese() -> Iterator[None]:
    before = language()
    set_language("ja")
    yield
    set_language(before)


def _req(day: int, site: str, activity: str, start: int, end: int, n: int) -> Requirement:
    d = date(2026, 4, day)
    return Requirement(Requirement.make_id(d, site, activity, start), d, site, activity, start, end, n, n)


def _problem(sites: int = 2) -> Problem:
    staff = [Staff("H001", "山田 花子", hourly_rate=1800, desired_per_month=2),
             Staff("H002", EVIL, hourly_rate=1600),
             Staff("H003", "佐藤/美咲:"),
             Staff("H004", "@鈴木", notes="+81-90")]
    reqs = [_req(29, "灘", "3歳児健診", 780, 960, 2), _req(29, "東", "-妊婦健診", 570, 690, 1),
            _req(1, "灘", "3歳児健診", 780, 960, 2), _req(2, "東", "-妊婦健診", 570, 690, 1)]
    reqs += [_req(3, f"会場{i:02d}", "教室", 600, 720, 1) for i in range(sites - 2)]
    marks = {("H001", date(2026, 4, 29)): Mark.PREFER_NOT, ("H002", date(2026, 4, 1)): Mark.AM_ONLY}
    return Problem("4月 健診", date(2026, 4, 1), date(2026, 4, 30), staff, [Site("灘", "灘区", "西"), Site("東")],
                   reqs, marks)


def _roster(problem: Problem) -> Roster:
    nada29, east29, nada1, east2 = (r.id for r in problem.requirements[:4])
    return Roster([Assignment("H001", nada29, locked=True), Assignment("H003", nada29), Assignment("H002", east29),
                   Assignment("H001", nada1), Assignment("H004", east2)])


@pytest.fixture
def exported(tmp_path: Path) -> openpyxl.Workbook:
    problem = _problem()
    violations = [Violation("max_per_day", True, "山田さんは4/29に2回", 0, "H001", problem.requirements[0].id),
                  Violation("fairness", False, "偏りがあります", 3)]
    path = tmp_path / "roster.xlsx"
    write_roster(path, problem, _roster(problem), violations, CATALOGUE)
    return openpyxl.load_workbook(path)


def test_every_sheet_in_order(exported: openpyxl.Workbook) -> None:
    assert exported.sheetnames == ["配置表", "勤務表", "個人別", "会場別", "集計", "未充足", "違反", "Assignments",
                                   "職員", "枠", "勤務可否", "会場", "設定", "haichi_export"]
    # the export fingerprint is out of sight: not in the tabs, not unhidden from Excel's menu, not printed
    assert [ws.title for ws in exported.worksheets if ws.sheet_state != "visible"] == ["haichi_export"]
    assert exported["haichi_export"].sheet_state == "veryHidden"


def test_assignments_columns_and_values(exported: openpyxl.Workbook) -> None:
    rows = list(exported["Assignments"].iter_rows(values_only=True))
    assert rows[0] == schema.ASSIGNMENTS_COLUMNS
    assert rows[1:] == [
        ("2026-04-01", "灘", "3歳児健診", "13:00", "16:00", "H001", "山田 花子", False),
        ("2026-04-02", "東", "-妊婦健診", "09:30", "11:30", "H004", "@鈴木", False),
        ("2026-04-29", "東", "-妊婦健診", "09:30", "11:30", "H002", EVIL, False),
        ("2026-04-29", "灘", "3歳児健診", "13:00", "16:00", "H001", "山田 花子", True),
        ("2026-04-29", "灘", "3歳児健診", "13:00", "16:00", "H003", "佐藤/美咲:", False),
    ]
    ws = exported["Assignments"]
    assert ws.cell(row=2, column=8).data_type == "b"


def test_formula_like_text_stays_text(exported: openpyxl.Workbook) -> None:
    cells = [c for ws in exported for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    starts = {c.value[0] for c in cells if c.value[:1] in "=+-@"}
    assert starts == {"=", "+", "-", "@"}
    assert all(c.data_type == "s" for c in cells)
    assert EVIL in [c.value for c in exported["職員"]["B"]]


def test_master_grid_shades_weekends_and_holidays(exported: openpyxl.Workbook) -> None:
    ws = exported["配置表"]
    assert ws.freeze_panes == "B4"
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    rows = {str(ws.cell(row=r, column=1).value).split("(")[0]: r for r in range(4, ws.max_row + 1)}
    assert len(rows) == 30  # every day of the period
    assert "昭和の日" in ws.cell(row=rows["4/29"], column=1).value
    assert ws.cell(row=rows["4/29"], column=1).fill.fgColor.rgb.endswith(HOLIDAY_FILL)
    assert ws.cell(row=rows["4/4"], column=1).fill.fgColor.rgb.endswith(SATURDAY_FILL)
    assert not ws.cell(row=rows["4/30"], column=1).fill.fgColor.rgb.endswith(HOLIDAY_FILL)
    header = [c.value for c in ws[3]]
    assert header == ["日付", "灘", "東"]
    assert ws.cell(row=rows["4/29"], column=2).value == "3歳児健診 13:00-16:00\n山田 花子、佐藤/美咲:"
    assert ws.cell(row=rows["4/1"], column=2).value == "3歳児健診 13:00-16:00\n山田 花子（あと1人）"
    assert ws.cell(row=rows["4/1"], column=2).fill.fgColor.rgb.endswith(SHORT_FILL)
    assert "2026年4月" not in ws["A1"].value and "4月 健診" in ws["A1"].value


def test_master_turns_into_a_list_with_many_sites(tmp_path: Path) -> None:
    problem = _problem(sites=20)
    write_roster(tmp_path / "r.xlsx", problem, _roster(problem))
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["配置表"]
    assert [c.value for c in ws[3]] == ["日付", "会場", "内容", "時間", "必要", "配置", "氏名"]
    assert ws.max_row == 3 + len(problem.requirements)


def test_master_gives_a_wards_shifts_a_column_each(tmp_path: Path) -> None:
    """A ward (one site, 日勤 準夜 深夜 every day) reads a day along one row: a column per shift,
    in rotation order, each wide enough for its names in two lines; a site with one session a day
    keeps one column."""
    staff = [Staff(f"N{i:02d}", f"看護 {i:02d}子") for i in range(1, 11)]
    reqs = [r for day in (1, 2) for r in (_req(day, "5東", "日勤", 510, 1020, 6), _req(day, "5東", "準夜", 990, 1500, 2),
                                           _req(day, "5東", "深夜", 30, 540, 2))]
    reqs.append(_req(1, "外来", "採血", 540, 720, 1))
    problem = Problem("5東 4月", date(2026, 4, 1), date(2026, 4, 2), staff, [Site("5東"), Site("外来")], reqs)
    day_shift = problem.requirements[0].id
    roster = Roster([Assignment(s.id, day_shift) for s in staff[:6]] + [Assignment("N07", problem.requirements[1].id)])
    write_roster(tmp_path / "w.xlsx", problem, roster)
    ws = openpyxl.load_workbook(tmp_path / "w.xlsx")["配置表"]
    assert [c.value for c in ws[3]] == ["日付", "5東\n日勤", "5東\n準夜", "5東\n深夜", "外来"]
    assert ws.cell(row=4, column=2).value == (
        "日勤 08:30-17:00\n看護 01子、看護 02子、看護 03子、\n看護 04子、看護 05子、看護 06子")
    assert ws.cell(row=4, column=3).value == "準夜 16:30-翌1:00\n看護 07子（あと1人）"
    assert ws.cell(row=4, column=5).value == "採血 09:00-12:00\n（あと1人）"
    widths = [ws.column_dimensions[c].width for c in "BCD"]
    assert widths[0] > widths[1] and widths[0] <= 48


def _table(ws, header_row: int) -> list[dict[str, object]]:
    """The rows below `header_row` as header -> value."""
    rows = list(ws.iter_rows(min_row=header_row, values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_summary_numbers(exported: openpyxl.Workbook) -> None:
    rows = _table(exported["集計"], 3)
    by_id = {r["職員ID"]: r for r in rows}
    columns = ("回数", "勤務時間(分)", "時間", "支給額(円)", "△の日数", "希望回数", "差")
    assert tuple(by_id["H001"][c] for c in columns) == (2, 360, 6.0, 10800, 1, 2.0, 0.0)
    assert tuple(by_id["H002"][c] for c in columns) == (1, 120, 2.0, 3200, 0, None, None)
    assert by_id["H003"]["支給額(円)"] is None
    # the fiscal year: nothing carried in from earlier plans
    assert (by_id["H001"]["年度の回数"], by_id["H001"]["年度の支給見込(円)"]) == (2, 10800)
    total = rows[-1]
    assert total["職員ID"] == "合計" and tuple(total[c] for c in columns[:5]) == (5, 780, 13.0, 14000, 1)


def test_summary_of_a_plan_crossing_april_1_has_a_pair_of_columns_for_each_fiscal_year(tmp_path: Path) -> None:
    """3/30-4/26: fiscal 2026's count and pay add the earlier plans and 年間支給済額 to March's sessions;
    fiscal 2027's are April's alone (both were added to 2026)."""
    def req(day: date) -> Requirement:
        return Requirement(Requirement.make_id(day, "灘", "健診", 780), day, "灘", "健診", 780, 960, 1)

    reqs = [req(date(2027, 3, 31)), req(date(2027, 4, 1)), req(date(2027, 4, 2))]
    problem = Problem("3-4月", date(2027, 3, 30), date(2027, 4, 26),
                      [Staff("H001", "山田 花子", hourly_rate=1800, paid_this_year=100_000)], [Site("灘")], reqs,
                      history_counts={"H001": 5}, history_pay={"H001": 20_000})
    write_roster(tmp_path / "x.xlsx", problem, Roster([Assignment("H001", r.id) for r in reqs]))
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["集計"]
    assert "新しい年度（2027年度）" in ws["A2"].value
    row = {r["職員ID"]: r for r in _table(ws, 3)}["H001"]
    assert (row["2026年度の回数"], row["2026年度の支給見込(円)"]) == (5 + 1, 100_000 + 20_000 + 5_400)
    assert (row["2027年度の回数"], row["2027年度の支給見込(円)"]) == (2, 10_800)
    assert row["会場"] == "灘" and "年度の回数" not in row
    # the pay cap's year from January: the fiscal year's count, then each calendar year's pay
    calendar = problem.with_(rules={"pay_cap": RuleSetting(params={"year_start_month": 1})})
    write_roster(tmp_path / "y.xlsx", calendar, Roster([Assignment("H001", r.id) for r in reqs]))
    ws = openpyxl.load_workbook(tmp_path / "y.xlsx")["集計"]
    assert "年間支給見込は1月からの1年" in ws["A2"].value
    row = {r["職員ID"]: r for r in _table(ws, 3)}["H001"]
    assert (row["2026年度の回数"], row["2027年度の回数"], row["2027年の支給見込(円)"]) == (6, 2, 100_000 + 20_000 + 16_200)


def _ward(days: int = 4, nurses: int = 6) -> Problem:
    """One ward (5東), 日勤 (2 people), 準夜 16:30-翌1:00 and 深夜 0:30-9:00 (1 each) every day from
    4/1 (a Wednesday; 4/4 is a Saturday); a blank mark is a day one can work (the nurses mark 希望休)."""
    staff = [Staff(f"N{i:02d}", f"看護 {i:02d}子") for i in range(1, nurses + 1)]
    reqs = [r for day in range(1, days + 1) for r in (
        _req(day, "5東", "日勤", 510, 1020, 2), _req(day, "5東", "準夜", 990, 1500, 1), _req(day, "5東", "深夜", 30, 540, 1))]
    return Problem("5東 4月", date(2026, 4, 1), date(2026, 4, days), staff, [Site("5東")], reqs,
                   blank_means=Mark.AVAILABLE)


def test_under_blank_means_unavailable_a_blank_day_is_a_faint_cross_on_the_wall(tmp_path: Path) -> None:
    """空欄の扱い 不可: the days a person left blank cannot be worked, and showed as free in 勤務表
    and as a plain 休 in the personal schedules."""
    problem = _ward(days=3).with_(blank_means=Mark.UNAVAILABLE, availability={
        ("N01", date(2026, 4, 1)): Mark.AVAILABLE, ("N01", date(2026, 4, 2)): Mark.AVAILABLE})
    write_roster(tmp_path / "w.xlsx", problem, _placed(problem, ("N01", 1, "日勤")))
    ws = openpyxl.load_workbook(tmp_path / "w.xlsx")["勤務表"]
    assert [c.value for c in ws[5]][2:5] == ["日勤", None, "×"]  # ○ on 4/2 (free), blank on 4/3 (×)


def _placed(problem: Problem, *placements: tuple[str, int, str]) -> Roster:
    """A roster of (staff id, day of April, activity)."""
    ids = {(r.date.day, r.activity): r.id for r in problem.requirements}
    return Roster([Assignment(staff_id, ids[(day, activity)]) for staff_id, day, activity in placements])


def test_summary_counts_each_shift_and_the_weekends_of_a_ward(tmp_path: Path) -> None:
    """With few activities (a ward's shifts), 集計 counts each per person, in rotation order (日勤,
    準夜, 深夜: a night that starts after midnight comes last), and the weekend and holiday days."""
    problem = _ward()
    roster = _placed(problem, ("N01", 1, "日勤"), ("N01", 2, "準夜"), ("N01", 4, "深夜"), ("N02", 4, "日勤"),
                     ("N02", 3, "日勤"))
    write_roster(tmp_path / "w.xlsx", problem, roster)
    ws = openpyxl.load_workbook(tmp_path / "w.xlsx")["集計"]
    header = [c.value for c in ws[3]]
    assert header[2:8] == ["回数", "日数", "日勤", "準夜", "深夜", "土日祝"]  # 日数: days worked, 2 sessions of a day one
    rows = {r["職員ID"]: r for r in _table(ws, 3)}
    assert [rows["N01"][c] for c in header[2:8]] == [3, 3, 1, 1, 1, 1]
    assert [rows["N02"][c] for c in header[2:8]] == [2, 2, 2, 0, 0, 1]
    assert [rows["合計"][c] for c in header[2:8]] == [5, 5, 3, 1, 1, 2]


def test_summary_has_no_activity_columns_with_many_activities(tmp_path: Path) -> None:
    activities = ["教室", "健診", "相談", "訪問", "研修", "会議", "講演"]
    reqs = [_req(1 + i, "灘", a, 600, 720, 1) for i, a in enumerate(activities)]
    problem = Problem("多い", date(2026, 4, 1), date(2026, 4, 30), [Staff("H001", "山田 花子")], [Site("灘")], reqs)
    write_roster(tmp_path / "m.xlsx", problem, Roster([Assignment("H001", reqs[0].id)]))
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "m.xlsx")["集計"][3]]
    assert header[2:6] == ["回数", "日数", "土日祝", "勤務時間(分)"]
    assert not set(activities) & set(header)
    # the activities 回数の偏り evens out get their columns: a nursery's 早番 and 遅番 among 8 shifts
    fair = problem.with_(rules={"load_spread": RuleSetting(True, False, 1, {"activities": "訪問、健診"})})
    write_roster(tmp_path / "f.xlsx", fair, Roster([Assignment("H001", reqs[0].id)]))
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "f.xlsx")["集計"][3]]
    assert [h for h in header if h in activities] == ["健診", "訪問"]
    assert "訪問" in [c.value for c in openpyxl.load_workbook(tmp_path / "f.xlsx")["勤務表"][3]]


def test_duty_roster_has_a_row_per_person_and_a_column_per_day(tmp_path: Path) -> None:
    """勤務表: people down, days across (date over weekday, the Saturday shaded), each cell the
    day's shift; a faint × on a day the person cannot work; per-person totals at the right and,
    at the bottom, how many work each shift each day (shaded where short) and how many at all."""
    problem = _ward().with_(availability={("N03", date(2026, 4, 2)): Mark.UNAVAILABLE})
    roster = _placed(problem, ("N01", 1, "日勤"), ("N01", 2, "準夜"), ("N01", 4, "深夜"), ("N02", 3, "日勤"),
                     ("N02", 4, "日勤"))
    write_roster(tmp_path / "w.xlsx", problem, roster)
    ws = openpyxl.load_workbook(tmp_path / "w.xlsx")["勤務表"]
    assert [c.value for c in ws[3]] == ["職員ID", "氏名", "4/1", "2", "3", "4",
                                        "日勤", "準夜", "深夜", "計", "時間", "土日祝", "休み"]
    assert [c.value for c in ws[4]][:6] == [None, None, "水", "木", "金", "土"]
    assert [ws.cell(row=r, column=1).value for r in range(5, 11)] == [f"N0{i}" for i in range(1, 7)]
    n01 = [c.value for c in ws[5]]
    assert n01[:6] == ["N01", "看護 01子", "日勤", "準夜", None, "深夜"]
    # 日勤 準夜 深夜, 3 in all, hours (25:30, as 個人別 says 25時間30分), the Saturday, one day off
    assert n01[6:] == [1, 1, 1, 3, timedelta(hours=25, minutes=30), 1, 1]
    assert ws.cell(row=7, column=4).value == "×" and ws.cell(row=7, column=4).font.color.rgb.endswith("A6A6A6")
    assert ws.cell(row=5, column=6).fill.fgColor.rgb.endswith(SATURDAY_FILL)
    counts = {ws.cell(row=r, column=1).value: [ws.cell(row=r, column=c).value for c in range(3, 7)]
              for r in range(11, 15)}
    assert counts == {"日勤": [1, 0, 1, 1], "準夜": [0, 1, 0, 0], "深夜": [0, 0, 0, 1], "出勤人数": [1, 1, 1, 2]}
    assert ws.cell(row=11, column=10).value == 3  # 日勤 placements in all
    assert ws.cell(row=11, column=3).fill.fgColor.rgb.endswith(SHORT_FILL)  # one of the two 日勤 people
    assert ws.freeze_panes == "C5" and ws.print_title_rows == "$3:$4" and ws.print_title_cols == "$A:$B"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1


def test_a_long_plans_duty_roster_prints_a_month_to_a_page_across(tmp_path: Path) -> None:
    """61 days squeezed onto one page across were unreadable: two pages across, names repeated."""
    start = date(2026, 4, 1)
    reqs = [Requirement(Requirement.make_id(start + timedelta(d), "5東", "日勤", 510), start + timedelta(d), "5東",
                        "日勤", 510, 1020, 1) for d in range(61)]
    problem = Problem("5東 4-5月", start, start + timedelta(60), [Staff("N01", "看護 一子")], [Site("5東")], reqs)
    write_roster(tmp_path / "w.xlsx", problem, Roster([Assignment("N01", reqs[0].id)]))
    ws = openpyxl.load_workbook(tmp_path / "w.xlsx")["勤務表"]
    assert ws.page_setup.fitToWidth == 2 and ws.print_title_cols == "$A:$B"


def test_duty_roster_marks_the_day_after_a_night_shift(tmp_path: Path) -> None:
    """A night that ends the next morning (夜勤 16:30-翌9:00) leaves a faint 明 on that next day,
    which is not counted as a day off; a 準夜 that ends at 1:00 leaves none."""
    reqs = [r for day in (1, 2, 3) for r in (_req(day, "5東", "夜勤", 990, 1980, 1), _req(day, "5東", "準夜", 990, 1500, 1))]
    problem = Problem("2交代", date(2026, 4, 1), date(2026, 4, 3), [Staff("N01", "看護 一子"), Staff("N02", "看護 二子")],
                      [Site("5東")], reqs)
    write_roster(tmp_path / "w.xlsx", problem, _placed(problem, ("N01", 1, "夜勤"), ("N02", 1, "準夜")))
    ws = openpyxl.load_workbook(tmp_path / "w.xlsx")["勤務表"]
    assert [c.value for c in ws[5]][2:5] == ["夜勤", "明", None]
    assert [c.value for c in ws[6]][2:5] == ["準夜", None, None]
    assert ws.cell(row=5, column=len(ws[3])).value == 1 and ws.cell(row=6, column=len(ws[3])).value == 2  # 休み
    # last month's night on the day before the plan (carried in from its roster) ends on its first day
    eve = date(2026, 3, 31)
    night = Requirement(Requirement.make_id(eve, "5東", "夜勤", 990), eve, "5東", "夜勤", 990, 1980, 1)
    carried = problem.with_(history_sessions={"N02": (night,)})
    write_roster(tmp_path / "h.xlsx", carried, _placed(problem, ("N01", 1, "夜勤")))
    ws = openpyxl.load_workbook(tmp_path / "h.xlsx")["勤務表"]
    assert [c.value for c in ws[6]][2:5] == ["明", None, None] and ws.cell(row=6, column=len(ws[3])).value == 2


def test_duty_roster_rows_are_as_tall_as_a_session_for_people_without_one(tmp_path: Path) -> None:
    """With several sites a cell is site over activity, two lines: a person without a session got a
    one-line row, thin among the others."""
    problem = _problem()
    roster = Roster([a for a in _roster(problem).assignments if a.staff_id != "H003"])
    write_roster(tmp_path / "r.xlsx", problem, roster, [], CATALOGUE)
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["勤務表"]
    heights = {ws.cell(row=r, column=1).value: ws.row_dimensions[r].height for r in range(5, 9)}
    assert heights["H003"] == heights["H004"] and len(set(heights.values())) == 1


def test_duty_roster_names_the_site_over_the_activity_with_several_sites(exported: openpyxl.Workbook) -> None:
    ws = exported["勤務表"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(5, 9)}
    assert ws.cell(row=rows["H001"], column=2 + 29).value == "灘\n3歳"  # 4/29
    assert ws.cell(row=rows["H002"], column=2 + 29).value == "東\n-妊"
    legend = [c.value for c in ws["A"] if isinstance(c.value, str) and "略称" in c.value]
    assert legend == ["内容の略称: -妊＝-妊婦健診、3歳＝3歳児健診"]


def test_a_site_named_as_its_activity_is_written_once() -> None:
    """A care home's 看護 at 看護 read 看護 over 看護 in every nurse's cell."""
    from models.domain import Problem, Requirement
    from models.excel.sheets_duty import ShortForms

    day = date(2027, 1, 4)
    nurse = Requirement("n", day, "看護", "看護", 540, 1080, 1)
    unit = Requirement("u", day, "ユニット1", "日勤", 540, 1080, 1)
    forms = ShortForms.of(Problem("p", day, day, requirements=[nurse, unit]))
    assert forms.session(nurse) == "看護" and forms.session(unit) == "ユニ\n日勤"


def test_short_forms() -> None:
    assert shortest_starts(["1歳6か月児健診", "3歳児健診", "口腔機能教室", "日勤", "日勤リーダー"]) == {
        "1歳6か月児健診": "1歳", "3歳児健診": "3歳", "口腔機能教室": "口腔", "日勤": "日勤", "日勤リーダー": "日勤リ"}
    # four characters or fewer stay whole: a nursery's 短時間 read as 短時, a fire station's ポンプ隊 as ポン
    assert shortest_starts(["短時間", "早番", "ポンプ隊", "調理員会議"]) == {
        "短時間": "短時間", "早番": "早番", "ポンプ隊": "ポンプ隊", "調理員会議": "調理"}
    # no cut inside brackets: an after-school club's legend read 放課後(＝放課後(15時〜)
    assert shortest_starts(["放課後", "放課後(15時〜)", "春休み午前（延長）", "春休み午後"]) == {
        "放課後": "放課後", "放課後(15時〜)": "放課後(15時〜)", "春休み午前（延長）": "春休み午前", "春休み午後": "春休み午後"}
    assert site_stems(["東灘保健センター", "灘保健センター", "北保健センター"]) == {
        "東灘保健センター": "東灘", "灘保健センター": "灘", "北保健センター": "北"}
    assert site_stems(["本院", "分院"]) == {"本院": "本院", "分院": "分院"}  # a one-character ending stays
    assert site_stems(["病棟", "5東病棟"]) == {"病棟": "病棟", "5東病棟": "5東病棟"}


def test_unfilled_and_violations(exported: openpyxl.Workbook) -> None:
    unfilled = list(exported["未充足"].iter_rows(min_row=3, values_only=True))
    assert unfilled == [("4/1(水)", "灘", "3歳児健診", "13:00", "16:00", 2, 1, 1)]
    violations = list(exported["違反"].iter_rows(min_row=3, values_only=True))
    assert violations[0][:4] == ("1日の上限", "必須", "H001", "山田 花子")
    assert violations[0][5:] == ("山田さんは4/29に2回", 0)
    assert violations[1][0] == "公平性" and violations[1][1] == "努力" and violations[1][6] == 3


def test_personal_sheet_has_a_block_per_person(exported: openpyxl.Workbook) -> None:
    ws = exported["個人別"]
    titles = [c.value for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("H00")]
    assert titles == ["H001  山田 花子", f"H002  {EVIL}", "H003  佐藤/美咲:", "H004  @鈴木"]
    assert len(ws.row_breaks.brk) == 4  # one printed page per person


def test_a_shift_ending_the_next_day_shows_翌(tmp_path: Path) -> None:
    """People read 16:30-翌1:00 (16:30-1:00 (next day) in English) in 個人別, the per-person
    workbooks, 未充足 and 違反; Assignments keeps its machine format, 25:00."""
    problem = _ward(days=2)
    late = problem.requirements[1]
    roster = _placed(problem, ("N01", 1, "準夜"))
    violation = Violation("max_per_day", True, "…", 0, "N01", late.id)
    write_roster(tmp_path / "w.xlsx", problem, roster, [violation], CATALOGUE)
    wb = openpyxl.load_workbook(tmp_path / "w.xlsx")
    assert ("4/1(水)", "16:30-翌1:00", "5東", "準夜") in [r[:4] for r in wb["個人別"].iter_rows(values_only=True)]
    assert ("4/2(木)", "5東", "準夜", "16:30", "翌1:00", 1, 0, 1) in list(wb["未充足"].iter_rows(values_only=True))
    assert wb["違反"].cell(row=3, column=5).value == "4/1 5東 準夜 16:30-翌1:00"
    assert ("2026-04-01", "5東", "準夜", "16:30", "25:00", "N01", "看護 01子", False) in list(
        wb["Assignments"].iter_rows(values_only=True))
    # the copy of the input's 枠 sheet, read back by `haichi check`, as people write it (not 25:00)
    assert [row[4] for row in wb["枠"].iter_rows(min_row=2, values_only=True) if row[2] == "準夜"] == ["翌1:00"] * 2
    set_language("en")
    path, = write_personal_workbooks(tmp_path / "people", problem, roster, staff_ids={"N01"})
    ws = openpyxl.load_workbook(path).active
    assert ws.cell(row=4, column=2).value == "16:30-1:00 (next day)"
    assert ws.column_dimensions["B"].width > len("16:30-1:00 (next day)")  # not cut off
    write_roster(tmp_path / "en.xlsx", problem, roster)
    unfilled = openpyxl.load_workbook(tmp_path / "en.xlsx")["未充足"]
    assert "1:00 (next day)" in [c.value for c in unfilled["E"]]
    assert unfilled.column_dimensions["E"].width > len("1:00 (next day)")


def test_personal_workbooks_one_per_person(tmp_path: Path) -> None:
    problem = _problem()
    paths = write_personal_workbooks(tmp_path / "people", problem, _roster(problem))
    assert [p.name for p in paths] == ["H001_山田 花子.xlsx", "H002_=HYPERLINK(_http___x_,_y_).xlsx",
                                       "H003_佐藤_美咲_.xlsx", "H004_@鈴木.xlsx"]
    wb = openpyxl.load_workbook(paths[0])
    assert wb.sheetnames == ["個人別_山田 花子"]
    ws = wb.active
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.paperSize == 9
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert [r[:4] for r in rows] == [("4/1(水)", "13:00-16:00", "灘", "3歳児健診"),
                                      ("4/29(水) 昭和の日", "13:00-16:00", "灘", "3歳児健診")]
    evil = openpyxl.load_workbook(paths[1])
    assert evil.sheetnames == ["個人別_=HYPERLINK(\"httpx\",\"y\")"]
    assert evil.active["A1"].data_type == "s"


def test_safe_names() -> None:
    assert safe_sheet_name("個人別_" + "あ" * 40) == "個人別_" + "あ" * 27
    assert safe_sheet_name("a/b:c?[d]*") == "abcd"
    assert safe_sheet_name("職員", taken=["職員"]) == "職員(2)"
    assert safe_file_stem("CON") == "_CON"
    assert safe_file_stem('a<b>c:"d"|e?*. ') == "a_b_c__d__e__"


def test_writer_without_text_sink_gives_the_same_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problem = _problem()
    write_roster(tmp_path / "fast.xlsx", problem, _roster(problem), (), CATALOGUE)
    monkeypatch.setattr(sheetwriter, "text_sink", lambda xf: None)  # as with lxml: openpyxl's own cells
    write_roster(tmp_path / "slow.xlsx", problem, _roster(problem), (), CATALOGUE)
    fast, slow = openpyxl.load_workbook(tmp_path / "fast.xlsx"), openpyxl.load_workbook(tmp_path / "slow.xlsx")
    for name in fast.sheetnames:
        cells = lambda wb: [(c.coordinate, c.value, c.data_type, c.fill.fgColor.rgb)  # noqa: E731
                            for row in wb[name].iter_rows() for c in row]
        assert cells(fast) == cells(slow), name


def test_roster_reads_back(tmp_path: Path) -> None:
    reader = pytest.importorskip("models.excel.roster_reader")
    problem = _problem()
    roster = _roster(problem)
    write_roster(tmp_path / "roster.xlsx", problem, roster, (), CATALOGUE)
    again, read = reader.read_roster(tmp_path / "roster.xlsx", CATALOGUE)
    assert again.staff == problem.staff
    assert sorted(again.requirements, key=lambda r: r.id) == sorted(problem.requirements, key=lambda r: r.id)
    assert again.availability == problem.availability
    assert read.pairs() == roster.pairs()
    assert {(a.staff_id, a.requirement_id) for a in read.assignments if a.locked} == {
        ("H001", problem.requirements[0].id)}


def test_a_ward_with_nights_lists_every_day_in_each_persons_schedule(tmp_path: Path) -> None:
    """A 夜勤 16:30-翌9:00 makes the next day 明: 個人別 and the per-person workbooks list every
    day of the month (shifts, 明, 休, 休（×） on a day marked ×) and count the days on duty."""
    problem = _ward(days=5)
    night = _req(1, "5東", "夜勤", 990, 1980, 1)
    problem = problem.with_(requirements=[*problem.requirements, night],
                            availability={("N01", date(2026, 4, 4)): Mark.UNAVAILABLE})
    roster = Roster([Assignment("N01", night.id), *_placed(problem, ("N01", 3, "日勤")).assignments])
    set_language("ja")
    write_roster(tmp_path / "w.xlsx", problem, roster)
    rows = list(openpyxl.load_workbook(tmp_path / "w.xlsx")["個人別"].iter_rows(values_only=True))
    assert rows[1][0] == "2回　25時間　勤務 3日・休日 2日"
    assert [r[:4] for r in rows[3:8]] == [
        ("4/1(水)", "16:30-翌9:00", "5東", "夜勤"), ("4/2(木)", "〜9:00", "5東", "明（夜勤明け）"),
        ("4/3(金)", "08:30-17:00", "5東", "日勤"), ("4/4(土)", None, None, "休（×）"), ("4/5(日)", None, None, "休")]
    path, = write_personal_workbooks(tmp_path / "people", problem, roster, staff_ids={"N01"})
    sheet = openpyxl.load_workbook(path).active
    assert "勤務 3日・休日 2日" in sheet.cell(row=2, column=1).value
    assert [sheet.cell(row=r, column=4).value for r in range(4, 9)] == ["夜勤", "明（夜勤明け）", "日勤", "休（×）", "休"]
    plain = _ward(days=7)  # 準夜 to 翌1:00 takes no morning: only the days worked, as before
    write_roster(tmp_path / "p.xlsx", plain, _placed(plain, ("N01", 1, "準夜")))
    rows = list(openpyxl.load_workbook(tmp_path / "p.xlsx")["個人別"].iter_rows(values_only=True))
    assert rows[1][0] == "1回　8時間30分" and rows[3][3] == "準夜" and rows[4] == (None,) * 5


def test_a_long_legend_of_short_names_is_broken_to_the_tables_width(tmp_path: Path) -> None:
    """55 patients' homes shortened in one legend line ran far past the table, and the page, fitted
    to that width, printed the 勤務表 at a third of its size."""
    from models.excel.sheets_duty import _broken
    from models.excel.styles import text_width

    line = "会場の略称: " + "、".join(f"宅{i:02d}＝利用者宅 {i:02d} 様" for i in range(55))
    pieces = _broken(line, 80)
    assert len(pieces) > 5 and all(text_width(p) <= 80 for p in pieces)
    # nothing lost: the pieces, their indent taken off, are the line
    assert "".join(p[2:] if i else p for i, p in enumerate(pieces)) == line
    assert [p.strip() for p in pieces][0].startswith("会場の略称:") and pieces[-1].strip().endswith("54 様")


def test_a_session_short_of_a_required_skill_is_short_on_paper(tmp_path: Path) -> None:
    """A check-up with its headcount but no 栄養士: 配置表 said 未充足 0 件 and 未充足 that every session
    had its staff; only 違反 told."""
    problem = _problem()
    nada29 = problem.requirements[0]
    reqs = [Requirement(nada29.id, nada29.date, nada29.site, nada29.activity, nada29.start, nada29.end, 2,
                        required_skills=(("栄養士", 1),)), *problem.requirements[1:]]
    problem = problem.with_(requirements=reqs)
    write_roster(tmp_path / "r.xlsx", problem, _roster(problem))
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    master = wb["配置表"]
    assert "未充足 2 件" in master["A2"].value
    [cell] = [c for row in master.iter_rows(min_row=4) for c in row if c.value and "栄養士" in str(c.value)]
    assert cell.value == "3歳児健診 13:00-16:00\n山田 花子、佐藤/美咲:\n（栄養士 あと1人）"
    assert cell.fill.fgColor.rgb.endswith(SHORT_FILL)
    unfilled = list(wb["未充足"].iter_rows(min_row=3, values_only=True))
    assert unfilled == [("4/1(水)", "灘", "3歳児健診", "13:00", "16:00", 2, 1, 1, None),
                        ("4/29(水) 昭和の日", "灘", "3歳児健診", "13:00", "16:00", 2, 2, None, "栄養士 あと1人")]
    assert wb["未充足"]["I2"].value == "足りないスキル"
    _, read, report = read_roster_and_grid(tmp_path / "r.xlsx")
    assert {(a.staff_id, a.requirement_id) for a in read.assignments} == {(a.staff_id, a.requirement_id)
                                                                          for a in _roster(problem).assignments}
    assert report.notes() == []


def test_a_skills_most_goes_out_in_the_copied_sessions_and_comes_back(tmp_path: Path) -> None:
    """保健師:2〜3 and 新人:0〜1 written back as they were typed, so `haichi check` reads them again."""
    from models.excel.importer import read_workbooks

    problem = _problem()
    first = problem.requirements[0]
    reqs = [replace(first, required_skills=(("保健師", 2),), skill_caps=(("保健師", 3), ("新人", 1))),
            *problem.requirements[1:]]
    problem = problem.with_(requirements=reqs)
    write_roster(tmp_path / "r.xlsx", problem, _roster(problem))
    copied = openpyxl.load_workbook(tmp_path / "r.xlsx")["枠"]
    column = [c.value for c in copied[1]].index("必要スキル") + 1
    assert "保健師:2〜3、新人:0〜1" in [copied.cell(row=r, column=column).value for r in range(2, copied.max_row + 1)]
    again = {r.id: r for r in read_workbooks([tmp_path / "r.xlsx"]).requirements}
    assert again[first.id].skill_needs == ((("保健師", 2),), (("保健師", 3), ("新人", 1)))


def test_days_of_the_week_go_out_on_the_copied_staff_sheet_and_come_back(tmp_path: Path) -> None:
    from models.excel.importer import read_workbooks

    problem = _problem()
    problem = problem.with_(staff=[replace(problem.staff[0], weekdays="火木"), *problem.staff[1:]])
    write_roster(tmp_path / "r.xlsx", problem, _roster(problem))
    copied = openpyxl.load_workbook(tmp_path / "r.xlsx")["職員"]
    column = [c.value for c in copied[1]].index("勤務曜日") + 1
    assert copied.cell(row=2, column=column).value == "火・木"
    assert read_workbooks([tmp_path / "r.xlsx"]).staff_by_id("H001").weekdays == "火木"


def test_names_in_the_master_roster_say_the_role_they_fill_and_read_back(tmp_path: Path) -> None:
    """A check-up's pediatrician, dentist and nurses were names alone: who was the doctor?"""
    problem = _problem()
    nada29 = problem.requirements[0]
    reqs = [replace(nada29, required_skills=(("リーダー", 1),)), *problem.requirements[1:]]
    staff = [replace(problem.staff[2], skills=frozenset({"リーダー"})), *problem.staff[:2], *problem.staff[3:]]
    problem = problem.with_(requirements=reqs, staff=staff)
    write_roster(tmp_path / "r.xlsx", problem, _roster(problem))
    master = openpyxl.load_workbook(tmp_path / "r.xlsx")["配置表"]
    cells = [c.value for row in master.iter_rows(min_row=4) for c in row if c.value and "リーダー" in str(c.value)]
    assert cells == ["3歳児健診 13:00-16:00\n山田 花子、\n佐藤/美咲:（リーダー）"]
    _, read, report = read_roster_and_grid(tmp_path / "r.xlsx")
    assert {(a.staff_id, a.requirement_id) for a in read.assignments} == {(a.staff_id, a.requirement_id)
                                                                          for a in _roster(problem).assignments}
    assert report.notes() == []
    # a role with brackets of its own (an exam's 熱力学Ⅰ（建築）担当) reads back: check refused the export
    bracketed = "熱力学Ⅰ（建築）担当"
    odd = problem.with_(requirements=[replace(nada29, required_skills=((bracketed, 1),)), *problem.requirements[1:]],
                        staff=[replace(problem.staff[2], skills=frozenset({bracketed})), *problem.staff[:2],
                               *problem.staff[3:]])
    write_roster(tmp_path / "b.xlsx", odd, _roster(odd))
    _, read, report = read_roster_and_grid(tmp_path / "b.xlsx")
    assert len(read.assignments) == len(_roster(odd).assignments) and report.notes() == []
    # one person alone in a session is not labelled: a night's one doctor read （当直可） like a remark
    alone = problem.with_(requirements=[replace(problem.requirements[2], required_skills=(("リーダー", 1),)),
                                        *problem.requirements[:2], *problem.requirements[3:]])
    one = Roster([Assignment("H003", problem.requirements[2].id)])
    assert role_labels(alone, one) == {("H003", problem.requirements[2].id): "佐藤/美咲:"}
    # two helpers of a visit needing two of one either-skill: the same role twice tells nobody apart
    both = next(r for r in problem.requirements if len(_roster(problem).staff_for(r.id)) == 2)
    people = _roster(problem).staff_for(both.id)
    same = problem.with_(requirements=[replace(both, required_skills=(("リーダー", 2),)), *[
        r for r in problem.requirements if r.id != both.id]], staff=[
        replace(s, skills=s.skills | {"リーダー"}) if s.id in people else s for s in problem.staff])
    labels = role_labels(same, _roster(same))
    assert all("（" not in labels[(i, both.id)] for i in people)
    # but where the role is asked of one place of two (放課後児童支援員:1), both holding it are printed: a club's
    # shift of two 支援員 printed bare had read as having none
    fewer = same.with_(requirements=[replace(same.requirement(both.id), required_skills=(("リーダー", 1),)), *[
        r for r in same.requirements if r.id != both.id]])
    labels = role_labels(fewer, _roster(fewer))
    assert all(labels[(i, both.id)].endswith("（リーダー）") for i in people)


def test_someone_taking_two_roles_is_labelled_with_both_and_reads_back(tmp_path: Path) -> None:
    """A session needing 看護師 and a リーダー: the leader nurse was printed as 看護師 only, and could not tell she
    led it. Everyone is labelled with each skill asked for that they hold: the nurses beyond 看護師's count too
    (printed bare, they were no longer told apart from the clerks)."""
    from models.stats import roles

    nurse, leader = frozenset({"看護師"}), frozenset({"看護師", "リーダー"})
    people = [replace(s, skills=k) for s, k in zip(_problem().staff[:4], (leader, nurse, nurse, frozenset()))]
    assert roles((("看護師", 2), ("リーダー", 1)), people, apart=False) == {
        people[0].id: "看護師・リーダー", people[1].id: "看護師", people[2].id: "看護師"}
    assert roles((("看護師", 2), ("リーダー", 1)), people, apart=True) == {
        people[0].id: "リーダー", people[1].id: "看護師", people[2].id: "看護師"}
    # either skill (`助産師または看護師`) as the person holds it: a nurse had been printed as 助産師または看護師
    either = [replace(people[0], skills=frozenset({"看護師", "助産師または看護師"})),
              replace(people[1], skills=frozenset({"助産師", "看護師", "助産師または看護師"}))]
    assert roles((("助産師または看護師", 1),), either, apart=False) == {either[0].id: "看護師", either[1].id: "助産師・看護師"}
    assert roles((("助産師または看護師", 1),), either[:1], apart=True) == {either[0].id: "看護師"}
    problem = _problem()
    both = next(r for r in problem.requirements if len(_roster(problem).staff_for(r.id)) == 2)
    first, second = sorted(_roster(problem).staff_for(both.id))
    two = problem.with_(requirements=[replace(both, required_skills=(("看護師", 2), ("リーダー", 1))), *[
        r for r in problem.requirements if r.id != both.id]], staff=[
        replace(s, skills=leader if s.id == first else nurse) if s.id in (first, second) else s for s in problem.staff])
    assert role_labels(two, _roster(two))[(first, both.id)].endswith("（看護師・リーダー）")
    write_roster(tmp_path / "r.xlsx", two, _roster(two))
    _, read, report = read_roster_and_grid(tmp_path / "r.xlsx")
    assert {(a.staff_id, a.requirement_id) for a in read.assignments} == {(a.staff_id, a.requirement_id)
                                                                          for a in _roster(two).assignments}
    assert report.notes() == []


def test_hours_a_week_go_out_on_the_copied_staff_sheet_and_come_back(tmp_path: Path) -> None:
    """A full-timer's 40 hours a week could only be set in the rules dialog, not on the 職員 sheet."""
    from models.excel.importer import read_workbooks

    problem = _problem()
    problem = problem.with_(staff=[replace(problem.staff[0], min_minutes_per_week=2400, max_minutes_per_month=9930),
                                   *problem.staff[1:]])
    write_roster(tmp_path / "r.xlsx", problem, _roster(problem))
    copied = openpyxl.load_workbook(tmp_path / "r.xlsx")["職員"]
    header = [c.value for c in copied[1]]
    assert copied.cell(row=2, column=header.index("週時間下限") + 1).value == 40
    assert copied.cell(row=2, column=header.index("月時間上限") + 1).value == 165.5
    again = read_workbooks([tmp_path / "r.xlsx"]).staff_by_id("H001")
    assert (again.min_minutes_per_week, again.max_minutes_per_month) == (2400, 9930)


def test_a_day_of_leave_is_written_by_its_word_in_the_personal_schedule(tmp_path: Path) -> None:
    """A firefighter's 年休 read 休（×） in 個人別, as a day asked off."""
    ward = _ward(days=3)  # with a 夜勤 into the morning, 個人別 lists every day
    problem = ward.with_(requirements=[*ward.requirements, _req(1, "5東", "夜勤", 990, 1980, 1)],
                         availability={("N01", date(2026, 4, 2)): Mark.UNAVAILABLE,
                                       ("N01", date(2026, 4, 3)): Mark.UNAVAILABLE},
                         leave={("N01", date(2026, 4, 2)): "年休"})
    write_roster(tmp_path / "p.xlsx", problem, _placed(problem, ("N01", 1, "準夜")))
    cells = [c for row in openpyxl.load_workbook(tmp_path / "p.xlsx")["個人別"].iter_rows(values_only=True) for c in row]
    assert "年休" in cells and "休（×）" in cells


def test_a_day_asked_off_is_written_as_希_and_counted_as_a_day_off(tmp_path: Path) -> None:
    """A ward's 希 (希望休) showed as × in 勤務表, like a day the person simply cannot work; the ward
    tells the two apart. It is still a day off (公休), unlike 有休."""
    from models.domain import WISHED_OFF

    days = {day: date(2026, 4, day) for day in (2, 3, 4)}
    ward = _ward(days=5)  # working two days of five, a third or more: 個人別 lists every day
    problem = ward.with_(requirements=[*ward.requirements, _req(1, "5東", "夜勤", 990, 1980, 1)],
                         availability={("N01", d): Mark.UNAVAILABLE for d in days.values()},
                         leave={("N01", days[2]): WISHED_OFF, ("N01", days[3]): "有休"})
    assert problem.leave_days("N01") == {days[3]} and problem.day_words("N01") == {days[2]: "希", days[3]: "有休"}
    write_roster(tmp_path / "w.xlsx", problem, _placed(problem, ("N01", 1, "日勤"), ("N01", 5, "日勤")))
    book = openpyxl.load_workbook(tmp_path / "w.xlsx")
    ws = book["勤務表"]
    assert [c.value for c in ws[5]][2:6] == ["日勤", "希", "有休", "×"]
    assert ws.cell(row=5, column=len(ws[3])).value == 2  # 休み: 希 and ×, not 有休
    legend = [row[0] for row in ws.iter_rows(values_only=True) if row[0]]
    assert "希 希望休（本人が休みを希望した日、休みに数える）" in legend and "有休 休暇・研修など（休みに数えない）" in legend
    cells = [c for row in book["個人別"].iter_rows(values_only=True) for c in row]
    assert "休（希望）" in cells and "有休" in cells and "休（×）" in cells


def test_a_day_off_set_beforehand_is_written_as_公_and_counted_as_a_day_off(tmp_path: Path) -> None:
    """A ward writes 公 on the days off it has already set (New Year's Day): the 勤務表 showed them as ×,
    like a day the nurse cannot work."""
    from models.domain import SET_OFF

    days = {day: date(2026, 4, day) for day in (2, 3)}
    ward = _ward(days=5)
    problem = ward.with_(availability={("N01", d): Mark.UNAVAILABLE for d in days.values()},
                         leave={("N01", days[2]): SET_OFF})
    assert problem.leave_days("N01") == set() and problem.day_words("N01") == {days[2]: "公"}
    write_roster(tmp_path / "k.xlsx", problem, _placed(problem, ("N01", 1, "日勤"), ("N01", 5, "日勤")))
    book = openpyxl.load_workbook(tmp_path / "k.xlsx")
    ws = book["勤務表"]
    assert [c.value for c in ws[5]][2:5] == ["日勤", "公", "×"]
    legend = [row[0] for row in ws.iter_rows(values_only=True) if row[0]]
    assert "公 公休（前もって決まった休み、休みに数える）" in legend
    assert "休（公休）" in [c for row in book["個人別"].iter_rows(values_only=True) for c in row]


def test_a_night_stands_out_in_the_duty_roster(tmp_path: Path) -> None:
    """A ward checks its nights first on the printed 勤務表, where they read like 日勤: a session into the
    next morning is bold and dark red; one inside the day (深夜 0:30-9:00 included) is not."""
    problem = _ward(days=3)
    write_roster(tmp_path / "n.xlsx", problem, _placed(problem, ("N01", 1, "日勤"), ("N01", 2, "準夜"), ("N01", 3, "深夜")))
    row = openpyxl.load_workbook(tmp_path / "n.xlsx")["勤務表"][5]
    day, night, late = row[2], row[3], row[4]
    assert (day.value, night.value, late.value) == ("日勤", "準夜", "深夜")
    assert night.font.b and night.font.color.rgb.endswith("9C1C1C")
    assert not day.font.b and not late.font.b


def test_a_sessions_break_goes_out_and_comes_back(tmp_path: Path) -> None:
    """休憩 in 枠 is written back (blank without one), and the 集計 minutes leave it out."""
    problem = _ward(days=2)
    day = problem.requirements[0]
    rested = problem.with_(requirements=[replace(day, break_minutes=45), *problem.requirements[1:]])
    roster = _placed(rested, ("N01", 1, day.activity))
    write_roster(tmp_path / "b.xlsx", rested, roster, [], CATALOGUE)
    again = read_workbooks([tmp_path / "b.xlsx"], CATALOGUE)
    assert {r.id: r.break_minutes for r in again.requirements} == {r.id: r.break_minutes for r in rested.requirements}
    wb = openpyxl.load_workbook(tmp_path / "b.xlsx")
    header = [c.value for c in wb["枠"][1]]
    at = header.index("休憩")
    breaks = [row[at] for row in wb["枠"].iter_rows(min_row=2, values_only=True)]
    assert sorted(breaks, key=lambda b: b or 0) == [None] * (len(breaks) - 1) + [45]
    assert sum(r.minutes for r in again.requirements if r.id == day.id) == 510 - 45


def test_a_plan_named_for_its_sheet_is_not_titled_twice() -> None:
    """A nursery's plan `2027年2月 勤務表` printed `2027年2月 勤務表 勤務表` over its duty roster."""
    from models.excel.sheetwriter import plan_title
    from models.i18n import language, set_language

    before = language()
    set_language("ja")
    try:
        assert plan_title("2027年2月 勤務表", "勤務表", "duty roster") == "2027年2月 勤務表"
        assert plan_title("2027年2月 勤務表", "配置表", "roster") == "2027年2月 勤務表 配置表"
    finally:
        set_language(before)


def test_someone_working_a_third_of_the_days_reads_every_day_on_their_sheet(tmp_path: Path) -> None:
    """A nursery's 正規, on 早番 and 遅番 most days, could not see her 有休 and 希 on her 個人別 sheet; a
    hygienist with a few sessions still reads only the days she works."""
    problem = _problem()
    days = [date(2026, 4, d) for d in range(3, 15)]  # twelve days of 30: more than a third
    reqs = [_req(d.day, "灘", "保育", 510, 1050, 1) for d in days]
    busy = problem.with_(requirements=[*problem.requirements, *reqs], leave={("H004", date(2026, 4, 20)): "有休"},
                         availability={**problem.availability, ("H004", date(2026, 4, 20)): Mark.UNAVAILABLE})
    roster = Roster([*_roster(problem).assignments, *(Assignment("H004", r.id) for r in reqs)])
    write_roster(tmp_path / "r.xlsx", busy, roster)
    rows = [r[:4] for r in openpyxl.load_workbook(tmp_path / "r.xlsx")["個人別"].iter_rows(values_only=True)]
    start = rows.index(("H004  @鈴木", None, None, None))
    assert ("4/20(月)", None, None, "有休") in rows[start:] and ("4/21(火)", None, None, "休（×）") in rows[start:]
    first = rows.index(("H001  山田 花子", None, None, None))
    assert not any(r[0] == "4/20(月)" for r in rows[first:start])  # two sessions: her working days only


def _blocks(ws) -> list[list[tuple]]:
    """The 会場別 sheet's blocks: each a title row, then its rows up to the blank one."""
    blocks: list[list[tuple]] = []
    for row in ws.iter_rows(values_only=True):
        if not any(row):
            continue
        if row[1:] == (None,) * (len(row) - 1) and "　" in str(row[0]) and "(" in str(row[0]):
            blocks.append([row])
        else:
            blocks[-1].append(row)
    return blocks


def test_each_sites_day_is_a_block_of_its_sessions_people_by_role_and_empty_places(tmp_path: Path) -> None:
    """A clinic's 会場責任者 wanted their own day: the 配置表 of four sites printed 22 mostly empty pages, and
    the people running each site had made their own day sheets. The role asked first comes first."""
    problem = _problem()
    nada29 = problem.requirements[0]
    reqs = [replace(nada29, min_staff=3, max_staff=3, required_skills=(("医師", 1), ("リーダー", 1)), notes="駐車場なし"),
            *problem.requirements[1:]]
    staff = [replace(s, skills=frozenset({"医師"})) if s.id == "H003" else
             replace(s, skills=frozenset({"リーダー"})) if s.id == "H001" else s for s in problem.staff]
    closed = replace(_req(9, "東", "-妊婦健診", 570, 690, 1), notes="設備点検のため中止")
    problem = problem.with_(requirements=reqs, staff=staff, closed=[closed])
    write_roster(tmp_path / "r.xlsx", problem, _roster(problem))
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    blocks = _blocks(book["会場別"])
    titles = [block[0][0] for block in blocks]
    # sites in the 会場 sheet's order, then by date; the day called off listed at its site
    assert titles == ["灘　4/1(水)", "灘　4/29(水) 昭和の日", "東　4/2(木)", "東　4/9(木)", "東　4/29(水) 昭和の日"]
    nada = blocks[1]
    assert nada[1][0] == "4月 健診　2人（必要 3人）　不足 1人"
    assert nada[2] == ("時間", "内容", "役割", "氏名", "備考")
    # the doctor first (医師 is asked first), then the leader, then the place nobody fills
    assert nada[3:] == [("13:00-16:00", "3歳児健診", "医師", "佐藤/美咲:", "駐車場なし"),
                        (None, None, "リーダー", "山田 花子", None),
                        (None, None, None, "（未配置）", None)]
    assert blocks[3][3] == ("09:30-11:30", "-妊婦健診", None, "（設備点検のため中止）", None)
    ws = book["会場別"]
    short = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=4).value == "（未配置）")
    assert ws.cell(row=short, column=4).fill.fgColor.rgb.endswith(SHORT_FILL)
    # a page holds whole days of one site: a new site starts a page
    breaks = [b.id for b in ws.row_breaks.brk]
    first_east = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(row=r, column=1).value).startswith("東　"))
    assert first_east - 1 in breaks
    # the sheet is an output: the workbook still reads back as exported
    _, read, report = read_roster_and_grid(tmp_path / "r.xlsx")
    assert len(read.assignments) == len(_roster(problem).assignments) and report.notes() == []
    notes: list = []
    read_workbooks([tmp_path / "r.xlsx"], notes=notes)
    assert all("会場別" not in str(note) for note in notes)


def test_a_skill_present_in_too_few_is_a_place_for_that_role(tmp_path: Path) -> None:
    """Three placed where a doctor is asked for and none holds it: the row says the role nobody takes."""
    problem = _problem()
    nada29 = problem.requirements[0]
    problem = problem.with_(requirements=[replace(nada29, required_skills=(("医師", 1),)), *problem.requirements[1:]])
    write_roster(tmp_path / "r.xlsx", problem, _roster(problem))
    block = _blocks(openpyxl.load_workbook(tmp_path / "r.xlsx")["会場別"])[1]
    assert block[-1] == (None, None, "医師", "（この役割の人がいません）", None)


def test_a_plan_of_one_site_has_no_site_sheet(tmp_path: Path) -> None:
    problem = _problem()
    one = problem.with_(requirements=[r for r in problem.requirements if r.site == "灘"])
    write_roster(tmp_path / "r.xlsx", one, Roster([a for a in _roster(problem).assignments if one.has_requirement(
        a.requirement_id)]))
    assert "会場別" not in openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames


def test_a_persons_own_schedule_says_the_role_they_take(tmp_path: Path) -> None:
    """A polling station's 従事通知 said no role (投票管理者, 庶務係), though 配置表 and 会場別 did."""
    problem = _problem()
    nada29 = problem.requirements[0]
    problem = problem.with_(requirements=[replace(nada29, required_skills=(("リーダー", 1),)), *problem.requirements[1:]],
                            staff=[replace(s, skills=frozenset({"リーダー"})) if s.id == "H003" else s
                                   for s in problem.staff])
    write_roster(tmp_path / "r.xlsx", problem, _roster(problem))
    cells = [c.value for row in openpyxl.load_workbook(tmp_path / "r.xlsx")["個人別"].iter_rows() for c in row]
    assert "3歳児健診（リーダー）" in cells and cells.count("3歳児健診") == 2  # 山田 花子, in no role
    files = write_personal_workbooks(tmp_path / "people", problem, _roster(problem), staff_ids={"H003"})
    ws = openpyxl.load_workbook(files[0]).active
    assert "3歳児健診（リーダー）" in [c.value for row in ws.iter_rows() for c in row]


def test_sites_the_sites_sheet_does_not_list_run_by_their_numbers() -> None:
    """An election office's 配置表 listed 第29, 第2, 第30: the stations' numbers are read as numbers."""
    from models.excel.sheets_master import list_order, site_order

    problem = _problem()
    base = problem.requirements[0]
    stations = [replace(base, id=f"s{n}", site=f"第{n}投票所") for n in (29, 2, 30, 10)]
    problem = problem.with_(requirements=stations, sites=[])
    assert site_order(problem) == ["第2投票所", "第10投票所", "第29投票所", "第30投票所"]
    assert [r.site for r in list_order(problem)] == site_order(problem)
