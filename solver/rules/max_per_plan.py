"""max_per_plan: a person takes at most Staff.max_per_plan sessions over the whole plan
(or the per-staff override or rule parameter). Soft: each session above the limit costs weight.
"""

from __future__ import annotations

from models.rulemeta import RuleInfo
from solver.rules.counting import limit_param
from solver.rules.period_totals import PeriodLimit, show_count

RULE = PeriodLimit(
    RuleInfo(
        id="max_per_plan",
        title_ja="期間中の勤務回数の上限",
        title_en="Maximum sessions per plan",
        hard_default=True,
        weight_default=100,
        params=(limit_param("max_per_plan", "期間の上限（回）", "max sessions per plan", 10000),),
        description_ja="計画期間全体での勤務回数の上限。",
        description_en="Sessions a person takes over the whole plan.",
    ),
    upper=True,
    measure=lambda req: 1,
    show=show_count,
)
