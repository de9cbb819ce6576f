"""`haichi forms | collect | calendars | pdf | notify` as a user runs them, through `desktop.cli.main`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

import openpyxl
import pytest

from desktop import cli, cli_paperwork, commands, paperwork
from desktop.operations import import_workbooks, write_roster
from models.domain import Assignment, Mark, Roster
from models.excel.forms import HEADER_ROW
from models.storage import Database
from resources.samples.sample_witness import Plan

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "hygienists_2027_01.xlsx"
COMMANDS = ("forms", "collect", "calendars", "pdf", "notify")


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


@pytest.fixture
def haichi(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> Callable[..., tuple[int, str]]:
    """Runs `haichi ARGS` in English; wires the paperwork commands in if cli.py does not yet."""
    if "forms" not in _subcommands(cli.build_parser()).choices:
        original = cli.build_parser

        def build() -> argparse.ArgumentParser:
            parser = original()
            common = argparse.ArgumentParser(add_help=False)
            common.add_argument("--lang", choices=("ja", "en"))
            common.add_argument("--db")
            cli_paperwork.add_parsers(_subcommands(parser), common)
            return parser

        monkeypatch.setattr(cli, "build_parser", build)
        for name in COMMANDS:
            monkeypatch.setattr(commands, f"cmd_{name}", getattr(cli_paperwork, f"cmd_{name}"), raising=False)

    def run(*args: object) -> tuple[int, str]:
        code = cli.main(["--lang", "en", *map(str, args)])
        out = capsys.readouterr()
        return code, out.out + out.err

    return run


def answer(path: Path, marks: list[str]) -> None:
    """Fill the first days of a form, as a person would in Excel."""
    wb = openpyxl.load_workbook(path)
    for offset, mark in enumerate(marks, 1):
        wb.active.cell(HEADER_ROW + offset, 3).value = mark
    wb.save(path)


def test_forms_then_collect_into_a_workbook(haichi, tmp_path: Path) -> None:
    code, text = haichi("forms", SAMPLE, "-o", tmp_path / "forms")
    assert code == 0, text
    forms = sorted((tmp_path / "forms").glob("*_勤務可否.xlsx"))
    assert len(forms) == 45 and "45 form(s) written" in text
    answer(forms[0], ["×", "午後", "△"])
    answer(forms[1], ["○"])
    out = tmp_path / "merged.xlsx"
    code, text = haichi("collect", forms[0], forms[1], "--into", SAMPLE, "-o", out)
    assert code == 0, text
    assert "2 form(s) read (45 staff, 43 not returned)" in text and "not returned: H003" not in text
    assert "the 43 without a form keep the availability marks the plan has for them" in text
    assert "the answers written into the workbook's own 勤務可否" in text  # its sheets and formats kept
    assert openpyxl.load_workbook(out).sheetnames == openpyxl.load_workbook(SAMPLE).sheetnames
    merged = import_workbooks([out])
    before = import_workbooks([SAMPLE])
    h001 = {d: m for (s, d), m in merged.availability.items() if s == "H001"}
    assert list(h001.values()) == [Mark.UNAVAILABLE, Mark.PM_ONLY, Mark.PREFER_NOT]
    assert {k: v for k, v in merged.availability.items() if k[0] not in ("H001", "H002")} == \
        {k: v for k, v in before.availability.items() if k[0] not in ("H001", "H002")}


def test_collect_into_a_workbook_without_a_matrix(haichi, tmp_path: Path) -> None:
    """Forms sent out instead of a matrix: the main workbook has staff and sessions only, and the
    merged workbook gets the returned marks in a new 勤務可否 sheet."""
    main = tmp_path / "main.xlsx"
    wb = openpyxl.load_workbook(SAMPLE)
    del wb["勤務可否"]
    wb.save(main)
    code, text = haichi("forms", main, "-o", tmp_path / "forms")
    assert code == 0, text
    form = sorted((tmp_path / "forms").glob("*_勤務可否.xlsx"))[0]
    answer(form, ["×", "午後"])
    out = tmp_path / "merged.xlsx"
    code, text = haichi("collect", form, "--into", main, "-o", out)
    assert code == 0 and "in the template's layout" in text, text
    merged = import_workbooks([out])
    assert [m for (s, _d), m in sorted(merged.availability.items()) if s == "H001"][:2] == [Mark.UNAVAILABLE, Mark.PM_ONLY]
    code, text = haichi("import", main, "--db", tmp_path / "plans.db")  # a plan whose forms go out next
    assert code == 0 and "0 availability marks" in text and "haichi forms --plan" in text, text
    code, text = haichi("solve", main, "-o", tmp_path / "r.xlsx")  # solving still needs the marks
    assert code == 1 and "勤務可否" in text, text


def test_collect_refuses_bad_forms_and_writes_nothing(haichi, tmp_path: Path) -> None:
    haichi("forms", SAMPLE, "-o", tmp_path)
    form = sorted(tmp_path.glob("H001_*.xlsx"))[0]
    answer(form, ["○", "maybe"])
    out = tmp_path / "merged.xlsx"
    code, text = haichi("collect", form, "--into", SAMPLE, "-o", out)
    assert code == 1 and f"{form.name} 勤務可否!C{HEADER_ROW + 2}" in text and 'unknown mark "maybe"' in text
    assert not out.exists()
    code, text = haichi("collect", form)  # neither --plan nor --into
    assert code == 1 and "--plan" in text


def test_forms_and_collect_with_a_stored_plan(haichi, tmp_path: Path) -> None:
    db = tmp_path / "haichi.db"
    assert haichi("import", SAMPLE, "--plan", "jan", "--db", db)[0] == 0
    code, text = haichi("forms", "--plan", "jan", "--db", db, "-o", tmp_path / "forms", "--prefill")
    assert code == 0, text
    form = sorted((tmp_path / "forms").glob("H002_*.xlsx"))[0]
    answer(form, ["△"])
    (tmp_path / "forms" / "~$lock.xlsx").write_bytes(b"lock")  # Excel's lock file beside an open form
    code, text = haichi("collect", tmp_path / "forms", "--plan", "jan", "--db", db, "--dry-run")
    assert code == 0 and "45 form(s) read" in text and "dry run" in text, text
    with Database(db) as store:
        assert store.load_problem("jan").mark("H002", store.load_problem("jan").start) is not Mark.PREFER_NOT
    code, text = haichi("collect", tmp_path / "forms", "--plan", "jan", "--db", db)
    assert code == 0 and "H002" in text and "1 day(s) changed" in text, text
    with Database(db) as store:
        problem = store.load_problem("jan")
    assert problem.mark("H002", problem.start) is Mark.PREFER_NOT
    # the workbook imported again undoes the collected answer: said, with how to take it in again
    code, text = haichi("import", SAMPLE, "--plan", "jan", "--db", db)
    assert code == 0 and "1 availability mark(s) of the plan changed to this workbook's (H002 " in text, text
    assert "collect them again with haichi collect --plan" in text
    code, text = haichi("import", SAMPLE, "--plan", "jan", "--db", db)
    assert code == 0 and "changed to this workbook's" not in text, text


@pytest.fixture
def roster_file(sample_plan: Plan, tmp_path: Path) -> Path:
    path = tmp_path / "roster.xlsx"
    write_roster(path, sample_plan.problem, sample_plan.witness)
    return path


def test_calendars_from_a_roster_workbook(haichi, roster_file: Path, sample_plan: Plan, tmp_path: Path) -> None:
    code, text = haichi("calendars", roster_file, "-o", tmp_path / "ics")
    assert code == 0, text
    placed = {a.staff_id for a in sample_plan.witness.assignments}
    files = list((tmp_path / "ics").glob("*.ics"))
    assert len(files) == len(placed) and f"{len(placed)} calendar(s)" in text
    one = next(f for f in files if f.name.startswith(sorted(placed)[0]))
    body = one.read_bytes().decode()
    n = sum(1 for a in sample_plan.witness.assignments if a.staff_id == sorted(placed)[0])
    assert body.count("BEGIN:VEVENT") == n and "TZID:Asia/Tokyo" in body


def test_pdf_of_the_master_roster(haichi, roster_file: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "master.pdf"
    if paperwork.find_office() is not None:
        code, text = haichi("pdf", roster_file, "-o", out)
        assert code == 0, text
        assert out.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(paperwork, "find_office", lambda: None)
    code, text = haichi("pdf", roster_file, "-o", tmp_path / "none.pdf")
    assert code == 3 and "LibreOffice" in text and not (tmp_path / "none.pdf").exists()


def test_pdf_of_the_duty_roster_prints_the_勤務表(haichi, roster_file: Path, tmp_path: Path, printed_pdfs) -> None:
    """`--duty` prints what a ward posts: the 勤務表, people down and days across."""
    code, text = haichi("pdf", roster_file, "--duty", "-o", tmp_path / "duty.pdf")
    assert code == 0 and "duty roster PDF written" in text
    code, _ = haichi("pdf", roster_file, "-o", tmp_path / "master.pdf")
    assert printed_pdfs == [["勤務表"], ["配置表"]]


def test_pdf_of_each_sites_days(haichi, roster_file: Path, sample_plan: Plan, tmp_path: Path, printed_pdfs) -> None:
    """`--sites` prints the 会場別 sheet, a page of days for each site; a plan of one site has none to print."""
    code, text = haichi("pdf", roster_file, "--sites", "-o", tmp_path / "sites.pdf")
    assert code == 0 and "per-site PDF written" in text and printed_pdfs == [["会場別"]]
    one_site = sample_plan.problem.requirements[0].site
    problem = sample_plan.problem.with_(requirements=[r for r in sample_plan.problem.requirements if r.site == one_site])
    single = tmp_path / "one.xlsx"
    write_roster(single, problem, Roster([a for a in sample_plan.witness.assignments
                                          if problem.has_requirement(a.requirement_id)]))
    code, text = haichi("pdf", single, "--sites", "-o", tmp_path / "one.pdf")
    assert code == 1 and "one site" in text and not (tmp_path / "one.pdf").exists() and len(printed_pdfs) == 1


def test_pdf_of_a_plan_says_and_prints_which_version_it_is(haichi, sample_plan: Plan, tmp_path: Path,
                                                           monkeypatch) -> None:
    """A nursery's wall 勤務表 was printed from a hand-edited draft, newer than the published version, and
    nothing on the screen or the page said so: the version and its state are said, and printed at the top right
    of every page."""
    headers: list[str] = []

    def to_pdf(workbook: Path, pdf: Path) -> None:
        headers.extend({ws.oddHeader.right.text for ws in openpyxl.load_workbook(workbook).worksheets})
        pdf.write_bytes(b"%PDF-1.4")

    monkeypatch.setattr(paperwork, "to_pdf", to_pdf)
    db = tmp_path / "haichi.db"
    with Database(db) as store:
        store.save_problem("jan", sample_plan.problem)
        store.publish("jan", store.save_solution("jan", sample_plan.witness))
        store.save_solution("jan", Roster(sample_plan.witness.assignments[1:]))
    code, text = haichi("pdf", "--plan", "jan", "--db", db, "--duty", "-o", tmp_path / "duty.pdf")
    assert code == 0 and text.startswith("version 2 (a draft; the published one is version 1) duty roster PDF"), text
    assert headers == ["version 2 (a draft; the published one is version 1)"]
    code, text = haichi("pdf", "--plan", "jan", "--db", db, "--version", "1", "-o", tmp_path / "master.pdf")
    assert code == 0 and text.startswith("version 1 (published) master roster PDF"), text
    assert headers[-1] == "version 1 (published)"
    code, text = haichi("calendars", "--plan", "jan", "--db", db, "-o", tmp_path / "ics")
    assert code == 0 and "calendar(s) of version 2 (a draft; the published one is version 1)" in text


def test_notify_writes_files_for_the_affected_only(haichi, sample_plan: Plan, tmp_path: Path) -> None:
    problem, witness = sample_plan.problem, sample_plan.witness
    db = tmp_path / "haichi.db"
    with Database(db) as store:
        store.save_problem("jan", problem)
        v1 = store.save_solution("jan", witness)
        store.publish("jan", v1)
        by_person: dict[str, Assignment] = {}
        for a in witness.assignments:
            by_person.setdefault(a.staff_id, a)
        first, second, third = list(by_person.values())[:3]  # three different people
        spare = next(r for r in problem.requirements if r.date == problem.requirement(first.requirement_id).date
                     and r.id != first.requirement_id)
        changed = [Assignment(first.staff_id, spare.id), Assignment(third.staff_id, third.requirement_id, locked=True)]
        changed += [a for a in witness.assignments if a not in (first, second, third)]
        store.save_solution("jan", Roster(changed))  # `first` moves, `second` is taken off, `third` only pinned
    code, text = haichi("notify", "--plan", "jan", "--db", db, "-o", tmp_path / "notice")
    assert code == 0, text
    affected = {first.staff_id, second.staff_id}
    names = sorted(p.name for p in (tmp_path / "notice").iterdir())
    assert "変更一覧.xlsx" in names
    people = {name.split("_")[0] for name in names if name != "変更一覧.xlsx"}
    assert people == affected
    assert sum(name.endswith(".ics") for name in names) == 2 and sum(name.endswith(".xlsx") for name in names) == 3
    assert f"2 staff affected: {'、'.join(sorted(affected))}" in text
    assert "moved from" in text and "taken off" in text and "pinned" in text
    moved = next((tmp_path / "notice").glob(f"{first.staff_id}_*.xlsx"))
    notice = openpyxl.load_workbook(moved).active["A3"].value
    assert notice.startswith("【moved】") and " → " in notice and spare.label() in notice
    ws = openpyxl.load_workbook(tmp_path / "notice" / "変更一覧.xlsx").active
    assert "version 1 (published)" in ws["A2"].value
    # published, then notified, as a coordinator does: version 2 against the version out before it
    with Database(db) as store:
        store.publish("jan", 2)
    code, text = haichi("notify", "--plan", "jan", "--db", db, "-o", tmp_path / "after_publishing")
    assert code == 0 and f"2 staff affected: {'、'.join(sorted(affected))}" in text, text


def test_a_plan_imported_again_without_a_published_session_exports_the_rest_and_says_so(
        haichi, sample_plan: Plan, tmp_path: Path) -> None:
    """A session deleted from 枠 after publishing: the import says which published assignments it
    leaves without a session, and export writes the others with a note (it failed with exit 3)."""
    problem, witness = sample_plan.problem, sample_plan.witness
    db = tmp_path / "haichi.db"
    gone = witness.assignments[0].requirement_id
    with Database(db) as store:
        store.save_problem("jan", problem)
        store.publish("jan", store.save_solution("jan", witness))
        store.save_problem("jan", problem.with_(requirements=[r for r in problem.requirements if r.id != gone]))
    code, text = haichi("export", "--plan", "jan", "--db", db, "-o", tmp_path / "x.xlsx")
    people = len(witness.staff_for(gone))
    assert code == 0 and (tmp_path / "x.xlsx").exists(), text
    assert f"note: {people} assignment(s) of version 1 name a session or person the plan" in text
    assert "Traceback" not in text


def test_collecting_a_mark_that_rules_out_a_rostered_day_says_so(haichi, sample_plan: Plan, tmp_path: Path) -> None:
    """Someone fell ill after the roster went out and returned × for a day they work: collect merged it
    without a word; it now names the assignment and what to do (the roster is left as it is)."""
    db = tmp_path / "haichi.db"
    assert haichi("import", SAMPLE, "--plan", "jan", "--db", db)[0] == 0
    with Database(db) as store:
        problem = store.load_problem("jan")
        store.save_solution("jan", sample_plan.witness)
    first = min(problem.requirement(a.requirement_id).date for a in sample_plan.witness.assignments)
    worker = next(a.staff_id for a in sample_plan.witness.assignments
                  if problem.requirement(a.requirement_id).date == first)
    code, text = haichi("forms", "--plan", "jan", "--db", db, "-o", tmp_path / "forms", "--prefill")
    form = next((tmp_path / "forms").glob(f"{worker}_*.xlsx"))
    answer(form, ["×"] * ((first - problem.start).days + 1))
    code, text = haichi("collect", form, "--plan", "jan", "--db", db)
    assert code == 0 and "assignment(s) of version 1 fall on days the availability just read now rules out" in text, text
    assert "mend them with haichi solve --plan" in text


def test_importing_marks_that_rule_out_a_rostered_day_says_so(haichi, sample_plan: Plan, tmp_path: Path) -> None:
    """The month's workbook imported again after someone fell ill (× on a day they work): as collect
    does, the import names the assignment it rules out; the roster is left as it is."""
    import shutil

    from models.textparse import parse_date

    db = tmp_path / "haichi.db"
    assert haichi("import", SAMPLE, "--plan", "jan", "--db", db)[0] == 0
    with Database(db) as store:
        problem = store.load_problem("jan")
        store.publish("jan", store.save_solution("jan", sample_plan.witness))
    a = sample_plan.witness.assignments[0]
    day = problem.requirement(a.requirement_id).date
    ill = tmp_path / "ill.xlsx"
    shutil.copy(SAMPLE, ill)
    book = openpyxl.load_workbook(ill)
    sheet = book["勤務可否"]
    header = 3  # under the title and a blank row
    column = next(c for c in range(3, sheet.max_column + 1)
                  if parse_date(sheet.cell(header, c).value, day.year) == day)  # Excel dates and `1/5(火)` alike
    row = next(r for r in range(header + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == a.staff_id)
    sheet.cell(row, column).value = "×"
    book.save(ill)
    code, text = haichi("import", ill, "--plan", "jan", "--db", db)
    assert code == 0 and "assignment(s) of version 1 fall on days the availability just read now rules out" in text, text


def test_a_roster_workbook_imported_becomes_a_version_to_publish(haichi, sample_plan: Plan, tmp_path: Path) -> None:
    """A roster repaired or edited in Excel outside the database: import stores its input and its
    roster (edits read in) as a new draft version, which can be published and notified from (its
    roster was ignored without a word)."""
    db = tmp_path / "haichi.db"
    with Database(db) as store:
        store.save_problem("jan", sample_plan.problem)
        store.publish("jan", store.save_solution("jan", sample_plan.witness))
    assert haichi("export", "--plan", "jan", "--db", db, "-o", tmp_path / "out.xlsx")[0] == 0
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    rows = list(book["Assignments"].iter_rows(min_row=2))
    gone = rows[0]
    book["Assignments"].delete_rows(gone[0].row)  # one person taken off, in the machine-readable sheet
    for sheet in ("配置表", "勤務表", "haichi_export"):
        del book[sheet]  # a hand-made roster workbook: no 配置表 or 勤務表 to read edits from
    book.save(tmp_path / "edited.xlsx")
    code, text = haichi("import", tmp_path / "edited.xlsx", "--plan", "jan", "--db", db)
    assert code == 0 and f"{len(rows) - 1} assignments saved as version 2 (draft" in text, text
    # the person taken off leaves a session short: mend it, or publish it as it is with --force
    assert "haichi solve --plan jan" in text and "haichi publish --plan jan 2 --force" in text
    with Database(db) as store:
        assert len(store.load_solution("jan", 2).assignments) == len(rows) - 1
    assert haichi("publish", "--plan", "jan", "2", "--db", db)[0] == 2
    assert haichi("publish", "--plan", "jan", "2", "--force", "--db", db)[0] == 0
    code, text = haichi("notify", "--plan", "jan", "--db", db, "-o", tmp_path / "notice")
    assert code == 0 and "1 staff affected" in text, text


def test_a_roster_workbook_whose_marks_differ_from_the_plans_says_which_it_replaced(
        haichi, sample_plan: Plan, tmp_path: Path) -> None:
    """A repaired roster's 勤務可否 lacked two forms collected into the plan since; imported, it replaced
    the plan's marks without a word, and a nurse was sent to work on a day she had answered ×."""
    db = tmp_path / "haichi.db"
    problem = sample_plan.problem
    with Database(db) as store:
        store.save_problem("jan", problem)
        store.save_solution("jan", sample_plan.witness)
    assert haichi("export", "--plan", "jan", "--db", db, "-o", tmp_path / "out.xlsx")[0] == 0
    person = problem.active_staff()[0]
    day = next(d for d in problem.days() if problem.mark(person.id, d) is not Mark.UNAVAILABLE)
    with Database(db) as store:  # a form collected into the plan after the export
        store.save_problem("jan", problem.with_(availability={**problem.availability, (person.id, day): Mark.UNAVAILABLE}))
    code, text = haichi("import", tmp_path / "out.xlsx", "--plan", "jan", "--db", db)
    assert code == 0, text
    said = next(line for line in text.splitlines() if "mark(s) of the plan were replaced" in line)
    assert f"{person.id} {person.name} {day.month}/{day.day} ×→" in said and "collect --plan" in said
