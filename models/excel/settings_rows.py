"""The rows of the 設定 sheet: plan, period, blanks, travel minutes and one row per rule setting.

Rule rows are generated from the rule catalogue's metadata as `<rule>.有効`, `<rule>.必須`,
`<rule>.重み` and `<rule>.<parameter>`, the keys the importer validates against the same
catalogue, so adding a rule adds its rows here without touching this module. In Japanese the rule
and parameter are named by their titles (`勤務間の休息時間.最低休息（分）`), in English by their ids
(`min_rest.min_rest_minutes`); the importer reads both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from models.domain import Mark, Problem, RuleSetting, TravelBuffers
from models.excel import schema
from models.i18n import t
from models.rulemeta import Param, RuleInfo

NOTE_HEADER = "説明"
ENABLED, HARD, WEIGHT = "有効", "必須", "重み"
YES, NO = "はい", "いいえ"
BLANK_CHOICES = {Mark.UNAVAILABLE: "不可", Mark.AVAILABLE: "可", Mark.PREFER_NOT: "△"}


@dataclass(frozen=True)
class SettingRow:
    key: str
    value: Any
    note: str
    choices: tuple[str, ...] = ()  # the drop-down of the value cell, if any


def yes_no(flag: bool) -> str:
    return YES if flag else NO


def setting_rows(
    plan_name: str,
    start: date,
    end: date,
    blank_means: Mark,
    travel: TravelBuffers,
    catalogue: Sequence[RuleInfo],
    problem: Problem | None,
) -> list[SettingRow]:
    """Every row of the 設定 sheet, in the order a coordinator reads them."""
    rows = [
        SettingRow(schema.PLAN_NAME_KEY[1], plan_name, t("計画の名前（配置表の表題になります）", "Plan name (the roster's title)")),
        SettingRow(schema.PERIOD_START_KEY[1], start, t("対象期間の初日", "First day of the period")),
        SettingRow(schema.PERIOD_END_KEY[1], end, t("対象期間の最終日", "Last day of the period")),
        SettingRow(
            schema.BLANK_MEANS_KEY[1],
            BLANK_CHOICES.get(blank_means, blank_means.value),
            t("勤務可否の空欄の意味: 不可＝勤務できない、可＝勤務できる",
              "What a blank in 勤務可否 means: 不可 = unavailable, 可 = available"),
            ("不可", "可"),
        ),
    ]
    minutes = (travel.same_site, travel.same_group, travel.other_group)
    notes = (
        t("同じ会場で続けて勤務するときの移動時間（分）", "Minutes between two sessions at the same site"),
        t("同じ移動グループの会場間の移動時間（分）", "Minutes between sites of one travel group"),
        t("異なる移動グループの会場間の移動時間（分）", "Minutes between sites of different travel groups"),
    )
    for (_, key), value, note in zip(schema.TRAVEL_KEYS, minutes, notes):
        rows.append(SettingRow(key, value, note))
    pairs = sorted(problem.forbidden_successions) if problem else []
    rows.append(SettingRow(
        schema.FORBIDDEN_PAIRS_KEY[1], "、".join(f"{first}→{then}" for first, then in pairs),
        t("翌日に続けてはいけない勤務の並び: 前日の内容→翌日の内容 を「、」で区切って（例: 準夜→日勤、深夜→日勤）",
          "Shifts that may not follow one another on the next day: day's activity→next day's, separated by 、 "
          "(e.g. 準夜→日勤、深夜→日勤)"),
    ))
    for info in catalogue:
        rows.extend(_rule_rows(info, problem.rules.get(info.id) if problem else None))
    return rows


def _rule_rows(info: RuleInfo, chosen: RuleSetting | None) -> list[SettingRow]:
    """The rows of one rule: enabled, hard (if it can be hard), weight, then each parameter."""
    enabled = info.enabled_default if chosen is None else chosen.enabled
    hard = info.hard_default if chosen is None else chosen.hard
    weight = info.weight_default if chosen is None else chosen.weight
    params = {p.name: p.default for p in info.params}
    if chosen is not None:
        params.update(chosen.params)
    title = t(info.title_ja, info.title_en)
    rule = t(info.title_ja, info.id)  # a Japanese coordinator's 設定 sheet in Japanese (`cover_min.有効` read as English)
    rows = [
        SettingRow(f"{rule}.{ENABLED}", yes_no(enabled),
                   t("{title}: このルールを使う（はい／いいえ）", "{title}: use this rule (はい yes / いいえ no)", title=title),
                   (YES, NO)),
    ]
    if info.can_be_hard:
        rows.append(SettingRow(
            f"{rule}.{HARD}", yes_no(hard and info.can_be_hard),
            t("{title}: はい＝必ず守る、いいえ＝なるべく守る（重みで調整）",
              "{title}: はい = must hold, いいえ = should hold (weighted)", title=title),
            (YES, NO),
        ))
    rows.append(SettingRow(
        f"{rule}.{WEIGHT}", weight,
        t("{title}: 守れなかったときの重み（大きいほど優先）", "{title}: weight when broken (higher = more important)", title=title),
    ))
    for param in info.params:
        value = params.get(param.name, param.default)
        rows.append(SettingRow(f"{rule}.{t(param.title_ja, param.name)}", yes_no(value) if param.type is bool else value,
                               _param_note(title, param), (YES, NO) if param.type is bool else ()))
    return rows


def _param_note(title: str, param: Param) -> str:
    """`<rule title>: <parameter title>（1〜10）`."""
    note = f"{title}: {t(param.title_ja, param.title_en)}"
    if param.minimum is not None or param.maximum is not None:
        note += f"（{bound_text(param.minimum)}〜{bound_text(param.maximum)}）"
    return note


def bound_text(value: float | None) -> str:
    """A parameter's bound as a coordinator reads it: 10,000,000,000 (yen), not 1e+10; "" for none."""
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,g}"
