"""Lexicon decoder: a word lattice over the syllable graph, searched with a word bigram beam.

The lexicon is the system lexicon, or a `core.lexicon.domain.DomainLexicon` (the system
lexicon with a user's domain layer interpolated in): its words join the lattice as entries.

Lattice states at interior positions depend only on the letters before them, so they are
cached by input prefix: a keystroke computes the old end position as an interior one and the
new end position (where incomplete syllables are allowed), nothing else.
"""
from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from core.engine.types import CandidateSource, FuzzyConfig
from core.lexicon.format import BOS_ID, EOS_ID
from core.lexicon.system import UNKNOWN_WORD_LOGP, SystemLexicon
from core.lexicon.trigram import WordTrigram
from core.lexicon.types import UserWord, UserWordSource
from core.pinyin.graph import SyllableGraph, Unit, UnitKind, syllables_starting

MAX_WORD_LETTERS = 40
MAX_ABBR_UNITS = 6
MAX_FUZZY_KEYS = 16
MAX_ABBR_SCAN = 400    # abbreviation entries examined per path (best first)
MATCH_CACHE = 8192     # unit sequences whose word matches are kept
MIXED_FULL = 2         # full syllables after initials read as one word (bjdaxue -> 北京大学)
USER_BONUS = 2.0       # nats for a user-lexicon word, plus log(1 + count)
# Nats for a string of the committed text the lexicon lacks (set_context_words), on top of
# the unknown word's log-probability: the cache model's largest bonus, which is what a word
# it knew would get for being that rare.
CONTEXT_WORD_BONUS = 6.0
# Candidate sources as small numbers, for the match cache (see _match_units).
_SOURCES = tuple(CandidateSource)
_SOURCE_CODE = {s: i for i, s in enumerate(_SOURCES)}


@dataclass
class Edge:
    """Candidate words over raw[start:end], in parallel arrays (best first)."""

    start: int
    end: int
    word_ids: np.ndarray            # LM word ids (-1: a user word unknown to the system lexicon)
    costs: np.ndarray               # reading penalties, abbreviation and fuzzy costs, user bonus
    texts: list[str]
    syllables: list[tuple[str, ...]]
    sources: list[CandidateSource]
    exact: bool = True              # letters read as typed (no abbreviation, prefix or fuzzy)


@dataclass
class Hyp:
    score: float
    word: int
    text: str
    syllables: tuple[str, ...]
    start: int
    end: int
    source: CandidateSource
    prev: Hyp | None = field(default=None, repr=False)
    # With a domain layer: the path's log-probability under each model and its summed costs
    # (score = log((1 - lam) e^lm_sys + lam e^lm_dom) - cost, a per-sentence mixture).
    lm_sys: float = 0.0
    lm_dom: float = 0.0
    cost: float = 0.0
    # The bigram index of (previous word, word): the two-word history of a trigram (-1: none).
    ctx: int = -1

    def path(self) -> list[Hyp]:
        out: list[Hyp] = []
        h: Hyp | None = self
        while h is not None and h.end > 0:
            out.append(h)
            h = h.prev
        return out[::-1]


@dataclass(frozen=True)
class Sentence:
    text: str
    syllables: tuple[str, ...]
    score: float
    words: tuple[str, ...]
    ends: tuple[int, ...] = ()      # where each word ends in the raw letters


@dataclass
class _Column:
    beam: list[Hyp]
    edges_from_start: list[Edge]
    _arrays: tuple[np.ndarray, ...] | None = None

    _ctx: np.ndarray | None = None
    _ws: tuple[np.ndarray, np.ndarray] | None = None

    def words_scores(self) -> tuple[np.ndarray, np.ndarray]:
        """(word ids, scores) of the beam, built once."""
        if self._ws is None:
            n = len(self.beam)
            self._ws = (np.fromiter((h.word for h in self.beam), dtype=np.int64, count=n),
                        np.fromiter((h.score for h in self.beam), dtype=np.float32, count=n))
        return self._ws

    def contexts(self) -> np.ndarray:
        """The trigram history (a bigram index, -1: none) of each beam hypothesis."""
        if self._ctx is None:
            self._ctx = np.fromiter((h.ctx for h in self.beam), dtype=np.int64,
                                    count=len(self.beam))
        return self._ctx

    def arrays(self) -> tuple[np.ndarray, ...]:
        """(words, lm_sys, lm_dom, cost) of the beam, built once (every edge leaving the
        column reads them)."""
        if self._arrays is None:
            n = len(self.beam)
            self._arrays = (np.fromiter((h.word for h in self.beam), dtype=np.int64, count=n),
                            np.fromiter((h.lm_sys for h in self.beam), dtype=np.float64, count=n),
                            np.fromiter((h.lm_dom for h in self.beam), dtype=np.float64, count=n),
                            np.fromiter((h.cost for h in self.beam), dtype=np.float64, count=n))
        return self._arrays


class LexiconDecoder:
    """Ranks conversions of raw pinyin letters with the system (and user) lexicon."""

    def __init__(self, lexicon: SystemLexicon, *, beam: int = 20, same_word: int = 3,
                 fuzzy: FuzzyConfig | None = None, user: UserWordSource | None = None,
                 cache_size: int = 512) -> None:
        self.lex = lexicon
        self.beam_size = beam
        self.same_word = same_word
        self.fuzzy = fuzzy or FuzzyConfig()
        self._fuzzy_key = tuple(self.fuzzy.enabled())   # the rules in the match cache's keys
        self.user = user
        self._cache: OrderedDict[tuple, _Column] = OrderedDict()
        self._cache_size = cache_size
        self._root = Hyp(0.0, BOS_ID, "", (), 0, 0, CandidateSource.SENTENCE)
        # The word trigram stored beside a plain system lexicon (None: the bigram alone).
        self.tri = WordTrigram.load(lexicon)
        # Words of the committed text nearby: their cost is lowered (a cache model).
        self._boost: dict[int, float] = {}
        self._boost_ids = np.empty(0, dtype=np.int64)
        self._boost_vals = np.empty(0, dtype=np.float32)
        self._cache_user_version = 0   # the user words the cached columns were computed with
        self._context_words: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self._boost_texts: dict[str, float] = {}

    @property
    def _domain(self) -> bool:
        """A domain layer is mixed in (core.lexicon.domain.DomainLexicon with a weight > 0)."""
        return getattr(self.lex, "lam", 0.0) > 0.0

    def set_fuzzy(self, fuzzy: FuzzyConfig) -> None:
        self.fuzzy = fuzzy
        self._fuzzy_key = tuple(fuzzy.enabled())
        self.invalidate()

    def set_context_words(self, words: list[tuple[str, tuple[str, ...]]]) -> None:
        """Strings of the committed text the lexicon has no word for (names, new terms),
        offered as words where their reading is typed in full: [(text, syllables)]."""
        table: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for text, syllables in words:
            table.setdefault("".join(syllables), []).append((text, syllables))
        if table != self._context_words:
            self._context_words = table
            self.invalidate()    # the lattice columns cached so far lack them

    def set_boost(self, boost: dict[int, float]) -> None:
        """Lower the cost of these word ids by so many nats (words of the nearby text), and
        of the longer words that begin or end with one of 2+ characters by as many."""
        if boost == self._boost:
            return
        self._boost = dict(boost)
        words = self.lex.words
        self._boost_texts = {words[w]: float(v) for w, v in boost.items()
                             if 0 <= w < len(words) and len(words[w]) >= 2}
        ids = np.asarray(sorted(boost), dtype=np.int64)
        self._boost_ids = ids
        self._boost_vals = np.asarray([boost[int(i)] for i in ids], dtype=np.float32)
        self.invalidate()

    def invalidate(self) -> None:
        """Forget cached lattice columns: they were computed with other bonuses, context words
        or user words. Dropped at once, not left to age out: none would be read again, and
        they are 512 columns of hypotheses that every full garbage collection walks."""
        self._cache.clear()

    # --- public ---------------------------------------------------------------------------

    def decode(self, raw: str, nbest: int = 8, history: int = BOS_ID,
               before: int = -1) -> tuple[list[Sentence], list[Edge]]:
        """N-best whole-input sentences, and the word edges that start at position 0.

        `history` is the word id left of the input (the last committed word), so the first
        word is scored by its bigram with what precedes it; BOS at the start of a clause.
        `before` is the word left of `history` (-1: unknown), the trigram's second history.
        """
        if not raw:
            return [], []
        ctx = -1
        if self.tri is not None and before >= 0 and history >= 0:
            ctx = int(self.tri.contexts(np.asarray([before]), np.asarray([history]))[0])
        if history != self._root.word or ctx != self._root.ctx:
            self._root = Hyp(0.0, history, "", (), 0, 0, CandidateSource.SENTENCE, ctx=ctx)
        graph = SyllableGraph(raw, self.fuzzy)
        n = len(raw)
        cols = [self._column(raw, graph, j, final=(j == n)) for j in range(n + 1)]
        final = cols[n].beam
        scored: list[tuple[float, Hyp]] = []
        if self._domain and final:
            ls, ld = self._mix_logs()
            sys_m, dom_m = self._lm_pair(np.fromiter((h.word for h in final), dtype=np.int64,
                                                     count=len(final)), np.asarray([EOS_ID]))
            for h, a, b in zip(final, sys_m[:, 0].tolist(), dom_m[:, 0].tolist()):
                scored.append((float(np.logaddexp(ls + h.lm_sys + a, ld + h.lm_dom + b)) - h.cost, h))
        if final and not self._domain:
            eos_ids = np.asarray([EOS_ID])
            words = np.fromiter((h.word for h in final), dtype=np.int64, count=len(final))
            eos = self._lm_matrix(words, eos_ids)
            if self.tri is not None:
                eos = self.tri.adjust(cols[n].contexts(), eos_ids, eos)
            for h, x in zip(final, eos[:, 0].tolist()):
                scored.append((h.score + x, h))
        scored.sort(key=lambda t: -t[0])
        out: list[Sentence] = []
        seen: set[str] = set()
        for score, h in scored:
            p = h.path()
            text = "".join(x.text for x in p)
            if text in seen:
                continue
            seen.add(text)
            out.append(Sentence(text, tuple(s for x in p for s in x.syllables), score,
                                tuple(x.text for x in p), tuple(x.end for x in p)))
            if len(out) >= nbest:
                break
        # Words for the candidate list: read as typed, or reaching the end of the input
        # (an abbreviation inside the input is a path step, not something to offer), and the
        # characters of a first initial (`bjdx`: 不, 被, 把).
        edges0 = [e for j in range(1, n + 1) for e in cols[j].edges_from_start
                  if e.exact or j == n or all(len(syl) == 1 for syl in e.syllables)]
        return out, edges0

    # --- lattice columns --------------------------------------------------------------------

    def _column(self, raw: str, graph: SyllableGraph, j: int, final: bool) -> _Column:
        if j == 0:
            return _Column([self._root], [])
        # An interior column also depends on the next letter (it decides whether a lone
        # initial is an abbreviation), so that letter is part of its key.
        # (`is not None`: the truth of a user lexicon is its length, which reads every row.)
        user_version = self.user.version if self.user is not None else 0
        if user_version != self._cache_user_version:
            self.invalidate()
            self._cache_user_version = user_version
        key = (raw[: j + 1], final, self._root.word, self._root.ctx)
        col = self._cache.get(key)
        if col is not None:
            self._cache.move_to_end(key)
            return col
        if raw[j - 1] == "'":
            prev = self._column(raw, graph, j - 1, final=False)
            col = _Column(prev.beam, [])
        else:
            col = self._compute(raw, graph, j, final)
        self._cache[key] = col
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return col

    def _compute(self, raw: str, graph: SyllableGraph, j: int, final: bool) -> _Column:
        edges = self._edges_ending_at(raw, graph, j, final)
        cand_scores: list[np.ndarray] = []
        cand_refs: list[tuple[Hyp, Edge]] = []
        domain = self._domain
        parts: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray, int, int]] = {}
        if domain:
            ls, ld = self._mix_logs()
        if domain:
            # Per-sentence mixture: each model's path log-probability is carried along. The
            # edges leaving one column share one lookup per model (fewer numpy calls).
            groups: dict[int, list[Edge]] = {}
            for e in edges:
                groups.setdefault(e.start, []).append(e)
            for start, group in groups.items():
                prev_col = self._column(raw, graph, start, final=False)
                if not prev_col.beam:
                    continue
                prev_words, pS, pD, pC = prev_col.arrays()
                ids = group[0].word_ids if len(group) == 1 else np.concatenate([e.word_ids for e in group])
                costs = group[0].costs if len(group) == 1 else np.concatenate([e.costs for e in group])
                sys_m, dom_m = self._lm_pair(prev_words, ids)
                S = pS[:, None] + sys_m
                D = pD[:, None] + dom_m
                C = pC[:, None] + costs[None, :]
                mat = (np.logaddexp(ls + S, ld + D) - C).astype(np.float32)
                off = 0
                for e in group:
                    n_e = len(e.word_ids)
                    base = len(cand_scores)
                    for k, h in enumerate(prev_col.beam):
                        parts[base + k] = (S, D, C, k, off)
                        cand_scores.append(mat[k, off:off + n_e])
                        cand_refs.append((h, e))
                    off += n_e
        by_start: dict[int, list[Edge]] = {}
        for e in (() if domain else edges):
            by_start.setdefault(e.start, []).append(e)
        for start, group in by_start.items():
            # The edges leaving one column share one language-model lookup.
            prev_col = self._column(raw, graph, start, final=False)
            prev_beam = prev_col.beam
            if not prev_beam:
                continue
            prev_words, prev_scores = prev_col.words_scores()
            ids = group[0].word_ids if len(group) == 1 else np.concatenate([e.word_ids for e in group])
            costs = group[0].costs if len(group) == 1 else np.concatenate([e.costs for e in group])
            lm = self._lm_matrix(prev_words, ids)
            if self.tri is not None:
                lm = self.tri.adjust(prev_col.contexts(), ids, lm)
            mat = prev_scores[:, None] + lm - costs[None, :]
            off = 0
            for e in group:
                n_e = len(e.word_ids)
                for h, row in zip(prev_beam, mat[:, off:off + n_e]):
                    cand_scores.append(row)
                    cand_refs.append((h, e))
                off += n_e
        beam: list[Hyp] = []
        if cand_scores:
            lens = np.fromiter((len(s) for s in cand_scores), dtype=np.int64)
            flat = np.concatenate(cand_scores)
            offsets = np.concatenate([[0], np.cumsum(lens)])
            k = min(len(flat), self.beam_size * (self.same_word + 2) * 2)
            top = np.argpartition(-flat, k - 1)[:k] if k < len(flat) else np.arange(len(flat))
            top = top[np.argsort(-flat[top], kind="stable")]
            per_word: dict[int | str, int] = {}
            for t in top:
                g = int(np.searchsorted(offsets, t, side="right") - 1)
                h, e = cand_refs[g]
                m = int(t - offsets[g])
                wid = int(e.word_ids[m])
                rkey: int | str = wid if wid >= 0 else e.texts[m]
                if per_word.get(rkey, 0) >= self.same_word:
                    continue
                per_word[rkey] = per_word.get(rkey, 0) + 1
                hyp = Hyp(float(flat[t]), wid, e.texts[m], e.syllables[m], e.start, e.end,
                          e.sources[m], h)
                if domain:
                    S, D, C, k, off = parts[g]
                    hyp.lm_sys, hyp.lm_dom, hyp.cost = (float(S[k, off + m]), float(D[k, off + m]),
                                                        float(C[k, off + m]))
                beam.append(hyp)
                if len(beam) >= self.beam_size:
                    break
        if self.tri is not None and beam and not domain:
            ctxs = self.tri.contexts(
                np.fromiter((h.prev.word if h.prev is not None else -1 for h in beam),
                            dtype=np.int64, count=len(beam)),
                np.fromiter((h.word for h in beam), dtype=np.int64, count=len(beam)))
            for h, c in zip(beam, ctxs.tolist()):
                h.ctx = c
        return _Column(beam, [e for e in edges if e.start == 0])

    def _mix_logs(self) -> tuple[float, float]:
        lam = self.lex.lam  # type: ignore[union-attr]
        return float(np.log1p(-lam)), float(np.log(lam))

    def _lm_pair(self, w1s: np.ndarray, w2s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(system, domain) bigram log-probabilities; a user word unknown to both (-1) gets
        UNKNOWN_WORD_LOGP on both sides, and as a history it reads as a clause start."""
        known = w2s >= 0
        w1 = np.where(w1s >= 0, w1s, BOS_ID)
        if known.all():
            return self.lex.bigram_pair(w1, w2s)  # type: ignore[union-attr]
        sys_m = np.full((len(w1s), len(w2s)), UNKNOWN_WORD_LOGP, dtype=np.float32)
        dom_m = sys_m.copy()
        if known.any():
            a, b = self.lex.bigram_pair(w1, w2s[known])  # type: ignore[union-attr]
            sys_m[:, known], dom_m[:, known] = a, b
        return sys_m, dom_m

    def _lm_matrix(self, w1s: np.ndarray, w2s: np.ndarray) -> np.ndarray:
        """Bigram log-probabilities for every (previous word, next word) pair."""
        if (w1s >= 0).all() and (w2s >= 0).all():
            return self.lex.bigram_matrix(w1s, w2s)
        return np.stack([self._lm_row(int(w1), w2s) for w1 in w1s])

    def _lm_row(self, w1: int, w2s: np.ndarray) -> np.ndarray:
        known = w2s >= 0
        if w1 < 0:
            out = np.where(known, self.lex.uni[np.maximum(w2s, 0)], UNKNOWN_WORD_LOGP)
            return out.astype(np.float32)
        if known.all():
            return self.lex.bigram_row(w1, w2s)
        out = np.full(len(w2s), UNKNOWN_WORD_LOGP, dtype=np.float32)
        if known.any():
            out[known] = self.lex.bigram_row(w1, w2s[known])
        return out

    # --- edges ------------------------------------------------------------------------------

    def _edges_ending_at(self, raw: str, graph: SyllableGraph, j: int, final: bool) -> list[Edge]:
        edges: list[Edge] = []
        reach = graph.reach
        lo = max(0, j - MAX_WORD_LETTERS)
        for i in range(lo, j):
            if not reach[i] or raw[i] == "'":
                continue
            piece = raw[i:j]
            e = self._exact_edge(i, j, piece)
            if e is not None:
                edges.append(e)
        edges.extend(self._inexact_edges(raw, graph, j, final, reach))
        if len(self._boost_ids):
            for e in edges:
                idx = np.minimum(np.searchsorted(self._boost_ids, e.word_ids),
                                 len(self._boost_ids) - 1)
                hit = self._boost_ids[idx] == e.word_ids
                own = np.where(hit, self._boost_vals[idx], 0).astype(np.float32)
                longer = self._longer_word_bonus(e.texts, own)
                if longer is not None:
                    own = np.maximum(own, longer)
                if own.any():
                    e.costs = e.costs - own
        return edges

    def _longer_word_bonus(self, texts: list[str], own: np.ndarray) -> np.ndarray | None:
        """The bonus of each text that begins or ends with a boosted word (None: no text
        does). Else the bonus would split it: 腾讯网 read as 腾讯 + 王 after 腾讯新闻, 医学院 as
        以 + 学院 after 法学院. Boosted words have 2 to 4 characters (the cache reads no longer)."""
        table = self._boost_texts
        out = None
        for k, text in enumerate(texts):
            n = len(text)
            if n < 3:
                continue
            best = 0.0
            for m in range(2, min(4, n - 1) + 1):
                best = max(best, table.get(text[:m], 0.0), table.get(text[-m:], 0.0))
            if best > own[k]:
                if out is None:
                    out = own.copy()
                out[k] = best
        return out

    def _exact_edge(self, i: int, j: int, piece: str) -> Edge | None:
        key = piece.replace("'", "")
        if not key:
            return None
        ids: list[int] = []
        rng = self.lex.by_letters(key)
        lex = self.lex
        texts: list[str] = []
        syls: list[tuple[str, ...]] = []
        costs: list[float] = []
        sources: list[CandidateSource] = []
        cuts = _apostrophe_cuts(piece)
        if rng is not None:
            for ent in range(rng.start, rng.stop):
                syl = lex.syllables(ent)
                if cuts and not _respects_cuts(syl, cuts):
                    continue
                wid = int(lex.ent_word[ent])
                ids.append(wid)
                texts.append(lex.words[wid])
                syls.append(syl)
                costs.append(float(lex.ent_pen[ent]))
                sources.append(CandidateSource.WORD if len(syl) > 1 else CandidateSource.CHAR)
        doms = lex.domain_by_letters(key) if self._domain else ()  # type: ignore[union-attr]
        if doms:
            for de in doms:   # words the system's entries for this key lack
                if cuts and not _respects_cuts(de.syllables, cuts):
                    continue
                ids.append(de.word_id)
                texts.append(de.text)
                syls.append(de.syllables)
                costs.append(de.penalty)
                sources.append(CandidateSource.WORD if len(de.syllables) > 1 else CandidateSource.CHAR)
        if self.user is not None:
            for uw in self.user.by_letters(key):
                if cuts and not _respects_cuts(uw.syllables, cuts):
                    continue
                self._add_user(uw, 0.0, ids, texts, syls, costs, sources)
        for text, syl in self._context_words.get(key, ()):
            if text in texts or (cuts and not _respects_cuts(syl, cuts)):
                continue
            ids.append(-1)      # unknown to the lexicon: its n-gram reads it as such
            texts.append(text)
            syls.append(syl)
            costs.append(-CONTEXT_WORD_BONUS)
            sources.append(CandidateSource.WORD)
        if not ids:
            return None
        return Edge(i, j, np.asarray(ids, dtype=np.int64), np.asarray(costs, dtype=np.float32),
                    texts, syls, sources)

    def _add_user(self, uw: UserWord, cost: float, ids: list[int], texts: list[str],
                  syls: list[tuple[str, ...]], costs: list[float],
                  sources: list[CandidateSource]) -> None:
        wid = self.lex.word_id(uw.text)
        bonus = USER_BONUS + float(np.log1p(uw.count))
        if uw.text in texts:  # already there from the system lexicon: boost it in place
            k = texts.index(uw.text)
            costs[k] -= bonus
            sources[k] = CandidateSource.USER
            return
        ids.append(-1 if wid is None else wid)
        texts.append(uw.text)
        syls.append(uw.syllables)
        costs.append(cost - bonus)
        sources.append(CandidateSource.USER)

    def _inexact_edges(self, raw: str, graph: SyllableGraph, j: int, final: bool,
                       reach: list[bool]) -> list[Edge]:
        """Words over unit paths ending at j that use abbreviations, prefixes or fuzzy readings."""
        out: list[Edge] = []
        has_prefix = self.lex.has_key_prefix
        for units in self._unit_paths(raw, graph, j, final):
            i = units[0].start
            if not reach[i]:
                continue
            if units[0].kind is UnitKind.FULL and units[-1].kind is not UnitKind.FULL:
                # Full syllables then initials: most such paths (zhong guo ren min g) spell
                # the start of no word. A bisect says so before the match and its cache key
                # are built, in the lexicon's keys and in the user words' letters.
                if not has_prefix(_typed_lead(units)) and not self._user_may_spell(units):
                    continue
            e = self._match_units(units)
            if e is not None:
                out.append(e)
        return out

    def _user_candidates(self, units: list[Unit]) -> list[UserWord]:
        """The user words these units may spell (a superset: `match_cost` decides), found
        through the user lexicon's index rather than read one by one."""
        index = self.user.index_of(units[0].text[:1])  # type: ignore[union-attr]
        spelling = self._user_spelling(units)
        if units[0].kind is UnitKind.FULL and spelling is not None:
            return index.reading(len(units), spelling)   # the letters typed: the narrowest
        # An abbreviated start (`bjdx`, `sz`), or fuzzy readings: by the initials each unit
        # may stand for, where the letters index knows only the first.
        firsts = [sorted({s[0] for s, _ in u.readings}) if u.kind is UnitKind.FULL else [u.text[0]]
                  for u in units]
        if np.prod([len(f) for f in firsts]) > MAX_FUZZY_KEYS:
            return index.reading(len(units), None)
        return index.with_initials("".join(k) for k in itertools.product(*firsts))

    def _user_spelling(self, units: list[Unit]) -> str | None:
        """Letters every user word these units can be read as starts with (None: fuzzy
        readings are on and lead syllables may be spelled otherwise)."""
        if units[0].kind is not UnitKind.FULL:
            return units[0].text
        if self.fuzzy.enabled():
            return None
        lead = list(itertools.takewhile(lambda u: u.kind is UnitKind.FULL, units))
        rest = units[len(lead)].text if len(lead) < len(units) else ""
        return "".join(u.readings[0][0] for u in lead) + rest

    def _user_may_spell(self, units: list[Unit]) -> bool:
        """Whether a user word may be read from these units (full syllables, then initials)."""
        if self.user is None:
            return False
        spelling = self._user_spelling(units)
        if units[0].kind is UnitKind.FULL and spelling is not None:   # a bisect, no list built
            return self.user.index_of(units[0].text[:1]).has_reading(len(units), spelling)
        return bool(self._user_candidates(units))

    def _unit_paths(self, raw: str, graph: SyllableGraph, j: int,
                    final: bool) -> Iterable[list[Unit]]:
        fuzzy_on = bool(self.fuzzy.enabled())

        # Words are read as full syllables then initials (`beijingdx`) or initials then up
        # to MIXED_FULL full syllables (`bjdaxue`); `mixed` marks the second kind.
        def back(pos: int, suffix: list[Unit], inexact: bool, full_started: bool,
                 mixed: bool = False):
            if suffix and (inexact or any(len(u.readings) > 1 for u in suffix)):
                yield suffix
            if len(suffix) >= MAX_ABBR_UNITS or pos <= 0:
                return
            p = pos - 1 if raw[pos - 1] == "'" and pos - 1 > 0 else pos
            for u in graph.ends_at[p]:
                if u.kind is UnitKind.PREFIX and not (final and u.end == len(raw)):
                    continue
                if u.kind is UnitKind.FULL:
                    if mixed:
                        continue
                    if inexact or fuzzy_on:
                        yield from back(u.start, [u, *suffix], inexact, True)
                    elif len(suffix) < MIXED_FULL and u.kind is UnitKind.FULL \
                            and len(u.readings) == 1:
                        yield from back(u.start, [u, *suffix], False, True)
                elif not full_started:
                    yield from back(u.start, [u, *suffix], True, False)
                elif not inexact or mixed:  # initials before full syllables only
                    yield from back(u.start, [u, *suffix], True, True, True)

        yield from back(j, [], False, False)

    def _match_units(self, units: list[Unit]) -> Edge | None:
        """The words these units can be read as (cached: the same units recur at other
        positions and in later compositions; only the positions differ)."""
        cache = _match_cache(self.lex)
        # Keys and values of strings, numbers, bytes and arrays, in tuples: the garbage
        # collector stops tracking those, so a full collection need not walk the eight thousand
        # cached matches (it did, 40 ms of every one after some typing). The sources are kept
        # as bytes for that reason: an enum member is an object the collector tracks.
        key = (tuple((u.text, u.kind.value, u.cost, u.readings) for u in units),
               units[0].start == 0, self._fuzzy_key,
               id(self.user), self.user.version if self.user is not None else 0)
        hit = cache.get(key)
        if hit is None:
            e = self._match_units_uncached(units)
            hit = cache[key] = (e.word_ids, e.costs, tuple(e.texts), tuple(e.syllables),
                                bytes(_SOURCE_CODE[s] for s in e.sources)) if e is not None else ()
            if len(cache) > MATCH_CACHE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(key)
        if not hit:
            return None
        ids, costs, texts, syllables, sources = hit
        return Edge(units[0].start, units[-1].end, ids, costs, texts, syllables,
                    [_SOURCES[c] for c in sources], exact=False)

    def _match_units_uncached(self, units: list[Unit]) -> Edge | None:
        lex = self.lex
        n_units = len(units)
        ids: list[int] = []
        texts: list[str] = []
        syls: list[tuple[str, ...]] = []
        costs: list[float] = []
        sources: list[CandidateSource] = []
        unit_cost = sum(u.cost for u in units)
        # The candidate bar lists the characters of a lone first syllable: keep many of them;
        # elsewhere only the search needs these words, and it needs only the best few.
        at_start = units[0].start == 0
        per_key = 40 if at_start and n_units == 1 else 6 if at_start else 4

        words = lex.words

        def match_cost(syllables: tuple[str, ...]) -> float | None:
            """What the units cost read as these syllables; None when they cannot be."""
            if len(syllables) != n_units:
                return None
            c = unit_cost
            for u, s in zip(units, syllables):
                m = u.matches(s)
                if m is None:
                    return None
                c += m
            return c

        def consider(ent: int) -> None:
            syl = lex.syllables(ent)
            c = match_cost(syl)
            if c is None:
                return
            wid = int(lex.ent_word[ent])
            ids.append(wid)
            texts.append(words[wid])
            syls.append(syl)
            costs.append(c + float(lex.ent_pen[ent]))
            sources.append(CandidateSource.WORD if n_units > 1 else CandidateSource.CHAR)

        def consider_domain(de) -> None:   # (never a word the system entries gave)
            c = match_cost(de.syllables)
            if c is None:
                return
            ids.append(de.word_id)
            texts.append(de.text)
            syls.append(de.syllables)
            costs.append(c + de.penalty)
            sources.append(CandidateSource.WORD if n_units > 1 else CandidateSource.CHAR)

        domain = self._domain
        all_full = all(u.kind is UnitKind.FULL for u in units)
        if all_full:
            # Fuzzy readings only: look up each combination of readings exactly.
            combos = itertools.islice(itertools.product(*(u.readings for u in units)),
                                      MAX_FUZZY_KEYS)
            for combo in combos:
                if all(c == 0.0 for _, c in combo):
                    continue  # the exact reading is an exact edge already
                key = "".join(s for s, _ in combo)
                rng = lex.by_letters(key)
                if rng is not None:
                    for ent in range(rng.start, rng.stop):
                        consider(ent)
                if domain:
                    for de in lex.domain_by_letters(key):  # type: ignore[union-attr]
                        consider_domain(de)
        elif units[0].kind is UnitKind.FULL:
            # Full syllables then abbreviated ones: the letters typed so far are a key prefix.
            # Keys are alphabetical, entries best first within a key: take a few of each.
            for k in lex.keys_with_prefix(_typed_lead(units), limit=40 if at_start else 20):
                rng = lex.key_range(k)
                for ent in range(rng.start, min(rng.stop, rng.start + per_key)):
                    consider(ent)
        elif n_units == 1:
            # One abbreviated syllable: every syllable it starts, best characters of each.
            for syl in syllables_starting(units[0].text):
                rng = lex.by_letters(syl)
                if rng is not None:
                    for ent in range(rng.start, min(rng.stop, rng.start + per_key)):
                        consider(ent)
        else:
            abbr = "".join(u.text[0] for u in units)
            for ent in lex.by_abbreviation(abbr)[:MAX_ABBR_SCAN]:
                consider(int(ent))
            if domain:
                for de in lex.domain_by_abbreviation(abbr):  # type: ignore[union-attr]
                    consider_domain(de)
        if self.user is not None and not all_full:
            for uw in self._user_candidates(units):
                c = match_cost(uw.syllables)
                if c is not None:
                    self._add_user(uw, c, ids, texts, syls, costs, sources)
        if not ids:
            return None
        return Edge(units[0].start, units[-1].end, np.asarray(ids, dtype=np.int64),
                    np.asarray(costs, dtype=np.float32), texts, syls, sources, exact=False)


def _typed_lead(units: list[Unit]) -> str:
    """The letters typed for the full syllables that lead these units and the unit after them
    (zhong guo r -> zhongguor): the start of every lexicon key they can spell."""
    lead = sum(1 for _ in itertools.takewhile(lambda u: u.kind is UnitKind.FULL, units))
    return "".join(u.text for u in units[: lead + 1])


def _match_cache(lexicon) -> OrderedDict:
    """The unit-match cache of a lexicon, shared by its decoders (keys name the fuzzy rules
    and the user lexicon's version)."""
    cache = getattr(lexicon, "_yinzi_match_cache", None)
    if cache is None:
        cache = OrderedDict()
        lexicon._yinzi_match_cache = cache
    return cache


def _apostrophe_cuts(piece: str) -> list[int]:
    """Offsets (in letters, apostrophes removed) where the user forced a syllable boundary."""
    cuts: list[int] = []
    letters = 0
    for ch in piece:
        if ch == "'":
            cuts.append(letters)
        else:
            letters += 1
    return cuts


def _respects_cuts(syllables: tuple[str, ...], cuts: list[int]) -> bool:
    bounds = set(itertools.accumulate(len(s) for s in syllables))
    bounds.add(0)
    return all(c in bounds for c in cuts)
