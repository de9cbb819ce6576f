"""required_skills: for each (skill, k) of a session, at least k of its staff have that skill; for
each (skill, m) of its `skill_caps`, at most m of them do (`新人:0〜1`, `保健師:2〜3`).

A person holding two of a session's skills counts for both (a ward's leader is one of its
experienced nurses), unless the plan says each skill needs its own people (`distinct`, 設定
必要スキル.スキルごとに別の職員: a clinic's 内科:1、小児科:1 is two doctors, even when one of them
could be either). Then every person counts for one of the skills they hold: in the model a
boolean per person and skill, at most one of them when the person works the session; in the
evaluator the most places a matching of people to skills fills.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from models.stats import skills_short
from solver.rules.base import BaseRule, Penalty, setting
from solver.rules.bounds import at_least, at_most
from solver.rules.placed import breach, placed_of

if TYPE_CHECKING:
    from solver.context import Context


class RequiredSkills(BaseRule):
    info = RuleInfo(
        id="required_skills",
        title_ja="必要スキル",
        title_en="Required skills",
        hard_default=True,
        weight_default=100,
        description_ja="枠ごとに指定されたスキルを持つ職員を指定人数以上配置する（例: リーダー:1）。上限も書ける（保健師:2〜3、"
                       "新人:0〜1）。2つのスキルを持つ人は両方に数える。「スキルごとに別の職員」にすると 1 人は 1 つのスキルに"
                       "だけ数える（内科:1、小児科:1 は医師 2 名）。",
        description_en="Each session gets at least the given number of staff with each required skill, and at most "
                       "the number given as a most (保健師:2〜3, 新人:0〜1). Someone with two of them counts for both, "
                       "unless 'a different person for each skill' is set (内科:1、小児科:1 is then two doctors).",
        params=(Param("distinct", bool, False, "スキルごとに別の職員", "a different person for each skill",
                      per_staff=False),),
    )

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled:
            return []
        distinct = bool(s.params.get("distinct"))
        # a most stays as the manager set it when cover is soft (--soft-cover): a partial roster leaves a
        # night short rather than put a 新人 (新人:0〜0) on it alone
        caps = setting(ctx.problem, self.info)
        out: list[Penalty] = []
        for req in ctx.problem.requirements:
            counted = self.counted(ctx, req) if distinct and len(req.required_skills) > 1 else None
            for skill, k in req.required_skills:
                skilled = counted[skill] if counted is not None else \
                    [v for staff, v in ctx.staff_for(req.id) if skill in staff.skills]
                out += at_least(ctx.model, s, self.info.id, skilled, k, f"skill[{req.id},{skill}]")
            for skill, most in req.skill_caps:
                holders = [v for staff, v in ctx.staff_for(req.id) if skill in staff.skills]
                out += at_most(ctx.model, caps, self.info.id, holders, most, f"skill_cap[{req.id},{skill}]")
        return out

    @staticmethod
    def counted(ctx: Context, req) -> dict[str, list]:
        """For each of the session's skills, what counts towards it when each person counts for one
        skill only: a person with one of them is their pair; one with several gets a boolean per
        skill, at most one of them true, and none unless they work the session."""
        counted: dict[str, list] = {skill: [] for skill, _ in req.required_skills}
        for staff, v in ctx.staff_for(req.id):
            held = [skill for skill in counted if skill in staff.skills]
            if len(held) == 1:
                counted[held[0]].append(v)
            elif held:
                roles = [ctx.model.new_bool_var(f"role[{req.id},{staff.id},{skill}]") for skill in held]
                ctx.model.add(sum(roles) <= v)
                for skill, role in zip(held, roles):
                    counted[skill].append(role)
        return counted

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        s = setting(problem, self.info)
        if not s.enabled:
            return []
        distinct = bool(s.params.get("distinct"))
        placed = placed_of(problem, roster)
        lacking = skills_short(problem, roster)  # counted as the model counts them, `distinct` or not
        out = []
        for req in problem.requirements:
            staff = placed.by_req.get(req.id, [])
            needs = dict(req.required_skills)
            for skill, missing in lacking.get(req.id, []):
                k = needs[skill]
                if not (distinct and len(needs) > 1):
                    message = t(
                        "{session}: {skill} のスキルを持つ職員が {k} 名必要ですが {n} 名です。",
                        "{session}: needs {k} staff with skill {skill}; {n} placed.",
                        session=req.label(), skill=skill, k=k, n=k - missing,
                    )
                else:
                    message = t(
                        "{session}: {skill} のスキルを持つ職員が {k} 名必要ですが、スキルごとに別の職員で数えると {n} 名です。",
                        "{session}: needs {k} staff with skill {skill}; {n} counting each person for one skill only.",
                        session=req.label(), skill=skill, k=k, n=k - missing,
                    )
                out.append(breach(self.info, s, missing, message, requirement_id=req.id, day=req.date))
            for skill, most in req.skill_caps:
                n = sum(1 for person in staff if skill in person.skills)
                if n > most:
                    message = t("{session}: {skill} のスキルを持つ職員は {m} 名までですが {n} 名です。",
                                "{session}: at most {m} staff with skill {skill}; {n} placed.",
                                session=req.label(), skill=skill, m=most, n=n)
                    out.append(breach(self.info, s, n - most, message, requirement_id=req.id, day=req.date))
        return out


RULE = RequiredSkills()
