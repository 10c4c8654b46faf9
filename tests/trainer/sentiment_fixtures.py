"""Tiny labelled files and a tiny pretrained-looking backbone, written by the tests themselves."""
from __future__ import annotations

import random
from pathlib import Path

POSITIVE = ["很好", "不错", "满意", "喜欢", "推荐", "干净", "方便", "舒服", "漂亮", "实惠"]
NEGATIVE = ["很差", "失望", "难用", "讨厌", "脏乱", "太贵", "吵闹", "退货", "糟糕", "垃圾"]
TOPICS = ["酒店", "房间", "手机", "电脑", "书", "服务", "早餐", "屏幕"]


def make_texts(n: int, seed: int = 0) -> list[tuple[int, str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        label = i % 2
        words = POSITIVE if label else NEGATIVE
        text = f"{rng.choice(TOPICS)}{rng.choice(words)}，{rng.choice(TOPICS)}{rng.choice(words)}！{i}"
        rows.append((label, text))
    return rows


def write_tsv(path: Path, rows: list[tuple[int, str]]) -> Path:
    path.write_text("label\ttext\n" + "".join(f"{lab}\t{t}\n" for lab, t in rows), encoding="utf-8")
    return path


def make_vocab(path: Path):
    from pypinyin import Style, lazy_pinyin

    from core.model.spec import HANZI_SPECIALS, SYMBOLS, HanziVocab

    chars = sorted({c for w in POSITIVE + NEGATIVE + TOPICS + ["的了是我"] for c in w})
    readings = {c: [lazy_pinyin(c, style=Style.NORMAL)[0].replace("ü", "v")] for c in chars}
    vocab = HanziVocab(tokens=[*HANZI_SPECIALS, *SYMBOLS, *chars], readings=readings)
    vocab.save(path)
    return path


def make_backbone(tmp: Path) -> Path:
    """A tiny P2CModel checkpoint in the trainer's *.pt format, with its vocab beside it."""
    import torch

    from core.model.network import P2CModel
    from core.model.spec import ModelSpec, Vocab

    vocab_path = make_vocab(tmp / "vocab.json")
    vocab = Vocab.load(vocab_path)
    spec = ModelSpec(n_pinyin=vocab.pinyin.size, n_hanzi=vocab.hanzi.size, d_model=32,
                     n_layers=2, n_heads=2, d_ff=64, max_len=48)
    model = P2CModel(spec)
    ckpt = tmp / "backbone.pt"
    torch.save({"spec": spec.to_dict(), "model": model.state_dict(), "vocab_json": vocab.hanzi.to_json()}, ckpt)
    return ckpt


def make_model_dir(tmp: Path, *, train_steps: int = 0) -> Path:
    """An exported sentiment model folder (random or briefly trained head) for inference tests."""
    import torch

    from core.analysis.features import FeatureConfig
    from core.model.spec import Vocab
    from trainer.sentiment.data import Example
    from trainer.sentiment.export import write_model_dir
    from trainer.sentiment.model import SentimentNet
    from trainer.sentiment.pipeline import _encode
    from trainer.sentiment.train import FinetuneConfig, finetune

    ckpt = make_backbone(tmp)
    saved = torch.load(ckpt, weights_only=True)
    from core.model.spec import ModelSpec

    spec = ModelSpec.from_dict(saved["spec"])
    vocab = Vocab.load(tmp / "vocab.json")
    features = FeatureConfig(max_len=spec.max_len)
    examples = [Example(t, lab) for lab, t in make_texts(160)]
    data = _encode(examples, vocab, features)
    torch.manual_seed(0)
    net = SentimentNet(spec, 2)
    if train_steps:
        cfg = FinetuneConfig(epochs=train_steps * 32 / len(examples), lr=3e-3, threads=1, label_smoothing=0.0,
                             patience=100, eval_every=1000)
        finetune(net, data, data, cfg)
    out = tmp / "model"
    write_model_dir(net, out, name="tiny-sentiment", classes=["negative", "positive"],
                    features=features, vocab_path=tmp / "vocab.json", parity_data=data,
                    metrics={}, provenance={"test": True})
    return out
