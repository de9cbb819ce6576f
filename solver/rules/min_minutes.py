"""min_minutes: a person's worked minutes (Requirement.minutes) reach
Staff.min_minutes_per_week / per_month / per_plan (or the per-staff override or rule parameter).

Weeks run Monday–Sunday (models.domain.week_start), months are calendar months; a partial week or
month at the plan's edges is held to the full minimum, with no pro-rating (set the limit with
that in mind, or use the per-plan minimum).
Soft: each started hour (60 minutes) below a limit costs weight.
"""

from __future__ import annotations

from models.rulemeta import Param, RuleInfo
from solver.rules.counting import limit_param
from solver.rules.period_totals import PeriodLimit, show_minutes

YEAR = 366 * 24 * 60
LEAVE_MINUTES = "leave_minutes"

RULE = PeriodLimit(
    RuleInfo(
        id="min_minutes",
        title_ja="勤務時間の下限",
        title_en="Minimum working minutes",
        hard_default=True,
        weight_default=100,
        params=(
            limit_param("min_minutes_per_week", "週の下限（分）", "min minutes per week", YEAR),
            limit_param("min_minutes_per_month", "月の下限（分）", "min minutes per month", YEAR),
            limit_param("min_minutes_per_plan", "期間の下限（分）", "min minutes per plan", YEAR),
            # a nursery's 正規 held to 144 hours a month, her 有休 worked time: `勤務時間の下限.休暇1日の時間 = 480`
            Param(LEAVE_MINUTES, int, 0, "休暇1日の時間（分）", "minutes a day of leave counts", 0, 24 * 60,
                  per_staff=False),
        ),
        description_ja="週（月〜日）・月・期間ごとの勤務時間の下限。期間の端の週や月も按分しません。計画が週の途中から始まるときは、その週の前の計画の勤務時間も数えます。"
        "休暇1日の時間を書くと、有休・研修などの日（希・明・欠勤は除く）をその時間の勤務として数えます。"
        "努力ルールのとき不足1時間（端数切り上げ）ごとに重みが加算されます。",
        description_en="Working minutes per Monday–Sunday week, calendar month and plan; partial "
        "periods are not pro-rated, and a plan that starts mid-week counts that week's time in the earlier plan "
        "too. With minutes a day of leave counts, each day of leave (有休, 研修; not 希, 明, 欠勤) counts as that much "
        "work. When soft each started hour below costs the weight.",
    ),
    upper=False,
    measure=lambda req: req.minutes,
    show=show_minutes,
    unit=60,
    credit=LEAVE_MINUTES,
)
