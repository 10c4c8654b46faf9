"""A tiny in-memory stand-in for core.engine.ImeEngine, for widget tests of edge cases only.

It follows the documented engine API (type/backspace/candidates/select/commit/...) over a
handful of words, so key handling can be tested without loading the real lexicon.
"""
from __future__ import annotations

from core.engine.types import Candidate, CandidateSource, EngineConfig

WORDS = {
    "nihao": ["你好"], "ni": ["你", "泥", "尼", "拟", "逆", "腻", "妮", "倪", "匿", "霓"],
    "hao": ["好", "号", "毫", "豪"], "wo": ["我", "握", "窝"], "ai": ["爱", "哀", "矮"],
    "beijing": ["北京", "背景"], "bei": ["被", "北", "杯"], "jing": ["京", "经", "静"],
    "woai": ["我爱"],
}


class FakeEngine:
    decoder_name = "fake"

    def __init__(self, config: EngineConfig | None = None) -> None:
        self.config = config or EngineConfig()
        self.raw = ""
        self.selected = ""
        self.context = ""
        self.last_latency_ms = 0.0
        self.learned: list[str] = []

    @property
    def composing(self) -> bool:
        return bool(self.raw or self.selected)

    @property
    def preedit(self) -> str:
        return self.selected + self.raw

    def set_context(self, text: str) -> None:
        self.context = text

    def set_config(self, config: EngineConfig) -> None:
        self.config = config

    def set_scorer(self, scorer) -> None:
        self.decoder_name = "fake" if scorer is None else scorer.name

    def type(self, letters: str) -> None:
        self.raw += letters

    def backspace(self) -> bool:
        if self.raw:
            self.raw = self.raw[:-1]
            return True
        if self.selected:
            self.selected = ""
            return True
        return False

    def all_candidates(self) -> list[Candidate]:
        out = []
        for n in range(len(self.raw), 0, -1):
            for text in WORDS.get(self.raw[:n], []):
                src = CandidateSource.SENTENCE if n == len(self.raw) else CandidateSource.WORD
                out.append(Candidate(text, n, (self.raw[:n],), src))
        if not out and self.raw:
            out.append(Candidate(self.raw, len(self.raw), (self.raw,), CandidateSource.CHAR))
        return out

    def candidates(self, page: int = 0) -> list[Candidate]:
        size = self.config.page_size
        return self.all_candidates()[page * size:(page + 1) * size]

    def page_count(self) -> int:
        n = len(self.all_candidates())
        return max(1, -(-n // self.config.page_size)) if n else 0

    def select(self, i: int) -> str | None:
        cand = self.all_candidates()[i]
        self.selected += cand.text
        self.raw = self.raw[cand.letters:]
        if self.raw:
            return None
        return self._finish()

    def commit(self) -> str:
        while self.raw:
            done = self.select(0)
            if done is not None:
                return done
        return self._finish() if self.selected else ""

    def commit_raw(self) -> str:
        text = self.selected + self.raw
        self.raw = ""
        self.selected = ""
        return text

    def reset(self) -> None:
        self.raw = self.selected = ""

    def _finish(self) -> str:
        text, self.selected = self.selected, ""
        self.learned.append(text)
        return text
