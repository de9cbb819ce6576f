"""Desktop test fixtures: settings in a temporary file, the sample plan (English texts: tests/conftest.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from resources.samples.sample_plan import build_plan
from resources.samples.sample_witness import Plan

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "hygienists_2027_01.xlsx"


@pytest.fixture(autouse=True)
def unsaved_changes_dropped(monkeypatch) -> None:
    """A window a test leaves with unsaved edits closes without its modal question (which would
    wait for an answer for ever); tests of the question answer it themselves."""
    from desktop.plan_files import PlanFiles

    monkeypatch.setattr(PlanFiles, "ask_about_changes", lambda window: "discard")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings kept in a temporary INI file, never in the user's registry or config."""
    return QSettings(str(tmp_path / "haichi.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def sample_plan() -> Plan:
    """The sample's plan (45 staff, January 2027) with a roster that keeps every hard rule."""
    return build_plan(staff=45, sites=10, months=1, start=date(2027, 1, 1), seed=2027)
