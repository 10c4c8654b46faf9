"""Initials-only input (`bjdx`, `xdl`, `wmyy`): the words the initials spell, ranked.

A sentence decoder reads `bjdx` as any chain of words; a person typing initials means one
word. So when the input has no vowel (it cannot be a full syllable: ng, m and n aside, which
read as initials too) the engine lists the lexicon's words with exactly these initials first,
ranked by their probability after the committed context (bigram, trigram where stored; at a
clause start the familiarity prior of `core.lexicon.familiarity`, how familiar the word is to
someone typing) less the reading penalty; user words get their bonus and win. The words
spelled by longer initials (`bjdx` -> 北京大学生) fill the page after them.
"""
from __future__ import annotations

import bisect

import numpy as np

from core.lexicon.trigram import WordTrigram

VOWELS = frozenset("aeiouv")
MAX_LETTERS = 6        # the abbreviation index covers words of up to six syllables
SCAN = 400             # entries of a key examined (best first by unigram)
USER_BONUS = 2.0       # as the decoder's: nats for a user word, plus log(1 + count)
UNSEEN_GAP = 3.0       # nats below the key's best word for a user word the lexicon lacks
UNSEEN_FLOOR = -14.0   # ... and for one whose key has no system word at all


# a, e and o begin syllables of their own (an, er, ou): typed first, one of them is an initial
# (案件 = aj, 而且 = eq) when the next letter cannot go on with it into a syllable. Later in the
# input it joins the letter before it (wom is wo + m).
SYLLABLE_GOES_ON = {"a": "ino", "e": "inr", "o": "u"}


def initials_key(raw: str) -> str | None:
    """The initials typed, or None when the input is not initials only."""
    key = raw.replace("'", "")
    if not 2 <= len(key) <= MAX_LETTERS or any(ch in VOWELS for ch in key[1:]):
        return None
    head = key[0]
    if head in VOWELS and (head not in SYLLABLE_GOES_ON or key[1] in SYLLABLE_GOES_ON[head]):
        return None
    return key


def prior_of(lexicon) -> np.ndarray:
    """Log-probabilities that rank initials without context: the lexicon's familiarity prior
    (core.lexicon.familiarity) where it has one, else its unigram."""
    return getattr(lexicon, "abbr_uni", lexicon.uni)


def spelled_words(lexicon, key: str, before: int, history: int, n: int,
                  user=None) -> list[tuple[str, tuple[str, ...], float, bool]]:
    """(text, syllables, score, from the user lexicon) of the words whose syllables start with
    the letters of `key`, best first."""
    ents = np.asarray(lexicon.by_abbreviation(key)[:SCAN], dtype=np.int64)
    wid_list = np.asarray(lexicon.ent_word[ents], dtype=np.int64).tolist() if len(ents) else []
    pens = np.asarray(lexicon.ent_pen[ents], dtype=np.float32).tolist() if len(ents) else []
    syls = [lexicon.syllables(int(e)) for e in ents.tolist()]
    texts = [lexicon.words[w] for w in wid_list]
    if getattr(lexicon, "lam", 0.0) > 0.0:   # a domain layer's own words
        for de in lexicon.domain_by_abbreviation(key):
            wid_list.append(de.word_id)
            pens.append(de.penalty)
            syls.append(de.syllables)
            texts.append(de.text)
    best: dict[str, tuple[tuple[str, ...], float, bool]] = {}
    if wid_list:
        wids = np.asarray(wid_list, dtype=np.int64)
        if history <= 0:
            # No committed context: how familiar the word is to someone typing (a clause-start
            # bigram favours words that open sentences, and initials are typed anywhere).
            lm = np.asarray(prior_of(lexicon), dtype=np.float32)[wids][None, :]
        else:
            lm = lexicon.bigram_matrix(np.asarray([history]), wids)
            tri = WordTrigram.load(lexicon)
            if tri is not None and before >= 0:
                ctx = tri.contexts(np.asarray([before]), np.asarray([history]))
                lm = tri.adjust(ctx, wids, lm)
        scores = lm[0] - np.asarray(pens, dtype=np.float32)
        for k in np.argsort(-scores, kind="stable")[: 4 * n].tolist():
            if texts[k] not in best:
                best[texts[k]] = (syls[k], float(scores[k]), False)
    if user is not None:
        # A user word the lexicon lacks starts a little below the key's best system word, so
        # that learning it twice (the bonus is 2 + log(1 + count) nats) puts it first.
        unseen = max((v[1] for v in best.values()), default=UNSEEN_FLOOR) - UNSEEN_GAP
        for uw in user.index_of(key[0]).with_initials([key]):
            bonus = USER_BONUS + float(np.log1p(uw.count))
            base = best[uw.text][1] if uw.text in best else unseen
            best[uw.text] = (uw.syllables, base + bonus, True)
    ranked = sorted(best.items(), key=lambda t: -t[1][1])[:n]
    return [(text, syl, score, user_word) for text, (syl, score, user_word) in ranked]


def longer_words(lexicon, key: str, n: int) -> list[tuple[str, tuple[str, ...], float]]:
    """The best words whose initials start with `key` and go on (`bjdx` -> 北京大学生)."""
    keys = getattr(lexicon, "system", lexicon).abbr_keys
    prior = prior_of(lexicon)
    lo = bisect.bisect_right(keys, key)
    hi = bisect.bisect_left(keys, key + "\x7f", lo)
    out: list[tuple[str, tuple[str, ...], float]] = []
    for k in range(lo, min(hi, lo + 200)):
        ents = lexicon.by_abbreviation(keys[k])[:2]
        for ent in ents.tolist():
            wid = int(lexicon.ent_word[ent])
            out.append((lexicon.words[wid], lexicon.syllables(ent),
                        float(prior[wid] - lexicon.ent_pen[ent])))
    out.sort(key=lambda t: -t[2])
    seen: set[str] = set()
    uniq = []
    for t in out:
        if t[0] not in seen:
            seen.add(t[0])
            uniq.append(t)
    return uniq[:n]
