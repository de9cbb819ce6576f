"""`haichi`: the command line (DESIGN §8). The same operations as the desktop window.

Exit codes: 0 success, 1 invalid input (the message names file, sheet and cell), 2 no roster satisfies
the hard rules (the message says why), 3 internal error (details go to a log file, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Sequence

from models.errors import CannotWrite, InputProblem, InvalidInput
from models.i18n import set_language, system_language, t

EXIT_OK, EXIT_INVALID, EXIT_INFEASIBLE, EXIT_INTERNAL = 0, 1, 2, 3


class Infeasible(Exception):
    """No roster satisfies the hard rules; the message explains why in domain words."""


class Refused(Exception):
    """A request the plan's state cannot answer (no roster yet, no version to compare with): exit 1,
    as for invalid input; no roster is proved impossible."""


def _parse_date(text: str) -> date:
    from models.textparse import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("日付ではありません: {v}", "not a date: {v}", v=text)) from None


def _seconds(text: str) -> float:
    """A time limit: a number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(t("0より大きい秒数を指定してください: {v}", "give a number of seconds above 0: {v}",
                                           v=text))
    return value


def _count(least: int):
    """A whole number of at least `least` (workers: 0 = every core; rosters, limits: 1 or more)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = least - 1
        if value < least:
            raise argparse.ArgumentTypeError(t("{least} 以上の整数を指定してください: {v}",
                                               "give a whole number of {least} or more: {v}", least=least, v=text))
        return value
    return parse


class _Parser(argparse.ArgumentParser):
    """Usage errors are invalid input: exit code 1, not argparse's 2 (which means infeasible here)."""

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: {message}\n")


def _common_options(default: object) -> argparse.ArgumentParser:
    """--lang and --db, as a parent parser whose options default to `default`."""
    common = _Parser(add_help=False, argument_default=default)
    common.add_argument("--lang", choices=("ja", "en"), help="message language / 表示言語")
    common.add_argument("--db", metavar="URL", help=t("SQLite のファイル、または postgresql+psycopg:// の URL", "SQLite file or postgresql+psycopg:// URL"))
    return common


def build_parser() -> argparse.ArgumentParser:
    # Given before or after the sub-command: a sub-command's options have no default of their own,
    # which would undo `haichi --db X import`.
    common = _common_options(argparse.SUPPRESS)
    parser = _Parser(
        prog="haichi", parents=[_common_options(None)], description="Haichi (配置): staff rostering / 職員配置"
    )
    # a dest of its own: `version` is publish's VERSION argument, which this flag would otherwise overwrite
    parser.add_argument("--version", dest="show_version", action="store_true", help=t("バージョンを表示して終了", "print the version and exit"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("template", parents=[common], help="write an empty input workbook / 入力用ひな形")
    p.add_argument("out", type=Path, metavar="OUT.xlsx")
    p.add_argument("--from", dest="start", type=_parse_date, help=t("初日（既定: 来月の1日）", "first day (default: next month)"))
    p.add_argument("--to", dest="end", type=_parse_date, help=t("最終日（既定: その月の末日）", "last day (default: end of that month)"))

    p = sub.add_parser("import", parents=[common], help="import workbooks into a plan / 取り込み")
    p.add_argument("workbooks", type=Path, nargs="+", metavar="WORKBOOK.xlsx")
    p.add_argument("--plan", metavar="NAME", help=t("計画名（既定: 設定シートの計画名か期間から）", "plan name (default: from the 設定 sheet or the period)"))

    p = sub.add_parser("solve", parents=[common], help="build the roster / 配置を作成")
    p.add_argument("workbooks", type=Path, nargs="*", metavar="WORKBOOK.xlsx")
    p.add_argument("--plan", metavar="NAME", help=t("データベースに保存した計画を解く", "solve a plan stored in the database"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="ROSTER.xlsx")
    p.add_argument("--per-person", type=Path, metavar="DIR", help=t("一人ずつのブックも書き出す", "also write one workbook per person"))
    p.add_argument("--time-limit", type=_seconds, default=60.0, metavar="S")
    p.add_argument("--workers", type=_count(0), default=0, metavar="N", help=t("0 = すべてのコア", "0 = all cores"))
    p.add_argument("--seed", type=_count(0), default=0, metavar="N")
    p.add_argument("--soft-cover", action="store_true", help=t("人数不足を許す（不足のある最善の配置）", "allow unfilled sessions (best partial roster)"))
    p.add_argument("--quiet", action="store_true", help=t("途中経過を表示しない", "no progress lines"))
    p.add_argument("--from", dest="since", metavar="DATE",
                   help=t("--plan の公開版の、この日より前の配置を変えない（例: 1/14）",
                          "with --plan: keep the published version's assignments before this day (e.g. 1/14)"))

    p = sub.add_parser("check", parents=[common], help="score a roster workbook / 配置表の検査")
    p.add_argument("roster", type=Path, metavar="ROSTER.xlsx")

    p = sub.add_parser("export", parents=[common], help="export a stored plan's roster / 書き出し")
    p.add_argument("--plan", metavar="NAME", required=True)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx")
    p.add_argument("--per-person", type=Path, metavar="DIR", help=t("一人ずつのブックも書き出す", "also write one workbook per person"))
    p.add_argument("--ics", type=Path, metavar="DIR", help=t("一人ずつの .ics カレンダーも書き出す", "also write one .ics calendar per person"))
    p.add_argument("--version", dest="solution", type=_count(1), metavar="N", help=t("既定: 最新の版", "default: the latest version"))

    p = sub.add_parser("repair", parents=[common], help="re-solve close to a published roster / 修正")
    p.add_argument("workbooks", type=Path, nargs="+", metavar="WORKBOOK.xlsx")
    p.add_argument("--published", type=Path, required=True, metavar="ROSTER.xlsx",
                   help=t("なるべく変えずに残す、公開済みの配置表ブック", "the published roster workbook to stay close to"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="NEW.xlsx")
    p.add_argument("--from", dest="since", metavar="DATE",
                   help=t("この日より前の配置は公開版のまま変えない（例: 5/17）", "keep every assignment before this day "
                          "as published (e.g. 5/17)"))
    _solve_options(p)

    p = sub.add_parser("suggest", parents=[common], help="who could take a place in a session / 候補者")
    p.add_argument("roster", type=Path, metavar="ROSTER.xlsx")
    p.add_argument("--session", metavar="DATE|SITE|ACTIVITY|HH:MM", help=t("枠（例: 2027-01-14|中央|3歳児健診|13:00）", "the session, e.g. 2027-01-14|中央|3歳児健診|13:00"))
    p.add_argument("--date", help=t("枠の日付 2027-02-02 や 2/2（--site と --activity と一緒に）", "the session's date, 2027-02-02 or 2/2 (with --site and --activity)"))
    p.add_argument("--site", help=t("枠の会場", "the session's site"))
    p.add_argument("--activity", help=t("枠の内容", "the session's activity"))
    p.add_argument("--start", metavar="HH:MM", help=t("枠の開始時刻（その日に同じ枠が複数あるとき）", "the session's start, when the day has several"))
    p.add_argument("--limit", type=_count(1), default=10, metavar="N")
    p.add_argument("--all", action="store_true", help=t("必須ルールを破る人も表示する", "also list people who would break a hard rule"))
    p.add_argument("--replace", metavar="STAFF", help=t("この人の代わりに入れる人（職員ID か氏名）", "who could take this person's place in the session (ID or name)"))

    p = sub.add_parser("alternatives", parents=[common], help="several distinct rosters / 別案")
    p.add_argument("workbooks", type=Path, nargs="*", metavar="WORKBOOK.xlsx")
    p.add_argument("--plan", metavar="NAME", help=t("データベースに保存した計画の別案（前の計画から引き継ぐ）",
                                                    "rosters of a plan stored in the database (carrying in earlier plans)"))
    p.add_argument("-n", type=_count(1), default=3, metavar="N", help=t("作る配置表の数（既定 3）", "how many rosters (default 3)"))
    p.add_argument("--min-diff", type=_count(1), default=5, metavar="K", help=t("互いに違うべき配置の数", "assignments each must differ by"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    _solve_options(p)

    p = sub.add_parser("bench", parents=[common], help=t("看護師勤務表のベンチマーク問題を解く", "solve a nurse-rostering benchmark instance"))
    p.add_argument("instance", type=Path, metavar="INSTANCE.txt")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="SOLUTION.csv")
    p.add_argument("--time-limit", type=_seconds, default=60.0, metavar="S")
    p.add_argument("--workers", type=_count(0), default=0, metavar="N", help=t("0 = すべてのコア", "0 = all cores"))
    p.add_argument("--seed", type=_count(0), default=0, metavar="N")
    p.add_argument("--quiet", action="store_true")

    from desktop import cli_data, cli_paperwork  # their sub-commands: data safety, monthly paperwork

    cli_data.add_parsers(sub, common)
    cli_paperwork.add_parsers(sub, common)
    return parser


def _command(name: str):
    """The `cmd_<name>` body for a sub-command, from whichever module defines it."""
    from desktop import cli_data, cli_paperwork, commands

    for module in (commands, cli_data, cli_paperwork):
        body = getattr(module, f"cmd_{name}", None)
        if body is not None:
            return body
    raise LookupError(name)


def _solve_options(p: argparse.ArgumentParser) -> None:
    """The solver options shared by repair and alternatives."""
    p.add_argument("--time-limit", type=_seconds, default=60.0, metavar="S")
    p.add_argument("--workers", type=_count(0), default=0, metavar="N", help=t("0 = すべてのコア", "0 = all cores"))
    p.add_argument("--seed", type=_count(0), default=0, metavar="N")
    p.add_argument("--soft-cover", action="store_true", help=t("人数不足を許す（不足のある最善の配置）", "allow unfilled sessions (best partial roster)"))
    p.add_argument("--quiet", action="store_true", help=t("途中経過を表示しない", "no progress lines"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_from(argv))
    _argparse_speaks(_language_from(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.show_version:
        from importlib.metadata import version

        print(f"haichi {version('haichi')}")
        return EXIT_OK
    if not args.command:
        parser.print_help()
        return EXIT_INVALID
    try:
        return _command(args.command)(args)
    except CannotWrite as error:
        print(t("書き込めませんでした（元のファイルはそのままです）:", "nothing was written (any earlier file is as it was):"),
              file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_INVALID
    except InvalidInput as error:
        _print_problems(error.problems, writes=args.command not in READS_ONLY)
        return EXIT_INVALID
    except Infeasible as error:
        print(str(error), file=sys.stderr)
        return EXIT_INFEASIBLE
    except _refusals() as error:  # a missing plan, a frozen version, a concurrent edit: said in words
        print(str(error), file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print(t("中断しました", "interrupted"), file=sys.stderr)
        return EXIT_INTERNAL
    except BrokenPipeError:  # `haichi diff … | head`: the reader has what it wanted and closed the pipe
        _quiet_stdout()
        return EXIT_OK
    except Exception as error:  # the last guard: no traceback reaches a user
        log = _write_crash_log()
        print(
            t(
                "内部エラーが発生しました ({kind})。詳細: {log}",
                "internal error ({kind}). Details: {log}",
                kind=type(error).__name__,
                log=log,
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _quiet_stdout() -> None:
    """Point stdout at nothing, so that Python's own flush at exit does not raise BrokenPipeError again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (a test's capture): nothing to quiet
        pass


def _refusals() -> tuple[type[Exception], ...]:
    from models.storage.errors import StorageError

    return (StorageError, Refused)


# argparse's own words (usage, errors, help headings), for a Japanese command line: argparse looks
# each one up through its module's `_` at the moment it says it.
_ARGPARSE_JA = {
    "usage: ": "使い方: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
    "the following arguments are required: %s": "次の引数を指定してください: %s",
    "unrecognized arguments: %s": "使えない引数です: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "選べない値です: %(value)r（%(choices)s から選んでください）",
    "expected one argument": "値を1つ指定してください",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "読めない値です: %(value)r",
    "one of the arguments %s is required": "次のどれかを指定してください: %s",
    "argument %(argument_name)s: not allowed with argument %(conflict)s": "引数 %(argument_name)s は %(conflict)s と一緒に使えません",
    "not allowed with argument %s": "%s と一緒には使えません",
    "show this help message and exit": "このヘルプを表示して終わります",
    "positional arguments": "引数",
    "options": "オプション",
}


def _argparse_speaks(language: str) -> None:
    """argparse's messages in `language` (its English for any but Japanese)."""
    import gettext

    argparse._ = (lambda text: _ARGPARSE_JA.get(text, text)) if language == "ja" else gettext.gettext  # type: ignore[attr-defined]


def _language_from(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return system_language()


# Commands that only read: their refusal need not say that nothing was written.
READS_ONLY = frozenset({"check", "suggest"})


def _print_problems(problems: list[InputProblem], writes: bool = True) -> None:
    if writes:
        head = t("入力に {n} 件の問題があります。何も書き込んでいません。", "{n} problem(s) in the input; nothing was written.",
                 n=len(problems))
    else:
        head = t("入力に {n} 件の問題があります。", "{n} problem(s) in the input.", n=len(problems))
    print(head, file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


def _write_crash_log() -> Path:
    import traceback

    import platformdirs

    folder = Path(platformdirs.user_log_dir("Haichi", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.log"
    path.write_text(traceback.format_exc(), encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
