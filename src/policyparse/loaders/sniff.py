"""What a file really is, judged by its bytes, and reading it within the size limit.

A file's suffix says what it claims to be; its first bytes say what it is. Loaders call
:func:`read_limited` (size check before the whole file is read, empty check after) and
:func:`sniff` (magic bytes), so a ``.docx`` that is not a zip or a ``.pdf`` without ``%PDF``
fails with a typed error instead of a library traceback.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from policyparse.errors import EmptyDocumentError, EncryptedDocumentError, FileTooLargeError

PDF = "pdf"
ZIP = "zip"
OLE = "ole"
"""Sniffed container kinds: PDF, ZIP (docx and other OOXML), OLE/CFB (legacy .doc, encrypted OOXML)."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def read_limited(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The bytes of ``path``; FileTooLargeError before reading if it is over ``max_bytes``,
    EmptyDocumentError if it has no bytes at all."""
    p = Path(path)
    size = p.stat().st_size
    if size > max_bytes:
        raise FileTooLargeError(
            f"{p.name}: file is {size:,} bytes, over the limit of {max_bytes:,} bytes; "
            "raise max_bytes if the file is genuine",
            path=str(path),
        )
    with p.open("rb") as fh:
        data = fh.read(max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise FileTooLargeError(f"{p.name}: file is over the limit of {max_bytes:,} bytes", path=str(path))
    if not data:
        raise EmptyDocumentError(f"{p.name}: file is empty (0 bytes)", path=str(path))
    return data


def sniff(data: bytes) -> str | None:
    """The container kind of ``data`` by magic bytes (:data:`PDF`, :data:`ZIP`, :data:`OLE`), or None
    for anything else (plain text, HTML, junk). A PDF header may follow up to 1 KiB of junk, as
    readers allow."""
    if data.startswith(OLE_MAGIC):
        return OLE
    if data.startswith(ZIP_MAGICS):
        return ZIP
    if b"%PDF-" in data[:1024]:
        return PDF
    return None


def refuse_encrypted_office(data: bytes, path: str | os.PathLike) -> None:
    """EncryptedDocumentError if ``data`` is a password-protected Office file: an OLE container
    holding the ``EncryptionInfo``/``EncryptedPackage`` streams of an encrypted OOXML package."""
    if data.startswith(OLE_MAGIC) and {"EncryptionInfo", "EncryptedPackage"} & set(ole_stream_names(data)):
        raise EncryptedDocumentError(
            f"{Path(path).name}: the Word document is password-protected (encrypted Office package); "
            "open it in Word, remove the password (File > Info > Protect Document) and save again",
            path=str(path),
        )


def ole_stream_names(data: bytes) -> list[str]:
    """Names of the entries in an OLE/CFB container's directory (streams and storages).

    Reads just enough of the Compound File Binary format (MS-CFB): the header, the FAT sectors
    it lists (including the DIFAT chain), then the directory chain. Returns [] when the file is
    too broken to read a directory from.
    """
    try:
        return _ole_stream_names(data)
    except (struct.error, IndexError, ValueError):
        return []


def _ole_stream_names(data: bytes) -> list[str]:
    if not data.startswith(OLE_MAGIC) or len(data) < 512:
        return []
    sector_shift = struct.unpack_from("<H", data, 0x1E)[0]
    if sector_shift not in (9, 12):
        return []
    sector_size = 1 << sector_shift
    first_dir = struct.unpack_from("<I", data, 0x30)[0]
    first_difat, difat_count = struct.unpack_from("<II", data, 0x44)

    def sector(n: int) -> bytes:
        start = (n + 1) * sector_size
        if start + sector_size > len(data):
            raise ValueError("sector out of range")
        return data[start : start + sector_size]

    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < 0xFFFFFFFA]
    next_difat, seen = first_difat, 0
    while next_difat < 0xFFFFFFFA and seen < difat_count:
        entries = struct.unpack(f"<{sector_size // 4}I", sector(next_difat))
        fat_sectors += [s for s in entries[:-1] if s < 0xFFFFFFFA]
        next_difat, seen = entries[-1], seen + 1
    fat: list[int] = []
    for s in fat_sectors:
        fat += struct.unpack(f"<{sector_size // 4}I", sector(s))

    names: list[str] = []
    current, visited = first_dir, set()
    while current < 0xFFFFFFFA and current not in visited and current < len(fat):
        visited.add(current)
        block = sector(current)
        for off in range(0, sector_size, 128):
            name_len = struct.unpack_from("<H", block, off + 64)[0]
            if 2 <= name_len <= 64:
                names.append(block[off : off + name_len - 2].decode("utf-16-le", errors="replace"))
        current = fat[current]
    return names
