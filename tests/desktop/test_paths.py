"""Resource paths from the checkout and from a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop import app, paths

ROOT = Path(__file__).resolve().parents[2]


def test_from_the_checkout_resources_are_the_repositorys() -> None:
    assert not paths.is_frozen()
    assert paths.resource_path() == ROOT / "resources"
    assert paths.resource_path("translations", "haichi_ja.qm").is_file()
    assert app.RESOURCES == ROOT / "resources"


def test_when_frozen_resources_are_in_the_bundle_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.is_frozen()
    assert paths.resource_path("icons", "haichi.ico") == tmp_path / "resources" / "icons" / "haichi.ico"


def test_frozen_flag_without_a_bundle_folder_is_not_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    # Other freezers set sys.frozen without _MEIPASS; their layout is the checkout's.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.resource_path() == ROOT / "resources"
