"""OnnxPathScorer: the pinyin-hanzi model as a `core.decoding.scorer.PathScorer`.

One batched ONNX call per `score()`: every competing path shares the committed left context
(its last 16 characters, pinyin from pypinyin, hanzi known), followed by the path's syllables.
The graph returns each path character's log-probability among the characters its syllable can
be read as. Two ways to score (`rescore_mode` in the model's manifest):
- "masked": every path character is [MASK]; a path's score is the sum over its characters.
- "agreement": paths with the same syllables form a group; where all of them put the same
  character that character is given to the model as known, and only the positions where they
  disagree are masked and scored. A path's score is the sum over those positions, relative to
  the best path of its group (0 for the best, and for a path no other path competes with).
  The model then judges each disputed character in the context of the undisputed ones, which
  is what the N-best list is really asking; measured on dev it ranks better than "masked".
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from core.decoding.scorer import Path as ScoredPath
from core.inference.session import LoadedSession, ModelLoadError, create_session
from core.model.spec import (
    MASK,
    PAD,
    UNK,
    HanziVocab,
    ModelSpec,
    SpecError,
    Vocab,
    readings,
)

INPUTS = ("pinyin_ids", "hanzi_ids", "cand_ids", "target_ids")
OUTPUTS = ("cand_logprobs", "target_logprob")
CONTEXT_CHARS = 16
RESCORE_MODES = ("masked", "agreement")  # see the module docstring
# A path character outside the model's vocabulary (rare Han) gets this log-probability, about
# what the model gives a plausible but unlikely candidate: it should not veto the lexicon.
OOV_LOGPROB = -8.0


class OnnxPathScorer:
    """Scores paths with an ONNX P2C model. `name` and `provider` are shown in the UI."""

    def __init__(self, loaded: LoadedSession, vocab: Vocab, spec: ModelSpec, *, name: str,
                 context_chars: int = CONTEXT_CHARS) -> None:
        self._sess = loaded.session
        self.vocab = vocab
        self.spec = spec
        self.name = name
        self.provider = loaded.provider
        self.fallback_message = loaded.fallback_message
        self.context_chars = context_chars
        self.rescore_weight: float | None = None  # set from the manifest by load_p2c_scorer
        # The weight of what the left context adds to the model's score (None: rescore_weight).
        self.rescore_context_weight: float | None = None
        self.rescore_mode = "masked"              # or "agreement"; see the module docstring
        self._table = vocab.candidate_table
        self._counts = vocab.candidate_counts
        self._py_cache: dict[tuple[str, ...], np.ndarray] = {}
        self._hz_ids = {t: i for i, t in enumerate(vocab.hanzi.tokens)}
        # How committed text becomes pinyin for the left context: core.model.spec.readings
        # (pypinyin, as in training) unless the engine lends its lexicon's reader.
        self._reader: Callable[[str], Sequence[str | None]] | None = None

    @property
    def reader(self) -> Callable[[str], Sequence[str | None]] | None:
        return self._reader

    @reader.setter
    def reader(self, fn: Callable[[str], Sequence[str | None]] | None) -> None:
        self._reader = fn
        self._context.cache_clear()

    # -- encoding ----------------------------------------------------------------------------
    @lru_cache(maxsize=8)  # noqa: B019 - the context changes only when text is committed
    def _context(self, context: str) -> tuple[np.ndarray, np.ndarray]:
        text = context[-self.context_chars:]
        if not text:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        syls = (self._reader or readings)(text)
        hz, py = self.vocab.encode_text(text, syls)
        return np.asarray(py, np.int64), np.asarray(hz, np.int64)

    def _syllable_ids(self, syllables: tuple[str, ...]) -> np.ndarray:
        ids = self._py_cache.get(syllables)
        if ids is None:
            ids = np.fromiter((self.vocab.pinyin.id(s) for s in syllables), np.int64, len(syllables))
            if len(self._py_cache) > 4096:
                self._py_cache.clear()
            self._py_cache[syllables] = ids
        return ids

    def encode(self, context: str, paths: Sequence[ScoredPath],
               hanzi_in: Sequence[np.ndarray] | None = None) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """The ONNX feed for a batch, and per path the OOV penalty to add.

        `hanzi_in[i]`, when given, is path i's hanzi input (ids, MASK where predicted); by default
        every path character is masked.
        """
        for p in paths:
            if len(p.text) != len(p.syllables):
                raise ValueError(f"path {p.text!r} has {len(p.syllables)} syllables for {len(p.text)} characters")
        ctx_py, ctx_hz = self._context(context)
        longest = max(len(p.text) for p in paths)
        longest = min(longest, self.spec.max_len)
        room = self.spec.max_len - longest
        ctx_py, ctx_hz = ctx_py[len(ctx_py) - min(len(ctx_py), room):], ctx_hz[len(ctx_hz) - min(len(ctx_hz), room):]
        c = len(ctx_py)
        b, t = len(paths), c + longest
        py = np.zeros((b, t), np.int64)
        hz = np.zeros((b, t), np.int64)
        tgt = np.zeros((b, t), np.int64)
        py[:, :c] = ctx_py
        hz[:, :c] = ctx_hz
        penalty = np.zeros(b, np.float32)
        for i, p in enumerate(paths):
            n = min(len(p.text), longest)
            ids = self._syllable_ids(p.syllables)[:n]
            chars = np.fromiter((self.vocab.hanzi.id(ch) for ch in p.text[:n]), np.int64, n)
            py[i, c : c + n] = ids
            hz[i, c : c + n] = MASK if hanzi_in is None else hanzi_in[i][:n]
            known = (chars != UNK) & (ids != UNK)
            tgt[i, c : c + n] = np.where(known, chars, PAD)
            penalty[i] = OOV_LOGPROB * int(((chars == UNK) & (ids != UNK)).sum())
        k = max(1, int(self._counts[py[:, c:]].max()))
        cand = np.ascontiguousarray(self._table[py[:, c:], :k])          # only the path is scored
        return {"pinyin_ids": py, "hanzi_ids": hz, "cand_ids": cand, "target_ids": tgt[:, c:]}, penalty

    # -- PathScorer --------------------------------------------------------------------------
    def score(self, context: str, paths: Sequence[ScoredPath]) -> list[float]:
        """Sum of per-character log-probabilities of each path given the left context.

        Every path character is [MASK] in the input, so a row's states depend only on the
        context and the syllables: paths that share a syllable sequence (most of an N-best
        list) share one row, and each path reads its characters' log-probabilities from that
        row's candidate distribution. Still one ONNX call.
        """
        if not paths:
            return []
        _check_lengths(paths)
        if self.rescore_mode == "agreement":
            return self._score_agreement(context, paths)
        rows: dict[tuple[str, ...], int] = {}
        row_of = [rows.setdefault(tuple(p.syllables), len(rows)) for p in paths]
        reps = [ScoredPath(text="\u4e00" * len(syl), syllables=syl) for syl in rows]
        feed, _ = self.encode(context, reps)
        feed["target_ids"] = np.zeros_like(feed["target_ids"])
        (cand_lp,) = self._sess.run(["cand_logprobs"], feed)
        out = []
        for p, r in zip(paths, row_of):
            out.append(float(self._char_logprobs(p.text, feed["cand_ids"][r], cand_lp[r]).sum()))
        return out

    def _char_logprobs(self, text: str, cands: np.ndarray, cand_lp: np.ndarray) -> np.ndarray:
        """Per character of `text`, its log-probability in a row's (S, K) candidate output.

        Characters outside the vocabulary or read otherwise than their syllable allows get a
        fixed penalty rather than vetoing the lexicon's choice.
        """
        n = min(len(text), cand_lp.shape[0])
        chars = self._char_ids(text[:n])
        hit = cands[:n] == chars[:, None]                                # (n, K)
        found = hit.any(axis=1) & (chars != UNK)
        return np.where(found, cand_lp[:n][np.arange(n), hit.argmax(axis=1)], OOV_LOGPROB)

    def _score_agreement(self, context: str, paths: Sequence[ScoredPath]) -> list[float]:
        """Disputed characters scored given the undisputed ones (see the module docstring)."""
        groups: dict[tuple[str, ...], list[int]] = {}
        for k, p in enumerate(paths):
            groups.setdefault(tuple(p.syllables), []).append(k)
        out = np.zeros(len(paths))
        rows, inputs, disputes = [], [], []
        for ks in groups.values():
            chars = np.stack([self._char_ids(paths[k].text) for k in ks])      # (G, n)
            disputed = (chars != chars[0]).any(axis=0)                           # (n,)
            if not disputed.any():
                continue
            rows.append(ks)
            inputs.append(np.where(disputed | (chars[0] == UNK), MASK, chars[0]))
            disputes.append(disputed)
        if not rows:
            return out.tolist()
        reps = [ScoredPath(text="\u4e00" * len(paths[ks[0]].syllables), syllables=paths[ks[0]].syllables)
                for ks in rows]
        feed, _ = self.encode(context, reps, hanzi_in=inputs)
        feed["target_ids"] = np.zeros_like(feed["target_ids"])
        (cand_lp,) = self._sess.run(["cand_logprobs"], feed)
        for r, (ks, disputed) in enumerate(zip(rows, disputes)):
            for k in ks:
                lp = self._char_logprobs(paths[k].text, feed["cand_ids"][r], cand_lp[r])
                out[k] = float(lp[disputed[: len(lp)]].sum())
            best = max(out[k] for k in ks)
            for k in ks:
                out[k] -= best
        return out.tolist()

    def _char_ids(self, text: str) -> np.ndarray:
        ids = self._hz_ids
        return np.fromiter((ids.get(ch, UNK) for ch in text), np.int64, len(text))

    def candidates(self, context: str, syllables: Sequence[str]) -> list[list[tuple[str, float]]]:
        """Per syllable, the model's candidate characters with log-probabilities, best first."""
        path = ScoredPath(text="\u4e00" * len(syllables), syllables=tuple(syllables))
        feed, _ = self.encode(context, [path])
        feed["target_ids"] = np.zeros_like(feed["target_ids"])
        lp, _ = self._sess.run(list(OUTPUTS), feed)
        out = []
        for j in range(len(syllables)):
            ids, scores = feed["cand_ids"][0, j], lp[0, j]
            order = [i for i in np.argsort(-scores) if ids[i] != PAD]
            out.append([(self.vocab.hanzi.tokens[ids[i]], float(scores[i])) for i in order])
        return out






def _check_lengths(paths: Sequence[ScoredPath]) -> None:
    for p in paths:
        if len(p.text) != len(p.syllables):
            raise ValueError(f"path {p.text!r} has {len(p.syllables)} syllables for {len(p.text)} characters")


def read_manifest(model_dir: str | Path) -> dict[str, Any]:
    path = Path(model_dir) / "manifest.json"
    if not Path(model_dir).is_dir():
        raise ModelLoadError(f"model folder not found: {model_dir}")
    if not path.is_file():
        raise ModelLoadError(f"{model_dir} has no manifest.json: not a Yinzi model folder")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelLoadError(f"{path} is unreadable or not JSON: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != "yinzi-model/1":
        raise ModelLoadError(f"{path} is not a Yinzi model manifest (format yinzi-model/1)")
    return manifest


def load_p2c_scorer(model_dir: str | Path, *, int8: bool = True, prefer_cuda: bool = True,
                    threads: int = 1, context_chars: int = CONTEXT_CHARS) -> OnnxPathScorer:
    """Open a P2C model folder; ModelLoadError says clearly what is missing or broken."""
    model_dir = Path(model_dir)
    manifest = read_manifest(model_dir)
    if manifest.get("kind") != "p2c":
        raise ModelLoadError(f"{model_dir} holds a {manifest.get('kind')!r} model, not a pinyin-hanzi (p2c) model")
    try:
        spec = ModelSpec.from_dict(manifest["spec"])
        files = manifest["files"]
        vocab_path = model_dir / files.get("vocab", "vocab.json")
        data = vocab_path.read_bytes() if vocab_path.is_file() else None
        if data is None:
            raise ModelLoadError(f"{vocab_path} is missing")
        if hashlib.sha256(data).hexdigest() != manifest.get("vocab_sha256"):
            raise ModelLoadError(f"{vocab_path} does not match the manifest (sha256 differs): the folder is mixed up")
        vocab = Vocab(HanziVocab.load(vocab_path))
    except (KeyError, TypeError, SpecError) as exc:
        raise ModelLoadError(f"{model_dir}/manifest.json is incomplete or inconsistent: {exc}") from exc
    if vocab.hanzi.size != spec.n_hanzi or vocab.pinyin.size != spec.n_pinyin:
        raise ModelLoadError(f"{model_dir}: vocabulary sizes do not match the model spec")
    variant = "int8" if int8 else "fp32"
    onnx_path = model_dir / files.get(variant, "")
    loaded = create_session(onnx_path, prefer_cuda=prefer_cuda, threads=threads,
                            expected_inputs=list(manifest.get("inputs", INPUTS)),
                            expected_outputs=list(manifest.get("outputs", OUTPUTS)))
    name = f"{manifest.get('name', model_dir.name)} {variant}"  # the engine appends the provider
    scorer = OnnxPathScorer(loaded, vocab, spec, name=name, context_chars=context_chars)
    # The weight of this model's log-probabilities against the lexicon score, tuned on dev
    # when the model was shipped (ImeEngine uses it unless told otherwise).
    weight = manifest.get("rescore_weight")
    scorer.rescore_weight = float(weight) if isinstance(weight, (int, float)) else None
    # What the committed context changes in the model's score can earn its own weight
    # (`tune-rescore --context`); a manifest without one weighs it like the rest.
    weight = manifest.get("rescore_context_weight")
    scorer.rescore_context_weight = float(weight) if isinstance(weight, (int, float)) else None
    mode = manifest.get("rescore_mode", "masked")
    if mode not in RESCORE_MODES:
        raise ModelLoadError(f"{model_dir}/manifest.json: unknown rescore_mode {mode!r} (one of {', '.join(RESCORE_MODES)})")
    scorer.rescore_mode = mode
    return scorer
