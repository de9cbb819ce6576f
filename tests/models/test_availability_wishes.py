"""A shift's name in the 勤務可否 matrix (`日勤`, `深夜希望`, `日勤/準夜`): available that day and a wish for it."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from models.domain import Mark, ShiftRequest
from models.excel.importer import collect
from models.i18n import set_language
from tests.models.workbooks import MATRIX_ROWS, form, standard, write_book

WARD_SESSIONS = [
    ["日付", "会場", "内容", "開始", "終了", "必要人数"],
    *[[datetime(2026, 4, d), "3階東", name, time(*start), time(*end), 1]
      for d in (1, 14) for name, start, end in (("日勤", (8, 30), (17, 0)), ("準夜", (16, 30), (1, 0)),
                                                ("深夜", (0, 30), (9, 0)))],
]


def _read(tmp_path: Path, *rows: list[object], **sheets: list[list[object]]):
    book = write_book(tmp_path / "ward.xlsx", standard(枠=WARD_SESSIONS, 勤務可否=[MATRIX_ROWS[0], *rows], **sheets))
    return collect([book])


def test_a_shift_named_in_a_cell_is_a_wish_for_it_on_a_day_marked_available(tmp_path: Path) -> None:
    problem, problems = _read(tmp_path, ["H001", "山田 花子", "日勤", " 深夜希望 "], ["H002", "佐藤 次郎", "日勤/準夜", "×"])
    assert problems == []
    assert problem.requests == [
        ShiftRequest("H001", date(2026, 4, 1), "日勤", on=True, weight=1),
        ShiftRequest("H001", date(2026, 4, 14), "深夜", on=True, weight=1),
        ShiftRequest("H002", date(2026, 4, 1), "日勤+準夜", on=True, weight=1),
    ]
    assert problem.availability[("H001", date(2026, 4, 1))] is Mark.AVAILABLE
    assert problem.availability[("H002", date(2026, 4, 1))] is Mark.AVAILABLE
    assert problem.availability[("H002", date(2026, 4, 14))] is Mark.UNAVAILABLE


def test_a_day_off_written_as_a_ward_writes_it_is_a_cross_beside_the_wishes(tmp_path: Path) -> None:
    """`休み` (refused as an unknown mark before), `休み希望` and `有給`: ×, no wish; `日勤希望` still one."""
    problem, problems = _read(tmp_path, ["H001", "山田 花子", "休み", "日勤希望"], ["H002", "佐藤 次郎", "休み希望", "有給"])
    assert problems == []
    assert [problem.availability[key] for key in sorted(problem.availability)] == [
        Mark.UNAVAILABLE, Mark.AVAILABLE, Mark.UNAVAILABLE, Mark.UNAVAILABLE]
    assert problem.requests == [ShiftRequest("H001", date(2026, 4, 14), "日勤", on=True)]


def test_a_form_replaces_the_matrix_row_and_its_wishes(tmp_path: Path) -> None:
    main = write_book(tmp_path / "ward.xlsx", standard(枠=WARD_SESSIONS, 勤務可否=[
        MATRIX_ROWS[0], ["H001", "山田 花子", "日勤", "○"], ["H002", "佐藤 次郎", "深夜", "○"]]))
    returned = write_book(tmp_path / "form.xlsx", {"勤務可否": form("H001", [[datetime(2026, 4, 1), "水", "×"]])})
    problem, problems = collect([main, returned])
    assert problems == []
    assert problem.requests == [ShiftRequest("H002", date(2026, 4, 1), "深夜", on=True)]


@pytest.mark.parametrize("language, message", [
    ("en", 'ward.xlsx 勤務可否!C2: unknown mark "日勤x" (write ○, △, ×, 午前 (AM), 午後 (PM), the hours free '
           '(15時から, 〜15時), a shift to ask for it: 日勤, 準夜, 深夜, or one refused that day (日勤不可); 休み, 公休, 有休, '
           '年休, 研修 and the like read as ×)'),
    ("ja", 'ward.xlsx 勤務可否!C2: 不明な記号 "日勤x"（○・△・×・午前・午後・勤務できる時間（15時から・〜15時）のどれか、'
           '希望する勤務名 日勤、準夜、深夜、または断る勤務（日勤不可）を記入。休み・公休・有休・年休・研修 なども × と読みます）'),
])
def test_a_shift_the_plan_does_not_have_is_refused_naming_the_plan_s_shifts(tmp_path: Path, language: str,
                                                                            message: str) -> None:
    set_language(language)
    problem, problems = _read(tmp_path, ["H001", "山田 花子", "日勤x", "○"], ["H002", "佐藤 次郎", "日勤/夜勤", "○"])
    assert problem is None
    assert [str(p) for p in problems][0] == message
    assert [p.cell for p in problems] == ["C2", "C3"]  # 夜勤 is no shift of this plan, so neither is 日勤/夜勤


def test_a_day_away_is_a_cross_unless_the_plan_has_a_shift_of_that_name(tmp_path: Path) -> None:
    """研修 and 出張 (training, a trip) keep a nurse off the ward: ×. A plan whose shift is 研修 reads
    `研修` as a wish for it."""
    problem, problems = _read(tmp_path, ["H001", "山田 花子", "研修", "出張"])
    assert problems == [] and problem.requests == []
    assert {problem.availability[("H001", d)] for d in (date(2026, 4, 1), date(2026, 4, 14))} == {Mark.UNAVAILABLE}
    training = [*WARD_SESSIONS, [datetime(2026, 4, 1), "3階東", "研修", time(13), time(15), 1]]
    book = write_book(tmp_path / "training.xlsx",
                      standard(枠=training, 勤務可否=[MATRIX_ROWS[0], ["H001", "山田 花子", "研修", "出張"]]))
    problem, problems = collect([book])
    assert problems == [] and problem.availability[("H001", date(2026, 4, 1))] is Mark.AVAILABLE
    assert problem.requests == [ShiftRequest("H001", date(2026, 4, 1), "研修", on=True, weight=1)]


def test_a_half_day_mark_stays_a_mark_when_a_shift_has_its_name(tmp_path: Path) -> None:
    """A library's shifts 午前 9:00-13:00, 午後 13:00-17:00 and 夜間: the template's 午前 (午前のみ) was read as
    a wish for the 午前 shift, and the person was put on 26 afternoon and evening shifts; 午前希望 asks for it."""
    from models.excel.sheets_input import mark_choices

    library = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
               *[[datetime(2026, 4, d), "中央図書館", name, time(*start), time(*end), 1]
                 for d in (1, 14) for name, start, end in (("午前", (9, 0), (13, 0)), ("午後", (13, 0), (17, 0)),
                                                           ("夜間", (16, 30), (20, 0)))]]
    book = write_book(tmp_path / "lib.xlsx", standard(枠=library, 勤務可否=[
        MATRIX_ROWS[0], ["H001", "山田 花子", "午前", "午前希望"], ["H002", "佐藤 次郎", "夜間", "午後"]]))
    problem, problems = collect([book])
    assert problems == []
    assert problem.availability[("H001", date(2026, 4, 1))] is Mark.AM_ONLY
    assert problem.availability[("H002", date(2026, 4, 14))] is Mark.PM_ONLY
    assert problem.requests == [ShiftRequest("H001", date(2026, 4, 14), "午前", on=True, weight=1),
                                ShiftRequest("H002", date(2026, 4, 1), "夜間", on=True, weight=1)]
    morning, afternoon, evening = (r for r in problem.requirements if r.date == date(2026, 4, 1))
    assert Mark.AM_ONLY.allows(morning.start, morning.end)  # 9:00-13:00 is the morning, though past noon
    assert not Mark.AM_ONLY.allows(afternoon.start, afternoon.end) and not Mark.AM_ONLY.allows(540, 1020)
    # a nursery's 早番 7:00-16:00 lies mostly before noon, yet 午後休 keeps its afternoon; 7:00-13:30 is a morning
    assert not Mark.AM_ONLY.allows(420, 960) and Mark.AM_ONLY.allows(420, 810) and not Mark.AM_ONLY.allows(420, 811)
    assert Mark.AM_ONLY.allows(710, 800)  # a university's 2限 11:50-13:20 is the morning's
    assert Mark.PM_ONLY.allows(evening.start, evening.end) and not Mark.PM_ONLY.allows(morning.start, morning.end)
    assert mark_choices(["午前", "午後", "夜間"]) == ("○", "△", "×", "希", "有休", "午前", "午後", "午前希望", "午後希望", "夜間")


def test_leave_is_kept_as_written_through_the_export_and_a_returned_form(tmp_path: Path) -> None:
    """`有` (a ward's 有休, refused before), `有休希望` and `研修`: ×, and leave, no day off (公休); the
    exported 勤務可否 writes the leave back, so `check` counts the days off the same."""
    rows = [["H001", "山田 花子", "有", "研修"], ["H002", "佐藤 次郎", "有休希望", "休み"]]
    problem, problems = _read(tmp_path, *rows)
    assert problems == []
    first, second = date(2026, 4, 1), date(2026, 4, 14)
    assert problem.leave == {("H001", first): "有休", ("H001", second): "研修", ("H002", first): "有休"}
    assert {problem.availability[key] for key in problem.leave} == {Mark.UNAVAILABLE}
    again, both = _exported_and_answered(tmp_path, problem, rows, ("○", "年休"))
    assert again.leave == problem.leave
    assert both.leave == {("H001", first): "有休", ("H001", second): "研修", ("H002", second): "年休"}


def _exported_and_answered(tmp_path: Path, problem, rows: list[list[object]], answers: tuple[str, str]):
    """`problem` exported and read back; the ward workbook of `rows` read with H002's returned form,
    whose `answers` are for 4/1 and 4/14 (a form replaces its person's row)."""
    from models.domain import Roster
    from models.excel.export import write_roster
    from solver.rules import CATALOGUE

    write_roster(tmp_path / "out.xlsx", problem, Roster([]), [], CATALOGUE)
    again, problems = collect([tmp_path / "out.xlsx"], CATALOGUE)
    assert problems == []
    returned = write_book(tmp_path / "form.xlsx", {"勤務可否": form("H002", [[datetime(2026, 4, 1), "水", answers[0]],
                                                                             [datetime(2026, 4, 14), "火", answers[1]]])})
    main = write_book(tmp_path / "ward2.xlsx", standard(枠=WARD_SESSIONS, 勤務可否=[MATRIX_ROWS[0], *rows]))
    both, problems = collect([main, returned])
    assert problems == []
    return again, both


def test_a_day_asked_off_keeps_its_word_and_stays_a_day_off(tmp_path: Path) -> None:
    problem, problems = _read(tmp_path, ["H001", "山田 花子", "希", "希望休"], ["H002", "佐藤 次郎", "休", "有休"])
    first, second = date(2026, 4, 1), date(2026, 4, 14)
    assert problems == [] and problem.leave == {("H001", first): "希", ("H001", second): "希", ("H002", second): "有休"}
    assert problem.leave_days("H001") == set() and problem.leave_days("H002") == {second}


def test_the_morning_after_last_months_night_is_no_day_off(tmp_path: Path) -> None:
    """`明` on the first day (a 夜勤 that began on the last day of the month before), refused before: the
    nurse cannot work that day, and it is no day off either (kept as leave, 明)."""
    problem, problems = _read(tmp_path, ["H001", "山田 花子", "明", "○"], ["H002", "佐藤 次郎", "明け", "休"])
    assert problems == []
    assert problem.leave == {("H001", date(2026, 4, 1)): "明", ("H002", date(2026, 4, 1)): "明"}
    assert problem.availability[("H001", date(2026, 4, 1))] is Mark.UNAVAILABLE


def test_a_fire_stations_words_are_read(tmp_path: Path) -> None:
    """年 (年休), 週休 and 非番 were refused as unknown marks; 年 is leave, 週休 and 非番 days off."""
    problem, problems = _read(tmp_path, ["H001", "山田 花子", "年", "週休"], ["H002", "佐藤 次郎", "非番", "年休"])
    assert problems == []
    assert {problem.availability[key] for key in problem.availability} == {Mark.UNAVAILABLE}
    assert problem.leave == {("H001", date(2026, 4, 1)): "年休", ("H002", date(2026, 4, 14)): "年休"}


def test_hours_free_are_read_kept_through_the_export_and_a_returned_form(tmp_path: Path) -> None:
    """`15時から`, `〜12時`, `△10時〜15時` (a part-timer's hours on the day): the day's mark and its hours,
    written back in the exported 勤務可否 so that `check` reads them the same; a form's hours replace the row's."""
    rows = [["H001", "山田 花子", "15時から", "〜12時"], ["H002", "佐藤 次郎", "△10時〜15時", "○"]]
    problem, problems = _read(tmp_path, *rows)
    first, second = date(2026, 4, 1), date(2026, 4, 14)
    assert problems == []
    assert problem.windows == {("H001", first): (900, None), ("H001", second): (0, 720), ("H002", first): (600, 900)}
    assert [problem.availability[key] for key in problem.windows] == [Mark.AVAILABLE, Mark.AVAILABLE, Mark.PREFER_NOT]
    day_shift = next(r for r in problem.requirements if r.date == first and r.activity == "日勤")  # 8:30-17:00
    evening = next(r for r in problem.requirements if r.date == first and r.activity == "準夜")  # 16:30-翌1:00
    assert not problem.allows("H001", first, day_shift.start, day_shift.end)
    assert problem.allows("H001", first, evening.start, evening.end)
    again, both = _exported_and_answered(tmp_path, problem, rows, ("13時から", "○"))
    assert again.windows == problem.windows
    assert both.windows == {("H001", first): (900, None), ("H001", second): (0, 720), ("H002", first): (780, None)}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_hours_that_cannot_be_are_refused_naming_the_forms_read(tmp_path: Path, language: str) -> None:
    """An end before the start (`15時〜10時`) or a bare range Excel would make a date is no mark; the message
    says hours are read and how to write them."""
    set_language(language)
    try:
        _, problems = _read(tmp_path, ["H001", "山田 花子", "15時〜10時", "○"])
    finally:
        set_language("ja")
    [problem] = problems
    assert problem.cell == "C2" and "15時から" in problem.message and "〜15時" in problem.message


@pytest.mark.parametrize("cell", ["15時から", "準夜不可"])
def test_hours_or_a_refusal_in_a_half_day_column_are_refused(tmp_path: Path, cell: str) -> None:
    rows = [["職員ID", "氏名", datetime(2026, 4, 1), None], [None, None, "午前", "午後"], ["H001", "山田 花子", "○", cell]]
    book = write_book(tmp_path / "half.xlsx", standard(枠=WARD_SESSIONS, 勤務可否=rows), merge={"勤務可否": "C1:D1"})
    _, problems = collect([book])
    [problem] = problems
    assert problem.cell == "D3" and cell in problem.message


def test_a_shift_refused_on_a_day_is_read_kept_through_the_export_and_a_returned_form(tmp_path: Path) -> None:
    """`準夜不可`, `深夜・準夜不可`, `深×` (深夜), `日勤のみ`: ○ that day, those shifts refused; written back in the
    exported 勤務可否 so that `check` reads them the same; a form's refusals replace the row's."""
    rows = [["H001", "山田 花子", "準夜不可", "深夜・準夜不可"], ["H002", "佐藤 次郎", "深×", "日勤のみ"]]
    problem, problems = _read(tmp_path, *rows)
    first, second = date(2026, 4, 1), date(2026, 4, 14)
    assert problems == [] and problem.requests == [] and problem.windows == {}
    assert problem.refused == {("H001", first): {"準夜"}, ("H001", second): {"深夜", "準夜"},
                               ("H002", first): {"深夜"}, ("H002", second): {"準夜", "深夜"}}
    assert {problem.availability[key] for key in problem.refused} == {Mark.AVAILABLE}
    day_shift, evening = (next(r for r in problem.requirements if r.date == first and r.activity == name)
                          for name in ("日勤", "準夜"))
    assert problem.refuses("H001", evening) and not problem.refuses("H001", day_shift)
    again, both = _exported_and_answered(tmp_path, problem, rows, ("日勤×", "○"))
    assert again.refused == problem.refused
    assert both.refused == {("H001", first): {"準夜"}, ("H001", second): {"深夜", "準夜"}, ("H002", first): {"日勤"}}


def test_one_session_of_the_day_or_the_evening_alone(tmp_path: Path) -> None:
    """A clinic's staff answer `1枠のみ` (one of the day's 午前 and 午後, whichever: 131 cells) and `夜のみ`: both
    refused the whole import. ○ with at most one session that day, kept through the export and a returned form;
    夜のみ is the sessions from 16:00 on."""
    rows = [["H001", "山田 花子", "1枠のみ", "△1コマまで"], ["H002", "佐藤 次郎", "夜のみ", "どちらか1つ"]]
    problem, problems = _read(tmp_path, *rows)
    first, second = date(2026, 4, 1), date(2026, 4, 14)
    assert problems == []
    assert problem.day_caps == {("H001", first): 1, ("H001", second): 1, ("H002", second): 1}
    assert [problem.mark("H001", d) for d in (first, second)] == [Mark.AVAILABLE, Mark.PREFER_NOT]
    assert problem.windows == {("H002", first): (16 * 60, None)}
    again, both = _exported_and_answered(tmp_path, problem, rows, ("2枠のみ", "○"))
    assert again.day_caps == problem.day_caps and again.windows == problem.windows
    assert both.day_caps == {("H001", first): 1, ("H001", second): 1, ("H002", first): 2}


def test_the_solver_keeps_a_days_own_cap(tmp_path: Path) -> None:
    """佐藤 wrote `1枠のみ` on 4/1: 山田 is away, and one of the day's two sessions stays short rather than both his;
    `check` says both put to him by hand, with the cell."""
    from models.domain import Roster
    from solver.core import SolveOptions, solve
    from solver.evaluate import evaluate

    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数"],
                [datetime(2026, 4, 1), "中央", "午前", time(9, 0), time(12, 30), 1],
                [datetime(2026, 4, 1), "中央", "午後", time(13, 30), time(17, 0), 1],
                [datetime(2026, 4, 14), "中央", "午前", time(9, 0), time(12, 30), 1]]
    book = write_book(tmp_path / "clinic.xlsx", standard(枠=sessions, 勤務可否=[
        MATRIX_ROWS[0], ["H001", "山田 花子", "×", "○"], ["H002", "佐藤 次郎", "1枠のみ", "○"]]))
    problem, problems = collect([book])
    assert problems == [] and problem.day_caps == {("H002", date(2026, 4, 1)): 1}
    result = solve(problem, SolveOptions(time_limit=10, workers=1, soft_cover=True))
    assert result.roster is not None
    first = {a.requirement_id for a in result.roster.assignments
             if a.staff_id == "H002" and problem.requirement(a.requirement_id).date == date(2026, 4, 1)}
    assert len(first) == 1
    both = Roster.from_pairs([("H002", r.id) for r in problem.requirements if r.date == date(2026, 4, 1)])
    said = [v.message for v in evaluate(problem, both).violations if v.rule_id == "max_per_day"]
    assert said == ["佐藤 次郎 works 2 times in 4/1 (limit 1). (availability: 1枠のみ)"]


def test_a_refusal_of_no_shift_of_the_plan_is_an_unknown_mark(tmp_path: Path) -> None:
    """`2限不可` in a ward: the plan has no 2限, so the cell is refused as before, not read as ○."""
    _, problems = _read(tmp_path, ["H001", "山田 花子", "2限不可", "○"])
    [problem] = problems
    assert problem.cell == "C2" and "2限不可" in problem.message


def test_the_solver_never_places_a_person_on_a_shift_refused_that_day(tmp_path: Path) -> None:
    """山田 wrote `遅番不可` on 4/1: both work that day's 早番 (it needs two), 佐藤 its 遅番; on 4/14 佐藤 is
    away, and 山田 takes that day's 遅番 (the refusal is the day's own). `check` says a 遅番 put to her by hand."""
    from models.domain import Roster
    from solver.core import SolveOptions, solve
    from solver.evaluate import evaluate

    sessions = [["日付", "会場", "内容", "開始", "終了", "必要人数", "最大人数"],
                [datetime(2026, 4, 1), "本園", "早番", time(7, 0), time(11, 0), 2, 2],
                [datetime(2026, 4, 1), "本園", "遅番", time(15, 0), time(19, 0), 1, 1],
                [datetime(2026, 4, 14), "本園", "遅番", time(15, 0), time(19, 0), 1, 1]]
    book = write_book(tmp_path / "nursery.xlsx", standard(枠=sessions, 勤務可否=[
        MATRIX_ROWS[0], ["H001", "山田 花子", "遅番不可", "○"], ["H002", "佐藤 次郎", "○", "×"]]))
    problem, problems = collect([book])
    assert problems == [] and problem.refused == {("H001", date(2026, 4, 1)): {"遅番"}}
    result = solve(problem, SolveOptions(time_limit=10, workers=1))
    assert result.roster is not None
    placed = {(a.staff_id, problem.requirement(a.requirement_id).date, problem.requirement(a.requirement_id).activity)
              for a in result.roster.assignments}
    assert placed == {("H001", date(2026, 4, 1), "早番"), ("H002", date(2026, 4, 1), "早番"),
                      ("H002", date(2026, 4, 1), "遅番"), ("H001", date(2026, 4, 14), "遅番")}
    late = next(r for r in problem.requirements if r.date == date(2026, 4, 1) and r.activity == "遅番")
    by_hand = Roster([*(a for a in result.roster.assignments if a.requirement_id != late.id),
                      *Roster.from_pairs([("H001", late.id)]).assignments])
    said = [v for v in evaluate(problem, by_hand).violations if v.rule_id == "availability"]
    assert [(v.hard, v.staff_id) for v in said] == [(True, "H001")]
    assert said[0].message.startswith("山田 花子 cannot work 遅番 on 4/1 (遅番不可) but is placed in 4/1 本園 遅番")


def test_a_wish_to_work_any_session_in_a_cell_or_listed_on_the_staff_sheet(tmp_path: Path) -> None:
    """A part-timer's `出勤希望` and a 医局's 当直希望日 (`4/1、4/14`) were refused as an unknown mark and not read:
    ○ that day and a wish for whatever session it holds; a × written that day wins over the list. Exported
    and read back the same (`出勤希望` in the 勤務可否 cell); a returned form's `勤務希望` is one too."""
    from tests.models.workbooks import STAFF_ROWS

    staff = [[*STAFF_ROWS[0], "当直希望日"], [*STAFF_ROWS[1], "4/1、4/14"], [*STAFF_ROWS[2], None]]
    problem, problems = _read(tmp_path, ["H001", "山田 花子", None, "×"], ["H002", "佐藤 次郎", "出勤希望", "○"],
                              職員=staff)
    assert problems == []
    first, second = date(2026, 4, 1), date(2026, 4, 14)
    assert sorted(problem.requests, key=lambda r: r.staff_id) == [
        ShiftRequest("H001", first, "", on=True), ShiftRequest("H002", first, "", on=True)]
    assert (problem.mark("H001", first), problem.mark("H001", second)) == (Mark.AVAILABLE, Mark.UNAVAILABLE)
    again, both = _exported_and_answered(tmp_path, problem, [["H001", "山田 花子", "○", "○"]], ("勤務希望", "○"))
    assert sorted(again.requests, key=lambda r: r.staff_id) == sorted(problem.requests, key=lambda r: r.staff_id)
    assert both.requests == [ShiftRequest("H002", first, "", on=True)]


def test_an_afternoon_mark_does_not_take_the_evening_session_after_the_afternoon() -> None:
    """A clinic's people marking 午後 were put on its 夜間 17:30-20:00 (a doctor among them): 午後 is the afternoon
    session; the evening after it is not, while a ward's 準夜 from 16:30 is still an afternoon's."""
    from models.domain import Problem, Requirement, Staff

    def req(day: int, activity: str, start: int, end: int, site: str = "中央") -> Requirement:
        d = date(2027, 3, day)
        return Requirement(Requirement.make_id(d, site, activity, start), d, site, activity, start, end, 1, 1)

    afternoon, evening = req(3, "午後", 810, 1020), req(3, "夜間", 1050, 1200)
    ward_evening = req(4, "準夜", 990, 1500, "5西")
    p = Problem("x", date(2027, 3, 3), date(2027, 3, 4), [Staff("A", "A")], [], [afternoon, evening, ward_evening],
                availability={("A", date(2027, 3, 3)): Mark.PM_ONLY, ("A", date(2027, 3, 4)): Mark.PM_ONLY})
    assert p.allows("A", afternoon.date, afternoon.start, afternoon.end)
    assert not p.allows("A", evening.date, evening.start, evening.end)
    assert p.allows("A", ward_evening.date, ward_evening.start, ward_evening.end)
    alone = p.with_(requirements=[evening])  # no afternoon before it that day: the evening is an afternoon's
    assert alone.allows("A", evening.date, evening.start, evening.end)
