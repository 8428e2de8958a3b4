"""Remove artifacts that export tools and web pages leave in text.

Word-to-text exports write bookmarks as ``[bookmark: _GoBack]``; web copies carry zero-width
characters, soft hyphens and carriage returns. None of these are words of the notice.
"""

from __future__ import annotations

import regex

from policyparse.models import Diagnostic
from policyparse.normalize.offsets import Edit, apply_edits
from policyparse.normalize.step import StepResult

_ARTIFACT = regex.compile(
    r"\[(?:bookmark|comment|footnote|endnote)\s*:[^\]\n]{0,80}\]"  # Word export markers
    r"|[\u200b\u200c\u200d\u2060\ufeff\u00ad]"  # zero-width characters, BOM, soft hyphen
)
_LINE_BREAK = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


def remove_artifacts(text: str) -> StepResult:
    """Delete export markers and invisible characters; unify line breaks to ``\\n``."""
    edits = [Edit(m.start(), m.end(), "") for m in _ARTIFACT.finditer(text)]
    markers = [m.group() for m in _ARTIFACT.finditer(text) if m.group().startswith("[")]
    edits += [Edit(m.start(), m.end(), "\n") for m in _LINE_BREAK.finditer(text)]
    new_text, offsets = apply_edits(text, edits)
    diagnostics = []
    if markers:
        diagnostics.append(
            Diagnostic(code="N101", severity="info", message=f"removed {len(markers)} export marker(s): {', '.join(sorted(set(markers)))}")
        )
    return StepResult(new_text, offsets, diagnostics)
