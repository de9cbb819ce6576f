"""pay_cap: what a part-timer earns in the year stays under their annual cap (an income threshold):
hourly_rate × worked minutes / 60 + earlier plans of the year + paid_this_year <= annual_pay_cap.

The year is the fiscal year (April to March) unless the parameter year_start_month starts it in
another month: January for a threshold counted by calendar year (models.history.pay_year_month).
What follows says April 1 for the first day of the year.

The earlier plans' pay is carried in from their rosters in the database, each plan's sessions at
the rate that plan gave the person (Problem.history_pay; a plan that gave none, its minutes at
today's rate); paid_this_year is what was paid this fiscal year outside them (before the first
plan in Haichi), so a workbook copied from last month keeps it as it is.
A plan that crosses April 1 (3/23-4/19) is capped once per fiscal year: its sessions up to March
31 with the earlier plans and paid_this_year, as above; those from April 1 on their own, a new
fiscal year of which nothing was paid yet (paid_this_year is the old year's, of the workbook's
March; models.history.fiscal_years).
Integer arithmetic only, in yen × 60: hourly_rate × minutes <= 60 × (cap − paid) − earlier.
Someone already paid the cap or more can take no paid session (the room left is never negative).
Each of the three values is the per-staff override, else the Staff field, else the rule parameter
(a cap for everyone). Soft: each started 1,000 yen above the cap costs weight, per fiscal year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from models.domain import Problem, Requirement, Roster, Staff, Violation
from models.history import FISCAL_MONTH, PAY_YEAR_MONTH, by_year, earlier_pay60, pay_year_month, year_name, year_of, years_of
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Budget, Penalty
from solver.rules.counting import assigned, bounded, checked_staff, name_of, over, violation

if TYPE_CHECKING:
    from solver.context import Context

YEN_UNIT = 1000  # soft cost unit: one started 1,000 yen over the cap


@dataclass(frozen=True)
class _Terms:
    """One person's hourly rate and room under the cap, in yen × 60: `room` left in the year the
    plan starts in (`first`), the whole `cap` in one it reaches; years start in `month`."""

    rate: int
    first: int
    room: int
    cap: int
    month: int

    def pay(self, req: Requirement) -> int:
        return self.rate * req.minutes

    def year(self, req: Requirement) -> int:
        return year_of(req.date, self.month)

    def carries(self, req: Requirement) -> bool:
        """Whether the session counts with what was paid before the plan (it is in the first year)."""
        return self.year(req) == self.first

    def room_in(self, year: int) -> int:
        return self.room if year == self.first else self.cap


class PayCap(BaseRule):
    info = RuleInfo(
        id="pay_cap",
        title_ja="年間支給額の上限",
        title_en="Annual pay cap",
        hard_default=True,
        weight_default=100,
        params=(
            Param("annual_pay_cap", int, None, "年間上限額（円）", "annual pay cap (yen)", 0, 10**10),
            Param("hourly_rate", int, None, "時給（円）", "hourly rate (yen)", 0, 10**6),
            Param(PAY_YEAR_MONTH, int, 4, "年の始まり（月）", "year starts in month", 1, 12, per_staff=False),
        ),
        description_ja="時給 × 勤務時間 + 年間支給済額 + 今年度（4月〜）の前の計画の分（その計画の時給 × 勤務時間）が年間上限額を"
        "超えないようにします。前の計画の分はデータベースの計画から足すので、年間支給済額には含めません。"
        "4月1日をまたぐ計画では、4月1日からの勤務を新しい年度として別に数えます（前の計画の分と年間支給済額は含めません）。"
        "1月〜12月の収入で数える上限（扶養の範囲など）は「年の始まり」を1にします（年間支給済額はその年の分）。"
        "努力ルールのとき超過1,000円（端数切り上げ）ごとに重みが加算されます。",
        description_en="Hourly rate × worked time + already paid this fiscal year + earlier plans of the fiscal "
        "year (from April; each at its own rate × its time) stays within the annual cap. Earlier plans are added from the "
        "database, so the amount already paid leaves them out. In a plan that crosses April 1 the sessions from then on "
        "count on their own, a new fiscal year (without earlier plans or the amount already paid). For a cap on the "
        "income of a calendar year, set the year to start in month 1 (the amount already paid is then that year's). "
        "When soft each started 1,000 yen above costs the weight.",
    )

    def terms_of(self, problem: Problem, staff: Staff) -> _Terms | None:
        """The person's rate and room in each fiscal year, or None when they have no cap or rate."""
        cap = base.limit(problem, self.info, "annual_pay_cap", staff)
        rate = base.limit(problem, self.info, "hourly_rate", staff)
        if cap is None or rate is None:
            return None
        room = max(0, 60 * int(cap) - self.paid_before(problem, staff, int(rate)))
        month = pay_year_month(problem)
        return _Terms(int(rate), year_of(problem.start, month), room, 60 * int(cap), month)

    def paid_before(self, problem: Problem, staff: Staff, rate: int) -> int:
        """Yen × 60 paid this year before the plan: paid_this_year and the earlier plans' pay."""
        paid = base.limit(problem, self.info, "paid_this_year", staff) or 0
        return 60 * int(paid) + earlier_pay60(problem, staff.id, rate)

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool] | None:
        """A session that alone pays past the cap of its year is ruled out."""
        terms = self.terms_of(ctx.problem, staff)
        if terms is None:
            return None
        return lambda req: terms.pay(req) <= terms.room_in(terms.year(req))

    def budgets(self, ctx: Context, staff: Staff) -> list[Budget]:
        setting = ctx.setting(self.info)
        terms = self.terms_of(ctx.problem, staff) if setting.enabled and setting.hard else None
        if terms is None:
            return []
        carried = [Budget(lambda req: None, lambda req: terms.pay(req) if terms.carries(req) else 0, terms.room)]
        if len(years_of(ctx.problem, terms.month)) == 1:
            return carried
        return carried + [Budget(terms.year,
                                 lambda req: 0 if terms.carries(req) else terms.pay(req), terms.cap)]

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: rate × minutes <= 60 × room, per year. Soft: one penalty per person and year, in
        started 1,000 yen."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        for staff in ctx.problem.active_staff():
            terms = self.terms_of(ctx.problem, staff)
            if terms is None:
                continue
            for year, pairs in by_year(ctx.requirements_of(staff.id), lambda pair: pair[0].date, terms.month).items():
                pay = [(terms.pay(req), var) for req, var in pairs]
                label = f"{self.info.id}[{staff.id}]" if year == terms.first else f"{self.info.id}[{staff.id},{year}]"
                penalties += bounded(ctx, pay, terms.room_in(year), True, setting, self.info.id, label, 60 * YEN_UNIT)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person and year paid past their cap, costing started 1,000 yen above it."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        mine = assigned(problem, roster)
        found: list[Violation] = []
        for staff in checked_staff(problem, roster):
            terms = self.terms_of(problem, staff)
            if terms is None:
                continue
            for year, reqs in by_year(mine.get(staff.id, []), lambda req: req.date, terms.month).items():
                pay = sum(terms.pay(req) for req in reqs)
                room = terms.room_in(year)
                if pay > room:
                    found.append(violation(self.info, setting, over(pay - room, 60 * YEN_UNIT),
                                           self._message(problem, staff, terms, year, pay), staff.id))
        return found

    def _message(self, problem: Problem, staff: Staff, terms: _Terms, year: int, pay: int) -> str:
        """What the person would be paid in `year` (`pay`: this plan's part, yen × 60)."""
        carried = year == terms.first
        before = self.paid_before(problem, staff, terms.rate) if carried else 0
        message = t(
            "{name} の{year}の支給見込みは {total} 円で、年間上限額を {extra} 円超えます。",
            "{name} would be paid {total} yen in {year}, {extra} yen above the annual cap.",
            name=name_of(problem, staff.id), year=year_name(year, terms.month),
            total=f"{over(pay + before, 60):,}",
            extra=f"{over(pay - terms.room_in(year), 60):,}",
        )
        earlier = earlier_pay60(problem, staff.id, terms.rate) if carried else 0
        if earlier:
            message += t("（{year}の前の計画の分 {e} 円を含みます）", " (with {e} yen from earlier plans of {year})",
                         e=f"{over(earlier, 60):,}", year=year_name(year, terms.month))
        elif not carried:
            fiscal = terms.month == FISCAL_MONTH
            message += t("（{d} からの勤務。新しい{kind}なので、前の計画の分と年間支給済額は含みません）",
                         " (the sessions from {d}: a new {kind}, without earlier plans or the amount already "
                         "paid)", d=f"{year}/{terms.month}/1",
                         kind=t("年度", "fiscal year") if fiscal else t("年", "year"))
        return message


RULE = PayCap()
