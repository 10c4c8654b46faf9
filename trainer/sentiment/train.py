"""Fine-tuning loop for the sentiment head + backbone, emitting events (it knows nothing of UIs).

Data are encoded once into flat id arrays (`EncodedSet`, saved as .npz) so a run can move to
another machine without pypinyin; batches are length-bucketed because padding is most of
the cost on a CPU.
"""
from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from core.analysis.features import pad_rows
from core.model.spec import PAD
from trainer.training.loop import pick_device  # the trainer's one copy (cuda:N too)

# Peak learning rates that suit a ~5M-parameter encoder (BERT-base's 2e-5 is far too low
# for a model this small; 1e-3 forgets the pretraining). The head gets `head_lr_mult` x.
LR_PRESETS = {"gentle": 1e-4, "default": 2e-4, "fast": 5e-4}


@dataclass
class FinetuneConfig:
    epochs: float = 3.0            # passes over the training set (fractions allowed)
    batch_size: int = 32           # texts per step
    preset: str = "default"        # key of LR_PRESETS
    lr: float | None = None        # overrides the preset's peak learning rate
    head_lr_mult: float = 5.0      # the fresh head learns faster than the pretrained body
    weight_decay: float = 0.01
    warmup: float = 0.06           # share of steps spent warming up linearly
    eval_every: int = 0            # steps between dev evaluations; 0 = four times an epoch
    patience: int = 4              # evaluations without dev improvement before stopping
    class_weights: bool = True     # inverse-frequency loss weights (skewed hotel data)
    label_smoothing: float = 0.05
    seed: int = 0
    device: str = "auto"           # auto | cpu | cuda
    threads: int = 2               # torch CPU threads
    max_minutes: float | None = None  # wall-clock budget; the best state so far is kept
    bf16: bool = True              # autocast on CUDA
    wide_epochs: float = 5.0       # fit the TF-IDF wide path alone this long, then freeze it
    wide_lr: float = 2e-2
    wide_l2: float = 3e-6          # L2 on the wide weights (per text, like LR's 1/(2CN))
    blend: bool = False            # train the encoder on the labels alone, then weigh it beside the
                                   # wide path on dev (the net must be built with blend=True)

    def __post_init__(self) -> None:
        if self.preset not in LR_PRESETS:
            raise ValueError(f"unknown preset {self.preset!r}; choose {', '.join(LR_PRESETS)}")
        if self.epochs <= 0 or self.batch_size <= 0:
            raise ValueError("epochs and batch size must be positive")
        if self.blend and self.wide_epochs <= 0:
            # Blended training never passes the wide path a gradient: it must be fitted first.
            raise ValueError("--blend needs --wide-epochs > 0 (the wide path is fitted alone first)")

    @property
    def peak_lr(self) -> float:
        return self.lr if self.lr is not None else LR_PRESETS[self.preset]


def lr_at(step: int, *, total: int, peak: float, warmup: int) -> float:
    """Linear warm-up to `peak`, then cosine decay to a tenth of it at `total`."""
    if total <= 0:
        return peak
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = min(1.0, (step - warmup) / max(1, total - warmup))
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))


# -- encoded data ----------------------------------------------------------------------------
@dataclass
class EncodedSet:
    """Texts as flat id arrays: example i is `hanzi[offsets[i]:offsets[i+1]]`.

    Optional: hashed word n-gram ids (`words[word_offsets[i]:word_offsets[i+1]]`) for models
    that read them, and per-example loss weights (e.g. up-weighting in-domain files).
    """

    hanzi: np.ndarray     # (N_tokens,) int32
    pinyin: np.ndarray    # (N_tokens,) int32
    offsets: np.ndarray   # (N + 1,) int64
    labels: np.ndarray    # (N,) int64
    words: np.ndarray | None = None         # (N_words,) int32
    word_offsets: np.ndarray | None = None  # (N + 1,) int64
    weights: np.ndarray | None = None       # (N,) float32; None = all 1

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    @staticmethod
    def _flatten(rows: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(r) for r in rows])
        flat = np.fromiter((i for r in rows for i in r), dtype=np.int32, count=int(offsets[-1]))
        return flat, offsets

    @classmethod
    def from_pairs(cls, pairs: Sequence[tuple[list[int], list[int]]], labels: Sequence[int], *,
                   words: Sequence[Sequence[int]] | None = None,
                   weights: Sequence[float] | None = None) -> EncodedSet:
        hanzi, offsets = cls._flatten([h for h, _ in pairs])
        pinyin, _ = cls._flatten([p for _, p in pairs])
        flat_words, word_offsets = cls._flatten(words) if words is not None else (None, None)
        w = None if weights is None else np.asarray(weights, dtype=np.float32)
        return cls(hanzi, pinyin, offsets, np.asarray(labels, dtype=np.int64), flat_words, word_offsets, w)

    def save(self, path: str | Path) -> None:
        extra = {k: v for k, v in (("words", self.words), ("word_offsets", self.word_offsets),
                                   ("weights", self.weights)) if v is not None}
        np.savez_compressed(path, hanzi=self.hanzi, pinyin=self.pinyin, offsets=self.offsets,
                            labels=self.labels, **extra)

    @classmethod
    def load(cls, path: str | Path) -> EncodedSet:
        with np.load(path) as data:
            opt = {k: data[k] for k in ("words", "word_offsets", "weights") if k in data}
            return cls(data["hanzi"], data["pinyin"], data["offsets"], data["labels"], **opt)

    def batch(self, index: Sequence[int]) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
        """The model inputs ((hanzi, pinyin) or (hanzi, pinyin, words)) and the labels."""
        index = list(index)
        width = int(self.lengths[index].max())
        hanzi = np.full((len(index), width), PAD, dtype=np.int64)
        pinyin = np.full((len(index), width), PAD, dtype=np.int64)
        for row, i in enumerate(index):
            a, b = self.offsets[i], self.offsets[i + 1]
            hanzi[row, : b - a] = self.hanzi[a:b]
            pinyin[row, : b - a] = self.pinyin[a:b]
        inputs = [torch.from_numpy(hanzi), torch.from_numpy(pinyin)]
        if self.words is not None:
            wo = self.word_offsets
            inputs.append(torch.from_numpy(pad_rows([self.words[wo[i] : wo[i + 1]] for i in index])))
        return tuple(inputs), torch.from_numpy(self.labels[index])

    def weight_of(self, index: Sequence[int]) -> torch.Tensor | None:
        return None if self.weights is None else torch.from_numpy(self.weights[list(index)])


def bucketed_batches(lengths: np.ndarray, batch_size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Shuffled batches of similar lengths: sort within random chunks of 50 batches."""
    order = rng.permutation(len(lengths))
    chunk = batch_size * 50
    batches: list[np.ndarray] = []
    for start in range(0, len(order), chunk):
        part = order[start : start + chunk]
        part = part[np.argsort(lengths[part], kind="stable")]
        batches.extend(part[i : i + batch_size] for i in range(0, len(part), batch_size))
    rng.shuffle(batches)
    return batches


# -- events ----------------------------------------------------------------------------------
@dataclass
class Event:
    kind: str                      # start | step | eval | stop | end
    step: int
    data: dict = field(default_factory=dict)


Callback = Callable[[Event], None]


@dataclass
class FinetuneResult:
    best_state: dict
    best_step: int
    best_dev: dict                 # {"accuracy":..., "macro_f1":...}
    history: list[dict]
    steps: int
    seconds: float
    tokens_per_s: float
    stopped_early: bool
    device: str


def setup_cpu_threads(threads: int) -> None:
    # Spin-waiting OpenMP threads made 2 threads 4x slower than 1 on busy cores (PLATFORM_NOTES).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    torch.set_num_threads(max(1, threads))


@torch.no_grad()
def predict_logits(net: torch.nn.Module, data: EncodedSet, *, batch_size: int = 64,
                   device: torch.device | None = None, logits_fn=None) -> np.ndarray:
    """(N, K) logits in the original order; `logits_fn` (default: the whole net) maps the
    inputs (hanzi, pinyin[, words]) to logits, e.g. `net.wide_logits` for one path alone."""
    device = device or next(net.parameters()).device
    was_training = net.training
    net.eval()
    order = np.argsort(data.lengths, kind="stable")
    out = np.zeros((len(data), net.n_classes), dtype=np.float32)
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        inputs, _ = data.batch(idx)
        out[idx] = (logits_fn or net)(*(t.to(device) for t in inputs)).float().cpu().numpy()
    net.train(was_training)
    return out


def predict_proba(net: torch.nn.Module, data: EncodedSet, *, batch_size: int = 64,
                  device: torch.device | None = None, logits_fn=None) -> np.ndarray:
    """(N, K) probabilities in the original order (see predict_logits)."""
    logits = predict_logits(net, data, batch_size=batch_size, device=device, logits_fn=logits_fn)
    return torch.softmax(torch.from_numpy(logits), dim=-1).numpy()


def _dev_scores(probs: np.ndarray, labels: np.ndarray, n_classes: int) -> dict:
    pred = probs.argmax(1)
    acc = float((pred == labels).mean()) if len(labels) else 0.0
    f1s = []
    for c in range(n_classes):
        tp = int(((pred == c) & (labels == c)).sum())
        fp = int(((pred == c) & (labels != c)).sum())
        fn = int(((pred != c) & (labels == c)).sum())
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return {"accuracy": acc, "macro_f1": float(np.mean(f1s))}


def finetune(
    net: torch.nn.Module,
    train: EncodedSet,
    dev: EncodedSet,
    cfg: FinetuneConfig,
    *,
    callbacks: Sequence[Callback] = (),
) -> FinetuneResult:
    """Train `net` in place; returns the best dev state (macro-F1) and the history."""
    device = pick_device(cfg.device)
    if device.type == "cpu":
        setup_cpu_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    net.to(device).train()

    def emit(kind: str, step: int, **data) -> None:
        for cb in callbacks:
            cb(Event(kind, step, data))

    k = net.n_classes
    weights = _class_weights(train, k, cfg, device)

    fresh = ("head.", "wide_")  # new layers learn at the head's rate
    head_params = [p for n, p in net.named_parameters() if n.startswith(fresh)]
    body_decay = [p for n, p in net.named_parameters() if not n.startswith(fresh) and p.dim() >= 2]
    body_no_decay = [p for n, p in net.named_parameters() if not n.startswith(fresh) and p.dim() < 2]
    groups = [
        {"params": body_decay, "weight_decay": cfg.weight_decay, "mult": 1.0},
        {"params": body_no_decay, "weight_decay": 0.0, "mult": 1.0},
        {"params": head_params, "weight_decay": cfg.weight_decay, "mult": cfg.head_lr_mult},
    ]
    optimizer = torch.optim.AdamW(groups, lr=cfg.peak_lr, betas=(0.9, 0.98), eps=1e-6)

    steps_per_epoch = math.ceil(len(train) / cfg.batch_size)
    total = max(1, int(steps_per_epoch * cfg.epochs))
    warmup = max(1, int(total * cfg.warmup))
    eval_every = cfg.eval_every or max(1, steps_per_epoch // 4)
    autocast = device.type == "cuda" and cfg.bf16
    emit("start", 0, total_steps=total, steps_per_epoch=steps_per_epoch, device=str(device),
         train=len(train), dev=len(dev), config=asdict(cfg))

    best_state = {n: t.detach().cpu().clone() for n, t in net.state_dict().items()}
    best = {"accuracy": -1.0, "macro_f1": -1.0}
    best_step = 0
    bad_evals = 0
    history: list[dict] = []
    tokens = 0
    start = time.monotonic()
    step = 0
    stopped_early = False
    loss_sum = 0.0
    loss_n = 0

    blend = cfg.blend and getattr(net, "blend", False)
    # Blended: the deep part is trained and chosen as a model of its own; the wide path joins at the end.
    forward = net.deep_logits if blend else net

    def evaluate() -> bool:
        nonlocal best, best_step, best_state, bad_evals, loss_sum, loss_n
        scores = _dev_scores(predict_proba(net, dev, device=device, logits_fn=forward), dev.labels, k)
        elapsed = time.monotonic() - start
        record = {"at_step": step, "epoch": step / steps_per_epoch, "train_loss": loss_sum / max(1, loss_n),
                  "seconds": elapsed, "tokens_per_s": tokens / max(elapsed, 1e-9), **scores}
        history.append(record)
        loss_sum, loss_n = 0.0, 0
        improved = scores["macro_f1"] > best["macro_f1"]
        if improved:
            best, best_step, bad_evals = scores, step, 0
            best_state = {n: t.detach().cpu().clone() for n, t in net.state_dict().items()}
        else:
            bad_evals += 1
        emit("eval", step, improved=improved, **record)
        return bad_evals >= cfg.patience

    if getattr(net, "wide_buckets", 0):
        net.fit_idf(train.batch(idx)[0] for idx in _chunks(len(train), 512))
        if cfg.wide_epochs > 0:
            _wide_fit(net, train, dev, cfg, device, weights, rng, emit)
            # Frozen from here: the deep part learns what the linear model gets wrong (or, with
            # blend, learns the labels on its own).
            for p in (net.wide_w.weight, net.wide_bias):
                p.requires_grad_(False)

    done = False
    while not done:
        for idx in bucketed_batches(train.lengths, cfg.batch_size, rng):
            if step >= total:
                done = True
                break
            lr = lr_at(step, total=total, peak=cfg.peak_lr, warmup=warmup)
            for group in optimizer.param_groups:
                group["lr"] = lr * group["mult"]
            inputs, labels = train.batch(idx)
            inputs = tuple(t.to(device, non_blocking=True) for t in inputs)
            labels = labels.to(device)
            pinyin = inputs[1]
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=autocast):
                logits = forward(*inputs)
            loss = weighted_loss(logits.float(), labels, weights, train.weight_of(idx),
                                 label_smoothing=cfg.label_smoothing)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimizer.step()
            step += 1
            tokens += int((pinyin != PAD).sum())
            loss_sum += float(loss.detach())
            loss_n += 1
            elapsed = time.monotonic() - start
            emit("step", step, loss=float(loss.detach()), lr=lr, tokens_per_s=tokens / max(elapsed, 1e-9),
                 total_steps=total)
            out_of_time = cfg.max_minutes is not None and elapsed > cfg.max_minutes * 60
            if step % eval_every == 0 or step >= total or out_of_time:
                if evaluate():
                    stopped_early = done = True
                    emit("stop", step, reason=f"no dev improvement in {cfg.patience} evaluations")
                    break
                if out_of_time:
                    stopped_early = done = True
                    emit("stop", step, reason=f"time budget of {cfg.max_minutes} min used")
                    break
    if not history or history[-1]["at_step"] != step:
        evaluate()
    seconds = time.monotonic() - start
    net.load_state_dict(best_state)
    if blend:
        best = _tune_blend(net, dev, device, emit)
        best_state = {n: t.detach().cpu().clone() for n, t in net.state_dict().items()}
    result = FinetuneResult(best_state, best_step, best, history, step, seconds,
                            tokens / max(seconds, 1e-9), stopped_early, str(device))
    emit("end", step, best_step=best_step, **best, seconds=seconds)
    return result


def weighted_loss(logits: torch.Tensor, labels: torch.Tensor, class_weights: torch.Tensor | None,
                  example_weights: torch.Tensor | None, *, label_smoothing: float = 0.0) -> torch.Tensor:
    """Cross-entropy with class weights and optional per-example weights.

    Without example weights this is exactly F.cross_entropy(weight=class_weights); with them
    each example's term is scaled and the mean is over the combined weights, so an
    up-weighted file counts as if its rows were repeated.
    """
    if example_weights is None:
        return F.cross_entropy(logits, labels, weight=class_weights, label_smoothing=label_smoothing)
    per = F.cross_entropy(logits, labels, weight=class_weights, reduction="none",
                          label_smoothing=label_smoothing)
    w = example_weights.to(per.device, per.dtype)
    # `per` already carries the class weights; the denominator needs them too (as F.cross_entropy's mean does).
    w_norm = w if class_weights is None else w * class_weights[labels]
    return (per * w).sum() / w_norm.sum().clamp(min=1e-12)


def _class_weights(train: EncodedSet, k: int, cfg: FinetuneConfig, device) -> torch.Tensor | None:
    """Inverse-frequency loss weights of the classes (None when switched off)."""
    if not cfg.class_weights:
        return None
    counts = np.bincount(train.labels, minlength=k).astype(np.float64)
    return torch.tensor(counts.sum() / (k * np.maximum(counts, 1)), dtype=torch.float32, device=device)


def refit_wide(net: torch.nn.Module, train: EncodedSet, dev: EncodedSet, cfg: FinetuneConfig, *,
               callbacks: Sequence[Callback] = ()) -> dict:
    """Fit the wide path of a trained blended net again, on `train`'s n-gram rows (new features,
    e.g. lexicon cues), and choose the encoder's weight beside it on dev again; returns the dev scores.

    In a blended net the encoder and head never see the wide path while they learn, and the wide
    path is fitted first from the same seed, so this gives the net a full run with the new
    features would give, without training the encoder again."""
    if not getattr(net, "blend", False):
        raise ValueError("only a blended net's wide path can be fitted again on its own")
    device = pick_device(cfg.device)
    if device.type == "cpu":
        setup_cpu_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    net.to(device)

    def emit(kind: str, step: int, **data) -> None:
        for cb in callbacks:
            cb(Event(kind, step, data))

    with torch.no_grad():
        net.wide_w.weight.zero_()
        net.wide_bias.zero_()
    net.fit_idf(train.batch(idx)[0] for idx in _chunks(len(train), 512))
    _wide_fit(net, train, dev, cfg, device, _class_weights(train, net.n_classes, cfg, device), rng, emit)
    return _tune_blend(net, dev, device, emit)


def _chunks(n: int, size: int):
    for i in range(0, n, size):
        yield np.arange(i, min(n, i + size))


def _wide_fit(net, train: EncodedSet, dev: EncodedSet, cfg: FinetuneConfig, device, weights,
              rng: np.random.Generator, emit) -> None:
    """Fit the TF-IDF wide path alone: logistic regression by Adam, linearly decayed."""
    params = [net.wide_w.weight, net.wide_bias]
    optimizer = torch.optim.Adam(params, lr=cfg.wide_lr)
    batch = 256
    total = max(1, int(math.ceil(len(train) / batch) * cfg.wide_epochs))
    start = time.monotonic()
    step = 0
    while step < total:
        for idx in bucketed_batches(train.lengths, batch, rng):
            if step >= total:
                break
            for group in optimizer.param_groups:
                group["lr"] = cfg.wide_lr * max(0.02, 1 - step / total)
            inputs, labels = train.batch(idx)
            logits = net.wide_logits(*(t.to(device) for t in inputs))
            loss = weighted_loss(logits, labels.to(device), weights, train.weight_of(idx))
            loss = loss + cfg.wide_l2 * net.wide_w.weight.pow(2).sum()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            step += 1
    probs = predict_proba(net, dev, batch_size=256, device=device, logits_fn=net.wide_logits)
    scores = _dev_scores(probs, dev.labels, net.n_classes)
    emit("wide", step, seconds=time.monotonic() - start, **scores)


BLEND_SCALES = tuple(round(0.1 * i, 1) for i in range(1, 21))  # deep logits x 0.1 .. 2.0


def _tune_blend(net, dev: EncodedSet, device, emit) -> dict:
    """Choose the deep logits' weight beside the wide path by dev macro-F1 (the smallest of
    equal bests: the wide path is the steadier of the two); sets net.deep_scale."""
    deep = torch.from_numpy(predict_logits(net, dev, device=device, logits_fn=net.deep_logits))
    wide = torch.from_numpy(predict_logits(net, dev, device=device, logits_fn=net.wide_logits))
    best_scale, best = 1.0, {"macro_f1": -1.0}
    for scale in BLEND_SCALES:
        probs = torch.softmax(wide + scale * deep, dim=-1).numpy()
        scores = _dev_scores(probs, dev.labels, net.n_classes)
        if scores["macro_f1"] > best["macro_f1"]:
            best_scale, best = scale, scores
    net.deep_scale.fill_(best_scale)
    deep_alone = _dev_scores(torch.softmax(deep, -1).numpy(), dev.labels, net.n_classes)
    emit("blend", 0, scale=best_scale, deep_accuracy=deep_alone["accuracy"], **best)
    return best
