"""requests: a person's wish to work (on) or not to work (off) a session or activity on a date.

An on-request is broken when the person works no session of that activity that day (activity ""
means any session, `日勤+準夜` either of the two: a `日勤/準夜` wish in the 勤務可否 sheet); an
off-request when they work at least one. Each broken request costs its own
weight times the rule weight (soft only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


from models.domain import Problem, Requirement, Roster, ShiftRequest, Violation, counted_activities
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import count
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


def matches(request: ShiftRequest, req: Requirement) -> bool:
    """Whether the session is one the request is about."""
    return req.date == request.date and (
        request.activity == "" or req.activity in counted_activities(request.activity, (req.activity,)))


def _wished(request: ShiftRequest) -> str:
    """What a request is about, as a message says it: `日勤`, `日勤か準夜`, or 勤務 (any session)."""
    if not request.activity:
        return t("勤務", "work")
    return t("か", " or ").join(request.activity.split("+"))


def _active(problem: Problem) -> set[str]:
    return {s.id for s in problem.active_staff()}


def _broken(ctx: Context, variables: list[Any], on: bool, weight: int, rule_id: str, label: str) -> Penalty:
    """1 when the request is broken. With several matching sessions, a flag bounded on the one side
    the objective pushes against (on: flag <= their sum, off: flag >= each); `exact` is the truth."""
    if len(variables) <= 1:
        works = variables[0] if variables else 0
        return Penalty(1 - works if on else works, weight, rule_id, label)
    flag = ctx.model.new_bool_var(label)
    if on:
        ctx.model.add(flag <= count(variables))
    else:
        for v in variables:
            ctx.model.add(flag >= v)

    def exact(value: Any) -> int:
        works = any(int(value(v)) for v in variables)
        return int(works != on)

    return Penalty(1 - flag if on else flag, weight, rule_id, label, exact=exact)


class Requests(BaseRule):
    info = RuleInfo(
        id="requests",
        title_ja="勤務希望",
        title_en="Shift requests",
        hard_default=False,
        weight_default=1,
        can_be_hard=False,
        description_ja="勤務したい・したくないという希望が叶わないとき、希望の重み×この重みが掛かる。"
                       "勤務可否シートに勤務名（日勤・夜勤 など）を書いた日は、その勤務の希望（重み 1）。",
        description_en="A request to work or not to work that is not met costs its weight times this weight. "
                       "An activity's name (日勤, 夜勤, …) written in the 勤務可否 sheet asks for it (weight 1).",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        active = _active(ctx.problem)
        out: list[Penalty] = []
        for i, request in enumerate(ctx.problem.requests):
            if request.staff_id not in active:
                continue
            variables = [v for req, v in ctx.on_day(request.staff_id, request.date) if matches(request, req)]
            label = f"request[{i},{request.staff_id},{request.date.isoformat()},{request.activity}]"
            out.append(_broken(ctx, variables, request.on, request.weight * s.weight, self.info.id, label))
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        placed = placed_of(problem, roster)
        active = _active(problem)
        out = []
        for request in problem.requests:
            if request.staff_id not in active:
                continue
            todays = placed.by_staff_day.get((request.staff_id, request.date), [])
            works = any(matches(request, req) for req in todays)
            if works == request.on:
                continue
            name = problem.staff_by_id(request.staff_id).name
            what = _wished(request)
            day = f"{request.date.month}/{request.date.day}"
            if request.on:
                message = t("{name} は {day} に {what} を希望していましたが、入っていません。",
                            "{name} asked for {what} on {day} but did not get it.",
                            name=name, day=day, what=what)
            else:
                message = t("{name} は {day} の {what} を避けたいと希望していましたが、配置されています。",
                            "{name} asked not to do {what} on {day} but is placed.",
                            name=name, day=day, what=what)
            v = breach(self.info, s, 1, message, staff_id=request.staff_id, day=request.date)
            out.append(Violation(v.rule_id, v.hard, v.message, v.cost * request.weight,
                                 v.staff_id, v.requirement_id, v.date))
        return out


RULE = Requests()
