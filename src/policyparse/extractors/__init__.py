"""Fact extractors: one module per extractor; their patterns, lexicons and examples live as data
in the top-level ``extractors/<name>/`` folder."""
