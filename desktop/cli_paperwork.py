"""`haichi forms | collect | calendars | pdf | notify`: the month's paperwork on the command line.

`add_parsers` adds the sub-commands to `haichi`'s parser; each `cmd_*` returns an exit code and
lets InvalidInput / StorageError reach `desktop.cli.main`, which prints them (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import desktop.cli as cli  # a module import: cli.py may import this module while it is still loading
from models.domain import Problem, Roster
from models.i18n import t


def add_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add forms, collect, calendars, pdf and notify to `haichi`'s sub-command parsers."""
    p = subparsers.add_parser("forms", parents=[common], help="availability forms, one per person / 勤務可否の回答票")
    p.add_argument("workbook", type=Path, nargs="?", metavar="WORKBOOK.xlsx")
    p.add_argument("--plan", metavar="NAME", help=t("データベースに保存した計画", "a plan stored in the database"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    p.add_argument("--prefill", action="store_true", help=t("わかっている回答を記入しておく", "fill in the answers already known"))
    p.set_defaults(run=cmd_forms)

    p = subparsers.add_parser("collect", parents=[common], help="import returned forms / 回答票の取り込み")
    p.add_argument("forms", type=Path, nargs="+", metavar="FORM.xlsx|DIR")
    p.add_argument("--plan", metavar="NAME", help=t("この保存済みの計画に取り込む", "merge into this stored plan"))
    p.add_argument("--into", type=Path, metavar="WORKBOOK.xlsx", help=t("この入力ブックに取り込む", "merge into this input workbook"))
    p.add_argument("-o", "--output", type=Path, metavar="OUT.xlsx", help=t("取り込んだ結果のブック（--into と一緒に）", "the merged workbook (with --into)"))
    p.add_argument("--dry-run", action="store_true", help=t("報告だけで、何も変えない", "report only, change nothing"))
    p.set_defaults(run=cmd_collect)

    p = subparsers.add_parser("calendars", parents=[common], help="one .ics calendar per person / 個人別カレンダー")
    _roster_source(p)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    p.set_defaults(run=cmd_calendars)

    p = subparsers.add_parser("pdf", parents=[common], help="the master roster as PDF / 配置表のPDF")
    _roster_source(p)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--duty", action="store_true",
                       help="the 勤務表 (people down, days across) instead of the 配置表 / 勤務表を印刷")
    which.add_argument("--sites", action="store_true",
                       help="each site's days: sessions, people and roles / 会場別（会場ごと・日ごと）を印刷")
    p.set_defaults(run=cmd_pdf)

    p = subparsers.add_parser("notify", parents=[common], help="changes and new files for those affected / 変更通知")
    p.add_argument("--plan", metavar="NAME", required=True)
    p.add_argument("--from", dest="before", type=int, metavar="V1", help=t("既定: 最新の公開版", "default: the latest published version"))
    p.add_argument("--to", dest="after", type=int, metavar="V2", help=t("既定: 最新の版", "default: the latest version"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    p.set_defaults(run=cmd_notify)


def _roster_source(p: argparse.ArgumentParser) -> None:
    p.add_argument("roster", type=Path, nargs="?", metavar="ROSTER.xlsx")
    p.add_argument("--plan", metavar="NAME", help=t("データベースに保存した計画", "a plan stored in the database"))
    p.add_argument("--version", dest="solution", type=int, metavar="N", help=t("既定: 最新の版", "default: the latest version"))


def _database(args: argparse.Namespace):
    from models.storage import Database

    return Database(args.db)


def _one_of(given: Any, plan: str | None, what: str) -> bool:
    """True when exactly one of a file and --plan was given, else says so on stderr."""
    if bool(given) != bool(plan):
        return True
    print(t("{what}か --plan のどちらか一方を指定してください", "give either {what} or --plan", what=what),
          file=sys.stderr)
    return False


def _roster(args: argparse.Namespace) -> tuple[Problem, Roster, str]:
    """The problem and roster named by ROSTER.xlsx or --plan (and --version), and from a plan which
    version it is (`版 7（下書き・公開版は版 5）`; "" for a workbook): a nursery's wall 勤務表 had been
    printed from a hand-edited draft, with nothing on the page or the screen to say so."""
    from desktop import commands  # loaded when a command runs, not for --help
    from models.storage import PUBLISHED
    if args.roster:
        return *commands.read_roster(args.roster), ""
    db = _database(args)
    try:
        problem = db.load_problem(args.plan)
        published = [s.version for s in db.list_solutions(args.plan) if s.status == PUBLISHED]
        if args.solution is not None:
            version, roster = args.solution, db.load_solution(args.plan, args.solution)
        elif (latest := db.latest_solution(args.plan)) is not None:
            version, roster = latest
        else:
            raise cli.Refused(t("計画「{p}」にはまだ配置がありません。先に solve を実行してください。",
                               "plan '{p}' has no roster yet; run solve first.", p=args.plan))
    finally:
        db.close()
    return problem, commands.without_orphans(problem, roster, version), version_label(version, published)


def version_label(version: int, published: list[int]) -> str:
    """`版 5（公開）`, `版 7（下書き・公開版は版 5）` or `版 2（下書き）`."""
    state = t("公開", "published") if version in published else (
        t("下書き・公開版は版 {p}", "a draft; the published one is version {p}", p=max(published)) if published
        else t("下書き", "a draft"))
    return t("版 {v}（{s}）", "version {v} ({s})", v=version, s=state)


def cmd_forms(args: argparse.Namespace) -> int:
    from desktop import commands, paperwork  # loaded when a command runs, not for --help
    if not _one_of(args.workbook, args.plan, "WORKBOOK.xlsx"):
        return cli.EXIT_INVALID
    if args.plan:
        db = _database(args)
        try:
            problem = db.load_problem(args.plan)
        finally:
            db.close()
    else:  # forms are sent out instead of a matrix: the workbook may have no 勤務可否 sheet
        problem = commands.import_workbooks([args.workbook], marks_optional=True)
    paths = paperwork.make_forms(problem, args.output, prefill=args.prefill)
    print(t("回答票 {n} 件を書き出しました: {d}", "{n} form(s) written to {d}", n=len(paths), d=args.output))
    return cli.EXIT_OK


def form_files(given: list[Path]) -> list[Path]:
    """The files named, with each folder replaced by the workbooks inside it (Excel's `~$` lock
    files skipped), sorted by name within a folder."""
    files: list[Path] = []
    for path in given:
        if path.is_dir():
            files += sorted(p for p in path.iterdir()
                            if p.suffix.lower() in (".xlsx", ".xlsm") and not p.name.startswith("~$"))
        else:
            files.append(path)
    return files


def cmd_collect(args: argparse.Namespace) -> int:
    from desktop import commands, paperwork  # loaded when a command runs, not for --help
    from models.excel.form_returns import report_lines
    if not _one_of(args.into, args.plan, "--into WORKBOOK.xlsx"):
        return cli.EXIT_INVALID
    if args.into and not args.output and not args.dry_run:
        print(t("--into には -o OUT.xlsx も指定してください", "--into needs -o OUT.xlsx"), file=sys.stderr)
        return cli.EXIT_INVALID
    files = form_files(args.forms)
    if args.output and not args.dry_run:
        from desktop import operations

        operations.check_output(args.output, [p for p in (args.into, *files) if p])
    db = None
    if args.plan:
        db = _database(args)
        problem = db.load_problem(args.plan)
        based_on = db.known_version(args.plan)
    else:
        # the forms were sent out instead of a matrix: the workbook may have no 勤務可否 sheet yet
        problem = commands.import_workbooks([args.into], marks_optional=True)
    try:
        result = paperwork.collect(problem, files)
        for line in report_lines(result):
            print(line)
        if args.dry_run:
            print(t("確認のみ: 何も保存していません", "dry run: nothing was saved"))
        elif db is not None:
            db.save_problem(args.plan, result.problem, expected_version=based_on)
            print(t("計画「{p}」に取り込みました", "merged into plan '{p}'", p=args.plan))
            commands.warn_roster_marks(db, args.plan, result.problem)
        elif (cells := paperwork.write_collected(args.into, args.output, result)) is not None:
            print(t("回答を元のブックの勤務可否に書き込みました（{n} セル。ほかのシートと書式はそのまま）: {p}",
                    "the answers written into the workbook's own 勤務可否 ({n} cells; other sheets and formats kept): {p}",
                    n=cells, p=args.output))
        else:
            print(t("取り込んだ入力ファイルを書き出しました（元のブックの勤務可否に回答した人の行か日付の列がないため、ひな形の形式で"
                    "作り直しました）: {p}",
                    "merged workbook written in the template's layout (the workbook's 勤務可否 has no row or no date "
                    "column for some who answered): {p}", p=args.output))
    finally:
        if db is not None:
            db.close()
    return cli.EXIT_OK


def cmd_calendars(args: argparse.Namespace) -> int:
    from desktop import paperwork  # loaded when a command runs, not for --help
    if not _one_of(args.roster, args.plan, "ROSTER.xlsx"):
        return cli.EXIT_INVALID
    problem, roster, label = _roster(args)
    paths = paperwork.calendars(args.output, problem, roster)
    print(t("{v}のカレンダー {n} 件を書き出しました: {d}", "{n} calendar(s) of {v} written to {d}", n=len(paths),
            d=args.output, v=label) if label else
          t("カレンダー {n} 件を書き出しました: {d}", "{n} calendar(s) written to {d}", n=len(paths), d=args.output))
    return cli.EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    from desktop import paperwork  # loaded when a command runs, not for --help
    from models.stats import has_site_sheet
    if not _one_of(args.roster, args.plan, "ROSTER.xlsx"):
        return cli.EXIT_INVALID
    problem, roster, label = _roster(args)
    try:
        if args.sites and not has_site_sheet(problem):
            print(t("会場が 1 つの計画には 会場別 の表がありません。配置表（または --duty で勤務表）を印刷してください。",
                    "A plan of one site has no per-site sheet: print the master roster (or --duty, the duty roster)."),
                  file=sys.stderr)
            return cli.EXIT_INVALID
        paperwork.master_pdf(args.output, problem, roster, duty=args.duty, sites=args.sites, stamp=label)
    except paperwork.PdfUnavailable as error:
        print(str(error), file=sys.stderr)
        return cli.EXIT_INTERNAL
    if args.duty:
        said = t("勤務表の PDF を書き出しました: {p}", "duty roster PDF written: {p}", p=args.output)
    elif args.sites:
        said = t("会場別の PDF を書き出しました: {p}", "per-site PDF written: {p}", p=args.output)
    else:
        said = t("配置表の PDF を書き出しました: {p}", "master roster PDF written: {p}", p=args.output)
    print(f"{label} {said}" if label else said)
    return cli.EXIT_OK


def cmd_notify(args: argparse.Namespace) -> int:
    from desktop import commands, paperwork  # loaded when a command runs, not for --help
    from models.storage import PUBLISHED

    db = _database(args)
    try:
        problem = db.load_problem(args.plan)
        versions = {s.version: s.status for s in db.list_solutions(args.plan)}
        after = args.after or max(versions, default=None)
        # the published version before the newest one: just published, the newest is compared with the last one out
        before = args.before or max((v for v, s in versions.items() if s == PUBLISHED and (after is None or v < after)),
                                    default=None)
        if before is None or after is None:
            raise cli.Refused(t("計画「{p}」には比べる前の公開版がありません。--from で比べる版を指定してください。",
                               "plan '{p}' has no earlier published version to compare with; name one with --from.",
                               p=args.plan))
        # the older version whole: a person placed in a session closed since is told they are taken off it
        old = db.load_solution(args.plan, before)
        new = commands.without_orphans(problem, db.load_solution(args.plan, after), after)
    finally:
        db.close()
    label = {PUBLISHED: t("公開", "published")}
    notice = paperwork.notify(
        args.output, problem, old, new,
        t("版 {v}", "version {v}", v=before) + (f" ({label[versions[before]]})" if versions.get(before) in label else ""),
        t("版 {v}", "version {v}", v=after) + (f" ({label[versions[after]]})" if versions.get(after) in label else ""),
    )
    for line in notice.lines:
        print(line)
    print(t("影響を受ける職員 {n} 名: {ids}", "{n} staff affected: {ids}", n=len(notice.affected),
            ids="、".join(notice.affected) or "-"))
    print(t("{n} 件のファイルを書き出しました: {d}", "{n} file(s) written to {d}", n=len(notice.files), d=args.output))
    return cli.EXIT_OK
