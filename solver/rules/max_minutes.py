"""max_minutes: a person's worked minutes (Requirement.minutes) stay within
Staff.max_minutes_per_week / per_month / per_plan (or the per-staff override or rule parameter).

Weeks run Monday–Sunday (models.domain.week_start), months are calendar months; a partial week or
month at the plan's edges is limited as it is, with no pro-rating.
Soft: each started hour (60 minutes) above a limit costs weight.
"""

from __future__ import annotations

from models.rulemeta import RuleInfo
from solver.rules.counting import limit_param
from solver.rules.period_totals import PeriodLimit, show_minutes

YEAR = 366 * 24 * 60

RULE = PeriodLimit(
    RuleInfo(
        id="max_minutes",
        title_ja="勤務時間の上限",
        title_en="Maximum working minutes",
        hard_default=True,
        weight_default=100,
        params=(
            limit_param("max_minutes_per_week", "週の上限（分）", "max minutes per week", YEAR),
            limit_param("max_minutes_per_month", "月の上限（分）", "max minutes per month", YEAR),
            limit_param("max_minutes_per_plan", "期間の上限（分）", "max minutes per plan", YEAR),
        ),
        description_ja="週（月〜日）・月・期間ごとの勤務時間の上限。期間の端の週や月も按分しません。計画が週の途中から始まるときは、その週の前の計画の勤務時間も数えます。"
        "努力ルールのとき超過1時間（端数切り上げ）ごとに重みが加算されます。",
        description_en="Working minutes per Monday–Sunday week, calendar month and plan; partial "
        "periods are not pro-rated, and a plan that starts mid-week counts that week's time in the earlier plan "
        "too. When soft each started hour above costs the weight.",
    ),
    upper=True,
    measure=lambda req: req.minutes,
    show=show_minutes,
    unit=60,
)
