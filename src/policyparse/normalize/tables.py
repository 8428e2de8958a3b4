"""Re-assemble tables that a copy from Word flattened into one cell per line.

Word's plain-text copy of a table writes each cell on its own line starting with a tab and
separates rows with a blank line (seed 002's contact table). Joined back, each row becomes one
line of tab-separated cells, the same shape the docx and pdf loaders give tables.
"""

from __future__ import annotations

import regex

from policyparse.models import Diagnostic
from policyparse.normalize.offsets import Edit, apply_edits
from policyparse.normalize.step import StepResult

_ROW_BLOCK = regex.compile(r"(?m)^(?:\t[^\n]*\n){2,}(?:\t[^\n]*$)?")


def fold_flattened_tables(text: str) -> StepResult:
    """Join runs of tab-led cell lines into tab-separated rows."""
    edits: list[Edit] = []
    rows = 0
    for block in _ROW_BLOCK.finditer(text):
        body = block.group()
        # inside the block: drop each line's leading tab, turn the breaks between cells into tabs
        base = block.start()
        lines = body.split("\n")
        offset = base
        for i, line in enumerate(lines):
            if line.startswith("\t"):
                edits.append(Edit(offset, offset + 1, ""))
            if i < len(lines) - 1 and lines[i + 1].startswith("\t"):
                edits.append(Edit(offset + len(line), offset + len(line) + 1, "\t"))
            offset += len(line) + 1
        rows += 1
    new_text, offsets = apply_edits(text, edits)
    result = StepResult(new_text, offsets)
    if rows:
        result.diagnostics.append(
            Diagnostic(code="N102", severity="info", message=f"re-assembled {rows} flattened table row(s) into tab-separated lines")
        )
    return result
