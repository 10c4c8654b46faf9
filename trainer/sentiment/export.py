"""Export a fine-tuned SentimentNet to ONNX (fp32 + dynamic int8), check parity, write the folder.

The folder is what `core.analysis.classifier.SentimentClassifier` opens: manifest.json,
vocab.json, model.onnx, model.int8.onnx (and the card and report written beside them).
"""
from __future__ import annotations

import contextlib
import json
import logging
import platform
import shutil
import warnings
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
import torch

from core.analysis.classifier import (
    INPUT_NAMES,
    LEXICON_FILE,
    MANIFEST_FORMAT,
    OUTPUT_NAME,
    WORDS_INPUT,
)
from core.analysis.features import FeatureConfig
from core.filehash import sha256_file
from core.integrity import stamp
from core.model.spec import PAD
from trainer.export import strip_build_paths
from trainer.sentiment.model import SentimentGraph, SentimentNet
from trainer.sentiment.train import EncodedSet


@contextlib.contextmanager
def _quiet():
    """Hide the exporter's and quantizer's advice meant for their developers (torchvision
    missing, deprecated tree specs, "consider pre-processing"): a user read a screenful of
    it after every run. Errors still come through."""
    loggers = [logging.getLogger(name) for name in ("torch.onnx", "torch._export", "")]
    levels = [lg.level for lg in loggers]
    try:
        for lg in loggers:
            lg.setLevel(logging.ERROR)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def export_onnx(net: SentimentNet, path: Path, *, opset: int = 18) -> None:
    """Dynamo export with dynamic batch and length (as trainer/export.py does for P2C)."""
    graph = SentimentGraph(net.cpu()).eval()
    hanzi = torch.full((2, 12), 10, dtype=torch.long)
    pinyin = torch.full((2, 12), 10, dtype=torch.long)
    pinyin[1, 8:] = PAD
    b, t = torch.export.Dim("batch"), torch.export.Dim("length")
    args: tuple[torch.Tensor, ...] = (hanzi, pinyin)
    names = list(INPUT_NAMES)
    shapes: dict = {"hanzi": {0: b, 1: t}, "pinyin": {0: b, 1: t}}
    if net.reads_ids:
        words = torch.tensor([[1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 0, 0, 0, 0]], dtype=torch.long)
        args += (words,)
        names.append(WORDS_INPUT)
        shapes[WORDS_INPUT] = {0: b, 1: torch.export.Dim("words")}
    with torch.no_grad(), _quiet():
        prog = torch.onnx.export(
            graph, args, input_names=names, output_names=[OUTPUT_NAME],
            dynamic_shapes=shapes, opset_version=opset, dynamo=True, external_data=False,
            verbose=False,
        )
    prog.save(str(path))
    strip_build_paths(path)


def quantize_int8(src: Path, dst: Path) -> None:
    """Dynamic int8 of the encoder's matrices and the embedding tables; the head stays fp32.

    The head is too small for int8 to matter, and a per-tensor activation scale over inputs of
    very different sizes once flipped a sixth of the predictions. (The quantizer renames a
    Gemm to `<name>_MatMul` before it reads the exclusion list, so both names are given.)
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # The dynamo exporter records intermediate shapes that the quantizer's own shape
    # inference contradicts; drop them first.
    proto = onnx.load(str(src))
    del proto.graph.value_info[:]
    head = [n.name for n in proto.graph.node if n.op_type == "Gemm"]
    stripped = dst.with_suffix(".noshapes.onnx")
    onnx.save(proto, str(stripped))
    try:
        with _quiet():
            quantize_dynamic(str(stripped), str(dst), weight_type=QuantType.QInt8,
                             op_types_to_quantize=["MatMul", "Gemm", "Gather"],
                             nodes_to_exclude=head + [f"{n}_MatMul" for n in head])
    finally:
        stripped.unlink(missing_ok=True)


def _ort_probs(path: Path, data: EncodedSet, index) -> np.ndarray:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    inputs, _ = data.batch(index)
    names = (*INPUT_NAMES, WORDS_INPUT)[: len(inputs)]
    return session.run([OUTPUT_NAME], {n: t.numpy() for n, t in zip(names, inputs, strict=True)})[0]


def check_parity(net: SentimentNet, onnx_path: Path, data: EncodedSet, *, tol: float = 1e-3) -> float:
    """Max |torch - ONNX| probability over batches of several sizes and lengths."""
    net = net.cpu().eval()
    worst = 0.0
    n = len(data)
    for index in ([0], list(range(min(n, 3))), list(range(max(0, n - 7), n))):
        if not index:
            continue
        inputs, _ = data.batch(index)
        with torch.no_grad():
            ref = torch.softmax(net(*inputs), dim=-1).numpy()
        got = _ort_probs(onnx_path, data, index)
        worst = max(worst, float(np.abs(ref - got).max()))
    if worst > tol:
        raise RuntimeError(f"ONNX export disagrees with torch by {worst:.2e} (> {tol:.0e})")
    return worst


def write_model_dir(
    net: SentimentNet,
    out_dir: Path,
    *,
    name: str,
    classes: list[str],
    features: FeatureConfig,
    vocab_path: Path,
    parity_data: EncodedSet,
    metrics: dict,
    provenance: dict,
) -> dict:
    """Export both graphs, check them, and write the manifest; returns the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    fp32 = out_dir / "model.onnx"
    int8 = out_dir / "model.int8.onnx"
    export_onnx(net, fp32)
    parity = check_parity(net, fp32, parity_data)
    quantize_int8(fp32, int8)
    idx = list(range(min(len(parity_data), 64)))
    agree = float((_ort_probs(fp32, parity_data, idx).argmax(1) == _ort_probs(int8, parity_data, idx).argmax(1)).mean())
    shutil.copyfile(vocab_path, out_dir / "vocab.json")
    if features.lexicon:
        # The model folder carries its lexicon: the features it was trained on travel with it.
        shutil.copyfile(features.lexicon, out_dir / LEXICON_FILE)
        features = replace(features, lexicon=LEXICON_FILE)
    manifest = {
        "format": MANIFEST_FORMAT,
        "kind": "sentiment",
        "name": name,
        "classes": classes,
        "features": asdict(features),
        "spec": net.spec.to_dict(),
        "net": net.config(),
        "files": {"fp32": fp32.name, "int8": int8.name, "vocab": "vocab.json"},
        "sha256": {p.name: sha256_file(p) for p in (fp32, int8)},
        "vocab_sha256": sha256_file(out_dir / "vocab.json"),
        **({"lexicon_sha256": sha256_file(out_dir / LEXICON_FILE)} if features.lexicon else {}),
        "inputs": {"hanzi": ["batch", "time"], "pinyin": ["batch", "time"],
                   **({WORDS_INPUT: ["batch", "words"]} if net.reads_ids else {})},
        "outputs": {OUTPUT_NAME: ["batch", len(classes)]},
        "parity": {"fp32_max_abs_diff": parity, "int8_argmax_agreement": agree},
        "metrics": metrics,
        "provenance": provenance,
        "versions": {"torch": torch.__version__, "python": platform.python_version()},
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    # Sizes and sha256 of what was written: loading checks them (core.integrity).
    manifest["integrity"] = stamp(out_dir)
    return manifest


def state_from_model_dir(model_dir: Path) -> dict:
    """The --save-state dict of an exported model, read back from its model.onnx.

    The exporter keeps parameter names except for linear weights it stores transposed under
    generated names; those are matched by shape, in order (the blocks are exported in order).
    The result is checked against the ONNX graph's own output, so a wrong match cannot pass.
    """
    import onnx
    from onnx import numpy_helper

    from core.model.spec import ModelSpec

    manifest = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
    cfg = manifest["net"]
    if cfg.get("ngram_buckets") or (cfg.get("wide_buckets") and not cfg.get("wide_from_input", True)):
        raise ValueError(f"{model_dir} hashes n-grams inside its graph: an ablation the trainer no longer builds")
    net = SentimentNet(ModelSpec.from_dict(manifest["spec"]), int(cfg["n_classes"]),
                       wide_buckets=int(cfg.get("wide_buckets", 0)), word_buckets=int(cfg.get("word_buckets", 0)),
                       blend=bool(cfg.get("blend")))
    graph = onnx.load(str(model_dir / manifest["files"]["fp32"])).graph
    named = {i.name.removeprefix("net."): numpy_helper.to_array(i) for i in graph.initializer}
    unnamed = [named.pop(k) for k in list(named) if k.startswith("val_")]
    state = {}
    for key, ref in net.state_dict().items():
        if key in named and tuple(named[key].shape) == tuple(ref.shape):
            state[key] = torch.from_numpy(named[key].copy())
            continue
        want = tuple(ref.shape)
        for i, arr in enumerate(unnamed):
            if arr.shape == want[::-1] and len(want) == 2:
                state[key] = torch.from_numpy(arr.T.copy())
            elif arr.shape == want and len(want) == 1:
                state[key] = torch.from_numpy(arr.copy())
            else:
                continue
            unnamed.pop(i)
            break
        else:
            raise ValueError(f"{model_dir}/model.onnx: no weight for {key} {want}")
    net.load_state_dict(state)
    return {"model": state, "spec": manifest["spec"], "classes": manifest["classes"], "net": net.config()}


def check_state_against_onnx(state: dict, onnx_path: Path, data: EncodedSet, *, tol: float = 1e-4) -> float:
    """Largest |torch - ONNX| probability of a state read back from a graph, on a few rows of data."""
    from core.model.spec import ModelSpec

    cfg = state["net"]
    net = SentimentNet(ModelSpec.from_dict(state["spec"]), int(cfg["n_classes"]), wide_buckets=cfg["wide_buckets"],
                       word_buckets=cfg["word_buckets"], blend=cfg["blend"])
    net.load_state_dict(state["model"])
    return check_parity(net.eval(), onnx_path, data, tol=tol)
