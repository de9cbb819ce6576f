"""travel: each assignment outside the person's home area costs the weight (soft), or, made hard,
never happens (full-time public health nurses who work at their own centre only).

A person's home (the per-staff override `home`, else Staff.home, else the rule's `home`) may name a site, which stands
for that site's area, or an area directly; people without a home never travel. A site without
an area is its own area. Hard, the rule keeps the pairs outside a person's area out of the model
(`screen`), as availability does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from models.domain import Problem, Requirement, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules.base import BaseRule, Penalty, limit, setting
from solver.rules.placed import placement_breaches

if TYPE_CHECKING:
    from solver.context import Context


def area_of_site(problem: Problem, site: str) -> str:
    """The area of a site (its own name when it has none)."""
    return problem.site(site).area or site


def home_of(problem: Problem, info: RuleInfo, staff: Staff) -> str:
    """The person's home as written (the per-staff override, else Staff.home, else the rule's `home`
    of `info`, the travel rule's): a site or an area, "" when they have none."""
    home = str(limit(problem, info, "home", staff) or "").strip()
    if not home:  # Staff.home is "" (not None) when unset: fall back to the rule's own default
        home = str(setting(problem, info).params.get("home") or "").strip()
    return home


def home_area(problem: Problem, info: RuleInfo, staff: Staff) -> str:
    """The person's home area, or "" when they have no home."""
    home = home_of(problem, info, staff)
    if home and any(s.name == home for s in problem.sites):
        return area_of_site(problem, home)
    return home


class Travel(BaseRule):
    info = RuleInfo(
        id="travel",
        title_ja="担当地区外への移動",
        title_en="Travel outside the home area",
        hard_default=False,
        weight_default=1,
        params=(Param("home", str, "", "拠点（会場名または地区）", "Home (a site or an area)"),),
        description_ja="拠点の地区とは別の地区の会場への配置1件ごとに重みが掛かる。必須にすると、拠点のある人は地区外に配置されない。",
        description_en="Each assignment at a site outside the person's home area costs the weight; made hard, "
                       "people with a home are placed in their area only.",
    )

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool] | None:
        home = home_area(ctx.problem, self.info, staff)
        if not home:
            return None
        problem = ctx.problem
        return lambda req: area_of_site(problem, req.site) == home

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled or s.hard:  # hard: the pairs away from home are not in the model (`screen`)
            return []
        problem = ctx.problem
        homes = {staff.id: home_area(problem, self.info, staff) for staff in problem.staff}
        out = []
        for (staff_id, req_id), var in ctx.pairs().items():
            home = homes.get(staff_id, "")
            if home and area_of_site(problem, problem.requirement(req_id).site) != home:
                out.append(Penalty(var, s.weight, self.info.id, f"travel[{staff_id},{req_id}]"))
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        def away(staff: Staff, req: Requirement) -> str | None:
            home, area = home_area(problem, self.info, staff), area_of_site(problem, req.site)
            return t("{name}（拠点の地区 {home}）は地区外の {session}（{area}）に配置されています。",
                     "{name} (home area {home}) is placed in {session}, in {area}.",
                     name=staff.name, home=home, session=req.label(), area=area) if home and area != home else None
        return placement_breaches(self.info, problem, roster, away)


RULE = Travel()
