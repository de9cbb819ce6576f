"""Files that are not what they claim, too big, or built to hurt: each is refused with a clean message."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from workbooks import standard, write_book

from models.errors import InvalidInput
from models.excel import filecheck, reader
from models.excel.importer import read_workbooks


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py: messages in English


def _messages(path: Path) -> list[str]:
    with pytest.raises(InvalidInput) as error:
        read_workbooks([path])
    return [str(p) for p in error.value.problems]


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    """A copy of the workbook at `source` with some of its parts replaced or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.pop(info.filename, old.read(info.filename)))
        for name, data in replace.items():
            new.writestr(name, data)
    return target


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_book(tmp_path / "good.xlsx", standard())


def test_the_good_workbook_imports(good: Path) -> None:
    assert len(read_workbooks([good]).staff) == 2


def test_old_xls(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4000)
    [message] = _messages(path)
    assert "old-format Excel file (.xls)" in message and "Save As > Excel Workbook (*.xlsx)" in message


def test_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 900 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 99)
    [message] = _messages(path)
    assert "password-protected" in message and "Encrypt with Password" in message


def test_csv_and_web_pages(tmp_path: Path) -> None:
    csv = tmp_path / "staff.csv"
    csv.write_text("職員ID,氏名\nH001,山田\n", encoding="utf-8")
    assert "CSV and text files cannot be imported" in _messages(csv)[0]
    renamed = tmp_path / "staff.xlsx"  # a CSV saved (or renamed) with the workbook's name
    renamed.write_bytes("職員ID,氏名\r\nH001,山田\r\n".encode("cp932"))
    assert "CSV and text files cannot be imported" in _messages(renamed)[0]
    html = tmp_path / "export.xls"
    html.write_text("<html><table><tr><td>1</td></tr></table></html>")
    assert "web-page and XML spreadsheets" in _messages(html)[0]


def test_ods_and_xlsb(tmp_path: Path) -> None:
    ods = tmp_path / "calc.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument spreadsheets (.ods) cannot be imported" in _messages(ods)[0]
    xlsb = tmp_path / "binary.xlsb"
    with zipfile.ZipFile(xlsb, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\0\1")
    assert "binary workbook (.xlsb)" in _messages(xlsb)[0]


def test_truncated_and_random_files(tmp_path: Path, good: Path) -> None:
    data = good.read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    noise = tmp_path / "noise.xlsx"
    noise.write_bytes(bytes(range(256)) * 10)
    for path in (cut, noise):
        [message] = _messages(path)
        assert "cannot be read as an Excel workbook (.xlsx)" in message


def test_an_xlsx_under_another_name_still_imports(tmp_path: Path, good: Path) -> None:
    renamed = tmp_path / "really.xls"
    renamed.write_bytes(good.read_bytes())
    assert len(read_workbooks([renamed]).requirements) == 2


def test_zip_bomb_refused_before_openpyxl(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _rezip(good, tmp_path / "bomb.xlsx", {"xl/media/zeros.bin": b"\0" * (3 * 2**20)})
    assert bomb.stat().st_size < 100_000
    monkeypatch.setattr(filecheck, "MAX_UNPACKED_BYTES", 2**20)

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    [message] = _messages(bomb)
    assert "unpacks to 3 MB, more than the 1 MB limit" in message


def test_real_size_limit_is_generous(good: Path) -> None:
    assert filecheck.MAX_UNPACKED_BYTES >= 50 * 2**20 and reader.MAX_CELLS >= 500 * 400


def test_too_many_rows_and_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_ROWS", 2)
    path = write_book(tmp_path / "long.xlsx", standard())
    assert any("枠!A3: the sheet is too large (values below row 2)" in m for m in _messages(path))
    monkeypatch.setattr(reader, "MAX_ROWS", 100)
    monkeypatch.setattr(reader, "MAX_COLUMNS", 3)
    assert any("has too many columns (more than 3)" in m for m in _messages(path))
    monkeypatch.setattr(reader, "MAX_COLUMNS", 100)
    monkeypatch.setattr(reader, "MAX_CELLS", 10)
    assert any("more than 10 cells" in m for m in _messages(path))


def test_far_away_empty_cells_are_not_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_book(tmp_path / "styled.xlsx", standard())
    wb = openpyxl.load_workbook(path)
    wb["職員"]["XFD3"].number_format = "0.00"  # formatted but empty, at the last column
    wb["枠"]["A150"].fill = openpyxl.styles.PatternFill("solid", fgColor="FFFF00")  # and far below the rows
    wb.save(path)
    monkeypatch.setattr(reader, "MAX_ROWS", 100)
    problem = read_workbooks([path])
    assert len(problem.staff) == 2 and len(problem.requirements) == 2


def test_overlong_cell(tmp_path: Path) -> None:
    rows = [list(r) for r in standard()["職員"]]
    rows[1][1] = "PLACEHOLDER"
    written = write_book(tmp_path / "short.xlsx", standard(職員=rows))
    with zipfile.ZipFile(written) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "PLACEHOLDER" in sheet
    # openpyxl cuts text at Excel's limit when writing, so the long cell is put in by hand.
    long_sheet = sheet.replace("PLACEHOLDER", "山" * 40_000).encode("utf-8")
    path = _rezip(written, tmp_path / "long.xlsx", {"xl/worksheets/sheet1.xml": long_sheet})
    messages = _messages(path)
    assert any("職員!B2: the cell holds 40000 characters, more than 32767" in m for m in messages)


def test_openpyxl_parses_with_defusedxml() -> None:
    import defusedxml.ElementTree
    from openpyxl import xml as openpyxl_xml
    from openpyxl.xml import functions

    assert openpyxl_xml.DEFUSEDXML
    assert functions.iterparse is defusedxml.ElementTree.iterparse
    assert functions.fromstring is defusedxml.ElementTree.fromstring


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml", "docProps/core.xml"])
def test_entity_expansion_is_refused(tmp_path: Path, good: Path, part: str) -> None:
    with zipfile.ZipFile(good) as archive:
        xml = archive.read(part).decode("utf-8")
    body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
    evil = LAUGHS + body.replace(">", ">&lol3;", 1)
    hostile = _rezip(good, tmp_path / "laughs.xlsx", {part: evil.encode("utf-8")})
    messages = _messages(hostile)
    assert messages and all("lollol" not in m for m in messages)


def test_unreadable_sheet_part(tmp_path: Path, good: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml").decode("utf-8")
    # Parses as XML when the workbook opens, fails only when the rows are read.
    bad = sheet.replace('<c r="F2" t="n"><v>2</v>', '<c r="F2" t="n"><v>two</v>')
    assert bad != sheet
    hostile = _rezip(good, tmp_path / "broken.xlsx", {"xl/worksheets/sheet2.xml": bad.encode("utf-8")})
    messages = _messages(hostile)
    assert any("枠: the sheet cannot be read; the file may be damaged" in m for m in messages)


def test_stream_is_closed_after_import(tmp_path: Path, good: Path) -> None:
    book = reader.open_book(good, [])
    assert book is not None
    book.close()
    assert book._stream.closed


def test_excels_lock_file_is_named_as_such(tmp_path: Path, good: Path) -> None:
    """Excel keeps `~$name.xlsx` beside a workbook it has open; picked by mistake it was "damaged"."""
    lock = tmp_path / "~$plan.xlsx"
    lock.write_bytes(b"\x0bcoordinator" + b"\x00" * 150)
    [message] = _messages(lock)
    assert "temporary file Excel keeps while a workbook is open" in message and "(plan.xlsx)" in message
