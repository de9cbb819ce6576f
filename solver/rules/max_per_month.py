"""max_per_month: a person works at most N sessions in one calendar month."""

from __future__ import annotations

from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules.period_limit import PeriodLimit

RULE = PeriodLimit(
    RuleInfo(
        id="max_per_month",
        title_ja="月の上限",
        title_en="Max per month",
        hard_default=True,
        weight_default=100,
        params=(Param("max_per_month", int, None, "月の上限回数", "Max sessions per month", minimum=0),),
        description_ja="1人が1か月（暦月）に入る枠の数の上限。",
        description_en="How many sessions a person may work in one calendar month.",
    ),
    "max_per_month",
    lambda day: (day.year, day.month),
    lambda day: t("{y}年{m}月", "{y}-{m:02d}", y=day.year, m=day.month),
)
