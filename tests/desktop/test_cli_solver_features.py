"""`haichi repair`, `suggest`, `alternatives` and `solve --soft-cover` as a user runs them."""

from __future__ import annotations

import csv
from datetime import datetime, time
from pathlib import Path

import pytest

from desktop import operations
from desktop.cli import main
from tests.models.workbooks import write_book

DAYS = [datetime(2026, 4, d) for d in (6, 7, 8)]
STAFF = [["職員ID", "氏名"], ["H001", "山田 花子"], ["H002", "佐藤 次郎"], ["H003", "鈴木 三郎"]]
SESSIONS = [["日付", "会場", "内容", "開始", "終了", "必要人数", "最大人数"]] + [
    [day, "灘", "3歳児健診", time(13, 0), time(16, 0), 1, 1] for day in DAYS
]


def sheets(away: tuple[str, datetime] | None = None, need: int = 1) -> dict:
    marks = [["職員ID", "氏名", *DAYS]]
    for staff_id, name in STAFF[1:]:
        marks.append([staff_id, name, *("×" if away == (staff_id, day) else "○" for day in DAYS)])
    sessions = [SESSIONS[0]] + [row[:5] + [need, need] for row in SESSIONS[1:]]
    return {"職員": STAFF, "枠": sessions, "勤務可否": marks}


def run(args: list[str], capsys) -> tuple[int, str]:
    code = main(["--lang", "en", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture
def solved(tmp_path: Path, capsys) -> Path:
    book = write_book(tmp_path / "in.xlsx", sheets())
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(book), "-o", str(out), "--time-limit", "10", "--workers", "1", "--quiet"], capsys)
    assert code == 0, text
    return out


def test_repair_replaces_the_person_newly_marked_away(solved: Path, tmp_path: Path, capsys) -> None:
    _, published = operations.read_roster_workbook(solved)
    first = next(a for a in published.assignments if a.requirement_id.startswith("2026-04-06"))
    ill = write_book(tmp_path / "ill.xlsx", sheets(away=(first.staff_id, DAYS[0])))
    out = tmp_path / "new.xlsx"
    code, text = run(["repair", str(ill), "--published", str(solved), "-o", str(out),
                      "--time-limit", "10", "--workers", "1", "--quiet"], capsys)
    assert code == 0, text
    _, repaired = operations.read_roster_workbook(out)
    assert len(published.pairs() - repaired.pairs()) == 1 and len(repaired.pairs() - published.pairs()) == 1
    assert (first.staff_id, first.requirement_id) not in repaired.pairs()
    assert "Changes from the published roster" in text and f"({first.staff_id}) taken off 4/6 灘" in text
    assert "2 change(s)" in text
    # the objective prices the changes, which check of the workbook cannot see: said, with check's figure
    said = next(line for line in text.splitlines() if "of the objective is the changes" in line)
    code, checked = run(["check", str(out)], capsys)
    assert said.endswith(f"scores it without them: {checked.split('objective ')[-1].strip()})")


def test_repair_from_a_day_keeps_the_days_before_it(solved: Path, tmp_path: Path, capsys) -> None:
    """Someone reports on 4/7 that they cannot work 4/6 and 4/8: 4/6 is past, only 4/8 may change."""
    _, published = operations.read_roster_workbook(solved)
    placed = {a.requirement_id[:10]: a.staff_id for a in published.assignments}
    book = write_book(tmp_path / "ill.xlsx", sheets(away=(placed["2026-04-08"], DAYS[2])))
    out = tmp_path / "new.xlsx"
    code, text = run(["repair", str(book), "--published", str(solved), "-o", str(out), "--from", "4/8",
                      "--time-limit", "10", "--workers", "1", "--quiet"], capsys)
    assert code == 0, text
    assert "every assignment before 4/8 stays as published." in text and "2 change(s)" in text
    _, repaired = operations.read_roster_workbook(out)
    assert {r[:10] for _, r in published.pairs() ^ repaired.pairs()} == {"2026-04-08"}
    code, text = run(["repair", str(book), "--published", str(solved), "-o", str(out), "--from", "5/1"], capsys)
    assert code == 1 and '--from "5/1" is not a date within the plan\'s period 2026-04-06 to 2026-04-08' in text


def test_solve_plan_from_a_day_keeps_the_published_days_before_it(tmp_path: Path, capsys) -> None:
    """A ward's sick call on 4/7 for 4/6 and 4/8, imported into the plan: `solve --plan --from 4/8` moves 4/8
    alone (solve --plan had moved days already worked); without a published version --from is refused."""
    db = ["--db", str(tmp_path / "h.db")]
    book = write_book(tmp_path / "in.xlsx", sheets())
    assert run(["import", str(book), "--plan", "4月", *db], capsys)[0] == 0
    code, text = run(["solve", "--plan", "4月", "-o", str(tmp_path / "r.xlsx"), "--from", "4/8", "--quiet", *db],
                     capsys)
    assert code == 1 and "--from keeps a published version" in text
    assert run(["solve", "--plan", "4月", "-o", str(tmp_path / "r.xlsx"), "--time-limit", "10", "--quiet", *db],
               capsys)[0] == 0
    assert run(["publish", "--plan", "4月", *db], capsys)[0] == 0
    _, published = operations.read_roster_workbook(tmp_path / "r.xlsx")
    placed = {a.requirement_id[:10]: a.staff_id for a in published.assignments}
    ill = sheets(away=(placed["2026-04-08"], DAYS[2]))
    ill["勤務可否"] = [[*row[:2], "×" if row[0] == placed["2026-04-06"] else row[2], *row[3:]] if i else row
                    for i, row in enumerate(ill["勤務可否"])]
    assert run(["import", str(write_book(tmp_path / "ill.xlsx", ill)), "--plan", "4月", *db], capsys)[0] == 0
    out = tmp_path / "new.xlsx"
    code, text = run(["solve", "--plan", "4月", "-o", str(out), "--from", "4/8", "--time-limit", "10", "--quiet",
                      *db], capsys)
    assert code == 2 and "every assignment before 4/8 stays as published." in text  # 4/6 kept on a × day
    _, repaired = operations.read_roster_workbook(out)
    assert {r[:10] for _, r in published.pairs() ^ repaired.pairs()} == {"2026-04-08"}


def test_repair_without_the_published_workbook_exits_1(tmp_path: Path, capsys) -> None:
    book = write_book(tmp_path / "in.xlsx", sheets())
    code, text = run(["repair", str(book), "--published", str(tmp_path / "nope.xlsx"), "-o",
                      str(tmp_path / "new.xlsx")], capsys)
    assert code == 1 and "file not found" in text and not (tmp_path / "new.xlsx").exists()


def test_suggest_lists_candidates_by_session_id_or_by_date_site_activity(solved: Path, capsys) -> None:
    code, text = run(["suggest", str(solved), "--session", "2026-04-06|灘|3歳児健診|13:00"], capsys)
    assert code == 0, text
    assert "Candidates for 4/6 灘 3歳児健診 13:00-16:00 (1 placed, 1 needed: 佐藤 次郎)" in text
    assert "the session is full (at most 1); --replace STAFF_ID lists" in text  # said, not "nobody can join"
    code, text = run(["suggest", str(solved), "--session", "2026-04-06|灘|3歳児健診|13:00", "--replace", "h002",
                      "--all"], capsys)
    assert code == 0 and "Who could take 佐藤 次郎's place in 4/6 灘 3歳児健診 13:00-16:00" in text, text
    code, text = run(["suggest", str(solved), "--session", "2026-04-06|灘|3歳児健診|13:00", "--replace", "H001"], capsys)
    assert code == 1 and "H001 is not placed in 4/6 灘 3歳児健診" in text and "(placed: H002 佐藤 次郎)" in text, text
    code, text = run(["suggest", str(solved), "--session", "2026-04-06|灘|3歳児健診|13:00", "--replace", "佐藤",
                      "--all"], capsys)  # the family name of the one person placed there
    assert code == 0 and "Who could take 佐藤 次郎's place" in text, text
    code, text = run(["suggest", str(solved), "--date", "2026/4/6", "--site", "灘", "--activity", "3歳児健診",
                      "--all"], capsys)
    assert code == 0, text
    assert "1. " in text and "2. " in text and "[hard]" in text
    # a site written without its space finds the session; a wrong one lists the day's sessions
    code, text = run(["suggest", str(solved), "--date", "4/6", "--site", " 灘", "--activity", "3歳児 健診"], capsys)
    assert code == 0, text
    code, text = run(["suggest", str(solved), "--date", "4/6", "--site", "西", "--activity", "3歳児健診"], capsys)
    assert code == 1 and "no session 2026-04-06 西 3歳児健診 (that day's: 灘 3歳児健診 13:00" in text, text
    # a date as workbooks write it, without its year: the roster's
    code, text = run(["suggest", str(solved), "--date", "4/6", "--site", "灘", "--activity", "3歳児健診"], capsys)
    assert code == 0 and "Candidates for 4/6 灘 3歳児健診 13:00-16:00" in text, text


def test_suggest_for_an_unknown_session_exits_1(solved: Path, capsys) -> None:
    code, text = run(["suggest", str(solved), "--session", "2026-04-09|灘|3歳児健診|13:00"], capsys)
    assert code == 1 and "no session 2026-04-09 灘 3歳児健診 13:00" in text
    code, text = run(["suggest", str(solved), "--site", "灘"], capsys)
    assert code == 1 and "--session" in text


def test_suggest_finds_a_site_by_the_start_of_its_name(tmp_path: Path, capsys) -> None:
    """`suggest --site 高木` failed for a client registered as 高木 ツル様."""
    book = sheets()
    book["枠"] = [book["枠"][0], *([*row[:1], "高木 ツル様", *row[2:]] for row in book["枠"][1:])]
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(write_book(tmp_path / "in.xlsx", book)), "-o", str(out), "--time-limit", "10",
                      "--quiet"], capsys)
    assert code == 0, text
    code, text = run(["suggest", str(out), "--date", "4/6", "--site", "高木", "--activity", "3歳児健診"], capsys)
    assert code == 0 and "Candidates for 4/6 高木 ツル様 3歳児健診 13:00-16:00" in text, text


def test_alternatives_writes_each_roster_and_a_summary(tmp_path: Path, capsys) -> None:
    book = write_book(tmp_path / "in.xlsx", sheets())
    folder = tmp_path / "alts"
    code, text = run(["alternatives", str(book), "-n", "3", "--min-diff", "2", "-o", str(folder),
                      "--time-limit", "10", "--workers", "1", "--quiet"], capsys)
    assert code == 0, text
    rows = list(csv.DictReader((folder / "summary.csv").open(encoding="utf-8-sig")))
    assert [r["file"] for r in rows] == ["alternative-1.xlsx", "alternative-2.xlsx", "alternative-3.xlsx"]
    assert all(int(r["hard_violations"]) == 0 for r in rows) and int(rows[2]["min_difference"]) >= 2
    rosters = [operations.read_roster_workbook(folder / r["file"])[1].pairs() for r in rows]
    assert len(rosters[0] ^ rosters[1]) >= 2 and len(rosters[1] ^ rosters[2]) >= 2


def test_alternatives_of_a_stored_plan_carry_it_in_and_of_a_workbook_say_they_do_not(tmp_path: Path, capsys) -> None:
    """A March alternative from the workbook went over a 103万円 cap February's pay had neared, unsaid."""
    book = write_book(tmp_path / "in.xlsx", sheets())
    code, text = run(["alternatives", str(book), "-n", "1", "-o", str(tmp_path / "a"), "--time-limit", "5",
                      "--workers", "1", "--quiet"], capsys)
    assert code == 0 and "nothing is carried in from earlier plans" in text, text
    db = tmp_path / "h.db"
    assert run(["import", str(book), "--plan", "april", "--db", str(db)], capsys)[0] == 0
    code, text = run(["alternatives", "--plan", "april", "--db", str(db), "-n", "2", "--min-diff", "1",
                      "-o", str(tmp_path / "b"), "--time-limit", "5", "--workers", "1", "--quiet"], capsys)
    assert code == 0 and "nothing is carried in" not in text, text
    assert (tmp_path / "b" / "alternative-2.xlsx").exists()
    with pytest.raises(SystemExit) as refused:
        run(["alternatives", "-n", "1", "-o", str(tmp_path / "c")], capsys)
    assert refused.value.code == 1 and "give either workbooks or --plan" in capsys.readouterr().err


def test_alternatives_summary_is_in_the_coordinators_language(tmp_path: Path, capsys) -> None:
    book = write_book(tmp_path / "in.xlsx", sheets())
    folder = tmp_path / "alts"
    code = main(["--lang", "ja", "alternatives", str(book), "-n", "2", "-o", str(folder),
                 "--time-limit", "10", "--workers", "1", "--quiet"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "案 1: " in printed and "少なくとも -" not in printed  # the first differs from no earlier one
    assert "制限時間は1案ごとに 10 秒です（2 案で最長 20 秒）" in printed
    rows = list(csv.DictReader((folder / "summary.csv").open(encoding="utf-8-sig")))
    assert rows[0]["ファイル"] == "別案-1.xlsx" and rows[0]["状態"] == "最適解" and (folder / "別案-2.xlsx").exists()
    assert rows[1]["必須ルール違反"] == "0"


def test_alternatives_of_an_impossible_plan_exits_2(tmp_path: Path, capsys) -> None:
    book = write_book(tmp_path / "in.xlsx", sheets(need=4))
    code, text = run(["alternatives", str(book), "-o", str(tmp_path / "alts"), "--time-limit", "5"], capsys)
    assert code == 2 and "4/6 灘" in text and not (tmp_path / "alts").exists()


def test_solve_with_soft_cover_prints_the_shortfalls(tmp_path: Path, capsys) -> None:
    book = write_book(tmp_path / "in.xlsx", sheets(need=4))
    out = tmp_path / "roster.xlsx"
    code, text = run(["solve", str(book), "-o", str(out), "--time-limit", "10", "--soft-cover", "--quiet"], capsys)
    assert code == 0, text
    # what of the objective the shortfalls cost, and what check (cover hard) will say of the rest
    assert "3 shortfall(s) (3000 of the objective is theirs; check counts them as hard violations and the rest, 30, " \
           "as the objective):" in text
    code, checked = run(["check", str(out)], capsys)
    assert code == 2 and "objective 30" in checked
    assert "4/6 灘 3歳児健診 13:00-16:00: 3 of the 4 staff needed (1 missing)" in text
    assert "0 hard violations" in text


def test_no_roster_in_time_lists_what_was_left_short_and_never_advises_the_option_given() -> None:
    """`alternatives --soft-cover` that found nothing advised adding --soft-cover; a month too tight
    said nothing of which sessions."""
    from desktop.cli import Infeasible
    from desktop.commands import _raise_if_no_roster
    from solver.core import SolveResult

    reasons = ["No roster keeping every hard rule was found in time (more time may find one); "
               "the best roster with cover made soft falls short here:",
               "3/5 中央 夜間 16:30-20:00: needs 1 staff with skill 司書; 0 placed."]
    with pytest.raises(Infeasible) as plain:
        _raise_if_no_roster(SolveResult("unknown", None, None, None, None, 60.0, False, explanation=reasons))
    assert "--soft-cover gives" in str(plain.value) and "  - 3/5 中央 夜間" in str(plain.value)
    with pytest.raises(Infeasible) as soft:
        _raise_if_no_roster(SolveResult("unknown", None, None, None, None, 60.0, False), soft_cover=True)
    assert "--soft-cover" not in str(soft.value)


def _solved_with(tmp_path: Path, capsys, person: list[str], marks: list[str]) -> str:
    """What solve says of the plan with one more person, marked so on DAYS."""
    book = sheets()
    book["職員"] = [*STAFF, person]
    book["勤務可否"] = [*book["勤務可否"], [*person, *marks]]
    code, text = run(["solve", str(write_book(tmp_path / "in.xlsx", book)), "-o", str(tmp_path / "r.xlsx"),
                      "--time-limit", "10", "--workers", "1", "--quiet"], capsys)
    assert code == 0, text
    return text


def test_solve_names_who_could_work_and_has_no_session(tmp_path: Path, capsys) -> None:
    """A ward's two 育児短時間 nurses had no shift all month, unsaid: every shift had its minimum."""
    text = _solved_with(tmp_path, capsys, ["H004", "高橋 四郎"], ["○", "○", "○"])
    assert "note: 1 people who could take a session have none: " in text
    assert "write their 希望回数 (desired count) or 月時間下限 (least hours a month) in 職員" in text


def test_solve_names_who_may_take_no_session_and_the_rule_that_shuts_them_out(tmp_path: Path, capsys) -> None:
    """A librarian's mistyped 拠点 (地区外の勤務 必須) gave her nothing all month: only an import note said
    the 拠点 was unknown, and the solve said nothing of her."""
    text = _solved_with(tmp_path, capsys, ["H005", "伊藤 五郎"], ["×", "有休", "×"])
    assert "note: 1 people may take no session at all: 伊藤 五郎 (by Availability). Check their 拠点" in text


def test_a_written_roster_breaking_a_hard_rule_never_ends_as_success(capsys) -> None:
    """The model once missed a 勤務曜日 and printed 最適解 with exit 0; check then refused the roster.
    Any hard rule broken beyond --soft-cover's shortfalls is said and exits 2."""
    from desktop.cli import EXIT_INFEASIBLE, EXIT_OK
    from desktop.commands import _exit_for
    from models.domain import Violation
    from solver.evaluate import Evaluation

    away = Violation("availability", True, "藤田 昭 は 6/6 に勤務できません", 0, "P01", "x")
    short = Violation("cover_min", True, "6/15 当直: 1 名不足", 0, None, "y")
    assert _exit_for(Evaluation([short], 0), soft_cover=True) == EXIT_OK
    assert _exit_for(Evaluation([short], 0), soft_cover=False) == EXIT_INFEASIBLE
    assert _exit_for(Evaluation([away, short], 0), soft_cover=True) == EXIT_INFEASIBLE
    assert "藤田 昭 は 6/6 に勤務できません" in capsys.readouterr().err


def test_someone_kept_from_nights_only_by_the_mornings_after_them_is_told_how(tmp_path: Path, capsys) -> None:
    """A 医局's part-time doctors offered nights on ○ days, the days after left blank (×): they could take
    none, said only as "by Availability"; the note names the mornings, and the setting that allows them."""
    book = sheets()
    book["枠"] = [*book["枠"], [DAYS[0], "本院", "当直", time(17, 15), time(8, 30), 0, 1]]
    book["職員"] = [*STAFF, ["P01", "前田 康介"]]
    book["勤務可否"] = [*book["勤務可否"], ["P01", "前田 康介", "17時から", "×", "×"]]
    code, text = run(["solve", str(write_book(tmp_path / "in.xlsx", book)), "-o", str(tmp_path / "r.xlsx"),
                      "--time-limit", "10", "--workers", "1", "--quiet"], capsys)
    assert code == 0, text
    assert "note: 前田 康介 could take nights on their ○ days, but each runs into the next morning" in text


def test_people_kept_out_of_a_short_session_by_a_rule_between_people_are_not_told_it_is_full(capsys) -> None:
    """An election office's --soft-cover: a station 1 short (at most 2 of one 課), and the two 総務課 clerks left
    out were said to be unused because the sessions they could take had their staff."""
    from datetime import date

    from desktop.commands import _print_unused
    from models.domain import Assignment, Mark, Problem, Requirement, Roster, Staff

    day = date(2027, 4, 25)
    station = Requirement("st", day, "第1投票所", "投票所", 420, 1200, 4, 4, skill_caps=(("総務課", 2),))
    staff = [Staff("K", "課長", frozenset({"総務課"})), Staff("S1", "主事 一", frozenset({"総務課"})),
             Staff("S2", "主事 二", frozenset({"総務課"})), Staff("J", "主事 人事", frozenset({"人事課"}))]
    problem = Problem("選挙", day, day, staff=staff, requirements=[station], blank_means=Mark.AVAILABLE)
    _print_unused(problem, Roster([Assignment("K", "st"), Assignment("S1", "st"), Assignment("J", "st")]))
    text = capsys.readouterr().out
    assert "note: 1 people who could take a session short of staff have none: 主事 二; a hard rule between" in text
    assert "have their staff from others" not in text
