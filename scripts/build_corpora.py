"""Build the .docx and .pdf renderings of every corpora/*.txt notice.

For each ``corpora/<stem>.txt``: ``corpora/<stem>.docx`` is written with python-docx, one paragraph
per text line, laid out after GB/T 9704 (A4, 16 pt body, first-line indent of two characters,
justified, page number "— N —" in the footer, East-Asian font set on every style):

- the first line gets the Title style when it reads like a title (关于…的通知, …方案, …办法);
- lines starting with a heading marker (一、 （一） 1. （1） 第X章 第X条) get Heading 1–4 by level;
  the marker stays in the text — these documents use no automatic numbering;
- a block of tab-led lines (rows separated by blank lines, as in a flattened contact table) becomes
  a real Word table, one row per block;
- a literal ``[bookmark: _GoBack]`` becomes a real Word bookmark, not text;
- blank and whitespace-only lines are skipped.

Then every .docx is converted to ``corpora/<stem>.pdf`` with ``soffice --headless --convert-to pdf``.
Idempotent: outputs are overwritten; the .docx is byte-stable (fixed timestamps). The PDFs carry
LibreOffice's creation date, so they differ in metadata only between runs.

Usage: python scripts/build_corpora.py [--no-pdf] [corpora-dir]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from policyparse.segment.markers import line_marker

FONT = "Noto Sans CJK SC"
"""East-Asian font (fonts-noto-cjk); the only CJK family installed on the build machine."""

BODY_PT = 16  # 三号, GB/T 9704 body size
TITLE_PT = 22  # 二号, the title size
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)

TITLE_LIKE = re.compile(r"(关于.+的|^.{2,40})(通知|通告|公告|方案|办法|意见|决定|细则|规定|规划|计划|指南|批复|函)$")
BOOKMARK = re.compile(r"\[bookmark: ([^\]]+)\]")


def looks_like_title(line: str) -> bool:
    """A first line that reads like a document title: short, no sentence end, ends in a 文种."""
    line = line.strip()
    return 4 <= len(line) <= 60 and not line.endswith(("。", "：", ":")) and bool(TITLE_LIKE.search(line))


def _set_font(style, *, size: float, bold: bool = False) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _setup_styles(doc) -> None:
    normal = doc.styles["Normal"]
    _set_font(normal, size=BODY_PT)
    pf = normal.paragraph_format
    pf.line_spacing = Pt(28)  # GB/T 9704: 22 lines of 28 chars; 28 pt pitch on A4
    pf.space_before = pf.space_after = Pt(0)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = Pt(2 * BODY_PT)
    title = doc.styles["Title"]
    _set_font(title, size=TITLE_PT, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.space_after = Pt(BODY_PT)
    title.paragraph_format.line_spacing = Pt(TITLE_PT * 1.4)
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):  # the default template underlines the title
        ppr.remove(border)
    for level in range(1, 5):
        style = doc.styles[f"Heading {level}"]
        _set_font(style, size=BODY_PT, bold=level in (1, 2))
        hpf = style.paragraph_format
        hpf.first_line_indent = Pt(2 * BODY_PT)
        hpf.space_before = hpf.space_after = Pt(0)
        hpf.line_spacing = Pt(28)
        hpf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        hpf.keep_with_next = False


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(18)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraph_format.first_line_indent = Pt(0)
    footer.add_run("— ")
    _add_page_field(footer)
    footer.add_run(" —")
    for run in footer.runs:
        run.font.size = Pt(14)


def _add_page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text.strip() == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _add_text(paragraph, text: str, bookmark_ids: list[int]) -> None:
    """Runs of ``text`` with each ``[bookmark: name]`` turned into a real bookmark."""
    pos = 0
    for match in BOOKMARK.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos : match.start()])
        bid = str(len(bookmark_ids))
        bookmark_ids.append(len(bookmark_ids))
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), bid)
        start.set(qn("w:name"), match.group(1))
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), bid)
        paragraph._p.append(start)
        paragraph._p.append(end)
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _table_rows(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """Rows of the tab-led block starting at line ``i`` and the index after it. Rows are separated
    by blank lines; each tab-led line contributes its tab-separated cells to the current row."""
    rows: list[list[str]] = [[]]
    while i < len(lines) and (lines[i].startswith("\t") or not lines[i].strip()):
        if not lines[i].strip():
            if rows[-1]:
                rows.append([])
        else:
            rows[-1].extend(cell.strip() for cell in lines[i].split("\t")[1:])
        i += 1
    return [r for r in rows if r], i


def build_docx(txt: Path, out: Path) -> None:
    lines = txt.read_text(encoding="utf-8").split("\n")
    doc = Document()
    _setup_styles(doc)
    _page_setup(doc)
    doc.core_properties.title = txt.stem
    doc.core_properties.author = "policyparse build_corpora"
    doc.core_properties.created = doc.core_properties.modified = FIXED_TIME.replace(tzinfo=None)
    doc.core_properties.last_modified_by = "policyparse"
    doc.core_properties.revision = 1
    bookmark_ids: list[int] = []
    first = next((n for n, line in enumerate(lines) if line.strip()), 0)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            rows, i = _table_rows(lines, i)
            width = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=width)
            table.style = doc.styles["Table Grid"]
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, cells in enumerate(rows):
                for c, cell_text in enumerate(cells):
                    para = table.cell(r, c).paragraphs[0]
                    para.paragraph_format.first_line_indent = Pt(0)
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    para.add_run(cell_text)
            continue
        text = line.strip(" \t\u3000")
        i += 1
        if not text.strip():
            continue
        if i - 1 == first and looks_like_title(text):
            style = "Title"
        else:
            marker = line_marker(BOOKMARK.sub("", text))
            level = marker.family.gbt_level if marker else None
            style = f"Heading {level}" if level else None
        para = doc.add_paragraph(style=style)
        _add_text(para, text, bookmark_ids)
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(_stable_zip(buf.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """The same zip with fixed member timestamps, so rebuilding gives identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = 0o644 << 16
            dst.writestr(stable, src.read(info.filename))
    return buf.getvalue()


def convert_to_pdf(docx_files: list[Path], outdir: Path, timeout: int = 300) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: install LibreOffice (apt-get install libreoffice-writer-nogui) or pass --no-pdf")
    with tempfile.TemporaryDirectory(prefix="build-corpora-") as tmp:
        profile = (Path(tmp) / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx_files)]
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        if proc.returncode != 0:
            sys.exit(f"soffice failed: {proc.stderr.decode('utf-8', 'replace')}")
    missing = [f for f in docx_files if not (outdir / f"{f.stem}.pdf").exists()]
    if missing:
        sys.exit(f"soffice produced no PDF for: {', '.join(f.name for f in missing)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="?", type=Path, default=Path(__file__).resolve().parent.parent / "corpora")
    parser.add_argument("--no-pdf", action="store_true", help="write the .docx files only")
    args = parser.parse_args(argv)
    sources = sorted(args.corpora.glob("*.txt"))
    if not sources:
        sys.exit(f"no .txt notices in {args.corpora}")
    built = []
    for txt in sources:
        out = txt.with_suffix(".docx")
        build_docx(txt, out)
        built.append(out)
        print(f"wrote {out.name}")
    if not args.no_pdf:
        convert_to_pdf(built, args.corpora)
        for f in built:
            print(f"wrote {f.stem}.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
