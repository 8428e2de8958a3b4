"""Word .docx notices: body paragraphs and tables in document order, with Word's list numbering.

What reaches the text: the visible text of body paragraphs (including tracked insertions, field
results, hyperlinks, content controls) and of tables, one line per row with cells joined by "\t".
What never does: headers, footers, comments, footnotes, deleted text, hidden text, field codes,
bookmarks, drawings and text boxes, bullet glyphs. Numbered paragraphs get the prefix Word shows
("一、", "（一）", "1."), computed from numbering.xml (:mod:`policyparse.loaders.numbering`).

Source refs: ``paragraph`` is the 0-based index of a body paragraph (outside tables) in document
order; ``table``/``row``/``cell`` are 0-based too. Line breaks between blocks and tabs between
cells are ``synthetic``; so is a numbering prefix, which Word draws but the file does not hold
as text.

The zip container is checked before python-docx sees it: broken zips, zip bombs and files that
are not Word documents become :class:`CorruptDocumentError`; password-protected documents (an
OLE container holding ``EncryptionInfo``) become :class:`EncryptedDocumentError`.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from policyparse.errors import CorruptDocumentError, LoadError
from policyparse.loaders.base import (
    DEFAULT_MAX_BYTES,
    LoadedText,
    SourceRef,
    TextAssembler,
)
from policyparse.loaders.numbering import Numbering, W
from policyparse.loaders.sniff import OLE, ZIP, refuse_encrypted_office, sniff

_W = f"{{{W}}}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

MAX_UNCOMPRESSED = 200 * 1024 * 1024
"""Upper bound of the summed uncompressed member sizes of a docx (also capped at 100× max_bytes)."""

MAX_RATIO = 200
"""Compression ratio above which a large member (> 1 MiB uncompressed) is taken for a zip bomb."""

_SKIP = {
    f"{_W}pPr", f"{_W}rPr", f"{_W}del", f"{_W}moveFrom", f"{_W}delText", f"{_W}instrText",
    f"{_W}delInstrText", f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_W}footnoteReference",
    f"{_W}endnoteReference", f"{_W}commentReference", f"{_W}sdtPr", f"{_W}sdtEndPr",
    f"{_MC}AlternateContent", f"{_W}sym",
}
"""Elements whose subtree is never text: properties, deletions, field codes, drawings, references."""

_CHARS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def check_docx_container(data: bytes, name: str, path: str, max_bytes: int) -> None:
    """Refuse what python-docx must not open: encrypted OLE, non-zip bytes, broken zips, zip bombs,
    zips that are not Word documents."""
    refuse_encrypted_office(data, path)
    kind = sniff(data)
    if kind == OLE:
        raise CorruptDocumentError(
            f"{name}: this is a legacy Word .doc (OLE) file named .docx; rename it to .doc "
            "so it is converted with LibreOffice",
            path=path,
        )
    if kind != ZIP:
        raise CorruptDocumentError(f"{name}: not a .docx file (a .docx is a zip archive; this file is not)", path=path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocumentError(f"{name}: broken zip archive ({exc}); the .docx is damaged or truncated", path=path) from None
    limit = min(MAX_UNCOMPRESSED, 100 * max_bytes)
    total = sum(i.file_size for i in infos)
    if total > limit:
        raise CorruptDocumentError(
            f"{name}: zip bomb suspected: members would unpack to {total:,} bytes (limit {limit:,})", path=path
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CorruptDocumentError(
                f"{name}: zip bomb suspected: member {info.filename} compresses {info.file_size:,} bytes "
                f"into {info.compress_size:,} (over {MAX_RATIO}:1)",
                path=path,
            )
    if "word/document.xml" not in names:
        what = "an Excel workbook" if "xl/workbook.xml" in names else (
            "a PowerPoint deck" if "ppt/presentation.xml" in names else "not a Word document")
        raise CorruptDocumentError(f"{name}: the zip holds no word/document.xml ({what})", path=path)


def load_docx(data: bytes, path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, format: str = "docx") -> LoadedText:
    """Text and source map of the .docx whose bytes are ``data``."""
    import docx  # python-docx; imported here so txt/pdf users do not pay for it

    name, spath = Path(path).name, str(path)
    check_docx_container(data, name, spath, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering_part = _numbering_element(document)
        styles = _style_numbering(document)
    except LoadError:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … on damaged parts
        raise CorruptDocumentError(f"{name}: damaged Word document ({type(exc).__name__}: {exc})", path=spath) from None
    walker = _BodyWalker(Numbering(numbering_part), styles)
    walker.walk(body)
    return LoadedText(text=walker.out.text(), source_map=walker.out.source_map, format=format)


def _numbering_element(document) -> etree._Element | None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        return document.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        return None


def _style_numbering(document) -> dict[str, tuple[str | None, str | None, str | None]]:
    """styleId -> (numId, ilvl, basedOn) from styles.xml, for numbering inherited from a style."""
    out: dict[str, tuple[str | None, str | None, str | None]] = {}
    styles = document.styles.element
    for st in styles.iterfind(f"{_W}style"):
        num_pr = st.find(f"{_W}pPr/{_W}numPr")
        num_id = num_pr.find(f"{_W}numId") if num_pr is not None else None
        ilvl = num_pr.find(f"{_W}ilvl") if num_pr is not None else None
        based = st.find(f"{_W}basedOn")
        out[st.get(f"{_W}styleId")] = (
            num_id.get(f"{_W}val") if num_id is not None else None,
            ilvl.get(f"{_W}val") if ilvl is not None else None,
            based.get(f"{_W}val") if based is not None else None,
        )
    return out


class _BodyWalker:
    """Walks the body XML in document order and writes lines with their source refs."""

    def __init__(self, numbering: Numbering, styles: dict) -> None:
        self.out = TextAssembler()
        self.numbering = numbering
        self.styles = styles
        self.paragraphs = 0
        self.tables = 0
        self.lines = 0

    def _new_line(self) -> None:
        if self.lines:
            self.out.append("\n", SourceRef(synthetic=True))
        self.lines += 1

    def walk(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{_W}p":
                self._new_line()
                ref = SourceRef(paragraph=self.paragraphs)
                for piece, synthetic in self._paragraph(child):
                    self.out.append(piece, SourceRef(paragraph=self.paragraphs, synthetic=True) if synthetic else ref)
                self.paragraphs += 1
            elif tag == f"{_W}tbl":
                self._table(child)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.walk(content)
            elif tag in (f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"):
                self.walk(child)

    def _table(self, tbl: etree._Element) -> None:
        t = self.tables
        self.tables += 1
        for r, tr in enumerate(_children(tbl, "tr")):
            self._new_line()
            for c, tc in enumerate(_children(tr, "tc")):
                if c:
                    self.out.append("\t", SourceRef(table=t, row=r, synthetic=True))
                ref = SourceRef(table=t, row=r, cell=c)
                first = True
                for p in tc.iter(f"{_W}p"):
                    pieces = list(self._paragraph(p))
                    if not any(piece.strip() for piece, _ in pieces):
                        continue
                    if not first:
                        self.out.append(" ", SourceRef(table=t, row=r, cell=c, synthetic=True))
                    first = False
                    for piece, synthetic in pieces:
                        piece = piece.replace("\n", " ").replace("\t", " ")
                        self.out.append(piece, SourceRef(table=t, row=r, cell=c, synthetic=True) if synthetic else ref)
                span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                extra = int(span.get(f"{_W}val", "1")) - 1 if span is not None else 0
                for _ in range(max(extra, 0)):  # keep columns aligned under merged cells
                    self.out.append("\t", SourceRef(table=t, row=r, synthetic=True))

    def _paragraph(self, p: etree._Element):
        """(piece, synthetic) pairs of one paragraph: the numbering prefix, then its visible text."""
        prefix = self._numbering_prefix(p)
        if prefix:
            yield prefix, True
        fields: list[str] = []  # stack of complex-field states: "code" until separate, then "result"
        yield from ((t, False) for t in self._runs(p, fields))

    def _runs(self, el: etree._Element, fields: list[str]):
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{_W}r":
                if _hidden(child):
                    continue
                for item in child:
                    itag = item.tag
                    if itag == f"{_W}fldChar":
                        kind = item.get(f"{_W}fldCharType")
                        if kind == "begin":
                            fields.append("code")
                        elif kind == "separate" and fields:
                            fields[-1] = "result"
                        elif kind == "end" and fields:
                            fields.pop()
                    elif fields and fields[-1] == "code":
                        continue
                    elif itag == f"{_W}t":
                        if item.text:
                            yield item.text
                    elif itag in _CHARS:
                        if itag == f"{_W}br" and item.get(f"{_W}type") in ("page", "column"):
                            continue
                        yield _CHARS[itag]
            elif tag == f"{_W}p":  # nested paragraphs only occur in cells handled elsewhere
                continue
            else:  # hyperlink, ins, moveTo, smartTag, sdt/sdtContent, fldSimple, customXml …
                yield from self._runs(child, fields)

    def _numbering_prefix(self, p: etree._Element) -> str:
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        num_id = ilvl = None
        if num_pr is not None:
            n, i = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
            num_id = n.get(f"{_W}val") if n is not None else None
            ilvl = i.get(f"{_W}val") if i is not None else None
        style = p.find(f"{_W}pPr/{_W}pStyle")
        style_id = style.get(f"{_W}val") if style is not None else None
        seen = set()
        while (num_id is None or ilvl is None) and style_id and style_id not in seen:
            seen.add(style_id)
            s_num, s_ilvl, based = self.styles.get(style_id, (None, None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
            style_id = based
        if not num_id or num_id == "0":
            return ""
        return self.numbering.next_prefix(num_id, int(ilvl or 0))


def _children(el: etree._Element, local: str):
    """Direct ``w:<local>`` children, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == f"{_W}{local}":
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            inner = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if inner is not None:
                yield from _children(inner, local)


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false", "off")
