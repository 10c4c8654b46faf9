"""Choosing how the model rescores the lexicon decoder's N-best sentences, 2-fold on a dev file.

Each clause's N-best list (lexicon scores) is computed once and scored by the model in both
modes ("masked" and "agreement", see core/inference/p2c_scorer.py). A grid of weights is then
searched on one half of the clauses (by parity) and reported on the other half, and the other
way round: the chosen setting is trusted only when it gains on the half it was not tuned on.
Char accuracy here counts position-wise matches of same-length top-1s (N-best sentences always
have the reference's length when the reference is among them).

With committed context (`tune-rescore --context`), the part of the model's score that the
context adds (the path's score with the context minus its score without) gets a weight of its
own, searched the same way with the mode and the base weight fixed.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.inference.p2c_scorer import RESCORE_MODES as MODES


@dataclass
class Scored:
    """One clause: reference, its N-best texts, lexicon scores and model scores per mode."""

    ref: str
    texts: list[str]
    lexicon: np.ndarray
    model: dict[str, np.ndarray]


def collect(clauses: Sequence[str], decode: Callable[[str], list], score: Callable[[str, list], list[float]],
            *, progress: Callable[[int], None] | None = None) -> list[Scored]:
    """`decode(clause)` -> N-best Sentence objects; `score(mode, sentences)` -> model scores."""
    out = []
    for i, ref in enumerate(clauses):
        sents = decode(ref)
        lex = np.array([s.score for s in sents], dtype=np.float64)
        model = {m: (np.array(score(m, sents), dtype=np.float64) if len(sents) > 1 else np.zeros(len(sents)))
                 for m in MODES}
        out.append(Scored(ref, [s.text for s in sents], lex, model))
        if progress and (i + 1) % 500 == 0:
            progress(i + 1)
    return out


@dataclass
class ContextScored:
    """One clause typed after committed text: its N-best texts, lexicon scores, and the
    model's scores with the context and without it."""

    ref: str
    texts: list[str]
    lexicon: np.ndarray
    with_context: np.ndarray
    alone: np.ndarray

    def combined(self, weight: float, context_weight: float) -> np.ndarray:
        """The engine's ranking score (ImeEngine._model_scores)."""
        return self.lexicon + weight * self.alone + context_weight * (self.with_context - self.alone)


def _counts(items: Sequence, rank: Callable[[Any], np.ndarray]) -> tuple[int, int, int, int]:
    """(matching chars, reference chars, exact clauses, clauses) of the top-1s by `rank`
    (an item's N-best -> their scores)."""
    chars = total = exact = 0
    for it in items:
        total += len(it.ref)
        if not it.texts:
            continue
        best = it.texts[int(np.argmax(rank(it)))]
        exact += best == it.ref
        if len(best) == len(it.ref):
            chars += sum(a == b for a, b in zip(best, it.ref))
    return chars, total, exact, len(items)


def _lexicon_alone(it: Scored) -> np.ndarray:
    return it.lexicon


def _percent(counts: Sequence[tuple[int, int, int, int]]) -> tuple[float, float]:
    chars, total, exact, n = (sum(c[i] for c in counts) for i in range(4))
    return 100 * chars / max(total, 1), 100 * exact / max(n, 1)


def accuracy(items: Sequence[Scored], mode: str, weight: float) -> tuple[float, float]:
    """(char %, clause exact %) of the top-1 after adding weight * model score."""
    return _percent([_counts(items, lambda it: it.lexicon + weight * it.model[mode])])


@dataclass
class Fold:
    tuned_on: str
    mode: str
    weight: float
    tuned: tuple[float, float]
    held_out_lexicon: tuple[float, float]
    held_out_model: tuple[float, float]


def cross_validated(items: Sequence[Scored], folds: Sequence[Fold]) -> dict[str, tuple[float, float]]:
    """The whole file, each half rescored with the setting tuned on the other half: the honest
    figure for "the model on this file" (a weight tuned on all of it and reported on all of it
    is not). Returns {"lexicon": (char, exact), "model": (char, exact)}."""
    halves = {"even": list(items[0::2]), "odd": list(items[1::2])}
    applied = {f.tuned_on: halves["odd" if f.tuned_on == "even" else "even"] for f in folds}
    return {
        "lexicon": _percent([_counts(h, _lexicon_alone) for h in halves.values()]),
        "model": _percent([_counts(applied[f.tuned_on],
                                   lambda it, f=f: it.lexicon + f.weight * it.model[f.mode])
                           for f in folds]),
    }


def two_fold(items: Sequence[Scored], weights: Sequence[float]) -> list[Fold]:
    """Tune (mode, weight) on even clauses and test on odd ones, then the other way round.

    Ties go to the smaller weight; exact and char accuracy count equally.
    """
    halves = {"even": list(items[0::2]), "odd": list(items[1::2])}
    folds = []
    for name, other in (("even", "odd"), ("odd", "even")):
        grid = [(m, w) for m in MODES for w in weights]
        scores = {g: accuracy(halves[name], *g) for g in grid}
        best = max(grid, key=lambda g: (sum(scores[g]), -g[1]))
        folds.append(Fold(name, best[0], best[1], scores[best], accuracy(halves[other], "masked", 0.0),
                          accuracy(halves[other], *best)))
    return folds


def context_accuracy(items: Sequence[ContextScored], weight: float,
                     context_weight: float) -> tuple[float, float]:
    """(char %, clause exact %) of the top-1 with the context's part weighed apart."""
    return _percent([_counts(items, lambda it: it.combined(weight, context_weight))])


def two_fold_context(items: Sequence[ContextScored], mode: str, weight: float,
                     context_weights: Sequence[float]) -> list[Fold]:
    """`two_fold` for the context weight, the mode and the base weight fixed. A fold's
    `held_out_lexicon` is the held-out half at the context weight equal to the base weight
    (the model weighed as one, as before), so that the gain reads against it."""
    halves = {"even": list(items[0::2]), "odd": list(items[1::2])}
    folds = []
    for name, other in (("even", "odd"), ("odd", "even")):
        scores = {w: context_accuracy(halves[name], weight, w) for w in context_weights}
        best = max(context_weights, key=lambda w: (sum(scores[w]), -abs(w - weight)))
        folds.append(Fold(name, mode, best, scores[best],
                          context_accuracy(halves[other], weight, weight),
                          context_accuracy(halves[other], weight, best)))
    return folds


def cross_validated_context(items: Sequence[ContextScored], folds: Sequence[Fold],
                            weight: float) -> dict[str, tuple[float, float]]:
    """`cross_validated` for the context weight: {"one weight": ..., "context weight": ...}."""
    halves = {"even": list(items[0::2]), "odd": list(items[1::2])}
    applied = {f.tuned_on: halves["odd" if f.tuned_on == "even" else "even"] for f in folds}
    return {
        "one weight": _percent([_counts(h, lambda it: it.combined(weight, weight))
                                for h in halves.values()]),
        "context weight": _percent([_counts(applied[f.tuned_on],
                                            lambda it, f=f: it.combined(weight, f.weight))
                                    for f in folds]),
    }
