"""Web copies of notices: the article body of a government page, one line per block.

The bytes are decoded by BOM, then the declared ``<meta charset>`` (GBK/GB2312 pages are decoded
as GB18030, their superset), else detected like a text file. trafilatura finds the article body
and drops navigation, breadcrumbs, share bars, related links and the site footer; its XML output
keeps the block structure, so each paragraph, heading, list item and ``<br>``-separated line is a
line, and each table row is a line with cells joined by "\t". The page title is put first when
the body does not already hold it. A last pass removes site chrome trafilatura let through: a
trailing run of footer lines (网站标识码, ICP备案号, 主办单位 and the site's 联系电话/地址 next to
them) and share/print/font-size bars.

Source refs: ``node`` is the XPath of the element of the original page whose text the line came
from (found by matching text), or ``trafilatura:<path>`` into trafilatura's output when no single
original element holds it.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from policyparse.errors import ConverterMissingError, CorruptDocumentError, EmptyDocumentError
from policyparse.loaders.base import LoadedText, SourceRef, TextAssembler
from policyparse.loaders.txt import BOMS, decode_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn"}

FOOTER_STRONG = re.compile(
    r"网站标识码|ICP\s*备|ICP证|公网安备|版权所有|Copyright|©|技术支持|主办单位|承办单位|主管单位|网站地图"
)
"""Lines that only a site footer holds."""

FOOTER_WEAK = re.compile(r"地址|邮编|联系电话|电话|传真|邮箱|E-?mail|联系我们|网站|浏览器|分辨率")
"""Lines a site footer holds next to the strong ones (the site's own contacts)."""

CHROME_LINE = re.compile(
    r"^\s*(?:当前位置|您的位置|您现在的位置|分享到|【?\s*打印|【?\s*关闭|字体\s*[：:]|字号\s*[：:]|【\s*字体|浏览次数|阅读次数|访问次数|扫一扫)"
)
"""Whole lines of page chrome: breadcrumbs, share/print/close bars, font-size switches, counters."""


def load_html(data: bytes, path: str | Path) -> LoadedText:
    """Article text and source map of the web page whose bytes are ``data``."""
    name, spath = Path(path).name, str(path)
    try:
        import trafilatura
    except ImportError as exc:  # trafilatura 2 needs lxml_html_clean, a separate package since lxml 5.2
        raise ConverterMissingError(
            f"{name}: reading web pages needs trafilatura ({exc}); pip install trafilatura lxml_html_clean", path=spath
        ) from None
    markup, encoding = decode_html(data, path)
    try:
        tree = lxml_html.fromstring(markup.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        raise CorruptDocumentError(f"{name}: not parseable as HTML ({exc})", path=spath) from None
    index = _text_index(tree)
    result = None
    for recall in (False, True):  # trafilatura prunes the tree it is given: hand it a copy
        result = trafilatura.extract(
            copy.deepcopy(tree), output_format="xml", include_tables=True, include_comments=False, include_images=False,
            include_links=False, include_formatting=False, with_metadata=True, deduplicate=False, favor_recall=recall,
        )
        if result:
            break
    if not result:
        raise EmptyDocumentError(f"{name}: no article text found in the web page (navigation and footer only?)", path=spath)
    doc = etree.fromstring(result.encode("utf-8"))
    lines = _blocks(doc)
    title = (doc.get("title") or "").strip()
    if title and not any(_squash(title) in _squash(text) for text, _ in lines[:3]):
        lines.insert(0, (title, "/html/head/title"))
    lines = _drop_chrome(lines)
    out = TextAssembler()
    for i, (text, out_path) in enumerate(lines):
        if i:
            out.append("\n", SourceRef(synthetic=True))
        key = _squash(text)
        node = index.get(key) or (out_path if out_path.startswith("/html") else f"trafilatura:{out_path}")
        if "\t" in text:
            for c, cell in enumerate(text.split("\t")):
                if c:
                    out.append("\t", SourceRef(node=node, synthetic=True))
                out.append(cell, SourceRef(node=index.get(_squash(cell), node)))
        else:
            out.append(text, SourceRef(node=node))
    return LoadedText(text=out.text(), source_map=out.source_map, format="html", encoding=encoding)


def decode_html(data: bytes, path: str | Path) -> tuple[str, str]:
    """``(markup, encoding)``: BOM, else the declared meta charset if the bytes decode with it,
    else detection as for text files."""
    if data.startswith(tuple(bom for bom, _ in BOMS)):
        return decode_text(data, path)
    match = _META_CHARSET.search(data[:8192])
    if match:
        declared = match.group(1).decode("ascii").lower()
        codec = "gb18030" if declared in _GB_FAMILY else declared
        try:
            return data.decode(codec), declared
        except (UnicodeDecodeError, LookupError):
            pass  # mislabelled page: fall through to detection
    return decode_text(data, path)


def _blocks(doc: etree._Element) -> list[tuple[str, str]]:
    """(line, path in trafilatura's XML) for each block of the main body, tables as tab rows."""
    lines: list[tuple[str, str]] = []
    root = doc.getroottree()
    main = doc.find("main")
    if main is None:
        main = doc

    def visit(el: etree._Element) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "table":
                for row in child.iter("row"):
                    cells = [_inline(cell).replace("\n", " ").replace("\t", " ").strip() for cell in row.findall("cell")]
                    if any(cells):
                        lines.append(("\t".join(cells), root.getpath(row)))
            elif child.tag in ("list", "quote", "div", "main"):
                visit(child)
            else:  # p, head, item, code, and stray inline elements
                for part in _inline(child).split("\n"):
                    if part.strip():
                        lines.append((part.strip(), root.getpath(child)))

    visit(main)
    return lines


def _inline(el: etree._Element) -> str:
    """Text of a block with ``<lb/>`` as a line break."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _text_index(tree: etree._Element) -> dict[str, str]:
    """Whitespace-free text → XPath of the deepest element of the original page holding exactly it
    (table rows indexed by their cells' text run together)."""
    index: dict[str, str] = {}
    doc = tree.getroottree()
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "head"):
            continue
        key = _squash(el.text_content()) if hasattr(el, "text_content") else ""
        if key and len(key) < 5000:
            index[key] = doc.getpath(el)  # later (deeper) elements overwrite their ancestors
    return index


def _drop_chrome(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Remove page-chrome lines and a trailing site footer: the end of the trailing run of
    footer-like lines from its first line that only a footer holds (so an article's own 联系电话
    just above the footer stays)."""
    lines = [item for item in lines if not CHROME_LINE.match(item[0])]
    cut = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        text = lines[i][0]
        if len(text) > 120 or not (FOOTER_STRONG.search(text) or FOOTER_WEAK.search(text)):
            break
        if FOOTER_STRONG.search(text):
            cut = i  # the footer starts at its first strong line; weak lines above it are article
    return lines[:cut]
