"""one_site_per_day: a person's sessions of one day are all at one site (a polling station's 前半 and
後半, a health check's nurse staying at the same hall for the morning and the afternoon).

The travel rule prices a move between sites, and no_overlap keeps its minutes free; where the sites
are close (travel 0) a person went from 本庁 in the morning to 南支所 in the afternoon, unsaid. Off by
default: a health centre's hygienist takes a morning session at one centre and an afternoon one at
another as a matter of course. Soft: each site more than one in a day costs weight.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from models.domain import Problem, Roster, Violation
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from models.textparse import skill_list
from solver.rules import base
from solver.rules.base import BaseRule, Penalty
from solver.rules.counting import bounded, holds_a_job, name_of, violation
from solver.rules.placed import placed_of

if TYPE_CHECKING:
    from solver.context import Context


class OneSitePerDay(BaseRule):
    info = RuleInfo(
        id="one_site_per_day",
        title_ja="1日に1会場",
        title_en="One site a day",
        hard_default=True,
        weight_default=10,
        enabled_default=False,
        params=(Param("jobs", str, "", "対象の職種", "jobs it applies to", per_staff=False),),
        description_ja="1人が同じ日に入る枠は、すべて同じ会場にする（午前と午後で会場を変えない）。対象の職種を書くと、"
                       "そのスキルを持つ人だけ（例: 看護師）。",
        description_en="A person's sessions of one day are all at the same site (no morning here and afternoon there). "
                       "With jobs named (skills, e.g. 看護師), only the people holding one.",
    )

    def build(self, ctx: Context) -> list[Penalty]:
        """Per person and day with sessions at two sites or more to take: a boolean per site, true
        when a session there is taken; at most one of them."""
        setting = ctx.setting(self.info)
        if not setting.enabled:
            return []
        penalties: list[Penalty] = []
        jobs = skill_list(setting.params.get("jobs") or "")
        for staff in ctx.problem.active_staff():
            if not holds_a_job(jobs, staff):
                continue
            for day in ctx.problem.days():
                by_site: dict[str, list] = defaultdict(list)
                for req, var in ctx.on_day(staff.id, day):
                    by_site[req.site].append(var)
                if len(by_site) < 2:
                    continue
                used = []
                for site, taken in by_site.items():
                    there = ctx.model.new_bool_var(f"site[{staff.id},{day},{site}]")
                    for var in taken:
                        ctx.model.add_implication(var, there)
                    used.append((1, there))
                label = f"{self.info.id}[{staff.id},{day}]"
                penalties += bounded(ctx, used, 1, True, setting, self.info.id, label)
        return penalties

    def check(self, problem: Problem, roster: Roster) -> list[Violation]:
        """One violation per person and day at more than one site, costing the sites beyond the first."""
        setting = base.setting(problem, self.info)
        if not setting.enabled:
            return []
        sites: dict[tuple[str, object], list[str]] = defaultdict(list)
        for staff_id, reqs in placed_of(problem, roster).by_staff.items():
            for req in sorted(reqs, key=lambda r: r.start):
                if req.site not in sites[(staff_id, req.date)]:
                    sites[(staff_id, req.date)].append(req.site)
        found: list[Violation] = []
        jobs = skill_list(setting.params.get("jobs") or "")
        for (staff_id, day), names in sorted(sites.items(), key=lambda item: (item[0][1], item[0][0])):
            if len(names) < 2 or not holds_a_job(jobs, problem.staff_by_id(staff_id)):
                continue
            message = t("{name} は {m}/{d} に {sites} の {n} か所で勤務します（1日に1会場）。",
                        "{name} works at {n} sites on {m}/{d}: {sites} (one site a day).",
                        name=name_of(problem, staff_id), m=day.month, d=day.day, sites=t("・", ", ").join(names),
                        n=len(names))
            found.append(violation(self.info, setting, len(names) - 1, message, staff_id, day))
        return found


RULE = OneSitePerDay()
