"""The compiled system lexicon (read-only): words, readings, a word bigram model, key indexes.

Arrays are memory-mapped and string tables read once, so loading takes a fraction of a second;
`SystemLexicon.default()` loads the shipped artifact lazily, on first use.
"""
from __future__ import annotations

import bisect
import json
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core import integrity, paths
from core.lexicon.format import BI_LP_STEP, FORMAT_VERSION, LexiconFiles
from core.lexicon.triggers import Triggers

UNKNOWN_WORD_LOGP = -14.0


MAX_READ_MATCH = 8   # the longest word `readings` tries (the compiler's max_word_len)


class LexiconError(RuntimeError):
    """The compiled lexicon is missing or unreadable."""


@dataclass(frozen=True)
class EntryRange:
    start: int
    stop: int


class SystemLexicon:
    """Query side of the artifact written by `core.lexicon.compile`."""

    _default: SystemLexicon | None = None
    _lock = threading.Lock()

    def __init__(self, root: Path, *, verify: bool = True) -> None:
        """Open the artifact; with `verify`, first check every file against the sizes and
        sha256 its manifest records (about 0.1-0.3 s for the shipped 46 MB)."""
        t0 = time.perf_counter()
        self.root = Path(root)
        files = LexiconFiles(self.root)
        manifest_path = self.root / "manifest.json"
        if not manifest_path.exists():
            raise LexiconError(
                f"no compiled lexicon at {self.root} (run `make lexicon` to build it)")
        try:
            self.manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            if self.manifest.get("format_version") != FORMAT_VERSION:
                raise LexiconError(
                    f"lexicon at {self.root} has format {self.manifest.get('format_version')},"
                    f" this Yinzi reads {FORMAT_VERSION}; run `make lexicon`")
            t_verify = time.perf_counter()
            problems = integrity.verify(self.root) if verify else []
            self.verify_seconds = time.perf_counter() - t_verify
            if problems:
                more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
                raise LexiconError(
                    f"the compiled lexicon at {self.root} is damaged: " + "; ".join(problems[:3])
                    + more + ". Reinstall Yinzi or rebuild it with `make lexicon`")

            def load(name: str) -> np.ndarray:
                # A plain ndarray view of the memory map: no copy, no memmap overhead per slice.
                return np.asarray(np.load(files.npy(name), mmap_mode="r"))

            self._tables = {name: files.read_strings(name)
                            for name in ("words", "ent_syl", "keys", "abbr_keys")}
            self.uni = np.asarray(load("uni"))
            self.bow = np.asarray(load("bow"))
            self.bi_off = load("bi_off")
            self.bi_w2: np.ndarray | None = load("bi_w2")
            self.bi_lp = load("bi_lp")
            self.ent_word = np.asarray(load("ent_word"))
            self.ent_pen = np.asarray(load("ent_pen"), dtype=np.float32)
            self.key_off = np.asarray(load("key_off"))
            self.abbr_off = np.asarray(load("abbr_off"))
            self.abbr_ent = np.asarray(load("abbr_ent"))
            # The initials' prior (core.lexicon.familiarity); a lexicon built without one ranks
            # initials by the unigram. float32 in memory: 1.4 MB, read on every initials key.
            self.abbr_uni = (np.asarray(load("abbr_uni"), dtype=np.float32)
                             if files.npy("abbr_uni").exists() else self.uni)
            # Words that go with a word of the committed text (core.lexicon.triggers); None
            # for a lexicon built without them.
            self.triggers = Triggers.open(self.root)
            self._check_shapes()
        except (OSError, ValueError, EOFError) as exc:
            raise LexiconError(f"the compiled lexicon at {self.root} is damaged: {exc}. "
                               "Reinstall Yinzi or rebuild it with `make lexicon`") from exc
        # Score of each key's best entry (entries are sorted best first within a key).
        firsts = self.key_off[:-1]
        self.key_best = self.uni[self.ent_word[firsts]] - self.ent_pen[firsts]
        # word -> id as sorted hashes (a dict of 350k words would hold ~25 MB more)
        self._word_hash: np.ndarray | None = None
        self._word_hash_ids: np.ndarray | None = None
        self._syl_cache: dict[int, tuple[str, ...]] = {}
        self._word_entry: np.ndarray | None = None
        self._bi_keys: np.ndarray | None = None  # w1 * V + w2, built on first use
        self.vocab_size = len(self.uni)
        self._lists: dict[str, list[str]] = {}
        self._key_index: dict[str, int] | None = None
        self._abbr_index: dict[str, int] | None = None
        self.load_seconds = time.perf_counter() - t0

    def _check_shapes(self) -> None:
        """Every index in the arrays points inside its target (a garbled array fails here,
        once, instead of raising IndexError on some keystroke)."""
        n_words, n_entries = len(self._tables["words"]), len(self.ent_word)

        def offsets(name: str, arr: np.ndarray, rows: int, end: int) -> None:
            if (len(arr) != rows + 1 or (len(arr) and (int(arr[0]) != 0 or int(arr[-1]) != end))
                    or bool((np.diff(arr.astype(np.int64)) < 0).any())):
                raise ValueError(f"{name}.npy does not index its table")

        def ids(name: str, arr: np.ndarray, bound: int) -> None:
            if len(arr) and (int(arr.min()) < 0 or int(arr.max()) >= bound):
                raise ValueError(f"{name}.npy holds ids outside 0..{bound - 1}")

        if len(self.uni) != n_words or len(self.bow) != n_words:
            raise ValueError("uni.npy or bow.npy does not match the word list")
        if len(self.abbr_uni) != n_words:
            raise ValueError("abbr_uni.npy does not match the word list")
        if len(self._tables["ent_syl"]) != n_entries or len(self.ent_pen) != n_entries:
            raise ValueError("ent_syl or ent_pen does not match the entry list")
        ids("ent_word", self.ent_word, n_words)
        offsets("key_off", self.key_off, len(self._tables["keys"]), n_entries)
        offsets("abbr_off", self.abbr_off, len(self._tables["abbr_keys"]), len(self.abbr_ent))
        ids("abbr_ent", self.abbr_ent, n_entries)
        offsets("bi_off", self.bi_off, n_words, len(self.bi_w2))
        if len(self.bi_lp) != len(self.bi_w2):
            raise ValueError("bi_lp.npy and bi_w2.npy differ in length")
        ids("bi_w2", self.bi_w2, n_words)
        if self.triggers is not None:   # (Triggers checks that its arrays index each other)
            ids("trig_words", self.triggers.words, n_words)
            ids("trig_vocab", self.triggers.vocab, n_words)

    @classmethod
    def default(cls) -> SystemLexicon:
        """The shipped lexicon, loaded once per process."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls(paths.resources_dir() / "lexicon")
            return cls._default

    # --- string tables, materialised on first use (a keystroke needs plain lists) ----------

    def _list(self, name: str) -> list[str]:
        lst = self._lists.get(name)
        if lst is None:
            lst = self._lists[name] = self._tables[name].to_list()
        return lst

    @property
    def words(self) -> list[str]:
        return self._list("words")

    @property
    def ent_syl(self) -> list[str]:
        return self._list("ent_syl")

    @property
    def keys(self) -> list[str]:
        return self._list("keys")

    @property
    def abbr_keys(self) -> list[str]:
        return self._list("abbr_keys")

    def warm_up(self) -> None:
        """Build the in-memory tables now rather than on the first keystroke."""
        for name in ("words", "keys", "abbr_keys"):   # syllables are sliced per entry
            self._list(name)
        if self._key_index is None:
            self._key_index = {k: i for i, k in enumerate(self.keys)}
        if self._abbr_index is None:
            self._abbr_index = {k: i for i, k in enumerate(self.abbr_keys)}
        self._keys()
        self._hashed_words()    # the committed context is read word by word (history, cache)
        self._best_entries()

    # --- lookups ------------------------------------------------------------------------------

    def by_letters(self, key: str) -> EntryRange | None:
        """Entries whose reading spells exactly `key` (syllables joined), best first."""
        if self._key_index is None:
            self.warm_up()
        k = self._key_index.get(key)  # type: ignore[union-attr]
        if k is None:
            return None
        return EntryRange(int(self.key_off[k]), int(self.key_off[k + 1]))

    def keys_with_prefix(self, prefix: str, limit: int = 400) -> list[int]:
        """Indexes of letter keys that start with `prefix`: the `limit` with the best words."""
        lo = bisect.bisect_left(self.keys, prefix)
        hi = bisect.bisect_left(self.keys, prefix + "\x7f", lo)
        if hi - lo <= limit:
            return list(range(lo, hi))
        best = self.key_best[lo:hi]
        top = np.argpartition(-best, limit - 1)[:limit]
        return (top[np.argsort(-best[top])] + lo).tolist()

    def has_key_prefix(self, prefix: str) -> bool:
        """Whether some letter key starts with `prefix`."""
        lo = bisect.bisect_left(self.keys, prefix)
        return lo < len(self.keys) and self.keys[lo].startswith(prefix)

    def key_range(self, key_index: int) -> EntryRange:
        return EntryRange(int(self.key_off[key_index]), int(self.key_off[key_index + 1]))

    def by_abbreviation(self, key: str) -> np.ndarray:
        """Entry ids whose syllables start with the letters of `key`, best first."""
        if self._abbr_index is None:
            self.warm_up()
        k = self._abbr_index.get(key)  # type: ignore[union-attr]
        if k is None:
            return np.empty(0, dtype=np.int32)
        return self.abbr_ent[int(self.abbr_off[k]): int(self.abbr_off[k + 1])]

    def word_id(self, word: str) -> int | None:
        return self.word_ids([word])[0]

    def _hashed_words(self) -> tuple[np.ndarray, np.ndarray]:
        """(sorted hashes of the words, the word id of each), built once."""
        if self._word_hash is None or self._word_hash_ids is None:
            hashes = np.fromiter((hash(w) for w in self.words), dtype=np.int64,
                                 count=len(self.words))
            order = np.argsort(hashes, kind="stable")
            self._word_hash, self._word_hash_ids = hashes[order], order.astype(np.int32)
        return self._word_hash, self._word_hash_ids

    def word_ids(self, words: Sequence[str]) -> list[int | None]:
        """The id of each word (None where the lexicon lacks it), in one vectorised lookup."""
        if not words:
            return []
        table, ids = self._hashed_words()
        names = self.words
        want = np.fromiter((hash(w) for w in words), dtype=np.int64, count=len(words))
        found = np.searchsorted(table, want).tolist()
        out: list[int | None] = []
        n = len(table)
        for word, h, i in zip(words, want.tolist(), found):
            wid = None
            while i < n and int(table[i]) == h:   # equal hashes: compare the words
                if names[int(ids[i])] == word:
                    wid = int(ids[i])
                    break
                i += 1
            out.append(wid)
        return out

    def syllables(self, entry: int) -> tuple[str, ...]:
        syl = self._syl_cache.get(entry)
        if syl is None:
            syl = self._syl_cache[entry] = tuple(self._tables["ent_syl"][entry].split("'"))
        return syl

    def _best_entries(self) -> np.ndarray:
        """The least penalised entry of each word (-1: none), built once."""
        if self._word_entry is None:
            order = np.lexsort((self.ent_pen, self.ent_word))  # by word, then penalty
            owners = self.ent_word[order]
            first = np.ones(len(order), dtype=bool)
            first[1:] = owners[1:] != owners[:-1]
            best = np.full(len(self.words), -1, dtype=np.int64)
            best[owners[first]] = order[first]
            self._word_entry = best
        return self._word_entry

    def readings(self, text: str) -> list[str | None]:
        """One toneless syllable per character of `text`, read with the lexicon's own words
        (longest first, left to right, each word's least penalised reading); None where no
        word covers a character. The model reads committed text this way in the typing app,
        which so never loads pypinyin's tables (about 100 MB resident)."""
        n = len(text)
        spans = [(i, k) for i in range(n) for k in range(1, min(MAX_READ_MATCH, n - i) + 1)]
        found = dict(zip(spans, self.word_ids([text[i:i + k] for i, k in spans])))
        out: list[str | None] = []
        i = 0
        while i < n:
            for k in range(min(MAX_READ_MATCH, n - i), 0, -1):
                wid = found[(i, k)]
                syls = self.best_reading(wid) if wid is not None else None
                if syls is not None and len(syls) == k:
                    out.extend(syls)
                    i += k
                    break
            else:
                out.append(None)
                i += 1
        return out

    def best_reading(self, word_id: int) -> tuple[str, ...] | None:
        """The least penalised reading of a word (None: the word has no entry)."""
        entry = int(self._best_entries()[word_id])
        return self.syllables(entry) if entry >= 0 else None

    def text(self, entry: int) -> str:
        return self.words[int(self.ent_word[entry])]

    # --- language model -----------------------------------------------------------------------

    def _keys(self) -> np.ndarray:
        """Sorted bigram keys w1 * V + w2 (int64), built once from the CSR arrays.

        The on-disk w2 column is then unmapped: one copy of the table stays in memory.
        """
        if self._bi_keys is None:
            counts = np.diff(self.bi_off.astype(np.int64))
            self._bi_keys = (np.repeat(np.arange(self.vocab_size, dtype=np.int64), counts)
                             * self.vocab_size + self.bi_w2)
            self.bi_w2 = None
        return self._bi_keys

    def _bigram_logp(self, idx: np.ndarray) -> np.ndarray:
        # uint8 steps of BI_LP_STEP nats; kept quantized in memory (a quarter of float32)
        return self.bi_lp[idx].astype(np.float32) * np.float32(-BI_LP_STEP)

    def bigram_row(self, w1: int, w2s: np.ndarray) -> np.ndarray:
        """log P(w2 | w1) for each w2 (interpolated Kneser-Ney; back-off when unseen)."""
        return self.bigram_matrix(np.asarray([w1]), np.asarray(w2s))[0]

    def bigram_matrix(self, w1s: np.ndarray, w2s: np.ndarray) -> np.ndarray:
        """log P(w2 | w1) for every pair: shape (len(w1s), len(w2s)); ids must be >= 0."""
        keys = self._keys()
        q = (w1s.astype(np.int64)[:, None] * self.vocab_size + w2s.astype(np.int64)[None, :])
        out = self.bow[w1s][:, None] + self.uni[w2s][None, :]
        if len(keys):
            idx = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
            hit = keys[idx] == q
            if hit.any():
                out[hit] = self._bigram_logp(idx[hit])
        return out

