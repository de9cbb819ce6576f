"""`haichi db backup|check`, `haichi versions`, `haichi diff`, `haichi audit`, `haichi publish`:
looking after the stored plans from the command line.

`add_parsers` adds the sub-commands to `haichi`'s parser; `COMMANDS` maps each to its body.
Storage refusals (unknown plan or version, a frozen version, a concurrent edit) print their
message and exit 1; `db check` exits 1 when the database is not healthy.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from models.i18n import t

EXIT_OK, EXIT_INVALID, EXIT_BROKEN = 0, 1, 2
LATEST, PUBLISHED_WORDS = ("latest", "最新"), ("published", "公開", "公開版")


def add_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `db`, `versions`, `diff`, `audit` and `publish` to `subparsers` (each with the `common` options)."""
    p = subparsers.add_parser("db", parents=[common], help="back up or check the database / データベースの保守")
    actions = p.add_subparsers(dest="db_command", metavar="ACTION")
    actions.required = True
    backup = actions.add_parser("backup", parents=[common], help="copy the SQLite file safely / バックアップ")
    backup.add_argument("--to", type=Path, metavar="FILE", help=t("既定: データベースの隣に日付つきのコピー", "default: a dated copy beside the database"))
    actions.add_parser("check", parents=[common], help="integrity and schema check / 整合性の検査")
    delete = actions.add_parser("delete-plan", parents=[common], help="remove a plan and its versions / 計画の削除")
    delete.add_argument("--plan", metavar="NAME", required=True)
    delete.add_argument("--yes", action="store_true", help=t("確認なしで削除する", "delete without asking"))

    p = subparsers.add_parser("versions", parents=[common], help="a plan's roster versions / 版の一覧")
    p.add_argument("--plan", metavar="NAME", required=True)

    p = subparsers.add_parser("diff", parents=[common], help="who moved between two versions / 版の比較")
    p.add_argument("--plan", metavar="NAME", required=True)
    p.add_argument("before", metavar="A", help=t("版の番号、published（公開版）または latest（最新）", "version number, 'published' or 'latest'"))
    p.add_argument("after", metavar="B", help=t("版の番号、published（公開版）または latest（最新）", "version number, 'published' or 'latest'"))
    p.add_argument("-o", "--output", type=Path, metavar="CHANGES.xlsx", help=t("変更シートも書き出す", "also write the 変更 sheet"))

    p = subparsers.add_parser("audit", parents=[common], help="who changed what, when / 変更履歴")
    p.add_argument("--plan", metavar="NAME", help=t("この計画だけ", "only this plan"))
    p.add_argument("--limit", type=int, default=50, metavar="N")

    if "publish" not in subparsers.choices:
        p = subparsers.add_parser("publish", parents=[common], help="freeze a version / 版を公開")
        p.add_argument("--plan", metavar="NAME", required=True)
        p.add_argument("version", type=int, nargs="?", metavar="VERSION", help=t("既定: いちばん新しい版", "default: the newest version"))
        p.add_argument("--force", action="store_true",
                       help=t("必須ルール違反のある版も公開する", "publish a version that breaks hard rules all the same"))


def _database(args: argparse.Namespace) -> Any:
    from models.storage import Database

    return Database(args.db)


def _when(stamp: datetime) -> str:
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M")


def _refusal(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Storage refusals are the user's input being wrong: their message, exit 1, no traceback."""
    def guarded(args: argparse.Namespace) -> int:
        from models.storage import StorageError

        try:
            return run(args)
        except StorageError as error:
            print(str(error), file=sys.stderr)
            return EXIT_INVALID

    guarded.__name__, guarded.__doc__ = run.__name__, run.__doc__
    return guarded


@_refusal
def cmd_db(args: argparse.Namespace) -> int:
    """`haichi db backup [--to FILE]` / `haichi db check`."""
    from models.storage import default_url
    from models.storage.engine import to_url
    from models.storage.maintenance import backup, check, sqlite_file

    url = to_url(args.db or default_url())
    if args.db_command == "delete-plan":
        return _delete_plan(args)
    if args.db_command == "check":
        health = check(url)
        for fact in health.facts:
            print(f"  {fact}")
        for problem in health.problems:
            print(f"  ! {problem}", file=sys.stderr)
        print(t("正常です", "healthy") if health.ok else t("問題があります", "problems found"))
        return EXIT_OK if health.ok else EXIT_INVALID
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        print(t("データベースファイルがありません: {p}", "no database file at {p}", p=path), file=sys.stderr)
        return EXIT_INVALID
    written = backup(url, args.to)
    print(t("バックアップを書き出しました: {p}", "backup written: {p}", p=written))
    return EXIT_OK


def _delete_plan(args: argparse.Namespace) -> int:
    """`haichi db delete-plan --plan NAME [--yes]`: a trial plan (a what-if copy of a month) counted in the
    next month's carry-in while it was there, and only the window could remove it. Without --yes it says
    what would go and removes nothing."""
    with _database(args) as db:
        versions = db.list_solutions(args.plan)
        published = [s.version for s in versions if s.status == "published"]
        what = t("計画「{p}」（版 {n} 件{pub}）", "plan '{p}' ({n} version(s){pub})", p=args.plan, n=len(versions),
                 pub=t("、公開版 {v}", ", published: {v}", v=", ".join(map(str, published))) if published else "")
        if not args.yes:
            print(t("{what} を削除します。よければ --yes を付けてもう一度実行してください（バックアップは haichi db backup）。",
                    "{what} would be deleted: run again with --yes to delete it (back up first with haichi db backup).",
                    what=what), file=sys.stderr)
            return EXIT_INVALID
        db.delete_plan(args.plan)
    print(t("{what} を削除しました", "deleted {what}", what=what))
    return EXIT_OK


def _status(status: str) -> str:
    return t("公開", "published") if status == "published" else t("下書き", "draft")


@_refusal
def cmd_versions(args: argparse.Namespace) -> int:
    """`haichi versions --plan NAME`: every version with its status, time, size and score."""
    from desktop.commands import hard_breaches  # scores each version under the plan as it stands

    with _database(args) as db:
        versions = db.list_solutions(args.plan)
        plan_version = db.plan_version(args.plan)
        last = db.audit_log(args.plan, limit=1)
        # the hard rules each breaks now: a hand-edited version with a double booking had read as the best
        # (評価値 21 against a repaired one's 141, whose changes from the published roster are in its score)
        problem = db.load_problem(args.plan) if versions else None
        broken = {v.version: len(hard_breaches(db, args.plan, v.version, problem)) for v in versions}
    print(t("計画「{p}」 (更新回数 {v})", "plan '{p}' (write #{v})", p=args.plan, v=plan_version))
    if last:
        print(t("  最終更新: {when} {who} ({what})", "  last change: {when} by {who} ({what})",
                when=_when(last[0].at), who=last[0].who, what=last[0].action))
    if not versions:
        print(t("  版はまだありません", "  no versions yet"))
    # every published version stays frozen; the newest of them is the roster in force
    current = max((v.version for v in versions if v.status == "published"), default=None)
    for v in versions:
        stats = v.stats or {}
        score = "" if stats.get("objective") is None else t(" 評価値 {o}", " objective {o}", o=stats["objective"])
        if broken[v.version]:
            score += t("  必須ルール違反 {h} 件", "  {h} hard rule(s) broken", h=broken[v.version])
        status = _status(v.status)
        if v.status == "published":
            status = t("公開（現行）", "published (in force)") if v.version == current else \
                t("公開（以前）", "published (earlier)")
        print(t("  版 {n}  {s}  {when}  配置 {a} 件{score}", "  version {n}  {s}  {when}  {a} assignments{score}",
                n=v.version, s=status, when=_when(v.created), a=v.assignments, score=score))
    return EXIT_OK


def _version(db: Any, plan: str, spec: str) -> int:
    """A version number from `3`, `published` or `latest` (the newest of that kind)."""
    from models.storage import PUBLISHED

    word = spec.strip().lower()
    if word in LATEST or word in PUBLISHED_WORDS:
        found = db.latest_solution(plan, PUBLISHED if word in PUBLISHED_WORDS else None)
        if found is None:
            raise _none_yet(plan, published=word in PUBLISHED_WORDS)
        return int(found[0])
    try:
        return int(word)
    except ValueError:
        raise _bad_version(spec) from None


def _none_yet(plan: str, published: bool) -> Exception:
    from models.storage import StorageError

    if published:
        return StorageError(t("計画「{p}」には公開版がありません", "plan '{p}' has no published version", p=plan))
    return StorageError(t("計画「{p}」にはまだ版がありません", "plan '{p}' has no versions yet", p=plan))


def _bad_version(spec: str) -> Exception:
    from models.storage import StorageError

    return StorageError(t("版の指定が読めません: {v} (番号、published、latest のいずれか)",
                          "not a version: {v} (give a number, 'published' or 'latest')", v=spec))


@_refusal
def cmd_diff(args: argparse.Namespace) -> int:
    """`haichi diff --plan NAME A B`: who moved from where to where between versions A and B."""
    from models.changes import change_report

    with _database(args) as db:
        problem = db.load_problem(args.plan)
        a, b = _version(db, args.plan, args.before), _version(db, args.plan, args.after)
        before, after = db.load_solution(args.plan, a), db.load_solution(args.plan, b)
    print(t("計画「{p}」 版 {a} → 版 {b}", "plan '{p}' version {a} → version {b}", p=args.plan, a=a, b=b))
    for line in change_report(problem, before, after):
        print(f"  {line}")
    if args.output:
        _write_changes(args.output, problem, before, after, a, b)
        print(t("変更一覧を書き出しました: {p}", "changes written: {p}", p=args.output))
    return EXIT_OK


def _write_changes(path: Path, problem: Any, before: Any, after: Any, a: int, b: int) -> None:
    from openpyxl import Workbook

    from models.excel.changes_sheet import write_changes

    wb = Workbook(write_only=True)
    write_changes(wb, problem, before, after, t("版 {n}", "version {n}", n=a), t("版 {n}", "version {n}", n=b))
    partial = path.with_name(path.name + ".partial.xlsx")
    wb.save(partial)
    partial.replace(path)  # never a half-written workbook under the real name


@_refusal
def cmd_audit(args: argparse.Namespace) -> int:
    """`haichi audit [--plan NAME] [--limit N]`: the newest audit-log lines, newest first."""
    with _database(args) as db:
        entries = db.audit_log(args.plan, limit=max(1, args.limit))
    if not entries:
        print(t("記録はありません", "no entries"))
    for e in entries:
        print(f"{_when(e.at)}  {e.who:<12}  {e.plan_name or '-':<16}  {_action(e.action):<12}  {_detail(e.detail)}")
    return EXIT_OK


def _action(action: str) -> str:
    """An audit entry's action as the coordinator reads it (the log keeps the storage's own word)."""
    return {"save_problem": t("計画を保存", "plan saved"), "save_solution": t("版を保存", "version saved"),
            "replace_solution": t("版を置き換え", "version replaced"), "delete_plan": t("計画を削除", "plan deleted"),
            "publish": t("公開", "published")}.get(action, action)


_DETAIL = re.compile(r"(\w+)=(\S+)")


def _detail(detail: str) -> str:
    """An audit entry's `version=3 status=draft assignments=354; plan_version=8` in words: 版 3 下書き 配置 354 件 …"""
    def said(found: re.Match) -> str:
        key, value = found[1], found[2]
        if key == "status":
            return {"draft": t("下書き", "draft"), "published": t("公開", "published")}.get(value, value)
        if key == "period":
            return t("期間 {v}", "period {v}", v=value.replace("..", "〜"))
        labels = {"version": t("版 {v}", "version {v}"), "assignments": t("配置 {v} 件", "{v} assignments"),
                  "staff": t("職員 {v} 名", "{v} staff"), "requirements": t("枠 {v} 件", "{v} sessions"),
                  "availability": t("勤務可否 {v} 件", "{v} marks"),
                  "plan_version": t("（計画の書き込み {v} 回目）", "(write #{v} of the plan)")}
        return labels[key].format(v=value) if key in labels else found[0]
    return _DETAIL.sub(said, detail).replace("; ", " ")


SAID = 5  # hard breaches a refused publish lists


@_refusal
def cmd_publish(args: argparse.Namespace) -> int:
    """`haichi publish --plan NAME [VERSION]`: freeze a version (the newest if none is given)."""
    from models.storage import PUBLISHED

    from desktop.commands import hard_breaches, warn_broken, warn_later_plans  # loaded when publishing

    with _database(args) as db:
        version = args.version if args.version is not None else _version(db, args.plan, "latest")
        broken = hard_breaches(db, args.plan, version)
        if broken and not args.force:
            # a hand-edited roster with no リーダー on a night had gone out to the ward with exit code 0
            print(t("版 {v} は必須ルールを {n} 件破っているため、公開しませんでした:",
                    "version {v} breaks {n} hard rule(s), so it was not published:", v=version, n=len(broken)),
                  file=sys.stderr)
            for v in broken[:SAID]:
                print(f"  - {v.message}", file=sys.stderr)
            if len(broken) > SAID:
                print(t("  ほか {n} 件", "  and {n} more", n=len(broken) - SAID), file=sys.stderr)
            print(t("haichi solve --plan で直すか、このまま公開するなら --force を付けてください。",
                    "mend it with haichi solve --plan, or add --force to publish it as it is."), file=sys.stderr)
            return EXIT_BROKEN
        newer = [s.version for s in db.list_solutions(args.plan) if s.status == PUBLISHED and s.version > version]
        if newer:
            # going back to an older version: the published one is the newest published, so it comes back as a
            # new version (what the next month carries in, notify and diff then follow it)
            again = db.save_solution(args.plan, db.load_solution(args.plan, version))
            db.publish(args.plan, again)
            print(t("計画「{p}」の版 {v} を版 {n} として公開し直しました（それまでの公開版 {old} に代わります）",
                    "plan '{p}' version {v} published again as version {n} (in place of the published version {old})",
                    p=args.plan, v=version, n=again, old=max(newer)))
            return EXIT_OK
        db.publish(args.plan, version)
        print(t("計画「{p}」の版 {v} を公開しました", "plan '{p}' version {v} published", p=args.plan, v=version))
        warn_broken(broken, version)
        warn_later_plans(db, args.plan)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "db": cmd_db, "versions": cmd_versions, "diff": cmd_diff, "audit": cmd_audit, "publish": cmd_publish,
}
