"""The language messages default to, from the system's locale."""

from __future__ import annotations

import pytest

from models.i18n import system_language

VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.mark.parametrize(("settings", "expected"), [
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),  # English for any other language named
    # a machine that names no language (a fresh container): Japanese, Haichi's own, where Python calls it en_US
    ({"LANG": "C.UTF-8"}, "ja"),
    ({"LANG": "POSIX"}, "ja"),
    ({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, "en"),  # the one that names a language decides
    ({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
])
def test_the_system_language(monkeypatch: pytest.MonkeyPatch, settings: dict[str, str], expected: str) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    assert system_language() == expected


def test_a_person_is_named_once_when_the_name_is_the_id() -> None:
    """A register without an ID column makes each name the ID: `伊藤 隆 (伊藤 隆)` was printed on every line."""
    from models.domain import name_and_id

    assert name_and_id("H001", "山田 花子") == "山田 花子 (H001)"
    assert name_and_id("伊藤 隆", "伊藤 隆") == "伊藤 隆"
