"""Japanese national holidays computed by rule, checked against the published calendars."""

from datetime import date

import pytest

from models.holidays import holiday_name, holidays_of, is_holiday, is_rest_day


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 1, 1), "元日"),
        (date(2026, 1, 12), "成人の日"),
        (date(2026, 2, 11), "建国記念の日"),
        (date(2026, 2, 23), "天皇誕生日"),
        (date(2026, 3, 20), "春分の日"),
        (date(2026, 4, 29), "昭和の日"),
        (date(2026, 5, 6), "振替休日"),
        (date(2026, 7, 20), "海の日"),
        (date(2026, 9, 21), "敬老の日"),
        (date(2026, 9, 22), "国民の休日"),
        (date(2026, 9, 23), "秋分の日"),
        (date(2026, 10, 12), "スポーツの日"),
        (date(2027, 1, 11), "成人の日"),
        (date(2027, 3, 22), "振替休日"),
        (date(2024, 3, 20), "春分の日"),
        (date(2023, 3, 21), "春分の日"),
        (date(2024, 9, 22), "秋分の日"),
        (date(2024, 9, 23), "振替休日"),
        (date(2015, 9, 22), "国民の休日"),
        (date(2019, 4, 30), "国民の休日"),
        (date(2019, 5, 1), "即位の日"),
        (date(2019, 5, 2), "国民の休日"),
        (date(2019, 8, 12), "振替休日"),
        (date(2020, 7, 24), "スポーツの日"),
        (date(2018, 12, 24), "振替休日"),
        (date(2006, 4, 29), "みどりの日"),
        (date(2007, 4, 29), "昭和の日"),
        (date(2002, 7, 20), "海の日"),
        (date(2003, 7, 21), "海の日"),
        (date(2012, 10, 8), "体育の日"),
    ],
)
def test_known_holidays(day: date, name: str) -> None:
    assert is_holiday(day)
    assert holiday_name(day) == name


@pytest.mark.parametrize(
    "day",
    [date(2026, 1, 2), date(2026, 5, 7), date(2026, 9, 24), date(2019, 12, 23), date(2020, 7, 20),
     date(2020, 10, 12), date(2026, 8, 10), date(2100, 1, 1), date(1999, 1, 1)],
)
def test_ordinary_days_are_not_holidays(day: date) -> None:
    assert not is_holiday(day)
    assert holiday_name(day) is None


def test_a_year_has_the_published_number_of_holidays() -> None:
    assert len(holidays_of(2026)) == 18
    assert len(holidays_of(2027)) == 17
    assert len(holidays_of(2019)) == 22


def test_rest_days_are_weekends_and_holidays() -> None:
    assert is_rest_day(date(2026, 4, 4))  # Saturday
    assert is_rest_day(date(2026, 4, 5))  # Sunday
    assert is_rest_day(date(2026, 4, 29))  # 昭和の日, a Wednesday
    assert not is_rest_day(date(2026, 4, 30))
