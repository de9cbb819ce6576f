"""What can go wrong when reading or writing plans, in words a coordinator understands."""

from __future__ import annotations

from models.i18n import t


class StorageError(Exception):
    """Base of every storage refusal; `str()` is the user-facing message."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class PlanNotFound(StorageError, KeyError):
    """No plan of that name in the database (also a KeyError, for `except KeyError`)."""

    def __init__(self, plan_name: str):
        self.plan_name = plan_name
        super().__init__(t("計画「{name}」が見つかりません", "plan \"{name}\" not found", name=plan_name))


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
