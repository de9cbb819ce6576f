"""The Japanese fiscal year (April to March), the year of the annual pay cap (the fiscal year unless
a manager starts it in another month: January for an income threshold counted by calendar year)
and, in words, what a plan carried in from the plans before it (Problem.history_*, filled by
models.storage.history when a plan is loaded)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Callable, Iterable, TypeVar

from models.domain import Problem
from models.i18n import t

T = TypeVar("T")

LOOKBACK_DAYS = 14  # days before a plan whose work it carries in: long enough for any run or rest rule

HISTORY_FIELDS = ("history", "history_counts", "history_weekend_days", "history_pay", "history_unpriced_minutes",
                  "history_sessions", "history_week", "history_nights", "history_sources")


def history_of(problem: Problem) -> dict[str, Any]:
    """The Problem.history_* fields of `problem`, by name (to hand to another Problem's `with_`)."""
    return {name: getattr(problem, name) for name in HISTORY_FIELDS}


def earlier_pay60(problem: Problem, staff_id: str, rate: int) -> int:
    """Yen × 60 the person earned in the plans before this one in the pay year (pay_year_month): each
    plan's sessions at the rate that plan gave them (Problem.history_pay), and at `rate` where it gave none."""
    return 60 * problem.history_pay.get(staff_id, 0) + rate * problem.history_unpriced_minutes.get(staff_id, 0)


FISCAL_MONTH = 4  # the fiscal year starts on April 1
PAY_CAP, PAY_YEAR_MONTH = "pay_cap", "year_start_month"  # the rule and parameter that start the pay year


def year_of(day: date, first_month: int = FISCAL_MONTH) -> int:
    """The year starting on the 1st of `first_month` that holds `day`, named by the calendar year it
    starts in (2027-03-31 is in fiscal 2026; with January, in 2027)."""
    return day.year if day.month >= first_month else day.year - 1


def year_start(day: date, first_month: int = FISCAL_MONTH) -> date:
    """The first day of the year starting in `first_month` that holds `day`."""
    return date(year_of(day, first_month), first_month, 1)


def years_of(problem: Problem, first_month: int = FISCAL_MONTH) -> list[int]:
    """The years starting in `first_month` that the plan's days fall in, the one it starts in first."""
    return list(range(year_of(problem.start, first_month), year_of(problem.end, first_month) + 1))


def by_year(items: Iterable[T], day_of: Callable[[T], date], first_month: int = FISCAL_MONTH) -> dict[int, list[T]]:
    """`items` by the year (starting in `first_month`) of their day, each year's in the given order."""
    years: dict[int, list[T]] = {}
    for item in items:
        years.setdefault(year_of(day_of(item), first_month), []).append(item)
    return years


def pay_year_month(problem: Problem) -> int:
    """The month the annual pay cap's year starts in: the pay_cap rule's year_start_month, else April."""
    setting = problem.rules.get(PAY_CAP)
    value = setting.params.get(PAY_YEAR_MONTH) if setting is not None else None
    return int(value) if value else FISCAL_MONTH


def year_name(year: int, first_month: int) -> str:
    """A year as people name it: `2026年度` (April), `2027年` (January), `2026年10月からの1年`."""
    if first_month == FISCAL_MONTH:
        return t("{y}年度", "fiscal {y}", y=year)
    if first_month == 1:
        return t("{y}年", "{y}", y=year)
    return t("{y}年{m}月からの1年", "the year from {y}-{m:02d}", y=year, m=first_month)


def fiscal_year(day: date) -> int:
    """The fiscal year holding `day`, named by its April (2027-03-31 is in fiscal 2026)."""
    return year_of(day)


def fiscal_year_start(day: date) -> date:
    """April 1st of the fiscal year that holds `day`."""
    return year_start(day)


def fiscal_years(problem: Problem) -> list[int]:
    """The fiscal years the plan's days fall in, the one it starts in first: two for a plan that
    crosses April 1 (a ward's four weeks 3/23-4/19).

    What a plan carries in (Problem.history_counts, history_pay, history_unpriced_minutes) and
    年間支給済額 are of the fiscal year it starts in, and count with its sessions up to March 31
    only; its sessions from April 1 start a new fiscal year, with nothing carried and nothing paid
    before (the earlier plans lie in the old year, and 年間支給済額 is set back for April by the
    plans that start in it)."""
    return years_of(problem)


def by_fiscal_year(items: Iterable[T], day_of: Callable[[T], date]) -> dict[int, list[T]]:
    """`items` by the fiscal year of their day (`day_of(item)`), each year's in the given order."""
    return by_year(items, day_of)


def _md(day: date) -> str:
    return f"{day.month}/{day.day}"


def carried_lines(problem: Problem) -> list[str]:
    """Which earlier plans (and versions) the plan's history comes from, one line each after a
    heading, with a warning for each draft; one line saying so when there is none. A plan that
    crosses April 1 adds a line saying its sessions from then on are a new fiscal year."""
    lines = _carried_lines(problem)
    month = pay_year_month(problem)
    if month != FISCAL_MONTH and problem.history_sources:
        lines.insert(1, t("年間支給額の上限は{year}（{m}月〜）の前の計画の支給で数えます。",
                          "The annual pay cap counts the earlier plans' pay of {year} (from month {m}).",
                          year=year_name(year_of(problem.start, month), month), m=month))
    for later in fiscal_years(problem)[1:]:
        lines.append(t("{d} からの勤務は新しい年度（{fy}年度）として、前の計画の分と年間支給済額を含めずに数えます"
                       "（年度内の回数の偏り{cap}）。",
                       "The sessions from {d} start a new fiscal year ({fy}), counted without earlier plans or the "
                       "amount already paid (fiscal-year fairness{cap_en}).", d=f"{later}/4/1", fy=later,
                       cap="・年間支給額の上限" if month == FISCAL_MONTH else "",
                       cap_en=", the annual pay cap" if month == FISCAL_MONTH else ""))
    if month != FISCAL_MONTH:
        for later in years_of(problem, month)[1:]:
            lines.append(t("{d} からの勤務は年間支給額の上限の新しい年（{year}）として、前の計画の分と年間支給済額を含めずに数えます。",
                           "The sessions from {d} start a new year of the annual pay cap ({year}), counted without "
                           "earlier plans or the amount already paid.", d=f"{later}/{month}/1",
                           year=year_name(later, month)))
    return lines


def _carried_lines(problem: Problem) -> list[str]:
    fy = fiscal_year(problem.start)
    if not problem.history_sources:
        return [t("前の計画からの引き継ぎはありません（{fy}年度のこれより前、または直前{n}日間の、配置のある計画がデータベースにありません）。",
                  "Nothing carried in from earlier plans (the database has no plan with a roster earlier in fiscal "
                  "{fy} or in the {n} days before).", fy=fy, n=LOOKBACK_DAYS)]
    eve = problem.start - timedelta(days=1)
    lines = [t("前の計画から引き継ぎ: {fy}年度（{fy}年4月〜）の回数・土日祝日の勤務日数・勤務時間、{first}〜{last} の勤務日と {last} の勤務",
               "Carried in from earlier plans: fiscal {fy} counts, weekend days and hours (from April {fy}), days worked "
               "{first}-{last} and the sessions of {last}",
               fy=fy, first=_md(problem.start - timedelta(days=LOOKBACK_DAYS)), last=_md(eve))]
    for source in problem.history_sources:
        state = t("公開", "published") if source.published else t("下書き（未公開）", "draft, not published")
        line = t("  {plan}（{start}〜{end}）版 {v} {state}", "  {plan} ({start} to {end}) version {v}, {state}",
                 plan=source.plan, start=source.start.isoformat(), end=source.end.isoformat(), v=source.version,
                 state=state)
        if not source.sessions:
            line += t(": 同じ枠は別の計画の配置で数えたので、数えていません",
                      ": not counted, another plan's roster holds the same sessions")
        lines.append(line)
    for source in problem.history_sources:
        if not source.published and source.sessions:
            lines.append(t("注意: 「{plan}」には公開した版がないため、下書きの版 {v} を引き継ぎました。公開すると、その版を引き継ぎます。",
                           "note: {plan} has no published version, so draft version {v} was carried in; once a "
                           "version is published, that one is.", plan=source.plan, v=source.version))
    return lines
