"""The sentiment classifier at inference: an ONNX model directory run by ONNX Runtime.

A model directory holds `manifest.json` (format, classes, feature settings, the backbone
spec, file hashes), `vocab.json`, `model.onnx` (fp32) and `model.int8.onnx` (dynamic int8).
The graph takes `hanzi` and `pinyin` (B, T) int64 (and `words` (B, W) int64, the wide path's
hashed n-gram ids, when the manifest's features set `word_buckets` or `char_buckets`) and
returns `probs` (B, K) float32. A model whose wide path reads lexicon cues carries the
lexicon as `lexicon.tsv` (core.analysis.sentiment_lexicon).
"""
from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from core.analysis.features import FeatureConfig, encode_batch, pad_rows, wide_input_ids
from core.analysis.types import SentimentScore
from core.filehash import sha256_file
from core.inference.session import ModelLoadError, create_session
from core.model.spec import Vocab

MANIFEST_FORMAT = "yinzi-sentiment/1"
INPUT_NAMES = ("hanzi", "pinyin")
WORDS_INPUT = "words"
OUTPUT_NAME = "probs"
DEFAULT_MODEL = "sentiment-default"
LEXICON_FILE = "lexicon.tsv"  # a model's polar-word lexicon, in its folder (features.lexicon)


def input_names(features: FeatureConfig) -> tuple[str, ...]:
    """The graph's inputs for a model with these feature settings."""
    return (*INPUT_NAMES, WORDS_INPUT) if features.reads_ids else INPUT_NAMES


@dataclass(frozen=True)
class SentimentManifest:
    name: str
    classes: tuple[str, ...]
    features: FeatureConfig
    fp32_file: str
    int8_file: str | None
    vocab_file: str
    vocab_sha256: str
    metrics: dict

    @classmethod
    def load(cls, model_dir: Path) -> SentimentManifest:
        path = model_dir / "manifest.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ModelLoadError(f"{model_dir} has no manifest.json: not a sentiment model") from None
        except (OSError, json.JSONDecodeError) as exc:
            raise ModelLoadError(f"cannot read {path}: {exc}") from None
        if data.get("format") != MANIFEST_FORMAT:
            raise ModelLoadError(f"{path}: format {data.get('format')!r}, expected {MANIFEST_FORMAT}")
        files = data.get("files", {})
        features = FeatureConfig(**data.get("features", {}))
        if features.lexicon:
            # Stored relative to the folder; the features read it by path.
            lexicon = model_dir / features.lexicon
            if not lexicon.is_file():
                raise ModelLoadError(f"{lexicon} is missing")
            expected = data.get("lexicon_sha256")
            if expected and sha256_file(lexicon) != expected:
                raise ModelLoadError(f"{lexicon} does not match the manifest's hash (mixed files?)")
            features = replace(features, lexicon=str(lexicon.resolve()))
        return cls(
            name=str(data.get("name", model_dir.name)),
            classes=tuple(data["classes"]),
            features=features,
            fp32_file=files.get("fp32", "model.onnx"),
            int8_file=files.get("int8"),
            vocab_file=files.get("vocab", "vocab.json"),
            vocab_sha256=str(data.get("vocab_sha256", "")),
            metrics=dict(data.get("metrics", {})),
        )


class SentimentClassifier:
    """Class probabilities for texts, batched, from one ONNX model directory."""

    def __init__(
        self, model_dir: str | Path, *, int8: bool = True, threads: int = 1, prefer_cuda: bool = False
    ) -> None:
        self.model_dir = Path(model_dir)
        if not self.model_dir.is_dir():
            raise ModelLoadError(f"sentiment model folder not found: {self.model_dir}")
        self.manifest = SentimentManifest.load(self.model_dir)
        vocab_path = self.model_dir / self.manifest.vocab_file
        data = vocab_path.read_bytes() if vocab_path.exists() else b""
        if not data:
            raise ModelLoadError(f"{vocab_path} is missing")
        if self.manifest.vocab_sha256 and hashlib.sha256(data).hexdigest() != self.manifest.vocab_sha256:
            raise ModelLoadError(f"{vocab_path} does not match the manifest's hash (mixed files?)")
        self.vocab = Vocab.load(vocab_path)
        file = self.manifest.int8_file if int8 and self.manifest.int8_file else self.manifest.fp32_file
        self.quantized = file == self.manifest.int8_file
        onnx_path = self.model_dir / file
        if not onnx_path.exists():
            raise ModelLoadError(f"{onnx_path} is missing")
        # CPU by default: batch-1 sentences are faster on the CPU than a trip to the GPU.
        loaded = create_session(onnx_path, prefer_cuda=prefer_cuda, threads=threads,
                                expected_inputs=input_names(self.manifest.features),
                                expected_outputs=[OUTPUT_NAME])
        self.session = loaded.session
        self.provider = loaded.provider
        self.classes = self.manifest.classes
        self.last_latency_ms = 0.0

    @property
    def name(self) -> str:
        kind = "int8" if self.quantized else "fp32"
        return f"{self.manifest.name} {kind} ({self.provider})"

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """(N, K) probabilities; empty input gives an empty (0, K) array."""
        if not texts:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        start = time.perf_counter()
        features = self.manifest.features
        hanzi, pinyin = encode_batch(texts, self.vocab, features)
        feed = {"hanzi": hanzi, "pinyin": pinyin}
        if features.reads_ids:
            feed[WORDS_INPUT] = pad_rows([wide_input_ids(t, features) for t in texts])
        (probs,) = self.session.run([OUTPUT_NAME], feed)
        self.last_latency_ms = (time.perf_counter() - start) * 1000
        return probs

    def predict_batched(self, texts: Sequence[str], *, batch_size: int = 32) -> np.ndarray:
        """Like predict_proba, in length-sorted batches (less padding, more sentences/s)."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), len(self.classes)), dtype=np.float32)
        for b in range(0, len(order), batch_size):
            idx = order[b : b + batch_size]
            out[idx] = self.predict_proba([texts[i] for i in idx])
        return out

    def score(self, probs: np.ndarray) -> SentimentScore:
        best = int(np.argmax(probs))
        return SentimentScore(
            label=self.classes[best],
            probability=float(probs[best]),
            probabilities={c: float(p) for c, p in zip(self.classes, probs, strict=False)},
        )


def find_model(name_or_path: str | Path | None = None) -> Path:
    """A model folder by path, or by name in the user's models then the shipped models."""
    from core import paths

    if name_or_path is None:
        name_or_path = DEFAULT_MODEL
    candidate = Path(name_or_path)
    if candidate.is_dir():
        return candidate
    for root in (paths.user_models_dir(), paths.shipped_models_dir()):
        if (root / str(name_or_path)).is_dir():
            return root / str(name_or_path)
    raise ModelLoadError(f"no sentiment model named {name_or_path!r} (looked in user and shipped models)")
