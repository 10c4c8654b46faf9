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
                     n_layers=1, n_heads=2, d_ff=64, max_len=48)
    model = P2CModel(spec)
    ckpt = tmp / "backbone.pt"
    torch.save({"spec": spec.to_dict(), "model": model.state_dict(), "vocab_path": str(vocab_path)}, ckpt)
    return ckpt
