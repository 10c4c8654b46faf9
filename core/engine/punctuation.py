"""ASCII punctuation -> Chinese punctuation, with paired quotes that alternate open/close."""
from __future__ import annotations

SIMPLE: dict[str, str] = {
    ",": "，", ".": "。", "?": "？", "!": "！", ":": "：", ";": "；",
    "(": "（", ")": "）", "<": "《", ">": "》", "\\": "、", "^": "……", "_": "——",
    "[": "【", "]": "】", "{": "「", "}": "」", "$": "￥", "~": "～",
}
PAIRED: dict[str, tuple[str, str]] = {'"': ("“", "”"), "'": ("‘", "’")}


class PunctuationMapper:
    """Maps one typed character; remembers which quote comes next."""

    def __init__(self) -> None:
        self._open: dict[str, bool] = {q: False for q in PAIRED}

    def handles(self, ch: str) -> bool:
        return ch in SIMPLE or ch in PAIRED

    def map(self, ch: str) -> str:
        """The Chinese form of `ch`, or `ch` itself when it has none (digits, letters)."""
        if ch in SIMPLE:
            return SIMPLE[ch]
        if ch in PAIRED:
            opening, closing = PAIRED[ch]
            is_open = self._open[ch]
            self._open[ch] = not is_open
            return closing if is_open else opening
        return ch

    def reset(self) -> None:
        for q in self._open:
            self._open[q] = False
