"""Work shared by the scanners of one document, and kept for that document only.

Several scanners read the same text: the money, percent and duration scanners all need its raw
numbers, the date and duration scanners its temporal expressions, every scanner its folded copy and
its protected spans. :func:`per_document` lets the first caller compute such a whole-text analysis
and the others reuse it, while the document is being parsed (:func:`document_scope`, which
:func:`policyparse.pipeline.build_document` opens).

The memo dies with the scope. A cache that outlived it (an ``lru_cache`` keyed by the text) would
hand a second parse of the same notice the first parse's work: a benchmark that parses a few notices
over and over would time lookups, not parsing. Outside a scope (a scanner called on its own, as the
tests and the peer-vector script do) nothing is remembered and every call computes.

The scope lives in a :class:`~contextvars.ContextVar`, so threads and asyncio tasks that parse at
the same time each see their own memo.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

_MEMO: ContextVar[dict[tuple, Any] | None] = ContextVar("policyparse_document_memo", default=None)

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def document_scope() -> Iterator[None]:
    """While open, :func:`per_document` functions remember their results (for one document)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def per_document(fn: F) -> F:
    """Remember ``fn``'s result per positional arguments (hashable) inside a :func:`document_scope`.

    The result is shared by every caller, so it must not be mutated: return tuples, frozen
    objects, or objects the callers only read."""

    @functools.wraps(fn)
    def remembered(*args: Any) -> Any:
        memo = _MEMO.get()
        if memo is None:
            return fn(*args)
        key = (fn, args)
        try:
            return memo[key]
        except KeyError:
            result = memo[key] = fn(*args)
            return result

    return remembered  # type: ignore[return-value]
