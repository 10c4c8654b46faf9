"""A domain layer over the system lexicon: the user's words and word pairs, mixed per sentence.

A layer is a small artifact in the system lexicon's own format (`core.lexicon.format`), built
by `yinzi-train adapt` from the user's text. `DomainLexicon` joins it with the system lexicon.
The decoder scores each sentence (path) with a mixture of the two whole-sentence models,

    P(path) = (1 - lam) * P_sys(path) + lam * P_dom(path)

carrying both log-probabilities along every beam hypothesis (`bigram_pair` gives both sides).
A sentence thus reads as one model's text: a general clause keeps its general words even where
the domain favours one of them on its own, and a domain clause is read by the domain model
throughout. On a poetry layer this kept general dev text within 0.1 char point of the system
lexicon, where mixing per word (one weight for every history, or count merging) cost 0.5-4
points for the same gain on poetry. Words only the layer knows get ids after the system's
(`vocab_size` and up), so the decoder treats them as words; `uni` and `bigram_matrix` are the
per-word mixture (candidate lists rank words with it).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.lexicon.system import LexiconError, SystemLexicon

LAYER_KIND = "domain-layer"
_NEG = np.float32(-60.0)   # log of "never": a word one side does not know


@dataclass(frozen=True)
class DomainEntry:
    """A word of the layer as a lattice entry (ids in the joined space)."""

    word_id: int
    text: str
    syllables: tuple[str, ...]
    penalty: float


class DomainLexicon:
    """The system lexicon with a domain layer mixed in at weight `lam` (read-only).

    Offers the query side the decoder and engine use (entries, keys, bigrams) in one id
    space: system ids first, then the layer's own words. Entry lookups answer for the system
    lexicon; `domain_by_letters` / `domain_by_abbreviation` add the layer's words.
    """

    def __init__(self, system: SystemLexicon, layer: SystemLexicon, lam: float) -> None:
        self.system = system
        self.layer = layer
        self.root = layer.root
        self.manifest = layer.manifest
        self.load_seconds = system.load_seconds + layer.load_seconds
        V = system.vocab_size
        # Map the layer's words into the joined id space.
        d2c = np.empty(layer.vocab_size, dtype=np.int64)
        extra: list[str] = []
        for d, w in enumerate(layer.words):
            if d < 2:                      # BOS, EOS are ids 0 and 1 in both
                d2c[d] = d
                continue
            sid = system.word_id(w)
            if sid is None:
                d2c[d] = V + len(extra)
                extra.append(w)
            else:
                d2c[d] = sid
        self._d2c = d2c
        self.extra_words = extra
        self.vocab_size = V + len(extra)
        c2d = np.full(self.vocab_size, -1, dtype=np.int64)
        c2d[d2c] = np.arange(layer.vocab_size)
        self._c2d = c2d
        # Lean lookups, one searchsorted per model: an id one side lacks maps to an extra
        # "unknown" id of that side (unigram -60, back-off weight 1), so unknown histories back
        # off to the unigram and unknown words get -60 without masks. The extra id never
        # matches a stored pair (no pair predicts BOS, id 0).
        Dv = layer.vocab_size
        self._c2l = np.where(c2d >= 0, c2d, Dv)
        self._c2s = np.minimum(np.arange(self.vocab_size), V)
        self._l_uni = np.append(np.asarray(layer.uni, dtype=np.float32), _NEG)
        self._l_bow = np.append(np.asarray(layer.bow, dtype=np.float32), np.float32(0.0))
        self._s_uni = np.append(np.asarray(system.uni, dtype=np.float32), _NEG)
        self._s_bow = np.append(np.asarray(system.bow, dtype=np.float32), np.float32(0.0))
        self._extra_index = {w: V + k for k, w in enumerate(extra)}
        self._words: list[str] | None = None
        # The system's entry lookups, bound directly: the decoder calls them per keystroke
        # hundreds of thousands of times, and a delegating method doubles their cost.
        self.by_letters = system.by_letters
        self.keys_with_prefix = system.keys_with_prefix
        self.has_key_prefix = system.has_key_prefix
        self.key_range = system.key_range
        self.by_abbreviation = system.by_abbreviation
        self.syllables = system.syllables
        self.text = system.text
        self.ent_word = system.ent_word
        self.ent_pen = system.ent_pen
        self._entry_cache: dict[str, list[DomainEntry]] = {}
        self._abbr_cache: dict[str, list[DomainEntry]] = {}
        self.set_weight(lam)

    @classmethod
    def open(cls, layer_dir: str | Path, *, system: SystemLexicon | None = None,
             lam: float | None = None) -> DomainLexicon:
        """Load the layer in `layer_dir`; `lam` defaults to the weight stored with it."""
        layer_dir = Path(layer_dir)
        layer = SystemLexicon(layer_dir)
        if layer.manifest.get("kind") != LAYER_KIND:
            raise LexiconError(f"{layer_dir} is not a domain layer (kind {layer.manifest.get('kind')!r})")
        if lam is None:
            lam = float(layer.manifest.get("lambda", 0.3))
        return cls(system or SystemLexicon.default(), layer, lam)

    # --- weight ----------------------------------------------------------------------------

    def set_weight(self, lam: float) -> None:
        """Mix weight of the layer, 0 <= lam < 1 (0: the system lexicon alone)."""
        if not 0.0 <= lam < 1.0:
            raise ValueError(f"domain weight must be in [0, 1), not {lam}")
        self.lam = float(lam)
        self._log_sys = np.float32(np.log1p(-lam))
        self._log_dom = np.float32(np.log(lam)) if lam > 0 else _NEG
        dom_uni = np.full(self.vocab_size, _NEG, dtype=np.float32)
        dom_uni[self._d2c] = self.layer.uni

        def mixed(system_logp: np.ndarray) -> np.ndarray:
            """A per-word log-probability of the system mixed with the layer's unigram."""
            sys_logp = np.full(self.vocab_size, _NEG, dtype=np.float32)
            sys_logp[:self.system.vocab_size] = system_logp
            return np.logaddexp(self._log_sys + sys_logp, self._log_dom + dom_uni).astype(np.float32)

        self.uni = mixed(self.system.uni)
        self.uni[0] = self.system.uni[0]
        # The initials' prior: the system's familiarity with the layer's own unigram (the
        # user's text is the register they type in).
        self.abbr_uni = mixed(self.system.abbr_uni)
        self._entry_cache.clear()
        self._abbr_cache.clear()

    # --- language model ------------------------------------------------------------------------

    def bigram_pair(self, w1s: np.ndarray, w2s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(log P_sys(w2 | w1), log P_dom(w2 | w1)) for every pair, each (len(w1s), len(w2s));
        a word one side does not know gets about -60 there."""
        w1s = np.asarray(w1s, dtype=np.int64)
        w2s = np.asarray(w2s, dtype=np.int64)
        sys_m = _lookup(self.system, self._s_bow, self._s_uni, self._c2s[w1s], self._c2s[w2s])
        dom_m = _lookup(self.layer, self._l_bow, self._l_uni, self._c2l[w1s], self._c2l[w2s])
        return sys_m, dom_m

    def bigram_matrix(self, w1s: np.ndarray, w2s: np.ndarray) -> np.ndarray:
        """log P(w2 | w1) of the per-word mixture, for every pair: (len(w1s), len(w2s))."""
        sys_m, dom_m = self.bigram_pair(w1s, w2s)
        if self.lam == 0.0:
            return sys_m
        return np.logaddexp(self._log_sys + sys_m, self._log_dom + dom_m).astype(np.float32)

    def bigram_row(self, w1: int, w2s: np.ndarray) -> np.ndarray:
        return self.bigram_matrix(np.asarray([w1]), np.asarray(w2s))[0]

    def bigram(self, w1: int, w2: int) -> float:
        return float(self.bigram_row(w1, np.asarray([w2]))[0])

    # --- words -----------------------------------------------------------------------------------

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = self.system.words + self.extra_words
        return self._words

    def word_id(self, word: str) -> int | None:
        wid = self.system.word_id(word)
        return wid if wid is not None else self._extra_index.get(word)

    def warm_up(self) -> None:
        self.system.warm_up()
        self.layer.warm_up()
        _ = self.words

    # --- system entries (the decoder's lattice), unchanged: bound in __init__ ----------------

    @property
    def keys(self) -> list[str]:
        return self.system.keys

    # --- the layer's entries ------------------------------------------------------------------

    def _entries(self, ids) -> list[DomainEntry]:
        lay = self.layer
        out = []
        for ent in ids:
            ent = int(ent)
            d = int(lay.ent_word[ent])
            out.append(DomainEntry(int(self._d2c[d]), lay.words[d], lay.syllables(ent),
                                   float(lay.ent_pen[ent])))
        return out

    def domain_by_letters(self, key: str) -> list[DomainEntry]:
        """The layer's words whose reading spells `key` and that the system's entries for the
        key lack (new words, or readings the system cut), best first."""
        got = self._entry_cache.get(key)
        if got is None:
            rng = self.layer.by_letters(key)
            got = self._entries(range(rng.start, rng.stop)) if rng is not None else []
            if got:   # only what the system's entries for this key lack
                srng = self.system.by_letters(key)
                have = set(self.system.ent_word[srng.start:srng.stop].tolist()) if srng else set()
                got = [de for de in got if de.word_id not in have]
            if len(self._entry_cache) > 50_000:
                self._entry_cache.clear()
            self._entry_cache[key] = got
        return got

    def domain_by_abbreviation(self, key: str, limit: int = 40) -> list[DomainEntry]:
        """The layer's own words (unknown to the system) whose syllables start with the letters
        of `key`, best first."""
        got = self._abbr_cache.get(key)
        if got is None:
            # the system's abbreviation index already holds the words it knows
            V = self.system.vocab_size
            got = [de for de in self._entries(self.layer.by_abbreviation(key)[:limit])
                   if de.word_id >= V]
            if len(self._abbr_cache) > 50_000:
                self._abbr_cache.clear()
            self._abbr_cache[key] = got
        return got


def _lookup(lex: SystemLexicon, bow: np.ndarray, uni: np.ndarray, w1: np.ndarray,
            w2: np.ndarray) -> np.ndarray:
    """log P(w2 | w1) for every pair of one side: its stored bigram, else back-off."""
    keys = lex._keys()
    q = w1[:, None] * lex.vocab_size + w2[None, :]
    out = bow[w1][:, None] + uni[w2][None, :]
    if len(keys):
        idx = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
        hit = keys[idx] == q
        if hit.any():
            out[hit] = lex._bigram_logp(idx[hit])
    return out


def load_model_domain(model_dir: str | Path, *, system: SystemLexicon | None = None
                      ) -> DomainLexicon | None:
    """The domain lexicon of an adapted model folder (its manifest names `domain_layer` and
    `lambda`), or None for a model without one. LexiconError when it is named but broken."""
    model_dir = Path(model_dir)
    try:
        manifest = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    sub = manifest.get("domain_layer") if isinstance(manifest, dict) else None
    if not sub:
        return None
    lam = manifest.get("lambda")
    return DomainLexicon.open(model_dir / sub, system=system,
                              lam=float(lam) if isinstance(lam, (int, float)) else None)
