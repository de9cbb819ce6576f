"""The `haichi` command line as a user runs it: exit codes, messages naming the cell, files written or not."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.operations import read_roster_workbook as read_roster
from tests.models.workbooks import MATRIX_ROWS, SESSION_ROWS, STAFF_ROWS, standard, write_book

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "hygienists_2027_01.xlsx"


def run(args: list[str], capsys) -> tuple[int, str]:
    code = main(["--lang", "en", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture
def good_book(tmp_path: Path) -> Path:
    return write_book(tmp_path / "in.xlsx", standard())


def test_solve_writes_roster_and_check_accepts_it(good_book: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(good_book), "-o", str(out), "--time-limit", "10", "--quiet"], capsys)
    assert code == 0, text
    assert out.exists()
    assert "note: solved from the workbook alone, so nothing is carried in from earlier plans" in text
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    for sheet in ("配置表", "集計", "未充足", "Assignments", "職員", "枠", "勤務可否"):
        assert sheet in names
    code, text = run(["check", str(out)], capsys)
    assert code == 0, text
    assert "0 hard violations" in text


def test_an_output_that_cannot_be_written_is_refused_and_the_old_file_kept(good_book: Path, tmp_path: Path, capsys,
                                                                           monkeypatch) -> None:
    """A folder given as -o is refused before the solve; a roster open in Excel (Windows refuses to
    replace it) is refused with what to do, exit 1, the file as it was and no temporary file left."""
    import os

    from desktop import operations

    solved: list[object] = []
    monkeypatch.setattr(operations, "solve", lambda *a, **k: solved.append(a))
    code, text = run(["solve", str(good_book), "-o", str(tmp_path), "--quiet"], capsys)
    assert code == 1 and "is a folder" in text and "roster.xlsx" in text and not solved
    monkeypatch.undo()

    out = tmp_path / "roster.xlsx"
    out.write_bytes(b"last month's roster")

    def locked(source, target):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    code, text = run(["solve", str(good_book), "-o", str(out), "--time-limit", "10", "--quiet"], capsys)
    assert code == 1 and "open in Excel, close it and run again" in text and "Traceback" not in text
    assert out.read_bytes() == b"last month's roster"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".haichi-")] == []


def test_an_output_that_is_one_of_the_inputs_is_refused_before_any_work(good_book: Path, tmp_path: Path, capsys,
                                                                         monkeypatch) -> None:
    """`solve in.xlsx -o in.xlsx` would write the roster over the coordinator's own workbook."""
    from desktop import operations

    before = good_book.read_bytes()
    solved: list[object] = []
    monkeypatch.setattr(operations, "solve", lambda *a, **k: solved.append(a))
    code, text = run(["solve", str(good_book), "-o", str(good_book), "--quiet"], capsys)
    assert code == 1 and "this is one of the files read" in text and not solved
    assert good_book.read_bytes() == before
    code, text = run(["repair", str(good_book), "--published", str(good_book), "-o", str(good_book)], capsys)
    assert code == 1 and "this is one of the files read" in text and good_book.read_bytes() == before


def test_sample_is_covered_and_checks_clean(tmp_path: Path, capsys) -> None:
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(SAMPLE), "-o", str(out), "--time-limit", "20", "--quiet"], capsys)
    assert code == 0, text
    code, text = run(["check", str(out)], capsys)
    assert code == 0 and "0 hard violations" in text, text
    problem, roster = read_roster(out)
    for req in problem.requirements:  # every session is covered
        assert len(roster.staff_for(req.id)) >= req.min_staff, req.label()
    wb = openpyxl.load_workbook(out, read_only=True)
    assigned = list(wb["Assignments"].iter_rows(values_only=True))
    assert assigned[0] == ("date", "site", "activity", "start", "end", "staff_id", "staff_name", "locked")
    assert len(assigned) - 1 == len(roster.assignments) >= sum(r.min_staff for r in problem.requirements)


def test_check_of_a_broken_roster_names_the_cell_and_does_not_speak_of_writing(good_book: Path, tmp_path: Path, capsys) -> None:
    """`check` only reads: its refusal names the cell, without saying that nothing was written."""
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(good_book), "-o", str(out), "--time-limit", "10", "--quiet"], capsys)
    assert code == 0, text
    book = openpyxl.load_workbook(out)
    book["Assignments"]["F2"] = "H404"
    book.save(out)
    code, text = run(["check", str(out)], capsys)
    assert code == 1 and "Assignments!F2" in text and "1 problem(s) in the input." in text, text
    assert "nothing was written" not in text


def test_check_reads_a_person_changed_in_the_grid_and_names_the_cell(tmp_path: Path, capsys) -> None:
    """A coordinator fixes an exported roster in the 配置表 grid: check evaluates the grid's people
    and says which cell it read; a name nobody has is refused with its cell. A workbook without
    the export fingerprint (an older Haichi's) is read from Assignments, the differing cell named."""
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(SAMPLE), "-o", str(out), "--time-limit", "10", "--quiet"], capsys)
    assert code == 0, text
    code, text = run(["check", str(out)], capsys)
    assert code == 0 and "配置表" not in text, text
    book = openpyxl.load_workbook(out)
    grid = book["配置表"]
    problem, roster = read_roster(out)
    first, other = problem.staff[0], problem.staff[1]
    cell = next(c for row in grid.iter_rows(min_row=4) for c in row[1:]
                if isinstance(c.value, str) and first.name in c.value and other.name not in c.value)
    exported = cell.value
    cell.value = exported.replace(first.name, other.name)
    book.save(out)
    code, text = run(["check", str(out)], capsys)
    # exit 2 when the person put in breaks a hard rule: what matters is that the grid's roster was checked
    assert code in (0, 2) and f"read the change in 配置表!{cell.coordinate} (" in text, text
    assert f": {first.name} → {other.name})" in text, text
    _, edited = read_roster(out)
    (moved,) = roster.pairs() - edited.pairs()
    assert moved[0] == first.id and (other.id, moved[1]) in edited.pairs() - roster.pairs()
    cell.value = exported.replace(first.name, "田中 太郎")
    book.save(out)
    code, text = run(["check", str(out)], capsys)
    assert code == 1 and f"配置表!{cell.coordinate}" in text and "田中 太郎" in text, text
    cell.value = exported.replace(first.name, other.name)
    del book["haichi_export"]
    book.save(out)
    code, text = run(["check", str(out)], capsys)
    assert code == 0 and f"配置表 {cell.coordinate} disagree(s) with the Assignments sheet" in text, text
    assert read_roster(out)[1].pairs() == roster.pairs()


BAD_INPUTS = {
    "missing sheet": (lambda: standard(枠=None), "枠"),
    "missing column": (lambda: standard(職員=[["職員ID", "スキル"], ["H001", "x"]]), "name"),
    "unknown mark": (lambda: standard(勤務可否=[MATRIX_ROWS[0], ["H001", "山田 花子", "◇", "○"], MATRIX_ROWS[2]]), "勤務可否!C2"),
    "duplicate staff": (lambda: standard(職員=[*STAFF_ROWS, ["H001", "重複 太郎", ""]]), "職員!A4"),
    "unknown staff in availability": (lambda: standard(勤務可否=[*MATRIX_ROWS, ["H999", "誰", "○", "○"]]), "勤務可否!A4"),
    "impossible date": (lambda: standard(枠=[SESSION_ROWS[0], ["4月31日", "灘", "3歳児健診", "13:00", "16:00", 1, 1, None], SESSION_ROWS[2]]), "枠!A2"),
    "end before start": (lambda: standard(枠=[SESSION_ROWS[0], [datetime(2026, 4, 1), "灘", "3歳児健診", time(16, 0), time(13, 0), 1, 1, None], SESSION_ROWS[2]]), "枠!E2"),
    "negative count": (lambda: standard(枠=[SESSION_ROWS[0], [datetime(2026, 4, 1), "灘", "3歳児健診", time(13, 0), time(16, 0), -1, None, None], SESSION_ROWS[2]]), "枠!F2"),
    "non-numeric count": (lambda: standard(枠=[SESSION_ROWS[0], [datetime(2026, 4, 1), "灘", "3歳児健診", time(13, 0), time(16, 0), "二人", None, None], SESSION_ROWS[2]]), "枠!F2"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exits_1_naming_the_cell_and_writes_nothing(case: str, tmp_path: Path, capsys) -> None:
    make, where = BAD_INPUTS[case]
    book = write_book(tmp_path / "bad.xlsx", make())
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(book), "-o", str(out), "--time-limit", "5"], capsys)
    assert code == 1, text
    assert "bad.xlsx" in text and where in text, text
    assert "Traceback" not in text
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [book]  # no temporary file left behind either


@pytest.mark.parametrize("content", [b"", b"this is not a workbook", b"PK\x03\x04 broken zip"])
def test_not_a_workbook_exits_1(content: bytes, tmp_path: Path, capsys) -> None:
    book = tmp_path / "bad.xlsx"
    book.write_bytes(content)
    code, text = run(["solve", str(book), "-o", str(tmp_path / "r.xlsx")], capsys)
    assert code == 1 and "bad.xlsx" in text and "Traceback" not in text, text
    assert not (tmp_path / "r.xlsx").exists()


def test_missing_file_exits_1(tmp_path: Path, capsys) -> None:
    code, text = run(["solve", str(tmp_path / "nope.xlsx"), "-o", str(tmp_path / "r.xlsx")], capsys)
    assert code == 1 and "nope.xlsx" in text


def test_skill_nobody_has_exits_2_naming_the_session(tmp_path: Path, capsys) -> None:
    sessions = [SESSION_ROWS[0], [datetime(2026, 4, 1), "灘", "3歳児健診", time(13, 0), time(16, 0), 1, 1, "歯科医師:1"]]
    book = write_book(tmp_path / "in.xlsx", standard(枠=sessions))
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(book), "-o", str(out), "--time-limit", "5"], capsys)
    assert code == 2, text
    assert "灘" in text and "3歳児健診" in text and "歯科医師" in text
    assert not out.exists()
    code, text = run(["solve", str(book), "-o", str(out), "--time-limit", "5", "--soft-cover", "--quiet"], capsys)
    assert code == 0 and "0 hard violations (and 1 shortfall(s))" in text and "1 shortfall(s) (" in text, text
    assert "needs 1 staff with skill 歯科医師" in text


def test_too_few_available_staff_exits_2_and_soft_cover_gives_partial_roster(tmp_path: Path, capsys) -> None:
    sessions = [SESSION_ROWS[0], [datetime(2026, 4, 14), "東灘", "1歳6か月児健診", time(9, 0), time(12, 0), 3, None, None]]
    book = write_book(tmp_path / "in.xlsx", standard(枠=sessions))
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(book), "-o", str(out), "--time-limit", "5"], capsys)
    assert code == 2 and "東灘" in text, text
    code, text = run(["solve", str(book), "-o", str(out), "--time-limit", "5", "--soft-cover", "--quiet"], capsys)
    assert code == 0, text
    assert out.exists()


def test_template_round_trips_through_import(tmp_path: Path, capsys) -> None:
    out = tmp_path / "template.xlsx"
    code, text = run(["template", str(out), "--from", "2027-02-01", "--to", "2027-02-28"], capsys)
    assert code == 0, text
    wb = openpyxl.load_workbook(out)
    assert {"記入方法", "職員", "枠", "勤務可否", "設定"} <= set(wb.sheetnames)
    assert wb["勤務可否"].data_validations.dataValidation


def test_plan_in_database_import_solve_export(good_book: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(tmp_path / "plans.sqlite3")]
    code, text = run(["import", str(good_book), "--plan", "4月", *db], capsys)
    assert code == 0, text
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", "--plan", "4月", "-o", str(out), "--time-limit", "10", "--quiet", *db], capsys)
    assert code == 0 and out.exists(), text
    exported = tmp_path / "exported.xlsx"
    code, text = run(["export", "--plan", "4月", "-o", str(exported), *db], capsys)
    assert code == 0 and exported.exists() and "version 1 (a draft) written" in text, text
    code, text = run(["publish", "--plan", "4月", *db], capsys)
    code, text = run(["export", "--plan", "4月", "--version", "1", "-o", str(exported), *db], capsys)
    assert code == 0 and "version 1 written" in text, text
    # solved again once published: close to the published version, and what changed is said
    code, text = run(["solve", "--plan", "4月", "-o", str(out), "--time-limit", "10", "--quiet", *db], capsys)
    assert code == 0 and "Changes from the published roster:\n  no changes" in text, text
    code, text = run(["export", "--plan", "4月", "--version", "9", "-o", str(exported), *db], capsys)
    assert code == 1 and "Traceback" not in text, text
    calendars = tmp_path / "ics"
    code, text = run(["export", "--plan", "4月", "-o", str(exported), "--ics", str(calendars), *db], capsys)
    assert code == 0 and sorted(p.suffix for p in calendars.iterdir()) == [".ics"] * len(list(calendars.iterdir())), text
    assert any(calendars.iterdir()) and f"calendar(s) written to {calendars}" in text
    code, text = run(["export", "--plan", "no such plan", "-o", str(exported), *db], capsys)
    assert code == 1, text


def test_an_older_version_is_not_measured_against_the_later_published_one(good_book: Path, tmp_path: Path,
                                                                         capsys) -> None:
    """Version 1, published and then replaced by version 2, exported with a 違反 sheet listing 公開版の
    … を外しました: version 2's changes, as if version 1 had made them."""
    from dataclasses import replace as with_

    from models.domain import Roster, RuleSetting
    from models.storage import PUBLISHED, Database

    path = tmp_path / "plans.sqlite3"
    db = ["--db", str(path)]
    assert run(["import", str(good_book), "--plan", "4月", *db], capsys)[0] == 0
    assert run(["solve", "--plan", "4月", "-o", str(tmp_path / "r.xlsx"), "--quiet", *db], capsys)[0] == 0
    assert run(["publish", "--plan", "4月", *db], capsys)[0] == 0
    with Database(path) as store:
        first = store.load_solution("4月", 1)
        store.save_solution("4月", Roster(first.assignments[1:]), status=PUBLISHED)
        store.save_solution("4月", first)  # a draft after it, as version 1 was
        problem = store.load_problem("4月")
        store.save_problem("4月", with_(problem, rules={**problem.rules, "repair": RuleSetting(True, False, 10)}))

    def changes(version: str) -> int:
        out = tmp_path / f"v{version}.xlsx"
        code, text = run(["export", "--plan", "4月", "--version", version, "-o", str(out), *db], capsys)
        assert code == 0, text
        return sum("published" in str(c) for row in openpyxl.load_workbook(out)["違反"].iter_rows(values_only=True)
                   for c in row if c)

    assert changes("1") == changes("2") == 0 and changes("3") > 0  # the draft after it: against version 2


def test_the_database_given_before_the_command_is_the_one_used(good_book: Path, tmp_path: Path, capsys,
                                                              monkeypatch) -> None:
    """`haichi --db FILE import` writes into FILE, as `haichi import --db FILE` does, never into the
    default database in the user's folder."""
    from models.storage import Database, database

    default = tmp_path / "default.sqlite3"
    monkeypatch.setattr(database, "default_url", lambda: f"sqlite:///{default}")
    chosen = tmp_path / "chosen.sqlite3"
    code, text = run(["--db", str(chosen), "import", str(good_book), "--plan", "4月"], capsys)
    assert code == 0, text
    with Database(chosen) as db:
        assert [p.name for p in db.list_plans()] == ["4月"]
    assert not default.exists()


def _month_book(folder: Path, month: int, plan_name: str, staff: list[list[object]] | None = None,
                sites: list[list[object]] | None = None) -> Path:
    """The standard workbook (April 2026) moved to `month`, its plan named `plan_name` in 設定
    (and its 職員 sheet `staff`, its 会場 sheet `sites`, when given)."""
    sessions = [SESSION_ROWS[0], *[[row[0].replace(month=month), *row[1:]] for row in SESSION_ROWS[1:]]]
    marks = [[*MATRIX_ROWS[0][:2], *(d.replace(month=month) for d in MATRIX_ROWS[0][2:])], *MATRIX_ROWS[1:]]
    settings = [["項目", "値"], ["計画名", plan_name]]
    return write_book(folder / f"month-{month}.xlsx",
                      standard(枠=sessions, 勤務可否=marks, 設定=settings, 職員=staff or STAFF_ROWS, 会場=sites))


def test_importing_the_next_month_leaves_the_last_month_s_staff_as_they_were(tmp_path: Path, capsys) -> None:
    """May's 職員 sheet (another night cap, a new rate, 年間支給済額 and skills) is May's alone: April
    re-loads with what April's workbook said."""
    from models.storage import Database

    header = ["職員ID", "氏名", "スキル", "内容別上限", "時給", "年間支給済額"]
    april = [header, ["H001", "山田 花子", "リーダー、フッ化物", "3歳児健診:2", 1800, 250_000],
             ["H002", "佐藤 次郎", "フッ化物", None, None, None]]
    may = [header, ["H001", "山田 花子", "フッ化物", "3歳児健診:5", 2000, None],
           ["H002", "佐藤 次郎", "リーダー", "1歳6か月児健診:1", 1500, 10_000]]
    db = ["--db", str(tmp_path / "plans.sqlite3")]
    for month, name, staff in ((4, "4月", april), (5, "5月", may)):
        code, text = run(["import", str(_month_book(tmp_path, month, name, staff)), "--plan", name, *db], capsys)
        assert code == 0, text
    with Database(tmp_path / "plans.sqlite3") as stored:
        h001, h002 = stored.load_problem("4月").staff
        assert (h001.skills, h001.max_per_activity, h001.hourly_rate, h001.paid_this_year) == (
            frozenset({"リーダー", "フッ化物"}), (("3歳児健診", 2),), 1800, 250_000)
        assert (h002.skills, h002.max_per_activity, h002.hourly_rate) == (frozenset({"フッ化物"}), (), None)
        assert stored.load_problem("5月").staff_by_id("H002").hourly_rate == 1500


def test_importing_the_next_month_leaves_the_last_month_s_sites_as_they_were(tmp_path: Path, capsys) -> None:
    """May's 会場 sheet moves 東灘 into 灘's travel group: April re-loads with its own groups, so the
    buffer between the two it was solved with (other groups: 60 minutes) is still April's."""
    from models.storage import Database

    header = ["会場", "区", "移動グループ"]
    april = [header, ["灘", "灘区", "西"], ["東灘", "東灘区", "東"]]
    may = [header, ["灘", "灘区", "西"], ["東灘", "東灘区", "西"]]
    db = ["--db", str(tmp_path / "plans.sqlite3")]
    for month, name, sites in ((4, "4月", april), (5, "5月", may)):
        code, text = run(["import", str(_month_book(tmp_path, month, name, sites=sites)), "--plan", name, *db],
                         capsys)
        assert code == 0, text
    with Database(tmp_path / "plans.sqlite3") as stored:
        assert stored.load_problem("4月").site("東灘").travel_group == "東"
        assert stored.load_problem("4月").travel_minutes("灘", "東灘") == 60
        assert stored.load_problem("5月").travel_minutes("灘", "東灘") == 30


def test_solve_says_which_earlier_plans_and_versions_it_carries_in(tmp_path: Path, capsys) -> None:
    """May's solve names April's plan and version, says when it is a draft, and counts April's
    sessions: it carries in the published version once there is one."""
    db = ["--db", str(tmp_path / "plans.sqlite3")]
    out = ["-o", str(tmp_path / "r.xlsx"), "--quiet", *db]
    for month, name in ((4, "4月"), (5, "5月")):
        assert run(["import", str(_month_book(tmp_path, month, name)), *db], capsys)[0] == 0
    code, text = run(["solve", "--plan", "4月", *out], capsys)
    assert code == 0 and "Nothing carried in from earlier plans" in text, text
    code, text = run(["solve", "--plan", "5月", *out], capsys)
    assert code == 0, text
    assert "4月 (2026-04-01 to 2026-04-14) version 1, draft, not published" in text
    assert "note: 4月 has no published version, so draft version 1 was carried in" in text
    assert run(["solve", "--plan", "4月", *out], capsys)[0] == 0  # version 2
    assert run(["publish", "--plan", "4月", "1", *db], capsys)[0] == 0
    code, text = run(["solve", "--plan", "5月", *out], capsys)
    assert "4月 (2026-04-01 to 2026-04-14) version 1, published" in text and "note:" not in text, text


def test_check_and_repair_see_what_the_roster_was_solved_against(tmp_path: Path, capsys) -> None:
    """The roster workbook keeps what May carried in from April, so haichi check gives the objective
    the solve gave (it scored May as if there had been no April), and repair re-solves with it."""
    import re

    db = ["--db", str(tmp_path / "plans.sqlite3")]
    for month, name in ((4, "4月"), (5, "5月")):
        assert run(["import", str(_month_book(tmp_path, month, name)), *db], capsys)[0] == 0
    assert run(["solve", "--plan", "4月", "-o", str(tmp_path / "april.xlsx"), "--quiet", *db], capsys)[0] == 0
    may = tmp_path / "may.xlsx"
    code, solved = run(["solve", "--plan", "5月", "-o", str(may), "--quiet", *db], capsys)
    assert code == 0, solved
    code, checked = run(["check", str(may)], capsys)
    assert "4月 (2026-04-01 to 2026-04-14) version 1" in checked, checked
    objective = re.search(r"objective (\d+)", solved)
    assert objective is not None and f"objective {objective.group(1)}" in checked, (solved, checked)
    assert "Fiscal 2026 counts differ" in checked  # April counted
    code, repaired = run(["repair", str(_month_book(tmp_path, 5, "5月")), "--published", str(may), "-o",
                          str(tmp_path / "repaired.xlsx"), "--quiet", "--time-limit", "10"], capsys)
    assert code == 0 and "4月 (2026-04-01 to 2026-04-14) version 1" in repaired, repaired


def test_check_of_a_copy_for_another_period_ignores_its_hidden_history_and_says_so(tmp_path: Path, capsys) -> None:
    """May's export copied and moved to June keeps May's hidden history sheet: check scores June
    without April's counts (it said 'Fiscal 2026 counts differ' of a June April never came before),
    and prints why."""
    import re

    from tests.models.workbooks import moved_export

    db = ["--db", str(tmp_path / "plans.sqlite3")]
    for month, name in ((4, "4月"), (5, "5月")):
        assert run(["import", str(_month_book(tmp_path, month, name)), *db], capsys)[0] == 0
    assert run(["solve", "--plan", "4月", "-o", str(tmp_path / "april.xlsx"), "--quiet", *db], capsys)[0] == 0
    june = tmp_path / "june.xlsx"
    assert run(["solve", "--plan", "5月", "-o", str(june), "--quiet", *db], capsys)[0] == 0
    moved_export(june, 31)
    code, checked = run(["check", str(june)], capsys)
    assert "not this workbook's period 2026-06-01 to 2026-06-14, so it was not applied" in checked, checked
    assert "4月 (2026-04-01 to 2026-04-14)" not in checked and "Fiscal 2026 counts differ" not in checked
    assert re.search(r"objective \d+", checked), checked


def test_next_months_workbook_under_last_months_plan_name_is_refused(good_book: Path, tmp_path: Path,
                                                                   capsys) -> None:
    """A copy of April's workbook with May's dates and 設定's 計画名 unchanged would have replaced April's
    sessions under its published roster (export then failed with an internal error): refused, exit 1."""
    db = ["--db", str(tmp_path / "plans.sqlite3")]
    april = _month_book(tmp_path, 4, "2026年4月")
    assert run(["import", str(april), *db], capsys)[0] == 0
    assert run(["solve", "--plan", "2026年4月", "-o", str(tmp_path / "r.xlsx"), "--quiet", *db], capsys)[0] == 0
    assert run(["publish", "--plan", "2026年4月", *db], capsys)[0] == 0
    may = _month_book(tmp_path, 5, "2026年4月")
    code, text = run(["import", str(may), *db], capsys)
    assert code == 1 and "2026-04-01〜2026-04-14" in text and "2026-05-01〜2026-05-14" in text, text
    code, text = run(["export", "--plan", "2026年4月", "-o", str(tmp_path / "april-roster.xlsx"), *db], capsys)
    assert code == 0, text


def test_publish_of_a_version_given_by_number_publishes_it(good_book: Path, tmp_path: Path, capsys) -> None:
    """`haichi publish --plan P 1` printed Haichi's version (the number landed in --version) and
    published nothing."""
    db = ["--db", str(tmp_path / "plans.sqlite3")]
    assert run(["import", str(good_book), "--plan", "4月", *db], capsys)[0] == 0
    for _ in range(2):
        assert run(["solve", "--plan", "4月", "-o", str(tmp_path / "r.xlsx"), "--quiet", *db], capsys)[0] == 0
    code, text = run(["publish", "--plan", "4月", "1", *db], capsys)
    assert code == 0 and "plan '4月' version 1 published" in text, text
    code, text = run(["--version"], capsys)
    assert code == 0 and text.startswith("haichi ")


def test_import_says_how_it_read_a_blank_date_under_a_dated_row(tmp_path: Path, capsys) -> None:
    """A note, not a problem: the plan is imported, and the coordinator is told which cells were
    read as the date above."""
    sessions = [*SESSION_ROWS, [None, "東灘", "教室", time(13, 0), time(15, 0), 1]]
    book = write_book(tmp_path / "in.xlsx", standard(枠=sessions))
    code, text = run(["import", str(book), "--db", str(tmp_path / "plans.sqlite3")], capsys)
    assert code == 0, text
    assert "note: in.xlsx 枠!A4: rows with a blank date were read as the date of the row above" in text
    assert "3 sessions" in text


def test_usage_errors_exit_1(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["solve"])
    assert exit_info.value.code == 1


@pytest.mark.parametrize("option", [["--time-limit", "0"], ["--time-limit", "-5"], ["--time-limit", "abc"],
                                    ["--workers", "-1"], ["--seed", "-3"]])
def test_a_time_limit_or_worker_count_out_of_range_is_a_usage_error(option: list[str], tmp_path: Path, capsys) -> None:
    """Not a search that finds nothing (exit 2 would say no roster exists): exit 1, what to give."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "solve", str(SAMPLE), "-o", str(tmp_path / "r.xlsx"), *option])
    code, text = exit_info.value.code, capsys.readouterr().err
    assert code == 1 and option[0] in text and ("above 0" in text or "or more" in text)
    assert not (tmp_path / "r.xlsx").exists()


def test_import_without_marks_asks_for_forms_only_when_a_blank_means_unavailable(tmp_path: Path, capsys) -> None:
    """Staff and sessions alone wait for the availability forms; with 空欄の扱い 可 everyone counts as
    available every day, and the import must not ask for forms it does not need."""
    db = ["--db", str(tmp_path / "plans.sqlite3")]
    waiting = write_book(tmp_path / "no_marks.xlsx", standard(勤務可否=None))
    code, text = run(["import", str(waiting), "--plan", "forms", *db], capsys)
    assert code == 0 and "no availability marks yet" in text, text
    open_all = write_book(tmp_path / "open.xlsx", standard(勤務可否=None, 設定=[["項目", "値"], ["空欄の扱い", "可"]]))
    code, text = run(["import", str(open_all), "--plan", "open", *db], capsys)
    assert code == 0 and "no availability marks yet" not in text, text


def test_repair_against_a_roster_of_another_period_is_refused(good_book: Path, tmp_path: Path, capsys) -> None:
    """February's workbook repaired against January's roster stayed close to nothing and carried in
    nothing: refused, exit 1, naming both periods."""
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(good_book), "-o", str(out), "--time-limit", "10", "--quiet"], capsys)
    assert code == 0, text
    may = write_book(tmp_path / "may.xlsx", standard(
        枠=[SESSION_ROWS[0], *[[row[0].replace(month=5), *row[1:]] for row in SESSION_ROWS[1:]]],
        勤務可否=[[*MATRIX_ROWS[0][:2], *(d.replace(month=5) for d in MATRIX_ROWS[0][2:])], *MATRIX_ROWS[1:]]))
    code, text = run(["repair", str(may), "--published", str(out), "-o", str(tmp_path / "new.xlsx")], capsys)
    assert code == 1 and "the published roster is of 2026-04-01 to 2026-04-14, not of the input's period" in text, text
    assert not (tmp_path / "new.xlsx").exists()


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="POSIX file modes")
def test_a_written_roster_is_readable_as_a_new_file_is(good_book: Path, tmp_path: Path, capsys) -> None:
    """Written through a temporary file, the roster was readable by its owner alone (0600)."""
    import os

    mask = os.umask(0o022)
    try:
        out = tmp_path / "roster.xlsx"
        code, text = run(["solve", str(good_book), "-o", str(out), "--time-limit", "10", "--quiet"], capsys)
        assert code == 0, text
        assert out.stat().st_mode & 0o777 == 0o666 & ~0o022
    finally:
        os.umask(mask)


def test_a_folder_given_to_import_is_said_to_be_a_folder(tmp_path: Path, capsys) -> None:
    code, text = run(["import", str(tmp_path), "--db", str(tmp_path / "p.sqlite3")], capsys)
    assert code == 1 and "this is a folder: give the workbooks (.xlsx) to import" in text, text


def test_argparse_speaks_the_chosen_language(capsys) -> None:
    """Under --lang ja a missing -o was said in argparse's English."""
    with pytest.raises(SystemExit):
        main(["--lang", "ja", "solve", "in.xlsx"])
    assert "次の引数を指定してください: -o/--output" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "solve", "in.xlsx"])
    assert "the following arguments are required: -o/--output" in capsys.readouterr().err


def test_a_plan_with_no_roster_yet_is_a_refusal_not_an_impossible_roster(good_book: Path, tmp_path: Path,
                                                                         capsys) -> None:
    """Exit 2 means no roster satisfies the hard rules; export before any solve is exit 1, as
    publish and diff are."""
    db = ["--db", str(tmp_path / "plans.sqlite3")]
    code, text = run(["import", str(good_book), "--plan", "4月", *db], capsys)
    code, text = run(["export", "--plan", "4月", "-o", str(tmp_path / "x.xlsx"), *db], capsys)
    assert code == 1 and "has no roster yet; run solve first" in text, text
    code, text = run(["calendars", "--plan", "4月", "-o", str(tmp_path / "ics"), *db], capsys)
    assert code == 1 and "has no roster yet" in text, text


def test_a_month_solved_again_after_the_next_one_says_what_it_breaks_there(tmp_path: Path, capsys) -> None:
    """January given a late shift on its last day after February (published) starts early on 2/1:
    February's roster now breaks the minimum rest, which January's solve and publish must say."""
    from datetime import date

    from models.domain import Mark, Problem, Requirement, Staff

    def month(name: str, day: date, start: int, end: int) -> Problem:
        req = Requirement(Requirement.make_id(day, "中央", "健診", start), day, "中央", "健診", start, end, 1)
        first = day.replace(day=1)
        return Problem(name, first, date(day.year, day.month, 28), staff=[Staff("H001", "山田")],
                       requirements=[req], min_rest_minutes=720, blank_means=Mark.AVAILABLE)

    january, february = month("1月", date(2027, 1, 28), 13 * 60, 21 * 60), month("2月", date(2027, 2, 1), 525, 660)
    january = january.with_(end=date(2027, 1, 31), requirements=[
        Requirement(Requirement.make_id(date(2027, 1, 31), "中央", "健診", 780), date(2027, 1, 31), "中央", "健診",
                    780, 1260, 1)])
    out = _said_of_the_later_plan(tmp_path, capsys, january, february)
    assert "note: version 1 of the later plan '2月' breaks 1 hard rule(s) with this plan's roster carried in" in out
    assert "only 705 minutes" in out and "mend '2月' with haichi solve --plan" in out


def test_a_month_given_more_pay_after_a_later_one_was_published_says_the_cap_it_breaks(tmp_path: Path, capsys) -> None:
    """March given one more session after April (published, weeks later) took April's roster over a 103万円
    cap, unsaid: the rules over a year carry every earlier plan of it, not only its last days."""
    from datetime import date

    from models.domain import Mark, Problem, Requirement, RuleSetting, Staff

    person = Staff("C11", "松田", hourly_rate=1000, annual_pay_cap=8_000)
    cap = {"pay_cap": RuleSetting(True, True, 100, {"year_start_month": 1})}

    def month(name: str, first: date, last: date) -> Problem:
        req = Requirement(Requirement.make_id(first, "中央", "接種", 540), first, "中央", "接種", 540, 540 + 300, 1)
        return Problem(name, first, last, staff=[person], requirements=[req], blank_means=Mark.AVAILABLE, rules=cap)

    march, april = month("3月", date(2027, 3, 1), date(2027, 3, 10)), month("4月", date(2027, 4, 20), date(2027, 4, 30))
    out = _said_of_the_later_plan(tmp_path, capsys, march, april)
    assert "note: version 1 of the later plan '4月' breaks 1 hard rule(s)" in out and "mend '4月'" in out


def _said_of_the_later_plan(tmp_path: Path, capsys, earlier, later) -> str:
    """What `warn_later_plans` says of `later` (published, its one person on its first session) once `earlier`,
    said nothing of while empty, gets a roster of that person on its first session."""
    from desktop.commands import warn_later_plans
    from models.domain import Assignment, Roster
    from models.storage import Database

    person = earlier.staff[0].id
    with Database(tmp_path / "plans.sqlite3") as db:
        db.save_problem(earlier.name, earlier)
        db.save_solution(earlier.name, Roster())
        db.save_problem(later.name, later)
        db.publish(later.name, db.save_solution(later.name, Roster([Assignment(person, later.requirements[0].id)])))
        warn_later_plans(db, earlier.name)
        assert capsys.readouterr().out == ""
        db.save_solution(earlier.name, Roster([Assignment(person, earlier.requirements[0].id)]))
        warn_later_plans(db, earlier.name)
    return capsys.readouterr().out


def test_a_reader_closing_the_pipe_is_no_internal_error(monkeypatch, capsys) -> None:
    """`haichi diff … | head`: head closes the pipe; Haichi stops without an "internal error"."""
    import desktop.cli as cli

    def closed(_args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "_command", lambda _name: closed)
    assert main(["versions", "--plan", "x"]) == 0
    assert "internal error" not in capsys.readouterr().err


def test_a_command_to_type_quotes_a_plan_name_with_a_space() -> None:
    from desktop.commands import typed

    assert typed("jan") == "jan" and typed("2027年1月") == "2027年1月"
    assert typed("R9第1四半期 休日急患") == '"R9第1四半期 休日急患"'
    assert typed('a "b"') == '"a \\"b\\""'


def test_importing_again_keeps_the_rule_settings_the_settings_sheet_does_not_name(tmp_path: Path, capsys) -> None:
    from models.domain import RuleSetting
    from models.storage import Database

    db = str(tmp_path / "plans.sqlite3")
    assert run(["import", str(SAMPLE), "--db", db], capsys)[0] == 0
    with Database(db) as store:
        name = store.list_plans()[0].name
        problem = store.load_problem(name)
        limit = RuleSetting(enabled=True, hard=True, weight=100, params={"max_consecutive_days": 2})
        store.save_problem(name, problem.with_(rules={**problem.rules, "max_consecutive_days": limit}))
    code, out = run(["import", str(SAMPLE), "--db", db], capsys)
    assert code == 0 and "keep the plan's stored settings: Maximum consecutive working days" in out
    with Database(db) as store:
        assert store.load_problem(name).rules["max_consecutive_days"].params == {"max_consecutive_days": 2}
        # many kept (a care home's wall of 30 names) are counted
        problem = store.load_problem(name)
        many = {rule_id: RuleSetting(enabled=False) for rule_id in
                ("max_per_week", "max_per_month", "min_rest", "max_weekends", "min_days_off", "prefer_not")}
        store.save_problem(name, problem.with_(rules={**problem.rules, **many}))
    code, out = run(["import", str(SAMPLE), "--db", db], capsys)
    assert code == 0 and "keep the plan's stored settings: 7 (" in out and "and others)" in out


def test_a_rule_gone_from_the_settings_sheet_goes_back_to_its_default(tmp_path: Path, capsys) -> None:
    """An after-school office deleted its `1日の上限 = 1` row from 設定 and imported again: the limit went on
    binding, kept as if the rules dialog had set it. A rule the last 設定 gave and this one does not is back
    to its default, said; one the rules dialog changed since stays the manager's."""
    import openpyxl

    from models.domain import RuleSetting
    from models.storage import Database

    book = openpyxl.load_workbook(SAMPLE)
    settings = book["設定"]
    settings.append(["1日の上限", 1])
    settings.append(["連続勤務日数の上限", 3])
    with_rows = tmp_path / "with.xlsx"
    book.save(with_rows)
    for row in range(settings.max_row, 0, -1):
        if settings.cell(row, 1).value in ("1日の上限", "連続勤務日数の上限"):
            settings.delete_rows(row)
    without = tmp_path / "without.xlsx"
    book.save(without)
    db = str(tmp_path / "plans.sqlite3")
    assert run(["import", str(with_rows), "--db", db], capsys)[0] == 0
    with Database(db) as store:
        name = store.list_plans()[0].name
        problem = store.load_problem(name)
        assert problem.rules["max_per_day"].from_sheet and problem.rules["max_per_day"].params == {"max_per_day": 1}
        runs = problem.rules["max_consecutive_days"]  # changed in the rules dialog since: the manager's now
        store.save_problem(name, problem.with_(rules={**problem.rules, "max_consecutive_days": RuleSetting(
            runs.enabled, runs.hard, runs.weight, {"max_consecutive_days": 4})}))
    code, out = run(["import", str(without), "--db", db], capsys)
    assert code == 0 and "are back to their defaults: Max per day" in out
    assert "keep the plan's stored settings: Maximum consecutive working days" in out
    with Database(db) as store:
        rules = store.load_problem(name).rules
        assert "max_per_day" not in rules and rules["max_consecutive_days"].params == {"max_consecutive_days": 4}


def test_solving_a_workbook_whose_plan_is_published_says_how_to_stay_close(tmp_path: Path, capsys) -> None:
    """A fire station solved its corrected workbook again after publishing: 381 of its 615 assignments moved,
    days already worked among them, with only a note about carrying nothing in."""
    db = str(tmp_path / "plans.sqlite3")
    assert run(["solve", str(SAMPLE), "--db", db, "--time-limit", "5", "-o", str(tmp_path / "a.xlsx")], capsys)[0] == 0
    code, out = run(["solve", str(SAMPLE), "--db", db, "--time-limit", "5", "-o", str(tmp_path / "b.xlsx")], capsys)
    assert code == 0 and "published version" not in out  # nothing published yet
    assert run(["import", str(SAMPLE), "--db", db], capsys)[0] == 0
    code, out = run(["solve", "--plan", "2027年1月 歯科健診", "--db", db, "--time-limit", "5",
                     "-o", str(tmp_path / "c.xlsx")], capsys)
    assert code == 0 and run(["publish", "--plan", "2027年1月 歯科健診", "--db", db], capsys)[0] == 0
    code, out = run(["solve", str(SAMPLE), "--db", db, "--time-limit", "5", "-o", str(tmp_path / "d.xlsx")], capsys)
    assert code == 0 and "has a published version 1" in out and 'solve --plan "2027年1月 歯科健診"' in out


def test_per_person_workbooks_are_written_and_said(tmp_path: Path, capsys) -> None:
    """`solve` and `export` with --per-person wrote one workbook per person, unsaid (an after-school office
    looked for its 45 files)."""
    db = str(tmp_path / "plans.sqlite3")
    code, out = run(["solve", str(SAMPLE), "--time-limit", "5", "-o", str(tmp_path / "r.xlsx"),
                     "--per-person", str(tmp_path / "each")], capsys)
    written = sorted((tmp_path / "each").glob("*.xlsx"))
    assert code == 0 and len(written) == 45 and f"45 per-person workbook(s) written: {tmp_path / 'each'}" in out
    assert run(["import", str(SAMPLE), "--db", db], capsys)[0] == 0
    assert run(["solve", "--plan", "2027年1月 歯科健診", "--db", db, "--time-limit", "5", "-o",
                str(tmp_path / "s.xlsx")], capsys)[0] == 0
    code, out = run(["export", "--plan", "2027年1月 歯科健診", "--db", db, "-o", str(tmp_path / "e.xlsx"),
                     "--per-person", str(tmp_path / "again")], capsys)
    assert code == 0 and "45 per-person workbook(s) written" in out
