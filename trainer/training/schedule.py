"""Learning-rate schedule: linear warmup, then cosine decay to a floor."""
from __future__ import annotations

import math


def lr_at(step: int, *, peak: float, warmup: int, total: int, floor_ratio: float = 0.1) -> float:
    """LR for `step` (0-based): warmup to `peak`, cosine to `peak * floor_ratio` at `total`."""
    if warmup > 0 and step < warmup:
        return peak * (step + 1) / warmup
    if total <= warmup:
        return peak
    progress = min(1.0, (step - warmup) / max(1, total - warmup))
    floor = peak * floor_ratio
    return floor + 0.5 * (peak - floor) * (1.0 + math.cos(math.pi * progress))
