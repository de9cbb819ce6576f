"""min_per_plan: a person takes at least Staff.min_per_plan sessions over the whole plan
(or the per-staff override or rule parameter). Soft: each session missing costs weight.
"""

from __future__ import annotations

from models.rulemeta import RuleInfo
from solver.rules.counting import limit_param
from solver.rules.period_totals import PeriodLimit, show_count

RULE = PeriodLimit(
    RuleInfo(
        id="min_per_plan",
        title_ja="期間中の勤務回数の下限",
        title_en="Minimum sessions per plan",
        hard_default=True,
        weight_default=100,
        params=(limit_param("min_per_plan", "期間の下限（回）", "min sessions per plan", 10000),),
        description_ja="計画期間全体での勤務回数の下限。",
        description_en="Sessions a person takes at least over the whole plan.",
    ),
    upper=False,
    measure=lambda req: 1,
    show=show_count,
)
