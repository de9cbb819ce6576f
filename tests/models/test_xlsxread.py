"""The fast .xlsx reader gives exactly the rows openpyxl's read-only mode gives (but for a formula
without its result, test_import_formulas), and refuses DTDs."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from workbooks import standard, write_book

from models.domain import Assignment, Roster
from models.excel import reader
from models.excel.export import write_master_workbook, write_roster
from models.excel.importer import read_workbooks
from models.excel.template import write_template
from models.excel.xlsxread import MAIN_NS, STRICT_NS, XlsxBook, XlsxError

pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")  # the hand-made ones
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "hygienists_2027_01.xlsx"


def _typed(rows: list[tuple[Any, ...]]) -> list[list[tuple[type, Any]]]:
    """Rows with each value's type beside it, so that 1 and 1.0, date and datetime differ."""
    return [[(type(value), value) for value in row] for row in rows]


def _openpyxl_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        out = {}
        for ws in wb.worksheets:
            ws.reset_dimensions()
            out[ws.title] = [tuple(row) for row in ws.iter_rows(values_only=True)]  # a missing row is []
        return out
    finally:
        wb.close()


def _fast_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with XlsxBook(path) as book:
        return {title: list(book.rows(title)) for title in book.titles}


def _assert_same_as_openpyxl(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    expected, got = _openpyxl_rows(path), _fast_rows(path)
    assert list(got) == list(expected)
    for title in expected:
        assert _typed(got[title]) == _typed(expected[title]), title
    return got


# -- workbooks written by openpyxl and by Haichi ---------------------------------------------------
def test_openpyxl_normal_mode(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "値"
    ws.append(["文字", 1, 2.5, 3.0, -7, 1e-7, 12345678901234, True, False, None, "  空白  "])
    ws.append([datetime(2027, 4, 1, 13, 30), date(2027, 4, 2), time(9, 15), timedelta(hours=30, minutes=5)])
    ws.append([])
    ws["C5"] = "離れたセル"
    # (a formula without cached value, None in openpyxl, is its formula here: test_import_formulas)
    ws["B8"] = CellRichText(["太", TextBlock(InlineFont(b=True), "字"), "です"])
    ws["A9"] = "結合"
    ws.merge_cells("A9:C10")
    ws["D9"] = "x_x005F_y"
    ws["E9"].value = 0.5
    ws["E9"].number_format = "h:mm"
    ws["F9"].value = 46478
    ws["F9"].number_format = 'yyyy"年"m"月"d"日"'
    ws["G9"].value = 46478
    ws["G9"].number_format = '"h"0'  # a quoted h is not a date
    ws["H9"].value = 2.5
    ws["H9"].number_format = "[h]:mm:ss"
    ws["I9"].value = 42
    ws["I9"].font = Font(bold=True)
    second = wb.create_sheet("空")
    second["B2"] = None
    path = tmp_path / "normal.xlsx"
    wb.save(path)  # openpyxl 3.1 writes inline strings; the shared-string table is tested below
    rows = _assert_same_as_openpyxl(path)["値"]
    assert rows[0] == ("文字", 1, 2.5, 3, -7, 1e-7, 12345678901234, True, False, None, "  空白  ")
    assert rows[1][:3] == (datetime(2027, 4, 1, 13, 30), datetime(2027, 4, 2), time(9, 15))
    assert rows[1][3] == timedelta(hours=30, minutes=5)
    assert rows[2] == () and rows[3] == () and rows[4] == (None, None, "離れたセル")
    assert rows[7] == (None, "太字です") and rows[8][0] == "結合" and rows[9] == ()
    assert rows[8][3:] == ("x_x005F_y", time(12), datetime(2027, 4, 1), 46478, timedelta(days=2.5), 42)


def test_openpyxl_write_only_mode(tmp_path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("流し込み")
    ws.append(["職員ID", "氏名", datetime(2027, 1, 4)])
    for i in range(200):
        ws.append([f"H{i:03d}", f"名前{i}", "○" if i % 3 else None, i * 0.25, i % 2 == 0])
    ws.append([None, None, None])
    ws.append(["最後"])
    path = tmp_path / "write_only.xlsx"
    wb.save(path)
    rows = _assert_same_as_openpyxl(path)["流し込み"]
    assert len(rows) == 203 and rows[2] == ("H001", "名前1", "○", 0.25, False)


def test_haichi_exports_with_inline_strings(tmp_path: Path) -> None:
    problem = read_workbooks([SAMPLE])
    roster = Roster([Assignment(person.id, req.id) for person, req in zip(problem.staff, problem.requirements)])
    written = [tmp_path / "roster.xlsx", tmp_path / "master.xlsx", tmp_path / "template.xlsx"]
    write_roster(written[0], problem, roster)
    write_master_workbook(written[1], problem, roster)
    write_template(written[2], problem.start, problem.end, problem=problem)
    with zipfile.ZipFile(written[0]) as archive:
        assert any(b't="inlineStr"' in archive.read(name) for name in archive.namelist() if "worksheets/" in name)
    for path in written:
        assert any(rows for rows in _assert_same_as_openpyxl(path).values())


def test_the_committed_sample() -> None:
    rows = _assert_same_as_openpyxl(SAMPLE)
    assert {"職員", "枠", "勤務可否"} <= set(rows)


def test_the_importer_reads_through_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_book(tmp_path / "book.xlsx", standard())
    before = read_workbooks([path])

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("openpyxl's row reader must not be used")

    monkeypatch.setattr(openpyxl.worksheet._read_only.ReadOnlyWorksheet, "_cells_by_row", never)
    assert read_workbooks([path]) == before


def test_the_importer_falls_back_to_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_book(tmp_path / "book.xlsx", standard())
    before = read_workbooks([path])

    def broken(*_args: object) -> None:
        raise XlsxError("a part the fast reader does not understand")

    monkeypatch.setattr(reader, "XlsxBook", broken)
    assert read_workbooks([path]) == before


# -- hand-made parts: sparse rows, cached formula values, phonetic guides, 1904, strict -----------
def _handmade(path: Path, sheet: str, *, strings: str = "", formats: str = "", xfs: str = '<xf numFmtId="0"/>',
              workbook_pr: str = "", ns: str = MAIN_NS, absolute: bool = False) -> Path:
    """A minimal .xlsx with one sheet named `データ` whose <sheetData> holds `sheet`."""
    rel_ns = ("http://purl.oclc.org/ooxml/officeDocument/relationships" if ns == STRICT_NS
              else "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
    main_ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    target = "/xl/worksheets/sheet1.xml" if absolute else "worksheets/sheet1.xml"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{main_ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{main_ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{main_ct}.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{main_ct}.sharedStrings+xml"/></Types>'),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<workbook xmlns="{ns}" xmlns:r="{rel_ns}">{workbook_pr}'
            '<sheets><sheet name="データ" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel_ns}/worksheet" Target="{target}"/></Relationships>'),
        "xl/styles.xml": f'<styleSheet xmlns="{ns}">{formats}<cellXfs>{xfs}</cellXfs></styleSheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{ns}">{strings}</sst>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{ns}"><sheetData>{sheet}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return path


def test_sparse_rows_and_cells(tmp_path: Path) -> None:
    sheet = (
        '<row r="2"><c r="B2"><v>1</v></c><c r="D2" t="inlineStr"><is><t>d</t></is></c></row>'
        '<row><c><v>2</v></c><c><v>3.0</v></c><c r="E3"><v>4</v></c><c><v>5</v></c></row>'  # no r: the next one
        '<row r="5"/>'
        '<row r="6"><c r="C6"><v>9</v></c><c r="A6"><v>7</v></c></row>'  # as wide as the last cell
        '<row r="6"><c r="A6"><v>8</v></c></row>'  # a row number seen before is skipped
        '<row r="8"><c r="A8" t="inlineStr"/><c r="B8"><v></v></c><c r="C8" t="s"/></row>'
    )
    rows = _assert_same_as_openpyxl(_handmade(tmp_path / "sparse.xlsx", sheet))["データ"]
    assert rows == [(), (None, 1, None, "d"), (2, 3.0, None, None, 4, 5), (), (), (7,), (), (None, None, None)]


def test_cached_formula_values_errors_and_booleans(tmp_path: Path) -> None:
    sheet = (
        '<row r="1"><c r="A1" t="str"><f>B1&amp;"x"</f><v>hello</v></c><c r="B1"><f>1+1</f><v>2</v></c>'
        '<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="b"><f>TRUE()</f><v>1</v></c>'
        '<c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1"><f>NOW()</f></c>'
        '<c r="H1" t="d"><v>2027-04-01T09:30:00</v></c><c r="I1" t="n"><v>1.5E3</v></c></row>'
    )
    path = _handmade(tmp_path / "formulas.xlsx", sheet)
    rows = _fast_rows(path)["データ"]
    assert rows == [("hello", 2, "#DIV/0!", True, False, "#N/A", "=NOW()", datetime(2027, 4, 1, 9, 30), 1500.0)]
    # openpyxl gives the formula without a saved result (G1) as None, a blank; the rest alike
    expected = _openpyxl_rows(path)["データ"]
    assert expected[0][6] is None
    assert _typed([rows[0][:6] + rows[0][7:]]) == _typed([expected[0][:6] + expected[0][7:]])


def test_shared_strings_rich_text_and_phonetic_guides(tmp_path: Path) -> None:
    strings = (
        "<si><t>平文</t></si>"
        "<si><r><t>太</t></r><r><rPr><b/></rPr><t>字</t></r></si>"
        "<si><t>山田</t><rPh sb=\"0\" eb=\"2\"><t>ヤマダ</t></rPh><phoneticPr fontId=\"1\"/></si>"
        "<si><t xml:space=\"preserve\"> 空白 </t></si>"
        "<si><t/></si>"
        "<si><t>a_x005F_x000D_b</t></si>"
    )
    sheet = "".join(f'<c r="{col}1" t="s"><v>{i}</v></c>' for i, col in enumerate("ABCDEF"))
    path = _handmade(tmp_path / "strings.xlsx", f'<row r="1">{sheet}</row>', strings=strings)
    rows = _assert_same_as_openpyxl(path)["データ"]
    assert rows == [("平文", "太字", "山田", " 空白 ", "", "a_x000D_b")]


DATE_STYLES = (
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy/m/d"/>'
    '<numFmt numFmtId="165" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
    '<numFmt numFmtId="166" formatCode="[Red]0.00;[Blue]-0.00"/></numFmts>'
)
DATE_XFS = ('<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="20"/>'
            '<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="46"/><xf numFmtId="22"/>')


def _date_row(cells: list[tuple[str, int]]) -> str:
    """One row of number cells given as (text, style index into DATE_XFS)."""
    xml = "".join(f'<c r="{chr(65 + i)}1" s="{style}"><v>{text}</v></c>' for i, (text, style) in enumerate(cells))
    return f'<row r="1">{xml}</row>'


def test_dates_in_the_1900_system(tmp_path: Path) -> None:
    # 60 is Excel's phantom 1900-02-29; below 1 a date-styled number is a time of day.
    cells = [("59", 1), ("60", 2), ("61", 3), ("0.75", 3), ("46478.5", 7), ("46478", 4), ("46478", 5),
             ("1.25", 6), ("0", 1), ("2958466", 1)]
    path = _handmade(tmp_path / "dates.xlsx", _date_row(cells), formats=DATE_STYLES, xfs=DATE_XFS)
    with pytest.warns(UserWarning):  # openpyxl warns of the date past year 9999; the fast reader does not
        rows = _assert_same_as_openpyxl(path)["データ"]
    assert rows[0][:5] == (datetime(1900, 2, 28), datetime(1900, 2, 28), datetime(1900, 3, 1), time(18),
                           datetime(2027, 4, 1, 12))
    assert rows[0][5] == datetime(2027, 4, 1) and rows[0][6] == 46478  # [Red]0.00 is no date format
    assert rows[0][7:] == (timedelta(hours=30), time(0), "#VALUE!")  # [h]:mm:ss is a duration


def test_dates_in_the_1904_system(tmp_path: Path) -> None:
    path = _handmade(tmp_path / "mac.xlsx", _date_row([("45016", 1), ("1.5", 2), ("0.5", 3)]), formats=DATE_STYLES,
                     xfs=DATE_XFS, workbook_pr='<workbookPr date1904="1"/>')
    rows = _assert_same_as_openpyxl(path)["データ"]
    assert rows == [(datetime(2027, 4, 1), datetime(1904, 1, 2, 12), time(12))]


def test_east_asian_built_in_date_formats_are_dates(tmp_path: Path) -> None:
    # Japanese Excel leaves ids 27-36 and 50-58 out of the file; openpyxl reads plain numbers there.
    xfs = '<xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="57"/><xf numFmtId="32"/>'
    sheet = '<row r="1"><c r="A1" s="1"><v>46478</v></c><c r="B1" s="2"><v>46478</v></c><c r="C1" s="3"><v>0.5</v></c></row>'
    with XlsxBook(_handmade(tmp_path / "ja.xlsx", sheet, xfs=xfs)) as book:
        assert list(book.rows("データ")) == [(datetime(2027, 4, 1), datetime(2027, 4, 1), time(12))]


def test_strict_open_xml_and_absolute_targets(tmp_path: Path) -> None:
    sheet = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46478</v></c></row>'
    path = _handmade(tmp_path / "strict.xlsx", sheet, strings="<si><t>厳格</t></si>", ns=STRICT_NS,
                     formats=DATE_STYLES, xfs=DATE_XFS, absolute=True)
    with XlsxBook(path) as book:
        assert book.titles == ["データ"]
        assert list(book.rows("データ")) == [("厳格", datetime(2027, 4, 1))]


# -- refusals --------------------------------------------------------------------------------------
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


def _with_part(source: Path, target: Path, name: str, text: str) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, text.encode("utf-8") if info.filename == name else old.read(info.filename))
    return target


def test_entity_bomb_in_a_sheet_is_refused(tmp_path: Path) -> None:
    good = _handmade(tmp_path / "good.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>')
    evil = LAUGHS + f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t>' \
        '</is></c></row></sheetData></worksheet>'
    with XlsxBook(_with_part(good, tmp_path / "evil.xlsx", "xl/worksheets/sheet1.xml", evil)) as book:
        with pytest.raises(XlsxError, match="DTD"):
            list(book.rows("データ"))


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "[Content_Types].xml"])
def test_a_dtd_in_any_part_is_refused(tmp_path: Path, part: str) -> None:
    good = _handmade(tmp_path / "good.xlsx", "")
    with zipfile.ZipFile(good) as archive:
        text = archive.read(part).decode("utf-8")
    external = '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>' + text
    with pytest.raises(XlsxError, match="DTD"):
        XlsxBook(_with_part(good, tmp_path / "evil.xlsx", part, external))


def test_a_dtd_after_a_long_comment_is_still_refused(tmp_path: Path) -> None:
    good = _handmade(tmp_path / "good.xlsx", "")
    hidden = LAUGHS.replace("?>", "?><!--" + "x" * 600_000 + "-->", 1) + f'<worksheet xmlns="{MAIN_NS}"><sheetData/></worksheet>'
    with XlsxBook(_with_part(good, tmp_path / "evil.xlsx", "xl/worksheets/sheet1.xml", hidden)) as book:
        with pytest.raises(XlsxError, match="DTD"):
            list(book.rows("データ"))


def test_bad_zip_and_bad_xml(tmp_path: Path) -> None:
    noise = tmp_path / "noise.xlsx"
    noise.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    with pytest.raises(XlsxError):
        XlsxBook(noise)
    good = _handmade(tmp_path / "good.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>')
    broken = f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>'
    with XlsxBook(_with_part(good, tmp_path / "broken.xlsx", "xl/worksheets/sheet1.xml", broken)) as book:
        with pytest.raises(XlsxError, match="bad XML"):
            list(book.rows("データ"))
        with pytest.raises(KeyError):
            list(book.rows("ない"))


def test_a_bad_number_fails_like_openpyxl(tmp_path: Path) -> None:
    path = _handmade(tmp_path / "bad.xlsx", '<row r="1"><c r="A1" t="n"><v>two</v></c></row>')
    with XlsxBook(path) as book, pytest.raises(ValueError):
        list(book.rows("データ"))
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    with pytest.raises(ValueError):
        list(wb["データ"].iter_rows(values_only=True))
    wb.close()


def test_a_chartsheet_is_listed_but_left_to_openpyxl(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "表"
    wb.active.append(["a", 1])
    chart = BarChart()
    chart.add_data(Reference(wb.active, min_col=2, min_row=1, max_row=1))
    wb.create_chartsheet("グラフ").add_chart(chart)
    path = tmp_path / "chart.xlsx"
    wb.save(path)
    with XlsxBook(path) as book:
        assert book.titles == ["表", "グラフ"] == _openpyxl_titles(path)
        assert book.has_rows("表") and not book.has_rows("グラフ")
        assert list(book.rows("表")) == [("a", 1)]


def _openpyxl_titles(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()
