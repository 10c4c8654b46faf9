"""Next-word prediction (联想) and the left context's words, from the lexicon's count model.

`left_words` reads the last two lexicon words of committed text (longest match from the
right); `predict_next` ranks the likely next words after them: the trigram's successors of
the two-word history first-class, the bigram's successors of the last word with the
trigram's back-off weight, so both are on one scale. `order=2` is the bigram baseline.
"""
from __future__ import annotations

import numpy as np

from core.lexicon.format import BI_LP_STEP, BOS_ID, EOS_ID, most_likely
from core.lexicon.trigram import TRI_LP_STEP, WordTrigram

MAX_MATCH = 4          # characters of the longest word read back from the context
# A character this rare as a word of its own (log-probability; 荔 -12.8, 俊 -10.6, 弃 -10.1,
# against 大 -6.8, 的 -3.6) marks a run of single characters as a name or term; one this
# common (的, 是, 我, 了) is a function word beside it, not part of it.
RARE_CHAR_LOGP = -10.0
COMMON_CHAR_LOGP = -6.0


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _word_ending_at(lexicon, text: str, end: int) -> tuple[int, int]:
    """(word id, length) of the longest lexicon word ending at `end`; (-1, 0) for none."""
    for k in range(min(MAX_MATCH, end), 0, -1):
        tail = text[end - k:end]
        if all(is_han(ch) for ch in tail):
            wid = lexicon.word_id(tail)
            if wid is not None:
                return wid, k
    return -1, 0


def left_words(lexicon, text: str) -> tuple[int, int]:
    """(word before, last word) ending `text`: BOS after punctuation or at the start, -1 for
    a word before that is unknown (Han text the lexicon cannot read).

    After punctuation (or any other non-Han run) inside a paragraph the word before is the
    last word of the clause before it: (that word, BOS) is the count model's clause link.
    At the start of the text or of a line there is none."""
    ids: list[int] = []
    end = len(text)
    while len(ids) < 2:
        if end == 0 or not is_han(text[end - 1]):
            ids.append(BOS_ID)
            if len(ids) == 1:
                j = end
                while j > 0 and not is_han(text[j - 1]) and text[j - 1] != "\n":
                    j -= 1
                if j > 0 and is_han(text[j - 1]):
                    ids.append(_word_ending_at(lexicon, text, j)[0])
            break
        wid, k = _word_ending_at(lexicon, text, end)
        ids.append(wid)
        if wid < 0:
            break
        end -= k
    last = ids[0]
    before = ids[1] if len(ids) > 1 else -1
    if last == -1:  # an unknown character ends the text: the clause has no usable history
        return -1, BOS_ID
    return before, last


def found_words(lexicon, text: str, min_len: int = 2,
                max_len: int = MAX_MATCH) -> list[tuple[int, int, int]]:
    """(start, length, word id) of every lexicon word of min_len..max_len characters found
    anywhere in `text`, in one vectorised lookup."""
    spans: list[tuple[int, int]] = []
    for i in range(len(text)):
        if not is_han(text[i]):
            continue
        for k in range(min_len, max_len + 1):
            piece = text[i:i + k]
            if len(piece) < k or not is_han(piece[-1]):
                break
            spans.append((i, k))
    ids = _ids(lexicon, [text[i:i + k] for i, k in spans])
    return [(i, k, wid) for (i, k), wid in zip(spans, ids) if wid is not None]


def context_words(lexicon, text: str, min_len: int = 2, max_len: int = MAX_MATCH) -> set[int]:
    """Ids of the lexicon words (min_len..max_len characters) found anywhere in `text`."""
    return {wid for _, _, wid in found_words(lexicon, text, min_len, max_len)}


def novel_strings(lexicon, text: str, found: list[tuple[int, int, int]] | None = None,
                  max_len: int = MAX_MATCH,
                  rare: float = RARE_CHAR_LOGP) -> list[tuple[str, tuple[str, ...]]]:
    """Strings of `text` the lexicon has no word for, with their readings: 2..max_len
    characters of each run of characters that no lexicon word of 2+ characters covers
    (names and new terms: 尹娟, 田俊, 弃光), holding at least one rare character and no common
    one (so 的书, 是他 or 娟的, cut out of everyday words, are not offered back). `found` is
    `found_words(lexicon, text)` where the caller has it."""
    reader = getattr(lexicon, "system", lexicon)   # a domain layer: the system's readings
    if not text or not hasattr(reader, "best_reading"):
        return []
    covered = [False] * len(text)
    for i, k, _ in found if found is not None else found_words(lexicon, text):
        covered[i:i + k] = [True] * k
    runs: list[str] = []
    start = None
    for i, ch in enumerate(text + "\n"):
        if i < len(text) and is_han(ch) and not covered[i]:
            start = i if start is None else start
        elif start is not None:
            if i - start >= 2:
                runs.append(text[start:i])
            start = None
    if not runs:
        return []
    chars = sorted(set("".join(runs)))
    logp: dict[str, float] = {}
    reading: dict[str, str] = {}
    for ch, wid in zip(chars, _ids(reader, chars)):
        syllables = reader.best_reading(wid) if wid is not None else None
        if syllables:
            logp[ch], reading[ch] = float(reader.uni[wid]), syllables[0]
    out: dict[str, tuple[str, ...]] = {}
    for run in runs:
        for i in range(len(run)):
            for k in range(2, max_len + 1):
                word = run[i:i + k]
                if len(word) < k:
                    break
                if (all(ch in reading and logp[ch] < COMMON_CHAR_LOGP for ch in word)
                        and any(logp[ch] < rare for ch in word)):
                    out.setdefault(word, tuple(reading[ch] for ch in word))
    return list(out.items())


def _ids(lexicon, words: list[str]) -> list[int | None]:
    many = getattr(lexicon, "word_ids", None)   # one vectorised lookup where the lexicon has it
    return many(words) if many is not None else [lexicon.word_id(w) for w in words]


def _bigram_successors(lexicon, w1: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The n most likely stored successors of `w1`: (ids, log-probs)."""
    lo, hi = int(lexicon.bi_off[w1]), int(lexicon.bi_off[w1 + 1])
    if hi <= lo:
        return np.empty(0, np.int64), np.empty(0, np.float32)
    lp = lexicon.bi_lp[lo:hi]
    top = most_likely(lp, n)
    # SystemLexicon keeps its bigram keys (w1 * V + w2) sorted in CSR order: the slice
    # [lo, hi) holds w1's successors.
    keys = lexicon._keys()[lo:hi]
    return keys[top] % lexicon.vocab_size, lp[top].astype(np.float32) * np.float32(-BI_LP_STEP)


def predict_next(lexicon, before: int, last: int, n: int = 9,
                 order: int = 3) -> list[tuple[int, float]]:
    """The n likeliest next words after (before, last): [(word id, log-prob)], best first."""
    if last < 0 or not hasattr(lexicon, "bi_off"):
        return []
    pool = max(3 * n, 30)
    scores: dict[int, float] = {}
    tri = WordTrigram.load(lexicon) if order >= 3 else None
    back = 0.0
    if tri is not None and before >= 0:
        ctx = int(tri.contexts(np.asarray([before]), np.asarray([last]))[0])
        if ctx >= 0:
            back = float(tri._bow[ctx]) * -TRI_LP_STEP
            ids, lps = tri.successors(ctx, pool)
            for w, lp in zip(ids.tolist(), lps.tolist()):
                scores[w] = lp
    ids, lps = _bigram_successors(lexicon, last, pool)
    for w, lp in zip(ids.tolist(), lps.tolist()):
        if w not in scores:
            scores[w] = lp + back
    ranked = sorted(((w, s) for w, s in scores.items() if w > EOS_ID), key=lambda t: -t[1])
    return ranked[:n]
