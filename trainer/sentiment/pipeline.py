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
    from_state: str | None = None   # skip training: export these weights
    save_state: str | None = None
    export: bool = True
    encode_only: bool = False       # stop after --save-encoded (prepare a run for another machine)
    ngram_buckets: int = 0          # hashed char-bigram bag beside the encoder (0 = off)
    ngram_max: int = 3              # longest hashed n-gram in the bag
    wide_buckets: int = 0           # hashed TF-IDF logistic-regression path (0 = off)
    wide_max: int = 2               # the wide path reads 1..wide_max-grams
    word_buckets: int = 0           # the wide path also reads hashed jieba word n-grams (0 = off)
    word_max: int = 2               # ... 1..word_max words in a row
    wide_chars: int = 1024          # characters the wide path reads, head and tail (0: the encoder's 126)
    lexicon: str = ""               # polar-word lexicon whose cue tokens the wide path reads ("" = none)
    lexicon_repeat: int = 1         # each cue token counts this many times in the wide path
    keep_layers: int | None = None  # use only the backbone's first N blocks (faster inference)
    train_config: FinetuneConfig = field(default_factory=FinetuneConfig)


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


def run(opts: FinetuneOptions, *, log: Log = print, callbacks: Sequence[Callback] = ()) -> dict:
    """The whole pipeline; returns the report dict (also written as report.json)."""
    if opts.train_config.blend and not (opts.wide_buckets or opts.from_state):
        raise DataError("--blend needs --wide-buckets (it weighs the encoder beside the wide path)")
    if opts.word_buckets and not opts.wide_buckets:
        raise DataError("--word-buckets needs --wide-buckets (word n-grams feed the wide path)")
    out = Path(opts.out)
    if out.exists() and not out.is_dir():
        raise DataError(f"--out {out} is a file; give a folder for the run's outputs")
    out.mkdir(parents=True, exist_ok=True)
    spec, encoder_state, vocab, vocab_path = load_backbone(opts)
    wide_chars = opts.wide_chars if opts.wide_buckets else 0
    features = FeatureConfig(max_len=min(opts.max_len, spec.max_len),
                             word_buckets=opts.word_buckets, word_max=opts.word_max,
                             char_buckets=opts.wide_buckets if wide_chars else 0,
                             char_max=opts.wide_max if wide_chars else 2, wide_chars=wide_chars,
                             lexicon=opts.lexicon if wide_chars and opts.word_buckets else "",
                             lexicon_repeat=opts.lexicon_repeat if opts.lexicon else 1)
    if opts.lexicon and not features.lexicon:
        raise DataError("--lexicon needs the wide path's word n-grams (--word-buckets) and --wide-chars")
    if features.lexicon and not Path(features.lexicon).is_file():
        raise DataError(f"lexicon {features.lexicon} not found")
    t0 = time.monotonic()

    # -- data ------------------------------------------------------------------------------
    tests: dict[str, EncodedSet] = {}
    test_texts: dict[str, list[str]] = {}
    data_notes: dict = {}
    if opts.encoded:
        enc = Path(opts.encoded)
        meta = json.loads((enc / "meta.json").read_text(encoding="utf-8"))
        classes = meta["classes"]
        features = FeatureConfig(**meta.get("features", asdict(features)))
        if features.reads_ids and not opts.wide_buckets and not opts.from_state:
            # The n-gram ids feed only the wide path; without it the app would be asked for an
            # input the exported graph does not have.
            raise DataError(f"{enc} was encoded with n-gram ids for the wide path: pass --wide-buckets too")
        if features.char_buckets and opts.wide_buckets and opts.wide_buckets != features.char_buckets \
                and not opts.from_state:
            raise DataError(f"{enc} hashed character n-grams into {features.char_buckets} buckets: "
                            f"pass --wide-buckets {features.char_buckets}")
        train_set, dev_set = EncodedSet.load(enc / "train.npz"), EncodedSet.load(enc / "dev.npz")
        data_notes = meta.get("data", {})
        # The encoded folder carries the backbone's weights; its name travels in meta.json.
        backbone_name = meta.get("backbone") or (str(enc / "backbone.pt") if encoder_state is not None else None)
        for f in sorted(enc.glob("test_*.npz")):
            tests[f.stem[len("test_"):]] = EncodedSet.load(f)
    else:
        backbone_name = opts.backbone
        if not opts.train:
            raise DataError("no training file given")
        train, reports = _load_files(opts.train, opts, log, weights=opts.train_weights)
        if opts.dev:
            dev, dev_reports = _load_files([opts.dev], opts, log)
            reports += dev_reports
        else:
            train, dev = stratified_split(train, dev_fraction=opts.dev_fraction, seed=opts.train_config.seed)
            log(f"dev: a stratified {opts.dev_fraction:.0%} split of the training data ({len(dev)} rows)")
        held_out = list(dev)
        test_examples: dict[str, list[Example]] = {}
        for p in opts.tests:
            ex, _ = load_labelled(p, text_column=opts.text_column, label_column=opts.label_column, dedupe=False)
            test_examples[Path(p).stem] = ex
            held_out.extend(ex)
        before = len(train)
        train = remove_overlap(train, held_out)
        if before != len(train):
            log(f"removed {before - len(train)} training rows whose text is in dev/test")
        n_classes = check_classes(train)
        check_class_sizes(train)
        check_held_out_classes(n_classes, {opts.dev or "the dev split": dev,
                                           **{p: test_examples[Path(p).stem] for p in opts.tests}})
        classes = list(CLASS_NAMES[:n_classes])
        log(f"encoding {len(train)} train and {len(dev)} dev texts (pinyin in context) ...")
        train_set, dev_set = _encode(train, vocab, features), _encode(dev, vocab, features)
        for name, ex in test_examples.items():
            tests[name] = _encode(ex, vocab, features)
            test_texts[name] = [e.text for e in ex]
        data_notes = {"train_files": opts.train, "train_weights": list(opts.train_weights) or None,
                      "dev_file": opts.dev, "test_files": opts.tests,
                      "train_rows": len(train), "dev_rows": len(dev),
                      "load_reports": [{"path": r.path, "rows": r.rows, "kept": r.kept,
                                        "duplicates": r.duplicates, "conflicts": r.conflicts,
                                        "bad": dict(r.bad_counts)} for r in reports]}
        log(f"encoded in {time.monotonic() - t0:.0f}s")
    if opts.save_encoded:
        enc = Path(opts.save_encoded)
        enc.mkdir(parents=True, exist_ok=True)
        train_set.save(enc / "train.npz")
        dev_set.save(enc / "dev.npz")
        for name, ts in tests.items():
            ts.save(enc / f"test_{name}.npz")
        torch.save({"spec": spec.to_dict(), "encoder": encoder_state}, enc / "backbone.pt")
        (enc / "vocab.json").write_bytes(vocab_path.read_bytes())
        (enc / "meta.json").write_text(json.dumps({"classes": classes, "features": asdict(features),
                                                   "backbone": backbone_name,
                                                   "data": data_notes}, ensure_ascii=False, indent=2))
        log(f"encoded sets and backbone written to {enc}")
        if opts.encode_only:
            return {"encoded": str(enc), "train": len(train_set), "dev": len(dev_set)}

    # -- model -----------------------------------------------------------------------------
    torch.manual_seed(opts.train_config.seed)  # the head's init: same seed, same run
    buckets = opts.ngram_buckets
    ngram_max = opts.ngram_max
    wide = {"wide_buckets": features.char_buckets or opts.wide_buckets,
            "wide_max": features.char_max if features.char_buckets else opts.wide_max,
            "word_buckets": features.word_buckets, "wide_from_input": int(bool(features.char_buckets)),
            "blend": int(opts.train_config.blend)}
    state = None
    if opts.keep_layers and opts.keep_layers < spec.n_layers:
        keep = opts.keep_layers
        spec = dataclasses.replace(spec, n_layers=keep)
        if encoder_state is not None:
            encoder_state = {k: v for k, v in encoder_state.items()
                             if not k.startswith("blocks.") or int(k.split(".")[1]) < keep}
        log(f"using the backbone's first {keep} blocks")
    if opts.from_state:
        state = torch.load(opts.from_state, map_location="cpu", weights_only=True)
        buckets = int(state.get("net", {}).get("ngram_buckets", buckets))
        ngram_max = int(state.get("net", {}).get("ngram_max", 2))
        wide = {k: int(state.get("net", {}).get(k, 2 if k == "wide_max" else 0)) for k in wide}
        if wide["word_buckets"] != features.word_buckets:
            raise DataError(f"{opts.from_state} reads {wide['word_buckets']} word buckets but the "
                            f"data was encoded with {features.word_buckets}: pass the same --word-buckets")
        if bool(wide["wide_from_input"]) != bool(features.char_buckets):
            raise DataError(f"{opts.from_state} and the data disagree on where the wide path's "
                            "character n-grams come from: pass the --wide-chars the model was trained with")
        if "spec" in state:
            spec = ModelSpec.from_dict(state["spec"])
    net = SentimentNet(spec, len(classes), ngram_buckets=buckets, ngram_max=ngram_max, **wide)
    if encoder_state is not None and state is None:  # fine-tuned weights replace it all
        net.encoder.load_state_dict(encoder_state)
    result: FinetuneResult | None = None
    if state is not None:
        weights = state["model"] if "model" in state else state
        # States saved before the wide path existed lack bag_out; its zero init reproduces them.
        missing, unexpected = net.load_state_dict(weights, strict=False)
        if unexpected or any(not k.startswith("bag_out.") for k in missing):
            net.load_state_dict(weights)  # raises with the full list
        log(f"loaded fine-tuned weights from {opts.from_state}")
    else:
        result = finetune(net, train_set, dev_set, opts.train_config, callbacks=callbacks)
        log(f"fine-tuned {result.steps} steps in {result.seconds / 60:.1f} min on {result.device}, "
            f"{result.tokens_per_s:,.0f} tokens/s; best dev at step {result.best_step}: "
            f"acc {result.best_dev['accuracy']:.4f} macro-F1 {result.best_dev['macro_f1']:.4f}")
    net = net.cpu().eval()
    if opts.save_state:
        torch.save({"model": net.state_dict(), "spec": spec.to_dict(), "classes": classes,
                    "net": net.config()}, opts.save_state)

    # -- evaluation ------------------------------------------------------------------------
    results: dict[str, Metrics] = {}
    sets = {"dev": dev_set, **tests}
    for name, data in sets.items():
        probs = predict_proba(net, data, device=torch.device("cpu"))
        results[name] = compute_metrics(data.labels.tolist(), probs.argmax(1).tolist(), classes)
        log(f"{name}: accuracy {results[name].accuracy:.4f}  macro-F1 {results[name].macro_f1:.4f}")
    report = {
        "name": opts.name,
        "classes": classes,
        "spec": spec.to_dict(),
        "pretrained_backbone": backbone_name,
        "net": net.config(),
        "features": asdict(features),
        "config": asdict(opts.train_config),
        "data": data_notes,
        "training": None if result is None else {
            "steps": result.steps, "seconds": result.seconds, "tokens_per_s": result.tokens_per_s,
            "device": result.device, "best_step": result.best_step, "best_dev": result.best_dev,
            "stopped_early": result.stopped_early, "history": result.history},
        "torch_metrics": {k: m.to_dict() for k, m in results.items()},
        "blend_scale": float(net.deep_scale) if net.blend else None,
    }

    # -- export ----------------------------------------------------------------------------
    if opts.export:
        from trainer.sentiment.export import write_model_dir

        model_dir = out / "model"
        manifest = write_model_dir(
            net, model_dir, name=opts.name, classes=classes, features=features,
            vocab_path=vocab_path, parity_data=dev_set,
            metrics={k: {"accuracy": m.accuracy, "macro_f1": m.macro_f1} for k, m in results.items()},
            provenance={"backbone": backbone_name, "data": data_notes},
        )
        report["parity"] = manifest["parity"]
        log(f"exported {model_dir} (fp32 parity {manifest['parity']['fp32_max_abs_diff']:.1e}, "
            f"int8 agreement {manifest['parity']['int8_argmax_agreement']:.3f})")
        # The shipped path: the int8 and fp32 graphs through the same classifier the app uses.
        from core.analysis.classifier import SentimentClassifier

        onnx_results = {}
        for int8 in (False, True):
            clf = SentimentClassifier(model_dir, int8=int8)
            for name, texts in test_texts.items():
                labels = tests[name].labels.tolist()
                pred = clf.predict_batched(texts).argmax(1).tolist()
                m = compute_metrics(labels, pred, classes)
                onnx_results[f"{name} ({'int8' if int8 else 'fp32'})"] = m
                log(f"ONNX {'int8' if int8 else 'fp32'} {name}: accuracy {m.accuracy:.4f}  macro-F1 {m.macro_f1:.4f}")
        report["onnx_metrics"] = {k: m.to_dict() for k, m in onnx_results.items()}
        from trainer.sentiment.card import write_card

        write_card(model_dir / "card.md", report)

    from trainer.sentiment.report import write_json, write_png

    write_json(out / "report.json", report)
    try:
        write_png(out / "report.png", results=results,
                  history=report["training"]["history"] if report["training"] else [],
                  title=f"{opts.name}: evaluation")
    except ImportError:
        log("matplotlib is missing: report.png not written (pip install matplotlib)")
    if opts.export:
        for f in ("report.json", "report.png"):
            if (out / f).exists():
                (out / "model" / f).write_bytes((out / f).read_bytes())
    log(f"report: {out / 'report.json'}")
    return report
