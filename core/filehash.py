"""sha256 of a file, streamed: the one helper every manifest (lexicon, shards, models) uses."""
from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_file(path: str | Path, *, chunk: int = 1 << 20) -> str:
    """Hex sha256 of the file's bytes, read in `chunk`-byte blocks (large corpora fit)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()
