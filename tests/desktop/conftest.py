"""Desktop test fixtures: settings in a temporary file, the sample plan, a small ward (English texts:
tests/conftest.py)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from models.domain import Problem, Requirement, Site, Staff
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


SHIFTS = (("日勤", 8 * 60 + 30, 17 * 60), ("準夜", 16 * 60 + 30, 25 * 60), ("深夜", 30, 9 * 60))


@pytest.fixture
def ward() -> Problem:
    """A week of a three-shift ward: three nurses, one of them held to 8 late and night shifts."""
    start = date(2027, 2, 1)
    days = [start + timedelta(days=i) for i in range(7)]
    sessions = [Requirement(Requirement.make_id(day, "5東", name, begin), day, "5東", name, begin, end, 1)
                for day in days for name, begin, end in SHIFTS]
    staff = [Staff("N001", "佐藤 美咲", max_per_activity=(("準夜+深夜", 8),)), Staff("N002", "鈴木 彩"),
             Staff("N003", "高橋 由美")]
    return Problem("5東 2月", start, days[-1], staff, [Site("5東")], sessions,
                   forbidden_successions=frozenset({("準夜", "日勤")}))


@pytest.fixture
def printed_pdfs(monkeypatch) -> list[list[str]]:
    """The sheet names of each workbook sent to LibreOffice for a PDF, in order (no LibreOffice
    run: the PDF written is a stub)."""
    import openpyxl

    from desktop import paperwork

    printed: list[list[str]] = []

    def to_pdf(workbook: Path, pdf: Path) -> None:
        printed.append(openpyxl.load_workbook(workbook).sheetnames)
        pdf.write_bytes(b"%PDF-1.4")

    monkeypatch.setattr(paperwork, "to_pdf", to_pdf)
    return printed
