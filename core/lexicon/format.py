"""File layout of the compiled system lexicon, shared by the compiler and the loader."""
from __future__ import annotations

from pathlib import Path

FORMAT_VERSION = 1
BOS = "<s>"
EOS = "</s>"


class LexiconFiles:
    """Names of the artifact's files: `<name>.npy` arrays and `<name>.txt` string lists."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def npy(self, name: str) -> Path:
        return self.root / f"{name}.npy"

    def txt(self, name: str) -> Path:
        return self.root / f"{name}.txt"

    def write_text_list(self, name: str, items: list[str]) -> None:
        self.txt(name).write_text("\n".join(items), encoding="utf-8")

    def read_text_list(self, name: str) -> list[str]:
        return self.txt(name).read_text(encoding="utf-8").split("\n")
