"""Legacy Word .doc notices: converted to .docx by LibreOffice, then read by the docx loader.

``soffice --headless --convert-to docx`` runs in a temporary directory with its own throw-away
user profile (so it neither clashes with a running LibreOffice nor leaves state behind) and a
time limit. Source refs are those of the converted .docx (paragraph/table/row/cell).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from policyparse.errors import ConverterMissingError, CorruptDocumentError
from policyparse.loaders.base import DEFAULT_MAX_BYTES, LoadedText
from policyparse.loaders.docx import load_docx

CONVERT_TIMEOUT = 120
"""Seconds LibreOffice may take to convert one document."""

INSTALL_HINT = "install LibreOffice: apt-get install libreoffice-writer-nogui (or convert the file to .docx yourself)"


def find_soffice() -> str | None:
    """Path of the LibreOffice command-line binary, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def load_doc(data: bytes, path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Text and source map of the legacy Word file whose bytes are ``data``."""
    name, spath = Path(path).name, str(path)
    soffice = find_soffice()
    if soffice is None:
        raise ConverterMissingError(
            f"{name}: reading legacy .doc files needs LibreOffice (soffice), which is not on PATH; {INSTALL_HINT}",
            path=spath,
        )
    with tempfile.TemporaryDirectory(prefix="policyparse-doc-") as tmp:
        tmpdir = Path(tmp)
        source = tmpdir / "in.doc"
        source.write_bytes(data)
        profile = (tmpdir / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmpdir / "out"), str(source)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise CorruptDocumentError(
                f"{name}: LibreOffice did not finish converting the .doc within {CONVERT_TIMEOUT} s", path=spath
            ) from None
        except OSError as exc:
            raise ConverterMissingError(f"{name}: could not run {soffice} ({exc}); {INSTALL_HINT}", path=spath) from None
        converted = tmpdir / "out" / "in.docx"
        if proc.returncode != 0 or not converted.exists():
            detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()[:300]
            raise CorruptDocumentError(
                f"{name}: LibreOffice could not convert the .doc (damaged or encrypted?): {detail or 'no output'}",
                path=spath,
            )
        return load_docx(converted.read_bytes(), path, max_bytes=max_bytes, format="doc")
