"""A rule's value for one person, as a 職員 column: what the rules dialog's 職員ごとの設定 holds, in the workbook.

The per-person values of the rules that have no 職員 column of their own (休日数の下限, 休日数の上限, 明けの後の
休日, 最低休息, 2枠以上入る日数の上限, 年度の公平性の対象) had no place in a workbook: a ward's 夜勤専従 could not be
spared the day off after each 明 that every other nurse needs, nor its 育児短時間 nurses given more days off than
the 常勤's 9, except in the window, and an exported workbook lost what the window had set.

A column is headed by the value's name (`休日数の下限（日）`, or without its unit, `休日数の下限`), by the rule's
name when the rule has that one value (`夜勤明けの後の休み`), or as a 設定 key names it (`休日数の下限.休日数の下限（日）`,
`min_days_off`). A cell holds the person's own value; a blank one leaves them to the plan's. A rule off by default
that a column gives values is switched on (a value written is meant to hold); one the 設定 sheet switches off stays off.
"""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any, Sequence

from models.domain import RuleSetting, Staff
from models.rulemeta import Param, RuleInfo

# The per-person values that are 職員 fields already (週の上限回数, 時給...): their own columns read them
_STAFF_FIELDS = frozenset(f.name for f in fields(Staff))
# A synthetic Table.columns key for a rule's column: read, so not said as a column Haichi does not read
COLUMN_KEY = "rule:{rule}.{param}"
_UNIT = re.compile(r"[（(][^（()）]*[)）]$")


def person_values(catalogue: Sequence[RuleInfo]) -> list[tuple[RuleInfo, Param]]:
    """The rules' per-person values that only a rule column can give, in the catalogue's order."""
    return [(info, param) for info in catalogue for param in info.params
            if param.per_staff and param.name not in _STAFF_FIELDS]


def headers(catalogue: Sequence[RuleInfo]) -> dict[str, tuple[RuleInfo, Param]]:
    """Every header (as normalize_header makes it) that names a per-person value."""
    from models.excel.reader import normalize_header

    found: dict[str, tuple[RuleInfo, Param]] = {}
    values = person_values(catalogue)
    for info, param in values:
        names = [param.title_ja, _UNIT.sub("", param.title_ja), param.title_en, param.name,
                 f"{info.title_ja}.{param.title_ja}", f"{info.title_ja}.{param.name}", f"{info.id}.{param.name}"]
        if sum(1 for other, _ in values if other.id == info.id) == 1:
            names += [info.title_ja, info.title_en, info.id]
        for name in names:
            found.setdefault(normalize_header(name), (info, param))
    return found


def rule_columns(header: Sequence[Any], read: set[int], catalogue: Sequence[RuleInfo]) -> dict[int, tuple[RuleInfo, Param]]:
    """The 職員 columns (by index) that hold a per-person rule value, among those not `read` otherwise."""
    from models.excel.reader import normalize_header

    known = headers(catalogue)
    return {index: known[normalize_header(value)] for index, value in enumerate(header)
            if index not in read and value is not None and normalize_header(value) in known}


def with_person_values(rules: dict[str, RuleSetting], values: dict[str, dict[str, dict[str, Any]]],
                       catalogue: Sequence[RuleInfo]) -> dict[str, RuleSetting]:
    """`rules` (the 設定 sheet's) with `values` (rule id -> staff ID -> {param: value}) as their per-person
    overrides; a rule the sheet does not name gets its defaults, switched on."""
    if not values:
        return rules
    out = dict(rules)
    by_id = {info.id: info for info in catalogue}
    for rule_id, people in values.items():
        info = by_id[rule_id]
        chosen = out.get(rule_id) or RuleSetting(enabled=True, hard=info.hard_default, weight=info.weight_default,
                                                 from_sheet=True)
        overrides = {staff_id: dict(own) for staff_id, own in chosen.staff_overrides.items()}
        for staff_id, own in people.items():
            overrides.setdefault(staff_id, {}).update(own)
        out[rule_id] = RuleSetting(chosen.enabled, chosen.hard, chosen.weight, dict(chosen.params), overrides,
                                   from_sheet=True)
    return out


def exported_values(staff: Sequence[Staff], rules: dict[str, RuleSetting],
                    catalogue: Sequence[RuleInfo]) -> list[tuple[str, list[Any]]]:
    """The rule columns an exported 職員 sheet carries: (header, one value per person) for each per-person
    value some person has, so that the workbook read back holds what the window set."""
    out = []
    for info, param in person_values(catalogue):
        chosen = rules.get(info.id)
        if chosen is None:
            continue
        column = [chosen.staff_overrides.get(person.id, {}).get(param.name) for person in staff]
        if any(value is not None for value in column):
            out.append((param.title_ja, [_written(value) for value in column]))
    return out


def _written(value: Any) -> Any:
    if isinstance(value, bool):
        from models.i18n import t

        return t("はい", "yes") if value else t("いいえ", "no")
    return value
