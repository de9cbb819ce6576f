"""home_site: each assignment at a site other than the person's own costs the weight (soft), or,
made hard, never happens: an after-school club's staff belong to one club, a library's to one
branch, and the travel rule, which counts areas, let 296 of 358 places go to other clubs of the same
district.

A person's own site is their home (as the travel rule reads it: the per-staff override, Staff.home
or the travel rule's `home`) when it names one of the plan's sites; a home naming an area, or none,
costs nothing here. Off by default: a health centre's hygienists, whose home is a centre, go to the
other centres of their area as a matter of course.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from models.domain import Problem, Requirement, Roster, Staff, Violation
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import travel
from solver.rules.base import BaseRule, Penalty
from solver.rules.placed import placement_breaches

if TYPE_CHECKING:
    from solver.context import Context


def home_sites(problem: Problem, staff: Staff) -> frozenset[str]:
    """The sites the person belongs to (several when their 拠点 names several), empty when their home is
    an area or not given."""
    sites = {s.name for s in problem.sites}
    return frozenset(home for home in travel.homes_written(problem, travel.RULE.info, staff) if home in sites)


class HomeSite(BaseRule):
    info = RuleInfo(
        id="home_site",
        title_ja="拠点の会場以外での勤務",
        title_en="Work away from the home site",
        hard_default=False,
        weight_default=1,
        enabled_default=False,
        description_ja="拠点に会場名を書いた人を、その会場以外（同じ地区の会場も）に配置するごとに重みが掛かる。必須にすると、"
                       "拠点の会場でだけ勤務する。拠点が地区名の人、拠点のない人には掛からない。",
        description_en="Each assignment of someone whose home is a site at another site (in the same area too) costs "
                       "the weight; made hard, they work at their own site only. Nothing for a home that is an area, "
                       "or none.",
    )

    def screen(self, ctx: Context, staff: Staff) -> Callable[[Requirement], bool] | None:
        homes = home_sites(ctx.problem, staff)
        return (lambda req: req.site in homes) if homes else None

    def build(self, ctx: Context) -> list[Penalty]:
        s = ctx.setting(self.info)
        if not s.enabled or s.hard:  # hard: the pairs away from the home site are not in the model (`screen`)
            return []
        problem = ctx.problem
        homes = {staff.id: home_sites(problem, staff) for staff in problem.staff}
        return [Penalty(var, s.weight, self.info.id, f"home_site[{staff_id},{req_id}]")
                for (staff_id, req_id), var in ctx.pairs().items()
                if homes.get(staff_id) and problem.requirement(req_id).site not in homes[staff_id]]

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        def away(staff: Staff, req: Requirement) -> str | None:
            homes = home_sites(problem, staff)
            return t("{name}（拠点 {home}）は {session} に配置されています。", "{name} (home site {home}) is placed in "
                     "{session}.", name=staff.name, home=t("・", ", ").join(sorted(homes)),
                     session=req.label()) if homes and req.site not in homes else None
        return placement_breaches(self.info, problem, roster, away)


RULE = HomeSite()
