"""Loaders: every format to raw text + source map, and every bad input to its typed error.

PDF inputs are drawn in ``tmp_path`` with the tiny writer in tests/fixtures/make_fixtures.py;
binary fixtures that need dev tools (encrypted PDF/DOCX, a legacy .doc) are committed there.
Nothing here needs LibreOffice, except the .doc conversion test, which is skipped without it.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import random
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from policyparse.errors import (
    BinaryContentError,
    ConverterMissingError,
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    FileTooLargeError,
    LoadError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from policyparse.loaders import load
from policyparse.loaders.html import _drop_chrome
from policyparse.loaders.numbering import chinese_counting, format_number
from policyparse.loaders.pdf_layout import PAGE_NUMBER

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_spec = importlib.util.spec_from_file_location("loader_fixtures", FIXTURES / "make_fixtures.py")
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_fully_mapped(loaded) -> None:
    """Every character of the text has a SourceRef; runs are ordered and cover the text exactly."""
    sm = loaded.source_map
    assert sm.starts and sm.starts[0] == 0 and sm.ends[-1] == len(loaded.text)
    for prev_end, start in zip(sm.ends, sm.starts[1:]):
        assert start == prev_end
    for i in range(len(loaded.text)):
        assert sm.locate(i) is not None, i


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- dispatch, size, empty


def test_unsupported_suffix(tmp_path):
    path = write(tmp_path, "notice.xlsx", b"PK\x03\x04 whatever")
    with pytest.raises(UnsupportedFormatError, match=r"notice\.xlsx.*\.xlsx.*\.txt"):
        load(path)


def test_missing_file_is_a_load_error(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load(tmp_path / "absent.txt")


def test_file_over_size_limit_fails_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", "通知".encode() * 1000)
    opened = []
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or open(self, *a, **k))
    with pytest.raises(FileTooLargeError, match=r"big\.txt.*6,000 bytes.*limit of 1,000"):
        load(path, max_bytes=1000)
    assert opened == []  # refused on stat(), the file was never opened


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf", ".html", ".doc"])
def test_empty_file(tmp_path, suffix):
    with pytest.raises(EmptyDocumentError, match=r"empty \(0 bytes\)"):
        load(write(tmp_path, f"empty{suffix}", b""))


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path, "blank.txt", " \n\t\r\n\u3000\xa0\n".encode())
    with pytest.raises(EmptyDocumentError, match="whitespace only"):
        load(path)


def test_whitespace_only_docx(tmp_path):
    d = docx.Document()
    d.add_paragraph("   ")
    d.add_paragraph("")
    d.save(tmp_path / "blank.docx")
    with pytest.raises(EmptyDocumentError, match="blank.docx"):
        load(tmp_path / "blank.docx")


# --------------------------------------------------------------------------- txt


def test_txt_utf8_lines_and_source_map(tmp_path):
    path = write(tmp_path, "a.txt", "一、总体要求\r\n（一）指导思想\r\n\r\n每个项目50万元。".encode())
    loaded = load(path)
    assert loaded.text == "一、总体要求\n（一）指导思想\n\n每个项目50万元。"
    assert loaded.encoding == "utf-8" and loaded.format == "txt"
    assert_fully_mapped(loaded)
    assert loaded.source_map.locate(0).line == 1
    assert loaded.source_map.locate(loaded.text.index("指导")).line == 2
    assert loaded.source_map.locate(loaded.text.index("50万")).line == 4


def test_txt_utf8_bom(tmp_path):
    loaded = load(write(tmp_path, "bom.txt", "\ufeff关于申报的通知\n".encode()))
    assert loaded.encoding == "utf-8-sig"
    assert loaded.text.startswith("关于")


def test_txt_utf16_bom(tmp_path):
    loaded = load(write(tmp_path, "u16.txt", "关于申报的通知\n联系电话：67521202".encode("utf-16")))
    assert loaded.encoding in ("utf-16-le", "utf-16-be")
    assert loaded.text == "关于申报的通知\n联系电话：67521202"


def test_txt_utf16_without_bom(tmp_path):
    loaded = load(write(tmp_path, "u16.txt", "Notice 关于申报的通知 2023".encode("utf-16-le")))
    assert loaded.encoding == "utf-16-le" and loaded.text == "Notice 关于申报的通知 2023"


def test_txt_gbk(tmp_path):
    text = "重庆市知识产权局关于组织申报2020年度高价值专利培育计划项目的通知\n一、支持领域\n每个项目给予50万元财政经费支持。"
    loaded = load(write(tmp_path, "gbk.txt", text.encode("gbk")))
    assert loaded.text == text
    assert loaded.encoding in ("gb18030", "gbk", "gb2312")


def test_txt_gb18030_four_byte_characters(tmp_path):
    text = "申报单位：㐀㐁科技有限公司（含€符号）\n联系人：陈为民"
    data = text.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")  # the text really needs GB18030
    loaded = load(write(tmp_path, "gb18030.txt", data))
    assert loaded.text == text and loaded.encoding == "gb18030"


def test_txt_binary_junk(tmp_path):
    rng = random.Random(7)
    junk = bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(BinaryContentError, match=r"junk\.txt.*(binary|NUL|no text encoding)"):
        load(write(tmp_path, "junk.txt", junk))


def test_txt_control_characters_are_binary(tmp_path):
    data = bytes(range(1, 9)) * 200 + "通知".encode()
    with pytest.raises(BinaryContentError, match="control characters"):
        load(write(tmp_path, "ctrl.txt", data))


def test_txt_that_is_really_a_pdf(tmp_path):
    data = fx.pdf_bytes([fx.text_lines(["通知"])])
    with pytest.raises(BinaryContentError, match=r"named \.txt but is a PDF file"):
        load(write(tmp_path, "notice.txt", data))


# --------------------------------------------------------------------------- docx


def _numbered_docx(path: Path) -> None:
    """A document whose headings are numbered by Word (numbering.xml), not typed."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(f"""
      <w:abstractNum {W_NS} w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>
          <w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
      </w:abstractNum>"""))
    numbering.append(parse_xml(f"""
      <w:abstractNum {W_NS} w:abstractNumId="8">
        <w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="ideographDigital"/><w:lvlText w:val="%1号"/></w:lvl>
      </w:abstractNum>"""))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="3"><w:abstractNumId w:val="7"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="4"><w:abstractNumId w:val="8"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num {W_NS} w:numId="5"><w:abstractNumId w:val="7"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>'))

    def para(text: str, num_id: int | None = None, ilvl: int = 0) -> None:
        p = d.add_paragraph(text)
        if num_id is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    para("关于组织申报高价值专利培育项目的通知")
    para("支持领域", 3, 0)
    para("企业作为申报主体", 3, 1)
    para("申报技术领域属于本项目支持领域范围", 3, 2)
    para("研发创新能力较强", 3, 2)
    para("有效专利30件", 3, 3)
    para("高校作为申报主体", 3, 1)
    para("不少于50件", 3, 2)
    para("申报程序", 3, 0)
    para("项目申报", 3, 1)
    para("第九号文", 4, 0)
    para("第十号文", 4, 0)
    para("另起编号", 5, 0)
    para("不编号的段落", 0, 0)
    d.save(path)


def test_docx_word_numbering(tmp_path):
    _numbered_docx(tmp_path / "numbered.docx")
    loaded = load(tmp_path / "numbered.docx")
    assert loaded.text.split("\n") == [
        "关于组织申报高价值专利培育项目的通知",
        "一、支持领域",
        "（一）企业作为申报主体",
        "1.申报技术领域属于本项目支持领域范围",
        "2.研发创新能力较强",
        "（1）有效专利30件",
        "（二）高校作为申报主体",
        "1.不少于50件",  # level 3 restarts under a new level 2
        "二、申报程序",
        "（一）项目申报",
        "九号第九号文",
        "一〇号第十号文",  # ideographDigital writes digit by digit
        "十一、另起编号",  # startOverride
        "不编号的段落",
    ]
    assert_fully_mapped(loaded)
    prefix_ref = loaded.source_map.locate(loaded.text.index("一、支持"))
    assert prefix_ref.paragraph == 1 and prefix_ref.synthetic
    assert loaded.source_map.locate(loaded.text.index("支持领域")).synthetic is False


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"), (21, "chineseCounting", "二十一"), (105, "chineseCountingThousand", "一百零五"),
        (110, "chineseCountingThousand", "一百一十"), (10, "ideographDigital", "一〇"), (3, "ideographTraditional", "丙"),
        (3, "decimalEnclosedCircle", "③"), (12, "decimalFullWidth", "１２"), (4, "lowerRoman", "iv"),
        (28, "upperLetter", "BB"), (7, "decimal", "7"), (5, "none", ""),
    ],
)
def test_word_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_counting_thousands():
    assert chinese_counting(1001) == "一千零一"
    assert chinese_counting(2020) == "二千零二十"


def test_docx_tables_in_document_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("六、联系方式")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["单  位", "联系人", "联系电话"], ["溧阳市知识产权局", "陈为民", "80998870"],
                             ["金坛区知识产权局", "马忠亮", "82299036"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 0).add_paragraph("（第二段）")
    d.add_paragraph("特此通知。")
    d.save(tmp_path / "t.docx")
    loaded = load(tmp_path / "t.docx")
    assert loaded.text.split("\n") == [
        "六、联系方式",
        "单  位\t联系人\t联系电话",
        "溧阳市知识产权局\t陈为民\t80998870",
        "金坛区知识产权局 （第二段）\t马忠亮\t82299036",
        "特此通知。",
    ]
    assert_fully_mapped(loaded)
    ref = loaded.source_map.locate(loaded.text.index("马忠亮"))
    assert (ref.table, ref.row, ref.cell) == (0, 2, 1)
    assert loaded.source_map.locate(loaded.text.index("特此")).paragraph == 1
    assert loaded.source_map.locate(loaded.text.index("\t")).synthetic


def test_docx_word_artifacts_never_reach_text(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "页眉：某某市人民政府"
    d.sections[0].footer.paragraphs[0].text = "— 1 —"
    p = d.add_paragraph()
    p._p.append(parse_xml(f'<w:bookmarkStart {W_NS} w:id="0" w:name="_GoBack"/>'))
    p._p.append(parse_xml(f'<w:bookmarkEnd {W_NS} w:id="0"/>'))
    p.add_run("各区县知识产权局：")
    p = d.add_paragraph("每个项目给予")
    p._p.append(parse_xml(f'<w:del {W_NS} w:id="1" w:author="a"><w:r><w:delText>30万元</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W_NS} w:id="2" w:author="a"><w:r><w:t>50万元</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:instrText> HYPERLINK "http://x" </w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:t>资助</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:fldChar w:fldCharType="end"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:commentReference w:id="0"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:t>。</w:t></w:r>'))
    d.save(tmp_path / "artifacts.docx")
    loaded = load(tmp_path / "artifacts.docx")
    assert loaded.text == "各区县知识产权局：\n每个项目给予50万元资助。"


def test_docx_zip_bomb_by_ratio(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    path = write(tmp_path, "bomb.docx", buf.getvalue())
    with pytest.raises(CorruptDocumentError, match=r"bomb\.docx: zip bomb suspected: member word/document\.xml"):
        load(path)


def test_docx_zip_bomb_by_total_size(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        for i in range(40):  # each member under the ratio check's 1 MiB floor, 40 MiB in all
            zf.writestr(f"word/media/pad{i}.bin", b"\0" * (1024 * 1024 - 1))
    path = write(tmp_path, "bomb.docx", buf.getvalue())
    assert path.stat().st_size < 200_000
    with pytest.raises(CorruptDocumentError, match=r"zip bomb suspected: members would unpack to"):
        load(path, max_bytes=200_000)


def test_docx_not_a_zip(tmp_path):
    with pytest.raises(CorruptDocumentError, match=r"notzip\.docx: not a \.docx file.*zip"):
        load(write(tmp_path, "notzip.docx", "这不是一个Word文件".encode()))


def test_docx_truncated_zip(tmp_path):
    data = (CORPORA / "000_3648e0628b0d6aa9.docx").read_bytes()
    with pytest.raises(CorruptDocumentError, match=r"broken\.docx: broken zip archive"):
        load(write(tmp_path, "broken.docx", data[: len(data) // 2]))


def test_docx_zip_without_document_part(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(CorruptDocumentError, match="no word/document.xml.*Excel"):
        load(write(tmp_path, "sheet.docx", buf.getvalue()))


def test_docx_damaged_xml(tmp_path):
    src = zipfile.ZipFile(CORPORA / "000_3648e0628b0d6aa9.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            zf.writestr(info.filename, data[:200] if info.filename == "word/document.xml" else data)
    with pytest.raises(CorruptDocumentError, match=r"damaged\.docx: damaged Word document"):
        load(write(tmp_path, "damaged.docx", buf.getvalue()))


def test_docx_encrypted(tmp_path):
    data = (FIXTURES / "encrypted.docx").read_bytes()
    assert data[:4] == b"\xd0\xcf\x11\xe0"
    with pytest.raises(EncryptedDocumentError, match=r"encrypted\.docx: .*password-protected.*remove the password"):
        load(FIXTURES / "encrypted.docx")
    with pytest.raises(EncryptedDocumentError):  # whatever the suffix
        load(write(tmp_path, "encrypted.doc", data))


def test_legacy_doc_named_docx(tmp_path):
    path = write(tmp_path, "old.docx", (FIXTURES / "legacy.doc").read_bytes())
    with pytest.raises(CorruptDocumentError, match=r"legacy Word \.doc.*rename it to \.doc"):
        load(path)


# --------------------------------------------------------------------------- doc


def test_doc_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    with pytest.raises(ConverterMissingError, match=r"legacy\.doc: .*LibreOffice.*apt-get install libreoffice-writer-nogui"):
        load(FIXTURES / "legacy.doc")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_doc_converted_with_libreoffice():
    loaded = load(FIXTURES / "legacy.doc")
    assert loaded.format == "doc"
    assert loaded.text.split("\n") == ["关于组织申报高价值专利培育项目的通知", "各有关单位：", "每个项目给予50万元资助。"]


def test_docx_named_doc_needs_no_converter(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    path = write(tmp_path, "renamed.doc", (CORPORA / "003_3aa3b4884d3bd733.docx").read_bytes())
    loaded = load(path)
    assert loaded.text.startswith("广西高价值专利培育示范中心建设实施方案")
    assert [d.code for d in loaded.diagnostics] == ["W001"]


# --------------------------------------------------------------------------- pdf


def pdf_file(tmp_path: Path, pages: list[list[tuple]], name: str = "t.pdf") -> Path:
    return write(tmp_path, name, fx.pdf_bytes(pages))


def test_pdf_not_a_pdf(tmp_path):
    with pytest.raises(CorruptDocumentError, match=r"fake\.pdf: not a PDF file \(no %PDF header\)"):
        load(write(tmp_path, "fake.pdf", "<html>通知</html>".encode()))


def test_pdf_corrupt(tmp_path):
    data = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n" + bytes(range(256)) * 4 + b"\n%%EOF\n"
    with pytest.raises(CorruptDocumentError, match=r"corrupt\.pdf: (damaged PDF|the PDF has no readable pages)"):
        load(write(tmp_path, "corrupt.pdf", data))


def test_pdf_truncated(tmp_path):
    data = (CORPORA / "002_cff6add629d97559.pdf").read_bytes()
    with pytest.raises(CorruptDocumentError, match=r"cut\.pdf: the PDF is truncated.*download or export it again"):
        load(write(tmp_path, "cut.pdf", data[: int(len(data) * 0.6)]))


def test_pdf_encrypted():
    with pytest.raises(EncryptedDocumentError, match=r"encrypted\.pdf: the PDF is password-protected"):
        load(FIXTURES / "encrypted.pdf")


def test_pdf_without_text_layer(tmp_path):
    path = pdf_file(tmp_path, [[("rect", 72, 100, 520, 700)], [("rect", 72, 100, 300, 200)]], "scan.pdf")
    with pytest.raises(NoTextLayerError, match=r"scan\.pdf: none of its 2 pages has a text layer.*run OCR first"):
        load(path)


def test_pdf_scan_with_printed_page_numbers_has_no_text_layer(tmp_path):
    pages = [[("rect", 72, 100, 520, 700), ("text", 280, 800, 10.5, f"— {n} —")] for n in (1, 2)]
    with pytest.raises(NoTextLayerError, match="run OCR first"):
        load(pdf_file(tmp_path, pages, "scan.pdf"))


def test_pdf_table_cell_lines_join_like_wraps(tmp_path):
    ops = []
    cols, rows = [72, 232, 432], [110, 160]
    for x in cols:
        ops.append(("line", x, rows[0], x, rows[-1]))
    for y in rows:
        ops.append(("line", cols[0], y, cols[-1], y))
    ops += [("text", 76, 115, 12, "Patent"), ("text", 76, 135, 12, "Service"), ("text", 236, 115, 12, "知识产权"),
            ("text", 236, 135, 12, "服务中心")]
    assert load(pdf_file(tmp_path, [ops])).text == "Patent Service\t知识产权服务中心"


def test_pdf_page_without_text_layer_is_a_diagnostic(tmp_path):
    path = pdf_file(tmp_path, [fx.text_lines(["关于申报的通知"]), [("rect", 72, 100, 520, 700)]])
    loaded = load(path)
    assert loaded.text == "关于申报的通知" and loaded.pages == 2
    assert [d.code for d in loaded.diagnostics] == ["W011"]


# Body lines are set at 12 pt from x=72; a full line is 30 characters wide (right margin 432).
FULL = 30


def width(line: str) -> float:
    """Width of a line in full-width characters (ASCII is half width in the test font)."""
    return sum(1 if ord(c) >= 0x80 else 0.5 for c in line)


def test_pdf_joins_hard_wraps_and_keeps_paragraph_ends(tmp_path):
    body = [
        "关于组织申报高价值专利培育项目的通知",  # short: a paragraph of its own
        "\u3000\u3000市级财政给予每个高价值专利培育项目的资助经费总额共计50万",  # runs to the margin
        "元，并采取“事前补助与事后补助”相结合的方式拨付，立项后给予",  # continues, runs to the margin
        "40%的财政经费支持。",  # paragraph end: short line
        "\u3000\u3000验收通过后拨付剩余的财政经费，具体办法另行通知，请各单位",  # indented: new paragraph
        "一、申报程序",  # heading marker: new paragraph even after a full line
        "\u3000\u3000拟申报单位事前应与合作单位进行充分沟通，形成一致的意见，",
        "组织好申报材料。",
    ]
    assert [width(line) for line in body[1:3] + body[4:5] + body[6:7]] == [FULL] * 4
    text = load(pdf_file(tmp_path, [fx.text_lines(body)])).text
    assert "50万元" in text and "50万\n元" not in text
    assert text.split("\n") == [
        "关于组织申报高价值专利培育项目的通知",
        "市级财政给予每个高价值专利培育项目的资助经费总额共计50万元，并采取“事前补助与事后补助”相结合的方式拨付，"
        "立项后给予40%的财政经费支持。",
        "验收通过后拨付剩余的财政经费，具体办法另行通知，请各单位",
        "一、申报程序",
        "拟申报单位事前应与合作单位进行充分沟通，形成一致的意见，组织好申报材料。",
    ]


def test_pdf_wrap_joins_across_pages(tmp_path):
    page1 = fx.text_lines(["\u3000\u3000" + "资" * (FULL - 2), "助" * (FULL - 2) + "50万"], top=700)
    page2 = fx.text_lines(["元，验收通过后拨付。"], top=100)
    text = load(pdf_file(tmp_path, [page1, page2])).text
    assert text == "资" * (FULL - 2) + "助" * (FULL - 2) + "50万元，验收通过后拨付。"


def test_pdf_joins_latin_words_across_a_wrap_with_a_space(tmp_path):
    body = ["请登录网站提交材料，系统名称为Patent", "Service Platform。"]
    ops = fx.text_lines(body) + [("text", 72, 300, 12, "占" * int(width(body[0])))]  # a full line sets the margin
    text = load(pdf_file(tmp_path, [ops])).text
    assert text.split("\n")[0] == "请登录网站提交材料，系统名称为Patent Service Platform。"


def _page(number: int, total: int, body: list[str], footer: str) -> list[tuple]:
    ops = [("text", 72, 40, 10.5, "某某市知识产权局文件")]  # running header
    ops += fx.text_lines(body, top=100)
    ops.append(("text", 280, 800, 10.5, footer.format(n=number, total=total)))
    return ops


@pytest.mark.parametrize("footer", ["— {n} —", "-{n}-", "第{n}页", "第 {n} 页 共 {total} 页", "{n}"])
def test_pdf_drops_running_headers_and_page_numbers(tmp_path, footer):
    pages = [
        _page(1, 3, ["关于组织申报高价值专利培育项目的通知", "各有关单位："], footer),
        _page(2, 3, ["一、支持对象", "本市注册的企业。"], footer),
        _page(3, 3, ["二、支持标准", "每个项目50万元。"], footer),
    ]
    loaded = load(pdf_file(tmp_path, pages))
    assert loaded.text.split("\n") == [
        "关于组织申报高价值专利培育项目的通知", "各有关单位：",
        "一、支持对象", "本市注册的企业。",
        "二、支持标准", "每个项目50万元。",
    ]


def test_pdf_keeps_body_lines_that_look_like_edges(tmp_path):
    # A one-page document: nothing repeats, and a number in the body is not a page number.
    ops = fx.text_lines(["某某市知识产权局文件", "关于申报的通知", "2023"], top=300)
    assert load(pdf_file(tmp_path, [ops])).text == "某某市知识产权局文件\n关于申报的通知\n2023"


@pytest.mark.parametrize("line", ["— 3 —", "-3-", "第3页", "第 3 页 共 10 页", "3", "3/10", "Page 3 of 10", "共10页 第3页"])
def test_page_number_pattern(line):
    assert PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", ["2023年", "一、总则", "3.5%", "第3条"])
def test_page_number_pattern_rejects_text(line):
    assert not PAGE_NUMBER.match(line)


def test_pdf_dedupes_double_struck_characters(tmp_path):
    ops = []
    for i, ch in enumerate("微软公司申报"):  # fake bold: every glyph printed twice, 0.4 pt apart
        ops.append(("text", 72 + 12 * i, 100, 12, ch))
        ops.append(("text", 72.4 + 12 * i, 100, 12, ch))
    assert load(pdf_file(tmp_path, [ops])).text == "微软公司申报"


def test_pdf_table_rows_as_tab_lines_not_duplicated(tmp_path):
    ops = fx.text_lines(["六、联系方式"], top=80)
    cols, rows = [72, 232, 332, 452], [110, 140, 170]
    for x in cols:
        ops.append(("line", x, rows[0], x, rows[-1]))
    for y in rows:
        ops.append(("line", cols[0], y, cols[-1], y))
    for r, row in enumerate([["单位", "联系人", "联系电话"], ["溧阳市知识产权局", "陈为民", "80998870"]]):
        for c, cell in enumerate(row):
            ops.append(("text", cols[c] + 4, rows[r] + 8, 12, cell))
    ops += fx.text_lines(["特此通知。"], top=200)
    loaded = load(pdf_file(tmp_path, [ops]))
    assert loaded.text.split("\n") == [
        "六、联系方式", "单位\t联系人\t联系电话", "溧阳市知识产权局\t陈为民\t80998870", "特此通知。",
    ]
    assert loaded.text.count("陈为民") == 1


def test_pdf_source_map_has_page_and_bbox(tmp_path):
    pages = [fx.text_lines(["关于申报的通知", "每个项目50万元。"]), fx.text_lines(["特此通知。"])]
    loaded = load(pdf_file(tmp_path, pages))
    assert_fully_mapped(loaded)
    for i in range(len(loaded.text)):
        ref = loaded.source_map.locate(i)
        if not ref.synthetic:
            assert ref.page in (1, 2) and ref.bbox is not None and len(ref.bbox) == 4
    ref = loaded.source_map.locate(loaded.text.index("50"))
    assert ref.page == 1 and ref.bbox == (72 + 4 * 12, 120.0, 72 + 4 * 12 + 6, 132.0)
    assert loaded.source_map.locate(loaded.text.index("特此")).page == 2


# --------------------------------------------------------------------------- html

GOV_PAGE = (FIXTURES / "gov_page.html").read_text(encoding="utf-8")
ARTICLE_LINES = [
    "关于组织申报2023年度高价值专利培育项目的通知",
    "各区县市场监督管理局（知识产权局），有关企事业单位：",
    "为深入实施知识产权强市战略，培育一批高价值专利，现将2023年度高价值专利培育项目申报工作有关事项通知如下。",
    "一、支持对象",
    "本市注册、具有独立法人资格的企业，有效发明专利数量不少于50件。",
    "二、支持标准",
    "（一）每个项目给予50万元资助，分两期拨付。",
    "（二）项目实施期限为2年。",
    "三、申报时间",
    "申报截止时间为2023年6月30日。",
    "四、联系方式",
    "单位\t联系人\t联系电话",
    "市知识产权局\t张三\t0714-8765432",
    "开发区知识产权局\t李四\t0714-8765433",
    "某某市市场监督管理局",
    "2023年5月9日",
]


def test_html_article_without_navigation_or_footer(tmp_path):
    loaded = load(write(tmp_path, "page.html", GOV_PAGE.encode("utf-8")))
    assert loaded.text.split("\n") == ARTICLE_LINES
    for chrome in ("0714-1234567", "网站标识码", "ICP备", "首页", "当前位置", "分享到", "打印本页", "相关链接", "主办单位"):
        assert chrome not in loaded.text
    assert loaded.encoding == "utf-8" and loaded.format == "html"
    assert_fully_mapped(loaded)
    ref = loaded.source_map.locate(loaded.text.index("张三"))
    assert ref.node.endswith("/table/tr[2]/td[2]")
    assert loaded.source_map.locate(loaded.text.index("一、支持对象")).node.startswith("/html/body")


def test_html_gbk_by_meta_charset(tmp_path):
    page = GOV_PAGE.replace("charset=utf-8", "charset=gb2312")
    loaded = load(write(tmp_path, "page.htm", page.encode("gbk")))
    assert loaded.encoding == "gb2312"
    assert loaded.text.split("\n") == ARTICLE_LINES


def test_html_gbk_without_declaration_is_detected(tmp_path):
    page = GOV_PAGE.replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "")
    loaded = load(write(tmp_path, "page.html", page.encode("gb18030")))
    assert loaded.encoding in ("gb18030", "gbk", "gb2312")
    assert loaded.text.split("\n") == ARTICLE_LINES


def test_html_line_breaks_inside_a_block_are_lines(tmp_path):
    page = ("<html><head><title>通知</title></head><body><div class='content'>"
            "<p>一、支持对象<br>本市注册的企业，有效发明专利数量不少于50件，具有独立法人资格。</p>"
            "<p>二、支持标准<br/>每个项目给予50万元资助，分两期拨付，项目实施期限为2年。</p></div></body></html>")
    loaded = load(write(tmp_path, "br.html", page.encode()))
    assert loaded.text.split("\n")[1:] == [
        "一、支持对象", "本市注册的企业，有效发明专利数量不少于50件，具有独立法人资格。",
        "二、支持标准", "每个项目给予50万元资助，分两期拨付，项目实施期限为2年。",
    ]


def test_html_footer_filter_keeps_article_contacts():
    lines = [(t, "/p") for t in [
        "联系人：张三，联系电话：0714-8765432",
        "主办单位：某某市市场监督管理局",
        "地址：人民路88号　联系电话：0714-1234567",
        "网站标识码：4202810001　鄂ICP备12345678号",
    ]]
    assert [t for t, _ in _drop_chrome(lines)] == ["联系人：张三，联系电话：0714-8765432"]


def test_html_without_article_is_empty(tmp_path):
    page = ("<html><body><div class='nav'><ul><li><a href='/'>首页</a></li><li><a href='/zwgk/'>政务公开</a></li></ul>"
            "</div><div class='footer'><p>版权所有：某某市人民政府</p><p>网站标识码：4202810001</p></div></body></html>")
    with pytest.raises(EmptyDocumentError, match=r"nav\.html: the html file holds no article text"):
        load(write(tmp_path, "nav.html", page.encode()))


# --------------------------------------------------------------------------- corpora

SEEDS = sorted(p.stem for p in CORPORA.glob("*.txt"))


@functools.cache
def corpus(stem: str, suffix: str):
    return load(CORPORA / f"{stem}.{suffix}")


def test_corpora_are_built():
    assert len(SEEDS) == 5
    for stem in SEEDS:
        assert (CORPORA / f"{stem}.docx").exists() and (CORPORA / f"{stem}.pdf").exists()


@pytest.mark.parametrize("stem", SEEDS)
def test_corpus_docx_and_pdf_text_equal_txt_modulo_whitespace(stem):
    expected = squash(corpus(stem, "txt").text.replace("[bookmark: _GoBack]", ""))
    for suffix in ("docx", "pdf"):
        loaded = corpus(stem, suffix)
        assert squash(loaded.text) == expected, suffix
        assert "bookmark" not in loaded.text
        assert_fully_mapped(loaded)


@pytest.mark.parametrize("stem", SEEDS)
def test_corpus_pdf_lines_match_docx_paragraphs(stem):
    """The PDF's joined lines reproduce the docx paragraphs: no hard wrap or page number is left."""
    docx_lines = [squash(x) for x in corpus(stem, "docx").text.split("\n") if x.strip()]
    pdf_lines = [squash(x) for x in corpus(stem, "pdf").text.split("\n") if x.strip()]
    assert pdf_lines == docx_lines


def test_corpus_docx_has_real_table_and_bookmark():
    loaded = corpus("002_cff6add629d97559", "docx")
    assert "溧阳市知识产权局\t陈为民\t80998870" in loaded.text.split("\n")
    ref = loaded.source_map.locate(loaded.text.index("陈为民"))
    assert (ref.row, ref.cell) == (1, 1)
    with zipfile.ZipFile(CORPORA / "000_3648e0628b0d6aa9.docx") as zf:
        xml = zf.read("word/document.xml").decode()
    assert 'w:name="_GoBack"' in xml and "[bookmark" not in xml
