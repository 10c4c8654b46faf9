"""MODEL_CARD.md of an adapted model folder: data, settings, learning curve, before/after."""
from __future__ import annotations

import json
from pathlib import Path


def _curve_png(metrics: Path, out: Path) -> bool:
    """Loss (and held-out char accuracy) by step from the run's metrics.jsonl."""
    if not metrics.exists():
        return False
    steps, loss, ev_steps, ev_acc = [], [], [], []
    for line in metrics.read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if rec.get("event") == "step":
            steps.append(rec["step"])
            loss.append(rec["loss"])
        elif rec.get("event") == "eval":
            ev_steps.append(rec["step"])
            ev_acc.append(100 * rec["char_acc"])
    if not steps:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.2), dpi=100)
    ax.plot(steps, loss, color="tab:blue", label="training loss")
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    if ev_steps:
        ax2 = ax.twinx()
        ax2.plot(ev_steps, ev_acc, "o-", color="tab:orange", label="held-out char % (model alone)")
        ax2.set_ylabel("char %")
    ax.set_title("Neural adaptation")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    return True


def _row(name: str, m: dict | None) -> list[str]:
    if not m:
        return []
    b, a = m["before"], m["after"]
    return [f"| {name}, before | {b['char']:.2f} | {b['exact']:.2f} | {b['top5']:.2f} | {b['clauses']:,} |",
            f"| {name}, after | {a['char']:.2f} | {a['exact']:.2f} | {a['top5']:.2f} | {a['clauses']:,} |"]


def write_card(out: Path, manifest: dict, metrics_jsonl: Path) -> None:
    has_curve = _curve_png(metrics_jsonl, out / "learning_curve.png")
    d = manifest.get("data", {})
    layer = manifest.get("layer") or {}
    neural = manifest.get("neural") or {}
    met = manifest.get("metrics", {})
    lines = [
        f"# {manifest['name']}",
        "",
        f"Adapted from **{manifest['base']['name']}** by `yinzi-train adapt` ({manifest['adapted']}, "
        f"{manifest['seconds']:.0f} s).",
        "",
        "## Data",
        f"- {len(d.get('files', [])):,} file(s), {d.get('documents', 0):,} documents, "
        f"{d.get('han_chars', 0):,} Han characters; {d.get('held_out_documents', 0):,} document(s) "
        f"({d.get('held_out_han_chars', 0):,} Han characters) held out for the figures below, never trained on.",
        f"- Training text: {d.get('train_han_chars', 0):,} Han characters"
        + (f"; {d['left_out_general_lines']:,} lines left out because they contain a clause of the "
           "general check file" if d.get("left_out_general_lines") else "") + ".",
        "",
        "| file | lines | Han chars | encoding | Traditional converted | error |",
        "|---|---|---|---|---|---|",
    ]
    for f in d.get("files", [])[:50]:
        lines.append(f"| {Path(f['path']).name} | {f['lines']:,} | {f['han_chars']:,} | {f['encoding']} | "
                     f"{'yes' if f['traditional_converted'] else 'no'} | {f['error'] or ''} |")
    if len(d.get("files", [])) > 50:
        lines.append(f"| ... {len(d['files']) - 50} more | | | | | |")
    lines += [
        "",
        "## Domain lexicon layer",
        f"- {layer.get('words', 0):,} words ({layer.get('new_words', 0):,} found as new words), "
        f"{layer.get('bigrams', 0):,} word pairs; interpolated with the system lexicon at weight "
        f"λ = {manifest['lambda']:g} (chosen 2-fold on held-out clauses).",
        f"- New words, for example: {'、'.join(layer.get('new_word_examples', [])[:20])}",
        "",
        "## Neural model",
    ]
    if neural.get("skipped", True):
        lines.append(f"- Not retrained ({manifest['settings']['preset']} preset on CPU): the ONNX "
                     f"files are the base model's.")
    else:
        lines.append(f"- Continued for {neural.get('steps', 0):,} steps ({neural.get('tokens_seen', 0):,} "
                     f"tokens) on {', '.join(manifest['settings']['devices'])}; stopped by {neural.get('reason')}.")
        if has_curve:
            lines += ["", "![learning curve](learning_curve.png)"]
    context_weight = manifest.get("rescore_context_weight")
    context_part = ("" if context_weight is None else
                    f", the committed context's part weighed {context_weight} (the base model's)")
    lines += [f"- Rescoring: mode {manifest.get('rescore_mode')}, weight "
              f"{manifest.get('rescore_weight')}{context_part}.",
              "",
              "## Before / after",
              "Whole-input conversion, DESIGN.md protocol (char %, clause exact %, top-5 %). Before: the "
              "base model with the system lexicon; after: this folder.",
              "",
              "| text | char % | exact % | top-5 % | clauses |",
              "|---|---|---|---|---|",
              *_row("held-out slice", met.get("held_out")),
              *_row("general check", met.get("general")),
              "",
              "## Settings",
              "```json",
              json.dumps(manifest.get("settings", {}), ensure_ascii=False, indent=1),
              "```",
              ""]
    (out / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
