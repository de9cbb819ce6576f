"""Frozen-app benchmark: build time, bundle size and start-up time of the PyInstaller build.

    uv run python tests/benchmarks/bench_frozen.py [--repeats 5]
    HAICHI_FROZEN_DIR=dist/haichi uv run python tests/benchmarks/bench_frozen.py   # an existing build

Writes the `installer` section of BENCHMARKS.md. Start-up is timed from process start to exit:
`haichi --version` (interpreter and CLI), `haichi solve` on the sample (CP-SAT included), and
`haichi-desktop --screenshot` with no workbook (Qt, the main window, its first paint; offscreen).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from report import ROOT, machine_line, reference_seconds, replace_section

sys.path.insert(0, str(ROOT))

from installer.build import folder_size  # noqa: E402
from tests.installer.frozen import SAMPLE, frozen_bundle, program, run, user_environment  # noqa: E402


def timed_runs(command: list[str | Path], home: Path, repeats: int) -> float:
    """Median wall time in seconds of `repeats` runs of a frozen program (each must exit 0)."""
    times = []
    for i in range(repeats):
        env = user_environment(home / str(i))
        (home / str(i)).mkdir(parents=True)
        start = time.perf_counter()
        done = run(command, env)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{command[0]} exited with {done.returncode}: {done.stderr[-2000:]}")
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_frozen.py")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="haichi-frozen-") as scratch_text:
        scratch = Path(scratch_text)
        start = time.perf_counter()
        bundle = frozen_bundle(scratch)
        build_seconds = None if os.environ.get("HAICHI_FROZEN_DIR") else time.perf_counter() - start
        files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
        size_mb = folder_size(bundle) / 1e6
        reference = reference_seconds()
        home = scratch / "home"
        version = timed_runs([program(bundle, "haichi"), "--version"], home / "version", args.repeats)
        solve = timed_runs([program(bundle, "haichi"), "solve", SAMPLE, "-o", scratch / "roster.xlsx",
                            "--time-limit", "30", "--quiet"], home / "solve", max(1, args.repeats // 2))
        window = timed_runs([program(bundle, "haichi-desktop"), "--screenshot", scratch / "shot.png"],
                            home / "window", args.repeats)

    built = f"{build_seconds:.0f} s" if build_seconds is not None else "(existing build)"
    body = f"""## Frozen app (PyInstaller one-folder, `installer/haichi.spec`)

Bundle `dist/haichi/`: two programs (`haichi`, `haichi-desktop`) sharing one `_internal/` folder.
Start-up times are medians of whole runs (process start to exit), offscreen Qt. Re-run:
`uv run python tests/benchmarks/bench_frozen.py --repeats {args.repeats}`.

| measure | value |
|---|---|
| build time (`pyinstaller installer/haichi.spec`, clean) | {built} |
| bundle size | {size_mb:.0f} MB in {len(files)} files |
| `haichi --version` | {version:.2f} s |
| `haichi-desktop --screenshot` (start, main window, first paint, exit) | {window:.2f} s |
| `haichi solve` on the sample (45 staff, 120 sessions), incl. start-up | {solve:.2f} s |
| reference workload (pure Python, this run) | {reference:.2f} s |

{machine_line()}
"""
    replace_section("installer", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
