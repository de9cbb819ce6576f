"""Before openpyxl sees a file: is it really an .xlsx, and is it safe to unpack?

Files people send are often something else (an old .xls, a CSV, a LibreOffice .ods, a
password-protected workbook) and each gets a message saying what to do. A zip whose declared
contents are huge (a zip bomb) is refused from its directory alone, before anything is unpacked;
Python's zipfile never inflates a member past its declared size, so the declared sizes are a bound.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from models.i18n import t

MAX_UNPACKED_BYTES = 100 * 2**20  # all parts of one workbook together, once unpacked
MAX_PARTS = 10_000  # files inside the zip
_SNIFF_BYTES = 16 * 2**20  # how much of an OLE file to look through for the encryption stream

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")  # the OLE stream name of an encrypted OOXML file
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"


def save_as_xlsx() -> str:
    return t("Excel で開き、[名前を付けて保存] で「Excel ブック (*.xlsx)」を選んで保存し直してから取り込んでください。",
             "Open it in Excel, choose Save As > Excel Workbook (*.xlsx), and import the .xlsx file.")


def not_a_workbook() -> str:
    return t("Excel ブック (.xlsx) として読めません。", "cannot be read as an Excel workbook (.xlsx).") + t(
        "ファイルが壊れているか、別の形式です。", " The file is damaged or of another kind. ") + save_as_xlsx()


def _ole_message(path: Path) -> str:
    with path.open("rb") as stream:
        head = stream.read(_SNIFF_BYTES)
    if _ENCRYPTED in head:
        return t(
            "パスワードで保護されたブックは読めません。Excel で開き、[ファイル] > [情報] > [ブックの保護] > "
            "[パスワードを使用して暗号化] でパスワードを空にして保存し直してから取り込んでください。",
            "the workbook is password-protected. Open it in Excel, clear the password (File > Info > Protect "
            "Workbook > Encrypt with Password), save it, and import it again.",
        )
    return t("古い形式の Excel ファイル (.xls) です。", "this is an old-format Excel file (.xls). ") + save_as_xlsx()


def _zip_message(path: Path) -> str | None:
    """Why the zip at `path` is not a workbook Haichi opens, or None if it may be opened."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if len(infos) > MAX_PARTS:
                return t("ブックの中のファイル数が多すぎます ({n} 個)。", "the workbook holds too many parts ({n}). ",
                         n=len(infos)) + save_as_xlsx()
            unpacked = sum(info.file_size for info in infos)
            if unpacked > MAX_UNPACKED_BYTES:
                return t(
                    "ブックを展開すると {size} MB になり、上限の {limit} MB を超えます。不要なシートや画像を削除してください。",
                    "the workbook unpacks to {size} MB, more than the {limit} MB limit: remove unused sheets "
                    "or pictures.",
                    size=unpacked // 2**20, limit=MAX_UNPACKED_BYTES // 2**20,
                )
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
                if archive.read("mimetype").startswith(_ODS):
                    return t(
                        "OpenDocument 形式 (.ods) は取り込めません。LibreOffice Calc か Excel で「Excel 2007-365 "
                        "(.xlsx)」形式で保存し直してください。",
                        "OpenDocument spreadsheets (.ods) cannot be imported: save it as Excel 2007-365 (.xlsx) "
                        "from LibreOffice Calc or Excel.",
                    )
            if "xl/workbook.bin" in names:
                return t("バイナリ形式のブック (.xlsb) です。", "this is a binary workbook (.xlsb). ") + save_as_xlsx()
            if "xl/workbook.xml" not in names:
                return not_a_workbook()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError):
        return not_a_workbook()
    return None


def _delimited_text(head: bytes) -> bool:
    """Whether a file's first bytes are a CSV or tab-separated text (renamed to .xlsx, say): no
    NUL byte, a line break and a comma or tab before it, and no markup."""
    line, newline, _rest = head.partition(b"\n")
    return (b"\0" not in head and bool(newline) and (b"," in line or b"\t" in line)
            and not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"))


def _text_message(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return t("CSV・テキストファイルは取り込めません。", "CSV and text files cannot be imported. ") + save_as_xlsx()
    if _delimited_text(head):  # Excel may refuse to open it under its workbook name: rename it first
        return t("CSV・テキストファイルは取り込めません (中身が CSV です)。拡張子を .csv に変えてから Excel で開き、"
                 "[名前を付けて保存] で「Excel ブック (*.xlsx)」を選んで保存し直してから取り込んでください。",
                 "CSV and text files cannot be imported (this file holds CSV). Rename it to .csv, open it in "
                 "Excel, choose Save As > Excel Workbook (*.xlsx), and import the .xlsx file.")
    if lowered.startswith((b"<html", b"<!doctype html", b"<?xml", b"<table")):
        # Web pages and Excel 2003 XML saved under an .xls name.
        return t("Web ページ / XML 形式の表は取り込めません。", "web-page and XML spreadsheets cannot be imported. ") + (
            save_as_xlsx())
    if suffix == ".ods":
        return t("OpenDocument 形式 (.ods) が壊れています。", "the OpenDocument file (.ods) is damaged. ") + save_as_xlsx()
    return not_a_workbook()


def refusal(path: Path) -> str | None:
    """Why the file at `path` cannot be opened as an .xlsx workbook (what to do about it, in the
    current language), or None when it looks like an .xlsx within the size limits."""
    if path.name.startswith("~$"):  # Excel's lock file beside a workbook it has open: owner's name, no sheets
        return t("Excel がブックを開いている間に作る一時ファイル（名前が ~$ で始まる）です。元のブック（{name}）を指定してください。",
                 "this is the temporary file Excel keeps while a workbook is open (its name starts with ~$): give "
                 "the workbook itself ({name}).", name=path.name[2:])
    with path.open("rb") as stream:
        head = stream.read(512)
    if head.startswith(_OLE_MAGIC):
        return _ole_message(path)
    if head.startswith(_ZIP_MAGIC):
        return _zip_message(path)
    return _text_message(path, head)
