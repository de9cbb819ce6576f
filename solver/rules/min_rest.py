"""min_rest: at least R minutes between the end of a person's session on day d and the start of
their session on day d+1 (ends past 24:00 belong to overnight shifts and shorten the rest), and
between two sessions of one day that are separate shifts: a ward's 深夜 0:30-9:00 and 準夜 from
16:30 on the same date leave 7.5 hours. Within a day the rest runs from a session's end to the
next session the person works: two sessions at most B minutes apart (the parameter
max_break_minutes, 120 by default) are one working day with a break between, as a health
centre's morning and afternoon sessions are, when the two span no more than LONGEST_DAY; a session
worked in between splits a gap.

R is the per-staff override, else the rule parameter when a manager set one, else
problem.min_rest_minutes (from the shift types); 0 switches the rule off. The sessions of the day
before the plan (Problem.history_sessions, from the earlier plan's roster) count against the first day.
Soft: each pair of sessions that are too close costs weight.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from models.domain import BREAK, Problem, Requirement, Roster, Staff, Violation, one_working_day
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import all_penalty, assigned, by_day_from_eve, limit_param, name_of, violation

if TYPE_CHECKING:
    from solver.context import Context

DAY = 24 * 60


def too_close(first: Requirement, then: Requirement, rest: int) -> bool:
    """Whether `then` (the next day) starts less than `rest` minutes after `first` ends."""
    return then.start + DAY - first.end < rest


def too_close_same_day(first: Requirement, then: Requirement, rest: int, most_break: int) -> bool:
    """Whether `then`, later on the same day, starts less than `rest` minutes after `first` ends, and
    not after a mere break in one working day (models.domain.one_working_day)."""
    return 0 <= then.start - first.end < rest and not one_working_day(first, then, most_break)


def in_between(first: Requirement, then: Requirement, other: Requirement) -> bool:
    """Whether `other` starts in the gap from `first`'s end to `then`'s start (the next session worked
    after `first` is then `other`, or one before it)."""
    return other is not first and other is not then and first.end <= other.start < then.start


class MinRest(BaseRule):
    info = RuleInfo(
        id="min_rest",
        title_ja="勤務間の休息時間",
        title_en="Minimum rest between shifts",
        hard_default=True,
        weight_default=100,
        params=(limit_param("min_rest_minutes", "最低休息（分）", "minimum rest (minutes)", 2 * DAY),
                Param("max_break_minutes", int, BREAK, "同じ日の休憩とみなす間隔（分）",
                      "gap within a day that is a break (minutes)", minimum=0, maximum=DAY, per_staff=False)),
        description_ja="ある日の勤務の終了から翌日の勤務の開始まで、また同じ日の別の勤務（深夜の後の準夜など）の間の最低休息時間。"
        "同じ日の2つの枠の間が「休憩とみなす間隔」以内で、最初の開始から最後の終了まで17時間以内なら、休憩をはさんだ1日の勤務として"
        "数えません（午前と午後の枠など）。",
        description_en="Minutes of rest between the end of one day's session and the next day's start, and between two "
        "separate shifts of one day (a night shift then an evening one). Two sessions of a day no further apart than the "
        "break, spanning 17 hours at most, are one working day (a morning and an afternoon session) and need no rest "
        "between them.",
    )

    def most_break(self, problem: Problem) -> int:
        """The longest gap between two sessions of a day that is a break, in minutes."""
        value = base.setting(problem, self.info).params.get("max_break_minutes")
        return BREAK if value is None else int(value)

    def rest(self, problem: Problem, staff: Staff) -> int:
        """The rest this person needs, in minutes (0 = no rule)."""
        value = base.limit(problem, self.info, "min_rest_minutes", staff)
        return int(value if value is not None else problem.min_rest_minutes)

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: a session forbids next-day sessions that start too soon. Soft: one penalty per pair."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        days = ctx.problem.days()
        most_break = self.most_break(ctx.problem)
        for staff in ctx.problem.active_staff():
            rest = self.rest(ctx.problem, staff)
            if rest <= 0:
                continue
            for day in days:
                sessions = ctx.on_day(staff.id, day)
                for first, a in sessions:
                    for then, b in sessions:
                        if not too_close_same_day(first, then, rest, most_break):
                            continue
                        between = [v for other, v in sessions if in_between(first, then, other)]
                        if setting.hard:
                            ctx.model.add_bool_or([a.Not(), b.Not(), *between])
                        else:
                            label = f"{self.info.id}[{staff.id},{first.id},{then.id}]"
                            penalties += all_penalty(ctx, [a, b, *(1 - v for v in between)], setting.weight,
                                                     self.info.id, label)
            eve = [(first, 1) for first in ctx.problem.history_sessions.get(staff.id, ())]  # worked: always 1
            for today, next_day in zip([eve, *(ctx.on_day(staff.id, d) for d in days)], days):
                tomorrow = ctx.on_day(staff.id, next_day)
                if not tomorrow:
                    continue
                for first, var in today:
                    close = [(then, v) for then, v in tomorrow if too_close(first, then, rest)]
                    worked = [] if isinstance(var, int) else [var]  # the eve's sessions were worked
                    if setting.hard:
                        if close:
                            ctx.model.add_bool_and([v.Not() for _, v in close]).only_enforce_if(worked)
                        continue
                    for then, v in close:
                        label = f"{self.info.id}[{staff.id},{first.id},{then.id}]"
                        penalties += all_penalty(ctx, [*worked, v], setting.weight, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per pair of sessions on consecutive days with too little rest between."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        found: list[Violation] = []
        most_break = self.most_break(problem)
        for staff_id, reqs in assigned(problem, roster).items():
            try:
                rest = self.rest(problem, problem.staff_by_id(staff_id))
            except KeyError:
                continue  # not on the staff list: nothing to measure against
            if rest <= 0:
                continue
            by_day = by_day_from_eve(problem, staff_id, reqs)
            for day in sorted(by_day):
                if day >= problem.start:
                    worked = by_day[day]
                    for first in worked:
                        for then in worked:
                            if too_close_same_day(first, then, rest, most_break) and not any(
                                    in_between(first, then, other) for other in worked):
                                message = t(
                                    "{name}: 同じ日の {a} の終了から {b} の開始まで {gap} 分しかありません（最低 {rest} 分）。",
                                    "{name}: only {gap} minutes between {a} and {b} on the same day (minimum {rest}).",
                                    name=name_of(problem, staff_id), a=first.label(), b=then.label(),
                                    gap=then.start - first.end, rest=rest)
                                found.append(violation(self.info, setting, 1, message, staff_id, day, then.id))
                for first in by_day[day]:
                    for then in by_day.get(day + timedelta(days=1), []):
                        if not too_close(first, then, rest):
                            continue
                        gap = then.start + DAY - first.end
                        message = t(
                            "{name}: {a} の終了から {b} の開始まで {gap} 分しかありません（最低 {rest} 分）。",
                            "{name}: only {gap} minutes between {a} and {b} (minimum {rest}).",
                            name=name_of(problem, staff_id), a=first.label(), b=then.label(), gap=gap, rest=rest,
                        ) if gap >= 0 else t(  # a night still running when the next day's session starts
                            "{name}: {a} が終わる前に {b} が始まります（休息は最低 {rest} 分）。",
                            "{name}: {b} starts before {a} ends (rest of {rest} minutes at least).",
                            name=name_of(problem, staff_id), a=first.label(), b=then.label(), rest=rest)
                        at = (day, first.id) if day >= problem.start else (problem.start, then.id)  # the eve: its next day
                        found.append(violation(self.info, setting, 1, message, staff_id, *at))
        return found


RULE = MinRest()
