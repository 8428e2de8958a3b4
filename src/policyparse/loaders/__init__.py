"""Loading a notice file into raw text with a per-character source map.

``load(path)`` picks the loader by suffix (.txt .text .docx .pdf .html .htm .doc), then checks the
file's magic bytes against it, so a misnamed or damaged file fails with a typed
:class:`~policyparse.errors.LoadError` naming the file, what is wrong and what to do — never a bare
library exception, never a silently empty document.

Every loader returns lines separated by "\\n" and a SourceMap that covers every character.

Diagnostic codes a loader may attach (the load goes on):

- ``W001`` the content is another supported format than the suffix says and was read as that
  (a .docx file named .doc).
- ``W011`` a PDF page without a text layer (its text is missing; other pages have text).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from policyparse.errors import (
    BinaryContentError,
    CorruptDocumentError,
    EmptyDocumentError,
    LoadError,
    PolicyParseError,
    UnsupportedFormatError,
)
from policyparse.loaders.base import DEFAULT_MAX_BYTES, LoadedText, SourceMap, SourceRef, TextAssembler
from policyparse.loaders.sniff import OLE, PDF, ZIP, read_limited, refuse_encrypted_office, sniff
from policyparse.models import Diagnostic

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "LoadedText", "SourceMap", "SourceRef", "TextAssembler", "load"]

SUFFIXES = {".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".doc": "doc"}
"""File suffix (lower case) → format name."""

_KIND_NAMES = {PDF: "a PDF file", ZIP: "a zip archive (.docx or similar)", OLE: "an OLE file (legacy .doc or encrypted Office)"}

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def load(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Read the notice at ``path``: raw text, source map, format, encoding, diagnostics.

    Raises UnsupportedFormatError (unknown suffix), FileTooLargeError (over ``max_bytes``, before
    reading), EmptyDocumentError (no bytes, or no text after loading), CorruptDocumentError,
    EncryptedDocumentError, NoTextLayerError, BinaryContentError, ConverterMissingError.
    """
    p = Path(path)
    fmt = SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise UnsupportedFormatError(
            f"{p.name}: unsupported file type {p.suffix or '(no suffix)'!r}; policyparse reads "
            + " ".join(SUFFIXES),
            path=str(path),
        )
    if not p.is_file():
        raise LoadError(f"{p.name}: no such file: {path}", path=str(path))
    data = read_limited(p, max_bytes)
    try:
        loaded = _dispatch(fmt, data, p, max_bytes)
    except PolicyParseError:
        raise
    except Exception as exc:  # a library failing in a way no loader anticipated: still a typed error
        raise LoadError(f"{p.name}: could not read the {fmt} file ({type(exc).__name__}: {exc})", path=str(path)) from exc
    if not loaded.text.strip(" \t\n\r\f\v\xa0\u3000" + _INVISIBLE):
        if fmt == "html":
            what = "no article text (navigation and footer only?)"
        else:
            what = "whitespace only" if loaded.text else "no text"
        raise EmptyDocumentError(f"{p.name}: the {fmt} file holds {what}; there is nothing to parse", path=str(path))
    loaded.sha256 = hashlib.sha256(data).hexdigest()  # of the bytes read, so the file is not read twice
    return loaded


def _dispatch(fmt: str, data: bytes, p: Path, max_bytes: int) -> LoadedText:
    kind = sniff(data)
    refuse_encrypted_office(data, p)
    if fmt in ("txt", "html"):
        if kind is not None:
            raise BinaryContentError(
                f"{p.name}: named {p.suffix} but is {_KIND_NAMES[kind]}; rename it to its real type",
                path=str(p),
            )
        if fmt == "txt":
            from policyparse.loaders.txt import load_txt

            return load_txt(data, p)
        from policyparse.loaders.html import load_html

        return load_html(data, p)
    if fmt == "pdf":
        if kind != PDF:
            what = f"it is {_KIND_NAMES[kind]}" if kind else "no %PDF header"
            raise CorruptDocumentError(f"{p.name}: not a PDF file ({what})", path=str(p))
        from policyparse.loaders.pdf import load_pdf

        return load_pdf(data, p)
    if fmt == "docx":
        from policyparse.loaders.docx import load_docx

        return load_docx(data, p, max_bytes=max_bytes)
    # .doc: LibreOffice also reads the RTF and HTML files that web sites often serve as .doc;
    # a .docx named .doc needs no conversion.
    if kind == ZIP:
        from policyparse.loaders.docx import load_docx

        loaded = load_docx(data, p, max_bytes=max_bytes)
        loaded.diagnostics.append(
            Diagnostic(code="W001", message=f"{p.name} is a .docx file named .doc; read as .docx", severity="info")
        )
        return loaded
    from policyparse.loaders.doc import load_doc

    return load_doc(data, p, max_bytes=max_bytes)
