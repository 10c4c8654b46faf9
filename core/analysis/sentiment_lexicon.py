"""Polar words with negation and degree scope: cues that read the same in every review domain.

The word lists are HowNet's and NTUSD's (`resources/sentiment_lexicon/`, built by
trainer.sentiment.build_lexicon). A polar word is flipped by an odd number of negators
(不/没/别/无 ...) and marked by the strongest degree adverb (很/非常/有点 ...) among the
three words before it in its clause. The result is a handful of tokens per text ("pos",
"neg-very", "not-pos", "last-neg", "more-neg" ...) that the wide path reads beside its n-grams:
n-grams learn what the training domain says ("房间", "屏幕"), these what any review says.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SCOPE = 3                      # words before a polar word that can negate or grade it
DEGREES = ("extreme", "very", "more", "ish")   # strongest first
_CLAUSE_END = set("，,。.！!？?；;：:、~～…\n ")


@dataclass(frozen=True)
class SentimentLexicon:
    polarity: dict[str, str]   # word -> "pos" | "neg"
    negators: frozenset[str]
    degree: dict[str, str]     # word -> one of DEGREES

    @classmethod
    def from_rows(cls, rows: Sequence[tuple[str, str]]) -> SentimentLexicon:
        polarity: dict[str, str] = {}
        negators: set[str] = set()
        degree: dict[str, str] = {}
        for word, kind in rows:
            if kind in ("pos", "neg"):
                polarity.setdefault(word, kind)
            elif kind == "not":
                negators.add(word)
            elif kind in DEGREES:
                degree.setdefault(word, kind)
            else:
                raise ValueError(f"unknown lexicon kind {kind!r} for {word!r}")
        return cls(polarity, frozenset(negators), degree)

    def tokens(self, words: Sequence[str]) -> list[str]:
        """Scope-resolved cue tokens of a segmented text (jieba words, in order)."""
        out: list[str] = []
        clauses: list[list[str]] = [[]]
        for w in words:
            if w in _CLAUSE_END or w.isspace():
                if clauses[-1]:
                    clauses.append([])
            else:
                clauses[-1].append(w)
        if not clauses[-1]:
            clauses.pop()
        balance = 0
        for c, clause in enumerate(clauses):
            last = c == len(clauses) - 1 and len(clauses) > 1
            for i, w in enumerate(clause):
                pol = self.polarity.get(w)
                if pol is None:
                    continue
                before = clause[max(0, i - SCOPE):i]
                negated = sum(b in self.negators for b in before) % 2 == 1
                grades = [self.degree[b] for b in before if b in self.degree]
                final = ("neg" if pol == "pos" else "pos") if negated else pol
                out.append(final)
                if negated:
                    out.append(f"not-{pol}")
                if grades:
                    out.append(f"{final}-{min(grades, key=DEGREES.index)}")
                if last:
                    out.append(f"last-{final}")
                balance += 1 if final == "pos" else -1
        out.append("more-pos" if balance > 0 else "more-neg" if balance < 0 else "balanced")
        return out


def read_lexicon_rows(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:  # header: word<TAB>kind
        if line.strip():
            word, kind = line.split("\t")[:2]
            rows.append((word, kind))
    return rows


@lru_cache(maxsize=4)
def load_lexicon(path: str) -> SentimentLexicon:
    """The lexicon in a `word<TAB>kind` file, read once per process."""
    return SentimentLexicon.from_rows(read_lexicon_rows(Path(path)))


def shipped_lexicon_path() -> Path:
    from core import paths

    return paths.resources_dir() / "sentiment_lexicon" / "lexicon.tsv"
