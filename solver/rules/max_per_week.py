"""max_per_week: a person works at most N sessions in one Monday–Sunday week (the first week of a plan
with its days before the plan, from the earlier plan's roster)."""

from __future__ import annotations

from models.domain import week_start
from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules.period_limit import PeriodLimit

RULE = PeriodLimit(
    RuleInfo(
        id="max_per_week",
        title_ja="週の上限",
        title_en="Max per week",
        hard_default=True,
        weight_default=100,
        params=(Param("max_per_week", int, None, "週の上限回数", "Max sessions per week", minimum=0),),
        description_ja="1人が1週間（月〜日）に入る枠の数の上限。計画が週の途中から始まるときは、その週の前の計画の勤務も数えます。",
        description_en="How many sessions a person may work in one Monday–Sunday week; a plan that starts mid-week "
        "counts that week's sessions of the earlier plan too.",
    ),
    "max_per_week",
    week_start,
    lambda day: t("{m}/{d} からの週", "the week of {m}/{d}",
                  m=week_start(day).month, d=week_start(day).day),
    weekly=True,
)
