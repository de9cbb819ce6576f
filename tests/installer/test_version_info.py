"""Windows version information follows pyproject.toml's version."""

from __future__ import annotations

import pytest

from installer.version_info import VERSION_INFO, project_version, version_info_text, version_tuple


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)),
    ("1.2", (1, 2, 0, 0)),
    ("2.0.3rc1", (2, 0, 3, 0)),  # not .1: a release candidate must not outrank the final 2.0.3
    ("3.4.5+local.7", (3, 4, 5, 0)),
])
def test_version_tuple(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_tuple(version) == numbers


def test_text_is_pyinstallers_version_structure_with_both_languages() -> None:
    recorded: dict[str, list] = {}

    def recorder(name: str):
        def build(*args, **kwargs):
            recorded.setdefault(name, []).append((args, kwargs))
            return name
        return build

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    eval(version_info_text("1.2.3"), {n: recorder(n) for n in names})  # the file is evaluated like this
    assert recorded["FixedFileInfo"][0][1]["filevers"] == (1, 2, 3, 0)
    assert [args[0] for args, _ in recorded["StringTable"]] == ["041104B0", "040904B0"]  # Japanese, English
    strings = {args[0]: args[1] for args, _ in recorded["StringStruct"]}
    assert strings["ProductVersion"] == "1.2.3"


def test_committed_file_matches_the_project_version() -> None:
    assert VERSION_INFO.read_text(encoding="utf-8") == version_info_text(project_version())
