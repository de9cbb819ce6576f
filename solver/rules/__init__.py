"""The rule catalogue: every rule module, in the order the rules dialog shows them.

Adding a rule means one new module exporting `RULE` and one line here; the rules dialog and the
Excel `設定` sheet are generated from `CATALOGUE`.
"""

from __future__ import annotations

from models.domain import RuleSetting
from models.i18n import t
from models.rulemeta import RuleInfo
from solver.rules import (
    availability,
    band_cover,
    continuity,
    cover_max,
    cover_min,
    cover_target,
    days_off_after_night,
    desired_count,
    fiscal_fairness,
    forbidden_successions,
    home_site,
    load_spread,
    locks,
    max_consecutive_days,
    max_days_per_month,
    max_days_per_week,
    max_double_days,
    max_minutes,
    max_per_activity,
    max_per_day,
    max_per_month,
    max_per_plan,
    max_per_week,
    max_weekends,
    min_consecutive_days,
    min_consecutive_days_off,
    max_days_off,
    min_days_off,
    min_minutes,
    min_per_plan,
    min_rest,
    no_overlap,
    one_site_per_day,
    pay_cap,
    prefer_not,
    repair,
    required_skills,
    requests,
    skill_holders,
    travel,
    weekend_spread,
)
from solver.rules.base import Rule

RULES: list[Rule] = [
    cover_min.RULE,
    cover_max.RULE,
    required_skills.RULE,
    skill_holders.RULE,
    band_cover.RULE,
    availability.RULE,
    no_overlap.RULE,
    max_per_day.RULE,
    max_double_days.RULE,
    max_per_week.RULE,
    max_days_per_week.RULE,
    max_per_month.RULE,
    max_days_per_month.RULE,
    max_per_plan.RULE,
    min_per_plan.RULE,
    max_per_activity.RULE,
    max_minutes.RULE,
    min_minutes.RULE,
    max_consecutive_days.RULE,
    min_consecutive_days.RULE,
    min_consecutive_days_off.RULE,
    min_days_off.RULE,
    max_days_off.RULE,
    max_weekends.RULE,
    forbidden_successions.RULE,
    days_off_after_night.RULE,
    min_rest.RULE,
    pay_cap.RULE,
    locks.RULE,
    cover_target.RULE,
    prefer_not.RULE,
    requests.RULE,
    desired_count.RULE,
    load_spread.RULE,
    weekend_spread.RULE,
    fiscal_fairness.RULE,
    continuity.RULE,
    travel.RULE,
    home_site.RULE,
    one_site_per_day.RULE,
    repair.RULE,
]

CATALOGUE: list[RuleInfo] = [r.info for r in RULES]

_BY_ID = {r.info.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with this id; KeyError when there is none."""
    return _BY_ID[rule_id]


def title(rule_id: str) -> str:
    """The rule's title in the current language (its id if there is no such rule)."""
    found = _BY_ID.get(rule_id)
    return rule_id if found is None else t(found.info.title_ja, found.info.title_en)


def default_settings() -> dict[str, RuleSetting]:
    """A fresh setting per rule from its metadata (enabled, hard/soft, weight, parameter defaults)."""
    return {
        info.id: RuleSetting(
            enabled=info.enabled_default,
            hard=info.hard_default,
            weight=info.weight_default,
            params={p.name: p.default for p in info.params},
        )
        for info in CATALOGUE
    }
