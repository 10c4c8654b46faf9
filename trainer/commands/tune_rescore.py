"""`yinzi-train tune-rescore`: pick the model's rescoring mode and weight, 2-fold on a dev file."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_WEIGHTS = (0.03, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5)
CONTEXT_WEIGHTS = (0.15, 0.3, 0.45, 0.6, 0.8, 1.0)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "tune-rescore", help="choose the rescoring mode and weight of a p2c model on a dev file",
        description="Scores the lexicon decoder's N-best sentences of every clause with the model "
                    "(masked and agreement modes), then searches the weight 2-fold: tuned on even "
                    "clauses and reported on odd ones, and the other way round. Write the result "
                    "into the model's manifest with --write.")
    p.add_argument("--input", type=Path, required=True, help="UTF-8 dev text (never a training file)")
    p.add_argument("--model", type=Path, required=True, help="p2c model folder")
    p.add_argument("--int8", action="store_true", help="score with the int8 ONNX file")
    p.add_argument("--nbest", type=int, default=5, help="sentences rescored per clause (the engine uses 5)")
    p.add_argument("--limit", type=int, default=None, help="first N clauses only")
    p.add_argument("--weights", type=float, nargs="+", default=None,
                   help=f"weights searched (default {' '.join(map(str, DEFAULT_WEIGHTS))}; with "
                        f"--context {' '.join(map(str, CONTEXT_WEIGHTS))})")
    p.add_argument("--context", action="store_true",
                   help="tune the weight of what the committed context adds to the model's score "
                        "instead (rescore_context_weight): each clause typed after its line's text "
                        "before it, as eval-ime's context protocol does; the manifest's mode and "
                        "weight are kept")
    p.add_argument("--json", type=Path, default=None, help="also write the folds and the cross-validated figure here")
    p.add_argument("--write", action="store_true",
                   help="store rescore_mode/rescore_weight in the manifest when both folds agree on the "
                        "mode (with --context: rescore_context_weight, when it gains on the held-out halves)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import core.engine  # noqa: F401 - loads the engine package before the decoder (import order)
    from core.decoding.decoder import BOS_ID, LexiconDecoder
    from core.decoding.scorer import Path as ScoredPath
    from core.inference.p2c_scorer import load_p2c_scorer, read_manifest
    from core.inference.session import ModelLoadError
    from core.lexicon.system import SystemLexicon
    from trainer.evaluation.ime import query_of, read_clauses
    from trainer.evaluation.rescore_tuning import collect, cross_validated, two_fold

    if not args.input.exists():
        print(f"no such file: {args.input}", file=sys.stderr)
        return 2
    try:
        scorer = load_p2c_scorer(args.model, int8=args.int8, prefer_cuda=False)
    except ModelLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.context:
        return _run_context(args, scorer)
    weights = args.weights or list(DEFAULT_WEIGHTS)
    clauses = read_clauses(args.input, args.limit)
    decoder = LexiconDecoder(SystemLexicon.default())

    def decode(ref: str) -> list:
        return decoder.decode(query_of(ref), nbest=args.nbest, history=BOS_ID)[0]

    def score(mode: str, sents: list) -> list[float]:
        scorer.rescore_mode = mode
        return scorer.score("", [ScoredPath(s.text, s.syllables) for s in sents])

    items = collect(clauses, decode, score,
                    progress=lambda n: print(f"  {n:,} / {len(clauses):,} clauses", file=sys.stderr, flush=True))
    folds = two_fold(items, weights)
    for f in folds:
        print(f"tuned on {f.tuned_on}: {f.mode} at {f.weight:g} ({f.tuned[0]:.2f} / {f.tuned[1]:.2f}); "
              f"held-out half: lexicon alone {f.held_out_lexicon[0]:.2f} / {f.held_out_lexicon[1]:.2f}, "
              f"with the model {f.held_out_model[0]:.2f} / {f.held_out_model[1]:.2f}  (char % / exact %)")
    cv = cross_validated(items, folds)
    print(f"cross-validated, all {len(items):,} clauses (each half with the other half's setting): "
          f"lexicon alone {cv['lexicon'][0]:.2f} / {cv['lexicon'][1]:.2f}, with the model "
          f"{cv['model'][0]:.2f} / {cv['model'][1]:.2f}  (char % / exact %; report this, not "
          "eval-ime at the written weight on the same file)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "input": str(args.input), "model": str(args.model), "int8": args.int8,
            "clauses": len(items),
            "folds": [vars(f) for f in folds],
            "cross_validated": cv,
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write:
        if folds[0].mode != folds[1].mode:
            print("the folds disagree on the mode: manifest left as it is", file=sys.stderr)
            return 1
        path = args.model / "manifest.json"
        manifest = read_manifest(args.model)
        manifest["rescore_mode"] = folds[0].mode
        manifest["rescore_weight"] = round(sum(f.weight for f in folds) / 2, 4)
        _write_manifest(path, manifest)
        print(f"wrote rescore_mode {manifest['rescore_mode']}, rescore_weight {manifest['rescore_weight']} to {path}")
    return 0


def _write_manifest(path: Path, manifest: dict) -> None:
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)  # atomic: the app never reads half a manifest


def _run_context(args: argparse.Namespace, scorer) -> int:
    """--context: the weight of the context's part of the model score, 2-fold."""
    import numpy as np

    from core.decoding.scorer import Path as ScoredPath
    from core.engine import ImeEngine
    from core.inference.p2c_scorer import read_manifest
    from trainer.evaluation.ime import HAN_RUN, items_of, query_of
    from trainer.evaluation.rescore_tuning import (
        ContextScored,
        cross_validated_context,
        two_fold_context,
    )

    weights = args.weights or list(CONTEXT_WEIGHTS)
    lines = args.input.read_text(encoding="utf-8").splitlines()
    # Only clauses with text before them: a clause without context is scored the same at
    # any context weight.
    items = [(c, r) for c, r in items_of(lines) if HAN_RUN.search(c)][:args.limit]
    engine = ImeEngine(scorer=scorer)
    weight = engine.model_weight
    scored: list[ContextScored] = []
    for k, (context, ref) in enumerate(items):
        engine.reset()
        engine.set_context(context)
        engine.type(query_of(ref))
        sents = engine.lexicon_sentences(args.nbest)
        paths = [ScoredPath(s.text, s.syllables) for s in sents]
        many = len(paths) > 1
        with_context = scorer.score(engine.context, paths) if many else [0.0] * len(paths)
        alone = scorer.score("", paths) if many else [0.0] * len(paths)
        scored.append(ContextScored(ref, [s.text for s in sents],
                                    np.array([s.score for s in sents], dtype=np.float64),
                                    np.array(with_context, dtype=np.float64),
                                    np.array(alone, dtype=np.float64)))
        if (k + 1) % 500 == 0:
            print(f"  {k + 1:,} / {len(items):,} clauses", file=sys.stderr, flush=True)
    folds = two_fold_context(scored, scorer.rescore_mode, weight, weights)
    for f in folds:
        print(f"tuned on {f.tuned_on}: context weight {f.weight:g} ({f.tuned[0]:.2f} / {f.tuned[1]:.2f}); "
              f"held-out half: one weight ({weight:g}) {f.held_out_lexicon[0]:.2f} / "
              f"{f.held_out_lexicon[1]:.2f}, context weight {f.held_out_model[0]:.2f} / "
              f"{f.held_out_model[1]:.2f}  (char % / exact %)")
    cv = cross_validated_context(scored, folds, weight)
    print(f"cross-validated, {len(scored):,} clauses with text before them: one weight "
          f"{cv['one weight'][0]:.2f} / {cv['one weight'][1]:.2f}, context weight "
          f"{cv['context weight'][0]:.2f} / {cv['context weight'][1]:.2f}  (char % / exact %)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "input": str(args.input), "model": str(args.model), "int8": args.int8,
            "context": True, "clauses": len(scored), "mode": scorer.rescore_mode, "weight": weight,
            "folds": [vars(f) for f in folds], "cross_validated": cv,
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write:
        if cv["context weight"][1] <= cv["one weight"][1]:
            print("a context weight of its own does not gain on the held-out halves: manifest "
                  "left as it is", file=sys.stderr)
            return 1
        path = args.model / "manifest.json"
        manifest = read_manifest(args.model)
        manifest["rescore_context_weight"] = round(sum(f.weight for f in folds) / 2, 4)
        _write_manifest(path, manifest)
        print(f"wrote rescore_context_weight {manifest['rescore_context_weight']} to {path}")
    return 0
