"""Metadata that describes a rule to people: titles, hard/soft default, weight, parameters.

The catalogue itself lives in `solver.rules`; these plain types live here so that the Excel
`設定` sheet reader and the desktop's rules dialog can be generated from it without importing
the solver.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Param:
    """One typed, bounded parameter of a rule (e.g. `max_per_day`, int, 1..10)."""

    name: str
    type: type  # int, float, bool or str
    default: Any
    title_ja: str
    title_en: str
    minimum: float | None = None
    maximum: float | None = None

    def parse(self, value: Any) -> Any:
        """Turn a cell value or text into this parameter's type; ValueError if it does not fit."""
        from models.textparse import parse_bool  # local: keeps this module dependency-free

        if self.type is bool:
            result: Any = parse_bool(value)
        elif self.type is int:
            result = int(float(str(value).strip()))
            if float(str(value).strip()) != result:
                raise ValueError(value)
        elif self.type is float:
            result = float(str(value).strip())
        else:
            result = str(value).strip()
        if self.minimum is not None and result < self.minimum:
            raise ValueError(value)
        if self.maximum is not None and result > self.maximum:
            raise ValueError(value)
        return result


@dataclass(frozen=True)
class RuleInfo:
    """Who a rule is to a manager: its id, titles, defaults and parameters."""

    id: str
    title_ja: str
    title_en: str
    hard_default: bool
    weight_default: int = 1
    params: tuple[Param, ...] = field(default_factory=tuple)
    can_be_hard: bool = True  # purely soft rules (fairness, △) have no hard form
    enabled_default: bool = True
    description_ja: str = ""
    description_en: str = ""

    def param(self, name: str) -> Param | None:
        for p in self.params:
            if p.name == name:
                return p
        return None
