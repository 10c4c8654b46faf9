"""The dev set the trainer watches: clauses of a text (DESIGN.md protocol), fully masked.

`build_dev_arrays` needs pypinyin (run where the data is prepared); the saved `.npz` needs
only numpy, so a GPU machine without pypinyin can evaluate too.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from core.model.spec import PAD, Vocab, readings
from trainer.data.readers import iter_text_lines

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def clauses(text_lines, *, min_len: int = 2, max_len: int = 64) -> list[str]:
    out = []
    for line in text_lines:
        out.extend(c[:max_len] for c in _HAN_RUN.findall(line) if len(c) >= min_len)
    return out


def build_dev_arrays(path: str | Path, vocab: Vocab, *, max_clauses: int = 3000) -> dict[str, np.ndarray]:
    """(N, L) hanzi targets and pinyin ids of the first `max_clauses` clauses of a text file."""
    cl = clauses(iter_text_lines(path))[:max_clauses]
    if not cl:
        raise ValueError(f"{path}: no clauses of 2+ Han characters")
    t = max(len(c) for c in cl)
    hz = np.zeros((len(cl), t), dtype=np.int64)
    py = np.zeros((len(cl), t), dtype=np.int64)
    for i, c in enumerate(cl):
        h, p = vocab.encode_text(c, readings(c))
        hz[i, : len(c)] = h
        py[i, : len(c)] = p
    return {"hanzi": hz, "pinyin": py}


def load_dev(path: str | Path) -> dict[str, np.ndarray]:
    with np.load(path) as data:
        return {"hanzi": data["hanzi"], "pinyin": data["pinyin"]}


def evaluate(model, dev: dict[str, np.ndarray], candidate_mask, *, device="cpu", batch_size: int = 256,
             autocast_dtype=None) -> dict[str, float]:
    """Per-position argmax over each syllable's candidates, no context: char acc and exact."""
    import torch

    from core.model.spec import MASK

    was_training = model.training
    model.eval()
    correct = total = exact = 0
    with torch.no_grad():
        for i in range(0, len(dev["hanzi"]), batch_size):
            hz = torch.from_numpy(dev["hanzi"][i : i + batch_size]).to(device)
            py = torch.from_numpy(dev["pinyin"][i : i + batch_size]).to(device)
            real = py != PAD
            with torch.autocast(device_type=str(device).split(":")[0], dtype=autocast_dtype,
                                enabled=autocast_dtype is not None):
                states = model(py, torch.where(real, MASK, PAD))
            logits = model.logits(states[real]).float()
            logits = logits.masked_fill(~candidate_mask[py[real]], float("-inf"))
            pred = torch.zeros_like(hz)
            pred[real] = logits.argmax(dim=1)
            ok = (pred == hz) & real
            correct += int(ok.sum())
            total += int(real.sum())
            exact += int((ok | ~real).all(dim=1).sum())
    if was_training:
        model.train()
    return {"char_acc": correct / max(total, 1), "clause_exact": exact / max(len(dev["hanzi"]), 1)}
