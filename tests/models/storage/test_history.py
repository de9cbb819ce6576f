"""A plan carries in the days worked just before it and the fiscal year's earlier counts and pay."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from models.domain import Assignment, Problem, Requirement, Roster, Staff
from models.stats import person_stats
from models.storage import Database
from models.storage.history import fiscal_year_start
from solver.rules import pay_cap


def _month(name: str, start: date, days: int, staff: list[Staff] | None = None) -> Problem:
    """A plan of `days` days from `start`, one 3-hour session each day, for H001 and H002 (or `staff`)."""
    staff = staff or [Staff("H001", "山田"), Staff("H002", "佐藤")]
    reqs = [
        Requirement(Requirement.make_id(start + timedelta(d), "灘", "健診", 780), start + timedelta(d), "灘", "健診",
                    780, 960, 1)
        for d in range(days)
    ]
    return Problem(name, start, start + timedelta(days - 1), staff=staff, requirements=reqs)


def test_fiscal_year_starts_in_april() -> None:
    assert fiscal_year_start(date(2027, 1, 10)) == date(2026, 4, 1)
    assert fiscal_year_start(date(2027, 4, 1)) == date(2027, 4, 1)


def test_history_and_counts_come_from_earlier_plans(tmp_path: Path) -> None:
    with Database(tmp_path / "h.sqlite3") as db:
        march = _month("3月", date(2027, 3, 1), 31)  # the previous fiscal year
        db.save_problem("3月", march)
        db.save_solution("3月", Roster([Assignment("H001", r.id) for r in march.requirements]))
        april = _month("4月", date(2027, 4, 1), 30)
        db.save_problem("4月", april)
        draft = Roster([Assignment("H001", r.id) for r in april.requirements[:10]])
        db.save_solution("4月", draft)
        published = Roster([Assignment("H002", r.id) for r in april.requirements[-3:]])
        db.publish("4月", db.save_solution("4月", published))
        db.save_solution("4月", draft)  # a newer draft: the published version still counts
        may = _month("5月", date(2027, 5, 1), 31)
        db.save_problem("5月", may)

        carried = db.load_problem("5月")
        assert carried.history_counts == {"H002": 3}  # March is another fiscal year
        assert carried.history_weekend_days == {"H002": 1}  # 4/29, 昭和の日: a weekend day for weekend_spread
        assert carried.history == {"H002": (date(2027, 4, 28), date(2027, 4, 29), date(2027, 4, 30))}

        april_loaded = db.load_problem("4月")  # March's last fortnight, but no fiscal-year count
        assert april_loaded.history_counts == {} and april_loaded.history_weekend_days == {}
        assert april_loaded.history["H001"][0] == date(2027, 3, 18) and len(april_loaded.history["H001"]) == 14


def test_history_is_worked_out_afresh_not_kept_from_a_save(tmp_path: Path) -> None:
    """February loaded and saved back (a desktop save, haichi collect) used to keep January's roster
    of that moment: a January re-solved and published afterwards was never seen again."""
    with Database(tmp_path / "h.sqlite3") as db:
        january = _month("1月", date(2027, 1, 1), 31)
        db.save_problem("1月", january)
        db.save_solution("1月", Roster([Assignment("H001", r.id) for r in january.requirements[-5:]]))
        db.save_problem("2月", _month("2月", date(2027, 2, 1), 28))
        db.save_problem("2月", db.load_problem("2月"))
        db.publish("1月", db.save_solution("1月", Roster([Assignment("H002", r.id) for r in january.requirements[-2:]])))

        february = db.load_problem("2月")
        assert february.history_counts == {"H002": 2}
        assert february.history_unpriced_minutes == {"H002": 2 * 180}  # January gave no hourly rate
        assert [(s.plan, s.version, s.published) for s in february.history_sources] == [("1月", 2, True)]


def test_a_month_imported_twice_counts_once_from_its_published_roster(tmp_path: Path) -> None:
    """The same sessions under two plan names (January imported again as "1月 再"): each session
    counts once, from the published roster, not from both."""
    with Database(tmp_path / "h.sqlite3") as db:
        january = _month("1月", date(2027, 1, 1), 31)
        for name, person in (("1月", "H001"), ("1月 再", "H002")):
            db.save_problem(name, january)
            db.save_solution(name, Roster([Assignment(person, r.id) for r in january.requirements]))
        db.publish("1月 再", 1)
        february = db.carry_history(_month("2月", date(2027, 2, 1), 28))  # not saved yet: an import
        assert february.history_counts == {"H002": 31}
        assert {(s.plan, s.published, s.sessions) for s in february.history_sources} == {
            ("1月 再", True, 31), ("1月", False, 0)}


def test_the_eve_sessions_are_carried(tmp_path: Path) -> None:
    with Database(tmp_path / "h.sqlite3") as db:
        january = _month("1月", date(2027, 1, 1), 31)
        db.save_problem("1月", january)
        db.save_solution("1月", Roster([Assignment("H001", r.id) for r in january.requirements[-2:]]))
        db.save_problem("2月", _month("2月", date(2027, 2, 1), 28))
        february = db.load_problem("2月")
        assert [(r.id, r.date, r.site, r.activity, r.start, r.end) for r in february.history_sessions["H001"]] == [
            (january.requirements[-1].id, date(2027, 1, 31), "灘", "健診", 780, 960)]
        assert set(february.history_sessions) == {"H001"}  # January 30th is not the eve


def test_the_sessions_earlier_in_the_first_week_are_carried(tmp_path: Path) -> None:
    """February 2027 starts on a Monday: nothing of January is in its first week; March 2027 starts
    on a Monday too, so a plan from Wednesday March 3rd is the one to carry Monday and Tuesday."""
    with Database(tmp_path / "h.sqlite3") as db:
        january = _month("1月", date(2027, 1, 1), 31)
        db.save_problem("1月", january)
        db.save_solution("1月", Roster([Assignment("H001", r.id) for r in january.requirements[-5:]]))
        assert db.carry_history(_month("2月", date(2027, 2, 1), 28)).history_week == {}
        early = _month("3月前半", date(2027, 3, 1), 2)
        db.save_problem("3月前半", early)
        db.save_solution("3月前半", Roster([Assignment("H002", r.id) for r in early.requirements]))
        march = db.carry_history(_month("3月", date(2027, 3, 3), 29))
        assert {s: [r.date for r in reqs] for s, reqs in march.history_week.items()} == {
            "H002": [date(2027, 3, 1), date(2027, 3, 2)]}


def test_a_pay_cap_year_from_january_carries_the_pay_of_the_calendar_year(tmp_path: Path) -> None:
    """With the cap's year from January, February carries January's pay alone, and the fiscal year's
    counts from April as before."""
    from models.domain import RuleSetting

    january_rules = {"pay_cap": RuleSetting(params={"year_start_month": 1})}
    with Database(tmp_path / "h.sqlite3") as db:
        for name, start, days in (("12月", date(2026, 12, 1), 31), ("1月", date(2027, 1, 1), 31)):
            plan = _month(name, start, days, [Staff("H001", "山田", hourly_rate=1000)])
            db.save_problem(name, plan)
            db.publish(name, db.save_solution(name, Roster([Assignment("H001", r.id) for r in plan.requirements[:2]])))
        february = _month("2月", date(2027, 2, 1), 28, [Staff("H001", "山田", hourly_rate=1000)])
        fiscal = db.carry_history(february)
        assert fiscal.history_counts == {"H001": 4} and fiscal.history_pay == {"H001": 4 * 3000}
        calendar = db.carry_history(february.with_(rules=january_rules))
        assert calendar.history_counts == {"H001": 4} and calendar.history_pay == {"H001": 2 * 3000}
        db.save_problem("2月", february.with_(rules=january_rules))
        assert db.load_problem("2月").history_pay == {"H001": 2 * 3000}


# -- the fiscal year's pay, each earlier plan at its own rate ------------------------------------
def _worked(db: Database, plan: Problem, person: str, sessions: int) -> None:
    db.save_problem(plan.name, plan)
    roster = Roster([Assignment(person, r.id) for r in plan.requirements[:sessions]])
    db.publish(plan.name, db.save_solution(plan.name, roster))


def test_earlier_plans_are_paid_at_their_own_rate(db: Database) -> None:
    """April at 1,000 yen an hour, May at 1,500: June's fiscal-year pay is April's hours at 1,000 and
    May's at 1,500 (not both at June's 2,000), and April's and May's own values stay theirs."""
    aoki = Staff("A", "Aoki", annual_pay_cap=1_030_000, paid_this_year=50_000)
    april = _month("4月", date(2026, 4, 1), 30, [replace(aoki, hourly_rate=1000)])
    may = _month("5月", date(2026, 5, 1), 31, [replace(aoki, hourly_rate=1500, paid_this_year=0)])
    _worked(db, april, "A", 4)  # 12 hours: 12,000 yen
    _worked(db, may, "A", 2)  # 6 hours: 9,000 yen
    june = _month("6月", date(2026, 6, 1), 30, [replace(aoki, hourly_rate=2000, paid_this_year=0)])
    db.save_problem(june.name, june)
    carried = db.load_problem(june.name)
    assert carried.history_pay == {"A": 12_000 + 9_000}
    assert carried.history_unpriced_minutes == {}
    assert person_stats(carried, Roster())[0].year_pay == 21_000  # not 18 hours at 2,000: 36,000
    assert db.load_problem("4月").staff_by_id("A").hourly_rate == 1000
    assert db.load_problem("5月").staff_by_id("A").paid_this_year == 0


def test_a_plan_that_gave_no_rate_leaves_its_minutes_to_today_s_rate(db: Database) -> None:
    april = _month("4月", date(2026, 4, 1), 30, [Staff("A", "Aoki"), Staff("B", "Baba", hourly_rate=1200)])
    db.save_problem(april.name, april)
    db.save_solution(april.name, Roster([Assignment(p, r.id) for p, r in zip("AB", april.requirements)]))
    may = db.carry_history(_month("5月", date(2026, 5, 1), 31, [Staff("A", "Aoki", hourly_rate=1500)]))
    assert may.history_pay == {"B": 3_600}
    assert may.history_unpriced_minutes == {"A": 180}


def test_a_plan_crossing_april_1_carries_the_old_year_and_the_next_plan_only_its_april(db: Database) -> None:
    """March 3/1-3/22, then a ward's four weeks 3/23-4/19: they carry fiscal 2026 (March's sessions),
    which counts with their sessions up to March 31 only; April's start fiscal 2027 from nothing, so
    the cap leaves them the whole of it. The plan after (4/20-) carries the 4/1-4/19 part alone."""
    aoki = Staff("A", "Aoki", hourly_rate=1000, annual_pay_cap=1_000_000, paid_this_year=990_000)
    march = _month("3月", date(2027, 3, 1), 22, [aoki])
    _worked(db, march, "A", 3)  # 3 sessions of 3 hours: 9,000 yen, 1,000 left in fiscal 2026
    weeks = _month("3-4月", date(2027, 3, 23), 28, [aoki])
    db.save_problem(weeks.name, weeks)
    crossing = db.load_problem(weeks.name)
    assert (crossing.history_counts, crossing.history_pay) == ({"A": 3}, {"A": 9_000})
    april = [r for r in crossing.requirements if r.date >= date(2027, 4, 1)]
    roster = Roster([Assignment("A", r.id) for r in april])  # 19 sessions, 57,000 yen of fiscal 2027
    assert pay_cap.RULE.check(crossing, roster) == []
    [past] = pay_cap.RULE.check(crossing, Roster([*roster.assignments, Assignment("A", crossing.requirements[0].id)]))
    assert "fiscal 2026" in past.message  # a March session: 3,000 yen in the 1,000 left
    [stats] = person_stats(crossing, roster)
    assert [(y.year, y.count) for y in stats.fiscal] == [(2026, 3), (2027, 19)]
    assert [(y.year, y.pay) for y in stats.pay_years] == [(2026, 999_000), (2027, 57_000)]
    db.publish(weeks.name, db.save_solution(weeks.name, roster))
    after = _month("4-5月", date(2027, 4, 20), 28, [replace(aoki, paid_this_year=0)])
    db.save_problem(after.name, after)
    assert db.load_problem(after.name).history_counts == {"A": 19}


def test_the_morning_after_an_earlier_night_is_a_day_worked(tmp_path: Path) -> None:
    """A 夜勤 on January 30th (16:30-翌9:00) keeps its nurse from a day off on the 31st as well: the
    run of working days that February continues counts both."""
    with Database(tmp_path / "h.sqlite3") as db:
        night = [Requirement(Requirement.make_id(date(2027, 1, d), "病棟", "夜勤", 990), date(2027, 1, d), "病棟",
                             "夜勤", 990, 1980, 1) for d in range(1, 32)]
        january = Problem("1月", date(2027, 1, 1), date(2027, 1, 31), staff=[Staff("N1", "看護")], requirements=night)
        db.save_problem("1月", january)
        db.save_solution("1月", Roster([Assignment("N1", night[29].id)]))  # the 30th
        february = db.carry_history(_month("2月", date(2027, 2, 1), 28, staff=[Staff("N1", "看護")]))
        assert february.history == {"N1": (date(2027, 1, 30), date(2027, 1, 31))}
        # and the night itself, for the days off after it (夜勤 1/30, 明 1/31, 2/1 off)
        assert [r.id for r in february.history_nights["N1"]] == [night[29].id]


def test_another_workplaces_plan_in_the_same_database_is_no_source(tmp_path: Path) -> None:
    """A ward's February beside the hygienists' January: none of the nurses worked in January's
    plan, so it carries nothing in and is not named as carried (it was, as an unpublished draft)."""
    with Database(tmp_path / "h.sqlite3") as db:
        january = _month("1月 歯科健診", date(2027, 1, 1), 31)
        db.save_problem("1月 歯科健診", january)
        db.save_solution("1月 歯科健診", Roster([Assignment("H001", r.id) for r in january.requirements[-5:]]))
        nurses = [Staff("N01", "青木"), Staff("N02", "石田")]
        db.save_problem("3東 2月", _month("3東 2月", date(2027, 2, 1), 28, nurses))
        ward = db.load_problem("3東 2月")
        assert not ward.history_sources and ward.history == {} and ward.history_counts == {}
        assert not db.carry_history(_month("3東 2月", date(2027, 2, 1), 28, nurses)).history_sources
        # the hygienists' February still carries January in
        db.save_problem("2月 歯科健診", _month("2月 歯科健診", date(2027, 2, 1), 28))
        assert [s.plan for s in db.load_problem("2月 歯科健診").history_sources] == ["1月 歯科健診"]


def test_a_trial_plan_over_a_published_month_carries_nothing(tmp_path: Path) -> None:
    """A what-if copy of February with two extra sessions, never published, added them to March's
    counts and pay: a plan not published over days a published plan holds is a trial."""
    with Database(tmp_path / "h.sqlite3") as db:
        january = _month("1月", date(2027, 1, 1), 31)
        db.save_problem("1月", january)
        db.publish("1月", db.save_solution("1月", Roster([Assignment("H001", r.id) for r in january.requirements[:3]])))
        trial = _month("1月 試し", date(2027, 1, 1), 31)
        db.save_problem("1月 試し", trial)
        db.save_solution("1月 試し", Roster([Assignment("H002", r.id) for r in trial.requirements[:5]]))
        february = db.carry_history(_month("2月", date(2027, 2, 1), 28))
        assert february.history_counts == {"H001": 3}
        assert {(s.plan, s.published, s.sessions) for s in february.history_sources} == {
            ("1月", True, 31), ("1月 試し", False, 0)}  # 31 sessions held, 3 worked
