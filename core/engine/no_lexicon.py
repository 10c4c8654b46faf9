"""The engine the app runs on when the system lexicon cannot be loaded (missing or damaged).

It composes nothing: the app stays in English mode, so plain text, files, analysis and the
user's documents keep working while the status bar says what is wrong and how to fix it
(reinstall, or `make lexicon`). Every method a composing engine offers answers "nothing here".
"""
from __future__ import annotations

from core.engine.types import Candidate


class NoLexiconEngine:
    """Stands in for ImeEngine when `SystemLexicon` raised `LexiconError`."""

    composing = False
    raw = ""
    preedit = ""
    context = ""
    user_lexicon = None
    custom_phrases = None
    scorer = None
    model_weight = 0.0
    last_latency_ms = 0.0

    def __init__(self, reason: str) -> None:
        self.reason = reason                   # the LexiconError's message, shown to the user
        self.decoder_name = "no lexicon"
        self.commit_listeners: list = []

    def type(self, text: str) -> None:
        raise RuntimeError(f"Chinese input is unavailable: {self.reason}")

    def set_context(self, text: str) -> None:
        pass

    def set_config(self, config) -> None:
        pass

    def set_scorer(self, scorer) -> None:
        pass

    def warm_up(self) -> None:
        pass

    def reset(self) -> None:
        pass

    def backspace(self) -> bool:
        return False

    def commit(self) -> str:
        return ""

    def commit_raw(self) -> str:
        return ""

    def select(self, index: int) -> str | None:
        return None

    def candidates(self, page: int = 0) -> list[Candidate]:
        return []

    def all_candidates(self) -> list[Candidate]:
        return []

    def page_count(self) -> int:
        return 0

    def predictions(self, n: int = 9) -> list[Candidate]:
        return []
