"""The bodies of the `haichi` sub-commands; `desktop.cli` parses arguments and maps errors to exit codes."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

from models.domain import Problem
from models.i18n import t
from desktop import operations
from desktop.cli import EXIT_INFEASIBLE, EXIT_OK, Infeasible
from solver.core import Progress, SolveOptions, SolveResult


def _database(args: argparse.Namespace):
    from models.storage import Database

    return Database(args.db)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def cmd_template(args: argparse.Namespace) -> int:
    start = args.start or _first_of_next_month(date.today())
    end = args.end or _last_of_month(start)
    operations.write_template(args.out, start, end)
    print(t("ひな形を書き出しました: {p}", "template written: {p}", p=args.out))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    problem = operations.import_workbooks(args.workbooks, plan_name=args.plan)
    name = args.plan or problem.name
    db = _database(args)
    db.save_problem(name, problem)
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
    return EXIT_OK


def cmd_solve(args: argparse.Namespace) -> int:
    if bool(args.workbooks) == bool(args.plan):
        raise SystemExit(_usage(t("ワークブックか --plan のどちらか一方を指定してください", "give either workbooks or --plan")))
    hint = None
    db = None
    if args.plan:
        db = _database(args)
        problem = db.load_problem(args.plan)
        latest = db.latest_solution(args.plan)
        hint = latest[1] if latest else None
    else:
        problem = operations.import_workbooks(args.workbooks)
    options = SolveOptions(
        time_limit=args.time_limit,
        workers=args.workers,
        seed=args.seed,
        hint=hint,
        soft_cover=args.soft_cover,
    )
    _print_problem_size(problem)
    result = operations.solve(problem, options, None if args.quiet else _progress_printer())
    _raise_if_no_roster(result)
    assert result.roster is not None
    if db is not None:
        db.save_solution(args.plan, result.roster, stats=_stats(result))
    evaluation = operations.write_roster(args.output, problem, result.roster, args.per_person)
    _print_result(result, evaluation, problem)
    print(t("配置表を書き出しました: {p}", "roster written: {p}", p=args.output))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from solver.evaluate import evaluate

    problem, roster = operations.read_roster_workbook(args.roster)
    evaluation = evaluate(problem, roster)
    hard = evaluation.hard_violations
    soft = [v for v in evaluation.violations if not v.hard]
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
    db = _database(args)
    problem = db.load_problem(args.plan)
    latest = db.latest_solution(args.plan)
    if latest is None:
        raise Infeasible(
            t("計画「{p}」にはまだ配置がありません。先に solve を実行してください。",
              "plan '{p}' has no roster yet; run solve first.", p=args.plan)
        )
    version, roster = latest
    evaluation = operations.write_roster(args.output, problem, roster, args.per_person)
    print(
        t("版 {v} を書き出しました: {p} (必須ルール違反 {h} 件)", "version {v} written: {p} ({h} hard violations)",
          v=version, p=args.output, h=len(evaluation.hard_violations))
    )
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from models.benchmarks import curtois
    from solver.evaluate import evaluate

    problem = curtois.read_instance(args.instance)
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


# -- helpers ------------------------------------------------------------------------------------
def _raise_if_no_roster(result: SolveResult) -> None:
    if result.roster is not None and result.status in ("optimal", "feasible"):
        return
    if result.status == "infeasible":
        lines = result.explanation or [t("必須ルールをすべて満たす配置はありません。", "no roster satisfies every hard rule.")]
        header = t("必須ルールをすべて満たす配置はありません:", "No roster satisfies the hard rules:")
        hint = t("--soft-cover で、不足を許した最善の配置を作れます。", "Use --soft-cover for the best partial roster.")
        raise Infeasible("\n".join([header, *(f"  - {line}" for line in lines), hint]))
    raise Infeasible(
        t(
            "制限時間内に配置が見つかりませんでした ({s})。--time-limit を延ばしてください。",
            "no roster found within the time limit ({s}); try a longer --time-limit.",
            s=result.status,
        )
    )


def _progress_printer():
    def show(p: Progress) -> None:
        print(
            t("  解 {n}: 評価値 {o:g} 下界 {b:g} ギャップ {g:.1%} {e:.1f}秒",
              "  solution {n}: objective {o:g} bound {b:g} gap {g:.1%} {e:.1f}s",
              n=p.solutions, o=p.objective, b=p.bound, g=p.gap, e=p.elapsed),
            file=sys.stderr,
            flush=True,
        )

    return show


def _print_problem_size(problem: Problem) -> None:
    _err(
        t("職員 {s} 名、枠 {r} 件 ({a}〜{b}) を解いています…", "solving {s} staff, {r} sessions ({a} to {b})…",
          s=len(problem.active_staff()), r=len(problem.requirements), a=problem.start, b=problem.end)
    )


def _print_result(result: SolveResult, evaluation, problem: Problem) -> None:
    status = {
        "optimal": t("最適解", "optimal"),
        "feasible": t("実行可能解 (最適性は未証明)", "feasible (optimality not proven)"),
    }.get(result.status, result.status)
    print(
        t("{s}: 評価値 {o}、下界 {b}、ギャップ {g}、{e:.1f} 秒、配置 {n} 件、必須ルール違反 {h} 件",
          "{s}: objective {o}, bound {b}, gap {g}, {e:.1f} s, {n} assignments, {h} hard violations",
          s=status, o=result.objective, b=_fmt(result.bound), g=_fmt(result.gap), e=result.elapsed,
          n=len(result.roster.assignments) if result.roster else 0, h=len(evaluation.hard_violations))
    )
    unfilled = [v for v in evaluation.violations if v.rule_id == "cover_min"]
    for v in unfilled:
        print(f"  - {v.message}")


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


def _usage(message: str) -> int:
    _err(message)
    return 1


def _first_of_next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _last_of_month(day: date) -> date:
    return _first_of_next_month(day) - timedelta(days=1)
