"""Two coordinators on one plan: the second save is refused with who and when, never a silent overwrite."""

from __future__ import annotations

from pathlib import Path

from desktop.main_window import MainWindow
from models.domain import Roster
from models.storage import Database

WAIT = 60000


def _idle(w: MainWindow) -> bool:
    return not w.is_busy() and not w.plan.is_evaluating()


def test_a_stale_save_is_refused_and_reload_shows_the_other_save(qtbot, settings, tmp_path: Path, sample_plan) -> None:
    url = str(tmp_path / "team.sqlite3")
    problem = sample_plan.problem
    with Database(url, user="coordinator-a") as first:
        first.save_problem("1月", problem)

    window = MainWindow(database_url=url, settings=settings)
    qtbot.addWidget(window)
    window.open_plan("1月")
    qtbot.waitUntil(lambda: _idle(window) and window.plan.problem is not None, timeout=WAIT)

    with Database(url, user="coordinator-b") as other:  # someone else saves meanwhile
        other.load_problem("1月")
        other.save_solution("1月", Roster(list(sample_plan.witness.assignments)),
                            expected_version=other.known_version("1月"))

    window.save_plan()
    qtbot.waitUntil(lambda: _idle(window) and getattr(window, "last_error", None) is not None, timeout=WAIT)
    assert type(window.last_error).__name__ == "ConcurrentEdit"
    assert "coordinator-b" in window.status.text()
    with Database(url) as check:  # nothing was overwritten: the other save is still the newest
        version, roster = check.latest_solution("1月")
        assert roster.pairs() == Roster(list(sample_plan.witness.assignments)).pairs()

    window.open_plan("1月", reload=True)
    qtbot.waitUntil(lambda: _idle(window) and bool(window.plan.roster.assignments), timeout=WAIT)
    assert window.plan.roster.pairs() == roster.pairs()
    window.close()
