"""The rule catalogue: every rule module, in the order the rules dialog shows them.

Adding a rule means one new module exporting `RULE` and one line here; the rules dialog and the
Excel `設定` sheet are generated from `CATALOGUE`.
"""

from __future__ import annotations

from models.domain import RuleSetting
from models.rulemeta import RuleInfo
from solver.rules import (
    availability,
    cover_max,
    cover_min,
    cover_target,
    desired_count,
    load_spread,
    locks,
    max_per_day,
    max_per_month,
    max_per_week,
    no_overlap,
    prefer_not,
    repair,
    required_skills,
    requests,
)
from solver.rules.base import Rule

RULES: list[Rule] = [
    cover_min.RULE,
    cover_max.RULE,
    required_skills.RULE,
    availability.RULE,
    no_overlap.RULE,
    max_per_day.RULE,
    max_per_week.RULE,
    max_per_month.RULE,
    locks.RULE,
    cover_target.RULE,
    prefer_not.RULE,
    requests.RULE,
    desired_count.RULE,
    load_spread.RULE,
    repair.RULE,
]

CATALOGUE: list[RuleInfo] = [r.info for r in RULES]

_BY_ID = {r.info.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with this id; KeyError when there is none."""
    return _BY_ID[rule_id]


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
