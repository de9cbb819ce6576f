"""The 設定 sheet: plan-wide settings and rule settings (`<rule>.<field>` = value) as key/value rows.

Rule keys are checked against the rule catalogue the caller passes in (models never import the
solver), so an unknown rule, an unknown parameter or a value out of range is reported with its cell.
A setting given twice (on one sheet, or in two workbooks of one import) with different values is
reported too: which one to believe is not for the importer to guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Sequence

from models.domain import Mark, RuleSetting, normalize
from models.errors import InputProblem
from models.excel import messages
from models.excel.reader import Cells, Table, is_blank, normalize_header
from models.excel.schema import (
    BLANK_MEANS_KEY,
    FORBIDDEN_PAIRS_KEY,
    PERIOD_END_KEY,
    PERIOD_START_KEY,
    PLAN_NAME_KEY,
    TRAVEL_KEYS,
)
from models.excel.settings_rows import bound_text
from models.i18n import t
from models.rulemeta import MAX_WEIGHT, Param, RuleInfo
from models.textparse import parse_bool, parse_count, parse_date, parse_mark, parse_successions, resembling


@dataclass
class Settings:
    """What the 設定 sheets of one import said (None / empty = not given)."""

    period_start: date | None = None
    period_end: date | None = None
    blank_means: Mark = Mark.UNAVAILABLE
    plan_name: str | None = None
    travel: dict[str, int] = field(default_factory=dict)  # TravelBuffers field -> minutes
    forbidden_pairs: frozenset[tuple[str, str]] = frozenset()  # (activity, activity the next day)
    forbidden_pairs_at: tuple[str, str, str] | None = None  # its cell, to name activities no session has
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    given: dict[str, tuple[str, Any]] = field(default_factory=dict)  # setting -> (where, its raw value)


_BLANK_WORDS = {
    "不可": Mark.UNAVAILABLE, "unavailable": Mark.UNAVAILABLE,
    "可": Mark.AVAILABLE, "available": Mark.AVAILABLE,
    "prefer_not": Mark.PREFER_NOT, "prefernot": Mark.PREFER_NOT,
}


def parse_blank_means(value: Any) -> Mark:
    """不可/unavailable/× or 可/available/○ or △/prefer_not."""
    word = normalize_header(value)
    if word in _BLANK_WORDS:
        return _BLANK_WORDS[word]
    mark = parse_mark(value)
    if mark not in (Mark.UNAVAILABLE, Mark.AVAILABLE, Mark.PREFER_NOT):
        raise ValueError(value)
    return mark


def parse_hard(value: Any) -> bool:
    """True for hard (必須, ハード, hard or a yes), False for soft (努力, the word the window and the
    exported sheets use, ソフト, 任意, 推奨, soft or a no)."""
    word = normalize_header(value)
    if word in ("hard", "ハード", "必須"):
        return True
    if word in ("soft", "努力", "ソフト", "任意", "推奨"):
        return False
    return parse_bool(value)


_TRAVEL_FIELDS = {"travel_same_site": "same_site", "travel_same_group": "same_group",
                  "travel_other_group": "other_group"}
# `移動時間` alone: the minutes between any two sites (both groups' times), as an office without travel
# groups says it (a consultation office's 移動時間 = 45 had been refused, offered 移動時間_同一会場)
TRAVEL_ANY_KEY = ("travel", "移動時間", "会場間の移動時間", "移動時間(分)", "移動時間（分）")


def _keys(*pairs: tuple[str, str]) -> dict[str, str]:
    return {normalize_header(name): pair[0] for pair in pairs for name in pair}


_PLAIN_KEYS = _keys(BLANK_MEANS_KEY, PLAN_NAME_KEY, PERIOD_START_KEY, PERIOD_END_KEY, FORBIDDEN_PAIRS_KEY, *TRAVEL_KEYS,
                    TRAVEL_ANY_KEY)
_FIELDS = _keys(("enabled", "有効"), ("hard", "必須"), ("weight", "重み"))


def _find_rule(name: str, catalogue: Sequence[RuleInfo]) -> RuleInfo | None:
    wanted = normalize_header(name)
    for info in catalogue:
        if wanted in (normalize_header(info.id), normalize_header(info.title_ja),
                      normalize_header(info.title_en)):
            return info
    return None


_UNIT = re.compile(r"[（(][^）)]*[）)]$")  # `（日）`, `(yen)` after a parameter's title


def _find_param(name: str, info: RuleInfo) -> Param | None:
    """The rule's parameter `name` names: by its key, or its title with or without its unit
    (`休日数の下限` for `休日数の下限（日）`)."""
    wanted = normalize_header(name)
    for param in info.params:
        titles = (param.title_ja, param.title_en)
        if wanted in {normalize_header(param.name), *map(normalize_header, titles),
                      *(normalize_header(_UNIT.sub("", title)) for title in titles)}:
            return param
    return None


def _known_keys(catalogue: Sequence[RuleInfo]) -> list[str]:
    """The keys a 設定 sheet may give, as a manager writes them: the plain ones (計画名, 空欄の扱い, ...),
    each rule's name, and each rule's name with one of its parameters (`連続勤務日数の上限.連続勤務上限`)."""
    plain = [name for pair in (BLANK_MEANS_KEY, PLAN_NAME_KEY, PERIOD_START_KEY, PERIOD_END_KEY, FORBIDDEN_PAIRS_KEY,
                               *TRAVEL_KEYS) for name in pair[1:]]
    rules = [info.title_ja for info in catalogue]
    params = [f"{info.title_ja}.{_UNIT.sub('', p.title_ja)}" for info in catalogue for p in info.params]
    return [*plain, *rules, *params]


def _unknown_key(key: str, catalogue: Sequence[RuleInfo]) -> str:
    """The message of a key no setting has; when it names a rule, with the items that rule takes."""
    rule_name, dot, _ = key.rpartition(".")
    info = _find_rule(rule_name, catalogue) if dot else None
    if info is None:
        text = t("不明な設定項目 \"{key}\"", 'unknown setting "{key}"', key=key)
        like = resembling(key, _known_keys(catalogue))
        return text + (t("（「{like}」のことですか）", ' (did you mean "{like}"?)', like=like) if like else "")
    items = [t("有効", "有効 (on)"), *([t("必須", "必須 (hard)")] if info.can_be_hard else []), t("重み", "重み (weight)"),
             *(t(p.title_ja, f"{p.name} ({p.title_en})") for p in info.params)]
    return t("不明な設定項目 \"{key}\"（「{rule}」の項目は {items}。例: {rule}.{first}）",
             'unknown setting "{key}" (rule "{rule}" takes {items}; e.g. {rule}.{first})',
             key=key, rule=rule_name, items=t("・", ", ").join(items),
             first=_UNIT.sub("", info.params[0].title_ja) if info.params else t("有効", "有効"))


def _bad_value(key: str, param: Param | None = None, expected: str = ""):
    def message(value: Any) -> str:
        text = t("設定「{key}」の値が正しくありません \"{v}\"", 'invalid value "{v}" for setting "{key}"',
                 key=key, v=messages.shown(value))
        if param is not None and (param.minimum is not None or param.maximum is not None):
            low, high = bound_text(param.minimum), bound_text(param.maximum)
            text += t("（範囲 {lo}〜{hi}）", " (range {lo} to {hi})", lo=low, hi=high)
        elif expected:
            text += t("（{e}）", " ({e})", e=expected)
        return text
    return message


def _yes_no() -> str:
    return t("はい・いいえ のどちらか", "はい (yes) or いいえ (no)")


def _whole() -> str:
    return t("0以上の整数", "a whole number of 0 or more")


def _weights() -> str:
    return t("0〜{high:,} の整数", "a whole number from 0 to {high:,}", high=MAX_WEIGHT)


def _parse_weight(value: Any) -> int:
    weight = parse_count(value)
    if weight > MAX_WEIGHT:
        raise ValueError(f"weight above {MAX_WEIGHT}: {weight}")
    return weight


def rule_setting(settings: Settings, info: RuleInfo) -> RuleSetting:
    """The rule's setting as the 設定 sheet has it so far, made from its defaults when it has none."""
    if info.id not in settings.rules:
        settings.rules[info.id] = RuleSetting(
            enabled=info.enabled_default, hard=info.hard_default, weight=info.weight_default, from_sheet=True
        )
    return settings.rules[info.id]


def _read_plain(cells: Cells, name: str, key: str, settings: Settings) -> None:
    if name == "blank_means":
        bad = _bad_value(key, expected=t("不可・可・△ のどれか", "不可 (unavailable), 可 (available) or △"))
        settings.blank_means = cells.get("value", parse_blank_means, bad, default=settings.blank_means)
    elif name == "plan_name":
        settings.plan_name = cells.text("value") or settings.plan_name
    elif name in ("period_start", "period_end"):
        bad = _bad_value(key, expected=t("例: 2027/1/1", "e.g. 2027-01-01"))
        setattr(settings, name, cells.get("value", parse_date, bad, default=getattr(settings, name)))
    elif name == "forbidden_pairs":
        bad = _bad_value(key, expected=t("例: 準夜→日勤、深夜→日勤", "e.g. 準夜→日勤、深夜→日勤"))
        settings.forbidden_pairs = cells.get("value", parse_successions, bad, default=settings.forbidden_pairs)
        settings.forbidden_pairs_at = cells.at("value")
    else:
        minutes = cells.get("value", parse_count, _bad_value(key, expected=_whole()))
        if minutes is not None:
            for field_name in ("same_group", "other_group") if name == "travel" else (_TRAVEL_FIELDS[name],):
                settings.travel[field_name] = minutes


def _bare(target: tuple[RuleInfo, str | None, Param | None], value: Any) -> tuple[RuleInfo, str | None, Param | None]:
    """A rule's name alone switches it on or off (`休日数の下限 = いいえ`); given a number instead
    (`休日数の下限 = 9`, `夜勤明けの後の休み = 1`), it is the rule's one number, when it has only one
    (a 1 had switched the rule on and left its number unset: a care home's 明けの後の休日 went unkept)."""
    info = target[0]
    numbers = _numbers(info)
    if len(numbers) == 1 and _count(value):  # 0 is off: `1日の上限 = 0` is no day's work
        return info, None, numbers[0]
    try:
        parse_bool(value)
        return target
    except ValueError:
        return (info, None, numbers[0]) if len(numbers) == 1 else target


def _numbers(info: RuleInfo) -> list[Param]:
    return [p for p in info.params if p.type in (int, float)]


def _count(value: Any) -> int | None:
    """The count a cell holds (`1`, `9`, `9日`), as a rule's number reads it; None for anything else."""
    if isinstance(value, bool):
        return None
    try:
        return parse_count(value)
    except ValueError:
        return None


def _several_numbers(key: str, info: RuleInfo) -> str:
    """A rule's name alone given a number, when the rule has several (`勤務間の休息時間 = 660`)."""
    keys = t("、", ", ").join(f"{key}.{_UNIT.sub('', p.title_ja)}" for p in _numbers(info))
    return t("「{key}」には数値の項目が複数あります。{keys} のどれかとして書いてください",
             'rule "{key}" has several numbers: write one of {keys}', key=key, keys=keys)


def _rule_target(key: str, catalogue: Sequence[RuleInfo]) -> tuple[RuleInfo, str | None, Param | None] | None:
    """(rule, `enabled`/`hard`/`weight` or None, parameter or None) that a rule key names."""
    rule_name, dot, field_name = key.rpartition(".")
    if not dot:
        rule_name, field_name = key, "enabled"
    info = _find_rule(rule_name, catalogue)
    field_key = _FIELDS.get(normalize_header(field_name))
    param = _find_param(field_name, info) if info is not None and field_key is None else None
    if info is None or (field_key is None and param is None):
        return None
    return info, field_key, param


def _read_rule(cells: Cells, key: str, target: tuple[RuleInfo, str | None, Param | None], settings: Settings) -> None:
    info, field_key, param = target
    chosen = rule_setting(settings, info)
    if param is not None:
        value = cells.get("value", param.parse, _bad_value(key, param, _yes_no() if param.type is bool else ""))
        if value is not None:
            chosen.params[param.name] = value
            if "." not in key:  # the rule's name given its number (`夜勤明けの後の休み = 1`): the rule is on
                chosen.enabled = True
    elif field_key == "enabled":
        chosen.enabled = cells.get("value", parse_bool, _bad_value(key, expected=_yes_no()), default=chosen.enabled)
    elif field_key == "weight":
        chosen.weight = cells.get("value", _parse_weight, _bad_value(key, expected=_weights()), default=chosen.weight)
    else:
        hard = cells.get("value", parse_hard, _bad_value(key, expected=_yes_no()), default=chosen.hard)
        if hard and not info.can_be_hard:
            cells.report("value", t("「{rule}」は必須にできません", 'rule "{rule}" cannot be hard',
                                    rule=t(info.title_ja, info.title_en)))
            return
        chosen.hard = hard


def _value(settings: Settings, setting: str) -> Any:
    """What `settings` holds for one setting (`blank_means`, `travel_other_group`, `cover_min.weight`)."""
    if setting in _TRAVEL_FIELDS:
        return settings.travel.get(_TRAVEL_FIELDS[setting])
    rule_id, dot, field_name = setting.partition(".")
    if not dot:
        return getattr(settings, setting)
    chosen = settings.rules.get(rule_id)
    if chosen is None:
        return None
    return getattr(chosen, field_name) if field_name in ("enabled", "hard", "weight") else chosen.params.get(field_name)


def read_settings(
    table: Table, catalogue: Sequence[RuleInfo], problems: list[InputProblem], settings: Settings,
    notes: list[InputProblem] | None = None,
) -> None:
    """Adds the key/value rows of one 設定 sheet to `settings`, reporting every bad row and every
    setting given again with another value (`settings.given` remembers them across sheets). A row
    repeating another row of the same sheet with the same value is noted: it is often a row copied to
    set another rule and left unchanged. Across workbooks (a month's book and the next) it is not."""
    for index, row in table.data():
        cells = Cells(table, index, row, problems)
        key = normalize(cells.raw("key")).replace("．", ".").replace("。", ".")
        if not key:
            continue
        plain = _PLAIN_KEYS.get(normalize_header(key))
        target = None if plain is not None else _rule_target(key, catalogue)
        if plain is None and target is None:
            cells.report("key", _unknown_key(key, catalogue))
            continue
        if is_blank(cells.raw("value")):
            continue  # a blank value keeps the default (or what another row said)
        if target is not None and "." not in key:
            if len(_numbers(target[0])) > 1 and _count(cells.raw("value")) is not None:
                cells.report("value", _several_numbers(key, target[0]))
                continue
            target = _bare(target, cells.raw("value"))
        setting = plain or f"{target[0].id}.{target[1] or target[2].name}"
        earlier = settings.given.get(setting)
        into = Settings() if earlier is not None else settings  # a repeat is read aside, then compared
        if plain is not None:
            _read_plain(cells, plain, key, into)
        else:
            _read_rule(cells, key, target, into)
        if earlier is None and cells.ok:
            settings.given[setting] = (cells.where("key"), cells.raw("value"))
        elif cells.ok and _value(into, setting) != _value(settings, setting):
            cells.report("key", messages.duplicate_setting(key, *earlier))
        elif cells.ok and notes is not None and earlier[0].startswith(f"{table.file} {table.sheet}!"):
            notes.append(table.problem(index, "key", messages.repeated_setting(key, earlier[0])))
