"""PDF notices: characters with positions → lines → paragraphs, tables as tab-separated rows.

Per page: double-struck characters (fake bold printed twice) are dropped with
``page.dedupe_chars()``; ruled tables found by ``page.find_tables()`` become one line per row with
cells joined by "\t", and their characters are kept out of the body; the remaining characters are
grouped into lines by vertical position, read top to bottom.

Across pages (:mod:`policyparse.loaders.pdf_layout`): running headers/footers and page numbers are
dropped, and hard line wraps are joined — a line that runs to the right margin continues on the
next line (no space between CJK characters, so ``50万\\n元`` becomes ``50万元``); a line break is kept
where a paragraph ends (short line, indented next line, next line starting with a heading marker,
change of font size, wide vertical gap).

Every character maps to ``SourceRef(page=<1-based page>, bbox=(x0, top, x1, bottom))`` of the PDF
glyph it came from; inserted line breaks, spaces and tabs are ``synthetic``.
"""

from __future__ import annotations

import io
from pathlib import Path

from policyparse.errors import CorruptDocumentError, EncryptedDocumentError, NoTextLayerError
from policyparse.loaders.base import LoadedText, SourceRef, TextAssembler
from policyparse.loaders.pdf_layout import Line, drop_running_lines, is_latin, lines_from_chars, plan_breaks
from policyparse.loaders.sniff import PDF, sniff
from policyparse.models import Diagnostic


def load_pdf(data: bytes, path: str | Path) -> LoadedText:
    """Text and source map of the PDF whose bytes are ``data``."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfplumber.utils.exceptions import PdfminerException

    name, spath = Path(path).name, str(path)
    if sniff(data) != PDF:
        raise CorruptDocumentError(f"{name}: not a PDF file (no %PDF header)", path=spath)
    if b"%%EOF" not in data[-2048:]:
        raise CorruptDocumentError(
            f"{name}: the PDF is truncated (no %%EOF marker at its end); download or export it again", path=spath
        )
    pages: list[list[Line]] = []
    try:
        with pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False) as pdf:
            n_pages = len(pdf.pages)
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(_page_lines(page, number))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFEncryptionError):
            raise EncryptedDocumentError(
                f"{name}: the PDF is password-protected ({type(cause).__name__}); "
                "remove the password (print or save an unprotected copy) and load that",
                path=spath,
            ) from None
        raise CorruptDocumentError(f"{name}: damaged PDF ({type(cause).__name__}: {cause})", path=spath) from None
    except PDFEncryptionError as exc:
        raise EncryptedDocumentError(f"{name}: the PDF is password-protected ({exc})", path=spath) from None
    except Exception as exc:  # pdfminer raises many types on broken streams
        raise CorruptDocumentError(f"{name}: damaged PDF ({type(exc).__name__}: {exc})", path=spath) from None

    if not pages:
        raise CorruptDocumentError(f"{name}: the PDF has no readable pages (damaged page tree)", path=spath)
    pages = drop_running_lines(pages)  # a scan with a printed page number still has no text layer
    if not any(any(line.chars for line in lines) for lines in pages):
        raise NoTextLayerError(
            f"{name}: none of its {n_pages} pages has a text layer (a scanned PDF); run OCR first, "
            "e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`, and load the result",
            path=spath,
        )
    diagnostics = [
        Diagnostic(code="W011", message=f"page {i} has no text layer (blank, or a scanned image whose text is missing)")
        for i, lines in enumerate(pages, start=1)
        if not any(line.chars for line in lines)
    ]
    out = _assemble([line for lines in pages for line in lines])
    return LoadedText(text=out.text(), source_map=out.source_map, format="pdf", pages=n_pages, diagnostics=diagnostics)


def _page_lines(page, number: int) -> list[Line]:
    """Body lines and table rows of one page, top to bottom."""
    page = page.dedupe_chars()
    chars = [c for c in page.chars if c.get("text")]
    try:
        tables = [t for t in page.find_tables() if max((len(r.cells) for r in t.rows), default=0) >= 2]
    except Exception:  # table detection is a refinement; a failure must not lose the page
        tables = []
    items: list[Line] = []
    in_table: set[int] = set()
    for table in tables:
        for row in table.rows:
            cells: list[list[dict]] = []
            for bbox in row.cells:
                cell_chars = [] if bbox is None else [c for c in chars if _inside(c, bbox)]
                in_table.update(id(c) for c in cell_chars)
                cells.append(_reading_order(cell_chars))
            if any(cells):
                items.append(Line.table_row(number, cells, row.bbox, (page.width, page.height)))
        in_table.update(id(c) for c in chars if _inside(c, table.bbox))
    body = [c for c in chars if id(c) not in in_table]
    items.extend(lines_from_chars(body, number, (page.width, page.height)))
    items.sort(key=lambda line: (line.top, line.x0))
    return items


def _inside(char: dict, bbox) -> bool:
    x0, top, x1, bottom = bbox
    cx = (char["x0"] + char["x1"]) / 2
    cy = (char["top"] + char["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _reading_order(chars: list[dict]) -> list[dict]:
    """Chars of a table cell, line by line; a cell's lines are joined like hard wraps (a synthetic
    space only between Latin letters or digits)."""
    out: list[dict] = []
    for line in lines_from_chars(chars, 0):
        if out and is_latin(out[-1]["text"][-1:]) and is_latin(line.chars[0]["text"][:1]):
            out.append({**line.chars[0], "text": " ", "synthetic": True})
        out.extend(line.chars)
    return out


def _ref(char: dict, page: int) -> SourceRef:
    bbox = (round(char["x0"], 2), round(char["top"], 2), round(char["x1"], 2), round(char["bottom"], 2))
    return SourceRef(page=page, bbox=bbox)


def _assemble(lines: list[Line]) -> TextAssembler:
    """Write the lines as text, joining hard wraps, with a SourceRef per glyph."""
    out = TextAssembler()
    joins = plan_breaks(lines)
    for i, line in enumerate(lines):
        if i:
            sep = joins[i - 1]
            if sep:
                out.append(sep, SourceRef(page=line.page, synthetic=True))
        if line.cells is not None:
            for c, cell in enumerate(line.cells):
                if c:
                    out.append("\t", SourceRef(page=line.page, synthetic=True))
                _write_chars(out, cell, line.page)
        else:
            _write_chars(out, line.chars, line.page)
    return out


def _write_chars(out: TextAssembler, chars: list[dict], page: int) -> None:
    prev = None
    for char in chars:
        if prev is not None and _needs_space(prev, char):
            out.append(" ", SourceRef(page=page, synthetic=True))
        text = char["text"]
        if char.get("synthetic"):
            out.append(text, SourceRef(page=page, synthetic=True))
            continue
        out.append(" " if text.isspace() else text, _ref(char, page))
        prev = char


def _needs_space(a: dict, b: dict) -> bool:
    """A visible gap between two glyphs of one line that the PDF did not fill with a space glyph."""
    if a["text"].isspace() or b["text"].isspace():
        return False
    gap = b["x0"] - a["x1"]
    size = max(a.get("size", 10), b.get("size", 10), 1)
    ascii_pair = a["text"][-1].isascii() and b["text"][0].isascii()
    return gap > (0.25 if ascii_pair else 0.8) * size
