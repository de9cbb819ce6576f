"""The user's actions as plain functions, shared by the command line and the desktop window.

No Qt here: the CLI calls these directly, the GUI runs them in worker threads. Every function that
writes a file writes it whole or not at all (a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from models.domain import Problem, Roster
from models.errors import CannotWrite, InputProblem, InvalidInput
from models.excel import export, importer, roster_reader, template
from models.excel.grid_edits import GridReport
from models.i18n import t
from solver.evaluate import Evaluation, evaluate
from solver.rules import CATALOGUE

if TYPE_CHECKING:
    from solver.core import Progress, SolveOptions, SolveResult, Solver


def _cannot_write(path: Path, ja: str, en: str) -> CannotWrite:
    return CannotWrite([InputProblem(str(path), "", "", t(ja, en))])


def check_output(path: Path | str, inputs: Sequence[Path | str] = ()) -> None:
    """Refuse, before any work, an output that cannot be written: a folder that does not exist,
    a folder given instead of a file, a file open in Excel (Windows locks it) or read-only; and
    one of the `inputs` the command reads (a coordinator's own workbook, written over)."""
    path = Path(path)
    if any(_same_file(path, Path(source)) for source in inputs):
        raise _cannot_write(path, "読み込むファイルと同じです。上書きすると元のブックが失われるので、別の名前を指定してください",
                            "this is one of the files read: writing over it would lose the original workbook, so "
                            "give another name")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise _cannot_write(path, "保存先のフォルダがありません", "the output folder does not exist")
    if path.is_dir():
        raise _cannot_write(path, "フォルダです。保存するファイルの名前（例: roster.xlsx）を指定してください",
                            "this is a folder: give the name of the file to write (e.g. roster.xlsx)")
    if path.exists():
        try:
            with open(path, "r+b"):
                pass
        except OSError:
            raise _in_use(path) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()  # read once: setting it back and forth while other threads create files would race


def _readable_as_usual(tmp: Path, path: Path) -> None:
    """Give the finished temporary file the mode of the file it replaces, else the one a new file
    gets: mkstemp makes it readable by its owner alone, so colleagues on a shared folder could not
    open the roster (Windows keeps no such mode; nothing changes there)."""
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_UMASK
        os.chmod(tmp, mode)
    except OSError:
        pass  # a file system without modes: the file as it is


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _in_use(path: Path) -> CannotWrite:
    return _cannot_write(path, "このファイルに書き込めません。Excel で開いているときは閉じてから、もう一度実行してください"
                         "（読み取り専用のときは別の名前を指定してください）",
                         "cannot write this file: if it is open in Excel, close it and run again "
                         "(if it is read-only, give another name)")


@contextmanager
def atomic_output(path: Path, suffix: str = ".xlsx") -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`, on failure it is removed.
    An output that cannot be written is refused (CannotWrite), the old file left as it was."""
    path = Path(path)
    check_output(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".haichi-", suffix=suffix, dir=folder)
    except OSError:
        raise _cannot_write(path, "保存先のフォルダに書き込めません", "cannot write into the output folder") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _readable_as_usual(tmp, path)
        try:
            os.replace(tmp, path)
        except OSError:  # Windows: the file was opened in Excel meanwhile
            raise _in_use(path) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def import_workbooks(paths: Sequence[Path | str], plan_name: str | None = None,
                     marks_optional: bool = False, notes: list[InputProblem] | None = None) -> Problem:
    """Read and validate the workbooks into one Problem; InvalidInput lists every problem found.
    With `marks_optional`, workbooks without a 勤務可否 sheet give a plan without marks yet;
    `notes` gets what was read in a way the coordinator should know of (not problems)."""
    missing = [
        InputProblem(str(p), "", "", t("フォルダです。取り込むブック（.xlsx）を指定してください", "this is a folder: give the "
                                       "workbooks (.xlsx) to import") if Path(p).is_dir()
                     else t("ファイルが見つかりません", "file not found"))
        for p in paths
        if not Path(p).is_file()
    ]
    if missing:
        raise InvalidInput(missing)
    return importer.read_workbooks([Path(p) for p in paths], CATALOGUE, plan_name=plan_name,
                                   marks_optional=marks_optional, notes=notes)


def over_stored(db, name: str, problem: Problem) -> tuple[Problem, list[str], list[str]] | None:
    """A plan imported again over the plan `name` the database holds: it keeps the rule settings its
    設定 sheet does not name (models.domain.settings_kept), with the ids of those rules, and of the rules
    the last import's 設定 gave and this one's does not, back to their defaults; None when the database
    holds no such plan. What `haichi import` and the window's import both do."""
    from models.domain import settings_kept
    from models.storage import PlanNotFound

    try:
        stored = db.load_problem(name)
    except PlanNotFound:
        return None
    return settings_kept(problem, stored)


def marks_replaced(db, name: str, problem: Problem) -> list[str]:
    """Each day the plan `name` stored has a mark (or hours, or shifts refused) for that `problem` gives otherwise, as
    `K02 鈴木 友美 5/10 ×→○`, for the people and days both hold; empty when there is no such plan."""
    from models.storage import PlanNotFound
    from models.textparse import cell_text

    try:
        stored = db.load_problem(name)
    except PlanNotFound:
        return []
    held = {person.id for person in stored.staff}
    people = [person for person in problem.staff if person.id in held]
    days = [d for d in problem.days() if stored.start <= d <= stored.end]
    def said(plan: Problem, key: tuple[str, date]) -> tuple:
        """What a cell says of the day: the mark, and beside a mark that can be worked its hours, the shifts it
        refuses and its most sessions (a × day's hours, from a 時間帯 column, are none: an exam office's re-import
        told 13 days of ×→×)."""
        mark = plan.mark(*key)
        if not mark.can_work:
            return mark, None, None, None
        return mark, plan.windows.get(key), plan.refused.get(key), plan.day_caps.get(key)

    found = []
    for person in people:
        for day in days:
            key = (person.id, day)
            before, after = said(stored, key), said(problem, key)
            if before != after:
                found.append(f"{person.label()} {day.month}/{day.day} "
                             f"{cell_text(before[0], None, None, *before[1:3], cap=before[3])}→"
                             f"{cell_text(after[0], None, None, *after[1:3], cap=after[3])}")
    return found


def is_roster_workbook(path: Path | str) -> bool:
    """Whether the file is a roster workbook Haichi wrote (its Assignments sheet), not an input one."""
    import openpyxl

    from models.excel.schema import ASSIGNMENTS_SHEET

    if not Path(path).is_file():
        return False  # a folder, a missing file: the import proper says so
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception:  # not a workbook at all (openpyxl's own exceptions too): the import proper says what
        return False
    try:
        return ASSIGNMENTS_SHEET in book.sheetnames
    finally:
        book.close()


def read_roster_workbook(path: Path | str) -> tuple[Problem, Roster]:
    """Read a roster workbook written by Haichi (or edited by hand) back into problem and roster."""
    problem, roster, _ = read_roster_workbook_and_grid(path)
    return problem, roster


def read_roster_workbook_and_grid(path: Path | str) -> tuple[Problem, Roster, GridReport]:
    """`read_roster_workbook`, and what its 配置表 sheet said: the cells whose edits were read, or
    those whose people differ from the roster read (`models.excel.grid_edits`)."""
    if not Path(path).is_file():
        raise InvalidInput([InputProblem(str(path), "", "", t("ファイルが見つかりません", "file not found"))])
    return roster_reader.read_roster_and_grid(Path(path), CATALOGUE)


def solve(
    problem: Problem,
    options: SolveOptions,
    on_progress: Callable[[Progress], None] | None = None,
    on_solver: Callable[[Solver], None] | None = None,
) -> SolveResult:
    """Solve the problem; `on_solver` receives the Solver before the search starts (to cancel it).
    CP-SAT is imported here, on the first solve, not with the rest of the user's actions."""
    from solver.core import solver_for

    solver = solver_for(problem, options)
    if on_solver is not None:
        on_solver(solver)
    return solver.solve(on_progress)


def write_roster(
    path: Path | str, problem: Problem, roster: Roster, per_person_dir: Path | str | None = None,
    written: list[Path] | None = None,
) -> Evaluation:
    """Evaluate the roster and write the roster workbook (and one workbook per person if asked, their
    paths added to `written`). Assignments to sessions or people the plan no longer has (imported again
    since the roster was made) are left out, as the CLI says (commands.without_orphans)."""
    roster = roster.split_by(problem)[0]
    evaluation = evaluate(problem, roster)
    with atomic_output(Path(path)) as tmp:
        export.write_roster(tmp, problem, roster, evaluation.violations, CATALOGUE)
    if per_person_dir is not None:
        folder = Path(per_person_dir)
        folder.mkdir(parents=True, exist_ok=True)
        files = export.write_personal_workbooks(folder, problem, roster)
        if written is not None:
            written += files
    return evaluation


def write_personal(folder: Path | str, problem: Problem, roster: Roster) -> list[Path]:
    """Write one workbook per person into `folder` (created if needed); returns the files written."""
    return export.write_personal_workbooks(Path(folder), problem, roster)


def write_template(path: Path | str, start: date, end: date) -> None:
    """Write an empty input workbook for the period."""
    if end < start:
        raise InvalidInput(
            [InputProblem(str(path), "", "", t("期間の終了日が開始日より前です", "the period ends before it starts"))]
        )
    with atomic_output(Path(path)) as tmp:
        template.write_template(tmp, start, end, CATALOGUE)
