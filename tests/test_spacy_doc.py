"""spaCy's role: facts as doc.spans on a blank zh pipeline with jieba, and a displaCy view."""

from __future__ import annotations

from policyparse.pipeline import parse_file
from policyparse.spacy_doc import FACT_INDEX, SPANS_KEY, render_html, to_spacy
from tests.conftest import CORPORA


def test_facts_become_spans_covering_their_text() -> None:
    document = parse_file(CORPORA / "000_3648e0628b0d6aa9.txt").document
    doc = to_spacy(document)
    spans = doc.spans[SPANS_KEY]
    assert len(spans) == len(document.facts)
    for span, index in zip(spans, doc.user_data[FACT_INDEX]):
        fact = document.facts[index]
        assert span.label_ == fact.type
        assert span.start_char <= fact.span[0] and fact.span[1] <= span.end_char
    assert any(s.label_ == "money" and "50万元" in s.text for s in spans)


def test_rendered_view_highlights_facts() -> None:
    document = parse_file(CORPORA / "002_cff6add629d97559.txt").document
    html = render_html(document)
    assert "<html" in html.lower() and "threshold" in html and "phone" in html and "organization" in html
