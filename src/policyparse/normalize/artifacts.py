"""Remove artifacts that export tools and web pages leave in text.

Word-to-text exports write bookmarks as ``[bookmark: _GoBack]``; web copies carry zero-width
characters, soft hyphens and carriage returns. None of these are words of the notice.
"""

from __future__ import annotations

import regex

from policyparse.models import Diagnostic
from policyparse.normalize.offsets import Edit, apply_edits
from policyparse.normalize.step import StepResult

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width characters, the BOM and the soft hyphen."""
_ARTIFACT = regex.compile(
    r"\[(?:bookmark|comment|footnote|endnote)\s*:[^\]\n]{0,80}\]"  # Word export markers
    f"|[{_INVISIBLE}]"
)
_ARTIFACT_STARTS = "[" + _INVISIBLE
"""What every artifact starts with."""
_ODD_BREAKS = "\u2028\u2029\x0b\x0c\x85"
_LINE_BREAK = regex.compile(f"\r\n?|[{_ODD_BREAKS}]")
_BREAKS = "\r" + _ODD_BREAKS
"""What every odd line break holds."""


def _holds_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds one of ``chars``: a few ``in`` tests cost a fraction of a regex scan,
    and most notices hold no artifact and no odd line break, so the scans mostly need not run."""
    return any(c in text for c in chars)


def remove_artifacts(text: str) -> StepResult:
    """Delete export markers and invisible characters; unify line breaks to ``\\n``."""
    artifacts = list(_ARTIFACT.finditer(text)) if _holds_any(text, _ARTIFACT_STARTS) else []
    edits = [Edit(m.start(), m.end(), "") for m in artifacts]
    markers = [m.group() for m in artifacts if m.group().startswith("[")]
    if _holds_any(text, _BREAKS):
        edits += [Edit(m.start(), m.end(), "\n") for m in _LINE_BREAK.finditer(text)]
    new_text, offsets = apply_edits(text, edits)
    diagnostics = []
    if markers:
        diagnostics.append(
            Diagnostic(code="N101", severity="info", message=f"removed {len(markers)} export marker(s): {', '.join(sorted(set(markers)))}")
        )
    return StepResult(new_text, offsets, diagnostics)
