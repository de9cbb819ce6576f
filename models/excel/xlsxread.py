"""A fast streaming reader of .xlsx cell values, for the importer.

openpyxl's read-only mode spends most of a big import building objects per cell (descriptors,
inline-string `Text` objects) and parses through defusedxml's pure-Python expat handlers. Here
each sheet part is streamed through the C XML parser and rows come out as tuples of plain values
that equal openpyxl's `iter_rows(values_only=True)` after `reset_dimensions()`, types included:
shared and inline strings (rich-text runs joined, phonetic runs left out), int/float numbers,
bools, error strings, cached formula values, and datetime/time/timedelta for date-styled numbers
(1900 or 1904 system). Rows missing from the file come out as `()`; a row is as wide as its last
cell. One deliberate difference: numbers styled with the East Asian built-in date formats
(ids 27–36 and 50–58, which files need not spell out) are dates here, plain numbers in openpyxl.
Another: a formula cell without a saved result is its formula as `Unevaluated` (`=A11+1`), where
openpyxl gives None, as for a blank cell.

A DTD is refused before the C parser sees it: a small expat guard reads each part's prolog (the
only place a DTD may stand) and raises on a DOCTYPE or entity declaration.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections import deque
from pathlib import Path
from pyexpat import ExpatError, ParserCreate
from string import digits
from typing import IO, Any, Callable, Iterator
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_ISO8601, from_excel

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_CHUNK = 256 * 1024  # bytes fed to the parser at a time
_LOCALE_DATE_IDS = frozenset(range(27, 37)) | frozenset(range(50, 59))  # CJK built-in dates, unnamed in files
_ERROR_VALUE = "#VALUE!"  # what openpyxl gives a date-styled number outside the dates Python knows


class Unevaluated(str):
    """A formula cell whose result the file does not hold (written by a program and never opened in
    a spreadsheet, which would have saved it): its formula, `=A11+1`, for the importer to name."""


class XlsxError(Exception):
    """The file or one of its parts cannot be read as an .xlsx (bad zip, bad XML, a DTD)."""


class _RootStarted(Exception):
    """The guard saw the document element: the prolog, and any DTD in it, is behind us."""


def _forbid(*_args: Any) -> None:
    raise XlsxError("DTDs and entity declarations are not allowed in an .xlsx part")


def _root_started(*_args: Any) -> None:
    raise _RootStarted


def batches(stream: IO[bytes]) -> Iterator[list[tuple[str, Element]]]:
    """Lists of ("end", element) pairs from the XML in `stream`, one list per chunk fed to the
    C parser (a list is walked much faster than a generator per event); raises XlsxError on bad
    XML or on any DTD (checked in the prolog before the C parser sees it)."""
    guard = ParserCreate()
    guard.StartDoctypeDeclHandler = guard.EntityDeclHandler = _forbid
    guard.StartElementHandler = _root_started
    guarding = True
    parser = XMLPullParser(("end",))
    try:
        while chunk := stream.read(_CHUNK):
            if guarding:
                try:
                    guard.Parse(chunk, False)
                except _RootStarted:
                    guarding = False
            parser.feed(chunk)
            yield _drain(parser)
        if guarding:
            guard.Parse(b"", True)  # a document that never starts is bad XML, said by the guard
        parser.close()
        yield _drain(parser)
    except (ParseError, ExpatError, zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise XlsxError(f"bad XML or damaged part: {error}") from error


def _drain(parser: XMLPullParser) -> list[tuple[str, Element]]:
    """The events parsed so far, taken from the parser's queue in one go where it has one."""
    queue = getattr(parser, "_events_queue", None)
    if not isinstance(queue, deque):  # another Python: the public, slower way
        return list(parser.read_events())
    if queue and isinstance(queue[-1], BaseException):
        raise XlsxError(f"bad XML: {queue[-1]}") from queue[-1]  # feed() queues its parse error
    batch = list(queue)
    queue.clear()
    return batch


def tree(stream: IO[bytes]) -> Element:
    """The root element of the (small) XML part in `stream`; raises XlsxError like `batches`."""
    root: Element | None = None
    for batch in batches(stream):
        if batch:
            root = batch[-1][1]
    if root is None:
        raise XlsxError("empty XML part")
    return root


def _text(node: Element, t_tag: str, r_tag: str) -> str:
    """The text of a string item (`<si>` or `<is>`): plain text then rich-text runs, as openpyxl
    joins them; phonetic guides (`<rPh>`) are left out."""
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        tag = child.tag
        if tag == t_tag:
            plain = child.text
        elif tag == r_tag:
            run: str | None = None
            for part in child:
                if part.tag == t_tag:
                    run = part.text
            if run is not None:
                runs.append(run)
    if not runs:
        return plain or ""
    return (plain or "") + "".join(runs)


def _row_number(text: str) -> int:
    """A `<row r=...>` attribute as openpyxl reads it (`3.0` is row 3)."""
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise
        return int(value)


def _tags(ns: str) -> tuple[str, str, str, str]:
    """The value, inline-string, text and run tags of one namespace."""
    return f"{{{ns}}}v", f"{{{ns}}}is", f"{{{ns}}}t", f"{{{ns}}}r"


_FORMULA_TAGS = {f"{{{ns}}}v": f"{{{ns}}}f" for ns in (MAIN_NS, STRICT_NS)}  # a namespace's <f>, by its <v>


_ROW_TAGS = {f"{{{ns}}}row": _tags(ns) for ns in (MAIN_NS, STRICT_NS)}
_SI_TAGS = {f"{{{ns}}}si": _tags(ns) for ns in (MAIN_NS, STRICT_NS)}
_MERGE_TAGS = frozenset(f"{{{ns}}}mergeCell" for ns in (MAIN_NS, STRICT_NS))
Range = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based, inclusive)


def _merge_range(element: Element) -> Range | None:
    """The range of a `<mergeCell ref="H2:I2">`, None when its reference names no whole range."""
    try:  # (min column, min row, max column, max row); None where it names none
        left, top, right, bottom = range_boundaries(element.get("ref", ""))
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom):
        return None
    return top, left, bottom, right


def merged_ranges(stream: IO[bytes]) -> list[Range]:
    """The merged cell ranges of the worksheet part in `stream`, for a sheet read some other way
    (openpyxl's read-only mode does not keep them); raises XlsxError like `batches`."""
    found: list[Range] = []
    for batch in batches(stream):
        for _event, element in batch:
            if element.tag in _MERGE_TAGS and (merge := _merge_range(element)) is not None:
                found.append(merge)
            elif element.tag in _ROW_TAGS:
                element.clear()  # the cells are not wanted: keep a large sheet's memory flat
    return found


_WORKBOOK_TYPES = tuple(  # in openpyxl's order of preference
    f"application/vnd.{kind}"
    for kind in (
        "ms-excel.template.macroEnabled.main+xml",
        "openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "ms-excel.sheet.macroEnabled.main+xml",
        "openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    )
)
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_REL_IDS = tuple(
    f"{{{ns}}}id" for ns in (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    )
)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Package:
    """Where things are in the zip, found as openpyxl finds them: the workbook and shared-strings
    parts from [Content_Types].xml, sheets from the workbook and its relationships."""

    def __init__(self, archive: zipfile.ZipFile, read: Callable[[str], Element]):
        names = set(archive.namelist())
        overrides: list[tuple[str, str]] = []
        defaults: set[str] = set()
        for node in read("[Content_Types].xml"):
            if _local(node.tag) == "Override":
                overrides.append((node.get("ContentType", ""), node.get("PartName", "")))
            elif _local(node.tag) == "Default":
                defaults.add(node.get("ContentType", ""))
        workbook = self._workbook_part(overrides, defaults)
        self.shared_strings = next((part[1:] for kind, part in overrides if kind == _SHARED_STRINGS), None)
        self.styles = read("xl/styles.xml") if "xl/styles.xml" in names else None
        self.date1904 = False
        self.titles: list[str] = []
        self.worksheets: dict[str, str] = {}
        targets = self._targets(read, workbook)
        for node in read(workbook):
            if _local(node.tag) == "workbookPr":
                flag = node.get("date1904")
                self.date1904 = flag is not None and flag not in ("false", "f", "0") and bool(flag)
            elif _local(node.tag) == "sheets":
                for sheet in node:
                    self._add_sheet(sheet, targets, names)

    @staticmethod
    def _workbook_part(overrides: list[tuple[str, str]], defaults: set[str]) -> str:
        for wanted in _WORKBOOK_TYPES:
            for kind, part in overrides:
                if kind == wanted and part:
                    return part[1:]
        if defaults & set(_WORKBOOK_TYPES):
            return "xl/workbook.xml"
        raise XlsxError("no workbook part")

    @staticmethod
    def _targets(read: Callable[[str], Element], workbook: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, part name in the zip) for the workbook part."""
        folder, name = posixpath.split(workbook)
        targets: dict[str, tuple[str, str]] = {}
        for rel in read(posixpath.join(folder, "_rels", f"{name}.rels")):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            # Absolute targets start at the zip's root; relative ones at the workbook's folder.
            target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            targets[rel.get("Id", "")] = (rel.get("Type", ""), target)
        return targets

    def _add_sheet(self, sheet: Element, targets: dict[str, tuple[str, str]], names: set[str]) -> None:
        rel_id = next((sheet.get(key) for key in _REL_IDS if sheet.get(key)), None)
        if not rel_id:
            return  # openpyxl drops a sheet without a relationship id
        if rel_id not in targets:
            raise XlsxError(f"sheet relationship {rel_id} is missing")
        kind, target = targets[rel_id]
        if target not in names:
            return  # nor does it list a sheet whose part is not in the zip
        title = sheet.get("name", "")
        self.titles.append(title)
        if "chartsheet" not in kind:
            self.worksheets[title] = target


class XlsxBook:
    """An .xlsx opened for reading values; `titles` lists its sheets in workbook order."""

    def __init__(self, source: str | Path | IO[bytes]):
        try:
            self._zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
            raise XlsxError(f"not a zip file: {error}") from error
        try:
            parts = _Package(self._zip, self._tree)
            self.titles: list[str] = parts.titles
            self._sheets: dict[str, str] = parts.worksheets
            self._epoch = MAC_EPOCH if parts.date1904 else WINDOWS_EPOCH
            self._dates, self._timedeltas = self._date_styles(parts.styles)
            self._dates_seen: dict[tuple[str, int], Any] = {}
            self._merged: dict[str, list[Range]] = {}
            self._strings = self._shared_strings(parts.shared_strings)
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> XlsxBook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def has_rows(self, title: str) -> bool:
        """True when `title` is a worksheet this reader streams (a chartsheet is not)."""
        return title in self._sheets

    def _open(self, member: str) -> IO[bytes]:
        try:
            return self._zip.open(member)
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
            raise XlsxError(f"cannot open part {member}: {error}") from error

    def _tree(self, member: str) -> Element:
        with self._open(member) as stream:
            return tree(stream)

    def _date_styles(self, styles: Element | None) -> tuple[frozenset[int], frozenset[int]]:
        """Indexes of the cell styles (cellXfs) that make a number a date, and those that make it
        a duration; a missing stylesheet has neither."""
        if styles is None:
            return frozenset(), frozenset()
        custom: dict[int, str | None] = {}
        dates: set[int] = set()
        timedeltas: set[int] = set()
        for node in styles:
            name = _local(node.tag)
            if name == "numFmts":
                for fmt in node:
                    custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode")
            elif name == "cellXfs":
                for index, xf in enumerate(node):
                    fmt_id = int(xf.get("numFmtId") or 0)
                    code = custom[fmt_id] if fmt_id in custom else BUILTIN_FORMATS.get(fmt_id)
                    if is_date_format(code) or (fmt_id not in custom and fmt_id in _LOCALE_DATE_IDS):
                        dates.add(index)
                    if is_timedelta_format(code):
                        timedeltas.add(index)
        return frozenset(dates), frozenset(timedeltas)

    def _shared_strings(self, member: str | None) -> list[str]:
        if member is None:
            return []
        strings: list[str] = []
        with self._open(member) as stream:
            for batch in batches(stream):
                for _event, element in batch:
                    tags = _SI_TAGS.get(element.tag)
                    if tags is not None:
                        strings.append(_text(element, tags[2], tags[3]).replace("x005F_", ""))
                        element.clear()
        return strings

    def rows(self, title: str) -> Iterator[tuple[Any, ...]]:
        """The rows of the worksheet `title`, top to bottom, as tuples of values (`()` for a row
        the file leaves out). Raises KeyError for an unknown title, XlsxError for a damaged part,
        ValueError/IndexError for a cell openpyxl would not read either."""
        member = self._sheets[title]
        counter = 1  # the next row number to hand out
        number = 0
        columns: dict[str, int] = {}
        merged = self._merged[title] = []
        with self._open(member) as stream:
            for batch in batches(stream):
                for _event, element in batch:
                    tags = _ROW_TAGS.get(element.tag)
                    if tags is None:
                        if element.tag in _MERGE_TAGS and (found := _merge_range(element)) is not None:
                            merged.append(found)
                        continue
                    ref = element.get("r")
                    number = _row_number(ref) if ref is not None else number + 1
                    values = self._row(element, tags, columns)
                    element.clear()
                    while counter < number:
                        counter += 1
                        yield ()
                    if counter <= number:  # a row number seen before is skipped, as openpyxl does
                        counter += 1
                        yield values

    def merged(self, title: str) -> list[Range]:
        """The merged cell ranges of the worksheet `title` (known once its rows have been read)."""
        return self._merged.get(title, [])

    def _row(self, row: Element, tags: tuple[str, str, str, str], columns: dict[str, int]) -> tuple[Any, ...]:
        """One `<row>`'s values by column; as wide as its last cell (openpyxl's rule)."""
        v_tag, is_tag, t_tag, r_tag = tags
        strings, dates = self._strings, self._dates
        out: list[Any] = []
        filled = col = 0
        for cell in row:
            ref = cell.get("r")
            if ref:
                letters = ref.rstrip(digits)
                col = columns.get(letters, 0)
                if not col or letters == ref:  # a new column, or no row number: check it the slow way
                    col = self._column(ref, letters, columns)
            else:
                col += 1
            kind = cell.get("t")
            if kind == "inlineStr":
                node = cell.find(is_tag)
                if node is None:
                    value = None
                elif len(node) == 1 and node[0].tag == t_tag:  # plain text, the usual case
                    value = node[0].text or ""
                else:
                    value = _text(node, t_tag, r_tag)
            else:
                value = cell.findtext(v_tag) or None
                if value is None and (formula := cell.find(_FORMULA_TAGS[v_tag])) is not None:
                    value = Unevaluated("=" + (formula.text or ""))  # no saved result: not a blank cell
                elif value is not None:
                    if kind is None or kind == "n":
                        style = cell.get("s")
                        if style and int(style) in dates:
                            value = self._date(value, int(style))
                        else:
                            value = float(value) if ("." in value or "E" in value or "e" in value) else int(value)
                    elif kind == "s":
                        value = strings[int(value)]
                    elif kind == "b":
                        value = bool(int(value))
                    elif kind == "d":
                        value = from_ISO8601(value)
            if col > filled:
                if col > filled + 1:
                    out.extend([None] * (col - filled - 1))  # cells the file leaves out
                out.append(value)
                filled = col
            else:
                out[col - 1] = value  # out of order or repeated: the later cell wins
        del out[col:]  # as wide as the last cell, even when an earlier one reached further
        return tuple(out)

    @staticmethod
    def _column(ref: str, letters: str, columns: dict[str, int]) -> int:
        """The 1-based column of a cell reference (`AB12` -> 28), remembered by its letters."""
        col = coordinate_to_tuple(ref)[1]  # raises on a malformed reference, as openpyxl does
        if letters != ref:
            columns[letters] = col
        return col

    def _date(self, text: str, style: int) -> Any:
        """A date-styled number as openpyxl converts it (datetime, time below 1, or timedelta),
        remembered: a plan's few hundred days and times fill tens of thousands of cells."""
        key = (text, style)
        value = self._dates_seen.get(key)
        if value is None:
            number = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
            try:
                value = from_excel(number, self._epoch, timedelta=style in self._timedeltas)
            except (OverflowError, ValueError):
                value = _ERROR_VALUE
            self._dates_seen[key] = value
        return value
