"""days_off_after_night: after a night that runs into the next morning (夜勤 16:30-翌9:00, whose next
day is 明), the N days after 明 are days off: 夜勤 → 明 → 休 for N = 1. Nor does the 明 day itself take
another session: a care home's 遅番 11:00-20:00 had been put on the 明 day, 19 times in a month, and the
勤務表 showed 遅番 where the 明 had been.

A night is a session that takes its next day's morning (models.domain.days_taken); a 準夜 to 翌1:00
is not one. A day off is a day with no session and no 明 of its own, as the run rules count days
(Context.works), so a second night on the 明 day breaks the rule too (its own 明 falls on the day
that should be off). N comes from the per-staff override, else the rule parameter; unset, the rule
asks nothing. The earlier plan's nights (Problem.history_nights, and the eve's sessions) count for the
plan's first days: a 夜勤 two days before the plan makes the first day off; so does a 明 written in the
marks (勤務可否 `明` on the 1st, last month's night not in Haichi), the N days after it off.
Soft: each session on the 明 day and each day worked that should be off costs weight, once for each
night it follows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from models.domain import AFTER_NIGHT, Problem, Requirement, Roster, Violation, days_taken
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import all_penalty, assigned, limit_param, limited_in_model, limited_staff, md, name_of
from solver.rules.counting import violation, worked_days

if TYPE_CHECKING:
    from solver.context import Context


def rest_days(night: Requirement, n: int, problem: Problem) -> list[date]:
    """The plan days that must be off after `night` (a session taking its next morning): the n days
    after its 明."""
    return rest_after(days_taken(night)[-1], n, problem)


def is_night(req: Requirement) -> bool:
    return len(days_taken(req)) > 1


def marked_mornings(problem: Problem, staff_id: str) -> list[date]:
    """The plan days the person's marks say 明 (a night before the plan, not in Haichi), but those an earlier night
    of theirs already ends on."""
    known = {days_taken(r)[-1] for r in earlier_nights(problem, staff_id)}
    return sorted(day for day, word in problem.day_words(staff_id).items() if word == AFTER_NIGHT and day not in known)


def rest_after(morning: date, n: int, problem: Problem) -> list[date]:
    """The plan days that must be off after a 明 on `morning`."""
    return [d for d in (morning + timedelta(days=k) for k in range(1, n + 1)) if problem.start <= d <= problem.end]


def earlier_nights(problem: Problem, staff_id: str) -> list[Requirement]:
    """The person's nights before the plan: those carried in for the purpose (Problem.history_nights),
    and the eve's (Problem.history_sessions; a plan or workbook from before history_nights has those
    alone), each once."""
    found = {r.id: r for r in (*problem.history_nights.get(staff_id, ()), *problem.history_sessions.get(staff_id, ()))
             if is_night(r)}
    return list(found.values())


class DaysOffAfterNight(BaseRule):
    info = RuleInfo(
        id="days_off_after_night",
        title_ja="夜勤明けの後の休み",
        title_en="Days off after a night",
        hard_default=True,
        weight_default=100,
        params=(limit_param("days_off_after_night", "明けの後の休日（日）", "days off after the morning after", 7),),
        description_ja="翌朝まで続く夜勤（例 16:30-翌9:00）の翌日は明けになり、その次の日から指定の日数は休みにします"
                       "（1 日なら 夜勤→明→休）。準夜のように夜中に終わる勤務は対象外です。",
        description_en="After a night that runs into the next morning (e.g. 16:30-9:00), the next day is the morning "
                       "after; this many days after it are days off (1: night, morning after, day off). A late shift "
                       "ending before dawn is not a night here.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: a night forbids work on each of its rest days. Soft: one penalty per night and rest
        day worked."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []

        def apart(did, works, label: str) -> None:  # not both the night (1: worked already) and the work after it
            nonlocal penalties
            if isinstance(works, int):
                return  # nothing to do that day
            if setting.hard:
                ctx.model.add(works + did <= 1)
            else:
                penalties += all_penalty(ctx, [w for w in (did, works) if not isinstance(w, int)], setting.weight,
                                         self.info.id, label)

        for staff, n in limited_in_model(ctx, self.info, "days_off_after_night"):
            mine = ctx.requirements_of(staff.id)
            nights = [(r, v) for r, v in mine if is_night(r)]
            nights += [(r, 1) for r in earlier_nights(ctx.problem, staff.id)]
            mornings = [(days_taken(night)[-1], did, night.id) for night, did in nights]
            mornings += [(day, 1, "明") for day in marked_mornings(ctx.problem, staff.id)]
            for morning, did, what in mornings:
                for req, works in mine:  # the 明 day takes no session of its own
                    if req.date == morning:
                        apart(did, works, f"{self.info.id}[{staff.id},{what},{req.id}]")
                for day in rest_after(morning, n, ctx.problem):
                    apart(did, ctx.works(staff.id, day), f"{self.info.id}[{staff.id},{what},{day.isoformat()}]")
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per night and rest day worked."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        worked = worked_days(problem, roster)
        mine = assigned(problem, roster)
        found: list[Violation] = []
        for staff, n in limited_staff(problem, roster, self.info, "days_off_after_night"):
            held = mine.get(staff.id, ())
            nights = [*earlier_nights(problem, staff.id), *held]
            mornings = [(days_taken(r)[-1], t("{night} の {activity}", "{night} ({activity})", night=md(r.date),
                                                activity=r.activity)) for r in nights if is_night(r)]
            mornings += [(day, t("勤務可否の明け {day}", "the marks' 明 of {day}", day=md(day)))
                         for day in marked_mornings(problem, staff.id)]
            for morning, night in mornings:
                for req in held:
                    if req.date == morning:
                        found.append(violation(self.info, setting, 1, t(
                            "{name} は {night} の明けの日に {session} に入っています（明けの日は勤務しません）。",
                            "{name} works {session} on the morning after the night of {night} (no work that day).",
                            name=name_of(problem, staff.id), night=night, session=req.label()), staff.id, morning))
                for day in rest_after(morning, n, problem):
                    if day not in worked.get(staff.id, set()):
                        continue
                    message = t(
                        "{name} は {night} の明けの後、{day} に勤務しています（明けの後は {n} 日休み）。",
                        "{name} works on {day} after the night of {night} ({n} days off after the morning after).",
                        name=name_of(problem, staff.id), night=night, day=md(day), n=n,
                    )
                    found.append(violation(self.info, setting, 1, message, staff.id, day))
        return found


RULE = DaysOffAfterNight()
