"""A plan carries in the days worked just before it and the fiscal year's earlier counts."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from models.domain import Assignment, Problem, Requirement, Roster, Staff
from models.storage import Database
from models.storage.history import fiscal_year_start


def _month(name: str, start: date, days: int) -> Problem:
    staff = [Staff("H001", "山田"), Staff("H002", "佐藤")]
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
        assert carried.history == {"H002": (date(2027, 4, 28), date(2027, 4, 29), date(2027, 4, 30))}

        april_loaded = db.load_problem("4月")  # March's last fortnight, but no fiscal-year count
        assert april_loaded.history_counts == {}
        assert april_loaded.history["H001"][0] == date(2027, 3, 18) and len(april_loaded.history["H001"]) == 14
