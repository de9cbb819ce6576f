"""Metadata that describes a rule to people: titles, hard/soft default, weight, parameters.

The catalogue itself lives in `solver.rules`; these plain types live here so that the Excel
`設定` sheet reader and the desktop's rules dialog can be generated from it without importing
the solver.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable


# A whole number as people write one: thousands separators, a yen sign or a unit after it.
_NUMBER_WITH_UNIT = re.compile(r"^[¥]?\s*(-?[\d,]*\d(?:\.\d+)?)\s*(?:円|分|回|日|人|名|件|月|か月|ヶ月)?$")


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
    per_staff: bool = True  # False: one value for the plan (the pay cap's year), no per-staff override
    # a text's own reading (str parameters): raises ValueError when the text does not read, so that the
    # 設定 sheet refuses it at its cell (時間帯の最低人数's bands)
    reads: Callable[[str], Any] | None = field(default=None, compare=False)

    def parse(self, value: Any) -> Any:
        """Turn a cell value or text into this parameter's type; ValueError if it does not fit."""
        from models.textparse import man_yen, parse_bool  # local: keeps this module dependency-free

        if self.type is bool:
            result: Any = parse_bool(value)
        elif self.type in (int, float):
            text = man_yen(str(value))  # `103万円` as 1030000
            if self.type is int and (m := _NUMBER_WITH_UNIT.match(text)):
                text = m[1].replace(",", "")  # as people write amounts: `1,030,000円`, `６０分`
            number = float(text)
            if not math.isfinite(number):  # `inf`, `nan`: never a limit, and int() would overflow
                raise ValueError(value)
            result = number if self.type is float else int(number)
            if result != number:
                raise ValueError(value)
        else:
            result = str(value).strip()
            if self.reads is not None:
                self.reads(result)
        if self.minimum is not None and result < self.minimum:
            raise ValueError(value)
        if self.maximum is not None and result > self.maximum:
            raise ValueError(value)
        return result


# The largest weight a rule may have: 1000 times the heaviest default (cover_min's 1000), far past
# any trade-off a manager means, and small enough that a plan's objective stays exact in CP-SAT.
MAX_WEIGHT = 1_000_000


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
