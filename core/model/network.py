"""The pinyin-hanzi Transformer in one file (torch; imported by the trainer only, never at inference).

Each position's input is a pinyin-token embedding plus a hanzi-token embedding (the hanzi is
[MASK] where it is to be predicted, known for committed context) plus a learned position.
A bidirectional pre-LN encoder turns that into states; a small MLM-style transform and the
hanzi embedding (tied) turn states into character logits, restricted at loss time to the
characters that can be read as the position's pinyin token.

Blocks in dependency order: Attention -> Block -> P2CEncoder -> P2CModel -> P2CScoringGraph
(the exported graph) -> loaders (`load_pretrained`).
"""
from __future__ import annotations

import math
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

from core.model.spec import PAD, HanziVocab, ModelSpec, Vocab

NEG = -1e4  # additive attention mask; finite so fully padded rows stay NaN-free in bf16 too


class Attention(nn.Module):
    """Multi-head self-attention written out with plain matmuls (exports to ONNX at any shape)."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.n_heads = spec.n_heads
        self.qkv = nn.Linear(spec.d_model, 3 * spec.d_model)
        self.out = nn.Linear(spec.d_model, spec.d_model)
        self.drop = nn.Dropout(spec.dropout)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, c = x.shape
        h = self.n_heads
        q, k, v = self.qkv(x).split(c, dim=2)
        q = q.view(b, t, h, c // h).transpose(1, 2)  # (B, H, T, D)
        k = k.view(b, t, h, c // h).transpose(1, 2)  # (B, H, T, D)
        v = v.view(b, t, h, c // h).transpose(1, 2)  # (B, H, T, D)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(c // h)) + bias  # (B, H, T, T)
        att = self.drop(torch.softmax(att, dim=-1))
        y = (att @ v).transpose(1, 2).reshape(b, t, c)  # (B, T, C)
        return self.out(y)


class Block(nn.Module):
    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.ln1 = nn.LayerNorm(spec.d_model)
        self.attn = Attention(spec)
        self.ln2 = nn.LayerNorm(spec.d_model)
        self.ff = nn.Sequential(
            nn.Linear(spec.d_model, spec.d_ff),
            nn.GELU(),
            nn.Linear(spec.d_ff, spec.d_model),
        )
        self.drop = nn.Dropout(spec.dropout)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        x = x + self.drop(self.attn(self.ln1(x), bias))
        return x + self.drop(self.ff(self.ln2(x)))


class P2CEncoder(nn.Module):
    """The shared backbone: (pinyin ids, hanzi ids) -> contextual states (B, T, C).

    The sentiment model puts its own head on a pooled state of this encoder, feeding real
    pinyin and real hanzi (nothing masked).
    """

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        self.pinyin_emb = nn.Embedding(spec.n_pinyin, spec.d_model)
        self.hanzi_emb = nn.Embedding(spec.n_hanzi, spec.d_model)
        self.pos_emb = nn.Embedding(spec.max_len, spec.d_model)
        self.drop = nn.Dropout(spec.dropout)
        self.blocks = nn.ModuleList(Block(spec) for _ in range(spec.n_layers))
        self.ln_f = nn.LayerNorm(spec.d_model)

    def forward(self, pinyin_ids: torch.Tensor, hanzi_ids: torch.Tensor) -> torch.Tensor:
        """pinyin_ids, hanzi_ids: (B, T) int64; positions with pinyin PAD are padding."""
        t = pinyin_ids.shape[1]
        pos = torch.arange(t, device=pinyin_ids.device)
        x = self.pinyin_emb(pinyin_ids) + self.hanzi_emb(hanzi_ids) + self.pos_emb(pos)  # (B, T, C)
        x = self.drop(x)
        # (B, 1, 1, T): padding keys get a large negative score for every query.
        bias = (pinyin_ids == PAD).to(x.dtype).unsqueeze(1).unsqueeze(2) * NEG
        for block in self.blocks:
            x = block(x, bias)
        return self.ln_f(x)


def padding_mask(pinyin_ids: torch.Tensor) -> torch.Tensor:
    """(B, T) bool, True at real positions: what pooling heads should average over."""
    return pinyin_ids != PAD


class P2CModel(nn.Module):
    """Encoder + the character-prediction head tied to the hanzi embedding."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        self.encoder = P2CEncoder(spec)
        self.transform = nn.Sequential(
            nn.Linear(spec.d_model, spec.d_model), nn.GELU(), nn.LayerNorm(spec.d_model)
        )
        self.out_bias = nn.Parameter(torch.zeros(spec.n_hanzi))
        self.apply(self._init_weights)

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def forward(self, pinyin_ids: torch.Tensor, hanzi_ids: torch.Tensor) -> torch.Tensor:
        """States after the head transform, (B, T, C); `logits()` projects selected ones."""
        return self.transform(self.encoder(pinyin_ids, hanzi_ids))

    def logits(self, states: torch.Tensor) -> torch.Tensor:
        """(N, C) -> (N, n_hanzi) over the whole hanzi vocabulary."""
        return states @ self.encoder.hanzi_emb.weight.t() + self.out_bias

    def restricted_loss(
        self,
        pinyin_ids: torch.Tensor,
        hanzi_ids: torch.Tensor,
        targets: torch.Tensor,
        candidate_mask: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor, int]:
        """Cross-entropy at positions where `targets` != PAD, over each position's candidates.

        `candidate_mask` is Vocab.candidate_mask as a (n_pinyin, n_hanzi) bool tensor; the
        target itself is always allowed (a context-dependent reading the table lacks).
        Returns (mean loss, number correct, number predicted).
        """
        sel = targets != PAD                              # (B, T)
        states = self(pinyin_ids, hanzi_ids)[sel]         # (N, C)
        tgt = targets[sel]                                # (N,)
        logits = self.logits(states).float()              # (N, V)
        allowed = candidate_mask[pinyin_ids[sel]]         # (N, V)
        allowed = allowed.scatter(1, tgt.unsqueeze(1), True)
        logits = logits.masked_fill(~allowed, float("-inf"))
        loss = F.cross_entropy(logits, tgt)
        correct = int((logits.argmax(dim=1) == tgt).sum())
        return loss, torch.tensor(correct), int(tgt.numel())


class P2CScoringGraph(nn.Module):
    """What is exported to ONNX: log-probabilities restricted to the given candidates.

    Inputs: pinyin_ids, hanzi_ids (B, T); cand_ids (B, S, K) candidate hanzi for each of the
    LAST S positions (the path; the context before it is not scored), PAD-filled; target_ids
    (B, S) the character a path puts there (PAD where nothing is scored). Outputs:
    cand_logprobs (B, S, K) (-1e4 at PAD slots) and target_logprob (B, S), the target's
    log-probability among its candidates (0 where target is PAD). Scoring only the path keeps
    the per-keystroke cost independent of the context length.
    """

    def __init__(self, model: P2CModel) -> None:
        super().__init__()
        self.model = model

    def forward(
        self,
        pinyin_ids: torch.Tensor,
        hanzi_ids: torch.Tensor,
        cand_ids: torch.Tensor,
        target_ids: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        states = self.model(pinyin_ids, hanzi_ids)                       # (B, T, C)
        states = states[:, states.shape[1] - cand_ids.shape[1]:]         # (B, S, C)
        emb = self.model.encoder.hanzi_emb
        cand_vec = emb(cand_ids)                                         # (B, S, K, C)
        cand_logits = (cand_vec @ states.unsqueeze(-1)).squeeze(-1)      # (B, S, K)
        cand_logits = cand_logits + self.model.out_bias[cand_ids]
        cand_logits = cand_logits.masked_fill(cand_ids == PAD, NEG)
        tgt_logit = (emb(target_ids) * states).sum(-1) + self.model.out_bias[target_ids]  # (B, S)
        lse = torch.logsumexp(cand_logits, dim=-1)                        # (B, S)
        # A target missing from its candidate list still gets a proper probability.
        in_cands = (cand_ids == target_ids.unsqueeze(-1)).any(-1) | (target_ids == PAD)
        lse = torch.where(in_cands, lse, torch.logaddexp(lse, tgt_logit))
        target_logprob = torch.where(target_ids == PAD, torch.zeros_like(lse), tgt_logit - lse)
        return cand_logits - lse.unsqueeze(-1), target_logprob


# -- loaders -------------------------------------------------------------------------------
def load_checkpoint(path: str | Path, *, map_location: str = "cpu") -> tuple[P2CModel, dict]:
    """A trainer checkpoint (`*.pt`) -> model (eval mode) and the raw checkpoint dict."""
    ckpt = torch.load(path, map_location=map_location, weights_only=True)
    model = P2CModel(ModelSpec.from_dict(ckpt["spec"]))
    model.load_state_dict(ckpt["model"])
    return model.eval(), ckpt


def load_pretrained(model_dir: str | Path) -> tuple[P2CModel, Vocab]:
    """The pretrained model (eval mode) and its vocabularies, from a model directory.

    Reads `manifest.json` for the spec and the fp32 `model.onnx`, whose initializers carry
    the state_dict names (the export records the mapping in the manifest). A `*.pt`
    checkpoint path is accepted too. Fine-tuning: `model.encoder` is the backbone.
    """
    import json

    path = Path(model_dir)
    if path.suffix == ".pt":
        model, ckpt = load_checkpoint(path)
        data = json.loads(ckpt["vocab_json"])
        return model, Vocab(HanziVocab(tokens=data["hanzi"], readings=data["readings"]))
    import onnx
    from onnx import numpy_helper

    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    model = P2CModel(ModelSpec.from_dict(manifest["spec"]))
    proto = onnx.load(str(path / manifest["files"]["fp32"]))
    by_name = {init.name: init for init in proto.graph.initializer}
    mapping: dict[str, str] = manifest.get("initializers", {})
    state = {}
    for key, ref in model.state_dict().items():
        name = mapping.get(key, key)
        transposed = name.endswith("^T")  # Linear weights were folded into MatMul constants
        name = name.removesuffix("^T")
        if name not in by_name:
            raise KeyError(f"{path}: weight {key} ({name}) is missing from the ONNX file")
        arr = numpy_helper.to_array(by_name[name])
        state[key] = torch.from_numpy((arr.T if transposed else arr).copy()).reshape(ref.shape)
    model.load_state_dict(state)
    return model.eval(), Vocab.load(path / "vocab.json")
