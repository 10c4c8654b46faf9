"""Export a checkpoint to a self-describing model folder: fp32 + int8 ONNX, manifest, card.

The exported graph is `P2CScoringGraph` (see core.model.network) with dynamic batch, length
and candidate count. Parity against torch is checked at several shapes before anything is
written, and the int8 variant's dev accuracy is measured beside the fp32 one.
"""
from __future__ import annotations

import json
import platform
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from core.filehash import sha256_file
from core.integrity import stamp
from core.model.network import P2CModel, P2CScoringGraph, load_checkpoint
from core.model.spec import MASK, PAD, HanziVocab, Vocab

INPUTS = ("pinyin_ids", "hanzi_ids", "cand_ids", "target_ids")
OUTPUTS = ("cand_logprobs", "target_logprob")
FP32 = "model.onnx"
INT8 = "model.int8.onnx"
PARITY_SHAPES = ((1, 1, 1), (1, 7, 5), (3, 12, 40), (8, 26, 120))  # (batch, length, cands)


@dataclass(frozen=True)
class ExportConfig:
    checkpoint: str                 # trainer checkpoint (*.pt)
    out_dir: str                    # model folder to (re)write
    name: str = "p2c-default"
    dev: str | None = None          # dev .npz or text file: accuracy of fp32 and int8 in the manifest
    metrics: str | None = None      # metrics.jsonl of the run: learning curve in the card
    shards: str | None = None       # shard folder: data provenance in the manifest
    notes: str = ""                 # extra text for the model card (e.g. how it was trained)
    opset: int = 18


def sha256(path: Path) -> str:
    return sha256_file(path)


def _example(vocab: Vocab, b: int, t: int, k: int, seed: int = 0, s: int | None = None) -> dict[str, np.ndarray]:
    """Random inputs; the last `s` positions (default: about two thirds) are scored."""
    rng = np.random.default_rng(seed)
    s = s if s is not None else max(1, (2 * t) // 3)
    py = rng.integers(vocab.pinyin.first_syllable, vocab.pinyin.first_partial, (b, t))
    hz = np.where(rng.random((b, t)) < 0.3, rng.integers(5, vocab.hanzi.size, (b, t)), MASK)
    cand = rng.integers(5, vocab.hanzi.size, (b, s, k))
    cand[..., k // 2 + 1:] = PAD if k > 2 else cand[..., k // 2 + 1:]
    tgt = np.where(rng.random((b, s)) < 0.5, cand[..., 0], rng.integers(5, vocab.hanzi.size, (b, s)))
    if t > 1:
        py[0, -1] = PAD  # a padded position
        tgt[0, -1] = PAD
    return {"pinyin_ids": py, "hanzi_ids": hz, "cand_ids": cand, "target_ids": tgt}


def export_onnx(model: P2CModel, vocab: Vocab, path: Path, *, opset: int = 18) -> None:
    """Dynamo export with dynamic (batch, length, candidates)."""
    graph = P2CScoringGraph(model.eval())
    ex = _example(vocab, 2, 6, 4, s=4)
    args = tuple(torch.from_numpy(ex[n]) for n in INPUTS)
    b, t = torch.export.Dim("batch"), torch.export.Dim("length")
    s, k = torch.export.Dim("scored"), torch.export.Dim("cands")
    dynamic = {"pinyin_ids": {0: b, 1: t}, "hanzi_ids": {0: b, 1: t},
               "cand_ids": {0: b, 1: s, 2: k}, "target_ids": {0: b, 1: s}}
    with torch.no_grad():
        prog = torch.onnx.export(graph, args, input_names=list(INPUTS), output_names=list(OUTPUTS),
                                 dynamic_shapes=dynamic, opset_version=opset, dynamo=True,
                                 external_data=False, verbose=False)
    prog.save(str(path))
    strip_build_paths(path)


def strip_build_paths(path: Path) -> None:
    """Drop the exporter's per-node stack traces: they carry this machine's absolute paths
    into a file we ship, and nothing reads them."""
    import onnx

    proto = onnx.load(str(path))

    def clean(graph) -> None:
        for node in graph.node:
            node.doc_string = ""
            del node.metadata_props[:]
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.GRAPH:
                    clean(attr.g)

    clean(proto.graph)
    for fn in proto.functions:
        clean(fn)
    onnx.save(proto, str(path))


def quantize_int8(src: Path, dst: Path) -> None:
    # Embeddings stay fp32: a quantized Gather dequantizes the whole table on every call
    # (2+ ms per keystroke for the hanzi table), which costs more than the bytes it saves.
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gemm"])


def _session(path: Path):
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.log_severity_level = 3
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def check_parity(model: P2CModel, vocab: Vocab, path: Path, *, atol: float = 2e-3) -> float:
    """Largest |torch - onnx| over PARITY_SHAPES; raises when above atol."""
    sess = _session(path)
    graph = P2CScoringGraph(model.eval())
    worst = 0.0
    for b, t, k in PARITY_SHAPES:
        ex = _example(vocab, b, t, k, seed=b * 100 + t)
        with torch.no_grad():
            ref = graph(*(torch.from_numpy(ex[n]) for n in INPUTS))
        got = sess.run(list(OUTPUTS), ex)
        for r, g in zip(ref, got):
            worst = max(worst, float(np.abs(r.numpy() - g).max()))
    if worst > atol:
        raise RuntimeError(f"ONNX export differs from torch by {worst:.2e} (> {atol})")
    return worst


def onnx_dev_accuracy(path: Path, vocab: Vocab, dev: dict[str, np.ndarray], *, batch: int = 128) -> dict[str, float]:
    """The model alone through ONNX Runtime: per-position argmax over candidates, no context."""
    sess = _session(path)
    table = vocab.candidate_table
    correct = total = exact = 0
    for i in range(0, len(dev["hanzi"]), batch):
        hz, py = dev["hanzi"][i : i + batch], dev["pinyin"][i : i + batch]
        real = py != PAD
        cand = table[py]
        k = max(1, int((cand != PAD).sum(-1).max()))
        cand = np.ascontiguousarray(cand[..., :k])
        lp, _ = sess.run(list(OUTPUTS), {"pinyin_ids": py, "hanzi_ids": np.where(real, MASK, PAD),
                                          "cand_ids": cand, "target_ids": np.zeros_like(py)})
        pred = np.take_along_axis(cand, lp.argmax(-1)[..., None], -1)[..., 0]
        ok = (pred == hz) & real
        correct += int(ok.sum())
        total += int(real.sum())
        exact += int((ok | ~real).all(1).sum())
    return {"char_acc": correct / max(total, 1), "clause_exact": exact / max(len(dev["hanzi"]), 1)}


def _initializer_map(model: P2CModel, path: Path) -> dict[str, str]:
    """state_dict key -> ONNX initializer name, matched by name or, failing that, by value."""
    import onnx
    from onnx import numpy_helper

    proto = onnx.load(str(path))
    inits = {i.name: numpy_helper.to_array(i) for i in proto.graph.initializer}
    mapping = {}
    for key, tensor in model.state_dict().items():
        if key in inits:
            mapping[key] = key
            continue
        for prefix in ("model.", ""):
            if prefix + key in inits:
                mapping[key] = prefix + key
                break
        else:
            # The exporter folds Linear weights into transposed MatMul constants ("^T").
            arr = tensor.numpy()
            hits = [n for n, v in inits.items() if v.shape == arr.shape and np.array_equal(v, arr)]
            hits += [n + "^T" for n, v in inits.items() if arr.ndim == 2 and v.shape == arr.T.shape
                     and np.array_equal(v, arr.T)]
            if not hits:
                raise RuntimeError(f"weight {key} not found in the exported graph")
            mapping[key] = hits[0]
    return mapping


def export(cfg: ExportConfig) -> dict[str, Any]:
    model, ckpt = load_checkpoint(cfg.checkpoint)
    # Read before anything is written: a continued model is often exported over its base.
    base = _base_history(json.loads(ckpt.get("config", "{}")).get("init_from"))
    vocab = Vocab(HanziVocab(**_vocab_fields(ckpt["vocab_json"])))
    out = Path(cfg.out_dir)
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        export_onnx(model, vocab, tmpd / FP32, opset=cfg.opset)
        parity = check_parity(model, vocab, tmpd / FP32)
        quantize_int8(tmpd / FP32, tmpd / INT8)
        parity_int8 = _int8_gap(tmpd / FP32, tmpd / INT8, vocab)
        mapping = _initializer_map(model, tmpd / FP32)
        metrics: dict[str, Any] = {"parity_max_abs_fp32": parity, "int8_vs_fp32_max_abs": parity_int8}
        if cfg.dev:
            from trainer.training.devset import build_dev_arrays, load_dev

            dev = load_dev(cfg.dev) if cfg.dev.endswith(".npz") else build_dev_arrays(cfg.dev, vocab)
            metrics["dev_fp32"] = onnx_dev_accuracy(tmpd / FP32, vocab, dev)
            metrics["dev_int8"] = onnx_dev_accuracy(tmpd / INT8, vocab, dev)
            metrics["dev_clauses"] = int(len(dev["hanzi"]))
        out.mkdir(parents=True, exist_ok=True)
        for f in (FP32, INT8):
            shutil.copyfile(tmpd / f, out / f)
    vocab_sha = vocab.hanzi.save(out / "vocab.json")
    curve = _learning_curve(cfg.metrics)
    training = {
        "steps": int(ckpt["step"]), "tokens_seen": int(ckpt["tokens_seen"]),
        "elapsed_s": round(float(ckpt.get("elapsed", 0.0)), 1),
        "config": json.loads(ckpt.get("config", "{}")),
        "last_dev": json.loads(ckpt.get("dev", "{}")),
    }
    if base is not None:
        # Continued with --init-from: the card counts the whole lineage, the curve too.
        training["base"] = {"name": base.get("name"), **_lineage_totals(base),
                            "data_totals": (base.get("data") or {}).get("totals")}
        curve = _continue_after(base, training, curve)
    manifest = {
        "format": "yinzi-model/1",
        "name": cfg.name,
        "kind": "p2c",
        "spec": model.spec.to_dict(),
        "files": {"fp32": FP32, "int8": INT8, "vocab": "vocab.json"},
        "sha256": {FP32: sha256(out / FP32), INT8: sha256(out / INT8), "vocab.json": vocab_sha},
        "vocab_sha256": vocab_sha,
        "inputs": {n: {"dtype": "int64", "shape": s} for n, s in zip(
            INPUTS, (["batch", "length"], ["batch", "length"], ["batch", "scored", "cands"], ["batch", "scored"]))},
        "outputs": {n: {"dtype": "float32", "shape": s} for n, s in zip(
            OUTPUTS, (["batch", "scored", "cands"], ["batch", "scored"]))},
        "special_ids": {"pad": PAD, "mask": MASK, "none_pinyin": 4},
        "training": training,
        "metrics": metrics,
        "learning_curve": curve,
        "data": _provenance(cfg.shards),
        "initializers": mapping,
        "versions": _versions(),
        "exported": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "MODEL_CARD.md").write_text(model_card(manifest, cfg.notes), encoding="utf-8")
    # Sizes and sha256 of what was written: loading checks them (core.integrity).
    manifest["integrity"] = stamp(out)
    return manifest


def _int8_gap(fp32: Path, int8: Path, vocab: Vocab) -> float:
    a, b = _session(fp32), _session(int8)
    ex = _example(vocab, 4, 16, 30, seed=7)
    ra, rb = a.run(list(OUTPUTS), ex), b.run(list(OUTPUTS), ex)
    real = ex["target_ids"] != PAD
    return float(np.abs(ra[1] - rb[1])[real].max())


def _vocab_fields(text: str) -> dict[str, Any]:
    data = json.loads(text)
    return {"tokens": data["hanzi"], "readings": data["readings"]}


def _base_history(init_from: str | None) -> dict[str, Any] | None:
    """The history of what a run started from: the manifest of a model folder, or for a
    trainer checkpoint (`*.pt`) the same fields read from it and the metrics.jsonl beside it
    (None for a run from scratch)."""
    if init_from and Path(init_from).suffix == ".pt" and Path(init_from).is_file():
        return _checkpoint_history(Path(init_from))
    if not init_from or not (Path(init_from) / "manifest.json").is_file():
        return None
    try:
        manifest = json.loads((Path(init_from) / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return manifest if manifest.get("kind") == "p2c" and "training" in manifest else None


def _checkpoint_history(path: Path) -> dict[str, Any] | None:
    """A checkpoint as `_base_history` gives a manifest: its steps, tokens and time (its own
    base's added: a chain of continued runs counts every link) and its learning curve."""
    import torch

    try:
        ckpt = torch.load(path, map_location="cpu", weights_only=True)
    except Exception:  # noqa: BLE001 - a base we cannot read only costs the card its lineage
        return None
    base = _base_history(json.loads(ckpt.get("config", "{}")).get("init_from"))
    training = {"steps": int(ckpt.get("step", 0)), "tokens_seen": int(ckpt.get("tokens_seen", 0)),
                "elapsed_s": round(float(ckpt.get("elapsed", 0.0)), 1)}
    curve = _learning_curve(str(path.parent / "metrics.jsonl"))
    if base is not None:
        curve = _continue_after(base, training, curve)
    return {"name": f"{path.parent.name}/{path.name}", "data": None, "learning_curve": curve,
            "training": training}


def _lineage_totals(history: dict[str, Any]) -> dict[str, Any]:
    """Steps, tokens and seconds of a model's whole lineage (its own where it has no base)."""
    t = history["training"]
    return {"steps": t.get("total_steps", t["steps"]),
            "tokens_seen": t.get("total_tokens_seen", t["tokens_seen"]),
            "elapsed_s": t.get("total_elapsed_s", t["elapsed_s"])}


def _continue_after(base: dict[str, Any], training: dict[str, Any],
                    curve: list[dict[str, float]]) -> list[dict[str, float]]:
    """Add the lineage totals (total_steps, ...) of a run continued from `base` to its
    `training` and return its learning curve appended to the base's, in lineage steps."""
    b = _lineage_totals(base)
    training["total_steps"] = b["steps"] + training["steps"]
    training["total_tokens_seen"] = b["tokens_seen"] + training["tokens_seen"]
    training["total_elapsed_s"] = round(b["elapsed_s"] + training["elapsed_s"], 1)
    return base.get("learning_curve", []) + [
        {**p, "step": p["step"] + b["steps"], "tokens_seen": p["tokens_seen"] + b["tokens_seen"]}
        for p in curve]


def _learning_curve(metrics_path: str | None) -> list[dict[str, float]]:
    if not metrics_path or not Path(metrics_path).exists():
        return []
    by_step: dict[int, dict[str, float]] = {}  # a resumed run may re-log a step: keep the last
    for line in Path(metrics_path).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("event") == "eval":
            by_step[rec["step"]] = {k: rec[k] for k in ("step", "tokens_seen", "char_acc", "clause_exact")}
    return [by_step[k] for k in sorted(by_step)]


def _provenance(shards: str | None) -> dict[str, Any]:
    if not shards:
        return {}
    man = json.loads((Path(shards) / "shards.json").read_text(encoding="utf-8"))
    sources = [{"file": Path(s["path"]).name, "sha256": s["sha256"], "lines": s["lines"], "tokens": s["tokens"]}
               for s in man["sources"]]
    notes = {}
    corpus_manifest = Path(man["sources"][0]["path"]).parent / "MANIFEST.json" if man["sources"] else None
    if corpus_manifest and corpus_manifest.exists():
        try:
            notes = json.loads(corpus_manifest.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            notes = {}
    return {"sources": sources, "totals": man["totals"], "pypinyin": man.get("pypinyin"),
            "corpus_manifest": _licence_notes(notes)}


def _licence_notes(notes: Any) -> dict[str, dict[str, str]]:
    """Per corpus file, its source/licence line and domain (from the corpus MANIFEST.json)."""
    out: dict[str, dict[str, str]] = {}
    entries = notes.get("sources") or notes.get("files") or [] if isinstance(notes, dict) else []
    for f in entries if isinstance(entries, list) else []:
        if isinstance(f, dict) and f.get("file"):
            out[Path(f["file"]).name] = {k: str(f[k]) for k in ("source", "license", "domain") if k in f}
    return out


def _versions() -> dict[str, str]:
    import onnx
    import onnxruntime

    return {"torch": torch.__version__, "onnx": onnx.__version__, "onnxruntime": onnxruntime.__version__,
            "python": platform.python_version()}


def model_card(m: dict[str, Any], notes: str = "") -> str:
    spec = m["spec"]
    params = spec["n_hanzi"] * spec["d_model"] + spec["n_pinyin"] * spec["d_model"]
    lines = [
        f"# {m['name']}: Yinzi's pinyin-hanzi Transformer",
        "",
        "A bidirectional Transformer encoder: per position a pinyin-token embedding plus a hanzi",
        "embedding ([MASK] where predicted, known for committed context). It returns each",
        "character's log-probability among the characters its syllable can be read as. The engine",
        "uses it to rescore the lexicon decoder's N-best paths with the committed left text as context.",
        "",
        "## Architecture",
        f"d_model {spec['d_model']}, {spec['n_layers']} layers, {spec['n_heads']} heads, d_ff {spec['d_ff']}, "
        f"max length {spec['max_len']}; {spec['n_hanzi']} hanzi tokens, {spec['n_pinyin']} pinyin tokens "
        f"(embeddings alone {params / 1e6:.2f}M parameters); output tied to the hanzi embedding.",
        "",
        "## Files",
        f"- `{FP32}` fp32 ONNX, `{INT8}` dynamically quantized int8 (MatMul weights; embeddings fp32), `vocab.json`,",
        "  `manifest.json` (spec, sha256, metrics, provenance, versions). Inputs: "
        + ", ".join(f"`{k}` {v['shape']}" for k, v in m["inputs"].items()) + ".",
        "- Adapt or resume: `yinzi-train pretrain --init-from <this folder> ...` (the fp32 ONNX",
        "  holds every weight; `manifest.json` maps them to the torch state_dict).",
        "",
        "## Training",
    ]
    t = m["training"]
    if "base" in t:
        lines.append(f"Continued from {t['base']['name']} ({t['base']['tokens_seen']:,} tokens, "
                     f"{t['base']['elapsed_s'] / 60:.1f} min) with `--init-from`: {t['steps']:,} more steps, "
                     f"{t['tokens_seen']:,} more tokens, {t['elapsed_s'] / 60:.1f} min. In all "
                     f"{t['total_steps']:,} steps, {t['total_tokens_seen']:,} tokens seen, "
                     f"{t['total_elapsed_s'] / 60:.1f} min of training.")
    else:
        lines.append(f"{t['steps']:,} steps, {t['tokens_seen']:,} tokens seen, {t['elapsed_s'] / 60:.1f} min of training.")
    if notes:
        lines += ["", notes]
    met = m["metrics"]
    lines += ["", "## Measured (model alone: per-position argmax over each syllable's candidates, no context)"]
    if "dev_fp32" in met:
        lines += [
            f"On the first {met['dev_clauses']:,} clauses of `p2c/dev.txt` (evaluation only, never trained on):",
            "",
            "| variant | char acc | clause exact |",
            "|---|---|---|",
            f"| fp32 | {100 * met['dev_fp32']['char_acc']:.2f} % | {100 * met['dev_fp32']['clause_exact']:.2f} % |",
            f"| int8 | {100 * met['dev_int8']['char_acc']:.2f} % | {100 * met['dev_int8']['clause_exact']:.2f} % |",
        ]
    lines.append(f"\nExport parity torch vs ONNX (max abs, shapes {list(PARITY_SHAPES)}): "
                 f"{met['parity_max_abs_fp32']:.1e}; int8 vs fp32 log-prob gap (max abs): {met['int8_vs_fp32_max_abs']:.3f}.")
    if m["learning_curve"]:
        lines += ["", "## Learning curve (dev char accuracy vs tokens seen)", "", "| step | tokens seen | char acc | clause exact |",
                  "|---|---|---|---|"]
        for p in m["learning_curve"]:
            lines.append(f"| {p['step']:,} | {p['tokens_seen'] / 1e6:.1f} M | {100 * p['char_acc']:.2f} % | "
                         f"{100 * p['clause_exact']:.2f} % |")
    data = m.get("data") or {}
    if data:
        lines += ["", "## Data", f"Shards prepared by `yinzi-train prepare` from {len(data['sources'])} files "
                  f"({data['totals']['tokens']:,} characters in {data['totals']['pieces']:,} pieces; pinyin by "
                  f"pypinyin {data.get('pypinyin')}). Never trained on `p2c/`."]
        base_totals = m["training"].get("base", {}).get("data_totals")
        if base_totals:
            lines.append(f"The base model {m['training']['base']['name']} was trained on shards of "
                         f"{base_totals['tokens']:,} characters in {base_totals['pieces']:,} pieces.")
        lines += ["Sources of this run (licences from the corpus manifest, see the data README):", ""]
        for s in data["sources"]:
            lic = (data.get("corpus_manifest") or {}).get(s["file"], {})
            extra = "; ".join(str(v) for v in lic.values())
            lines.append(f"- `{s['file']}`: {s['tokens']:,} chars" + (f" ({extra})" if extra else ""))
    lines += ["", "## Limits",
              "Trained on tens of millions of characters on small compute: alone it is weaker than the",
              "lexicon decoder; its value is as a context-aware rescorer. Licences of the training text",
              "vary (several research-use-only sources): see the data README before redistributing."]
    return "\n".join(lines) + "\n"
