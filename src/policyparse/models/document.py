"""The parsed document: source, normalized text, metadata, section tree, facts, diagnostics."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from policyparse.models.facts import DATE_PATTERN, Fact, Span

SCHEMA_VERSION = "1"

SourceFormat = Literal["txt", "docx", "pdf", "html", "doc"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Frozen):
    """Where the document came from."""

    path: str
    sha256: str
    format: SourceFormat
    encoding: str | None = Field(default=None, description="detected text encoding (txt/html)")
    pages: int | None = Field(default=None, description="page count (pdf)")


class Jurisdiction(_Frozen):
    """The administrative area a notice governs, with its GB/T 2260 division code."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None


class Metadata(_Frozen):
    """Document-level facts from the GB/T 9704 版头/主体/版记. Unknown is null or empty."""

    title: str | None = None
    doc_number: str | None = None
    issuers: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()
    publish_date: str | None = Field(default=None, pattern=DATE_PATTERN)
    signing_date: str | None = Field(default=None, pattern=DATE_PATTERN, description="成文日期 above/below the signature")
    policy_year: int | None = Field(default=None, description="programme year the text states (2020年度)")
    jurisdiction: Jurisdiction = Jurisdiction()


SectionKind = Literal["heading", "chapter", "article", "attachment"]


class Section(_Frozen):
    """A node of the section tree.

    ``id`` is the numbering path (``二/（一）/3``), stable across years for the same clause;
    ``span`` covers the heading and its whole body; ``title_span`` just the title words.
    """

    id: str
    marker: str
    level: int = Field(ge=1)
    title: str
    span: Span
    title_span: Span | None = None
    parent: str | None = None
    kind: SectionKind = "heading"


class Diagnostic(_Frozen):
    """Something odd about the content, coded; the parse goes on."""

    code: str
    message: str
    span: Span | None = None
    severity: Literal["info", "warning", "error"] = "warning"


class Document(_Frozen):
    """One parsed notice, in the shape of shared/FACTS.md."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    text: str
    metadata: Metadata = Metadata()
    sections: tuple[Section, ...] = ()
    facts: tuple[Fact, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    rules: str | None = Field(
        default=None, exclude_if=lambda v: v is None,
        description="file name of this notice's eligibility rules (the policyparse rules format, docs/rules.schema.json) "
                    "beside this JSON; written by `policyparse parse --rules --out DIR`, absent otherwise",
    )

    @model_validator(mode="after")
    def _spans_ground_in_text(self) -> "Document":
        n = len(self.text)
        for fact in self.facts:
            start, end = fact.span
            if end > n or self.text[start:end] != fact.text:
                raise ValueError(f"fact {fact.type} {fact.text!r} does not match text at {fact.span}")
        for section in self.sections:
            if section.span[1] > n:
                raise ValueError(f"section {section.id} span {section.span} exceeds the text")
        return self
