"""Scoring parses against gold facts (the format of shared/gold/seeds)."""
