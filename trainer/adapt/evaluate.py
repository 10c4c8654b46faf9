"""Before/after figures of an adaptation, and the choice of the domain layer's weight.

Both use DESIGN.md's protocol (trainer.evaluation.ime): char %, clause exact %, top-5 % of the
engine as `yinzi convert --stdin` runs it. The weight is chosen 2-fold on the held-out slice
(tuned on even clauses, checked on odd ones and the other way round), like rescore tuning.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from trainer.evaluation.ime import clauses_of, query_of, score_clauses

LAMBDAS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.5)
# The weight kept is the smallest that reaches this share of the best held-out gain over the
# system lexicon alone (mean of char and exact points on the tuning half): past that knee the
# domain gains little while general typing keeps paying. Poetry (5 M characters, quick preset):
# 0.05 reached 91 % of the gain of 0.5; 0.35 (a 0.5-point parsimony rule) cost 0.44 char on dev.
KNEE = 0.9


@dataclass
class Figures:
    char: float
    exact: float
    top5: float
    clauses: int

    def as_dict(self) -> dict:
        return {"char": round(self.char, 2), "exact": round(self.exact, 2),
                "top5": round(self.top5, 2), "clauses": self.clauses}


def sample_clauses(docs: Sequence[Sequence[str]], limit: int) -> list[str]:
    """Up to `limit` clauses spread evenly over the documents' clauses."""
    every = clauses_of(line for d in docs for line in d)
    if len(every) <= limit:
        return every
    step = len(every) / limit
    return [every[int(k * step)] for k in range(limit)]


def make_engine(lexicon, scorer=None, weight: float | None = None):
    from core.engine import ImeEngine

    kwargs = {} if weight is None else {"model_weight": weight}
    return ImeEngine(system_lexicon=lexicon, scorer=scorer, **kwargs)


def converter(engine) -> Callable[[str], list[str]]:
    def convert(query: str) -> list[str]:
        engine.reset()
        engine.type(query)
        return [c.text for c in engine.sentences(5)]

    return convert


def figures(clauses: list[str], convert: Callable[[str], list[str]],
            progress: Callable[[int, int], None] | None = None) -> tuple[Figures, list[str]]:
    """Figures and each clause's top-1 (for the fixed/broken examples)."""
    tops: list[str] = []

    def conv(q: str) -> list[str]:
        c = convert(q)
        tops.append(c[0] if c else "")
        return c

    match, exact, top5, chars, _ = score_clauses(clauses, conv, progress)
    n = max(len(clauses), 1)
    return Figures(100 * match / max(chars, 1), 100 * exact / n, 100 * top5 / n, len(clauses)), tops


@dataclass
class LambdaChoice:
    lam: float
    folds: list[dict]
    grid: dict[float, tuple[float, float]]   # weight -> (char %, exact %) on all tuning clauses


def choose_lambda(clauses: list[str], domain_lexicon, *, grid: Sequence[float] = LAMBDAS,
                  progress: Callable[[int, int], None] | None = None) -> LambdaChoice:
    """Decode the tuning clauses at each weight; pick on each half, report on the other; the
    weight kept is the mean of the two picks. Each half picks the smallest weight with KNEE of
    the best gain over weight 0 (the grid must hold 0)."""
    from core.decoding.decoder import BOS_ID, LexiconDecoder
    from trainer.evaluation.ime import char_matches

    queries = [query_of(c) for c in clauses]
    per: dict[float, list[tuple[int, bool]]] = {}
    done, total = 0, len(grid) * len(clauses)
    for lam in grid:
        domain_lexicon.set_weight(lam)
        dec = LexiconDecoder(domain_lexicon, cache_size=64)
        rows = []
        for ref, q in zip(clauses, queries):
            sents, _ = dec.decode(q, nbest=1, history=BOS_ID)
            top = sents[0].text if sents else ""
            rows.append((char_matches(top, ref), top == ref))
            done += 1
            if progress and done % 100 == 0:
                progress(done, total)
        per[lam] = rows
    lens = [len(c) for c in clauses]

    def acc(lam: float, idx: range | list[int]) -> tuple[float, float]:
        rows = per[lam]
        m = sum(rows[i][0] for i in idx)
        e = sum(rows[i][1] for i in idx)
        return 100 * m / max(sum(lens[i] for i in idx), 1), 100 * e / max(len(idx), 1)

    halves = {"even": list(range(0, len(clauses), 2)), "odd": list(range(1, len(clauses), 2))}
    folds = []
    picks = []
    for name, other in (("even", "odd"), ("odd", "even")):
        score = {g: sum(acc(g, halves[name])) / 2 for g in grid}
        gain = {g: score[g] - score[0.0] for g in grid}
        top = max(gain.values())
        best = min(g for g in grid if gain[g] >= KNEE * top) if top > 0 else 0.0
        picks.append(best)
        folds.append({"tuned_on": name, "lambda": best, "tuned": acc(best, halves[name]),
                      "held_out_half_before": acc(0.0, halves[other]) if 0.0 in per else None,
                      "held_out_half_after": acc(best, halves[other])})
    everything = list(range(len(clauses)))
    lam = round(sum(picks) / 2, 3)
    return LambdaChoice(lam, folds, {g: acc(g, everything) for g in grid})


def examples(clauses: list[str], before: list[str], after: list[str], n: int = 10) -> dict:
    fixed, broken = [], []
    for ref, b, a in zip(clauses, before, after):
        item = {"pinyin": query_of(ref), "reference": ref, "before": b, "after": a}
        if b != ref and a == ref and len(fixed) < n:
            fixed.append(item)
        elif b == ref and a != ref and len(broken) < n:
            broken.append(item)
    return {"fixed": fixed, "broken": broken}
