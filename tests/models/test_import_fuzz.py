"""Fuzzing the importer: mutated copies of small valid workbooks never crash it.

Every outcome is either a Problem or an InvalidInput whose problems are clean sentences (no
exception names, no tracebacks). The normal run tries a few hundred workbooks; the `slow`
batch tries thousands (`pytest -m slow tests/models/test_import_fuzz.py`).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import form, standard, write_book

from models.domain import Problem
from models.errors import InvalidInput
from models.excel.importer import read_workbooks

FAST = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
FAST_BYTES = settings(FAST, max_examples=400)  # cheaper: most die at the zip or the XML
SLOW = settings(max_examples=2000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

SETTINGS_ROWS = [["項目", "値"], ["空欄の扱い", "可"], ["期間開始", "2026/4/1"], ["期間終了", "2026/4/30"]]
SITES_ROWS = [["会場", "区", "移動グループ"], ["灘", "灘区", "東部"], ["東灘", "東灘区", "東部"]]
FORM = form("H001", [[datetime(2026, 4, 1), "水", "○", ""], [datetime(2026, 4, 14), "火", "×", "用事"]])
_CLEAN = re.compile(r"Traceback|Error\(|Exception|object at 0x|<[a-z_.]+ ")

# Values of every kind a cell can hold, with the text people (and attackers) put in cells.
cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.dates(min_value=date(1900, 3, 1)),
    st.times(),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),  # what Excel can store
    st.sampled_from(["○", "×", "△", "午前", "PM", "=1+1", "@x", "#N/A", "9:00", "２５：００", "R8.4.1",
                     "令和8年4月1日", "4/31", "H001", "H002", "灘", "リーダー:-1", "フッ化物：2、リーダー:x",
                     "空欄の扱い", "職員ID", "日付", "", " ", "ー", "1e309", "-0", "0x10", "\u200b", "𠮷野家"]),
)


def _base_sheets() -> dict[str, list[list[Any]]]:
    sheets = {title: [list(r) for r in rows] for title, rows in standard().items()}
    sheets["会場"] = [list(r) for r in SITES_ROWS]
    sheets["設定"] = [list(r) for r in SETTINGS_ROWS]
    sheets["勤務可否_H001"] = [list(r) for r in FORM]
    return sheets


@st.composite
def mutated_sheets(draw: st.DrawFn) -> dict[str, list[list[Any]]]:
    """The base sheets after a handful of edits: cells changed, rows and sheets dropped or doubled."""
    sheets = _base_sheets()
    for _ in range(draw(st.integers(1, 8))):
        title = draw(st.sampled_from(sorted(sheets)))
        rows = sheets[title]
        action = draw(st.sampled_from(["cell", "cell", "cell", "del_row", "dup_row", "del_sheet", "dup_sheet",
                                       "rename", "wide"]))
        if action == "cell" and rows:
            r = draw(st.integers(0, len(rows)))
            c = draw(st.integers(0, 9))
            while r >= len(rows):
                rows.append([])
            rows[r] = rows[r] + [None] * (c + 1 - len(rows[r]))
            rows[r][c] = draw(cell_values)
        elif action == "del_row" and rows:
            del rows[draw(st.integers(0, len(rows) - 1))]
        elif action == "dup_row" and rows:
            i = draw(st.integers(0, len(rows) - 1))
            rows.insert(i, list(rows[i]))
        elif action == "del_sheet" and len(sheets) > 1:
            del sheets[title]
        elif action == "dup_sheet":
            sheets[f"{title}{draw(st.sampled_from(['', ' ', '2', '_4月']))}"[:31] + ("" if title else "x")] = [
                list(r) for r in rows]
        elif action == "rename":
            new = draw(st.sampled_from(["Staff", "Sessions", "Availability", "Sites", "Settings", "メモ", "職員 "]))
            sheets[new] = sheets.pop(title)
        elif action == "wide" and rows:
            rows[0] = rows[0] + [draw(cell_values) for _ in range(draw(st.integers(1, 40)))]
    return sheets


def _outcome(paths: list[Path]) -> Problem | InvalidInput:
    try:
        return read_workbooks(paths)
    except InvalidInput as error:
        assert error.problems, "an InvalidInput must say what is wrong"
        for problem in error.problems:
            text = str(problem)
            assert problem.message.strip() and not _CLEAN.search(text), text
        return error


def _write_sheets(path: Path, sheets: dict[str, list[list[Any]]]) -> Path | None:
    if not sheets:
        return None
    return write_book(path, sheets)


def _cell_case(tmp_path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    path = _write_sheets(tmp_path / "mutated.xlsx", sheets)
    if path is not None:
        _outcome([path])


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("fuzz")
    return write_book(folder / "good.xlsx", _base_sheets()).read_bytes()


@st.composite
def byte_edits(draw: st.DrawFn, size: int) -> list[tuple[str, int, bytes]]:
    """Random bytes written over, inserted into or cut from a file of `size` bytes."""
    edits = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["overwrite", "insert", "truncate"]))
        at = draw(st.integers(0, max(0, size - 1)))
        edits.append((kind, at, draw(st.binary(min_size=1, max_size=16))))
    return edits


def _apply(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, at, chunk in edits:
        at = min(at, len(out))
        if kind == "overwrite":
            out[at:at + len(chunk)] = chunk
        elif kind == "insert":
            out[at:at] = chunk
        else:
            del out[at:]
    return bytes(out)


def _mutate_part(data: bytes, part_index: int, edits: list[tuple[str, int, bytes]]) -> bytes:
    """The workbook with one part's unpacked XML mutated, re-zipped correctly (reaches the XML parser)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    infos = source.infolist()
    target_name = infos[part_index % len(infos)].filename
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in infos:
            content = source.read(info.filename)
            out.writestr(info.filename, _apply(content, edits) if info.filename == target_name else content)
    return buffer.getvalue()


def _bytes_case(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bytes.xlsx"
    path.write_bytes(data)
    _outcome([path])


# -- CI-sized batches ------------------------------------------------------------------------------
@FAST
@given(sheets=mutated_sheets())
def test_mutated_cells_rows_and_sheets(tmp_path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    _cell_case(tmp_path, sheets)


@FAST_BYTES
@given(data=st.data())
def test_random_bytes_in_the_zip(tmp_path: Path, good_bytes: bytes, data: st.DataObject) -> None:
    _bytes_case(tmp_path, _apply(good_bytes, data.draw(byte_edits(len(good_bytes)))))


@FAST_BYTES
@given(part=st.integers(0, 30), data=st.data())
def test_random_bytes_in_one_part(tmp_path: Path, good_bytes: bytes, part: int, data: st.DataObject) -> None:
    _bytes_case(tmp_path, _mutate_part(good_bytes, part, data.draw(byte_edits(3000))))


def test_the_base_workbook_imports(good_bytes: bytes, tmp_path: Path) -> None:
    outcome = _outcome([_write_sheets(tmp_path / "base.xlsx", _base_sheets())])  # type: ignore[list-item]
    assert isinstance(outcome, Problem), outcome


# -- the larger batch ------------------------------------------------------------------------------
def _slow(test: Callable[..., None]) -> Callable[..., None]:
    return pytest.mark.slow(SLOW(test))


@_slow
@given(sheets=mutated_sheets())
def test_many_mutated_workbooks(tmp_path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    _cell_case(tmp_path, sheets)


@_slow
@given(data=st.data())
def test_many_byte_mutations(tmp_path: Path, good_bytes: bytes, data: st.DataObject) -> None:
    _bytes_case(tmp_path, _apply(good_bytes, data.draw(byte_edits(len(good_bytes)))))


@_slow
@given(part=st.integers(0, 30), data=st.data())
def test_many_part_mutations(tmp_path: Path, good_bytes: bytes, part: int, data: st.DataObject) -> None:
    _bytes_case(tmp_path, _mutate_part(good_bytes, part, data.draw(byte_edits(3000))))


# -- cases the larger batch found ------------------------------------------------------------------
def test_a_number_beyond_any_day_above_a_form(tmp_path: Path) -> None:
    """A form without its title and header row, 2147483648 above it, is read as a matrix whose header
    holds that number: it once overflowed the reading of day numbers."""
    sheets = _base_sheets()
    sheets["勤務可否_H001"] = [[None, None, 2**31], ["職員ID", "H001"], ["氏名", ""], [],
                              [datetime(2026, 4, 1), "水", "○", ""], [datetime(2026, 4, 14), "火", "×", "用事"]]
    assert isinstance(_outcome([_write_sheets(tmp_path / "big.xlsx", sheets)]), (Problem, InvalidInput))  # type: ignore[list-item]
