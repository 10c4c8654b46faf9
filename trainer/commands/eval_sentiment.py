"""`yinzi-train eval-sentiment`: accuracy and macro-F1 on the test files, beside two baselines.

The model runs through the shipped inference path (ONNX Runtime, fp32 and int8); the
baselines (char 1-2-gram TF-IDF + logistic regression trained on the same training files,
and SnowNLP as shipped) run on the same test files. Latency per sentence (batch 1) and batch
throughput are measured on the first test file. Each of our figures is set beside each
baseline's with a paired-bootstrap interval of the gap, so "above the baseline" can be told
apart from which rows the test file happens to hold.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEFAULT_TRAIN = ("chnsenticorp_train.tsv", "onlineshop7_train.tsv", "htl_all_extra_train.tsv")
DEFAULT_TESTS = ("chnsenticorp_test.tsv", "chnsenticorp_test_unseen.tsv")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "eval-sentiment",
        help="sentiment accuracy/macro-F1 on test files beside TF-IDF+LR and SnowNLP",
        description="Evaluate a sentiment model (default: the shipped one) on labelled test files, "
        "fp32 and int8, beside a char 1-2-gram TF-IDF + logistic regression trained on --train and "
        "SnowNLP, with a paired-bootstrap interval of each gap and the model's speed.",
    )
    p.add_argument("--data", default=None,
                   help="folder of the sentiment TSVs (default: ../shared/data/sentiment, from the "
                        "current folder or else from the repository)")
    p.add_argument("--train", nargs="*", help="baseline training files (default: the three *_train.tsv)")
    p.add_argument("--test", nargs="*", help="test files (default: chnsenticorp_test + _unseen)")
    p.add_argument("--model", default=None, help="model folder or name (default: sentiment-default)")
    p.add_argument("--no-baselines", action="store_true")
    p.add_argument("--no-snownlp", action="store_true", help="skip SnowNLP (slow: ~20 ms a text)")
    p.add_argument("--no-speed", action="store_true",
                   help="skip the speed measurement (it reads the whole first test file once more)")
    p.add_argument("--int8-only", action="store_true", help="run the shipped int8 graph only, not fp32")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--json", help="write all figures here")
    p.add_argument("--update-card", action="store_true",
                   help="write the comparison table into the model's card.md")
    p.set_defaults(func=handler)


def _data_folder(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    here = Path("../shared/data/sentiment")
    repo = Path(__file__).resolve().parents[2] / "../shared/data/sentiment"
    return here if here.is_dir() or not repo.is_dir() else repo


def _files(args: argparse.Namespace) -> tuple[list[Path], list[Path]]:
    data = _data_folder(args.data)
    train = [Path(p) for p in args.train] if args.train else [data / f for f in DEFAULT_TRAIN]
    tests = [Path(p) for p in args.test] if args.test else [data / f for f in DEFAULT_TESTS]
    return train, tests


def _latencies(clf, texts: list[str]) -> list[float]:
    times = []
    for t in texts:
        start = time.perf_counter()
        clf.predict_proba([t])
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def measure_speed(clf, texts: list[str]) -> dict:
    """Batch-1 latency (p50/p95) per review and per sentence, and batched sentences per second.

    Timed from raw text (pinyin annotation included) to probabilities.
    """
    from core.analysis.text import split_sentences

    sentences = [s.text for t in texts for s in split_sentences(t)]
    clf.predict_proba(texts[:5])  # warm-up
    per_text = _latencies(clf, texts[:300])
    per_sentence = _latencies(clf, sentences[:300])
    start = time.perf_counter()
    clf.predict_batched(sentences[:3000], batch_size=32)
    rate = min(3000, len(sentences)) / (time.perf_counter() - start)
    start = time.perf_counter()
    clf.predict_batched(texts, batch_size=32)
    text_rate = len(texts) / (time.perf_counter() - start)
    return {"latency_ms_p50": per_text[len(per_text) // 2], "latency_ms_p95": per_text[int(len(per_text) * 0.95)],
            "sentence_latency_ms_p50": per_sentence[len(per_sentence) // 2],
            "sentence_latency_ms_p95": per_sentence[int(len(per_sentence) * 0.95)],
            "batch_sentences_per_s": rate, "batch_texts_per_s": text_rate,
            "mean_chars": sum(map(len, texts)) / len(texts),
            "mean_sentence_chars": sum(map(len, sentences)) / max(1, len(sentences))}


def handler(args: argparse.Namespace) -> int:
    from core.analysis.classifier import ModelLoadError, SentimentClassifier, find_model
    from trainer.sentiment.baselines import SnowNLPBaseline, TfidfLogReg, timed_predict
    from trainer.sentiment.data import CLASS_NAMES, DataError, load_labelled
    from trainer.sentiment.metrics import compute_metrics

    train_files, test_files = _files(args)
    try:
        tests = {p.stem: load_labelled(p, dedupe=False)[0] for p in test_files}
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    results: dict = {"tests": {p.stem: str(p) for p in test_files}, "systems": {}}
    rows: list[tuple[str, str, float, float, float]] = []
    correct: dict[tuple[str, str], list[bool]] = {}   # (system, test file) -> per row
    ours: list[str] = []                               # our systems, fp32 then int8

    def record(system: str, name: str, preds: list[int], labels: list[int], ms: float) -> None:
        correct[(system, name)] = [p == t for p, t in zip(preds, labels, strict=True)]
        # Two classes unless the model or the file has a third (neutral).
        m = compute_metrics(labels, preds, list(CLASS_NAMES[:max(2, 1 + max(labels + preds, default=1))]))
        results["systems"].setdefault(system, {})[name] = {
            "accuracy": m.accuracy, "macro_f1": m.macro_f1, "ms_per_text": ms, "count": m.count}
        rows.append((system, name, m.accuracy, m.macro_f1, ms))

    try:
        model_dir = find_model(args.model)
        for int8 in (True,) if args.int8_only else (False, True):
            clf = SentimentClassifier(model_dir, int8=int8, threads=args.threads)
            ours.append(clf.name)
            for name, ex in tests.items():
                texts = [e.text for e in ex]
                start = time.perf_counter()
                probs = clf.predict_batched(texts)
                ms = (time.perf_counter() - start) * 1000 / len(texts)
                record(clf.name, name, probs.argmax(1).tolist(), [e.label for e in ex], ms)
            if not args.no_speed:
                first = next(iter(tests.values()))
                results["systems"][clf.name]["speed"] = measure_speed(clf, [e.text for e in first])
    except ModelLoadError as exc:
        print(f"warning: {exc}; only the baselines are evaluated", file=sys.stderr)

    if not args.no_baselines:
        try:
            train = []
            for p in train_files:
                train.extend(load_labelled(p)[0])
            baselines = [TfidfLogReg().fit(train)]
            if not args.no_snownlp:
                baselines.append(SnowNLPBaseline())
        except (DataError, RuntimeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        for model in baselines:
            for name, ex in tests.items():
                preds, ms = timed_predict(model, [e.text for e in ex])
                record(model.name, name, preds, [e.label for e in ex], ms)

    print(f"{'system':<38} {'test file':<28} {'acc %':>7} {'mF1 %':>7} {'ms/text':>8}")
    for system, name, acc, f1, ms in rows:
        print(f"{system:<38} {name:<28} {100 * acc:7.2f} {100 * f1:7.2f} {ms:8.2f}")
    results["comparisons"] = compare(correct, ours)
    for c in results["comparisons"]:
        print(f"{c['system']} vs {c['baseline']} on {c['test']}: {c['diff']:+.2f} points, 95% CI "
              f"[{c['low']:+.2f}, {c['high']:+.2f}], ahead in {100 * c['p_a_better']:.1f}% of resamples "
              f"(rows only ours gets right {c['a_only']}, only the baseline {c['b_only']})")
    for system, figures in results["systems"].items():
        if "speed" in figures:
            s = figures["speed"]
            print(f"{system}: one sentence ({s['mean_sentence_chars']:.0f} chars) p50 "
                  f"{s['sentence_latency_ms_p50']:.2f} ms, p95 {s['sentence_latency_ms_p95']:.2f} ms; "
                  f"one review ({s['mean_chars']:.0f} chars) p50 {s['latency_ms_p50']:.2f} ms, p95 "
                  f"{s['latency_ms_p95']:.2f} ms; batched {s['batch_sentences_per_s']:.0f} sentences/s, "
                  f"{s['batch_texts_per_s']:.0f} reviews/s")
    if args.update_card:
        try:
            card = find_model(args.model) / "card.md"
            update_card(card, rows, results)
            print(f"updated {card}")
        except ModelLoadError as exc:
            print(f"warning: card not updated: {exc}", file=sys.stderr)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def compare(correct: dict[tuple[str, str], list[bool]], ours: list[str]) -> list[dict]:
    """Each of our systems against each baseline on each test file: the accuracy difference
    with a paired-bootstrap 95% interval (trainer.sentiment.metrics.paired_bootstrap)."""
    from dataclasses import asdict

    from trainer.sentiment.metrics import paired_bootstrap

    out = []
    for (system, test), mine in correct.items():
        if system not in ours:
            continue
        for (baseline, other_test), theirs in correct.items():
            if baseline in ours or other_test != test:
                continue
            gap = paired_bootstrap(mine, theirs)
            out.append({"system": system, "baseline": baseline, "test": test, **asdict(gap)})
    return out


CARD_BEGIN = "<!-- eval-sentiment:begin -->"
CARD_END = "<!-- eval-sentiment:end -->"


def update_card(card: Path, rows: list[tuple[str, str, float, float, float]], results: dict) -> None:
    """Put the comparison table (between markers) into the card, replacing an older one."""
    lines = [CARD_BEGIN, "## Beside the baselines (`yinzi-train eval-sentiment`)", "",
             "| system | test file | accuracy % | macro-F1 % | ms per text (batched) |", "|---|---|---|---|---|"]
    lines += [f"| {sy} | {name} | {100 * a:.2f} | {100 * f:.2f} | {ms:.2f} |" for sy, name, a, f, ms in rows]
    for system, figures in results["systems"].items():
        if "speed" in figures:
            sp = figures["speed"]
            lines.append("")
            lines.append(f"{system}, 1 thread, raw text to probabilities: one sentence (mean "
                         f"{sp['mean_sentence_chars']:.0f} chars) p50 {sp['sentence_latency_ms_p50']:.2f} ms, "
                         f"p95 {sp['sentence_latency_ms_p95']:.2f} ms; one review (mean {sp['mean_chars']:.0f} "
                         f"chars) p50 {sp['latency_ms_p50']:.2f} ms, p95 {sp['latency_ms_p95']:.2f} ms; "
                         f"batched {sp['batch_sentences_per_s']:.0f} sentences/s, {sp['batch_texts_per_s']:.0f} reviews/s.")
    if results.get("comparisons"):
        lines += ["", "Accuracy gap to each baseline on the same rows, with a paired-bootstrap 95% interval "
                  "(10,000 resamples):", "",
                  "| system | baseline | test file | gap (points) | 95% interval | ahead in |", "|---|---|---|---|---|---|"]
        lines += [f"| {c['system']} | {c['baseline']} | {c['test']} | {c['diff']:+.2f} | "
                  f"[{c['low']:+.2f}, {c['high']:+.2f}] | {100 * c['p_a_better']:.1f}% |"
                  for c in results["comparisons"]]
    lines.append(CARD_END)
    block = "\n".join(lines)
    text = card.read_text(encoding="utf-8") if card.exists() else ""
    if CARD_BEGIN in text and CARD_END in text:
        head, rest = text.split(CARD_BEGIN, 1)
        text = head + block + rest.split(CARD_END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    card.write_text(text, encoding="utf-8")
