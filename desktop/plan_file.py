"""Haichi plan files (`.haichi`): a SQLite plan database a coordinator can keep, copy and double-click.

The Windows installer associates `.haichi` with `haichi-desktop`, so Explorer starts
`haichi-desktop PATH.haichi`; that means `--db PATH.haichi`, opening its most recently changed plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PLAN_FILE_SUFFIX = ".haichi"


def is_plan_file(path: Path | str) -> bool:
    """Whether `path` names a Haichi plan file (by its extension, any letter case)."""
    return Path(path).suffix.lower() == PLAN_FILE_SUFFIX


def split_plan_file(db: str | None, paths: list[Path]) -> tuple[str | None, list[Path]]:
    """Move a plan file among `paths` into the database location; returns (db, remaining paths).

    An explicit `--db` wins; a second plan file stays among the paths (and is refused as a workbook).
    """
    for i, path in enumerate(paths):
        if db is None and is_plan_file(path):
            return str(Path(path).expanduser().resolve()), paths[:i] + paths[i + 1 :]
    return db, paths


def newest_plan(database: Any) -> str | None:
    """The name of the most recently changed plan in `database` (a models.storage.Database), or None."""
    plans = database.list_plans()
    return max(plans, key=lambda p: p.updated).name if plans else None
