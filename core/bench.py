"""`make bench` (engine part): lexicon load time, syllable-graph building, what reading the
committed text costs on a commit, keystroke latency, model scoring time, and how fast the
analysis child process stops with a request in flight.

Prints figures; asserts nothing. Typing text comes from --input (default: the p2c dev file when
present, else a built-in paragraph).
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BUILTIN = ("我们正在开会讨论明天的计划。今天天气很好，适合出去走走。这个输入法可以在自己的电脑上"
           "重新训练模型。北京大学的学生在图书馆学习。他说这件事情已经解决了。")


def _clauses(path: Path | None, n: int) -> list[str]:
    import re

    text = path.read_text(encoding="utf-8") if path and path.exists() else BUILTIN
    runs = [c for c in re.findall(r"[\u4e00-\u9fff]+", text) if len(c) >= 2]
    step = max(1, len(runs) // n)
    return runs[::step][:n]


def to_pinyin(clause: str) -> str:
    """The clause as typed: toneless pinyin, ü as v."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(clause, style=Style.NORMAL)).replace("ü", "v")


def _spread(times_ms: list[float], digits: int = 2) -> str:
    p95 = statistics.quantiles(times_ms, n=20, method="inclusive")[-1] if len(times_ms) > 1 \
        else times_ms[0]
    return (f"p50 {statistics.median(times_ms):.{digits}f} ms, p95 {p95:.{digits}f} ms, "
            f"max {max(times_ms):.{digits}f} ms")


def bench_graph(queries: list[str]) -> None:
    """Building the syllable graph (and its boundaries) for whole queries, and for 64-character
    inputs of any ASCII: the graph is meant to stay linear in the input."""
    from core.pinyin.graph import SyllableGraph

    rng = random.Random(0)
    odd = ["a" * 64, "xian" * 16, "'" * 64, "zhuang" * 10 + "zhua",
           *("".join(chr(rng.randint(0, 127)) for _ in range(64)) for _ in range(200)),
           *("".join(rng.choice("abcdefghijklmnopqrstuvwxyz'") for _ in range(64)) for _ in range(200))]
    for name, inputs in (("dev queries", queries), ("64-character ASCII inputs", odd)):
        times: list[float] = []
        for raw in inputs:
            t = time.perf_counter()
            SyllableGraph(raw).boundaries()
            times.append((time.perf_counter() - t) * 1000)
        print(f"syllable graph [{name}]: {len(inputs)} inputs, {_spread(times, 3)}")


def bench_analyzer_close() -> None:
    """`AnalyzerProcess.close()` with a long analysis running in the child: how long until the
    request in flight has ended (the app closes its window on it)."""
    from core import paths
    from core.analysis import AnalyzerConfig
    from core.analysis.process import AnalysisProcessError, AnalyzerProcess

    model = paths.shipped_models_dir() / "sentiment-default"
    proc = AnalyzerProcess(AnalyzerConfig(model=str(model)))
    try:
        proc.analyze("很好")  # the child is up and its model loaded
    except Exception as exc:  # a benchmark prints, never fails
        print(f"analysis process not usable: {exc}")
        proc.close()
        return
    ended: list[str] = []

    def long_request() -> None:
        try:
            proc.analyze("房间很好。" * 20000)
            ended.append("finished")
        except AnalysisProcessError:
            ended.append("stopped")

    worker = threading.Thread(target=long_request)
    worker.start()
    time.sleep(0.5)
    t = time.perf_counter()
    proc.close()
    worker.join()
    print(f"analysis process close with a request in flight: "
          f"{(time.perf_counter() - t) * 1000:.0f} ms (request {ended[0] if ended else '?'})")


def bench_commit_context(lex, path: Path | None, n: int = 200) -> None:
    """What a commit costs now that it reads the committed text (`ImeEngine.commit`: the
    cache model's words and the strings the lexicon lacks): the first `n` clauses of the
    text typed and committed in turn into one engine, as in a document. Typed twice: as it
    is, then with what the warm-up built frozen out of the garbage collector, as the app
    does (`gc.freeze()`); the full collections that fell in each run are timed."""
    import gc
    import re

    from core.engine import ImeEngine

    text = path.read_text(encoding="utf-8") if path and path.exists() else BUILTIN
    queries = [to_pinyin(c) for c in re.findall(r"[\u4e00-\u9fff]{2,}", text)[:n]]
    full: list[float] = []
    started: list[float] = []

    def timer(phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started[:] = [time.perf_counter()]
            elif started:
                full.append((time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(timer)
    try:
        for frozen in (False, True):
            engine = ImeEngine(system_lexicon=lex)
            engine.warm_up()
            if frozen:
                gc.freeze()
            full.clear()
            times = []
            for query in queries:
                engine.type(query)
                engine.all_candidates()
                t = time.perf_counter()
                engine.commit()
                times.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            gc.collect()
            last = (time.perf_counter() - t) * 1000
            gc.unfreeze()
            print(f"commit (committed text read for the cache and new words"
                  f"{', warm-up frozen' if frozen else ''}): {len(times)} commits, "
                  f"{_spread(times)}; {len(full)} full collections while typing"
                  f"{f' (max {max(full):.0f} ms)' if full else ''}, one at the end {last:.1f} ms")
    finally:
        gc.callbacks.remove(timer)


def learn_lexicon_words(lex, user, n_words: int, seed: int = 0) -> None:
    """Learn `n_words` lexicon words of two or more syllables, drawn at random (seeded), into
    the user lexicon `user`: a dictionary after long use."""
    import random

    rng, learned = random.Random(seed), 0
    while learned < n_words:
        entry = rng.randrange(len(lex.ent_word))
        syllables = lex.syllables(entry)
        if len(syllables) > 1:
            learned += user.learn(lex.text(entry), syllables)


def bench_user_words(lex, scorer, queries: list[str], n_words: int = 3000) -> None:
    """Keystroke -> candidates with a user dictionary of `n_words` learned words (a year of
    typing), in one engine that commits each clause as context, as the app does."""
    import tempfile

    from core.engine import ImeEngine
    from core.lexicon.user import UserLexicon

    with tempfile.TemporaryDirectory() as tmp:
        user = UserLexicon(Path(tmp) / "user.sqlite")
        try:
            learn_lexicon_words(lex, user, n_words)
            user.flush()
            user.close()
            user = UserLexicon(Path(tmp) / "user.sqlite")   # as the app finds it at start
            t = time.perf_counter()
            user.warm_up()   # the app builds the index in its background warm-up
            index_ms = (time.perf_counter() - t) * 1000
            engine = ImeEngine(system_lexicon=lex, scorer=scorer, user_lexicon=user)
            times: list[float] = []
            commits: list[float] = []
            for q in queries:
                for ch in q:
                    t = time.perf_counter()
                    engine.type(ch)
                    engine.all_candidates()
                    times.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                engine.commit()   # learns the clause's words into the user lexicon
                commits.append((time.perf_counter() - t) * 1000)
            stored = len(user)
        finally:
            user.close()
    print(f"keystroke -> candidates [{stored:,} user words ({n_words:,} learned), clauses committed "
          f"in turn]: {len(times)} keystrokes: {_spread(times)}; commit {_spread(commits)}; "
          f"user index built in {index_ms:.0f} ms (off the keystroke)")


def bench_adapted(lex, queries: list[str], adapted: Path) -> None:
    """Keystroke -> candidates of the shipped model against an adapted model folder (its domain
    layer and model), int8, the two engines interleaved clause by clause so that the machine's
    load falls on both alike."""
    from core import paths
    from core.engine import ImeEngine
    from core.inference.p2c_scorer import load_p2c_scorer
    from core.lexicon.domain import load_model_domain

    try:
        shipped = load_p2c_scorer(paths.shipped_models_dir() / "p2c-default", int8=True,
                                  prefer_cuda=False)
        domain = load_model_domain(adapted, system=lex)
        scorer = load_p2c_scorer(adapted, int8=True, prefer_cuda=False)
    except Exception as exc:  # a benchmark prints, never fails
        print(f"adapted model {adapted} not usable: {exc}")
        return
    if domain is not None:
        domain.warm_up()
    engines = {"shipped": (lex, shipped), f"adapted {adapted.name}": (domain or lex, scorer)}
    times: dict[str, list[float]] = {name: [] for name in engines}
    for q in queries:
        for name, (lexicon, sc) in engines.items():
            engine = ImeEngine(system_lexicon=lexicon, scorer=sc)
            for ch in q:
                t = time.perf_counter()
                engine.type(ch)
                engine.all_candidates()
                times[name].append((time.perf_counter() - t) * 1000)
    for name, t in times.items():
        print(f"keystroke -> candidates [{name}, int8, interleaved]: {len(t)} keystrokes: {_spread(t)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--input", type=Path, default=Path("../shared/data/p2c/dev.txt"))
    ap.add_argument("--clauses", type=int, default=200)
    ap.add_argument("--adapted", type=Path, default=None,
                    help="also compare keystroke latency of this adapted model folder "
                         "(yinzi-train adapt) with the shipped model, interleaved")
    ap.add_argument("--user-words", type=int, default=3000,
                    help="learn this many lexicon words into a user dictionary for the user-word "
                         "run (default 3,000: a year of typing; 100,000: a heavy user)")
    args = ap.parse_args(argv)

    code = ("import time; t=time.perf_counter(); from core.lexicon.system import SystemLexicon; "
            "SystemLexicon.default(); print(time.perf_counter()-t)")
    loads = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(3)]
    print(f"lexicon load (fresh process, import included): best {min(loads) * 1000:.0f} ms, "
          f"median {statistics.median(loads) * 1000:.0f} ms")

    from core import paths
    from core.engine import ImeEngine
    from core.lexicon.system import SystemLexicon

    lex = SystemLexicon.default()
    t = time.perf_counter()
    lex.warm_up()  # the app does this in the background at start-up
    print(f"lexicon warm-up (in-memory tables, off the first keystroke): "
          f"{(time.perf_counter() - t) * 1000:.0f} ms")
    clauses = _clauses(args.input, args.clauses)
    queries = [to_pinyin(c) for c in clauses]
    bench_graph(queries)
    bench_commit_context(lex, args.input)
    scorers: list[tuple[str, object]] = [("n-gram", None)]
    model = paths.shipped_models_dir() / "p2c-default"
    if (model / "manifest.json").exists():
        from core.inference.p2c_scorer import load_p2c_scorer

        for int8 in (False, True):
            try:
                scorers.append((f"neural {'int8' if int8 else 'fp32'}",
                                load_p2c_scorer(model, int8=int8, prefer_cuda=False)))
            except Exception as exc:  # report and go on: a benchmark prints, never fails
                print(f"model {model} ({'int8' if int8 else 'fp32'}) not loadable: {exc}")
    for name, scorer in scorers:
        times: list[float] = []
        for q in queries:
            engine = ImeEngine(system_lexicon=lex, scorer=scorer)  # type: ignore[arg-type]
            for ch in q:
                t = time.perf_counter()
                engine.type(ch)
                engine.all_candidates()
                times.append((time.perf_counter() - t) * 1000)
        print(f"keystroke -> candidates [{name}]: {len(times)} keystrokes over {len(queries)} "
              f"clauses: {_spread(times)}")
    bench_user_words(lex, scorers[-1][1], queries, args.user_words)
    if args.adapted is not None:
        bench_adapted(lex, queries, args.adapted)
    bench_analyzer_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
