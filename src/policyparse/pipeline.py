"""The whole job for one notice: load → normalize → segment → metadata → extract → Document.

Every stage is a function of the previous stage's output; nothing re-reads the file after loading.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from policyparse.extractors.registry import run_extractors
from policyparse.loaders.base import DEFAULT_MAX_BYTES, LoadedText, SourceMap
from policyparse.metadata.read import read_metadata
from policyparse.models import Document, Source
from policyparse.normalize.pipeline import NormalizedText, normalize
from policyparse.resolvers.memo import document_scope
from policyparse.segment.tree import build_sections


@dataclass
class Parsed:
    """A document together with what is needed to trace its spans back to the file."""

    document: Document
    raw_text: str
    normalized: NormalizedText
    source_map: SourceMap


def build_document(loaded: LoadedText, source: Source) -> Parsed:
    """Turn loaded raw text into a :class:`Document` (the part of the job after loading).

    The scanners share their whole-text work (folded text, raw numbers, dates) for this document
    only: :func:`~policyparse.resolvers.memo.document_scope`."""
    with document_scope():
        normalized = normalize(loaded.text)
        text = normalized.text
        sections = build_sections(text)
        metadata = read_metadata(text, sections)
        facts = run_extractors(text, sections, metadata)
    document = Document(
        source=source,
        text=text,
        metadata=metadata,
        sections=tuple(sections),
        facts=tuple(facts),
        diagnostics=tuple(loaded.diagnostics + normalized.diagnostics),
    )
    return Parsed(document, loaded.text, normalized, loaded.source_map)


def parse_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    """Parse one file; raises a :class:`~policyparse.errors.LoadError` if it cannot be read."""
    from policyparse.loaders import load  # format libraries load only when a file is read

    path = Path(path)
    loaded = load(path, max_bytes=max_bytes)
    source = Source(
        path=str(path), sha256=loaded.sha256, format=loaded.format, encoding=loaded.encoding,
        pages=loaded.pages,
    )
    return build_document(loaded, source)


def parse_text(text: str, *, name: str = "<text>") -> Document:
    """Parse a notice given as a string (as if loaded from a UTF-8 .txt file)."""
    from policyparse.loaders.base import SourceRef, TextAssembler

    assembler = TextAssembler()
    assembler.append(text, SourceRef(line=None))
    loaded = LoadedText(text=assembler.text(), source_map=assembler.source_map, format="txt", encoding="utf-8")
    source = Source(path=name, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), format="txt", encoding="utf-8")
    return build_document(loaded, source).document
