"""Where Haichi's read-only files are, from a source checkout and from the frozen (PyInstaller) app.

The frozen app unpacks nothing: its data files sit next to the code in the bundle folder that
PyInstaller names `sys._MEIPASS`; a checkout has them in the repository's `resources/`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def is_frozen() -> bool:
    """Whether this is the PyInstaller-built app rather than Python running the sources."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_root() -> Path:
    """The folder that holds `resources/`: the bundle folder when frozen, else the checkout's root."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by PyInstaller's bootloader
    return Path(__file__).resolve().parents[1]


def resource_path(*parts: str) -> Path:
    """The path of `resources/<parts...>` (e.g. `resource_path("translations", "haichi_ja.qm")`)."""
    return bundle_root().joinpath("resources", *parts)
