"""The language of messages outside Qt (CLI, importer, solver explanations): Japanese or English.

Messages are written inline with both texts, `t("不明な記号 {mark}", "unknown mark {mark}", mark=m)`,
so a message and its translation never drift apart. The desktop uses Qt Linguist for its widgets
and calls `set_language` so that messages from the lower layers match the UI.
"""

from __future__ import annotations

import locale
import os

_language = "ja"


# Locale names that choose no language: a machine set up without one (a server, a fresh container)
_NO_LANGUAGE = ("c", "c.utf-8", "c.utf8", "posix")


def system_language() -> str:
    """'ja' on a Japanese system (LANG/LC_ALL or the Windows locale), 'en' on one that names another
    language, and 'ja', Haichi's own, on one that names none (LANG=C): a coordinator's first run on
    such a machine read English messages beside the Japanese workbooks."""
    values = [os.environ.get(var, "") for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    for value in values:
        if value and value.lower() not in _NO_LANGUAGE:
            return "ja" if value.lower().startswith("ja") else "en"
    if any(values):  # LANG=C: Python's locale would call it en_US
        return "ja"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    if not name or name.lower() in _NO_LANGUAGE:
        return "ja"
    return "ja" if name.lower().startswith(("ja", "japanese")) else "en"


def set_language(language: str) -> None:
    global _language
    _language = "en" if language.lower().startswith("en") else "ja"


def language() -> str:
    return _language


def t(ja: str, en: str, /, **values: object) -> str:
    """The message in the current language, with `{name}` fields filled from `values`."""
    text = ja if _language == "ja" else en
    return text.format(**values) if values else text


set_language(system_language())
