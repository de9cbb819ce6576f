"""Availability forms out and back: generated for the sample, filled as staff would, collected."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from models.domain import Mark, Problem, ShiftRequest, rotation_order
from models.errors import InvalidInput
from models.excel.form_returns import collect_forms, report_lines
from models.excel.forms import HEADER_ROW, form_file_name, write_form, write_forms
from models.excel.importer import read_workbooks
from models.i18n import language, set_language
from solver.rules import CATALOGUE

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "hygienists_2027_01.xlsx"
# What a person may type or pick; every variant the importer accepts for each mark.
VARIANTS = {Mark.AVAILABLE: ["○", "◯", "〇"], Mark.PREFER_NOT: ["△", "▲"], Mark.UNAVAILABLE: ["×", "✕"],
            Mark.AM_ONLY: ["午前", "AM"], Mark.PM_ONLY: ["午後", "PM"]}


@pytest.fixture(autouse=True)
def japanese() -> Iterator[None]:
    before = language()
    set_language("ja")
    yield
    set_language(before)


@pytest.fixture(scope="module")
def sample() -> Problem:
    return read_workbooks([SAMPLE], CATALOGUE)


def fill(path: Path, answers: dict[date, str | None], notes: dict[date, str] | None = None, *,
         mtime_shift: int = 0) -> None:
    """Answer a form as a person would in Excel: pick marks in the 可否 column, type notes, save."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        day = ws.cell(row, 1).value.date()
        if day in answers:
            ws.cell(row, 3).value = answers[day]
        if notes and day in notes:
            ws.cell(row, 4).value = notes[day]
    wb.save(path)
    if mtime_shift:
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + mtime_shift * 10**9))


def answers_for(problem: Problem, rng: random.Random) -> dict[date, str]:
    """Some days answered with a random variant of a random mark, the rest left untouched."""
    return {day: rng.choice(VARIANTS[rng.choice(list(Mark))]) for day in problem.days() if rng.random() < 0.7}


def expected(answers: dict[date, str | None]) -> dict[date, Mark]:
    by_text = {text: mark for mark, texts in VARIANTS.items() for text in texts}
    return {day: by_text[text] for day, text in answers.items() if text}


def test_round_trip_sample(sample: Problem, tmp_path: Path) -> None:
    paths = write_forms(tmp_path / "out", sample)
    active = sample.active_staff()
    assert len(paths) == len(active)
    assert paths[0].name == form_file_name(active[0]) and paths[0].name.endswith("_勤務可否.xlsx")
    rng = random.Random(6)
    never = active[3]  # never returns the form
    untouched = active[5]  # returns it without answering anything
    twice = active[7]  # sends a corrected form later
    filled: dict[str, dict[date, Mark]] = {}
    returned: list[Path] = []
    for person, path in zip(active, paths):
        if person is never:
            continue
        answers = {} if person is untouched else answers_for(sample, rng)
        if person is active[0]:  # every variant of every mark at least once
            texts = [text for variants in VARIANTS.values() for text in variants]
            answers = dict(zip(sample.days(), texts))
        fill(path, answers, {sample.start: "15時まで"} if person is active[1] else None)
        filled[person.id] = expected(answers)
        returned.append(path)
    first = tmp_path / "first.xlsx"
    first.write_bytes(paths[7].read_bytes())  # the first version, emailed earlier
    fill(paths[7], {sample.start: "×", date(2027, 1, 2): None}, mtime_shift=60)  # the correction
    filled[twice.id] = {**filled[twice.id], sample.start: Mark.UNAVAILABLE}
    filled[twice.id].pop(date(2027, 1, 2), None)
    os.utime(first, ns=(0, paths[7].stat().st_mtime_ns - 3600 * 10**9))

    result = collect_forms(sample, [first, *returned])
    got = result.problem.availability
    for person in active:
        marks = {d: m for (sid, d), m in got.items() if sid == person.id}
        want = filled.get(person.id)
        if want is None:  # not returned: what the plan held stays
            assert marks == {d: m for (sid, d), m in sample.availability.items() if sid == person.id}
        else:
            assert marks == want, person.id
    assert [s.id for s in result.missing] == [never.id]
    assert [(f.staff_id, f.path) for f in result.superseded] == [(twice.id, first)]
    assert {f.staff_id for f in result.used} == set(filled)
    text = "\n".join(report_lines(result))
    assert f"未提出（計画にある勤務可否の記号のまま）: {never.id} {never.name}" in text
    assert f"新しい {paths[7].name} を使い、first.xlsx は使いません" in text
    assert f"備考 1 件（配置には使われません。必要なら記号を直してください）:\n  {active[1].id} {active[1].name} 1/1(金) 備考: 15時まで" in text
    assert f"回答票 {len(filled)} 件を読みました" in text
    before_untouched = sum(1 for sid, _ in sample.availability if sid == untouched.id)
    assert f"{untouched.id} {untouched.name}: {before_untouched} 日変更" in text


def test_changes_against_previous_availability(sample: Problem, tmp_path: Path) -> None:
    person = sample.active_staff()[0]
    path = tmp_path / form_file_name(person)
    write_form(path, sample, person, prefill=True)
    day = next(d for d in sample.days() if sample.mark(person.id, d) is not Mark.PREFER_NOT)
    fill(path, {day: "△"})
    result = collect_forms(sample, [path])
    assert [(c.date, c.after) for c in result.changes] == [(day, Mark.PREFER_NOT)]
    assert result.problem.mark(person.id, day) is Mark.PREFER_NOT
    assert any("1 日変更" in line and "→△" in line for line in report_lines(result))


def test_hours_written_on_a_returned_form_are_a_change(sample: Problem, tmp_path: Path) -> None:
    """○ made `13時から`: the mark stays ○, the hours are new, and the report says both sides."""
    person = sample.active_staff()[0]
    path = tmp_path / form_file_name(person)
    write_form(path, sample, person, prefill=True)
    day = next(d for d in sample.days() if sample.mark(person.id, d) is Mark.AVAILABLE)
    fill(path, {day: "13時から"})
    result = collect_forms(sample, [path])
    assert [(c.date, c.before, c.after, c.window_after) for c in result.changes] == [
        (day, Mark.AVAILABLE, Mark.AVAILABLE, (780, None))]
    assert result.problem.windows[(person.id, day)] == (780, None)
    assert any("○→13:00〜" in line for line in report_lines(result))


def test_a_shift_refused_on_a_form_is_a_change_and_a_prefilled_one_none(sample: Problem, tmp_path: Path) -> None:
    """○ made `<shift>不可`: the mark stays ○, the shift is refused that day, and the report says both sides;
    a form prefilled with the refusal and sent back as it is changes nothing."""
    person = sample.active_staff()[0]
    shift = rotation_order(sample.requirements)[0]
    path = tmp_path / form_file_name(person)
    write_form(path, sample, person, prefill=True)
    day = next(d for d in sample.days() if sample.mark(person.id, d) is Mark.AVAILABLE
               and (person.id, d) not in sample.windows)
    fill(path, {day: f"{shift}不可"})
    result = collect_forms(sample, [path])
    assert [(c.date, c.before, c.after, c.refused_after) for c in result.changes] == [
        (day, Mark.AVAILABLE, Mark.AVAILABLE, {shift})]
    assert result.problem.refused[(person.id, day)] == {shift}
    assert any(f"○→{shift}不可" in line for line in report_lines(result))
    again = tmp_path / "again" / form_file_name(person)
    again.parent.mkdir()
    write_form(again, result.problem, person, prefill=True)
    written = openpyxl.load_workbook(again).active.cell(HEADER_ROW + 1 + (day - sample.start).days, 3).value
    assert written == f"{shift}不可"
    unchanged = collect_forms(result.problem, [again])
    assert unchanged.changes == [] and unchanged.problem.refused == result.problem.refused


def test_a_form_returned_blank_is_said_not_reported_as_no_change(sample: Problem, tmp_path: Path) -> None:
    """A person the plan had no marks for sends the form back untouched: nothing changed, but every
    day of theirs is blank, × by default; the report names the file."""
    person = sample.active_staff()[0]
    before = sample.with_(availability={k: m for k, m in sample.availability.items() if k[0] != person.id})
    path = tmp_path / form_file_name(person)
    write_form(path, before, person)
    lines = report_lines(collect_forms(before, [path]))
    assert f"{person.id} {person.name}: 変更なし" not in lines
    assert f"{path.name}: {person.id} {person.name} の回答票に記号が1つもありません。すべての日が空欄となり、" \
           "空欄の扱いにより ×（勤務できない） になります" in lines


def test_unknown_person_and_bad_mark_are_refused_with_their_cells(sample: Problem, tmp_path: Path) -> None:
    person = sample.active_staff()[0]
    good = tmp_path / "good.xlsx"
    write_form(good, sample, person)
    fill(good, {sample.start: "ok?"})
    stranger = tmp_path / "stranger.xlsx"
    write_form(stranger, sample, sample.active_staff()[1])
    wb = openpyxl.load_workbook(stranger)
    wb.active.protection.sheet = False
    wb.active["B2"] = "Z999"
    wb.save(stranger)
    with pytest.raises(InvalidInput) as error:
        collect_forms(sample, [good, stranger])
    where = {(p.file, p.cell) for p in error.value.problems}
    assert where == {("good.xlsx", f"C{HEADER_ROW + 1}"), ("stranger.xlsx", "B2")}
    assert "Z999" in str(error.value)


def test_form_for_another_period_is_refused(sample: Problem, tmp_path: Path) -> None:
    person = sample.active_staff()[0]
    path = tmp_path / "december.xlsx"
    write_form(path, sample.with_(start=date(2026, 12, 1), end=date(2026, 12, 31), name="12月"), person)
    fill(path, {date(2026, 12, 1): "○"})
    with pytest.raises(InvalidInput, match="計画期間"):
        collect_forms(sample, [path])


def test_marks_outside_the_period_on_a_form_partly_inside_are_said(sample: Problem, tmp_path: Path) -> None:
    """A form made for a longer period (12/25 to 1/31) returned for January: the December marks
    are not read, and the report says so (they were dropped without a word)."""
    person = sample.active_staff()[0]
    path = tmp_path / "long.xlsx"
    write_form(path, sample.with_(start=date(2026, 12, 25)), person)
    fill(path, {date(2026, 12, 28): "×", date(2027, 1, 4): "○"})
    collection = collect_forms(sample, [path])
    assert collection.used[0].marks[date(2027, 1, 4)] is Mark.AVAILABLE
    notes = [line for line in report_lines(collection) if "注意" in line and "空欄です" not in line]  # see below
    assert len(notes) == 1 and "（2026-12-28）の記号 1 個は読んでいません" in notes[0], notes


def test_matrix_workbook_is_not_a_form(sample: Problem, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="1人分の回答票ではありません"):
        collect_forms(sample, [SAMPLE])


def test_two_different_forms_saved_at_once_are_refused(sample: Problem, tmp_path: Path) -> None:
    person = sample.active_staff()[0]
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path, mark in ((a, "○"), (b, "×")):
        write_form(path, sample, person)
        fill(path, {sample.start: mark})
    os.utime(b, ns=(0, a.stat().st_mtime_ns))
    fixed = openpyxl.load_workbook(a).properties.modified
    for path in (a, b):  # the same saved time inside both workbooks as well
        _set_modified(path, fixed)
        os.utime(path, ns=(0, 10**18))
    with pytest.raises(InvalidInput, match="どちらが新しいか"):
        collect_forms(sample, [a, b])


def _set_modified(path: Path, when) -> None:
    """Rewrite docProps/core.xml's modified time (openpyxl stamps "now" on every save)."""
    import zipfile

    data = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data[name] = z.read(name)
    core = data["docProps/core.xml"].decode()
    start = core.index("<dcterms:modified")
    end = core.index("</dcterms:modified>") + len("</dcterms:modified>")
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    data["docProps/core.xml"] = (core[:start] + '<dcterms:modified xsi:type="dcterms:W3CDTF">' + stamp
                                 + "</dcterms:modified>" + core[end:]).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, content in data.items():
            z.writestr(name, content)


def test_name_differing_from_the_register_is_reported(sample: Problem, tmp_path: Path) -> None:
    person = sample.active_staff()[2]
    path = tmp_path / "form.xlsx"
    write_form(path, sample, person)
    wb = openpyxl.load_workbook(path)
    wb.active["B3"] = "別人 太郎"
    wb.save(path)
    result = collect_forms(sample, [path])
    assert [(f.staff_id, name) for f, name in result.renamed] == [(person.id, person.name)]
    assert any("氏名「別人 太郎」" in line for line in report_lines(result))
    wb.active["B3"] = person.name.replace(" ", "　")  # a full-width space is the same name
    wb.save(path)
    assert collect_forms(sample, [path]).renamed == []


def test_form_under_one_id_with_another_persons_name_is_refused(sample: Problem, tmp_path: Path) -> None:
    """A colleague's registered name under the ID: whose answers these are is not to be guessed."""
    person, other = sample.active_staff()[:2]
    path = tmp_path / "form.xlsx"
    write_form(path, sample, person)
    fill(path, {sample.start: "○"})
    wb = openpyxl.load_workbook(path)
    wb.active["B3"] = other.name
    wb.save(path)
    with pytest.raises(InvalidInput) as error:
        collect_forms(sample, [path])
    assert [(p.file, p.cell) for p in error.value.problems] == [("form.xlsx", "B3")]
    assert f"職員ID {other.id} の方です" in error.value.problems[0].message


def test_a_shift_written_on_a_form_replaces_the_persons_wishes_and_is_reported(sample: Problem, tmp_path: Path) -> None:
    person, other = sample.active_staff()[:2]
    first, second = sample.days()[:2]
    activities = rotation_order(sample.requirements)
    planned = sample.with_(
        availability={**sample.availability, (person.id, first): Mark.AVAILABLE},
        requests=[ShiftRequest(person.id, first, activities[-1], on=True),
                  ShiftRequest(other.id, first, activities[0], on=True)])
    path = tmp_path / form_file_name(person)
    write_form(path, planned, person, prefill=True)
    assert openpyxl.load_workbook(path).active.cell(HEADER_ROW + 1, 3).value == activities[-1]
    fill(path, {first: "○", second: f"{activities[0]}希望"})
    result = collect_forms(planned, [path])
    assert result.problem.requests == [ShiftRequest(other.id, first, activities[0], on=True),
                                       ShiftRequest(person.id, second, activities[0], on=True)]
    assert result.problem.mark(person.id, second) is Mark.AVAILABLE
    assert result.used[0].wishes == {second: activities[0]}
    text = "\n".join(report_lines(result))
    assert "勤務希望 1 件を読みました" in text
    assert f"{activities[-1]}→○" in text and f"→{activities[0]}" in text


def test_a_form_keeps_the_persons_requests_it_cannot_say(sample: Problem, tmp_path: Path) -> None:
    """A form replaces the wishes a 可否 cell can say; a request it cannot say (not to work, or of
    another weight) is not the form's to drop."""
    person = sample.active_staff()[0]
    first, second = sample.days()[:2]
    activities = rotation_order(sample.requirements)
    off = ShiftRequest(person.id, second, activities[0], on=False, weight=3)
    planned = sample.with_(availability={**sample.availability, (person.id, first): Mark.AVAILABLE},
                           requests=[ShiftRequest(person.id, first, activities[0], on=True), off])
    path = tmp_path / form_file_name(person)
    write_form(path, planned, person, prefill=True)
    fill(path, {first: "○"})
    assert collect_forms(planned, [path]).problem.requests == [off]


def test_a_shift_the_plan_does_not_have_is_refused_naming_its_cell_and_the_plans_shifts(
        sample: Problem, tmp_path: Path) -> None:
    person = sample.active_staff()[0]
    path = tmp_path / "typo.xlsx"
    write_form(path, sample, person)
    fill(path, {sample.start: "3歳健診"})
    with pytest.raises(InvalidInput) as error:
        collect_forms(sample, [path])
    (problem,) = error.value.problems
    assert (problem.file, problem.cell) == ("typo.xlsx", f"C{HEADER_ROW + 1}")
    named = "、".join(rotation_order(sample.requirements)[:3])
    assert f"希望する勤務名 {named}など を記入" in problem.message


def test_cautions_say_blank_forms_in_one_sentence_naming_the_first_few(sample: Problem, tmp_path: Path) -> None:
    from models.excel.form_returns import cautions

    paths = sorted(write_forms(tmp_path / "out", sample))  # returned as they went out: no marks at all
    [one] = cautions(collect_forms(sample, paths[:1]))
    assert paths[0].name in one
    [three] = cautions(collect_forms(sample, paths[:3]))
    assert "ほか" not in three and "H001" in three and "H003" in three
    [many] = cautions(collect_forms(sample, paths[:9]))
    assert "ほか 6 名" in many
    # a filled form needs no caution
    fill(paths[0], {d: "○" for d in sample.days()})
    assert cautions(collect_forms(sample, paths[:1])) == []


def test_a_blank_form_answered_with_exceptions_only_is_cautioned(sample: Problem, tmp_path: Path) -> None:
    """A helper who works 午前のみ wrote only her exceptions on a blank form: her 午前 days became the
    form's blank, said only among the changed days. A caution says it, in the report and before applying."""
    from models.excel.form_returns import cautions

    person = sample.active_staff()[0]
    marked = {d: sample.availability[(person.id, d)] for d in sample.days() if (person.id, d) in sample.availability}
    lost = [d for d, m in marked.items() if m is not sample.blank_means]
    assert len(lost) >= 2
    path = tmp_path / form_file_name(person)
    write_form(path, sample, person)  # blank, as sent out without --prefill
    fill(path, {lost[0]: marked[lost[0]].value})
    result = collect_forms(sample, [path])
    caution = next(line for line in cautions(result) if "空欄です" in line)
    assert caution.startswith(f"{person.id} {person.name} の回答票は、計画で ") and f"{len(lost) - 1} 日が空欄です" in caution
    assert "forms --prefill" in caution and f"  注意: {caution}" in report_lines(result)


def test_hours_a_blank_day_of_a_form_loses_are_cautioned(sample: Problem, tmp_path: Path) -> None:
    """A ward's 師長 had typed `12時から` for a nurse; the nurse's form, sent out blank, came back
    without it, and the hours were lost unsaid (the caution named lost marks only)."""
    from models.excel.form_returns import cautions

    person = sample.active_staff()[0]
    day = next(d for d in sample.days() if sample.availability.get((person.id, d)) is not Mark.UNAVAILABLE)
    problem = sample.with_(availability={**sample.availability, (person.id, day): Mark.AVAILABLE},
                           windows={**sample.windows, (person.id, day): (12 * 60, None)}, blank_means=Mark.AVAILABLE)
    kept = {d: m.value for d in problem.days() if (m := problem.availability.get((person.id, d))) is not None
            and d != day}
    path = tmp_path / form_file_name(person)
    write_form(path, problem, person)
    fill(path, kept)
    caution = next(line for line in cautions(collect_forms(problem, [path])) if "空欄です" in line)
    assert "12:00〜" in caution and "1 日が空欄です" in caution


def test_leave_on_a_form_is_said_as_written(sample: Problem, tmp_path: Path) -> None:
    """A form's 有休 was said as `△→×` while the workbook written kept 有休."""
    person = sample.active_staff()[0]
    day = next(d for d in sample.days() if sample.availability.get((person.id, d)) is not Mark.UNAVAILABLE)
    path = tmp_path / form_file_name(person)
    write_form(path, sample, person, prefill=True)
    fill(path, {day: "有休"})
    lines = report_lines(collect_forms(sample, [path]))
    assert any(f"{day.month}/{day.day}" in line and "→有休" in line for line in lines), lines


def test_a_list_of_several_peoples_answers_is_each_persons_form(sample: Problem, tmp_path: Path) -> None:
    """A Google Form's export (`フォームの回答 1`: タイムスタンプ | 氏名 | 日付 | 可否 | 備考), collected: only its first
    person's answers had been read, and a later person's remark credited to the first."""
    first, second = sample.active_staff()[:2]
    day, later = sample.days()[3], sample.days()[5]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "フォームの回答 1"
    ws.append(["タイムスタンプ", "氏名", "日付", "可否", "備考"])
    ws.append(["2026/12/01 9:00", first.name, day, "×", None])
    ws.append(["2026/12/01 9:05", second.name, day, "午後", "午後から合流可"])
    ws.append(["2026/12/01 9:05", second.name, later, "×", None])
    path = tmp_path / "answers.xlsx"
    wb.save(path)
    result = collect_forms(sample, [path])
    assert [form.staff_id for form in result.used] == [first.id, second.id]
    assert result.problem.mark(first.id, day) is Mark.UNAVAILABLE
    assert (result.problem.mark(second.id, day), result.problem.mark(second.id, later)) == (Mark.PM_ONLY, Mark.UNAVAILABLE)
    assert [form.notes for form in result.used] == [(), ((day, "午後から合流可"),)]
