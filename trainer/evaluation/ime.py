"""DESIGN.md's conversion protocol: clauses, pypinyin queries, char/clause/top-5, abbreviations,
keystroke latency. Runs on any `Converter` (our engine, or a peer over the stdin protocol).

Two protocols score the clauses: **fresh** (every clause typed into an engine with nothing
committed) and **context** (each line's clauses typed in order, the line's text before the
clause, its reference, committed first as a user who fixed the earlier clauses would have).
Next-word prediction is scored at each word boundary of each clause (jieba's words): a hit
when the reference's next word is among the first five predictions.

Imports no torch: the engine is measured exactly as the app runs it.
"""
from __future__ import annotations

import random
import re
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HAN_RUN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")


def clauses_of(lines: Iterable[str]) -> list[str]:
    """Maximal Han runs of each line, 2+ characters."""
    return [c for _, c in items_of(lines)]


def items_of(lines: Iterable[str]) -> list[tuple[str, str]]:
    """(context, clause) for each clause of `clauses_of`: the context is the line's text
    before the clause (punctuation and the earlier clauses' reference text included)."""
    out: list[tuple[str, str]] = []
    for line in lines:
        line = line.rstrip("\n")
        for m in HAN_RUN.finditer(line):
            if len(m.group()) >= 2:
                out.append((line[:m.start()], m.group()))
    return out


def query_of(clause: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(clause, style=Style.NORMAL)).replace("ü", "v")


def initials_query(word: str) -> str:
    """Abbreviation query: the first letter of each syllable (zh/ch/sh count as z/c/s)."""
    from pypinyin import Style, lazy_pinyin

    return "".join(s[0] for s in lazy_pinyin(word, style=Style.NORMAL) if s)


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def char_matches(hyp: str, ref: str) -> int:
    if len(hyp) == len(ref):
        return sum(a == b for a, b in zip(hyp, ref))
    return max(0, len(ref) - edit_distance(hyp, ref))


def p95(values: list[float]) -> float:
    """The 95th percentile, interpolated between ranks (numpy's default); 0.0 for no values."""
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


# The abbreviation figures of a report: typed into a fresh engine, so one run serves both protocols.
ABBR_FIELDS = ("abbr_words", "abbr_top1", "abbr_top5", "abbr_common_top1", "abbr_common_top5")


@dataclass
class ImeReport:
    system: str
    clauses: int = 0
    chars: int = 0
    char_acc: float = 0.0
    clause_exact: float = 0.0
    top5: float = 0.0
    protocol: str = "fresh"
    abbr_words: int = 0
    abbr_top1: float = 0.0
    abbr_top5: float = 0.0
    abbr_common_top1: float = 0.0   # the same for words drawn by frequency (common words)
    abbr_common_top5: float = 0.0
    pred_boundaries: int = 0
    pred_top5: float = 0.0          # next word among the engine's first five predictions
    pred_bigram_top5: float = 0.0   # the same for the bigram baseline
    keystrokes: int = 0
    latency_p50_ms: float = 0.0
    latency_p95_ms: float = 0.0
    latency_max_ms: float = 0.0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["errors"] = d["errors"][:50]
        return d


# A converter maps a query to its whole-input candidates, best first.
Converter = Callable[[str], list[str]]
# The same, with the committed text left of the input: (query, context) -> candidates.
ContextConverter = Callable[[str, str], list[str]]
# A predictor maps committed text to the likely next words, best first.
Predictor = Callable[[str], list[str]]
# A typer makes a fresh typing session and returns a per-keystroke function.
TyperFactory = Callable[[], Callable[[str], None]]


class StdinPeer:
    """A converter over the peers' stdin protocol (`../shared/peers`): one query per line in,
    `top1<TAB>c1|c2|...` per line out. Use as `convert(query)`; `close()` ends the process."""

    def __init__(self, command: str) -> None:
        import shlex
        import subprocess

        self.proc = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True, encoding="utf-8", bufsize=1)

    def __call__(self, query: str, context: str = "") -> list[str]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(query + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the peer command ended early")
        top, _, rest = line.rstrip("\n").partition("\t")
        cands = [c for c in rest.split("|") if c]
        return cands or ([top] if top else [])

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def abbreviation_words(clauses: list[str], n: int, seed: int = 0, *,
                       common: bool = False) -> list[str]:
    """`n` distinct 2-4 character words of the text (jieba), a seeded sample.

    By default every word *type* is equally likely (DESIGN.md's protocol: most of them are rare
    words). `common` draws word *tokens* instead, so a word comes in proportion to how often
    the text uses it: the common words people actually type as initials."""
    import jieba

    jieba.setLogLevel(60)
    tokens = [w for c in clauses for w in jieba.lcut(c) if 2 <= len(w) <= 4]
    rng = random.Random(seed)
    if not common:
        words = sorted(set(tokens))
        rng.shuffle(words)
        return words[:n]
    tokens.sort()           # the draw depends on the text only, not on jieba's output order
    rng.shuffle(tokens)
    return list(dict.fromkeys(tokens))[:n]


def score_clauses(clauses: list[str], convert: Converter,
                  progress: Callable[[int, int], None] | None = None
                  ) -> tuple[int, int, int, int, list[tuple[str, str]]]:
    """(matched chars, exact clauses, top-5 hits, reference chars, first errors)."""
    return score_items([("", c) for c in clauses], lambda q, _ctx: convert(q), progress)


def score_items(items: list[tuple[str, str]], convert: ContextConverter,
                progress: Callable[[int, int], None] | None = None,
                outcomes: list[tuple[int, int, int, int]] | None = None
                ) -> tuple[int, int, int, int, list[tuple[str, str]]]:
    """`score_clauses` for (context, clause) items: each query typed after its context.
    `outcomes` (a list) receives (matched chars, exact, top-5 hit, chars) per item."""
    match = exact = top5 = chars = 0
    errors: list[tuple[str, str]] = []
    for k, (context, ref) in enumerate(items):
        cands = convert(query_of(ref), context)
        top = cands[0] if cands else ""
        m = char_matches(top, ref)
        match += m
        exact += top == ref
        top5 += ref in cands[:5]
        chars += len(ref)
        if outcomes is not None:
            outcomes.append((m, int(top == ref), int(ref in cands[:5]), len(ref)))
        if top != ref and len(errors) < 200:
            errors.append((ref, top))
        if progress:
            progress(k + 1, len(items))
    return match, exact, top5, chars, errors


def prediction_boundaries(clauses: list[str]) -> list[tuple[str, str]]:
    """(clause text before a word boundary, the word after it) for each boundary."""
    import jieba

    jieba.setLogLevel(60)
    out: list[tuple[str, str]] = []
    for c in clauses:
        words = jieba.lcut(c, HMM=False)
        for k in range(1, len(words)):
            out.append(("".join(words[:k]), words[k]))
    return out


def prediction_hit_rate(boundaries: list[tuple[str, str]], predict: Predictor,
                        n: int = 5) -> float:
    """Percent of boundaries whose next word is among the first `n` predictions."""
    hits = sum(word in predict(left)[:n] for left, word in boundaries)
    return 100.0 * hits / max(1, len(boundaries))


def abbreviation_hits(words: list[str], convert: Converter) -> tuple[float, float]:
    """Percent of `words` first, and among the first five, when typed as initials."""
    a1 = a5 = 0
    for w in words:
        cands = convert(initials_query(w))
        a1 += bool(cands) and cands[0] == w
        a5 += w in cands[:5]
    return 100.0 * a1 / max(1, len(words)), 100.0 * a5 / max(1, len(words))


def evaluate(system: str, clauses: list[str], convert: Converter, *,
             typer: TyperFactory | None = None, abbr_words: int = 400,
             latency_clauses: int = 300, progress: Callable[[int, int], None] | None = None,
             parallel: Callable[[list[str]], tuple[int, int, int, int, list]] | None = None,
             items: list[tuple[str, str]] | None = None,
             predictors: tuple[Predictor, Predictor] | None = None
             ) -> ImeReport:
    """Run the protocol. `parallel`, when given, scores the clauses (e.g. in worker processes).

    With `items` ((context, clause) pairs) the context protocol scores the clauses: `convert`
    and `parallel` then take the items (context, query). `predictors` (the engine's and the
    bigram baseline's) add the next-word hit rates."""
    rep = ImeReport(system, protocol="context" if items is not None else "fresh")
    t0 = time.perf_counter()
    scored = items if items is not None else clauses
    if parallel is not None:
        match, exact, top5, rep.chars, rep.errors = parallel(scored)  # type: ignore[arg-type]
    elif items is not None:
        match, exact, top5, rep.chars, rep.errors = score_items(items, convert, progress)  # type: ignore[arg-type]
    else:
        match, exact, top5, rep.chars, rep.errors = score_clauses(clauses, convert, progress)
    rep.clauses = len(clauses)
    rep.char_acc = 100.0 * match / max(1, rep.chars)
    rep.clause_exact = 100.0 * exact / max(1, rep.clauses)
    rep.top5 = 100.0 * top5 / max(1, rep.clauses)

    if predictors is not None:
        bounds = prediction_boundaries(clauses)
        rep.pred_boundaries = len(bounds)
        rep.pred_top5 = prediction_hit_rate(bounds, predictors[0])
        rep.pred_bigram_top5 = prediction_hit_rate(bounds, predictors[1])

    fresh: Converter = (lambda q: convert(q, "")) if items is not None else convert  # type: ignore[call-arg,assignment,misc]
    if abbr_words > 0:
        words = abbreviation_words(clauses, abbr_words)
        rep.abbr_words = len(words)
        rep.abbr_top1, rep.abbr_top5 = abbreviation_hits(words, fresh)
        common = abbreviation_words(clauses, abbr_words, common=True)
        rep.abbr_common_top1, rep.abbr_common_top5 = abbreviation_hits(common, fresh)

    if typer is not None:
        times: list[float] = []
        step = max(1, len(clauses) // max(1, latency_clauses))
        for ref in clauses[::step][:latency_clauses]:
            press = typer()
            for ch in query_of(ref):
                t = time.perf_counter()
                press(ch)
                times.append((time.perf_counter() - t) * 1000.0)
        rep.keystrokes = len(times)
        rep.latency_p50_ms = statistics.median(times) if times else 0.0
        rep.latency_p95_ms = p95(times)
        rep.latency_max_ms = max(times) if times else 0.0
    rep.seconds = time.perf_counter() - t0
    return rep


def format_table(reports: list[ImeReport]) -> str:
    head = ("system", "protocol", "clauses", "char %", "exact %", "top-5 %", "abbr top-1/5 %",
            "common abbr top-1/5 %", "p50 ms", "p95 ms", "max ms")
    rows = [head]
    for r in reports:
        rows.append((r.system, r.protocol, f"{r.clauses}", f"{r.char_acc:.2f}", f"{r.clause_exact:.2f}",
                     f"{r.top5:.2f}", f"{r.abbr_top1:.1f} / {r.abbr_top5:.1f}",
                     f"{r.abbr_common_top1:.1f} / {r.abbr_common_top5:.1f}",
                     f"{r.latency_p50_ms:.2f}", f"{r.latency_p95_ms:.2f}",
                     f"{r.latency_max_ms:.1f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in
                       enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    preds = [r for r in reports if r.pred_boundaries]
    for r in preds:
        lines.append(f"next-word top-5 ({r.system}, {r.pred_boundaries} word boundaries): "
                     f"{r.pred_top5:.2f} % (bigram baseline {r.pred_bigram_top5:.2f} %)")
    return "\n".join(lines)


def per_source(outcomes: list[tuple[int, int, int, int]], sources: list[str]
               ) -> list[tuple[str, int, float, float]]:
    """(source, clauses, char %, exact %) per source, weakest (char) first."""
    acc: dict[str, list[int]] = {}
    for (m, ex, _t5, ch), src in zip(outcomes, sources):
        a = acc.setdefault(src, [0, 0, 0, 0])
        a[0] += m
        a[1] += ex
        a[2] += ch
        a[3] += 1
    rows = [(src, a[3], 100.0 * a[0] / max(1, a[2]), 100.0 * a[1] / max(1, a[3]))
            for src, a in acc.items()]
    return sorted(rows, key=lambda r: r[2])


def item_sources(path: Path, sources_tsv: Path, limit: int | None = None) -> list[str]:
    """The source of each item of `read_items(path)`, from a `source<TAB>line` file whose
    lines follow the text file's."""
    labels = [ln.split("\t", 1)[0] for ln in
              Path(sources_tsv).read_text(encoding="utf-8").splitlines()]
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if len(labels) != len(lines):
        raise ValueError(f"{sources_tsv} has {len(labels)} lines, {path} {len(lines)}")
    out: list[str] = []
    for label, line in zip(labels, lines):
        out.extend(label for _ in items_of([line]))
    return out[:limit] if limit else out


def read_items(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """(context, clause) pairs of a file, in the order of `read_clauses`."""
    items = items_of(Path(path).read_text(encoding="utf-8").splitlines())
    return items[:limit] if limit else items


def read_clauses(path: Path, limit: int | None = None) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    clauses = clauses_of(text.splitlines())
    return clauses[:limit] if limit else clauses
