"""A notice as a spaCy ``Doc`` with its facts in ``doc.spans["facts"]``.

Users add their own pipeline components over the same text, or render a highlighted view with
displaCy's span style. The pipeline is ``spacy.blank("zh")`` with jieba word segmentation: no model
is downloaded. spaCy is imported only here, so a plain parse does not pay for it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from policyparse.models import Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

SPANS_KEY = "facts"
FACT_INDEX = "policyparse.fact_index"
"""``doc.user_data`` key: for each span of ``doc.spans[SPANS_KEY]``, the index of its fact."""


@lru_cache(maxsize=1)
def blank_chinese() -> "Language":
    """``spacy.blank("zh")`` segmenting words with jieba."""
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def to_spacy(document: Document, nlp: "Language | None" = None) -> "Doc":
    """The document's text as a ``Doc``; each fact becomes a span labelled with its type.

    A fact whose boundaries fall inside a jieba word is widened to whole tokens
    (``alignment_mode="expand"``); ``doc.user_data[FACT_INDEX]`` gives, span by span, the index of
    its fact in ``document.facts``, where the exact character span is kept.
    """
    nlp = nlp or blank_chinese()
    doc = nlp.make_doc(document.text)
    spans, indices = [], []
    for i, fact in enumerate(document.facts):
        span = doc.char_span(fact.span[0], fact.span[1], label=fact.type, alignment_mode="expand")
        if span is not None:
            spans.append(span)
            indices.append(i)
    doc.spans[SPANS_KEY] = spans
    doc.user_data[FACT_INDEX] = indices
    return doc


def render_html(document: Document) -> str:
    """A self-contained HTML page highlighting every fact (displaCy span view)."""
    from spacy import displacy

    return displacy.render(to_spacy(document), style="span", options={"spans_key": SPANS_KEY}, page=True)
