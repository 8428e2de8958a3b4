"""Compare notices across jurisdictions and years.

:func:`compare` profiles each notice (:mod:`policyparse.profile`), builds the slots × notices
matrix (:mod:`.matrix`) and the typed pairwise diffs (:mod:`.diff`); :mod:`.markdown` and
:mod:`.html` render the result, and ``compare.json`` is the :class:`Comparison` model itself.
"""

from policyparse.compare.diff import diff_profiles, direction
from policyparse.compare.matrix import build_matrix
from policyparse.compare.model import Change, Comparison, Matrix, MatrixRow, PairDiff
from policyparse.inputs import load_document
from policyparse.profile import PolicyProfile, build_profile

__all__ = [
    "Change", "Comparison", "Matrix", "MatrixRow", "PairDiff", "build_matrix", "compare",
    "compare_profiles", "diff_profiles", "direction", "load_document",
]


def compare_profiles(profiles: list[PolicyProfile], pairs: list[tuple[int, int]] | None = None) -> Comparison:
    """The comparison of already-built profiles; ``pairs`` are (a, b) indexes to diff
    (default: the one pair when two profiles are given, none otherwise)."""
    if pairs is None:
        pairs = [(0, 1)] if len(profiles) == 2 else []
    diffs = tuple(diff_profiles(profiles[i], profiles[j]) for i, j in pairs)
    return Comparison(notices=tuple(p.notice for p in profiles), matrix=build_matrix(profiles), diffs=diffs)


def compare(documents: list, pairs: list[tuple[int, int]] | None = None) -> Comparison:
    """The comparison of parsed :class:`~policyparse.models.Document` objects."""
    return compare_profiles([build_profile(d) for d in documents], pairs)
