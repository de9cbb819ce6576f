"""The Inno Setup script says what the Windows install promises (it is compiled only on Windows CI)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "haichi.iss"


@pytest.fixture(scope="module")
def script() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # without the BOM Inno Setup reads the Japanese texts as ANSI
    return raw[3:].decode("utf-8")


def sections(script: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for line in script.splitlines():
        line = line.strip()
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            found.setdefault(current, [])
        elif line and not line.startswith(";") and current:
            found[current].append(line)
    return found


def test_per_user_install_without_admin(script: str) -> None:
    setup = sections(script)["Setup"]
    assert "PrivilegesRequired=lowest" in setup
    assert r"DefaultDirName={localappdata}\Programs\{#AppName}" in setup
    assert not any(line.startswith("PrivilegesRequiredOverridesAllowed") for line in setup)


def test_japanese_and_english_setup_with_every_custom_message_in_both(script: str) -> None:
    parts = sections(script)
    assert any("Japanese.isl" in line for line in parts["Languages"])
    assert any("Default.isl" in line for line in parts["Languages"])
    messages = [line.split("=", 1)[0] for line in parts["CustomMessages"]]
    japanese = {m.split(".", 1)[1] for m in messages if m.startswith("japanese.")}
    english = {m.split(".", 1)[1] for m in messages if m.startswith("english.")}
    assert japanese == english and japanese
    used = set(re.findall(r"\{cm:(\w+)", script)) - {"CreateDesktopIcon", "AdditionalIcons", "UninstallProgram",
                                                       "LaunchProgram"}  # Inno Setup's own messages
    assert used <= japanese


def test_plan_files_open_in_the_window_program(script: str) -> None:
    registry = " ".join(sections(script)["Registry"])
    assert r'Subkey: "Software\Classes\.haichi"' in registry
    assert r'ValueData: """{app}\{#AppExe}"" ""%1"""' in registry
    assert '#define AppExe "haichi-desktop.exe"' in script


def test_start_menu_entry_and_the_users_data_is_never_deleted(script: str) -> None:
    parts = sections(script)
    assert any(line.startswith(r'Name: "{group}\{#AppName}"') for line in parts["Icons"])
    assert "UninstallDelete" not in parts
    assert not any("Haichi" in line and "localappdata}\\Haichi" in line for line in script.splitlines())


def test_version_and_icon_come_from_the_build(script: str) -> None:
    setup = sections(script)["Setup"]
    assert "VersionInfoVersion={#AppVersionNumbers}" in setup
    assert r"SetupIconFile={#SourceRoot}\resources\icons\haichi.ico" in setup
    assert (ROOT / "resources" / "icons" / "haichi.ico").is_file()
