"""The layering of DESIGN §2, checked by import-linter on every test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


def test_the_catalogue_evaluator_and_actions_load_without_cp_sat() -> None:
    """The importer, the evaluator and the desktop's first screen need the rules' metadata and
    checks only; CP-SAT (and pandas, which its Python layer imports) comes with the first solve.
    In a fresh interpreter, where nothing else loaded it."""
    script = ("import sys, desktop.operations, solver.evaluate, models.excel.importer; "
              "print(sorted(m for m in ('ortools', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["[]"]
