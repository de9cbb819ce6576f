"""Lets solver tests (and tests/solver/rules/) import the shared `factories` module."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
