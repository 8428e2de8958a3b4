"""Exceptions policyparse raises to its callers.

Odd *content* never raises: it becomes a coded :class:`~policyparse.models.Diagnostic` on the
document. Exceptions are for input that cannot become a document at all (unreadable file,
unsupported format, encrypted container, no text). Every exception carries a stable ``code`` so
batch mode can write an error record that other tools can act on.
"""

from __future__ import annotations


class PolicyParseError(Exception):
    """Base of every error policyparse raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def to_record(self) -> dict:
        """The error as a JSON-able record for batch output."""
        return {"code": self.code, "error": type(self).__name__, "message": self.message, "path": self.path}


class LoadError(PolicyParseError):
    """The file could not be read into text."""

    code = "E100"


class UnsupportedFormatError(LoadError):
    """The file's format is none policyparse reads."""

    code = "E101"


class EmptyDocumentError(LoadError):
    """The file holds no text (zero bytes, or nothing but whitespace after loading)."""

    code = "E102"


class FileTooLargeError(LoadError):
    """The file is larger than the configured limit."""

    code = "E103"


class CorruptDocumentError(LoadError):
    """The container is broken: not a valid PDF/DOCX/ZIP, truncated, or a zip bomb."""

    code = "E104"


class EncryptedDocumentError(LoadError):
    """The document is password-protected."""

    code = "E105"


class NoTextLayerError(LoadError):
    """A PDF whose pages carry no text layer (a scan): it needs OCR first."""

    code = "E106"


class BinaryContentError(LoadError):
    """A file named as text whose bytes are not text in any encoding policyparse knows."""

    code = "E107"


class ConverterMissingError(LoadError):
    """A format that needs an external converter (LibreOffice for .doc) that is not installed."""

    code = "E108"
