"""Build the hanzi vocabulary from corpus character counts and pypinyin's readings."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from core.model.spec import HANZI_SPECIALS, SYMBOLS, HanziVocab, is_han
from core.pinyin.syllables import is_syllable, normalize_syllable


def char_readings(ch: str) -> list[str]:
    """Toneless readings of one character, most common first, within the syllable inventory."""
    from pypinyin import Style, pinyin

    out: list[str] = []
    for syl in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]:
        syl = normalize_syllable(syl)
        if is_syllable(syl) and syl not in out:
            out.append(syl)
    return out


def build_hanzi_vocab(counts: Counter[str], *, max_han: int = 6000, min_count: int = 2) -> HanziVocab:
    """Specials + symbols + the `max_han` most frequent Han characters that have a reading.

    Ties break by code point, so the same counts always give the same vocabulary.
    """
    ranked = sorted(
        ((c, n) for c, n in counts.items() if is_han(c) and n >= min_count),
        key=lambda cn: (-cn[1], cn[0]),
    )
    han: list[str] = []
    readings: dict[str, list[str]] = {}
    for ch, _ in ranked:
        syls = char_readings(ch)
        if not syls:
            continue
        han.append(ch)
        readings[ch] = syls
        if len(han) >= max_han:
            break
    tokens = [*HANZI_SPECIALS, *SYMBOLS, *han]
    return HanziVocab(tokens=tokens, readings=readings)


def count_chars(lines: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(line)
    return counts
