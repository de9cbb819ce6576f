"""What can go wrong when reading or writing plans, in words a coordinator understands."""

from __future__ import annotations

from datetime import date, datetime

from models.i18n import t


class StorageError(Exception):
    """Base of every storage refusal; `str()` is the user-facing message."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class PlanNotFound(StorageError, KeyError):
    """No plan of that name in the database (also a KeyError, for `except KeyError`)."""

    # plans named in the message when the database holds others
    NAMED = 8

    def __init__(self, plan_name: str, others: list[str] | None = None):
        self.plan_name = plan_name
        text = t("計画「{name}」が見つかりません", "plan \"{name}\" not found", name=plan_name)
        if others:
            shown = "、".join(f"「{name}」" for name in others[:self.NAMED]) + (
                t(" ほか {n} 件", " and {n} more", n=len(others) - self.NAMED) if len(others) > self.NAMED else "")
            text += t("（データベースの計画: {plans}）", " (plans in the database: {plans})", plans=shown)
        super().__init__(text)


class SolutionNotFound(StorageError, KeyError):
    """The plan has no solution with that version number."""

    def __init__(self, plan_name: str, version: int):
        self.plan_name, self.version = plan_name, version
        super().__init__(
            t(
                "計画「{name}」に版 {version} はありません",
                "plan \"{name}\" has no version {version}",
                name=plan_name,
                version=version,
            )
        )


class FrozenVersion(StorageError):
    """A published version cannot be changed; save a new draft instead."""

    def __init__(self, plan_name: str, version: int):
        self.plan_name, self.version = plan_name, version
        super().__init__(
            t(
                "計画「{name}」の版 {version} は公開済みのため変更できません",
                "plan \"{name}\" version {version} is published and cannot be changed",
                name=plan_name,
                version=version,
            )
        )


class OtherPeriod(StorageError):
    """Input for another period would replace that of a plan that has rosters (a copied workbook
    whose 計画名 still names last month's plan): refused, the plan is left as it was."""

    def __init__(self, plan_name: str, stored: tuple[date, date], given: tuple[date, date], versions: int):
        self.plan_name, self.stored, self.given = plan_name, stored, given
        super().__init__(
            t(
                "計画「{name}」は {old} の計画で、配置の版が {n} つあります。取り込もうとした入力は {new} の"
                "ものです。別の期間の計画なら、設定シートの「計画名」を変えるか --plan で別の名前を付けてください"
                "（この計画はそのままです）。",
                'plan "{name}" covers {old} and has {n} roster version(s); the input given covers {new}. For '
                "another period give the plan another name (計画名 on the 設定 sheet, or --plan); this plan "
                "is left as it was.",
                name=plan_name, n=versions,
                old=f"{stored[0].isoformat()}〜{stored[1].isoformat()}",
                new=f"{given[0].isoformat()}〜{given[1].isoformat()}",
            )
        )


class UnknownReference(StorageError, ValueError):
    """The data names a staff member the register does not hold."""

    def __init__(self, kind: str, names: list[str]):
        self.kind, self.names = kind, names
        shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
        super().__init__(
            t(
                "{kind} に名簿にない職員IDがあります: {names}",
                "{kind} names staff IDs that are not in the staff register: {names}",
                kind=kind,
                names=shown,
            )
        )


class ConcurrentEdit(StorageError):
    """Someone saved the plan after this copy was read: the save is refused, nothing is overwritten.

    `who`/`when` come from the audit log's newest line for the plan (None if it has none);
    `stored` is the plan's version now (None when it was deleted).
    """

    def __init__(
        self, plan_name: str, expected: int, stored: int | None, who: str | None, when: datetime | None
    ):
        self.plan_name, self.expected, self.stored, self.who, self.when = plan_name, expected, stored, who, when
        person = who or t("別の利用者", "another user")
        at = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else t("時刻不明", "an unknown time")
        reload = t(
            "何も保存していません。計画を開き直して (読み込み直して) から、変更をもう一度行ってください。",
            "Nothing was saved. Reload the plan, then make your changes again.",
        )
        if stored is None and expected > 0:
            said = t("計画「{name}」は {who} さんが {at} に削除しました。", 'plan "{name}" was deleted by {who} at {at}.',
                     name=plan_name, who=person, at=at)
        elif expected == 0:
            said = t("計画「{name}」は {who} さんが {at} に作成済みです (版 {stored})。",
                     'plan "{name}" was already created by {who} at {at} (version {stored}).',
                     name=plan_name, who=person, at=at, stored=stored)
        else:
            said = t(
                "計画「{name}」は、あなたが開いた後 (版 {expected}) に {who} さんが {at} に変更しました (現在 版 {stored})。",
                'plan "{name}" was changed by {who} at {at} after you opened it '
                "(you opened version {expected}; it is now version {stored}).",
                name=plan_name, who=person, at=at, expected=expected, stored=stored,
            )
        super().__init__(said + t("", " ") + reload)
