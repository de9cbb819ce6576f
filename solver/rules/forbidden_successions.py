"""forbidden_successions: for (a, b) in problem.forbidden_successions, a person who does activity
a on day d may not do activity b on day d+1 (e.g. a night shift followed by an early shift).

The day before the plan counts too: its sessions (Problem.history_sessions, carried in from the
earlier plan's roster) bar their followers on the first plan day. Soft: each (day, a, b)
succession that happens costs weight.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from models.domain import Problem, Roster, RuleSetting, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import all_penalty, any_of, assigned, by_day_from_eve, md, name_of, violation

if TYPE_CHECKING:
    from solver.context import Context


def followers(problem: Problem) -> dict[str, set[str]]:
    """For each activity, the activities that may not follow it the next day."""
    result: dict[str, set[str]] = defaultdict(set)
    for first, then in problem.forbidden_successions:
        result[first].add(then)
    return dict(result)


class ForbiddenSuccessions(BaseRule):
    info = RuleInfo(
        id="forbidden_successions",
        title_ja="禁止された勤務の並び",
        title_en="Forbidden shift successions",
        hard_default=True,
        weight_default=100,
        description_ja="ある勤務の翌日に続けてはいけない勤務（例：準夜の翌日の日勤）。並びはここの「禁止する勤務の並び」の表で"
                       "編集します（Excel では設定シートの「禁止する勤務の並び」に「準夜→日勤、深夜→日勤」のように書きます）。",
        description_en="A shift that may not be followed by another on the next day (e.g. night then early). The "
                       "pairs are edited in the Forbidden successions table here (in Excel, 禁止する勤務の並び on the "
                       "設定 sheet, e.g. 準夜→日勤、深夜→日勤).",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        """Hard: doing a on d forbids every b on d+1. Soft: one penalty per (d, a, b) that happens."""
        setting = ctx.setting(self.info)
        banned = followers(ctx.problem)
        if not setting.enabled or not banned:
            return []
        penalties: list[Penalty] = []
        days = ctx.problem.days()
        for staff in ctx.problem.active_staff():
            tomorrow = self._by_activity(ctx, staff.id, days[0])
            penalties += self._after_eve(ctx, staff.id, tomorrow, banned, setting)
            for day, next_day in zip(days, days[1:]):
                today, tomorrow = tomorrow, self._by_activity(ctx, staff.id, next_day)
                if not tomorrow:
                    continue
                if setting.hard:
                    self._forbid(ctx, staff.id, today, tomorrow, banned)
                    continue
                for first, first_vars in today.items():
                    thens = [b for b in banned.get(first, ()) if b in tomorrow]
                    if not thens:
                        continue
                    key = f"{staff.id},{day.isoformat()}"
                    did_first = any_of(ctx, first_vars, f"does[{key},{first}]")
                    for then in thens:
                        did_then = any_of(ctx, tomorrow[then], f"does[{key}+1,{then}]")
                        label = f"{self.info.id}[{key},{first},{then}]"
                        penalties += all_penalty(ctx, [did_first, did_then], setting.weight, self.info.id, label)
        return penalties

    def _after_eve(self, ctx: Context, staff_id: str, first_day: dict[str, list[Any]], banned: dict[str, set[str]],
                   setting: RuleSetting) -> list[Penalty]:
        """The first plan day against the activities worked the day before the plan."""
        penalties: list[Penalty] = []
        eve = sorted({r.activity for r in ctx.problem.history_sessions.get(staff_id, ())})
        for first in eve:
            for then in sorted(banned.get(first, set()) & first_day.keys()):
                if setting.hard:
                    ctx.model.add(sum(first_day[then]) == 0)
                    continue
                did_then = any_of(ctx, first_day[then], f"does[{staff_id},eve+1,{then}]")
                label = f"{self.info.id}[{staff_id},eve,{first},{then}]"
                penalties += all_penalty(ctx, [did_then], setting.weight, self.info.id, label)
        return penalties

    @staticmethod
    def _forbid(ctx: Context, staff_id: str, today: dict[str, list[Any]], tomorrow: dict[str, list[Any]],
                banned: dict[str, set[str]]) -> None:
        """Hard: no banned pair on two days. Activities of today with the same banned set share
        one constraint: with one session a day, sum(today's group) + sum(tomorrow's banned) <= 1
        (a clique the LP keeps); otherwise each of today's sessions forbids all of them."""
        groups: dict[tuple[str, ...], list[Any]] = defaultdict(list)
        for first, first_vars in today.items():
            thens = tuple(sorted(b for b in banned.get(first, ()) if b in tomorrow))
            if thens:
                groups[thens] += first_vars
        one_a_day = ctx.one_a_day(staff_id)
        for thens, first_vars in groups.items():
            later = [v for b in thens for v in tomorrow[b]]
            if one_a_day:
                ctx.model.add_at_most_one(first_vars + later)
                continue
            negated = [v.Not() for v in later]
            for var in first_vars:
                ctx.model.add_bool_and(negated).only_enforce_if(var)

    @staticmethod
    def _by_activity(ctx: Context, staff_id: str, day: Any) -> dict[str, list[Any]]:
        result: dict[str, list[Any]] = defaultdict(list)
        for req, var in ctx.on_day(staff_id, day):
            result[req.activity].append(var)
        return result

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person, day d and forbidden pair (a, b) done on d and d+1."""
        setting = base.setting(problem, self.info)
        banned = followers(problem)
        if not setting.enabled or not banned:
            return []
        found: list[Violation] = []
        for staff_id, reqs in assigned(problem, roster).items():
            by_day = {day: {r.activity for r in day_reqs} for day, day_reqs in by_day_from_eve(problem, staff_id, reqs).items()}
            for day in sorted(by_day):
                nexts = by_day.get(day + timedelta(days=1), set())
                for first in sorted(by_day[day]):
                    for then in sorted(banned.get(first, set()) & nexts):
                        message = t(
                            "{name} は {day} の {a} の翌日に {b} が入っています（禁止された並び）。",
                            "{name} has {b} the day after {a} on {day} (forbidden succession).",
                            name=name_of(problem, staff_id), day=md(day), a=first, b=then,
                        )
                        found.append(violation(self.info, setting, 1, message, staff_id, max(day, problem.start)))
        return found


RULE = ForbiddenSuccessions()
