"""The evaluation report: JSON (all figures) and a PNG (confusion matrices + dev curve)."""
from __future__ import annotations

import json
from pathlib import Path

from trainer.sentiment.metrics import Metrics


def write_json(path: Path, report: dict) -> None:
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


def write_png(path: Path, *, results: dict[str, Metrics], history: list[dict], title: str) -> None:
    """One confusion matrix per evaluated file, plus dev accuracy/F1 over training steps."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt

    n = len(results) + (1 if history else 0)
    fig, axes = plt.subplots(1, max(1, n), figsize=(4.2 * max(1, n), 4))
    axes = list(axes) if n > 1 else [axes]
    for ax, (name, m) in zip(axes, results.items(), strict=False):
        names = [c.name for c in m.per_class]
        ax.imshow(m.confusion, cmap="Blues")
        for i, row in enumerate(m.confusion):
            for j, v in enumerate(row):
                ax.text(j, i, str(v), ha="center", va="center",
                        color="white" if v > max(map(max, m.confusion)) / 2 else "black")
        ax.set_xticks(range(len(names)), names)
        ax.set_yticks(range(len(names)), names)
        ax.set_xlabel("predicted")
        ax.set_ylabel("true")
        ax.set_title(f"{name}\nacc {m.accuracy:.3f}  macro-F1 {m.macro_f1:.3f}", fontsize=9)
    if history:
        ax = axes[-1]
        steps = [h["at_step"] for h in history]
        ax.plot(steps, [h["accuracy"] for h in history], label="dev accuracy")
        ax.plot(steps, [h["macro_f1"] for h in history], label="dev macro-F1")
        ax.set_xlabel("step")
        ax.set_title("fine-tuning", fontsize=9)
        ax.legend(fontsize=8)
        ax.grid(alpha=0.3)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
