from __future__ import annotations

from datetime import timedelta

from factories import MONDAY, fixed, person, problem, roster, session, soft
from models.domain import RuleSetting
from solver.rules.continuity import RULE

WEEK = [session(day=MONDAY + timedelta(days=7 * k), min_staff=1) for k in range(3)]
OTHER = session(day=MONDAY, site="東", min_staff=1)
ON = {"continuity": soft(4)}


def plan(**kw):
    return problem([person("A"), person("B"), person("C")], [*WEEK, OTHER], days=21, **kw)


def test_a_different_person_each_time_costs_each_extra_person() -> None:
    p = plan(rules=ON)
    changing = [("A", WEEK[0].id), ("B", WEEK[1].id), ("C", WEEK[2].id)]
    assert fixed(p, changing, [RULE]) == 2 * 4
    [v] = RULE.check(p, roster(*changing))
    assert not v.hard and v.cost == 8 and "3" in v.message


def test_the_same_person_returning_costs_nothing() -> None:
    p = plan(rules=ON)
    same = [("A", WEEK[0].id), ("A", WEEK[1].id), ("A", WEEK[2].id), ("B", OTHER.id)]
    assert fixed(p, same, [RULE]) == 0
    assert RULE.check(p, roster(*same)) == []


def test_series_size_is_the_largest_session_and_single_sessions_are_no_series() -> None:
    big = [session(day=MONDAY, min_staff=2), session(day=MONDAY + timedelta(days=1), min_staff=1)]
    p = problem([person("A"), person("B"), person("C")], big, rules=ON)
    two = [("A", big[0].id), ("B", big[0].id), ("B", big[1].id)]
    assert fixed(p, two, [RULE]) == 0 and RULE.check(p, roster(*two)) == []
    three = [("A", big[0].id), ("B", big[0].id), ("C", big[1].id)]
    assert fixed(p, three, [RULE]) == 4 and RULE.check(p, roster(*three))[0].cost == 4
    alone = problem([person("A"), person("B")], [session(min_staff=1)], rules=ON)
    assert RULE.check(alone, roster(("A", alone.requirements[0].id), ("B", alone.requirements[0].id))) == []


def test_off_by_default_and_when_disabled() -> None:
    changing = [("A", WEEK[0].id), ("B", WEEK[1].id), ("C", WEEK[2].id)]
    assert RULE.check(plan(), roster(*changing)) == []
    assert RULE.check(plan(rules={"continuity": RuleSetting(enabled=False)}), roster(*changing)) == []


def test_switched_on_from_the_settings_sheet(tmp_path) -> None:
    import openpyxl

    from models.excel.importer import read_workbooks
    from solver.rules import CATALOGUE

    book = openpyxl.Workbook()
    book.remove(book.active)
    sheets = {
        "職員": [["職員ID", "氏名"], ["H001", "山田 花子"], ["H002", "佐藤 次郎"]],
        "枠": [["日付", "会場", "内容", "開始", "終了", "必要人数"],
              ["2026-04-06", "灘", "3歳児健診", "13:00", "16:00", 1],
              ["2026-04-13", "灘", "3歳児健診", "13:00", "16:00", 1]],
        "勤務可否": [["職員ID", "氏名", "2026-04-06", "2026-04-13"], ["H001", "", "○", "○"], ["H002", "", "○", "○"]],
        "設定": [["項目", "値"], ["continuity.有効", "はい"], ["continuity.重み", 6], ["travel.home", "灘区"]],
    }
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(tmp_path / "plan.xlsx")
    p = read_workbooks([tmp_path / "plan.xlsx"], CATALOGUE)
    assert p.rules["continuity"].enabled and p.rules["continuity"].weight == 6
    assert p.rules["travel"].params["home"] == "灘区"
    first, second = sorted(r.id for r in p.requirements)
    [v] = RULE.check(p, roster(("H001", first), ("H002", second)))
    assert v.cost == 6


def test_only_the_activities_named_and_a_size_the_manager_sets() -> None:
    """An agency's daily 緊急当番 formed a 'series' that continuity gave to the same few nurses; and
    'one or two nurses per patient' could not be said."""
    changing = [("A", WEEK[0].id), ("B", WEEK[1].id), ("C", WEEK[2].id)]
    other_kind = plan(rules={"continuity": soft(4, activities="教室、訪問")})
    assert fixed(other_kind, changing, [RULE]) == 0 and RULE.check(other_kind, roster(*changing)) == []
    named = plan(rules={"continuity": soft(4, activities="3歳児健診")})
    assert fixed(named, changing, [RULE]) == 8
    two = plan(rules={"continuity": soft(4, people=2)})
    assert fixed(two, changing, [RULE]) == 4 and sum(v.cost for v in RULE.check(two, roster(*changing))) == 4


def test_day_by_day_a_skills_holders_alone_count() -> None:
    """A vaccination venue's morning and afternoon: one doctor through the day, the nurses free to change,
    and another doctor the next day costs nothing (a month's series of 集団接種 had asked nothing useful)."""
    needs = (("医師", 1),)
    days = [session(day=MONDAY + timedelta(days=d), site="市民会館", activity="接種", start=start, end=end, min_staff=2,
                    required_skills=needs) for d in range(2) for start, end in (("09:00", "12:00"), ("13:00", "16:00"))]
    doctor = frozenset({"医師"})
    staff = [person("D1", skills=doctor), person("D2", skills=doctor), person("N1"), person("N2")]
    on = {"continuity": soft(4, daily=True, skill="医師")}
    p = problem(staff, days, rules=on)
    steady = [("D1", days[0].id), ("N1", days[0].id), ("D1", days[1].id), ("N2", days[1].id),
              ("D2", days[2].id), ("N1", days[2].id), ("D2", days[3].id), ("N1", days[3].id)]
    assert fixed(p, steady, [RULE]) == 0 and RULE.check(p, roster(*steady)) == []
    swapped = [("D1", days[0].id), ("N1", days[0].id), ("D2", days[1].id), ("N2", days[1].id)]
    assert fixed(p, swapped, [RULE]) == 4
    [v] = RULE.check(p, roster(*swapped))
    assert v.cost == 4 and v.message.startswith("4/6 接種 at 市民会館 (2 sessions) uses 2 different 医師 people")
