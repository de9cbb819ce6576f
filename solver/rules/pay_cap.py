"""pay_cap: what a part-timer earns in the fiscal year stays under their annual cap (an income threshold):
hourly_rate × worked minutes / 60 + earlier plans of the fiscal year + paid_this_year <= annual_pay_cap.

The earlier plans' pay is carried in from their rosters in the database, each plan's sessions at
the rate that plan gave the person (Problem.history_pay; a plan that gave none, its minutes at
today's rate); paid_this_year is what was paid this fiscal year outside them (before the first
plan in Haichi), so a workbook copied from last month keeps it as it is.
Integer arithmetic only, in yen × 60: hourly_rate × minutes <= 60 × (cap − paid) − earlier.
Someone already paid the cap or more can take no paid session (the room left is never negative).
Each of the three values is the per-staff override, else the Staff field, else the rule parameter
(a cap for everyone). Soft: each started 1,000 yen above the cap costs weight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from models.domain import Problem, Requirement, Roster, Staff, Violation
from models.history import earlier_pay60
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Budget, Penalty
from solver.rules.counting import assigned, bounded, checked_staff, name_of, over, violation

if TYPE_CHECKING:
    from solver.context import Context

YEN_UNIT = 1000  # soft cost unit: one started 1,000 yen over the cap


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
        "ソフトのとき超過1,000円（端数切り上げ）ごとに重みが加算されます。",
        description_en="Hourly rate × worked time + already paid this fiscal year + earlier plans of the fiscal "
        "year (from April; each at its own rate × its time) stays within the annual cap. Earlier plans are added from the "
        "database, so the amount already paid leaves them out. When soft each started 1,000 yen above costs the weight.",
    )

    def terms_of(self, problem: Problem, staff: Staff) -> tuple[int, int] | None:
        """(hourly rate, room left in yen × 60), or None when this person has no cap or rate."""
        cap = base.limit(problem, self.info, "annual_pay_cap", staff)
        rate = base.limit(problem, self.info, "hourly_rate", staff)
        if cap is None or rate is None:
            return None
        return int(rate), max(0, 60 * int(cap) - self.paid_before(problem, staff, int(rate)))

    def paid_before(self, problem: Problem, staff: Staff, rate: int) -> int:
        """Yen × 60 paid this fiscal year before the plan: paid_this_year and the earlier plans' pay."""
        paid = base.limit(problem, self.info, "paid_this_year", staff) or 0
        return 60 * int(paid) + earlier_pay60(problem, staff.id, rate)

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool] | None:
        """A session that alone pays past the cap is ruled out."""
        terms = self.terms_of(ctx.problem, staff)
        if terms is None:
            return None
        rate, room = terms
        return lambda req: rate * req.minutes <= room

    def budgets(self, ctx: Context, staff: Staff) -> list[Budget]:
        setting = ctx.setting(self.info)
        terms = self.terms_of(ctx.problem, staff) if setting.enabled and setting.hard else None
        if terms is None:
            return []
        rate, room = terms
        return [Budget(lambda req: None, lambda req: rate * req.minutes, room)]

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: rate × minutes <= 60 × room. Soft: one penalty per person, in started 1,000 yen."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        for staff in ctx.problem.active_staff():
            terms = self.terms_of(ctx.problem, staff)
            if terms is None:
                continue
            rate, room = terms
            pay = [(rate * req.minutes, var) for req, var in ctx.requirements_of(staff.id)]
            label = f"{self.info.id}[{staff.id}]"
            penalties += bounded(ctx, pay, room, True, setting, self.info.id, label, 60 * YEN_UNIT)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person paid past their cap, costing started 1,000 yen above it."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        mine = assigned(problem, roster)
        found: list[Violation] = []
        for staff in checked_staff(problem, roster):
            terms = self.terms_of(problem, staff)
            if terms is None:
                continue
            rate, room = terms
            pay = sum(rate * req.minutes for req in mine.get(staff.id, []))
            if pay <= room:
                continue
            earlier = earlier_pay60(problem, staff.id, rate)
            message = t(
                "{name} の年度の支給見込みは {total} 円で、年間上限額を {extra} 円超えます。",
                "{name} would be paid {total} yen in the fiscal year, {extra} yen above the annual cap.",
                name=name_of(problem, staff.id),
                total=f"{over(pay + self.paid_before(problem, staff, rate), 60):,}",
                extra=f"{over(pay - room, 60):,}",
            )
            if earlier:
                message += t("（今年度の前の計画の分 {e} 円を含みます）", " (with {e} yen from earlier plans of the "
                             "fiscal year)", e=f"{over(earlier, 60):,}")
            found.append(violation(self.info, setting, over(pay - room, 60 * YEN_UNIT), message, staff.id))
        return found


RULE = PayCap()
