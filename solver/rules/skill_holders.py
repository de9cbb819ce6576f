"""skill_holders: a session whose required skills' counts make up its whole 必要人数 (a check-up's 小児科医:1、
保健師:3、栄養士:1、事務:1 for 6 people) takes only people holding one of them, up to its most too.

A health centre's dentists had filled its 4か月児健診 seats up to its 目標人数, 14 people of other jobs with
them, while its 必要スキル named every job it wanted; `職種:0〜0` for each job not wanted was the only way out.
A session whose skills leave room (`リーダー:1` of 3) takes anyone. A rule of its own, not a part of
必要スキル: it judges one person and one session, so it keeps pairs out (hard) and stays hard when cover is
made soft (--soft-cover) or linked people are relaxed part by part (solver.parts), where the polling office's
投票管理者 (管理者:1 of 1) had gone to people without 管理者. Soft, each such person costs the weight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from models.domain import Problem, Requirement, Roster, Staff, Violation, skills_make_up
from models.i18n import t
from models.stats import skills_apart
from models.rulemeta import RuleInfo
from solver.rules.base import BaseRule, Penalty
from solver.rules.placed import placement_breaches

if TYPE_CHECKING:
    from solver.context import Context


def made_up(problem: Problem, req: Requirement) -> frozenset[str]:
    """The skills that make up the session's people (`skills_make_up`), but none when someone holds two of them:
    that person counts for both, and leaves a place for anyone. A university's exam of 2 invigilators asked for
    its own teacher (担当K1002:1) and a 教員 (教員:1), the teacher being both: every second invigilator had been a
    教員, 3 sessions each, while the TAs sat idle. Worked out once a set of skills a problem."""
    skills = skills_make_up(req)
    if len(skills) < 2 or skills_apart(problem.rules):  # each skill its own person (設定): they make it up
        return skills
    known = problem.__dict__.setdefault("_skills_made_up", {})
    if skills not in known:
        known[skills] = skills if all(len(skills & staff.skills) < 2 for staff in problem.active_staff()) \
            else frozenset()
    return known[skills]


def made_up_any(problem: Problem) -> bool:
    """Whether any session of the plan is made up by its skills, worked out once a problem (a model of each part
    of a big plan asks it again for every person)."""
    found = problem.__dict__.get("_made_up_any")
    if found is None:
        found = problem.__dict__["_made_up_any"] = any(made_up(problem, r) for r in problem.requirements)
    return found


def holds_one(problem: Problem, staff: Staff, req: Requirement) -> bool:
    """Whether the person may take the session: it is not made up by its skills, or they hold one of them."""
    skills = made_up(problem, req)
    return not skills or not skills.isdisjoint(staff.skills)


class SkillHolders(BaseRule):
    info = RuleInfo(
        id="skill_holders",
        title_ja="スキルの人で埋まる枠",
        title_en="Sessions their skills make up",
        hard_default=True,
        weight_default=100,
        description_ja="必要スキルの人数で必要人数が埋まる枠（小児科医:1、保健師:3 で 4 名）には、そのどれかのスキルを持つ人"
                       "だけを配置する（最大人数まで）。リーダー:1 で 3 名の枠のように余地があれば、だれでも入れる。",
        description_en="A session whose required skills' counts make up its staff (小児科医:1、保健師:3 for 4) takes only "
                       "people holding one of them, up to its most; one with room (リーダー:1 of 3) takes anyone.",
    )

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool] | None:
        if not made_up_any(ctx.problem):
            return None  # asked of every pair it would cost Curtois Instance24 (1.75M pairs) 1 s a model
        problem = ctx.problem
        return lambda req: holds_one(problem, staff, req)

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled or s.hard:  # hard: screen() kept these pairs out
            return []
        problem = ctx.problem
        return [Penalty(var, s.weight, self.info.id, f"skill_holders[{staff_id},{req_id}]")
                for (staff_id, req_id), var in ctx.pairs().items()
                if not holds_one(problem, problem.staff_by_id(staff_id), problem.requirement(req_id))]

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        def outside(staff: Staff, req: Requirement) -> str | None:
            if holds_one(problem, staff, req):
                return None
            return t("{name} は {session} の必要スキル（{skills}）のどれも持っていません（この枠の人数はそのスキルの人で"
                     "埋まります）。", "{name} holds none of the required skills of {session} ({skills}), whose counts "
                     "make up its staff.", name=staff.name, session=req.label(), skills="、".join(skill for skill, k in req.required_skills if k > 0))
        return placement_breaches(self.info, problem, roster, outside)


RULE = SkillHolders()
