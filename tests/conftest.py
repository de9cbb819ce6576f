"""Test configuration shared by every test: Qt renders offscreen, messages in a fixed language."""

from __future__ import annotations

import os

# Set before any Qt import: GUI tests run without a display (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from models.i18n import language, set_language  # noqa: E402


@pytest.fixture(autouse=True)
def messages_in_english():
    """Every test starts with English messages and leaves them so: a test that switches the
    language (set_language, a CLI run with --lang ja) must not change the next tests' messages.
    A test or module wanting Japanese asks for `japanese`, which runs after this."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def japanese():
    """Messages in Japanese for one test (a module opts in with `pytestmark`), the language before restored."""
    before = language()
    set_language("ja")
    yield
    set_language(before)


@pytest.fixture
def english():
    """Messages in English for one test (a module opts in with `pytestmark`), the language before restored."""
    before = language()
    set_language("en")
    yield
    set_language(before)
