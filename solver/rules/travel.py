"""travel: each assignment outside the person's home area costs the weight (soft), or, made hard,
never happens (full-time public health nurses who work at their own centre only).

A person's home (the per-staff override `home`, else Staff.home, else the rule's `home`) may name a site, which stands
for that site's area, or an area directly, or several of them (`北区・中央区`); people without a home never travel. A site without
an area is its own area. Hard, the rule keeps the pairs outside a person's area out of the model
(`screen`), as availability does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from models.domain import Problem, Requirement, Roster, Staff, Violation, home_names
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


def homes_written(problem: Problem, info: RuleInfo, staff: Staff) -> tuple[str, ...]:
    """The sites or areas the person's home names (several for `北区・中央区`: models.domain.home_names)."""
    places = {s.name for s in problem.sites} | {s.area for s in problem.sites if s.area}
    return home_names(home_of(problem, info, staff), places)


def home_areas(problem: Problem, info: RuleInfo, staff: Staff) -> frozenset[str]:
    """The person's home areas (a site named stands for its area), empty when they have no home."""
    sites = {s.name for s in problem.sites}
    return frozenset(area_of_site(problem, home) if home in sites else home
                     for home in homes_written(problem, info, staff))


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
        homes = home_areas(ctx.problem, self.info, staff)
        if not homes:
            return None
        problem = ctx.problem
        return lambda req: area_of_site(problem, req.site) in homes

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled or s.hard:  # hard: the pairs away from home are not in the model (`screen`)
            return []
        problem = ctx.problem
        homes = {staff.id: home_areas(problem, self.info, staff) for staff in problem.staff}
        out = []
        for (staff_id, req_id), var in ctx.pairs().items():
            home = homes.get(staff_id)
            if home and area_of_site(problem, problem.requirement(req_id).site) not in home:
                out.append(Penalty(var, s.weight, self.info.id, f"travel[{staff_id},{req_id}]"))
        return out

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        def away(staff: Staff, req: Requirement) -> str | None:
            homes, area = home_areas(problem, self.info, staff), area_of_site(problem, req.site)
            return t("{name}（拠点の地区 {home}）は地区外の {session}（{area}）に配置されています。",
                     "{name} (home area {home}) is placed in {session}, in {area}.", name=staff.name,
                     home=t("・", ", ").join(sorted(homes)), session=req.label(),
                     area=area) if homes and area not in homes else None
        return placement_breaches(self.info, problem, roster, away)


RULE = Travel()
