"""The plan bar's note of what the plan carries in from earlier plans' rosters (Problem.history_*):
which plans and versions, a draft marked, the details in its tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.views.roster_grid import SOFT_COLOUR
from models.domain import Problem
from models.history import carried_lines


class CarriedLabel(QLabel):
    """`History: 2027年1月 v1, 2027年2月 v1 (draft)`; blank for a plan kept outside a database."""

    def show_problem(self, problem: Problem | None, from_database: bool) -> None:
        """Say what `problem` carries in (only when it came from, or went into, a database)."""
        if problem is None or not from_database:
            self.setText("")
            self.setToolTip("")
            return
        sources = [s for s in problem.history_sources if s.sessions]
        parts = [self.tr("%1 v%2").replace("%1", s.plan).replace("%2", str(s.version))
                 + ("" if s.published else " " + self.tr("(draft)")) for s in sources]
        self.setText("  " + self.tr("History: %1").replace("%1", ", ".join(parts) or self.tr("none")))
        self.setToolTip("\n".join(carried_lines(problem)))
        draft = any(not s.published for s in sources)
        self.setStyleSheet(f"color: {SOFT_COLOUR.name()};" if draft else "")
