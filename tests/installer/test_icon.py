"""The icon script: every size drawn, and an .ico Windows can read back."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

from resources.icons.make_icon import SIZES, main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory, qapp) -> Path:  # noqa: ARG001 - fonts need the app
    out = tmp_path_factory.mktemp("icons")
    assert main([str(out)]) == 0
    return out


def test_ico_directory_lists_every_size(icons: Path) -> None:
    data = (icons / "haichi.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(SIZES))
    sides = [struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)]
    assert sides == list(SIZES)


def test_qt_reads_each_size_with_a_transparent_corner_and_a_coloured_middle(icons: Path) -> None:
    reader = QImageReader(str(icons / "haichi.ico"))
    seen = []
    for _ in range(reader.imageCount()):
        image = reader.read()
        side = image.width()
        seen.append(side)
        assert image.pixelColor(0, 0).alpha() == 0  # rounded corner
        middle_row = [image.pixelColor(x, side // 2) for x in range(side)]
        assert any(c.alpha() == 255 and c.red() > 200 for c in middle_row)  # the white glyph
        reader.jumpToNextImage()
    assert sorted(seen) == list(SIZES)


def test_committed_icons_are_present() -> None:
    assert (ROOT / "resources" / "icons" / "haichi.ico").stat().st_size > 10_000
    assert (ROOT / "resources" / "icons" / "haichi.png").is_file()
