"""The user words of one first letter, indexed for the decoder and the abbreviation pages.

Two views of the same words, both kept up to date as words are learned:
- by syllable count and letters, sorted: a bisect finds the words a unit path of full
  syllables may spell (`zhongg` -> the words of two syllables whose letters start `zhongg`);
- by initials, the first letter of each syllable (`bjdx`): the words an abbreviated path may
  spell, where the letters index knows only the first one.

The index is updated in place when a word is learned or deleted. It used to be rebuilt from the word list
after every change, and every commit learns words: at 87,000 user words each first letter the
next keystroke touched cost 5-9 ms to re-sort, and an abbreviated path read thousands of words
that start with its first letter to keep the few whose initials fit.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable

from core.lexicon.types import UserWord


def initials_of(syllables: tuple[str, ...]) -> str:
    """The first letter of each syllable: the key an abbreviation is typed as."""
    return "".join(s[0] for s in syllables)


class UserWordIndex:
    """User words that start with one letter. `order` lists them as they were added (the
    stored order, then learned words): every query answers in that order, so a candidate list
    does not depend on which view found its words."""

    def __init__(self, words: Iterable[UserWord] = ()) -> None:
        # A deleted word leaves None in its place: positions stay valid, and no view holds it.
        self.order: list[UserWord | None] = list(words)
        self._deleted = 0
        rows: dict[int, list[tuple[str, int]]] = {}
        self._initials: dict[str, list[int]] = {}
        for pos, w in enumerate(self.order):
            rows.setdefault(len(w.syllables), []).append(("".join(w.syllables), pos))
            self._initials.setdefault(initials_of(w.syllables), []).append(pos)
        self._letters: dict[int, tuple[list[str], list[int]]] = {}
        for n, pairs in rows.items():
            pairs.sort()
            self._letters[n] = ([t for t, _ in pairs], [p for _, p in pairs])

    def __len__(self) -> int:
        return len(self.order) - self._deleted

    def words(self) -> list[UserWord]:
        """Every word, in order."""
        return [w for w in self.order if w is not None]

    def add(self, word: UserWord) -> None:
        """Put `word` in, or in place of the entry of the same text and syllables."""
        letters = "".join(word.syllables)
        keys, positions = self._letters.setdefault(len(word.syllables), ([], []))
        lo = bisect.bisect_left(keys, letters)
        hi = bisect.bisect_right(keys, letters, lo)
        for i in range(lo, hi):
            old = self.order[positions[i]]
            if old is not None and old.text == word.text and old.syllables == word.syllables:
                self.order[positions[i]] = word
                return
        pos = len(self.order)
        self.order.append(word)
        keys.insert(hi, letters)
        positions.insert(hi, pos)
        self._initials.setdefault(initials_of(word.syllables), []).append(pos)  # stays sorted

    def remove(self, text: str, syllables: tuple[str, ...]) -> bool:
        """Take the word out of both views; False when it is not here."""
        entry = self._letters.get(len(syllables))
        if entry is None:
            return False
        keys, positions = entry
        letters = "".join(syllables)
        lo = bisect.bisect_left(keys, letters)
        for i in range(lo, bisect.bisect_right(keys, letters, lo)):
            pos = positions[i]
            old = self.order[pos]
            if old is not None and old.text == text and old.syllables == syllables:
                del keys[i], positions[i]
                self._initials[initials_of(syllables)].remove(pos)
                self.order[pos] = None
                self._deleted += 1
                return True
        return False

    def reading(self, n_syllables: int, prefix: str | None) -> list[UserWord]:
        """Words of `n_syllables` syllables whose letters start with `prefix` (None: all)."""
        entry = self._letters.get(n_syllables)
        if entry is None:
            return []
        keys, positions = entry
        if prefix is not None:
            lo = bisect.bisect_left(keys, prefix)
            hi = bisect.bisect_left(keys, prefix + "\x7f", lo)
            positions = positions[lo:hi]
        return [self.order[p] for p in sorted(positions)]  # type: ignore[misc] - none deleted

    def has_reading(self, n_syllables: int, prefix: str) -> bool:
        """Whether `reading(n_syllables, prefix)` would find a word (without listing them)."""
        entry = self._letters.get(n_syllables)
        if entry is None:
            return False
        keys = entry[0]
        lo = bisect.bisect_left(keys, prefix)
        return lo < len(keys) and keys[lo].startswith(prefix)

    def with_initials(self, keys: Iterable[str]) -> list[UserWord]:
        """Words whose initials are one of `keys` (`bjdx`: 北京大学, 不济大学…)."""
        found: list[int] = []
        for key in dict.fromkeys(keys):
            found.extend(self._initials.get(key, ()))
        return [self.order[p] for p in sorted(found)]  # type: ignore[misc] - none deleted
