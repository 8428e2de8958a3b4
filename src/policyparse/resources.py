"""Where the declarative data under the top-level ``extractors/`` folder lives at run time.

In a source checkout (editable install) it is the repo's ``extractors/``; in a wheel, pyproject
force-includes it as ``policyparse/_data/extractors``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def data_root() -> Path:
    """The ``extractors`` data folder."""
    for candidate in (_PACKAGE_DIR / "_data" / "extractors", _PACKAGE_DIR.parent.parent / "extractors"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("policyparse data folder 'extractors/' not found; reinstall the package")


def data_path(*parts: str) -> Path:
    """A file under the data folder, e.g. ``data_path("segment", "heading_titles.txt")``."""
    return data_root().joinpath(*parts)


def read_lines(*parts: str) -> list[str]:
    """Non-empty, non-comment lines of a UTF-8 data file."""
    text = data_path(*parts).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def read_json(*parts: str) -> Any:
    """A JSON data file under the data folder, parsed once per process."""
    return json.loads(data_path(*parts).read_text(encoding="utf-8"))
