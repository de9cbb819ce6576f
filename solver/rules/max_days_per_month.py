"""max_days_per_month: a person works on at most N days of one calendar month (月16日まで), however
many sessions each day holds (a morning and an afternoon on one day are one day); the 職員 sheet's
月日数上限, where 月上限 counts sessions. See max_days_per_week.MaxDaysPer."""

from __future__ import annotations

from models.rulemeta import RuleInfo
from solver.rules.counting import limit_param
from solver.rules.max_days_per_week import MaxDaysPer

RULE = MaxDaysPer("month", RuleInfo(
    id="max_days_per_month",
    title_ja="月の勤務日数の上限",
    title_en="Max days per month",
    hard_default=True,
    weight_default=100,
    params=(limit_param("max_days_per_month", "月の日数上限（日）", "max days per month", 31),),
    description_ja="1人が1か月に勤務する日数の上限（同じ日の午前と午後は1日）。職員シートの「月日数上限」で人ごとに指定できます"
                   "（月上限は枠の数）。",
    description_en="Days a person may work in one calendar month (a morning and an afternoon on one day are one "
                   "day); per person in the staff sheet's 月日数上限 (月上限 counts sessions).",
))
