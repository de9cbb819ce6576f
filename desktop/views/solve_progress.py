"""The live solve chart: objective and best bound over time, with gap, elapsed time and Cancel."""

from __future__ import annotations

import math

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QElapsedTimer, QMargins, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from solver.core import Progress


def tick_step(span: float, ticks: int = 5) -> float:
    """A whole step of 1, 2 or 5 times a power of ten giving about `ticks` intervals over `span`."""
    wanted = max(span / ticks, 1.0)
    power = 10 ** math.floor(math.log10(wanted))
    return next(m * power for m in (1, 2, 5, 10) if wanted <= m * power)


class SolveProgress(QWidget):
    """Shows one solve as it runs; `cancel_requested` fires when the user presses Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.points: list[Progress] = []
        self.objective = QLineSeries()
        self.objective.setName(self.tr("Objective (lower is better)"))
        self.objective.setPen(QPen(QColor("#2563eb"), 2))
        self.objective.setPointsVisible(True)  # a dot per roster: one roster alone is no line
        self.bound = QLineSeries()
        self.bound.setName(self.tr("Best bound"))
        self.bound.setPen(QPen(QColor("#16a34a"), 2, Qt.PenStyle.DashLine))
        chart = QChart()
        chart.addSeries(self.objective)
        chart.addSeries(self.bound)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.x_axis, self.y_axis = QValueAxis(), QValueAxis()
        self.x_axis.setTitleText(self.tr("Seconds"))
        self.x_axis.setLabelFormat("%.0f")
        self.y_axis.setLabelFormat("%.0f")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.objective, self.bound):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.chart = chart
        view = QChartView(chart, self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(180)

        self.figures = QLabel(self.tr("Not solving."), self)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel = QPushButton(self.tr("Cancel — keep the best roster"), self)
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self.cancel_requested)
        row = QHBoxLayout()
        row.addWidget(self.figures, 1)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(view, 1)
        layout.addLayout(row)

        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._show_figures)
        self._reset_axes()

    def start(self) -> None:
        """Clear the chart for a new solve."""
        self.clear()
        self.cancel.setEnabled(True)
        self._clock.start()
        self._tick.start()
        self._show_figures()

    def clear(self) -> None:
        """No solve shown (another plan was opened: the last one's chart was not its)."""
        self.points = []
        self.objective.clear()
        self.bound.clear()
        self.bound.setVisible(True)
        self._reset_axes()
        self.figures.setText(self.tr("Not solving."))

    @Slot(object)
    def add(self, p: Progress) -> None:
        """One improving roster from the solver (delivered on the GUI thread)."""
        self.points.append(p)
        self.objective.append(p.elapsed, p.objective)
        if p.bound is not None:  # a plan solved in parts has no bound: no line, not one at 0
            self.bound.append(p.elapsed, p.bound)
        self.bound.setVisible(self.bound.count() > 0)  # hidden, its legend entry goes too
        values = [q.objective for q in self.points] + [q.bound for q in self.points if q.bound is not None]
        low, high = min(values), max(values)
        pad = max(1.0, (high - low) * 0.05)
        self.y_axis.setRange(max(0.0, low - pad), high + pad)
        self.x_axis.setRange(0, max(5.0, p.elapsed * 1.15))
        self._place_ticks()
        self._show_figures()

    def finish(self, text: str) -> None:
        self._tick.stop()
        self.cancel.setEnabled(False)
        self.figures.setText(text)

    def _reset_axes(self) -> None:
        self.x_axis.setRange(0, 5)
        self.y_axis.setRange(0, 10)
        self._place_ticks()

    def _place_ticks(self) -> None:
        """Ticks on round whole numbers: five even ticks over 0-5 s fell on 1.25 and 2.5, which the
        whole-number labels showed as 1 and 3 (and 2.5 and 7.5 on the objective as 3 and 8)."""
        for axis in (self.x_axis, self.y_axis):
            axis.setTickType(QValueAxis.TickType.TicksDynamic)
            axis.setTickAnchor(0)
            axis.setTickInterval(tick_step(axis.max() - axis.min()))

    @Slot()
    def _show_figures(self) -> None:
        seconds = self._clock.elapsed() / 1000 if self._clock.isValid() else 0.0
        if not self.points:
            self.figures.setText(self.tr("Searching for a first roster… %1 s").replace("%1", f"{seconds:.0f}"))
            return
        p = self.points[-1]
        if p.bound is None or p.gap is None:
            text = self.tr("Objective %1 · no bound (solved in parts) · %4 rosters · %5 s")
        else:
            text = (self.tr("Objective %1 · bound %2 · gap %3 · %4 rosters · %5 s")
                    .replace("%2", f"{p.bound:,.0f}").replace("%3", f"{p.gap:.1%}"))
        self.figures.setText(text.replace("%1", f"{p.objective:,.0f}").replace("%4", str(p.solutions))
                             .replace("%5", f"{seconds:.0f}"))
