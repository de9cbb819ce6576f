"""pay_cap: what a part-timer earns in the fiscal year stays under their annual cap (an income threshold):
hourly_rate × worked minutes / 60 + earlier plans of the fiscal year + paid_this_year <= annual_pay_cap.

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
from models.history import by_fiscal_year, earlier_pay60, fiscal_year, fiscal_years
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
    """One person's hourly rate and room under the cap, in yen × 60: `room` left in the fiscal year
    the plan starts in (`first`), the whole `cap` in one it reaches from April 1."""

    rate: int
    first: int
    room: int
    cap: int

    def pay(self, req: Requirement) -> int:
        return self.rate * req.minutes

    def carries(self, req: Requirement) -> bool:
        """Whether the session counts with what was paid before the plan (it is in the first year)."""
        return fiscal_year(req.date) == self.first

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
        ),
        description_ja="時給 × 勤務時間 + 年間支給済額 + 今年度（4月〜）の前の計画の分（その計画の時給 × 勤務時間）が年間上限額を"
        "超えないようにします。前の計画の分はデータベースの計画から足すので、年間支給済額には含めません。"
        "4月1日をまたぐ計画では、4月1日からの勤務を新しい年度として別に数えます（前の計画の分と年間支給済額は含めません）。"
        "ソフトのとき超過1,000円（端数切り上げ）ごとに重みが加算されます。",
        description_en="Hourly rate × worked time + already paid this fiscal year + earlier plans of the fiscal "
        "year (from April; each at its own rate × its time) stays within the annual cap. Earlier plans are added from the "
        "database, so the amount already paid leaves them out. In a plan that crosses April 1 the sessions from then on "
        "count on their own, a new fiscal year (without earlier plans or the amount already paid). When soft each started 1,000 yen above costs the weight.",
    )

    def terms_of(self, problem: Problem, staff: Staff) -> _Terms | None:
        """The person's rate and room in each fiscal year, or None when they have no cap or rate."""
        cap = base.limit(problem, self.info, "annual_pay_cap", staff)
        rate = base.limit(problem, self.info, "hourly_rate", staff)
        if cap is None or rate is None:
            return None
        room = max(0, 60 * int(cap) - self.paid_before(problem, staff, int(rate)))
        return _Terms(int(rate), fiscal_year(problem.start), room, 60 * int(cap))

    def paid_before(self, problem: Problem, staff: Staff, rate: int) -> int:
        """Yen × 60 paid this fiscal year before the plan: paid_this_year and the earlier plans' pay."""
        paid = base.limit(problem, self.info, "paid_this_year", staff) or 0
        return 60 * int(paid) + earlier_pay60(problem, staff.id, rate)

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool] | None:
        """A session that alone pays past the cap of its fiscal year is ruled out."""
        terms = self.terms_of(ctx.problem, staff)
        if terms is None:
            return None
        return lambda req: terms.pay(req) <= terms.room_in(fiscal_year(req.date))

    def budgets(self, ctx: Context, staff: Staff) -> list[Budget]:
        setting = ctx.setting(self.info)
        terms = self.terms_of(ctx.problem, staff) if setting.enabled and setting.hard else None
        if terms is None:
            return []
        carried = [Budget(lambda req: None, lambda req: terms.pay(req) if terms.carries(req) else 0, terms.room)]
        if len(fiscal_years(ctx.problem)) == 1:
            return carried
        return carried + [Budget(lambda req: fiscal_year(req.date),
                                 lambda req: 0 if terms.carries(req) else terms.pay(req), terms.cap)]

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: rate × minutes <= 60 × room, per fiscal year. Soft: one penalty per person and fiscal
        year, in started 1,000 yen."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        for staff in ctx.problem.active_staff():
            terms = self.terms_of(ctx.problem, staff)
            if terms is None:
                continue
            for year, pairs in by_fiscal_year(ctx.requirements_of(staff.id), lambda pair: pair[0].date).items():
                pay = [(terms.pay(req), var) for req, var in pairs]
                label = f"{self.info.id}[{staff.id}]" if year == terms.first else f"{self.info.id}[{staff.id},{year}]"
                penalties += bounded(ctx, pay, terms.room_in(year), True, setting, self.info.id, label, 60 * YEN_UNIT)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person and fiscal year paid past their cap, costing started 1,000 yen above it."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        mine = assigned(problem, roster)
        found: list[Violation] = []
        for staff in checked_staff(problem, roster):
            terms = self.terms_of(problem, staff)
            if terms is None:
                continue
            for year, reqs in by_fiscal_year(mine.get(staff.id, []), lambda req: req.date).items():
                pay = sum(terms.pay(req) for req in reqs)
                room = terms.room_in(year)
                if pay > room:
                    found.append(violation(self.info, setting, over(pay - room, 60 * YEN_UNIT),
                                           self._message(problem, staff, terms, year, pay), staff.id))
        return found

    def _message(self, problem: Problem, staff: Staff, terms: _Terms, year: int, pay: int) -> str:
        """What the person would be paid in fiscal `year` (`pay`: this plan's part, yen × 60)."""
        carried = year == terms.first
        before = self.paid_before(problem, staff, terms.rate) if carried else 0
        message = t(
            "{name} の{fy}年度の支給見込みは {total} 円で、年間上限額を {extra} 円超えます。",
            "{name} would be paid {total} yen in fiscal {fy}, {extra} yen above the annual cap.",
            name=name_of(problem, staff.id), fy=year,
            total=f"{over(pay + before, 60):,}",
            extra=f"{over(pay - terms.room_in(year), 60):,}",
        )
        earlier = earlier_pay60(problem, staff.id, terms.rate) if carried else 0
        if earlier:
            message += t("（今年度の前の計画の分 {e} 円を含みます）", " (with {e} yen from earlier plans of the "
                         "fiscal year)", e=f"{over(earlier, 60):,}")
        elif not carried:
            message += t("（{d} からの勤務。新しい年度なので、前の計画の分と年間支給済額は含みません）",
                         " (the sessions from {d}: a new fiscal year, without earlier plans or the amount already "
                         "paid)", d=f"{year}/4/1")
        return message


RULE = PayCap()
