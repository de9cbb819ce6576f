"""Test configuration shared by every test: Qt renders offscreen, messages in a fixed language."""

from __future__ import annotations

import os

# Set before any Qt import: GUI tests run without a display (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
