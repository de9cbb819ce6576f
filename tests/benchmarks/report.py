"""Shared pieces of the benchmark scripts: machine description, medians, and BENCHMARKS.md sections.

Each script owns one section of BENCHMARKS.md between `<!-- NAME:start -->` and `<!-- NAME:end -->`
and replaces only that, so scripts can be re-run independently.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "BENCHMARKS.md"
HEADER = "# Haichi benchmarks\n\nWritten by the scripts in `tests/benchmarks/`; re-run them to refresh a section.\n"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_line() -> str:
    """One line naming the machine and the versions that matter for the figures."""
    return (
        f"Machine: {cpu_model()}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, ortools {version('ortools')}, openpyxl {version('openpyxl')}, "
        f"PySide6 {version('PySide6-Essentials')}; measured {datetime.now():%Y-%m-%d %H:%M}."
    )


def reference_seconds(repeats: int = 5) -> float:
    """Median time of a fixed pure-Python workload: the yardstick for this machine, this run."""

    def work() -> None:
        total = 0
        for i in range(2_000_000):
            total += i * i % 7
        sorted(str(i) for i in range(200_000))

    return median_seconds(work, repeats)


def median_seconds(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def read_section(name: str) -> str:
    """The text between the section's markers in BENCHMARKS.md ("" when there is none)."""
    start, end = _markers(name)
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else ""
    if start not in text or end not in text:
        return ""
    return text[text.index(start) + len(start):text.index(end)]


def replace_section(name: str, body: str) -> None:
    """Write `body` between the section's markers in BENCHMARKS.md, creating what is missing."""
    start, end = _markers(name)
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else HEADER
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        before = text[: text.index(start)]
        after = text[text.index(end) + len(end) :]
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    BENCHMARKS.write_text(text, encoding="utf-8")
