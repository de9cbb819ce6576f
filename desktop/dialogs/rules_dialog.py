"""The rules dialog, generated from the rule catalogue: a rule added to solver/rules shows up here
with its switches, weight, parameters and per-staff overrides, with no code in this file.

The one exception is the forbidden-successions rule, whose pairs are plan input
(Problem.forbidden_successions) rather than parameters: its page lists them instead of overrides."""

from __future__ import annotations

import copy
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractSpinBox, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.dialogs.successions import SuccessionsBox
from models.domain import Problem, RuleSetting, name_and_id, rotation_order
from models.i18n import language
from models.rulemeta import MAX_WEIGHT, Param, RuleInfo
from solver.rules import CATALOGUE
from solver.rules.base import setting
from solver.rules.forbidden_successions import RULE as SUCCESSIONS

SPIN_MAX = 2**31 - 1  # the largest value a QSpinBox holds
NO_MAXIMUM = 1_000_000_000  # the top of a number's range when its parameter names none
OWN_VALUES_SHOWN = 5  # people named with their own value from the 職員 sheet; the rest are counted


def _value(value: Any) -> str:
    """A person's own value as the sheet would show it: 1,030,000, not 1030000.0."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _overridable(info: RuleInfo) -> list[str]:
    """The parameters a person may have a value of their own for: numbers and switches, per staff."""
    return [p.name for p in info.params if p.type in (int, float, bool) and p.per_staff]


def title(info: RuleInfo | Param) -> str:
    return info.title_ja if language() == "ja" else info.title_en


def description(info: RuleInfo) -> str:
    return info.description_ja if language() == "ja" else info.description_en


class RulesDialog(QDialog):
    """Edits a copy of the plan's rule settings; `settings()` returns them after OK."""

    COLUMNS = 4  # on, rule, hard/soft, weight

    def __init__(self, problem: Problem, catalogue: list[RuleInfo] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rules"))
        self.problem = problem
        self.catalogue = list(CATALOGUE if catalogue is None else catalogue)
        self._settings: dict[str, RuleSetting] = {
            info.id: copy.deepcopy(setting(problem, info)) for info in self.catalogue
        }
        self._given = copy.deepcopy(self._settings)  # as the dialog opened: what a change is measured against
        self._current: RuleInfo | None = None
        self._loading = False

        self.table = QTableWidget(len(self.catalogue), self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([self.tr("On"), self.tr("Rule"), self.tr("Kind"), self.tr("Weight")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(self.catalogue):
            self._fill_row(row, info)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_rule(row))

        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.params_box = QGroupBox(self.tr("Parameters"), self)
        self.params_form = QFormLayout(self.params_box)
        self.overrides_box = QGroupBox(self.tr("Per-staff overrides"), self)
        self.overrides = QTableWidget(0, 0, self.overrides_box)
        self.overrides.itemChanged.connect(lambda _item: self._read_overrides())
        add = QPushButton(self.tr("Add person"), self.overrides_box)
        remove = QPushButton(self.tr("Remove"), self.overrides_box)
        self.staff_choice = QComboBox(self.overrides_box)
        for s in problem.staff:
            self.staff_choice.addItem(name_and_id(s.id, s.name), s.id)
        add.clicked.connect(lambda: self.add_override(self.staff_choice.currentData()))
        remove.clicked.connect(self._remove_override)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.staff_choice, 1)
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        # the values people have from the 職員 sheet, which come before the parameter above
        self.own_values = QLabel(self.overrides_box)
        self.own_values.setWordWrap(True)
        over_layout = QVBoxLayout(self.overrides_box)
        over_layout.addWidget(self.own_values)
        over_layout.addWidget(self.overrides)
        over_layout.addLayout(buttons_row)

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.about)
        detail_layout.addWidget(self.params_box)
        detail_layout.addWidget(self.overrides_box, 1)
        self.successions = SuccessionsBox(rotation_order(problem.requirements), problem.forbidden_successions,
                                          detail)
        self.successions.hide()
        detail_layout.addWidget(self.successions, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([560, 440])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1040, 640)
        self.table.setCurrentCell(0, 1)

    # -- the rules table --------------------------------------------------------------------------
    def _fill_row(self, row: int, info: RuleInfo) -> None:
        s = self._settings[info.id]
        on = QCheckBox(self.table)
        on.setChecked(s.enabled)
        on.toggled.connect(lambda value, i=info.id: setattr(self._settings[i], "enabled", value))
        name = QTableWidgetItem(title(info))
        name.setToolTip(description(info))
        kind = QComboBox(self.table)
        kind.addItem(self.tr("hard"), True)
        kind.addItem(self.tr("soft"), False)
        kind.setCurrentIndex(0 if s.hard else 1)
        kind.setEnabled(info.can_be_hard)
        kind.currentIndexChanged.connect(lambda _i, i=info.id, k=kind: setattr(self._settings[i], "hard", k.currentData()))
        weight = QSpinBox(self.table)
        weight.setRange(0, MAX_WEIGHT)
        weight.setValue(s.weight)
        weight.valueChanged.connect(lambda value, i=info.id: setattr(self._settings[i], "weight", value))
        self.table.setCellWidget(row, 0, on)
        self.table.setItem(row, 1, name)
        self.table.setCellWidget(row, 2, kind)
        self.table.setCellWidget(row, 3, weight)

    def row_of(self, rule_id: str) -> int:
        return next(i for i, info in enumerate(self.catalogue) if info.id == rule_id)

    def widget(self, rule_id: str, column: int) -> QWidget:
        """The switch (0), hard/soft box (2) or weight box (3) of a rule's row."""
        return self.table.cellWidget(self.row_of(rule_id), column)

    # -- one rule's details -----------------------------------------------------------------------
    def _show_rule(self, row: int) -> None:
        if not 0 <= row < len(self.catalogue):
            return
        info = self.catalogue[row]
        self._current = info
        self.about.setText(f"<b>{title(info)}</b><br>{description(info)}")
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        for param in info.params:
            self.params_form.addRow(title(param), self._param_editor(info, param))
        if not info.params:
            self.params_form.addRow(QLabel(self.tr("This rule has no parameters."), self.params_box))
        self._show_overrides(info)
        pairs = info.id == SUCCESSIONS.info.id
        self.overrides_box.setVisible(not pairs)
        self.successions.setVisible(pairs)

    def _param_editor(self, info: RuleInfo, param: Param) -> QWidget:
        """An editor of the parameter's type: a check box, a spin box or a line."""
        value = self._settings[info.id].params.get(param.name, param.default)

        def store(v: Any) -> None:
            self._settings[info.id].params[param.name] = v

        if param.type is bool:
            box = QCheckBox(self.params_box)
            box.setChecked(bool(value))
            box.toggled.connect(store)
            return box
        if param.type in (int, float):
            return self._number_editor(param, value, store)
        line = QLineEdit(str(value or ""), self.params_box)
        line.textChanged.connect(store)
        if param.reads is not None:  # a text with a reading of its own (時間帯の最低人数's bands): red until it reads
            def mark(text: str) -> None:
                try:
                    param.parse(text) if text.strip() else None
                    line.setStyleSheet("")
                    line.setToolTip("")
                except ValueError:
                    line.setStyleSheet("color: #b91c1c")
                    line.setToolTip(self.tr("Not a valid value"))
            line.textChanged.connect(mark)
            mark(line.text())
        return line

    def _number_editor(self, param: Param, value: Any, store: Callable[[Any], None]) -> QAbstractSpinBox:
        """A spin box over the parameter's range, widened to hold the plan's own value. A QSpinBox
        holds a 32-bit int: a range past it (a pay cap of 10^10 yen) goes in a QDoubleSpinBox
        without decimals, as setting the value raised OverflowError and left the page half built.
        A parameter without a default offers "not set" just below its minimum."""
        low = param.minimum if param.minimum is not None else 0
        high = param.maximum if param.maximum is not None else NO_MAXIMUM
        if value is not None:
            low, high = min(low, value), max(high, value)
        optional = param.default is None
        spin: QSpinBox | QDoubleSpinBox
        if param.type is int and -SPIN_MAX <= low - optional and high <= SPIN_MAX:
            spin = QSpinBox(self.params_box)
            spin.setRange(int(low - optional), int(high))
        else:
            spin = QDoubleSpinBox(self.params_box)
            spin.setDecimals(0 if param.type is int else 2)
            spin.setRange(low - optional, high)
        spin.setGroupSeparatorShown(True)  # 1,030,000 yen, not 1030000
        if optional:
            spin.setSpecialValueText(self.tr("not set"))
        spin.setValue(low - optional if value is None else value)
        spin.valueChanged.connect(lambda v: store(None if optional and v < low else param.type(v)))
        return spin

    def _show_overrides(self, info: RuleInfo) -> None:
        self._loading = True
        names = _overridable(info)
        self.overrides_box.setEnabled(bool(names))
        self.overrides.clear()
        self.overrides.setColumnCount(1 + len(names))
        self.overrides.setHorizontalHeaderLabels([self.tr("Staff")] + [title(info.param(n)) for n in names])
        rows = self._settings[info.id].staff_overrides
        self.overrides.setRowCount(len(rows))
        for r, (staff_id, values) in enumerate(sorted(rows.items())):
            who = QTableWidgetItem(self._name(staff_id))
            who.setData(Qt.ItemDataRole.UserRole, staff_id)
            who.setFlags(who.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.overrides.setItem(r, 0, who)
            for c, name in enumerate(names, start=1):
                self.overrides.setItem(r, c, QTableWidgetItem("" if values.get(name) is None else str(values[name])))
        self.overrides.resizeColumnsToContents()
        # an empty table would shrink its headings to their text: the names need room to come
        self.overrides.setColumnWidth(0, max(self.overrides.columnWidth(0), self.staff_choice.sizeHint().width()))
        self.overrides.horizontalHeader().setStretchLastSection(True)
        self._show_own_values(info, names)
        self._loading = False

    def _show_own_values(self, info: RuleInfo, names: list[str]) -> None:
        """Say who has their own value from the 職員 sheet for the rule's per-person parameters: it
        comes before the parameter set above (solver.rules.base.limit), as a row here comes before it.
        A manager set 2 days in a row and saw 3 in the roster, from 7 people's 連続勤務上限."""
        lines = []
        for name in names:
            own = [(s, getattr(s, name)) for s in self.problem.staff if getattr(s, name, None) is not None]
            if not own:
                continue
            shown = "、".join(f"{s.name} {_value(v)}" for s, v in own[:OWN_VALUES_SHOWN])
            more = len(own) - OWN_VALUES_SHOWN  # a name, not a call (lupdate)
            if more > 0:
                shown += self.tr(" and %n more", "", more)
            count = len(own)  # a name, not a call: lupdate does not see a translate() whose count is a call
            lines.append(self.tr("%1: %n person(s) have their own value on the 職員 (staff) sheet, which comes "
                                 "before the parameter above (%2). Add a row here to change it.", "", count)
                         .replace("%1", title(info.param(name))).replace("%2", shown))
        self.own_values.setText("\n".join(lines))
        self.own_values.setVisible(bool(lines))

    def _name(self, staff_id: str) -> str:
        return next((name_and_id(s.id, s.name) for s in self.problem.staff if s.id == staff_id), staff_id)

    def _read_overrides(self) -> None:
        """Table → the current rule's per-staff overrides; cells that do not parse are marked red."""
        if self._loading or self._current is None:
            return
        info = self._current
        names = _overridable(info)
        result: dict[str, dict[str, Any]] = {}
        for r in range(self.overrides.rowCount()):
            staff_id = self.overrides.item(r, 0).data(Qt.ItemDataRole.UserRole)
            values: dict[str, Any] = {}
            for c, name in enumerate(names, start=1):
                item = self.overrides.item(r, c)
                text = item.text().strip() if item else ""
                if not text:
                    continue
                try:
                    values[name] = info.param(name).parse(text)
                    item.setToolTip("")
                    item.setForeground(Qt.GlobalColor.black)
                except ValueError:
                    item.setToolTip(self.tr("Not a valid value"))
                    item.setForeground(Qt.GlobalColor.red)
            result[staff_id] = values
        self._settings[info.id].staff_overrides = {k: v for k, v in result.items() if v}

    def add_override(self, staff_id: str | None, **values: Any) -> None:
        """Add a row for a person to the current rule's overrides (values by parameter name)."""
        if self._current is None or staff_id is None:
            return
        overrides = self._settings[self._current.id].staff_overrides
        overrides.setdefault(staff_id, {}).update(values)
        if not overrides[staff_id]:
            first = next(p for p in self._current.params if p.type in (int, float, bool))
            overrides[staff_id][first.name] = self._settings[self._current.id].params.get(first.name) or first.default
        self._show_overrides(self._current)

    def _remove_override(self) -> None:
        row = self.overrides.currentRow()
        if self._current is None or row < 0:
            return
        staff_id = self.overrides.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self._settings[self._current.id].staff_overrides.pop(staff_id, None)
        self._show_overrides(self._current)

    def select_rule(self, rule_id: str) -> None:
        self.table.setCurrentCell(self.row_of(rule_id), 1)

    def restore_defaults(self) -> None:
        """Every rule back to its catalogue defaults (overrides removed)."""
        self._settings = {info.id: copy.deepcopy(setting(self.problem.with_(rules={}), info)) for info in self.catalogue}
        for row, info in enumerate(self.catalogue):
            self._fill_row(row, info)
        self._show_rule(max(0, self.table.currentRow()))

    def settings(self) -> dict[str, RuleSetting]:
        """The edited settings, one per rule in the catalogue. One the 設定 sheet gave and the dialog changed
        is the manager's now (from_sheet off): kept when an import's 設定 no longer names it."""
        out = copy.deepcopy(self._settings)
        for rule_id, chosen in out.items():
            if chosen.from_sheet and chosen != self._given[rule_id]:
                chosen.from_sheet = False
        return out

    def forbidden_successions(self) -> frozenset[tuple[str, str]]:
        """The edited (activity, activity not allowed the next day) pairs, the plan's input."""
        return self.successions.pairs()

    def result_problem(self) -> Problem:
        """The plan's input with the edited rules and forbidden successions."""
        return self.problem.with_(rules=self.settings(), forbidden_successions=self.forbidden_successions())
