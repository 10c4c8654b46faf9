"""ImeEngine: keys -> composition -> ranked candidates -> commits (the typing facade).

The lexicon decoder proposes whole-input sentences and prefix words; when a `PathScorer` (the
pinyin-hanzi model) is set, the N-best sentences are rescored with the committed left text as
context. Commits feed the user lexicon.

The committed text left of the cursor (`set_context`, and every commit) is context: its last
two words are the n-gram history of the first words, the model reads its end, the words it
holds (and the longer words built on them) cost less in the lattice (a cache model: a name or
term just typed comes back), so do the words that go with them (a trigger model: 县城 after
撤县设市), and names and terms in it that the lexicon lacks are offered as words
(`prediction.novel_strings`).
After a commit, `predictions()` offers the likely next words.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

import numpy as np

from core.decoding.decoder import BOS_ID, Edge, LexiconDecoder, Sentence
from core.decoding.scorer import Path, PathScorer
from core.engine import abbreviation, prediction
from core.engine.types import Candidate, CandidateSource, CustomPhraseSource, EngineConfig
from core.lexicon.system import UNKNOWN_WORD_LOGP, SystemLexicon
from core.lexicon.user import UserLexicon
from core.pinyin.graph import split_for_display

log = logging.getLogger(__name__)

MAX_RAW = 512          # letters kept composing (long enough for any clause)
RESCORE_NBEST = 5       # sentences the model sees per keystroke (each distinct reading costs a row)
WORDS_PER_SPAN = 6      # multi-syllable words shown per prefix length
CHARS_PER_SPAN = 48     # characters listed per prefix (the pages a person turns)
CONTEXT_KEEP = 200      # committed text remembered (its words are the cache model's)
# The cache model (Kuhn & De Mori): a word of the remembered text is likelier again, the more
# so the rarer it is. Its cost drops by log(1 + λ·P_cache / ((1 - λ)·P_unigram)), P_cache
# spread evenly over the remembered text's distinct words: a name typed once comes back first,
# 我们 hardly moves. λ from 0.02 to 0.2 and caps from 4 to 10 nats measure the same on dev.txt's
# context protocol (docs/RESULTS.md); the cap bounds the pull of a stray substring.
CACHE_WEIGHT = 0.05     # λ: the cache's share of a word's probability
CACHE_MAX_BONUS = 6.0   # nats
# Third-person pronouns read alike (ta): the ones the remembered text used are likelier again
# (她 after a clause about her). The cache reads words of two characters and more (她们 among
# them); these single characters get a fixed bonus.
PRONOUNS = ("她", "他", "它")
PRONOUN_BONUS = 2.0     # nats
# The trigger model (core.lexicon.triggers): the words that go with the remembered text's
# words (县城 after 撤县设市) are likelier too, by the cache's formula with P_trig in place of
# P_cache. Chosen on dev.txt's context-protocol clauses 6,000-10,467 (of those that follow
# text) and checked on the first 6,000 (docs/RESULTS.md, 2026-12-08).
TRIGGER_WEIGHT = 0.6    # λ: the trigger model's share of a word's probability
TRIGGER_MAX_BONUS = 6.0  # nats
SENTENCE_MARGIN = 5.0   # alternative sentences scored this far below the best are dropped
PREFIX_PHRASES = 3      # prefixes of the best sentence offered (我爱北京, 我爱, 我)
# Weight of the model's log-probability against the lexicon score, used only when the model
# folder's manifest recommends none: `yinzi-train tune-rescore --write` stores a tuned
# `rescore_weight` there (see docs/RESULTS.md). A small model is a tie-breaker; a bigger one
# earns a larger weight.
DEFAULT_MODEL_WEIGHT = 0.1
# The model reads characters, not words: typed whole, an idiom the lexicon ranks first could
# lose to everyday words the model prefers (先入之见 -> 陷入之间, 一挥而就 -> 一会儿就). When the
# model rescores, a sentence gets this many nats for each word of LONG_WORD_CHARS or more
# characters on its lexicon path. 400 THUOCL idioms: 388 -> 391 exact; dev.txt fresh +2
# clauses at 2 and at 3 nats (docs/RESULTS.md, 2026-12-08).
LONG_WORD_BONUS = 2.0
LONG_WORD_CHARS = 4


class ImeEngine:
    """One composition at a time; not thread-safe (drive it from one thread)."""

    def __init__(self, config: EngineConfig | None = None, *,
                 system_lexicon: SystemLexicon | None = None,
                 user_lexicon: UserLexicon | None = None,
                 scorer: PathScorer | None = None,
                 model_weight: float | None = None,
                 context_weight: float | None = None) -> None:
        self.config = config or EngineConfig()
        # A scorer loaded from an adapted model folder carries its domain lexicon
        # (core.lexicon.domain.DomainLexicon): the lexicon follows the model.
        self._system_lex = system_lexicon
        self._lex = system_lexicon or getattr(scorer, "domain_lexicon", None) or SystemLexicon.default()
        self.user_lexicon = user_lexicon
        self.decoder = LexiconDecoder(self._lex, fuzzy=self.config.fuzzy, user=user_lexicon)
        self._scorer = scorer
        self._lend_reader(scorer)
        # None: the weight the model folder recommends (`rescore_weight` in its manifest,
        # tuned on dev), else DEFAULT_MODEL_WEIGHT.
        self._model_weight = model_weight
        # None: the model folder's `rescore_context_weight`, else the model weight.
        self._context_weight = context_weight
        self._raw = ""
        self._selected: list[Candidate] = []
        self._selected_raw: list[str] = []  # the letters each selection consumed (for undo)
        self._context = ""
        self._cache_words: dict[int, float] = {}
        # An object with `lookup(key) -> list[str]`: its phrases come first when the whole
        # input equals a key (the user's custom phrases, date/time macros).
        self.custom_phrases: CustomPhraseSource | None = None
        self._cands: list[Candidate] | None = None
        self._sentence_rank: dict[str, int] = {}
        self.last_latency_ms = 0.0
        self.commit_listeners: list[Callable[[str], None]] = []

    def _lend_reader(self, scorer: PathScorer | None) -> None:
        """The model reads the committed context with the lexicon's readings rather than
        pypinyin's, whose tables would cost the typing process about 100 MB."""
        if scorer is not None and hasattr(scorer, "reader"):
            scorer.reader = getattr(getattr(self._lex, "system", self._lex), "readings", None)

    def warm_up(self) -> None:
        """Build the lexicon's in-memory tables and run one decode, off the first keystroke.

        Call it from a background thread right after start-up (about half a second on CPU).
        """
        self._lex.warm_up()
        self.decoder.decode("nihao")

    # --- configuration -------------------------------------------------------------------

    def set_config(self, config: EngineConfig) -> None:
        if config.fuzzy != self.config.fuzzy:
            self.decoder.set_fuzzy(config.fuzzy)
        self.config = config
        self._cands = None

    def set_scorer(self, scorer: PathScorer | None) -> None:
        """Use this model (None: the lexicon decoder alone); a model with a domain layer
        brings its lexicon along, and leaving it restores the system lexicon."""
        self._scorer = scorer
        lexicon = (getattr(scorer, "domain_lexicon", None) or self._system_lex
                   or SystemLexicon.default())
        if lexicon is not self._lex:
            self._lex = lexicon
            self.decoder = LexiconDecoder(lexicon, fuzzy=self.config.fuzzy, user=self.user_lexicon)
            self._update_cache_words()
        self._lend_reader(scorer)
        self._cands = None

    @property
    def lexicon(self):
        """The lexicon the decoder reads: the system lexicon, or it with a domain layer."""
        return self._lex

    @property
    def model_weight(self) -> float:
        if self._model_weight is not None:
            return self._model_weight
        recommended = getattr(self._scorer, "rescore_weight", None)
        return float(recommended) if recommended is not None else DEFAULT_MODEL_WEIGHT

    @model_weight.setter
    def model_weight(self, value: float | None) -> None:
        self._model_weight = value

    @property
    def context_weight(self) -> float:
        """The weight of what the committed context adds to the model's score of a path: its
        score with the context minus its score without. The model knows the context and the
        lexicon only partly does (its cache and clause link), so this part can earn more than
        the model's score as a whole (docs/RESULTS.md)."""
        if self._context_weight is not None:
            return self._context_weight
        recommended = getattr(self._scorer, "rescore_context_weight", None)
        return float(recommended) if recommended is not None else self.model_weight

    @context_weight.setter
    def context_weight(self, value: float | None) -> None:
        self._context_weight = value

    @property
    def scorer(self) -> PathScorer | None:
        return self._scorer

    @property
    def decoder_name(self) -> str:
        if self._scorer is None:
            return "n-gram"
        return f"{self._scorer.name} ({self._scorer.provider})"

    # --- state ---------------------------------------------------------------------------

    @property
    def raw(self) -> str:
        return self._raw

    @property
    def composing(self) -> bool:
        return bool(self._raw or self._selected)

    @property
    def preedit(self) -> str:
        """What the editor shows at the cursor: chosen hanzi, then letters with separators."""
        return "".join(c.text for c in self._selected) + split_for_display(self._raw)

    @property
    def context(self) -> str:
        return self._context

    def set_context(self, text: str) -> None:
        """The committed text left of the cursor (the editor calls it when the cursor moves)."""
        text = text[-CONTEXT_KEEP:]
        if text != self._context:
            self._context = text
            self._update_cache_words()
        self._cands = None

    def _update_cache_words(self) -> None:
        found = prediction.found_words(self._lex, self._context)
        self._cache_words = cache_bonuses(self._lex, self._context, found)
        self.decoder.set_boost(self._cache_words)
        self.decoder.set_context_words(prediction.novel_strings(self._lex, self._context, found))

    # --- keys ----------------------------------------------------------------------------

    def type(self, text: str) -> None:
        """Append letters a-z or apostrophes to the composition."""
        for ch in text:
            ch = ch.lower()
            if not ("a" <= ch <= "z" or ch == "'"):
                raise ValueError(f"the engine composes letters a-z and ' only, not {ch!r}")
            if ch == "'" and (not self._raw or self._raw.endswith("'")):
                continue  # a separator needs letters on its left
            if len(self._raw) >= MAX_RAW:
                break
            self._raw += ch
        self._cands = None

    def backspace(self) -> bool:
        """Remove the last letter, or undo the last partial selection; False when idle."""
        if self._raw:
            self._raw = self._raw[:-1]
        elif self._selected:
            self._selected.pop()
            self._raw = self._selected_raw.pop()
        else:
            return False
        self._cands = None
        return True

    def reset(self) -> None:
        """Cancel the composition (Esc)."""
        self._raw = ""
        self._selected.clear()
        self._selected_raw.clear()
        self._cands = None

    # --- candidates ----------------------------------------------------------------------

    def all_candidates(self) -> list[Candidate]:
        if self._cands is None:
            t0 = time.perf_counter()
            self._cands = self._build_candidates()
            self.last_latency_ms = (time.perf_counter() - t0) * 1000.0
        return self._cands

    def candidates(self, page: int = 0) -> list[Candidate]:
        size = self.config.page_size
        return self.all_candidates()[page * size:(page + 1) * size]

    def page_count(self) -> int:
        n = len(self.all_candidates())
        return max(1, -(-n // self.config.page_size)) if n else 0

    def sentences(self, n: int = 5) -> list[Candidate]:
        """The best whole-input conversions (what `yinzi convert --stdin` prints)."""
        if not self._raw:
            return []
        return [c for c in self._ranked_sentences(max(n, 1))][:n]

    def _ranked_sentences(self, n: int) -> list[Candidate]:
        want = max(n, RESCORE_NBEST if self._scorer else n)
        return self._whole_input(want)[0][:n]

    def lexicon_sentences(self, n: int) -> list[Sentence]:
        """The decoder's n best whole-input sentences for this input after this context,
        before the model rescores them (what `yinzi-train tune-rescore --context` weighs)."""
        if not self._raw:
            return []
        before, history = self._history()
        return self.decoder.decode(self._raw, nbest=n, history=history, before=before)[0]

    def _whole_input(self, want: int) -> tuple[list[Candidate], list[Edge], list[Sentence]]:
        """Whole-input candidates best first (initials-only input: the words they spell
        first), the word edges leaving the start, and the decoder's sentences."""
        before, history = self._history()
        sentences, edges0 = self.decoder.decode(self._raw, nbest=want, history=history,
                                                before=before)
        out = self._rescore(sentences)
        key = abbreviation.initials_key(self._raw)
        if key is not None:
            words = self._spelled(key, len(self._raw), before, history,
                                  max(want, self.config.page_size))
            texts = {c.text for c in words}
            out = words + [c for c in out if c.text not in texts]
        return out, edges0, sentences

    def _spelled(self, key: str, letters: int, before: int, history: int,
                 n: int) -> list[Candidate]:
        """The words the initials `key` spell (covering `letters` of the input), best first."""
        return [Candidate(t, letters, syl, CandidateSource.USER if user else CandidateSource.WORD,
                          score)
                for t, syl, score, user in abbreviation.spelled_words(
                    self._lex, key, before, history, n, self.user_lexicon)]

    def _history(self) -> tuple[int, int]:
        """The two lexicon words just left of the input (longest match from the right of the
        committed text and the part already chosen): (word before, last word); the last word
        is BOS after punctuation or at the start."""
        left = self._context + "".join(c.text for c in self._selected)
        return prediction.left_words(self._lex, left)

    def predictions(self, n: int = 9) -> list[Candidate]:
        """Likely next words after the committed context (empty while composing).

        Choosing one is the app's business: it inserts `text` and commits it as context
        (`accept_prediction`), and may ask again."""
        if self.composing:
            return []
        before, last = self._history()
        if last == BOS_ID and not self._context:
            return []
        out = []
        words = self._lex.words
        for wid, lp in prediction.predict_next(self._lex, before, last, n):
            out.append(Candidate(words[wid], 0, (), CandidateSource.PREDICTION, float(lp)))
        return out

    def accept_prediction(self, candidate: Candidate) -> str:
        """The text of a chosen prediction, remembered as committed context."""
        self._remember(candidate.text)
        return candidate.text

    def _rescore(self, sentences: list[Sentence]) -> list[Candidate]:
        letters = len(self._raw)
        scores = [s.score for s in sentences]
        if self._scorer is not None and len(sentences) > 1:
            try:
                model = self._model_scores([Path(s.text, s.syllables) for s in sentences])
                scores = [a + b + LONG_WORD_BONUS * sum(len(w) >= LONG_WORD_CHARS for w in s.words)
                          for a, b, s in zip(scores, model, sentences)]
            except Exception as exc:  # a broken model must never break typing
                log.error("model scoring failed, using the lexicon decoder alone: %s", exc)
                self._scorer = None
        order = sorted(range(len(sentences)), key=lambda k: -scores[k])
        return [Candidate(sentences[k].text, letters, sentences[k].syllables,
                          CandidateSource.SENTENCE, float(scores[k])) for k in order]

    def _model_scores(self, paths: list[Path]) -> list[float]:
        """The model's weighted part of each path's score. With committed context and a
        context weight of its own, the path is scored twice (with and without the context)
        and the difference, what the context says, is weighed apart."""
        assert self._scorer is not None
        w, wc = self.model_weight, self.context_weight
        with_context = self._scorer.score(self._context, paths)
        if not self._context or wc == w:
            return [w * m for m in with_context]
        alone = self._scorer.score("", paths)
        return [w * a + wc * (m - a) for m, a in zip(with_context, alone)]

    def _build_candidates(self) -> list[Candidate]:
        if not self._raw:
            return []
        want = max(RESCORE_NBEST if self._scorer else 0, self.config.max_sentences + 2)
        whole, edges0, sentences = self._whole_input(want)
        initials = abbreviation.initials_key(self._raw)
        # Whole sentences: the best, then a few genuinely different ones (an alternative far
        # below the best only differs by a rare homophone and wastes the page).
        best = max((c.score for c in whole if c.source is CandidateSource.SENTENCE), default=0.0)
        keep = self.config.max_sentences + (self.config.page_size if initials else 0)
        head = [c for k, c in enumerate(whole)
                if k == 0 or c.source is not CandidateSource.SENTENCE
                or c.score >= best - SENTENCE_MARGIN][:keep]
        out = self._custom() + head
        self._sentence_rank = {c.text: k for k, c in enumerate(out)
                               if c.source is CandidateSource.SENTENCE}
        seen = {c.text for c in out}
        extra: list[Candidate] = []
        if initials is not None:
            # Longer initials starting with these, then the words the first initials spell,
            # fill the page (bjdx: 北京大学生, then 北京, 比较 for bj).
            letters = len(self._raw)
            extra = [Candidate(t, letters, syl, CandidateSource.WORD, score) for t, syl, score
                     in abbreviation.longer_words(self._lex, initials, self.config.page_size)]
            before, history = self._history()
            ends = [k + 1 for k, ch in enumerate(self._raw) if ch != "'"]
            for k in range(len(initials) - 1, 1, -1):
                extra += self._spelled(initials[:k], ends[k - 1], before, history, 4)
        for c in extra + self._prefix_words(edges0, sentences[:1]):
            if c.text not in seen:
                seen.add(c.text)
                out.append(c)
        if not out:  # letters no syllable explains: offer them as they are
            out.append(Candidate(self._raw, len(self._raw), (), CandidateSource.CHAR))
        return out

    def _custom(self) -> list[Candidate]:
        """The custom phrases whose key is the whole input (nothing chosen yet)."""
        if self.custom_phrases is None or self._selected:
            return []
        key = self._raw.replace("'", "")
        try:
            phrases = self.custom_phrases.lookup(key)
        except Exception as exc:  # a broken table must never break typing
            log.error("custom phrase lookup failed: %s", exc)
            return []
        return [Candidate(p, len(self._raw), (), CandidateSource.CUSTOM) for p in phrases if p]

    def _prefix_words(self, edges0: list[Edge], best: list[Sentence]) -> list[Candidate]:
        """Prefixes of the input, longest first: the best sentence's first words (我爱北京,
        我爱) and lexicon words; then single characters, most likely first."""
        words: list[Candidate] = []
        chars: list[Candidate] = []
        if best and len(best[0].words) > 1:
            s = best[0]
            syl_at = 0
            for k, (w, end) in enumerate(zip(s.words, s.ends)):
                syl_at += len(w)
                if k == len(s.words) - 1 or syl_at < 2:
                    continue
                words.append(Candidate("".join(s.words[:k + 1]), end, s.syllables[:syl_at],
                                       CandidateSource.WORD, s.score))
            words = words[::-1][:PREFIX_PHRASES]
        uni = self._lex.uni
        for e in sorted(edges0, key=lambda e: -e.end):
            known = e.word_ids >= 0
            base = np.where(known, uni[np.maximum(e.word_ids, 0)], UNKNOWN_WORD_LOGP)
            score = base - e.costs
            order = np.argsort(-score, kind="stable")[:WORDS_PER_SPAN + CHARS_PER_SPAN]
            taken = 0
            for k in order.tolist():
                syl = e.syllables[k]
                cand = Candidate(e.texts[k], e.end, syl, e.sources[k], float(score[k]))
                if len(syl) == 1:
                    chars.append(cand)
                elif taken < WORDS_PER_SPAN:
                    words.append(cand)
                    taken += 1
        chars.sort(key=lambda c: (-c.letters, -c.score))
        # Longest first; at one length the best sentence's prefix before the lexicon's words.
        words.sort(key=lambda c: -c.letters)
        return words + chars

    # --- selection and commit ------------------------------------------------------------

    def select(self, index: int) -> str | None:
        """Choose candidate `index`; returns the committed text once nothing is left."""
        cands = self.all_candidates()
        if not 0 <= index < len(cands):
            raise IndexError(f"no candidate {index} (there are {len(cands)})")
        cand = cands[index]
        self._selected.append(cand)
        self._selected_raw.append(self._raw)
        self._raw = self._raw[cand.letters:].lstrip("'")
        self._cands = None
        if self._raw:
            return None
        return self._finish()

    def commit(self) -> str:
        """Commit the chosen part plus the best conversion of the rest (Space on page 1)."""
        if self._raw:
            done = self.select(0)
            if done is not None:
                return done
            return self.commit()
        return self._finish() if self._selected else ""

    def commit_raw(self) -> str:
        """Commit the chosen part and the letters as typed (Enter)."""
        text = "".join(c.text for c in self._selected) + self._raw.replace("'", "")
        self.reset()
        self._remember(text)
        return text

    def _finish(self) -> str:
        pieces = list(self._selected)
        text = "".join(c.text for c in pieces)
        self.reset()
        self._remember(text)
        try:
            self._learn(pieces)   # after the text is settled: learning never blocks a commit
        except Exception as exc:
            log.warning("could not learn %r: %s", text, exc)
        return text

    def _remember(self, text: str) -> None:
        self.set_context(self._context + text)
        for listener in self.commit_listeners:
            listener(text)

    def _learn(self, pieces: list[Candidate]) -> None:
        lex = self.user_lexicon
        if lex is None or not self.config.learn:
            return
        learned = False
        for c in pieces:
            if not c.syllables or len(c.syllables) != len(c.text):
                continue
            # A whole sentence the decoder already ranked first teaches nothing.
            if c.source is CandidateSource.SENTENCE and self._sentence_rank.get(c.text, 1) == 0 \
                    and len(pieces) == 1:
                continue
            learned |= lex.learn(c.text, c.syllables)
        if len(pieces) > 1:  # consecutive selections form a phrase
            syl = tuple(s for c in pieces for s in c.syllables)
            learned |= lex.learn("".join(c.text for c in pieces), syl)
        if learned:
            self.decoder.invalidate()


def cache_bonuses(lexicon, text: str,
                  found: list[tuple[int, int, int]] | None = None) -> dict[int, float]:
    """Nats off the cost of each lexicon word found in `text` (the cache model, see
    CACHE_WEIGHT), of the third-person pronouns it uses, and of the words its words trigger
    (TRIGGER_WEIGHT). `found` is
    `prediction.found_words(lexicon, text)` where the caller has it."""
    words = ({wid for _, _, wid in found} if found is not None
             else prediction.context_words(lexicon, text))
    out: dict[int, float] = {}
    if words:
        ids = np.fromiter(words, dtype=np.int64, count=len(words))
        p_cache = CACHE_WEIGHT / (1.0 - CACHE_WEIGHT) / len(ids)
        # log1p(p_cache / P_uni) = log1p(exp(log p_cache - uni)), computed stably.
        uni = np.asarray(lexicon.uni)[ids].astype(np.float64)
        bonus = np.logaddexp(0.0, np.log(p_cache) - uni)
        out = dict(zip(ids.tolist(), np.minimum(bonus, CACHE_MAX_BONUS).tolist()))
    for pronoun in PRONOUNS:
        wid = lexicon.word_id(pronoun) if pronoun in text else None
        if wid is not None:
            out[wid] = PRONOUN_BONUS
    triggers = getattr(getattr(lexicon, "system", lexicon), "triggers", None)
    if words and triggers is not None:
        targets, p_trig = triggers.probabilities(sorted(words))
        if len(targets):
            uni = np.asarray(lexicon.uni)[targets].astype(np.float64)
            odds = TRIGGER_WEIGHT / (1.0 - TRIGGER_WEIGHT)
            bonus = np.minimum(np.logaddexp(0.0, np.log(odds * p_trig) - uni), TRIGGER_MAX_BONUS)
            for wid, b in zip(targets.tolist(), bonus.tolist()):
                if b > out.get(wid, 0.0):   # a word both repeated and triggered: the larger
                    out[wid] = b
    return out
