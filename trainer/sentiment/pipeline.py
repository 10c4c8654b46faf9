"""finetune-sentiment end to end: data -> encode -> fine-tune the backbone -> evaluate -> export.

Each stage can stop early or start late, so a run can be split across machines:
`--save-encoded DIR` writes the encoded sets and the backbone weights (no pypinyin needed
after that), `--encoded DIR` trains from them, `--save-state F` keeps the trained weights,
and `--from-state F` exports and evaluates weights trained elsewhere.
"""
from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch

from core.analysis.features import FeatureConfig, encode, wide_input_ids
from core.model.spec import ModelSpec, Vocab
from trainer.sentiment.data import (
    CLASS_NAMES,
    DataError,
    Example,
    LoadReport,
    check_class_sizes,
    check_classes,
    check_held_out_classes,
    load_labelled,
    remove_overlap,
    stratified_split,
)
from trainer.sentiment.metrics import Metrics, compute_metrics
from trainer.sentiment.model import SentimentNet
from trainer.sentiment.train import (
    Callback,
    EncodedSet,
    FinetuneConfig,
    FinetuneResult,
    finetune,
    predict_proba,
    refit_wide,
)

Log = Callable[[str], None]


@dataclass
class FinetuneOptions:
    train: list[str] = field(default_factory=list)   # labelled files, concatenated
    train_weights: list[float] = field(default_factory=list)  # loss weight per train file (default 1)
    dev: str | None = None          # dev file; None = a stratified split of train
    tests: list[str] = field(default_factory=list)   # files evaluated at the end (never trained on)
    text_column: str = "text"
    label_column: str = "label"
    dev_fraction: float = 0.1
    backbone: str | None = None     # pretrained model folder or *.pt; None = random init (ablation)
    vocab: str | None = None        # only with backbone None
    out: str = "runs/sentiment"
    name: str = "sentiment"
    max_len: int = 128
    encoded: str | None = None      # train from a --save-encoded folder
    save_encoded: str | None = None
    from_state: str | None = None   # skip training: these weights (*.pt, or an exported model folder)
    refit_wide: bool = False        # with from_state: fit the wide path again on this run's features
    save_state: str | None = None
    export: bool = True
    encode_only: bool = False       # stop after --save-encoded (prepare a run for another machine)
    wide_buckets: int = 0           # hashed TF-IDF logistic-regression path over char n-grams (0 = off)
    wide_max: int = 2               # the wide path reads 1..wide_max-grams
    word_buckets: int = 0           # the wide path also reads hashed jieba word n-grams (0 = off)
    word_max: int = 2               # ... 1..word_max words in a row
    wide_chars: int = 1024          # characters the wide path reads, head and tail (0: the encoder's 126)
    lexicon: str = ""               # polar-word lexicon whose cue tokens the wide path reads ("" = none)
    lexicon_repeat: int = 1         # each cue token counts this many times in the wide path
    train_config: FinetuneConfig = field(default_factory=FinetuneConfig)


@dataclass
class Data:
    """The encoded sets of a run and what the report says about where they came from."""
    classes: list[str]
    features: FeatureConfig
    train: EncodedSet
    dev: EncodedSet
    tests: dict[str, EncodedSet]
    test_texts: dict[str, list[str]]  # for the ONNX check through the app's classifier
    dev_texts: list[str]
    notes: dict
    backbone_name: str | None


def run(opts: FinetuneOptions, *, log: Log = print, callbacks: Sequence[Callback] = ()) -> dict:
    """The whole pipeline; returns the report dict (also written as report.json)."""
    _check_options(opts)
    out = Path(opts.out)
    out.mkdir(parents=True, exist_ok=True)
    spec, encoder_state, vocab, vocab_path = load_backbone(opts)
    data = _load_encoded(opts, encoder_state) if opts.encoded else _load_and_encode(opts, spec, vocab, log)
    if opts.save_encoded:
        _save_encoded(Path(opts.save_encoded), data, spec, encoder_state, vocab_path)
        log(f"encoded sets and backbone written to {opts.save_encoded}")
        if opts.encode_only:
            return {"encoded": opts.save_encoded, "train": len(data.train), "dev": len(data.dev)}

    torch.manual_seed(opts.train_config.seed)  # the head's init: same seed, same run
    result: FinetuneResult | None = None
    if opts.from_state:
        net = _load_state(opts, data, vocab, log)
        if opts.refit_wide:
            best = refit_wide(net, data.train, data.dev, opts.train_config, callbacks=callbacks)
            log(f"wide path fitted again on this run's features; dev acc {best['accuracy']:.4f} "
                f"macro-F1 {best['macro_f1']:.4f}")
    else:
        net = SentimentNet(spec, len(data.classes), wide_buckets=data.features.char_buckets if opts.wide_buckets else 0,
                           word_buckets=data.features.word_buckets, blend=opts.train_config.blend)
        if encoder_state is not None:
            net.encoder.load_state_dict(encoder_state)
        result = finetune(net, data.train, data.dev, opts.train_config, callbacks=callbacks)
        log(f"fine-tuned {result.steps} steps in {result.seconds / 60:.1f} min on {result.device}, "
            f"{result.tokens_per_s:,.0f} tokens/s; best dev at step {result.best_step}: "
            f"acc {result.best_dev['accuracy']:.4f} macro-F1 {result.best_dev['macro_f1']:.4f}")
    net = net.cpu().eval()
    if opts.save_state:
        torch.save({"model": net.state_dict(), "spec": net.spec.to_dict(), "classes": data.classes,
                    "net": net.config()}, opts.save_state)

    results = _evaluate(net, data, log)
    report = _report(opts, net, data, result, results)
    if opts.export:
        _export(net, out / "model", opts, data, vocab_path, results, report, log)
    _write_report(out, report, results, exported=opts.export, log=log)
    return report


# -- checks and inputs ---------------------------------------------------------------------
def _check_options(opts: FinetuneOptions) -> None:
    if opts.train_config.blend and not (opts.wide_buckets or opts.from_state):
        raise DataError("--blend needs --wide-buckets (it weighs the encoder beside the wide path)")
    if opts.word_buckets and not opts.wide_buckets:
        raise DataError("--word-buckets needs --wide-buckets (word n-grams feed the wide path)")
    if opts.lexicon and not (opts.word_buckets and opts.wide_buckets):
        raise DataError("--lexicon needs the wide path's word n-grams (--word-buckets)")
    if opts.lexicon and not Path(opts.lexicon).is_file():
        raise DataError(f"lexicon {opts.lexicon} not found")
    out = Path(opts.out)
    if out.exists() and not out.is_dir():
        raise DataError(f"--out {out} is a file; give a folder for the run's outputs")
    if not opts.train and not opts.encoded:
        raise DataError("no training file given")
    if opts.refit_wide and not (opts.from_state and opts.wide_buckets):
        raise DataError("--refit-wide needs --from-state and the wide path (--wide-buckets)")


def feature_config(opts: FinetuneOptions, spec: ModelSpec) -> FeatureConfig:
    """What core.analysis.features computes for this run (the manifest carries it to the app)."""
    return FeatureConfig(max_len=min(opts.max_len, spec.max_len), word_buckets=opts.word_buckets,
                         word_max=opts.word_max, char_buckets=opts.wide_buckets, char_max=opts.wide_max,
                         wide_chars=opts.wide_chars if opts.wide_buckets else 0, lexicon=opts.lexicon,
                         lexicon_repeat=opts.lexicon_repeat if opts.lexicon else 1)


def _encode(examples: Sequence[Example], vocab: Vocab, features: FeatureConfig) -> EncodedSet:
    words = [wide_input_ids(e.text, features) for e in examples] if features.reads_ids else None
    weights = [e.weight for e in examples]
    return EncodedSet.from_pairs([encode(e.text, vocab, features) for e in examples],
                                 [e.label for e in examples], words=words,
                                 weights=None if all(w == 1.0 for w in weights) else weights)


def load_backbone(opts: FinetuneOptions) -> tuple[ModelSpec, dict | None, Vocab, Path]:
    """Spec, encoder weights (None = random init), vocab and the vocab file's path."""
    if opts.encoded:
        enc = Path(opts.encoded)
        saved = torch.load(enc / "backbone.pt", map_location="cpu", weights_only=True)
        return ModelSpec.from_dict(saved["spec"]), saved.get("encoder"), Vocab.load(enc / "vocab.json"), enc / "vocab.json"
    if opts.backbone:
        from core.model.network import load_pretrained

        path = Path(opts.backbone)
        if not path.exists():
            raise DataError(f"backbone {path} not found (a p2c model folder or a *.pt checkpoint)")
        model, vocab = load_pretrained(path)
        # A *.pt checkpoint carries its vocabulary inside; write it out for the export.
        vocab_path = Path(opts.out) / "backbone_vocab.json"
        vocab.hanzi.save(vocab_path)
        return model.spec, model.encoder.state_dict(), vocab, vocab_path
    if not opts.vocab:
        raise DataError("without --backbone, --vocab must name a vocab.json")
    vocab = Vocab.load(opts.vocab)
    spec = ModelSpec(n_pinyin=vocab.pinyin.size, n_hanzi=vocab.hanzi.size, max_len=opts.max_len)
    return spec, None, vocab, Path(opts.vocab)


def _load_files(paths: Sequence[str], opts: FinetuneOptions, log: Log, *, dedupe: bool = True,
                weights: Sequence[float] = ()) -> tuple[list[Example], list[LoadReport]]:
    if weights and len(weights) != len(paths):
        raise DataError(f"{len(weights)} file weights for {len(paths)} training files: give one per file")
    if any(w <= 0 for w in weights):
        raise DataError("file weights must be positive")
    examples: list[Example] = []
    reports = []
    for i, p in enumerate(paths):
        ex, rep = load_labelled(p, text_column=opts.text_column, label_column=opts.label_column,
                                dedupe=dedupe)
        if weights and weights[i] != 1.0:
            ex = [dataclasses.replace(e, weight=float(weights[i])) for e in ex]
            log(f"{p}: loss weight {weights[i]:g}")
        log(rep.summary())
        examples.extend(ex)
        reports.append(rep)
    return examples, reports


def _load_and_encode(opts: FinetuneOptions, spec: ModelSpec, vocab: Vocab, log: Log) -> Data:
    """Read, check and encode the labelled files: train, dev (a file or a split) and tests."""
    t0 = time.monotonic()
    features = feature_config(opts, spec)
    train, reports = _load_files(opts.train, opts, log, weights=opts.train_weights)
    if opts.dev:
        dev, dev_reports = _load_files([opts.dev], opts, log)
        reports += dev_reports
    else:
        train, dev = stratified_split(train, dev_fraction=opts.dev_fraction, seed=opts.train_config.seed)
        log(f"dev: a stratified {opts.dev_fraction:.0%} split of the training data ({len(dev)} rows)")
    test_examples = {Path(p).stem: load_labelled(p, text_column=opts.text_column, label_column=opts.label_column,
                                                 dedupe=False)[0] for p in opts.tests}
    before = len(train)
    train = remove_overlap(train, [*dev, *(e for ex in test_examples.values() for e in ex)])
    if before != len(train):
        log(f"removed {before - len(train)} training rows whose text is in dev/test")
    n_classes = check_classes(train)
    check_class_sizes(train)
    check_held_out_classes(n_classes, {opts.dev or "the dev split": dev,
                                       **{p: test_examples[Path(p).stem] for p in opts.tests}})
    log(f"encoding {len(train)} train and {len(dev)} dev texts (pinyin in context) ...")
    data = Data(
        classes=list(CLASS_NAMES[:n_classes]), features=features,
        train=_encode(train, vocab, features), dev=_encode(dev, vocab, features),
        tests={name: _encode(ex, vocab, features) for name, ex in test_examples.items()},
        test_texts={name: [e.text for e in ex] for name, ex in test_examples.items()},
        dev_texts=[e.text for e in dev],
        notes={"train_files": opts.train, "train_weights": list(opts.train_weights) or None,
               "dev_file": opts.dev, "test_files": opts.tests, "train_rows": len(train), "dev_rows": len(dev),
               "load_reports": [{"path": r.path, "rows": r.rows, "kept": r.kept, "duplicates": r.duplicates,
                                 "conflicts": r.conflicts, "bad": dict(r.bad_counts)} for r in reports]},
        backbone_name=opts.backbone)
    log(f"encoded in {time.monotonic() - t0:.0f}s")
    return data


def _load_encoded(opts: FinetuneOptions, encoder_state: dict | None) -> Data:
    """A --save-encoded folder: its sets, and the feature settings they were hashed with."""
    enc = Path(opts.encoded)
    meta = json.loads((enc / "meta.json").read_text(encoding="utf-8"))
    features = FeatureConfig(**meta["features"])
    if features.reads_ids and not opts.wide_buckets and not opts.from_state:
        # The n-gram ids feed only the wide path; without it the app would be asked for an
        # input the exported graph does not have.
        raise DataError(f"{enc} was encoded with n-gram ids for the wide path: pass --wide-buckets too")
    if opts.wide_buckets and not features.char_buckets and not opts.from_state:
        raise DataError(f"{enc} was encoded for a graph that hashed its own character n-grams, which the "
                        "trainer no longer builds: encode the files again")
    if features.char_buckets and opts.wide_buckets and opts.wide_buckets != features.char_buckets \
            and not opts.from_state:
        raise DataError(f"{enc} hashed character n-grams into {features.char_buckets} buckets: "
                        f"pass --wide-buckets {features.char_buckets}")
    # The encoded folder carries the backbone's weights; its name travels in meta.json.
    backbone = meta.get("backbone") or (str(enc / "backbone.pt") if encoder_state is not None else None)
    tests = {f.stem[len("test_"):]: EncodedSet.load(f) for f in sorted(enc.glob("test_*.npz"))}
    return Data(meta["classes"], features, EncodedSet.load(enc / "train.npz"), EncodedSet.load(enc / "dev.npz"),
                tests, {}, [], meta.get("data", {}), backbone)


def _save_encoded(enc: Path, data: Data, spec: ModelSpec, encoder_state: dict | None, vocab_path: Path) -> None:
    enc.mkdir(parents=True, exist_ok=True)
    data.train.save(enc / "train.npz")
    data.dev.save(enc / "dev.npz")
    for name, ts in data.tests.items():
        ts.save(enc / f"test_{name}.npz")
    torch.save({"spec": spec.to_dict(), "encoder": encoder_state}, enc / "backbone.pt")
    (enc / "vocab.json").write_bytes(vocab_path.read_bytes())
    (enc / "meta.json").write_text(json.dumps({"classes": data.classes, "features": asdict(data.features),
                                               "backbone": data.backbone_name, "data": data.notes},
                                              ensure_ascii=False, indent=2))


def _load_state(opts: FinetuneOptions, data: Data, vocab: Vocab, log: Log) -> SentimentNet:
    """The network of --from-state (a --save-state file, or an exported model folder whose
    weights are read back from its graph), checked against the data's feature settings."""
    features = data.features
    source = Path(opts.from_state)
    if source.is_dir():
        from trainer.sentiment.export import check_state_against_onnx, state_from_model_dir

        state = state_from_model_dir(source)
        own = FeatureConfig(**json.loads((source / "manifest.json").read_text(encoding="utf-8"))["features"])
        if own.lexicon:
            own = dataclasses.replace(own, lexicon=str(source / own.lexicon))
        same = dataclasses.replace(own, lexicon=features.lexicon) == features and bool(own.lexicon) == bool(features.lexicon)
        if not same and not opts.refit_wide:
            raise DataError(f"{source} was trained on other wide-path features than this run's: pass "
                            "--refit-wide to fit its wide path again on them")
        if not data.dev_texts:
            raise DataError("a model folder as --from-state needs the labelled files (not --encoded)")
        sample = _encode([Example(t, 0) for t in data.dev_texts[:16]], vocab, own)
        diff = check_state_against_onnx(state, source / "model.onnx", sample)
        log(f"read the weights of {source} back from its graph (max |torch - ONNX| {diff:.1e})")
    else:
        state = torch.load(source, map_location="cpu", weights_only=True)
    cfg = state.get("net", {})
    if cfg.get("ngram_buckets") or (cfg.get("wide_buckets") and not cfg.get("wide_from_input", True)):
        raise DataError(f"{source} has a character-bigram bag or hashes n-grams inside the graph: "
                        "ablations the trainer no longer builds (docs/RESULTS.md)")
    if int(cfg.get("word_buckets", 0)) != features.word_buckets:
        raise DataError(f"{source} reads {cfg.get('word_buckets', 0)} word buckets but the "
                        f"data was encoded with {features.word_buckets}: pass the same --word-buckets")
    if bool(cfg.get("wide_buckets")) != bool(features.char_buckets):
        raise DataError(f"{source} and the data disagree on the wide path: pass the "
                        "--wide-buckets the model was trained with")
    net = SentimentNet(ModelSpec.from_dict(state["spec"]), int(cfg.get("n_classes", len(state["classes"]))),
                       wide_buckets=int(cfg.get("wide_buckets", 0)), word_buckets=int(cfg.get("word_buckets", 0)),
                       blend=bool(cfg.get("blend")))
    net.load_state_dict(state["model"])
    log(f"loaded fine-tuned weights from {source}")
    return net


# -- evaluation and export -----------------------------------------------------------------
def _evaluate(net: SentimentNet, data: Data, log: Log) -> dict[str, Metrics]:
    results: dict[str, Metrics] = {}
    for name, encoded in {"dev": data.dev, **data.tests}.items():
        probs = predict_proba(net, encoded, device=torch.device("cpu"))
        results[name] = compute_metrics(encoded.labels.tolist(), probs.argmax(1).tolist(), data.classes)
        log(f"{name}: accuracy {results[name].accuracy:.4f}  macro-F1 {results[name].macro_f1:.4f}")
    return results


def _report(opts: FinetuneOptions, net: SentimentNet, data: Data, result: FinetuneResult | None,
            results: dict[str, Metrics]) -> dict:
    return {
        "name": opts.name,
        "classes": data.classes,
        "spec": net.spec.to_dict(),
        "pretrained_backbone": data.backbone_name,
        "net": net.config(),
        "features": asdict(data.features),
        "config": asdict(opts.train_config),
        "data": data.notes,
        "training": None if result is None else {
            "steps": result.steps, "seconds": result.seconds, "tokens_per_s": result.tokens_per_s,
            "device": result.device, "best_step": result.best_step, "best_dev": result.best_dev,
            "stopped_early": result.stopped_early, "history": result.history},
        "torch_metrics": {k: m.to_dict() for k, m in results.items()},
        "blend_scale": float(net.deep_scale) if net.blend else None,
    }


def _export(net: SentimentNet, model_dir: Path, opts: FinetuneOptions, data: Data, vocab_path: Path,
            results: dict[str, Metrics], report: dict, log: Log) -> None:
    """ONNX fp32 + int8 with the manifest, both checked through the classifier the app uses."""
    from core.analysis.classifier import SentimentClassifier
    from trainer.sentiment.card import write_card
    from trainer.sentiment.export import write_model_dir

    manifest = write_model_dir(
        net, model_dir, name=opts.name, classes=data.classes, features=data.features,
        vocab_path=vocab_path, parity_data=data.dev,
        metrics={k: {"accuracy": m.accuracy, "macro_f1": m.macro_f1} for k, m in results.items()},
        provenance={"backbone": data.backbone_name, "data": data.notes},
    )
    report["parity"] = manifest["parity"]
    log(f"exported {model_dir} (fp32 parity {manifest['parity']['fp32_max_abs_diff']:.1e}, "
        f"int8 agreement {manifest['parity']['int8_argmax_agreement']:.3f})")
    onnx_results = {}
    for int8 in (False, True):
        clf = SentimentClassifier(model_dir, int8=int8)
        kind = "int8" if int8 else "fp32"
        for name, texts in data.test_texts.items():
            pred = clf.predict_batched(texts).argmax(1).tolist()
            m = compute_metrics(data.tests[name].labels.tolist(), pred, data.classes)
            onnx_results[f"{name} ({kind})"] = m
            log(f"ONNX {kind} {name}: accuracy {m.accuracy:.4f}  macro-F1 {m.macro_f1:.4f}")
    report["onnx_metrics"] = {k: m.to_dict() for k, m in onnx_results.items()}
    write_card(model_dir / "card.md", report)


def _write_report(out: Path, report: dict, results: dict[str, Metrics], *, exported: bool, log: Log) -> None:
    from trainer.sentiment.report import write_json, write_png

    write_json(out / "report.json", report)
    try:
        write_png(out / "report.png", results=results,
                  history=report["training"]["history"] if report["training"] else [],
                  title=f"{report['name']}: evaluation")
    except ImportError:
        log("matplotlib is missing: report.png not written (pip install matplotlib)")
    if exported:
        for f in ("report.json", "report.png"):
            if (out / f).exists():
                (out / "model" / f).write_bytes((out / f).read_bytes())
    log(f"report: {out / 'report.json'}")
