"""min_consecutive_days: every run of working days strictly inside the plan is at least L long.

L comes from the per-staff override, else Staff.min_consecutive_days, else the rule parameter.
Runs touching the first or last plan day are exempt (see solver.rules.min_run).
"""

from __future__ import annotations

from models.rulemeta import RuleInfo
from solver.rules.counting import limit_param
from solver.rules.min_run import MinRun

RULE = MinRun(
    RuleInfo(
        id="min_consecutive_days",
        title_ja="連続勤務日数の下限",
        title_en="Minimum consecutive working days",
        hard_default=True,
        weight_default=100,
        params=(limit_param("min_consecutive_days", "連続勤務下限（日）", "min consecutive days", 366),),
        description_ja="期間内の連続勤務はこの日数以上。努力ルールのとき不足1日ごとに重みが加算されます。",
        description_en="Shortest run of working days inside the plan; when soft each missing day costs the weight.",
    ),
    working=True,
)
