"""max_per_day: a person works at most N sessions on one date (Staff.max_per_day or the parameter), and at
most the day's own cap where their marks give one (`1枠のみ`: Problem.day_caps)."""

from __future__ import annotations

from models.i18n import t
from models.rulemeta import Param, RuleInfo
from solver.rules.period_limit import PeriodLimit

RULE = PeriodLimit(
    RuleInfo(
        id="max_per_day",
        title_ja="1日の上限",
        title_en="Max per day",
        hard_default=True,
        weight_default=100,
        params=(Param("max_per_day", int, None, "1日の上限回数", "Max sessions per day", minimum=0),),
        description_ja="1人が1日に入る枠の数の上限（職員ごとの値が優先）。",
        description_en="How many sessions a person may work on one day (the person's own value wins).",
    ),
    "max_per_day",
    lambda day: day,
    lambda day: t("{m}/{d}", "{m}/{d}", m=day.month, d=day.day),
    own=lambda problem, staff_id, day: problem.day_cap(staff_id, day),  # `1枠のみ` in the day's cell
)
