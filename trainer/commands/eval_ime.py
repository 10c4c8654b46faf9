"""`yinzi-train eval-ime`: DESIGN.md's conversion protocol on a text file, as a printed table."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval-ime", help="evaluate pinyin-to-hanzi conversion on a UTF-8 text file",
        description="Char accuracy, clause exact, top-5, abbreviation top-1/top-5 and keystroke "
                    "latency (p50/p95/max) of the engine, per DESIGN.md's protocol.")
    p.add_argument("--input", type=Path, required=True, help="UTF-8 text; clauses are Han runs")
    p.add_argument("--model", type=Path, default=None,
                   help="a model folder (e.g. resources/models/p2c-default): rescore with it; "
                        "without it the lexicon decoder runs alone")
    p.add_argument("--int8", action="store_true", help="use the model's int8 ONNX file")
    p.add_argument("--model-weight", type=float, default=None,
                   help="weight of the model's log-probability against the lexicon score")
    p.add_argument("--context-weight", type=float, default=None,
                   help="weight of what the committed context adds to the model's score "
                        "(default: the model's rescore_context_weight, else the model weight)")
    p.add_argument("--limit", type=int, default=None, help="first N clauses only")
    p.add_argument("--abbr-words", type=int, default=400, help="abbreviation words sampled")
    p.add_argument("--latency-clauses", type=int, default=300,
                   help="clauses typed letter by letter for the latency figures")
    p.add_argument("--workers", type=int, default=1,
                   help="processes scoring the clauses in parallel (latency is always measured "
                        "in one process)")
    p.add_argument("--context", action="store_true",
                   help="also run the context protocol: each line's clauses typed in order, "
                        "the line's text before a clause committed first")
    p.add_argument("--context-only", action="store_true",
                   help="run the context protocol only (not the fresh one)")
    p.add_argument("--predictions", action="store_true",
                   help="also score next-word prediction (top-5 at each word boundary) against "
                        "a bigram baseline")
    p.add_argument("--peer", default=None,
                   help="score a peer driver speaking the stdin protocol instead of the engine "
                        "(e.g. '/tmp/peers/build/libime_driver'; fresh protocol, abbreviations)")
    p.add_argument("--sources", type=Path, default=None,
                   help="a source<TAB>line file beside --input (dev_sources.tsv): also print "
                        "char and exact per source, weakest first")
    p.add_argument("--only-sources", default=None,
                   help="comma-separated sources of --sources: evaluate only their lines (e.g. "
                        "the colloquial ones; the abbreviation words are then sampled from them)")
    p.add_argument("--json", type=Path, default=None, help="also write the report here")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from core.engine import ImeEngine, prediction
    from core.lexicon.system import SystemLexicon
    from trainer.evaluation.ime import (
        ABBR_FIELDS,
        evaluate,
        format_table,
        item_sources,
        per_source,
        read_items,
        score_items,
    )

    if not args.input.exists():
        print(f"no such file: {args.input}", file=sys.stderr)
        return 2
    items = read_items(args.input, args.limit)
    labels = None
    if args.only_sources:
        if args.sources is None:
            print("--only-sources needs --sources", file=sys.stderr)
            return 2
        wanted = {s.strip() for s in args.only_sources.split(",") if s.strip()}
        labels = item_sources(args.input, args.sources, args.limit)
        unknown = wanted - set(labels)
        if unknown:
            print(f"no such source in {args.sources}: {', '.join(sorted(unknown))}",
                  file=sys.stderr)
            return 2
        keep = [k for k, lab in enumerate(labels) if lab in wanted]
        items, labels = [items[k] for k in keep], [labels[k] for k in keep]
    clauses = [c for _, c in items]
    if not clauses:
        print(f"{args.input}: no Han clauses of 2+ characters", file=sys.stderr)
        return 2
    if args.peer:
        from trainer.evaluation.ime import StdinPeer

        peer = StdinPeer(args.peer)
        peer_outcomes: list = []

        def peer_scored(work: list):
            return score_items([("", c) for c in work], lambda q, _ctx: peer(q), None,
                               peer_outcomes)
        try:
            rep = evaluate(args.peer.split()[0].rsplit("/", 1)[-1], clauses, peer,
                           abbr_words=args.abbr_words, parallel=peer_scored)
        finally:
            peer.close()
        print(format_table([rep]))
        if args.sources is not None:
            print("per source (fresh), weakest first:")
            for src, n, char, exact in per_source(
                    peer_outcomes, labels or item_sources(args.input, args.sources, args.limit)):
                print(f"  {src:<34} {n:>6}  {char:6.2f}  {exact:6.2f}")
        if args.json:
            args.json.write_text(json.dumps(rep.as_dict(), ensure_ascii=False, indent=1))
        return 0
    lex = SystemLexicon.default()
    scorer = None
    name = "yinzi n-gram"
    if args.model is not None:
        from core.inference.p2c_scorer import load_p2c_scorer

        scorer = load_p2c_scorer(args.model, int8=args.int8, prefer_cuda=True)
        name = f"yinzi neural {'int8' if args.int8 else 'fp32'}"
    kwargs = _weights(args.model_weight, args.context_weight)
    engine = ImeEngine(system_lexicon=lex, scorer=scorer, **kwargs)

    def convert(query: str, context: str = "") -> list[str]:
        engine.reset()
        engine.set_context(context)
        engine.type(query)
        return [c.text for c in engine.sentences(5)]

    def predict(left: str) -> list[str]:
        engine.reset()
        engine.set_context(left)
        return [c.text for c in engine.predictions(5)]

    def predict_bigram(left: str) -> list[str]:
        _, last = prediction.left_words(lex, left)
        return [lex.words[w] for w, _ in prediction.predict_next(lex, -1, last, 5, order=2)]

    def typer():
        fresh = ImeEngine(system_lexicon=lex, scorer=scorer, **kwargs)

        def press(ch: str) -> None:
            fresh.type(ch)
            fresh.all_candidates()

        return press

    def progress(done: int, total: int) -> None:
        if done % 200 == 0 or done == total:
            print(f"\r  {done}/{total} clauses", end="", file=sys.stderr, flush=True)

    parallel = None
    if args.workers > 1:
        def parallel(work: list):
            import multiprocessing as mp

            # Contiguous chunks: the context protocol keeps each line's clauses together.
            size = -(-len(work) // args.workers)
            chunks = [work[k:k + size] for k in range(0, len(work), size)]
            ctx = mp.get_context("spawn")
            with ctx.Pool(args.workers) as pool:
                parts = pool.starmap(_score_chunk, [(c, str(args.model) if args.model else None,
                                                     args.int8, args.model_weight,
                                                     args.context_weight)
                                                    for c in chunks])
            outcomes.append([o for p in parts for o in p[5]])
            return (sum(p[0] for p in parts), sum(p[1] for p in parts),
                    sum(p[2] for p in parts), sum(p[3] for p in parts),
                    [e for p in parts for e in p[4]][:200])

    outcomes: list[list] = []   # per protocol, per clause (the parallel scorer fills it)
    if args.workers <= 1:
        def parallel(work: list):
            out: list = []
            got = score_items([w if isinstance(w, tuple) else ("", w) for w in work], convert,
                              progress, out)
            outcomes.append(out)
            return got

    reports = []
    preds = (predict, predict_bigram) if args.predictions else None
    abbr_words = args.abbr_words
    if not args.context_only:
        reports.append(evaluate(name, clauses, convert, typer=typer, abbr_words=abbr_words,
                                latency_clauses=args.latency_clauses, progress=progress,
                                parallel=parallel, predictors=preds))
        preds = None
        abbr_words = 0      # initials are typed into a fresh engine: the same in both protocols
    if args.context or args.context_only:
        print(file=sys.stderr)
        reports.append(evaluate(name, clauses, convert, typer=None, abbr_words=abbr_words,
                                progress=progress, parallel=parallel, items=items,
                                predictors=preds))
        if not abbr_words:
            for f in ABBR_FIELDS:
                setattr(reports[-1], f, getattr(reports[0], f))
    rep = reports[0]
    print(file=sys.stderr)
    if scorer is not None and engine.scorer is None:
        # The engine drops a model that fails (typing must go on); a figure measured partly
        # without it must not be reported under the model's name.
        print(f"{args.model}: the model failed during the evaluation (see the log above); "
              f"no figures reported", file=sys.stderr)
        return 1
    print(f"{args.input}: lexicon loaded in {lex.load_seconds * 1000:.0f} ms; "
          f"decoder {engine.decoder_name}")
    print(format_table(reports))
    if args.sources is not None:
        labels = labels or item_sources(args.input, args.sources, args.limit)
        for r, out in zip(reports, outcomes):
            print(f"per source ({r.protocol}), weakest first:")
            for src, n, char, exact in per_source(out, labels):
                print(f"  {src:<34} {n:>6}  {char:6.2f}  {exact:6.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = rep.as_dict() if len(reports) == 1 else \
            {r.protocol: r.as_dict() for r in reports}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    return 0


def _weights(model_weight: float | None, context_weight: float | None) -> dict[str, float]:
    """The engine's keyword arguments for the weights given on the command line."""
    given = {"model_weight": model_weight, "context_weight": context_weight}
    return {k: v for k, v in given.items() if v is not None}


def _score_chunk(work: list, model: str | None, int8: bool, model_weight: float | None,
                 context_weight: float | None = None):
    """Worker: a fresh engine (and model session) scoring its share of the clauses, or of the
    (context, clause) items of the context protocol."""
    from core.engine import ImeEngine
    from trainer.evaluation.ime import score_items

    scorer = None
    if model:
        from core.inference.p2c_scorer import load_p2c_scorer

        scorer = load_p2c_scorer(Path(model), int8=int8, prefer_cuda=False)
    kwargs = _weights(model_weight, context_weight)
    engine = ImeEngine(scorer=scorer, **kwargs)

    def convert(query: str, context: str) -> list[str]:
        engine.reset()
        engine.set_context(context)
        engine.type(query)
        return [c.text for c in engine.sentences(5)]

    items = [w if isinstance(w, tuple) else ("", w) for w in work]
    outcomes: list = []
    result = score_items(items, convert, outcomes=outcomes)
    if scorer is not None and engine.scorer is None:
        raise RuntimeError(f"{model}: the model failed during the evaluation (see the log)")
    return (*result, outcomes)
