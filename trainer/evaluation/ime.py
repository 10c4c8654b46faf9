"""DESIGN.md's conversion protocol: clauses, pypinyin queries, char/clause/top-5, abbreviations,
keystroke latency. Runs on any `Converter` (our engine, or a peer over the stdin protocol).

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
    out: list[str] = []
    for line in lines:
        out.extend(c for c in HAN_RUN.findall(line) if len(c) >= 2)
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


@dataclass
class ImeReport:
    system: str
    clauses: int = 0
    chars: int = 0
    char_acc: float = 0.0
    clause_exact: float = 0.0
    top5: float = 0.0
    abbr_words: int = 0
    abbr_top1: float = 0.0
    abbr_top5: float = 0.0
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
# A typer makes a fresh typing session and returns a per-keystroke function.
TyperFactory = Callable[[], Callable[[str], None]]


def abbreviation_words(clauses: list[str], n: int, seed: int = 0) -> list[str]:
    import jieba

    jieba.setLogLevel(60)
    words = sorted({w for c in clauses for w in jieba.lcut(c) if 2 <= len(w) <= 4})
    random.Random(seed).shuffle(words)
    return words[:n]


def score_clauses(clauses: list[str], convert: Converter,
                  progress: Callable[[int, int], None] | None = None
                  ) -> tuple[int, int, int, int, list[tuple[str, str]]]:
    """(matched chars, exact clauses, top-5 hits, reference chars, first errors)."""
    match = exact = top5 = chars = 0
    errors: list[tuple[str, str]] = []
    for k, ref in enumerate(clauses):
        cands = convert(query_of(ref))
        top = cands[0] if cands else ""
        match += char_matches(top, ref)
        exact += top == ref
        top5 += ref in cands[:5]
        chars += len(ref)
        if top != ref and len(errors) < 200:
            errors.append((ref, top))
        if progress:
            progress(k + 1, len(clauses))
    return match, exact, top5, chars, errors


def evaluate(system: str, clauses: list[str], convert: Converter, *,
             typer: TyperFactory | None = None, abbr_words: int = 400,
             latency_clauses: int = 300, progress: Callable[[int, int], None] | None = None,
             parallel: Callable[[list[str]], tuple[int, int, int, int, list]] | None = None
             ) -> ImeReport:
    """Run the protocol. `parallel`, when given, scores the clauses (e.g. in worker processes)."""
    rep = ImeReport(system)
    t0 = time.perf_counter()
    if parallel is not None:
        match, exact, top5, rep.chars, rep.errors = parallel(clauses)
    else:
        match, exact, top5, rep.chars, rep.errors = score_clauses(clauses, convert, progress)
    rep.clauses = len(clauses)
    rep.char_acc = 100.0 * match / max(1, rep.chars)
    rep.clause_exact = 100.0 * exact / max(1, rep.clauses)
    rep.top5 = 100.0 * top5 / max(1, rep.clauses)

    words = abbreviation_words(clauses, abbr_words)
    a1 = a5 = 0
    for w in words:
        cands = convert(initials_query(w))
        a1 += bool(cands) and cands[0] == w
        a5 += w in cands[:5]
    rep.abbr_words = len(words)
    rep.abbr_top1 = 100.0 * a1 / max(1, len(words))
    rep.abbr_top5 = 100.0 * a5 / max(1, len(words))

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
    head = ("system", "clauses", "char %", "exact %", "top-5 %", "abbr top-1 %", "abbr top-5 %",
            "p50 ms", "p95 ms", "max ms")
    rows = [head]
    for r in reports:
        rows.append((r.system, f"{r.clauses}", f"{r.char_acc:.2f}", f"{r.clause_exact:.2f}",
                     f"{r.top5:.2f}", f"{r.abbr_top1:.1f}", f"{r.abbr_top5:.1f}",
                     f"{r.latency_p50_ms:.2f}", f"{r.latency_p95_ms:.2f}",
                     f"{r.latency_max_ms:.1f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in
                       enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def read_clauses(path: Path, limit: int | None = None) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    clauses = clauses_of(text.splitlines())
    return clauses[:limit] if limit else clauses
