"""availability: nobody works on a date they marked ×, and 午前/午後 marks and given hours (`15時から`) limit the hours;
a shift refused that day (`遅番不可`) is not theirs either.

Blank cells mean `problem.blank_means`. When hard, `screen()` keeps such pairs out of the model;
`build` still forbids (or prices) pairs that exist anyway because someone locked them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Callable

from models.domain import Mark, Problem, Requirement, Roster, Staff, Violation, day_word_said, next_morning, within
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from models.textparse import refusal_text, window_text
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


def fits(problem: Problem, staff_id: str, req: Requirement) -> bool:
    """Whether the person's marks allow the session: its date's mark its hours and, for a night
    into the next morning (夜勤 16:30-翌9:00), the next day's mark that morning (see `morning_fits`),
    unless the plan says a × day's morning may end a night (MORNING); and not a shift they refused
    that day (`遅番不可`)."""
    return problem.allows(staff_id, req.date, req.start, req.end) and not problem.refuses(staff_id, req) and (
        not mornings_count(problem) or morning_fits(problem.allows, staff_id, req, problem.end))


def mornings_count(problem: Problem) -> bool:
    """Whether a night may not run into the morning of a day marked × (the default: a nurse's 希望休
    is no 明); a hospital's doctors mark × the days of their clinics, whose night before they can take."""
    return bool(setting(problem, Availability.info).params.get(MORNING.name, MORNING.default))


Allows = Callable[[str, date, int, int], bool]  # Problem.allows: (person, day, start, end) -> whether free then


def morning_fits(allows: Allows, staff_id: str, req: Requirement, last_day: date) -> bool:
    """Whether a session that takes the next day's morning (models.domain.next_morning) fits the
    person's mark for that day (`allows`, Problem.allows): × or 午後 there, or hours from later than
    the night ends (`10時から`), mean the night before cannot be theirs either. The day after the
    plan's last is not asked (its marks are next month's)."""
    morning = next_morning(req)
    if morning is None or req.date >= last_day:
        return True
    return allows(staff_id, req.date + timedelta(days=1), 0, morning)


MORNING = Param("morning", bool, True, "×の日の朝まで続く勤務も不可", "no night into the morning of a × day",
                per_staff=False)


class Availability(BaseRule):
    info = RuleInfo(
        id="availability",
        title_ja="勤務可否",
        title_en="Availability",
        hard_default=True,
        weight_default=100,
        description_ja="×の日には配置しない。午前は12:00前に始まり13:30までに終わる枠、午後は12:00以降に始まる枠のみ。"
                       "時間を書いた日（15時から、〜15時、10時〜15時）は、その時間内に収まる枠のみ。"
                       "できない勤務を書いた日（遅番不可、深夜・準夜不可）は、その勤務には配置しない。"
                       "翌朝まで続く夜勤（16:30-翌9:00 など）は、翌日の朝も勤務できる人だけ"
                       "（「×の日の朝まで続く勤務も不可」を いいえ にすると、×の日の前夜の勤務はできる）。",
        description_en="No work on × days; AM-only allows sessions starting before 12:00 and ending by 13:30, PM-only "
                       "those starting at 12:00 or "
                       "later; on a day with hours (15時から, 〜15時) only sessions within them; on a day with a "
                       "shift refused (遅番不可) not that shift. A night into the next "
                       "morning (16:30-9:00 next day) needs that morning free too, "
                       "unless 'no night into the morning of a × day' is set to no.",
        params=(MORNING,),
    )

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool]:
        """The person's mark for the session's date must allow its hours (see `fits`)."""
        marks, blank, staff_id, last = ctx.problem.availability, ctx.problem.blank_means, staff.id, ctx.problem.end
        if not mornings_count(ctx.problem):
            last = date.min  # every night passes, as one on the plan's last day (morning_fits)
        # a blank outside the person's 勤務曜日 is ×, whatever blanks mean (Problem.mark): under 空欄の扱い 可
        # the model put a Saturday-only doctor on every Sunday, which check then refused
        mark: Callable[[str, date], Mark] = ctx.problem.mark if staff.weekdays else (
            lambda who, day: marks.get((who, day), blank))
        windows = ctx.problem.windows
        halves, late = ctx.problem.first_halves, ctx.problem.evenings
        allows: Allows = (lambda who, day, start, end: mark(who, day).allows(start, end, halves, late)) if not windows \
            else (lambda who, day, start, end: mark(who, day).allows(start, end, halves, late)
                  and within(windows.get((who, day)), start, end))

        refused = {day: shifts for (who, day), shifts in ctx.problem.refused.items() if who == staff_id}
        if refused:  # `遅番不可`: that day's 遅番 is not theirs, as a × would keep it
            return lambda req: (allows(staff_id, req.date, req.start, req.end)
                                and req.activity not in refused.get(req.date, ())
                                and morning_fits(allows, staff_id, req, last))
        return lambda req: allows(staff_id, req.date, req.start, req.end) and morning_fits(allows, staff_id, req, last)

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        out: list[Penalty] = []
        pairs = ctx.pairs()
        if s.hard:  # screen() kept every other pair out: only locked pairs can be left
            pinned = {(a.staff_id, a.requirement_id) for a in ctx.problem.locked}
            pairs = {pair: var for pair, var in pairs.items() if pair in pinned}
        for (staff_id, req_id), var in pairs.items():
            if fits(ctx.problem, staff_id, ctx.problem.requirement(req_id)):
                continue
            if s.hard:
                ctx.model.add(var == 0)
            else:
                out.append(Penalty(var, s.weight, self.info.id, f"availability[{staff_id},{req_id}]"))
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        out = []
        for staff, req in placed_of(problem, roster).items():
            mark = problem.mark(staff.id, req.date)
            if not staff.active:
                # someone who has left, put back by hand in 配置表, went through check, publish and notify
                message = t("{name} は在籍していません（在籍 欄: 退職・休職など）が {session} に配置されています。",
                            "{name} is not active (在籍: left or on leave) but placed in {session}.",
                            name=staff.name, session=req.label())
                out.append(breach(self.info, replace(s, hard=True), 1, message, staff_id=staff.id,
                                  requirement_id=req.id, day=req.date))
                continue
            if problem.allows(staff.id, req.date, req.start, req.end) and problem.refuses(staff.id, req):
                message = t("{name} は {day} の {activity} はできません（{said}）が {session} に配置されています。",
                            "{name} cannot work {activity} on {day} ({said}) but is placed in {session}.",
                            name=staff.name, day=f"{req.date.month}/{req.date.day}", activity=req.activity,
                            said=refusal_text(problem.refused[(staff.id, req.date)]), session=req.label())
            elif problem.allows(staff.id, req.date, req.start, req.end):
                if not mornings_count(problem) or morning_fits(problem.allows, staff.id, req, problem.end):
                    continue
                after = req.date + timedelta(days=1)
                message = t("{name} は {day} の朝は勤務できません（{mark}）が、前日からの {session} が朝まで続きます。",
                            "{name} cannot work the morning of {day} ({mark}) but is placed in {session}, "
                            "which runs into it.",
                            name=staff.name, day=f"{after.month}/{after.day}", mark=said(problem, staff.id, after),
                            session=req.label())
            elif mark is Mark.UNAVAILABLE:
                # what made the day ×, as the person or the sheet said it: 希望休, 有休, 勤務曜日
                word = problem.day_words(staff.id).get(req.date)
                why = day_word_said(word) if word else (
                    t("勤務曜日の外", "not one of their weekdays") if (staff.id, req.date) not in problem.availability
                    and problem.off_weekday(staff.id, req.date) else "×")
                message = t("{name} は {day} に勤務できません（{why}）が {session} に配置されています。",
                            "{name} is unavailable ({why}) on {day} but placed in {session}.",
                            name=staff.name, day=f"{req.date.month}/{req.date.day}", session=req.label(), why=why)
            else:
                message = t("{name} は {day} は {mark} のみ勤務可能ですが {session} に配置されています。",
                            "{name} can only work {mark} on {day} but is placed in {session}.",
                            name=staff.name, day=f"{req.date.month}/{req.date.day}",
                            mark=said(problem, staff.id, req.date), session=req.label())
            out.append(breach(self.info, s, 1, message, staff_id=staff.id,
                              requirement_id=req.id, day=req.date))
        return out


def said(problem: Problem, staff_id: str, day: date) -> str:
    """What the person wrote for the day, as a message quotes it: the hours they are free
    (`15:00〜`) when they gave them with a mark that allows a day's work, else the mark (`午前`)."""
    mark, window = problem.mark(staff_id, day), problem.windows.get((staff_id, day))
    return window_text(Mark.AVAILABLE, *window) if window and mark in (Mark.AVAILABLE, Mark.PREFER_NOT) else mark.value


RULE = Availability()
