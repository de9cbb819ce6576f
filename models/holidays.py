"""Japanese national holidays (国民の祝日) computed by rule for 2000–2099, no network, no tables to update.

The rules follow the 祝日法 as amended: fixed days, Happy-Monday days, the equinoxes by the
standard astronomical approximation, 振替休日 (a holiday on a Sunday moves to the next
non-holiday) and 国民の休日 (a weekday sandwiched between two holidays). The one-off days of
2019–2021 (the enthronement and the Olympic moves) are listed explicitly.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

FIRST_YEAR = 2000
LAST_YEAR = 2099

SUBSTITUTE = "振替休日"
CITIZENS = "国民の休日"

# One-off holidays and moved holidays of 2019–2021 (special laws, not computable by rule).
_SPECIAL: dict[int, dict[date, str]] = {
    2019: {date(2019, 5, 1): "即位の日", date(2019, 10, 22): "即位礼正殿の儀"},
    2020: {date(2020, 7, 23): "海の日", date(2020, 7, 24): "スポーツの日", date(2020, 8, 10): "山の日"},
    2021: {date(2021, 7, 22): "海の日", date(2021, 7, 23): "スポーツの日", date(2021, 8, 8): "山の日"},
}


def _nth_monday(year: int, month: int, n: int) -> date:
    """The n-th Monday of a month (Happy-Monday holidays)."""
    first = date(year, month, 1)
    offset = (7 - first.weekday()) % 7  # days until the first Monday
    return first + timedelta(days=offset + 7 * (n - 1))


def vernal_equinox_day(year: int) -> int:
    """Day of March of 春分の日 (standard formula, valid 1980–2099)."""
    return int(20.8431 + 0.242194 * (year - 1980) - (year - 1980) // 4)


def autumnal_equinox_day(year: int) -> int:
    """Day of September of 秋分の日 (standard formula, valid 1980–2099)."""
    return int(23.2488 + 0.242194 * (year - 1980) - (year - 1980) // 4)


def _statutory(year: int) -> dict[date, str]:
    """The holidays named by the law itself for one year (before substitutes and sandwiches)."""
    days: dict[date, str] = {
        date(year, 1, 1): "元日",
        _nth_monday(year, 1, 2): "成人の日",
        date(year, 2, 11): "建国記念の日",
        date(year, 3, vernal_equinox_day(year)): "春分の日",
        date(year, 5, 3): "憲法記念日",
        date(year, 5, 5): "こどもの日",
        date(year, 9, autumnal_equinox_day(year)): "秋分の日",
        date(year, 11, 3): "文化の日",
        date(year, 11, 23): "勤労感謝の日",
    }
    if year <= 2018:
        days[date(year, 12, 23)] = "天皇誕生日"
    elif year >= 2020:
        days[date(year, 2, 23)] = "天皇誕生日"
    if year >= 2007:
        days[date(year, 4, 29)] = "昭和の日"
        days[date(year, 5, 4)] = "みどりの日"
    else:
        days[date(year, 4, 29)] = "みどりの日"
    if year not in (2020, 2021):  # moved by the Olympic special law, see _SPECIAL
        days[date(year, 7, 20) if year <= 2002 else _nth_monday(year, 7, 3)] = "海の日"
        if year >= 2016:
            days[date(year, 8, 11)] = "山の日"
        days[_nth_monday(year, 10, 2)] = "体育の日" if year <= 2019 else "スポーツの日"
    days[date(year, 9, 15) if year <= 2002 else _nth_monday(year, 9, 3)] = "敬老の日"
    days.update(_SPECIAL.get(year, {}))
    return days


@lru_cache(maxsize=None)
def holidays_of(year: int) -> dict[date, str]:
    """Every national holiday of `year` with its Japanese name; empty outside 2000–2099."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return {}
    named = _statutory(year)
    result = dict(named)
    for day in sorted(named):
        if day.weekday() != 6:
            continue
        if year < 2007:  # before 2007 only the Monday right after could become 振替休日
            monday = day + timedelta(days=1)
            if monday not in named:
                result[monday] = SUBSTITUTE
            continue
        moved = day + timedelta(days=1)
        while moved in named:
            moved += timedelta(days=1)
        result[moved] = SUBSTITUTE
    for day in sorted(named):
        between = day + timedelta(days=1)
        # 国民の休日: a non-holiday between two statutory holidays (never a Sunday before 2007)
        if between + timedelta(days=1) in named and between not in result:
            if year >= 2007 or between.weekday() != 6:
                result[between] = CITIZENS
    return result


def holiday_name(day: date) -> str | None:
    """The Japanese name of the national holiday on `day` (e.g. `成人の日`), or None."""
    return holidays_of(day.year).get(day)


def is_holiday(day: date) -> bool:
    """Whether `day` is a Japanese national holiday (including 振替休日 and 国民の休日)."""
    return day in holidays_of(day.year)


def is_rest_day(day: date) -> bool:
    """Whether `day` is a Saturday, Sunday or national holiday (shaded in calendars)."""
    return day.weekday() >= 5 or is_holiday(day)
