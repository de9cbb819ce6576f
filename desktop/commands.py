"""The bodies of the `haichi` sub-commands; `desktop.cli` parses arguments and maps errors to exit codes."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from models.changes import session_label
from models.domain import Problem, Requirement, Roster, hhmm, name_and_id
from models.errors import InputProblem, InvalidInput
from models.i18n import t
from desktop import operations
from desktop.cli import EXIT_INFEASIBLE, EXIT_OK, Infeasible, Refused
from solver.core import Progress, SolveOptions, SolveResult
from solver.rules.base import SOFT_COVER

if TYPE_CHECKING:
    from models.storage import Database


def _database(args: argparse.Namespace):
    from models.storage import Database

    return Database(args.db)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def import_workbooks(paths, plan_name: str | None = None, marks_optional: bool = False) -> Problem:
    """`operations.import_workbooks`, printing what was read in a way the coordinator should know
    of (a blank date read as the one above, say) before going on."""
    notes: list[InputProblem] = []
    problem = operations.import_workbooks(paths, plan_name=plan_name, marks_optional=marks_optional, notes=notes)
    for note in notes:
        print(t("注意: {note}", "note: {note}", note=note))
    return problem


def cmd_template(args: argparse.Namespace) -> int:
    start = args.start or _first_of_next_month(date.today())
    end = args.end or _last_of_month(start)
    operations.write_template(args.out, start, end)
    print(t("ひな形を書き出しました: {p}", "template written: {p}", p=args.out))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    roster = None
    if len(args.workbooks) == 1 and operations.is_roster_workbook(args.workbooks[0]):
        # a roster workbook (exported, edited by hand or repaired without the database): its input and its
        # roster, the edits of 配置表 and 勤務表 read in, so that it can be published and notified from
        problem, roster = read_roster(args.workbooks[0])
        problem = problem.with_(name=args.plan) if args.plan else problem
    else:
        # as in the desktop's import: staff and sessions alone are a plan whose availability forms go out next
        problem = import_workbooks(args.workbooks, plan_name=args.plan, marks_optional=True)
    name = args.plan or problem.name
    db = _database(args)
    kept: list[str] = []
    dropped: list[str] = []
    # a plan imported again keeps the rule settings its 設定 does not name (set in the rules dialog)
    if roster is None and (found := operations.over_stored(db, name, problem)) is not None:
        problem, kept, dropped = found
    # an input workbook imported again replaces the plan's marks too: forms collected into the plan since were
    # undone, unsaid (a nurse was back on a day she had answered ×), so the marks that change are said
    replaced = operations.marks_replaced(db, name, problem)
    db.save_problem(name, problem)
    if kept:  # once the import holds: a refused one (another period under the name) printed it first
        from solver.rules import title

        # a few are named; many (a workbook with no 設定 rows) would be a wall of 30 names: counted
        rules = "、".join(map(title, kept)) if len(kept) <= KEPT_NAMED else t(
            "{n} 件（{first} ほか）", "{n} ({first} and others)", n=len(kept), first="、".join(map(title, kept[:3])))
        print(t("設定 シートにないルール {rules} は、計画に保存されている設定のままです",
                "rules the 設定 sheet does not name keep the plan's stored settings: {rules}", rules=rules))
    if dropped:
        from solver.rules import title

        print(t("前回の 設定 シートにあって今回ないルール {rules} は、既定の設定に戻しました",
                "rules the last 設定 sheet named and this one does not are back to their defaults: {rules}",
                rules="、".join(map(title, dropped))))
    if roster is not None:
        _store_roster(db, name, problem, roster)
        if replaced:
            _print_replaced_marks(replaced)
        return EXIT_OK
    if replaced:
        _print_replaced_marks(replaced, roster_book=False)
    latest = db.latest_solution(name)
    if latest is not None and (gone := latest[1].split_by(problem)[1]):
        print(orphans_note(gone, latest[0], importing=True, problem=problem))
    warn_roster_marks(db, name, problem)
    print(
        t(
            "計画「{name}」に取り込みました: 職員 {s} 名、枠 {r} 件、勤務可否 {a} 件 ({p})",
            "imported into plan '{name}': {s} staff, {r} sessions, {a} availability marks ({p})",
            name=name,
            s=len(problem.staff),
            r=len(problem.requirements),
            a=len(problem.availability),
            p=f"{problem.start.isoformat()}〜{problem.end.isoformat()}",
        )
    )
    if wishes := problem.wish_count():
        print(t("勤務希望 {n} 件（勤務可否の欄に書かれた勤務名）", "{n} shift wish(es) (shift names in availability cells)",
                n=wishes))
    if problem.awaits_marks():
        print(t("勤務可否がまだありません。haichi forms --plan で回答票を作成し、haichi collect --plan で返送分を取り込んでから配置を作ってください。",
                "no availability marks yet: write the forms with haichi forms --plan, and collect the returned ones with "
                "haichi collect --plan before solving."))
    return EXIT_OK


# Marks named in the warning of a roster workbook's import that replaces others; the rest are counted.
REPLACED_NAMED = 5


def _print_replaced_marks(replaced: list[str], roster_book: bool = True) -> None:
    """The warning of a workbook imported over a plan whose marks differ from the workbook's: the plan now
    holds the workbook's (a repaired roster's 勤務可否 lacked two returned forms collected into the plan
    since, and a nurse was sent to work on a day she had answered ×, unsaid). For an input workbook, whose
    new marks are often the point, a note."""
    shown = "、".join(replaced[:REPLACED_NAMED]) + (
        t(" ほか {n} 件", " and {n} more", n=len(replaced) - REPLACED_NAMED) if len(replaced) > REPLACED_NAMED else "")
    if not roster_book:
        print(t("注意: 計画の勤務可否のうち {n} 件が、このブックの記号に変わりました（{shown}）。回答票を haichi collect で"
                "取り込んだあと、その回答をブックに書き写していなければ、haichi collect --plan でもう一度取り込んでください。",
                "note: {n} availability mark(s) of the plan changed to this workbook's ({shown}). If forms were "
                "collected into the plan and not copied into the workbook, collect them again with haichi collect --plan.",
                n=len(replaced), shown=shown))
        return
    print(t("注意: 計画の勤務可否のうち {n} 件を、配置表ブックの勤務可否で置き換えました（{shown}）。"
            "計画に取り込んであった回答票などの記号なら、haichi collect --plan でもう一度取り込んでから "
            "haichi solve --plan で配置を直してください。",
            "warning: {n} availability mark(s) of the plan were replaced by the roster workbook's ({shown}). If "
            "they came from forms collected into the plan, collect them again with haichi collect --plan, then "
            "mend the roster with haichi solve --plan.", n=len(replaced), shown=shown), file=sys.stderr)


def warn_roster_marks(db, plan: str, problem: Problem) -> None:
    """Say which people of the plan's newest roster, and of its published one when a draft came after it,
    the marks just imported or collected now say cannot work their day (someone fell ill after the roster
    went out): the rosters are not changed. The published one is what the people hold: with a draft after it
    (a hand fix) that had moved the day, a 研修 on a day worked in the published roster went unsaid."""
    from models.storage import PUBLISHED
    from solver.evaluate import evaluate

    latest = db.latest_solution(plan)
    if latest is None:
        return
    published = db.latest_solution(plan, PUBLISHED)
    earlier = published is not None and published[0] != latest[0]
    for version, roster in [latest, published] if earlier else [latest]:
        broken = [v for v in evaluate(problem, roster.split_by(problem)[0]).hard_violations
                  if v.rule_id == "availability"]
        if not broken:
            continue
        shown = "、".join(v.message.rstrip("。.") for v in broken[:3]) + (
            t(" ほか {n} 件", " and {n} more", n=len(broken) - 3) if len(broken) > 3 else "")
        which = t("版 {v}（公開版）", "version {v} (published)", v=version) if earlier and version == published[0] \
            else t("版 {v} ", "version {v}", v=version)
        print(t("注意: {which}の配置のうち {n} 件は、取り込んだ勤務可否では勤務できない日です（{shown}）。"
                "haichi solve --plan で直してください。",
                "note: {n} assignment(s) of {which} fall on days the availability just read now rules out "
                "({shown}); mend them with haichi solve --plan.", which=which, n=len(broken), shown=shown))


def _store_roster(db, name: str, problem: Problem, roster: Roster) -> None:
    """The roster of an imported roster workbook as the plan's newest draft version, said with its
    count of broken hard rules and how to publish it."""
    from solver.evaluate import evaluate

    evaluation = evaluate(problem, roster)
    version = db.save_solution(name, roster, stats={"status": "imported", "objective": evaluation.objective})
    print(t("計画「{p}」に配置表ブックを取り込みました: 配置 {n} 件を版 {v}（下書き）として保存（必須ルール違反 {h} 件）。",
            "roster workbook imported into plan '{p}': {n} assignments saved as version {v} (draft; {h} hard "
            "violations).", p=name, n=len(roster.assignments), v=version, h=evaluation.hard_listed))
    if evaluation.hard_listed:  # a roster breaking hard rules is no roster to hand out as it is
        print(t("haichi check で違反を確かめ、haichi solve --plan {typed} で直してください"
                "（このまま公開するなら haichi publish --plan {typed} {v} --force）。",
                "See the violations with haichi check and mend them with haichi solve --plan {typed} "
                "(to publish it as it is: haichi publish --plan {typed} {v} --force).", typed=typed(name), v=version))
    else:
        print(t("公開するには haichi publish --plan {typed} {v}", "To publish it: haichi publish --plan {typed} {v}",
                typed=typed(name), v=version))


def typed(argument: str) -> str:
    """An argument as it must be typed at a prompt to stay one argument: in double quotes when it
    holds a space or a shell character (a plan named `R9第1四半期 休日急患`); Windows' prompt and
    PowerShell read double quotes as the other shells do."""
    if argument and not any(c.isspace() or c in "\"'&|<>^%$`;()" for c in argument):
        return argument
    return '"' + argument.replace('"', '\\"') + '"'


def _plan_or_workbooks(args: argparse.Namespace) -> tuple[Problem, Database | None]:
    """(problem, database): the plan `--plan` names in the database, with what it carries in said; or
    the workbooks' and None, said to carry nothing in (a March alternative went over a 103万円 cap that
    February's pay had neared). Exactly one of the two must be given."""
    if bool(args.workbooks) == bool(args.plan):
        raise SystemExit(_usage(t("ワークブックか --plan のどちらか一方を指定してください", "give either workbooks or --plan")))
    if args.plan:
        db = _database(args)
        problem = db.load_problem(args.plan)
        _print_carried(problem)
        return problem, db
    problem = import_workbooks(args.workbooks)
    print(t("注意: ブックから直接解くので、前の計画（データベース）からは何も引き継ぎません"
            "（連続勤務・年度の回数・年間支給額など）。引き継ぐには haichi import のあと --plan で解きます。",
            "note: solved from the workbook alone, so nothing is carried in from earlier plans in the database "
            "(runs of work, fiscal-year counts, the annual pay cap…); import it and solve with --plan to carry them in."))
    if (version := _published_version(args, problem.name)) is not None:
        print(t("注意: データベースの計画「{p}」には公開した版 {v} があります。この解は公開版を見ずに作るので、多くの配置が"
                "変わります。公開版からの変更を少なくするには haichi import {w} のあと haichi solve --plan {q}"
                "（または haichi repair {w} --published 公開した配置表.xlsx）を使ってください。",
                "note: the plan '{p}' in the database has a published version {v}. This solve does not look at it, so "
                "many assignments will change; to change as few as possible, run haichi import {w} then haichi solve "
                "--plan {q} (or haichi repair {w} --published PUBLISHED.xlsx).",
                p=problem.name, v=version, q=typed(problem.name), w=" ".join(typed(str(w)) for w in args.workbooks)))
    return problem, None


def _published_version(args: argparse.Namespace, name: str) -> int | None:
    """The newest published version of the plan `name` in the database (`--db`, or the default one when it exists),
    None when there is none or the database cannot be read: a fire station solved its corrected workbook again
    after publishing, and 381 of its 615 assignments moved, days already worked among them, unsaid."""
    from models.storage import Database
    from models.storage.engine import default_path
    from models.storage.solutions import PUBLISHED

    if args.db is None and not default_path().exists():
        return None  # never made: not made now for a note
    try:
        with Database(args.db) as db:
            latest = db.latest_solution(name, status=PUBLISHED)
    except Exception:  # a side note: nothing the database says may stop the solve
        return None
    return latest[0] if latest else None


def _print_personal(folder: Path | None, written: list[Path]) -> None:
    """`個人別のブック 45 件を書き出しました: DIR` (an after-school office's 45 files had gone unsaid)."""
    if folder is not None:
        print(t("個人別のブック {n} 件を書き出しました: {p}", "{n} per-person workbook(s) written: {p}", n=len(written),
                p=folder))


def cmd_solve(args: argparse.Namespace) -> int:
    from desktop.cli_plan_notes import hand_draft, print_change_cost, staying_close_to, warn_fixes_lost
    from solver.evaluate import evaluate

    problem, db = _plan_or_workbooks(args)
    latest = db.latest_solution(args.plan) if db is not None else None
    hint = latest[1] if latest else None
    operations.check_output(args.output, args.workbooks or ())  # before the solve, not after it
    options = SolveOptions(
        time_limit=args.time_limit,
        workers=args.workers,
        seed=args.seed,
        hint=hint,
        soft_cover=args.soft_cover,
    )
    # a draft fixed by hand after publishing is stayed close to, its fixes kept, not the published roster alone
    draft = hand_draft(db, args.plan) if db is not None else None
    solved = staying_close_to(problem, *draft) if draft is not None else problem
    since = _kept_before(args, solved)
    _print_problem_size(problem)
    if since is not None:  # a ward's sick call on the 14th: the days worked before it stay as handed out
        from solver.repair import repair

        result, _ = repair(solved, Roster(solved.published or []), replace(options, hint=None), since)
    else:
        result = operations.solve(solved, options, None if args.quiet else _progress_printer())
    _raise_if_no_roster(result, args.soft_cover)
    assert result.roster is not None
    if db is not None:  # refused, not overwritten, when another coordinator saved the plan meanwhile
        db.save_solution(args.plan, result.roster, stats=_stats(result),
                         expected_version=db.known_version(args.plan))
    # written against the published roster: its 違反 sheet names the changes the people will be told of
    personal: list[Path] = []
    evaluation = operations.write_roster(args.output, problem, result.roster, args.per_person, personal)
    scored = evaluation if solved is problem else evaluate(solved, result.roster.split_by(problem)[0])
    _print_result(result, scored, problem)
    if problem.published is not None:  # solved close to the published version (repair mode): what changed
        changes = sum(v.cost for v in scored.violations if v.rule_id == "repair")
        print_change_cost(changes, scored.objective - changes, draft[0] if draft is not None else None)
        _print_changes(problem, Roster(problem.published), result.roster)
        if draft is not None:
            warn_fixes_lost(problem, *draft, result.roster)
    print(t("配置表を書き出しました: {p}", "roster written: {p}", p=args.output))
    _print_personal(args.per_person, personal)
    if db is not None:
        warn_later_plans(db, args.plan)
    return _exit_for(evaluation, args.soft_cover)


def _exit_for(evaluation, soft_cover: bool) -> int:
    """EXIT_OK, or EXIT_INFEASIBLE with each hard rule the written roster breaks said, beyond the
    shortfalls a --soft-cover solve allows: the solver keeps every hard rule, so any is a fault,
    never to end as an ordinary success (a 勤務曜日 the model missed gave "最適解" and exit 0)."""
    broken = [v for v in evaluation.listed if v.hard and not (soft_cover and v.rule_id in SOFT_COVER)]
    if not broken:
        return EXIT_OK
    print(t("注意: 書き出した配置表は必須ルールを {n} 件破っています（確かめてから使ってください）:",
            "warning: the roster written breaks {n} hard rule(s) (check it before use):", n=len(broken)),
          file=sys.stderr)
    for v in broken:
        print(f"  - {v.message}", file=sys.stderr)
    return EXIT_INFEASIBLE


def _print_changes(problem: Problem, published: Roster, roster: Roster) -> None:
    from models.changes import change_report

    # the published roster whole: its places in sessions the plan no longer holds are changes too
    lines = change_report(problem, Roster.from_pairs(published.pairs()), Roster.from_pairs(roster.pairs()))
    print(t("公開版からの変更:", "Changes from the published roster:"))
    for line in lines:
        print(f"  {line}")


def read_roster(path: Path) -> tuple[Problem, Roster]:
    """A roster workbook's problem and roster, with the people of 配置表 cells edited since the
    export read from 配置表; prints which cells were read, or which differ from the roster read."""
    problem, roster, grid = operations.read_roster_workbook_and_grid(path)
    for note in grid.notes():
        print(note)
    return problem, roster


def cmd_check(args: argparse.Namespace) -> int:
    from solver.evaluate import evaluate

    problem, roster = read_roster(args.roster)
    if problem.history_sources:  # exported from a plan that carried them in: scored as it was solved
        _print_carried(problem)
    evaluation = evaluate(problem, roster)
    hard = [v for v in evaluation.listed if v.hard]
    soft = [v for v in evaluation.listed if not v.hard]
    for v in hard:
        print(t("[必須] {m}", "[hard] {m}", m=v.message))
    for v in soft:
        print(t("[努力] {m} (ペナルティ {c})", "[soft] {m} (penalty {c})", m=v.message, c=v.cost))
    print(
        t(
            "配置 {n} 件 / 必須ルール違反 {h} 件 / 努力ルール違反 {s} 件 / 評価値 {o}",
            "{n} assignments / {h} hard violations / {s} soft violations / objective {o}",
            n=len(roster.assignments),
            h=len(hard),
            s=len(soft),
            o=evaluation.objective,
        )
    )
    return EXIT_INFEASIBLE if hard else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from models.storage import PUBLISHED

    db = _database(args)
    problem = db.load_problem(args.plan)
    latest = db.latest_solution(args.plan)
    if latest is None:
        raise Refused(
            t("計画「{p}」にはまだ配置がありません。先に solve を実行してください。",
              "plan '{p}' has no roster yet; run solve first.", p=args.plan)
        )
    version, roster = latest
    if args.solution is not None:
        version, roster = args.solution, db.load_solution(args.plan, args.solution)
    published = [s.version for s in db.list_solutions(args.plan) if s.status == PUBLISHED]
    if published and version < max(published) and problem.published is not None:
        # a version from before today's published one is measured against the one published before it
        # (none: no changes to list); against today's, its 違反 sheet said it had made the later changes
        earlier = [v for v in published if v < version]
        problem = problem.with_(published=db.load_solution(args.plan, max(earlier)).assignments if earlier else None)
    roster = without_orphans(problem, roster, version)
    personal: list[Path] = []
    evaluation = operations.write_roster(args.output, problem, roster, args.per_person, personal)
    _print_personal(args.per_person, personal)
    state = "" if version in published else (
        t("（下書き・公開版は版 {p}）", " (a draft; the published one is version {p})", p=max(published)) if published
        else t("（下書き）", " (a draft)"))
    print(
        t("版 {v}{state} を書き出しました: {p} (必須ルール違反 {h} 件)", "version {v}{state} written: {p} ({h} hard violations)",
          v=version, state=state, p=args.output, h=evaluation.hard_listed)
    )
    if args.ics is not None:
        from desktop import paperwork  # loaded when asked for, not for every export

        paths = paperwork.calendars(args.ics, problem, roster)
        print(t("カレンダー {n} 件を書き出しました: {d}", "{n} calendar(s) written to {d}", n=len(paths), d=args.ics))
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from models.benchmarks import curtois
    from solver.evaluate import evaluate

    problem = curtois.read_instance(args.instance)
    operations.check_output(args.output)
    _print_problem_size(problem)
    options = SolveOptions(time_limit=args.time_limit, workers=args.workers, seed=args.seed)
    result = operations.solve(problem, options, None if args.quiet else _progress_printer())
    _raise_if_no_roster(result)
    assert result.roster is not None
    with operations.atomic_output(args.output, suffix=".csv") as tmp:
        curtois.write_solution(problem, result.roster, tmp)
    evaluation = evaluate(problem, result.roster)
    print(
        f"status={result.status} objective={result.objective} bound={_fmt(result.bound)} "
        f"gap={_fmt(result.gap)} elapsed={result.elapsed:.1f}s evaluator={evaluation.objective} "
        f"hard_violations={len(evaluation.hard_violations)}"
    )
    return EXIT_OK


def cmd_repair(args: argparse.Namespace) -> int:
    from desktop.cli_plan_notes import print_change_cost
    from models.history import history_of
    from solver.repair import repair

    operations.check_output(args.output, [*args.workbooks, args.published])  # before the solve
    problem = import_workbooks(args.workbooks)
    solved, published = read_roster(args.published)
    if (solved.start, solved.end) != (problem.start, problem.end):  # another month's roster: nothing to stay close to
        raise InvalidInput([InputProblem(str(args.published), "", "", t(
            "公開版のブックは {a}〜{b} の配置表で、入力の期間 {c}〜{d} と違います。同じ期間の公開版を --published に指定してください",
            "the published roster is of {a} to {b}, not of the input's period {c} to {d}: give the published roster "
            "of the same period with --published", a=solved.start.isoformat(), b=solved.end.isoformat(),
            c=problem.start.isoformat(), d=problem.end.isoformat()))])
    if solved.history_sources:
        problem = problem.with_(**history_of(solved))  # what the published roster was solved against
        _print_carried(problem)
    since = _since(args, problem)
    _print_problem_size(problem)
    result, _ = repair(problem, published, _options(args), since)
    _raise_if_no_roster(result, args.soft_cover)
    assert result.roster is not None
    evaluation = operations.write_roster(args.output, problem, result.roster)
    _print_result(result, evaluation, problem)
    if not any(v.rule_id in SOFT_COVER for v in evaluation.listed):  # else the shortfalls' cost is in it too
        # the objective prices each change (solver.repair); `problem` holds no published roster, as the workbook
        print_change_cost((result.objective or 0) - evaluation.objective, evaluation.objective)
    _print_changes(problem, published, result.roster)
    print(t("配置表を書き出しました: {p}", "roster written: {p}", p=args.output))
    return _exit_for(evaluation, args.soft_cover)


def _kept_before(args: argparse.Namespace, problem: Problem) -> date | None:
    """solve's --from: only with --plan and a published version to keep (its days before it as they are)."""
    if not getattr(args, "since", None):
        return None
    if not args.plan or problem.published is None:
        raise InvalidInput([InputProblem("--from", "", "", t(
            "--from は公開版のある計画（--plan）を解くときに使えます。ブックからなら haichi repair --published を使います",
            "--from keeps a published version: give --plan NAME of a plan with one (for workbooks, use haichi repair "
            "--published)"))])
    return _since(args, problem)


def _since(args: argparse.Namespace, problem: Problem) -> date | None:
    """repair's --from: the first day it may change (2027-05-17 or 5/17, within the plan), said back."""
    from models.excel.reader import Period

    if not args.since:
        return None
    try:
        since = Period(problem.start, problem.end).to_date(args.since)
    except ValueError:
        since = None
    if since is None or not problem.start <= since <= problem.end:
        raise InvalidInput([InputProblem("--from", "", "", t(
            "--from の日付 \"{d}\" が正しくないか、計画期間 {a}〜{b} の外です（例: 5/17）",
            '--from "{d}" is not a date within the plan\'s period {a} to {b} (e.g. 5/17)',
            d=args.since, a=problem.start.isoformat(), b=problem.end.isoformat()))])
    print(t("{d} より前の配置は公開版のまま変えません。", "every assignment before {d} stays as published.",
            d=f"{since.month}/{since.day}"))
    return since


def cmd_suggest(args: argparse.Namespace) -> int:
    from solver.suggest import no_holder_note, suggest

    problem, roster = read_roster(args.roster)
    req = _session(args, problem)
    placed = roster.staff_for(req.id)
    replacing = _replaced(args.replace, problem, req, placed) if args.replace else None
    found = suggest(problem, roster, req.id, limit=args.limit, include_hard=args.all, replacing=replacing)
    names = "、".join(problem.staff_by_id(i).name for i in placed) or t("なし", "nobody")
    if replacing is not None:
        print(t("{session} の {who} の代わりの候補（配置: {names}）:", "Who could take {who}'s place in {session} "
                "(placed: {names}):", session=req.label(), who=problem.staff_by_id(replacing).name, names=names))
        if (note := no_holder_note(problem, roster, req, replacing, found)) is not None:
            print("  " + note)
    else:
        print(t("{session}（配置 {n} 名、必要 {need} 名: {names}）の候補:",
                "Candidates for {session} ({n} placed, {need} needed: {names}):",
                session=req.label(), n=len(placed), need=req.min_staff, names=names))
    full = replacing is None and req.max_staff is not None and len(placed) >= req.max_staff
    if full:
        print(t("  この枠は最大 {m} 名で満員です。入れ替えの候補は --replace 職員ID で表示します。",
                "  the session is full (at most {m}); --replace STAFF_ID lists who could take someone's place.",
                m=req.max_staff))
    if not found and not full:
        print(t("  必須ルールを破らずに入れる職員はいません（--all で全員を表示）。",
                "  nobody can join without breaking a hard rule (--all lists everyone)."))
    for rank, option in enumerate(found, 1):
        print(t("  {rank}. {who} 評価値の変化 {cost:+d}", "  {rank}. {who} objective change {cost:+d}",
                rank=rank, who=name_and_id(option.staff_id, option.name), cost=option.cost))
        for v in option.strained:
            tag = t("必須", "hard") if v.hard else t("努力", "soft")
            print(f"       [{tag}] {v.message}")
    return EXIT_OK


def _replaced(given: str, problem: Problem, req: Requirement, placed: list[str]) -> str:
    """The person `--replace` names (an ID in any case, a registered name, or the start of the name of
    one person placed in `req`: 鈴木 for 鈴木 恵子), who must be placed in `req`."""
    from models.domain import bare_name, ids_named, known_id

    names = {s.id: s.name for s in problem.staff}
    staff_id = known_id(given, set(names)) or next(iter(ids_named(given, names)), None)
    if staff_id is None:
        starting = [i for i in placed if bare_name(names.get(i, "")).startswith(bare_name(given))]
        staff_id = starting[0] if len(starting) == 1 else None
    if staff_id is None or staff_id not in placed:
        raise Refused(t("{who} は {session} に配置されていません（配置: {names}）。",
                        "{who} is not placed in {session} (placed: {names}).", who=given, session=req.label(),
                        names="、".join(f"{i} {names.get(i, '')}".strip() for i in placed) or t("なし", "nobody")))
    return staff_id


def cmd_alternatives(args: argparse.Namespace) -> int:
    import csv

    from solver.alternatives import alternatives, differences

    problem, _ = _plan_or_workbooks(args)
    folder = args.output
    _print_problem_size(problem)
    # --time-limit is each roster's: a coordinator who gave 30 s waited 64 s for two, unsaid
    print(t("制限時間は1案ごとに {s:g} 秒です（{n} 案で最長 {total:g} 秒）。", "the time limit is {s:g} s for each roster "
            "({total:g} s at most for {n}).", s=args.time_limit, n=args.n, total=args.time_limit * args.n))
    results = alternatives(problem, args.n, args.min_diff, _options(args))
    _raise_if_no_roster(results[0], args.soft_cover)
    folder.mkdir(parents=True, exist_ok=True)
    # read by a coordinator in Excel: headers and status in the chosen language
    rows = [[t("ファイル", "file"), t("状態", "status"), t("評価値", "objective"), t("下界", "bound"),
             t("配置件数", "assignments"), t("必須ルール違反", "hard_violations"),
             t("前の案との違い（最小）", "min_difference")]]
    rosters = []
    for i, result in enumerate(results, 1):
        assert result.roster is not None
        path = folder / t("別案-{i}.xlsx", "alternative-{i}.xlsx", i=i)
        evaluation = operations.write_roster(path, problem, result.roster)
        apart = min((differences(result.roster, r) for r in rosters), default="")
        rosters.append(result.roster)
        rows.append([path.name, _status_text(result.status), result.objective, _fmt(result.bound), len(result.roster.assignments),
                     len(evaluation.hard_violations), apart])
        said = t("案 {i}: {p} 評価値 {o}、配置 {n} 件", "alternative {i}: {p} objective {o}, {n} assignments",
                 i=i, p=path, o=result.objective, n=len(result.roster.assignments))
        if apart != "":  # the first has no earlier one to differ from (it printed "at least - ")
            said += t("、前の案との違いは少なくとも {d} 件（外れた配置と入った配置の合計）",
                      ", differs from earlier ones by at least {d} (assignments dropped plus assignments added)", d=apart)
        print(said)
    with operations.atomic_output(folder / "summary.csv", suffix=".csv") as tmp:
        with open(tmp, "w", newline="", encoding="utf-8-sig") as handle:
            csv.writer(handle).writerows(rows)
    if len(results) < args.n:
        print(t("{k} 件以上異なる配置は {n} 案しか見つかりませんでした。",
                "only {n} roster(s) differing by at least {k} were found.", n=len(results), k=args.min_diff))
    print(t("一覧を書き出しました: {p}", "summary written: {p}", p=folder / "summary.csv"))
    return EXIT_OK


# -- helpers ------------------------------------------------------------------------------------
def _options(args: argparse.Namespace) -> SolveOptions:
    return SolveOptions(time_limit=args.time_limit, workers=args.workers, seed=args.seed,
                        soft_cover=args.soft_cover)


# Sessions of the day listed when the one asked for is not found.
SESSIONS_LISTED = 8


def _session(args: argparse.Namespace, problem: Problem) -> Requirement:
    """The session named by --session, or by --date, --site, --activity (and --start)."""
    from models.domain import bare_name, normalize
    from models.excel.reader import Period
    from models.textparse import parse_time

    where = str(args.roster)
    to_date = Period(problem.start, problem.end).to_date  # `2/2` in the roster's year
    try:
        if args.session:
            day_text, site, activity, start_text = args.session.split("|")
            day, site, activity, start = to_date(day_text), normalize(site), normalize(activity), parse_time(start_text)
        elif args.date and args.site and args.activity:
            day, site, activity = to_date(args.date), normalize(args.site), normalize(args.activity)
            start = parse_time(args.start) if args.start else None
        else:
            raise ValueError
    except ValueError:
        raise InvalidInput([InputProblem(where, "", "", t(
            "枠は --session \"日付|会場|内容|開始\" か --date、--site、--activity で指定してください",
            'name the session with --session "DATE|SITE|ACTIVITY|HH:MM" or --date, --site and --activity'))]) from None
    # names compared without their spaces, as the workbook readers do (片山様 for 片山 様)
    wanted = (day, bare_name(site), bare_name(activity))
    found = [r for r in problem.requirements
             if (r.date, bare_name(r.site), bare_name(r.activity)) == wanted and start in (None, r.start)]
    if not found:  # the start of one site's name (高木 for 高木 ツル様), when it names one site only
        starting = [r for r in problem.requirements if r.date == day and bare_name(r.activity) == wanted[2]
                    and bare_name(r.site).startswith(wanted[1]) and start in (None, r.start)]
        found = starting if len({r.site for r in starting}) == 1 else []
    if len(found) == 1:
        return found[0]
    label = f"{day.isoformat()} {site} {activity}" + (f" {hhmm(start)}" if start is not None else "")
    if not found:
        # those naming what was typed first: a list cut at SESSIONS_LISTED had left out the client meant
        that_day = sorted((r for r in problem.requirements if r.date == day),
                          key=lambda r: (wanted[1] not in bare_name(r.site), r.start, r.site))
        listed = "、".join(f"{r.site} {r.activity} {hhmm(r.start)}" for r in that_day[:SESSIONS_LISTED])
        if len(that_day) > SESSIONS_LISTED:
            listed += t(" ほか {n} 件", " and {n} more", n=len(that_day) - SESSIONS_LISTED)
        raise InvalidInput([InputProblem(where, "", "", t(
            "枠 {s} は見つかりません（その日の枠: {listed}）", "no session {s} (that day's: {listed})", s=label,
            listed=listed or t("なし", "none")))])
    raise InvalidInput([InputProblem(where, "", "", t(
        "{s} には複数の枠があります。--start で開始時刻を指定してください",
        "{s} has several sessions; give --start", s=label))])



def _raise_if_no_roster(result: SolveResult, soft_cover: bool = False) -> None:
    if result.roster is not None and result.status in ("optimal", "feasible"):
        return
    if result.status == "infeasible":
        lines = result.explanation or [t("必須ルールをすべて満たす配置はありません。", "no roster satisfies every hard rule.")]
        header = t("必須ルールをすべて満たす配置はありません:", "No roster satisfies the hard rules:")
        # with cover soft already, the conflict is among the other hard rules: --soft-cover again helps nothing
        hint = t("人数以外の必須ルール同士が両立しません。上のルールの設定か、名前の挙がった人の上限・勤務可否を見直してください。",
                 "Hard rules other than cover conflict: review the settings of the rules above, or the limits and "
                 "availability of the people named.") if soft_cover else \
            t("--soft-cover で、不足を許した最善の配置を作れます。", "Use --soft-cover for the best partial roster.")
        raise Infeasible("\n".join([header, *(f"  - {line}" for line in lines), hint]))
    # the solver's own word for a search that ran out of time ("unknown") is no coordinator's
    status = "" if result.status == "unknown" else f" ({result.status})"
    if soft_cover:  # cover was soft already: only the time, or the other hard rules, are left to blame
        raise Infeasible(t("制限時間内に配置が見つかりませんでした{s}。--time-limit を延ばしてください。",
                           "no roster found within the time limit{s}; try a longer --time-limit.", s=status))
    lines = [t("制限時間内に配置が見つかりませんでした{s}。--time-limit を延ばしてください。必須ルールを満たせないことも"
               "あります: --soft-cover なら、不足を許した配置と足りない枠がわかります。",
               "no roster found within the time limit{s}; try a longer --time-limit. The hard rules may not all "
               "hold: --soft-cover gives a roster with the shortfalls listed.", s=status)]
    if result.explanation:  # what the best roster with cover made soft left short (solver.parts)
        lines += [result.explanation[0], *(f"  - {line}" for line in result.explanation[1:])]
    raise Infeasible("\n".join(lines))


def _progress_printer():
    def show(p: Progress) -> None:
        if p.partial:  # cover soft, while no roster keeping it is found: not a solution of the plan
            print(t("  人数不足を許した配置 {n}: 評価値 {o:g} {e:.1f}秒", "  roster with shortfalls {n}: objective {o:g} {e:.1f}s",
                    n=p.solutions, o=p.objective, e=p.elapsed), file=sys.stderr, flush=True)
            return
        print(
            t("  解 {n}: 評価値 {o:g} 下界 {b} ギャップ {g} {e:.1f}秒",
              "  solution {n}: objective {o:g} bound {b} gap {g} {e:.1f}s",
              n=p.solutions, o=p.objective, b=_fmt(p.bound), g=_percent(p.gap), e=p.elapsed),
            file=sys.stderr,
            flush=True,
        )

    return show


# Rules kept from a plan's stored settings named one by one when an import keeps this many or fewer.
KEPT_NAMED = 5


def without_orphans(problem: Problem, roster: Roster, version: int | None = None) -> Roster:
    """The roster without the assignments to sessions or people the plan no longer has (imported
    again since), each said in a note, rather than an export that fails on them."""
    kept, gone = roster.split_by(problem)
    if gone:
        print(orphans_note(gone, version, problem=problem))
    return kept


def orphans_note(gone: list, version: int | None, importing: bool = False, problem: Problem | None = None) -> str:
    """What a note says of assignments whose session or person the plan no longer has: as the import
    leaves them behind (`importing`), or as an export leaves them out. A session the `problem` has called
    off is said with its hours and why (`…09:30-11:30（中止: 会場設備点検のため） H014`)."""
    shown = "、".join(_orphan(a, problem) for a in gone[:5]) + (t(" ほか {n} 件", " and {n} more", n=len(gone) - 5)
                                                      if len(gone) > 5 else "")
    which = t("版 {v} ", "version {v} ", v=version) if version is not None else ""
    if importing:
        return t("注意: {which}の配置 {n} 件は、この取り込みで計画からなくなった枠・職員のものです（{shown}）。"
                 "書き出しなどでは除きます。haichi solve --plan で今の枠に合う新しい版を作ってください。",
                 "note: {n} assignment(s) of {which}name a session or person this import took out of the plan "
                 "({shown}); exports leave them out. Make a version that fits the current sessions with haichi "
                 "solve --plan.", which=which, n=len(gone), shown=shown)
    return t("注意: {which}の配置 {n} 件は、取り込み直した計画にない枠・職員のものなので除きました（{shown}）。"
             "haichi solve --plan で今の枠に合う新しい版を作ってください。",
             "note: {n} assignment(s) of {which}name a session or person the plan, imported again, no longer "
             "has, and were left out ({shown}); make a version that fits the current sessions with haichi solve "
             "--plan.", which=which, n=len(gone), shown=shown)


def _orphan(a, problem: Problem | None) -> str:
    """`1/5 中央 3歳児健診 13:00 H001`, or of a session called off `…13:00-16:00（中止: 講師都合） H001`."""
    if problem is not None and problem.closed_session(a.requirement_id) is not None:
        return f"{session_label(problem, a.requirement_id)} {a.staff_id}"
    return f"{Requirement.id_label(a.requirement_id)} {a.staff_id}"


def hard_breaches(db, plan_name: str, version: int, problem: Problem | None = None) -> list:
    """The hard rules a stored version breaks under its plan as stored (each said once); `problem`, the
    plan already loaded, when several versions are scored."""
    from models.stats import said_once
    from solver.evaluate import evaluate

    problem = db.load_problem(plan_name) if problem is None else problem
    return [v for v in said_once(evaluate(problem, db.load_solution(plan_name, version).split_by(problem)[0])
                                 .violations) if v.hard]


def warn_broken(broken: list, version: int) -> None:
    """Say when the version just published (with --force) breaks its own plan's hard rules."""
    if broken:
        print(t("注意: 公開した版 {v} には必須ルール違反が {n} 件あります（{first}）。haichi check か "
                "haichi solve --plan で確かめてください。",
                "note: version {v} just published breaks {n} hard rule(s) ({first}); see haichi check, or mend it "
                "with haichi solve --plan.", v=version, n=len(broken), first=broken[0].message.rstrip("。.")))


# Rules over a year, which every later plan of it carries this plan into (the annual pay cap)
YEAR_RULES = ("pay_cap", "fiscal_fairness")


def warn_later_plans(db, plan_name: str) -> None:
    """Say when a later plan now breaks a hard rule with this plan's newest roster carried in: one
    starting within LOOKBACK_DAYS after this one in its first days (January re-solved after February was
    published: the rest before 2/1, a run across the month's end), and one within the year by a rule over
    the year (March given one more session after April was published took April's roster over a 103万円
    cap, unsaid). Its roster is not changed."""
    from models.history import LOOKBACK_DAYS
    from models.storage import PUBLISHED
    from solver.evaluate import evaluate

    plans = {p.name: p for p in db.list_plans()}
    this = plans.get(plan_name)
    if this is None:
        return
    for later in sorted(plans.values(), key=lambda p: p.start):
        if not this.end < later.start <= this.end + timedelta(days=366) or later.name == plan_name:
            continue
        chosen = db.latest_solution(later.name, PUBLISHED) or db.latest_solution(later.name)
        if chosen is None:
            continue
        problem = db.load_problem(later.name)
        edge = problem.start + timedelta(days=LOOKBACK_DAYS)
        near = later.start <= this.end + timedelta(days=LOOKBACK_DAYS)
        broken = [v for v in evaluate(problem, chosen[1].split_by(problem)[0]).hard_violations
                  if (near and v.date is not None and v.date < edge) or v.rule_id in YEAR_RULES]
        if broken:
            print(t("注意: 後の計画「{p}」の版 {v} は、この計画の配置と合わせると必須ルール違反が {n} 件あります"
                    "（{first}）。「{p}」を haichi solve --plan で直してください。",
                    "note: version {v} of the later plan '{p}' breaks {n} hard rule(s) with this plan's roster "
                    "carried in ({first}); mend '{p}' with haichi solve --plan.",
                    p=later.name, v=chosen[0], n=len(broken), first=broken[0].message.rstrip("。.")))


def _print_carried(problem: Problem) -> None:
    """Which earlier plans and versions the plan carries in (or that none does)."""
    from models.history import carried_lines

    for line in carried_lines(problem):
        print(line)


def _print_problem_size(problem: Problem) -> None:
    _err(
        t("職員 {s} 名、枠 {r} 件 ({a}〜{b}) を解いています…", "solving {s} staff, {r} sessions ({a} to {b})…",
          s=len(problem.active_staff()), r=len(problem.requirements), a=problem.start, b=problem.end)
    )


def _status_text(status: str) -> str:
    return {
        "optimal": t("最適解", "optimal"),
        "feasible": t("実行可能解 (最適性は未証明)", "feasible (optimality not proven)"),
    }.get(status, status)


def _print_result(result: SolveResult, evaluation, problem: Problem) -> None:
    """The solve's status and figures, then every shortfall (sessions left short with --soft-cover)."""
    status = _status_text(result.status)
    unfilled = [v for v in evaluation.listed if v.rule_id in SOFT_COVER]  # people or skills short
    # the shortfalls --soft-cover allowed, beside the hard violations: "必須ルール違反 0 件" alone over a roster 6
    # sessions short read as a full one (check, counting them, said 6 and exit 2)
    beside = t("（ほかに人数・スキルの不足 {u} 件）", " (and {u} shortfall(s))", u=len(unfilled)) if unfilled else ""
    print(
        t("{s}: 評価値 {o}、下界 {b}、ギャップ {g}、{e:.1f} 秒、配置 {n} 件、必須ルール違反 {h} 件{beside}",
          "{s}: objective {o}, bound {b}, gap {g}, {e:.1f} s, {n} assignments, {h} hard violations{beside}",
          s=status, o=result.objective, b=_fmt(result.bound), g=_percent(result.gap), e=result.elapsed,
          n=len(result.roster.assignments) if result.roster else 0,
          h=sum(1 for v in evaluation.listed if v.hard and v.rule_id not in SOFT_COVER), beside=beside)
    )
    if unfilled:
        # `evaluation` counts cover hard, as check does: the solve's objective is higher by the shortfalls' cost
        short = (result.objective or 0) - evaluation.objective
        print(t("人数・スキルが足りない枠 {n} 件（評価値のうち {c} はこの不足の分。check は不足を必須ルール違反として数え、"
                "評価値は残りの {r} です）:",
                "{n} shortfall(s) ({c} of the objective is theirs; check counts them as hard violations and the "
                "rest, {r}, as the objective):", n=len(unfilled), c=short, r=evaluation.objective))
    for v in unfilled:
        print(f"  - {v.message}")
    if result.roster is not None:
        _print_unused(problem, result.roster)


# People named in the note on people the roster leaves without a session; the rest are counted.
NAMED_UNUSED = 8


def _only_mornings_stop(problem: Problem, person) -> bool:
    """Whether some session fits the person's mark for its own day and is kept from them only by the
    next morning it runs into (solver.rules.availability.morning_fits)."""
    from solver.rules.availability import morning_fits

    return any(problem.allows(person.id, req.date, req.start, req.end)
               and not morning_fits(problem.allows, person.id, req, problem.end) for req in problem.requirements)


def _print_unused(problem: Problem, roster: Roster) -> None:
    """Notes naming the people without a session: first those who may take none at all, with the
    hard rule that alone shuts them out (Screen.shutting_out); then those who could take one: a
    roster that staffs every session at its minimum leaves them out without a word (a ward's two
    育児短時間 nurses, a nursery's 午前のみ staff), when they have no 希望回数 or least of hours to ask
    for their share."""
    from solver.eligibility import Screen  # loaded with the solver

    placed = {a.staff_id for a in roster.assignments}
    screen = Screen(problem)
    without = [p for p in problem.active_staff() if p.id not in placed]
    works = {p.id: screen.has_work(p) for p in without}
    idle = [p for p in without if not works[p.id]]
    if idle and placed:
        # a 拠点 mistyped under 地区外の勤務 必須 left a librarian without work all month, unsaid
        names = "、".join((p.name or p.id) + (t("（「{r}」のため）", " (by {r})", r=t(info.title_ja, info.title_en))
                                              if (info := screen.shutting_out(p)) else "")
                          for p in idle[:NAMED_UNUSED])
        more = t(" ほか {n} 名", " and {n} more", n=len(idle) - NAMED_UNUSED) if len(idle) > NAMED_UNUSED else ""
        print(t("注意: 入れる枠が1つもない職員 {n} 名: {names}{more}。職員 の 拠点・スキル・勤務曜日 と 勤務可否 を確かめてください。",
                "note: {n} people may take no session at all: {names}{more}. Check their 拠点, skills and weekdays in "
                "職員, and their 勤務可否.", n=len(idle), names=names, more=more))
        if mornings := [p for p in idle if _only_mornings_stop(problem, p)]:
            # a 医局's part-time doctors offered nights on ○ days, the mornings after them blank (×): said as 勤務可否 alone
            print(t("注意: {names} は ○ の日の夜勤に入れますが、その夜勤は翌朝まで続き、翌日が × （空欄）なので入れません。"
                    "翌朝が空いているなら翌日を ○ か 午後 に、× の日は当日の勤務だけのことなら 設定 で "
                    "勤務可否.×の日の朝まで続く勤務も不可 を いいえ にしてください。",
                    "note: {names} could take nights on their ○ days, but each runs into the next morning, which is × "
                    "(or blank); write ○ or 午後 on those mornings when they are free, or set 勤務可否.×の日の朝まで続く"
                    "勤務も不可 to いいえ on the 設定 sheet when × means only the day's own duties.",
                    names="、".join(p.name or p.id for p in mornings[:NAMED_UNUSED])))
    unused = [p for p in without if works[p.id]]
    if not unused or not placed:
        return
    counts = {req.id: 0 for req in problem.requirements}
    for a in roster.assignments:
        if a.requirement_id in counts:
            counts[a.requirement_id] += 1
    short = [req for req in problem.requirements if counts[req.id] < req.min_staff]
    held_back = [p for p in unused if any(screen.eligible(p, req) for req in short)]
    if held_back:
        # a session they could take is short, yet they were left out: by a rule between people (a session's most of
        # one skill, 総務課:0〜2), not because it is full (an election office's --soft-cover had said it was)
        print(t("注意: 人数の足りない枠に入れるのに配置のない職員 {n} 名: {names}。その枠のスキルの上限（例 総務課:0〜2）や"
                "時間の重なりなど、ほかの人との組み合わせの必須ルールのため入れませんでした。",
                "note: {n} people who could take a session short of staff have none: {names}; a hard rule between "
                "people (a skill's most in the session, such as 総務課:0〜2, or overlapping hours) kept them out.",
                n=len(held_back), names="、".join(p.name or p.id for p in held_back[:NAMED_UNUSED])))
        unused = [p for p in unused if p not in held_back]
        if not unused:
            return
    names = "、".join(p.name or p.id for p in unused[:NAMED_UNUSED])
    more = t(" ほか {n} 名", " and {n} more", n=len(unused) - NAMED_UNUSED) if len(unused) > NAMED_UNUSED else ""
    print(t("注意: 入れる枠があるのに配置のない職員 {n} 名: {names}{more}。入れる枠はほかの人で必要人数に達しています。"
            "配置したいときは 職員 の 希望回数 か 月時間下限 を書いてください。",
            "note: {n} people who could take a session have none: {names}{more} (the sessions they could take have "
            "their staff from others); "
            "to give them work, write their 希望回数 (desired count) or 月時間下限 (least hours a month) in 職員.",
            n=len(unused), names=names, more=more))


def _stats(result: SolveResult) -> dict:
    return {
        "status": result.status,
        "objective": result.objective,
        "bound": result.bound,
        "gap": result.gap,
        "elapsed": round(result.elapsed, 3),
    }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _percent(value: float | None) -> str:
    """A gap as the progress lines show it: `96.7%`."""
    return "-" if value is None else f"{value:.1%}"


def _usage(message: str) -> int:
    _err(message)
    return 1


def _first_of_next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _last_of_month(day: date) -> date:
    return _first_of_next_month(day) - timedelta(days=1)
