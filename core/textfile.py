"""Which text encoding a user's file is in: the one rule every reader in Yinzi follows.

UTF-8 (with or without the BOM spreadsheet programs write), UTF-16 with a BOM (what Windows
tools save as "Unicode"), or GB18030, a superset of the GBK that Excel on a Chinese Windows
writes. A NUL byte outside UTF-16 means a binary file. Callers wrap `EncodingError` in their own
error type with the file's name.
"""
from __future__ import annotations

import codecs

SNIFF_BYTES = 1 << 16  # how much of a file decides its encoding


class EncodingError(ValueError):
    """The head of a file is not text Yinzi can read; the message says why (no file name)."""

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


def sniff_encoding(head: bytes) -> str:
    """'utf-8-sig', 'utf-16', 'utf-8' or 'gb18030' for a file that starts with `head`."""
    if not head.strip():
        raise EncodingError("empty file")
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    nul = head.find(b"\x00")
    if nul >= 0:
        raise EncodingError(f"looks binary (NUL byte at byte offset {nul}); expected text", nul)
    try:
        # final=False: the head may end inside a multi-byte character.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        codecs.getincrementaldecoder("gb18030")().decode(head, final=False)
        return "gb18030"
    except UnicodeDecodeError:
        pass
    raise EncodingError(f"not UTF-8, UTF-16 or GB18030 text (undecodable byte at offset "
                        f"{utf8_error.start})", utf8_error.start)
