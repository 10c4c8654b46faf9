"""Fine-tuning: schedule, batching, a tiny end-to-end run with export, report and evaluation."""
from __future__ import annotations

import json
import random

import numpy as np
import pytest
from sentiment_fixtures import NEGATIVE, POSITIVE, make_backbone, make_texts, write_tsv

from trainer.cli import main
from trainer.sentiment.train import FinetuneConfig, bucketed_batches, lr_at


def test_lr_warms_up_then_decays_to_a_tenth():
    peak, total, warmup = 1e-3, 100, 10
    lrs = [lr_at(s, total=total, peak=peak, warmup=warmup) for s in range(total + 1)]
    assert lrs[0] == pytest.approx(peak / warmup)
    assert max(lrs) == pytest.approx(peak)
    assert all(a >= b for a, b in zip(lrs[warmup:], lrs[warmup + 1:], strict=False))
    assert lrs[-1] == pytest.approx(peak * 0.1)


def test_bucketed_batches_cover_every_example_once():
    lengths = np.random.default_rng(0).integers(3, 100, size=1000)
    batches = bucketed_batches(lengths, 32, np.random.default_rng(1))
    seen = np.concatenate(batches)
    assert sorted(seen.tolist()) == list(range(1000))
    # Within a batch, lengths are close (padding is the CPU's main cost).
    spread = np.mean([lengths[b].max() - lengths[b].min() for b in batches])
    assert spread < 20


def test_config_rejects_unknown_preset():
    with pytest.raises(ValueError, match="preset"):
        FinetuneConfig(preset="turbo")


@pytest.mark.slow
def test_finetune_tiny_model_end_to_end(tmp_path, capsys):
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(240))
    test = write_tsv(tmp_path / "test.tsv", make_texts(40, seed=7))
    out = tmp_path / "out"
    rc = main(["finetune-sentiment", "--train", str(train), "--test", str(test), "--backbone", str(ckpt),
               "--out", str(out), "--epochs", "6", "--lr", "2e-3", "--patience", "12", "--threads", "1", "--max-len", "48",
               "--save-state", str(tmp_path / "state.pt")])
    assert rc == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # No recipe flags: the shipped recipe (wide char + word n-gram path, encoder blended).
    net = report["net"]
    assert (net["wide_buckets"], net["word_buckets"], bool(net["blend"])) == (262144, 262144, True)
    assert report["torch_metrics"]["test"]["accuracy"] >= 0.9
    assert report["onnx_metrics"]["test (int8)"]["accuracy"] >= 0.85
    assert report["parity"]["fp32_max_abs_diff"] < 1e-4
    model = out / "model"
    for name in ("model.onnx", "model.int8.onnx", "manifest.json", "vocab.json", "card.md", "report.png"):
        assert (model / name).exists(), name
    card = (model / "card.md").read_text(encoding="utf-8")
    assert "test" in card
    assert "Tan Songbo" not in card  # the shipped data's source notes belong to its files only
    assert (out / "report.png").stat().st_size > 1000

    # The same weights re-exported without training give the same figures.
    rc = main(["finetune-sentiment", "--train", str(train), "--test", str(test), "--backbone", str(ckpt),
               "--out", str(tmp_path / "again"), "--from-state", str(tmp_path / "state.pt"), "--max-len", "48",
               "--no-export"])
    assert rc == 0
    again = json.loads((tmp_path / "again" / "report.json").read_text(encoding="utf-8"))
    assert again["torch_metrics"]["test"] == report["torch_metrics"]["test"]

    # eval-sentiment runs the exported model beside the TF-IDF baseline on the same files.
    rc = main(["eval-sentiment", "--model", str(model), "--train", str(train), "--test", str(test),
               "--no-snownlp", "--json", str(tmp_path / "eval.json")])
    assert rc == 0
    figures = json.loads((tmp_path / "eval.json").read_text(encoding="utf-8"))
    assert "TF-IDF char 1-2gram + LR" in figures["systems"]
    speeds = [s["speed"] for s in figures["systems"].values() if "speed" in s]
    assert speeds and speeds[0]["batch_sentences_per_s"] > 0
    # fp32 and int8 each set beside the baseline, with an interval around the gap
    gaps = figures["comparisons"]
    assert len(gaps) == 2 and {g["baseline"] for g in gaps} == {"TF-IDF char 1-2gram + LR"}
    for g in gaps:
        assert g["low"] <= g["diff"] <= g["high"]
        acc = figures["systems"][g["system"]]["test"]["accuracy"]
        base = figures["systems"][g["baseline"]]["test"]["accuracy"]
        assert g["diff"] == pytest.approx(100 * (acc - base))


def test_three_classes_train(tmp_path):
    ckpt = make_backbone(tmp_path)
    rows = [(lab, t) for lab, t in make_texts(60)] + [(2, f"房间一般般{i}") for i in range(30)]
    train = write_tsv(tmp_path / "train.tsv", rows)
    rc = main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out",
               str(tmp_path / "out"), "--epochs", "1", "--threads", "1", "--max-len", "48", "--no-export"])
    assert rc == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["classes"] == ["negative", "positive", "neutral"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("label\ttext\n1\t好\n1\t很好\n", "only one class"),
     ("stars\tbody\n1\t好\n", "not found"),
     ("label\ttext\n7\ta\n8\tb\n", "rows rejected")],
)
def test_bad_label_files_give_clear_errors(tmp_path, capsys, content, message):
    ckpt = make_backbone(tmp_path)
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    rc = main(["finetune-sentiment", "--train", str(path), "--backbone", str(ckpt), "--out", str(tmp_path / "o")])
    assert rc == 2
    assert message in capsys.readouterr().err


def test_missing_backbone_is_explained(tmp_path, capsys):
    path = write_tsv(tmp_path / "t.tsv", make_texts(10))
    rc = main(["finetune-sentiment", "--train", str(path), "--backbone", str(tmp_path / "none")])
    assert rc == 2
    assert "not found" in capsys.readouterr().err


def test_a_saved_state_exports_again_without_training(tmp_path):
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(120))
    out = tmp_path / "out"
    rc = main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out", str(out),
               "--epochs", "1", "--lr", "2e-3", "--threads", "1", "--max-len", "48", "--wide-buckets", "4096",
               "--word-buckets", "2048", "--wide-epochs", "4", "--wide-lr", "0.1", "--lexicon", "none",
               "--save-state", str(tmp_path / "s.pt")])
    assert rc == 0
    first = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # --from-state rebuilds the same network from the saved config: same dev figures.
    again = tmp_path / "again"
    rc = main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out", str(again),
               "--from-state", str(tmp_path / "s.pt"), "--max-len", "48", "--wide-buckets", "4096",
               "--word-buckets", "2048", "--lexicon", "none", "--no-export"])
    assert rc == 0
    second = json.loads((again / "report.json").read_text(encoding="utf-8"))
    assert second["torch_metrics"]["dev"]["accuracy"] == first["torch_metrics"]["dev"]["accuracy"]
    assert second["net"] == first["net"] == {"n_classes": 2, "wide_buckets": 4096, "word_buckets": 2048,
                                             "blend": True}


def test_wide_path_idf_ignores_padding_and_favours_rare_ngrams():
    import torch

    from core.model.spec import ModelSpec
    from trainer.sentiment.model import SentimentNet

    spec = ModelSpec(n_pinyin=20, n_hanzi=30, d_model=8, n_layers=1, n_heads=2, d_ff=16, max_len=16)
    net = SentimentNet(spec, 2, wide_buckets=997)
    # Three texts' rows: 7 in all of them (twice in the first), 9 in one; the last is padded.
    words = torch.tensor([[7, 9, 7], [7, 8, 8], [7, 8, 0]])
    hanzi = pinyin = torch.ones_like(words)
    net.fit_idf([(hanzi, pinyin, words)])
    idf = net.wide_idf
    assert float(idf[0]) == 0.0                              # padding never counts
    assert float(idf[9]) > float(idf[8]) > float(idf[7]) == pytest.approx(1.0)
    # Padding adds nothing to a text's logits.
    with torch.no_grad():
        net.wide_w.weight.normal_()
    assert torch.allclose(net.wide_logits(hanzi[:1], pinyin[:1], torch.tensor([[7, 9, 0, 0]])),
                          net.wide_logits(hanzi[:1], pinyin[:1], torch.tensor([[7, 9]])))


def test_wide_path_learns_alone_then_exports_with_parity(tmp_path, capsys):
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(160))
    out = tmp_path / "out"
    rc = main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out", str(out),
               "--epochs", "1", "--lr", "2e-3", "--threads", "1", "--max-len", "48",
               "--wide-buckets", "4096", "--wide-epochs", "8", "--wide-lr", "0.1"])
    assert rc == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "TF-IDF wide path alone" in x)
    assert float(line.split("dev acc ")[1].split()[0]) >= 0.9   # the word cues are linear
    manifest = json.loads((out / "model" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["net"]["wide_buckets"] == 4096
    assert manifest["parity"]["fp32_max_abs_diff"] < 1e-3


def test_a_run_from_an_encoded_folder_names_its_backbone(tmp_path):
    """--save-encoded/--encoded (how a run is shipped to another machine) keeps provenance."""
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(80))
    enc = tmp_path / "enc"
    assert main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out",
                 str(tmp_path / "a"), "--max-len", "48", "--save-encoded", str(enc), "--encode-only"]) == 0
    out = tmp_path / "b"
    assert main(["finetune-sentiment", "--encoded", str(enc), "--out", str(out), "--epochs", "1",
                 "--threads", "1", "--lr", "2e-3"]) == 0
    card = (out / "model" / "card.md").read_text(encoding="utf-8")
    assert "random init" not in card
    assert f"`{ckpt}`" in card


def test_word_ngrams_feed_the_wide_path_and_the_shipped_classifier(tmp_path):
    """--word-buckets: a third graph input that the app's classifier fills from jieba words."""
    from core.analysis.classifier import SentimentClassifier

    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(160))
    extra = write_tsv(tmp_path / "extra.tsv", make_texts(40, seed=3))
    test = write_tsv(tmp_path / "test.tsv", make_texts(40, seed=7))
    out = tmp_path / "out"
    rc = main(["finetune-sentiment", "--train", str(train), str(extra), "--train-weights", "1", "3",
               "--test", str(test), "--backbone", str(ckpt), "--out", str(out), "--epochs", "1",
               "--lr", "2e-3", "--threads", "1", "--max-len", "48", "--wide-buckets", "4096",
               "--word-buckets", "2048", "--wide-epochs", "8", "--wide-lr", "0.1"])
    assert rc == 0
    manifest = json.loads((out / "model" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["features"]["word_buckets"] == 2048
    assert "words" in manifest["inputs"]
    assert manifest["net"]["word_buckets"] == 2048
    # By default the wide path reads 1024 characters, hashed outside the graph.
    assert manifest["features"]["char_buckets"] == 4096 and manifest["features"]["wide_chars"] == 1024
    assert manifest["parity"]["fp32_max_abs_diff"] < 1e-3
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["data"]["train_weights"] == [1.0, 3.0]
    assert report["onnx_metrics"]["test (fp32)"]["accuracy"] >= 0.9
    clf = SentimentClassifier(out / "model", int8=False)
    probs = clf.predict_proba(["房间很好，服务不错", "手机很差，太失望"])
    assert probs.argmax(1).tolist() == [1, 0]


def test_train_weights_must_match_the_training_files(tmp_path, capsys):
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(40))
    rc = main(["finetune-sentiment", "--train", str(train), "--train-weights", "1", "2",
               "--backbone", str(ckpt), "--out", str(tmp_path / "o"), "--max-len", "48"])
    assert rc != 0
    assert "2 file weights for 1 training files" in capsys.readouterr().err


def test_weighted_loss_counts_a_weighted_row_as_repeated_rows():
    import torch
    import torch.nn.functional as F

    from trainer.sentiment.train import weighted_loss

    logits = torch.tensor([[2.0, -1.0], [0.3, 0.1], [-0.5, 1.5]])
    labels = torch.tensor([0, 1, 1])
    cw = torch.tensor([1.0, 2.5])
    plain = weighted_loss(logits, labels, cw, None)
    assert float(plain) == pytest.approx(float(F.cross_entropy(logits, labels, weight=cw)))
    assert float(weighted_loss(logits, labels, cw, torch.ones(3))) == pytest.approx(float(plain))
    weighted = weighted_loss(logits, labels, cw, torch.tensor([1.0, 3.0, 1.0]))
    repeated = F.cross_entropy(logits[[0, 1, 1, 1, 2]], labels[[0, 1, 1, 1, 2]], weight=cw)
    assert float(weighted) == pytest.approx(float(repeated))


def test_an_encoded_folder_fixes_the_ngram_hashing(tmp_path, capsys):
    """Unset, the n-gram options follow what the folder was encoded with; turning the wide path
    off for a folder that carries its n-gram ids is an error, not a model the app cannot feed."""
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(40))
    enc = tmp_path / "enc"
    assert main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out",
                 str(tmp_path / "a"), "--max-len", "48", "--wide-buckets", "1024", "--word-buckets", "512",
                 "--save-encoded", str(enc), "--encode-only"]) == 0
    rc = main(["finetune-sentiment", "--encoded", str(enc), "--out", str(tmp_path / "b"), "--epochs", "1",
               "--threads", "1", "--wide-buckets", "0"])
    assert rc != 0
    assert "pass --wide-buckets too" in capsys.readouterr().err

    assert main(["finetune-sentiment", "--encoded", str(enc), "--out", str(tmp_path / "c"), "--epochs", "1",
                 "--threads", "1", "--wide-epochs", "1", "--no-export"]) == 0
    net = json.loads((tmp_path / "c" / "report.json").read_text(encoding="utf-8"))["net"]
    assert (net["wide_buckets"], net["word_buckets"], bool(net["blend"])) == (1024, 512, True)


def test_wide_path_reads_past_the_encoders_window(tmp_path):
    """A verdict in the middle of a long text, where the encoder's head+tail window cannot see
    it, still decides the label through the wide path (--wide-chars), and the app's classifier
    computes the same inputs."""
    from core.analysis.classifier import SentimentClassifier

    ckpt = make_backbone(tmp_path)
    rng = random.Random(5)
    filler = "今天我们一起去那里看了看然后回家" * 4   # the same in every text: it carries no label

    def long_text(i: int) -> str:  # i // 2 keeps texts apart (no de-duplication), says nothing of i % 2
        return f"{i // 2}{filler}{rng.choice(POSITIVE if i % 2 else NEGATIVE)}{filler}{i // 2}"

    rows = [(i % 2, long_text(i)) for i in range(200)]
    train = write_tsv(tmp_path / "train.tsv", rows[:160])
    test = write_tsv(tmp_path / "test.tsv", rows[160:])
    results = {}
    for chars in ("0", "256"):
        out = tmp_path / f"out{chars}"
        assert main(["finetune-sentiment", "--train", str(train), "--test", str(test), "--backbone", str(ckpt),
                     "--out", str(out), "--epochs", "0.5", "--lr", "1e-4", "--threads", "1", "--max-len", "32",
                     "--wide-buckets", "4096", "--wide-chars", chars, "--wide-epochs", "8", "--wide-lr", "0.1"]) == 0
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        results[chars] = report["onnx_metrics"]["test (fp32)"]["accuracy"]
        clf = SentimentClassifier(out / "model", int8=False)
        assert clf.predict_proba([r[1] for r in rows[160:]]).shape == (40, 2)
    assert results["256"] >= 0.9 > results["0"]


def test_blend_trains_the_encoder_alone_and_weighs_it_on_dev(tmp_path, capsys):
    """--blend: the encoder learns the labels on its own; its weight beside the wide path is
    chosen on dev, saved in the state and the exported graph."""
    import torch

    from core.model.spec import ModelSpec
    from trainer.sentiment.model import SentimentNet
    from trainer.sentiment.train import BLEND_SCALES

    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(160))
    out = tmp_path / "out"
    state = tmp_path / "state.pt"
    assert main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out", str(out),
                 "--epochs", "1", "--lr", "2e-3", "--threads", "1", "--max-len", "48", "--wide-buckets", "4096",
                 "--wide-epochs", "8", "--wide-lr", "0.1", "--blend", "--save-state", str(state)]) == 0
    printed = capsys.readouterr().out
    line = next(x for x in printed.splitlines() if x.strip().startswith("blend:"))
    scale = float(line.split("wide + ")[1].split()[0])
    assert scale in BLEND_SCALES
    manifest = json.loads((out / "model" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["net"]["blend"] is True
    assert f"times {scale:g}, a weight chosen on dev" in (out / "model" / "card.md").read_text(encoding="utf-8")
    assert manifest["parity"]["fp32_max_abs_diff"] < 1e-3
    saved = torch.load(state, weights_only=True)
    assert float(saved["model"]["deep_scale"]) == pytest.approx(scale)
    # Older nets keep their state layout: no deep_scale saved, so their states load as before.
    spec = ModelSpec(n_pinyin=20, n_hanzi=30, d_model=8, n_layers=1, n_heads=2, d_ff=16, max_len=16)
    assert "deep_scale" not in SentimentNet(spec, 2, wide_buckets=64).state_dict()


def test_blend_needs_the_wide_path(tmp_path, capsys):
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(40))
    assert main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out",
                 str(tmp_path / "o"), "--blend", "--recipe", "encoder"]) == 2
    assert "--blend needs --wide-buckets" in capsys.readouterr().err
    assert main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out",
                 str(tmp_path / "o"), "--blend", "--wide-buckets", "0"]) == 2
    assert "--blend needs --wide-buckets" in capsys.readouterr().err
    assert main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out",
                 str(tmp_path / "o"), "--blend", "--wide-buckets", "64", "--wide-epochs", "0"]) == 2
    assert "--blend needs --wide-epochs > 0" in capsys.readouterr().err


def test_paired_bootstrap_separates_a_real_gap_from_noise():
    from trainer.sentiment.metrics import paired_bootstrap

    rng = np.random.default_rng(1)
    b = rng.random(1200) < 0.88
    better = b.copy()
    better[np.flatnonzero(~b)[:60]] = True           # A fixes 60 of B's errors: +5 points
    gap = paired_bootstrap(better, b)
    assert gap.diff == pytest.approx(5.0) and gap.a_only == 60 and gap.b_only == 0
    assert 3.5 < gap.low < 5.0 < gap.high < 6.5 and gap.p_a_better == 1.0
    swapped = b.copy()                                # 8 rows won, 8 lost: no difference
    swapped[np.flatnonzero(~b)[:8]] = True
    swapped[np.flatnonzero(b)[:8]] = False
    tie = paired_bootstrap(swapped, b)
    assert tie.diff == 0.0 and tie.low < 0 < tie.high and 0.2 < tie.p_a_better < 0.8
    with pytest.raises(ValueError):
        paired_bootstrap([True], [True, False])


def test_lexicon_cues_travel_with_the_exported_model(tmp_path):
    """--lexicon: the wide path reads the lexicon's cues; the model folder carries the lexicon
    (hash in the manifest) and the app's classifier reads it from there."""
    from core.analysis.classifier import SentimentClassifier
    from core.analysis.features import FeatureConfig, wide_input_ids
    from core.inference.session import ModelLoadError

    lexicon = tmp_path / "lex.tsv"
    lexicon.write_text("word\tkind\n好\tpos\n不错\tpos\n差\tneg\n失望\tneg\n不\tnot\n很\tvery\n", encoding="utf-8")
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(160))
    test = write_tsv(tmp_path / "test.tsv", make_texts(40, seed=7))
    out = tmp_path / "out"
    assert main(["finetune-sentiment", "--train", str(train), "--test", str(test), "--backbone", str(ckpt),
                 "--out", str(out), "--epochs", "1", "--lr", "2e-3", "--threads", "1", "--max-len", "48",
                 "--wide-buckets", "4096", "--word-buckets", "2048", "--wide-epochs", "8", "--wide-lr", "0.1",
                 "--lexicon", str(lexicon), "--lexicon-repeat", "2"]) == 0
    model = out / "model"
    manifest = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["features"]["lexicon"] == "lexicon.tsv" and manifest["features"]["lexicon_repeat"] == 2
    assert (model / "lexicon.tsv").read_bytes() == lexicon.read_bytes()
    clf = SentimentClassifier(model, int8=False)
    cfg = FeatureConfig(**{**manifest["features"], "lexicon": str(lexicon)})
    assert wide_input_ids("不很差", clf.manifest.features) == wide_input_ids("不很差", cfg)
    assert clf.predict_proba(["房间很好，服务不错", "手机很差，太失望"]).argmax(1).tolist() == [1, 0]
    (model / "lexicon.tsv").write_text("word\tkind\n好\tneg\n", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="does not match"):
        SentimentClassifier(model, int8=False)


def test_lexicon_needs_word_ngrams(tmp_path, capsys):
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(60))
    rc = main(["finetune-sentiment", "--train", str(train), "--backbone", str(ckpt), "--out", str(tmp_path / "o"),
               "--wide-buckets", "4096", "--word-buckets", "0", "--lexicon", str(tmp_path / "missing.tsv"),
               "--max-len", "48", "--threads", "1"])
    assert rc == 2 and "--lexicon needs" in capsys.readouterr().err


def test_refit_wide_adds_lexicon_cues_to_a_trained_blend(tmp_path):
    """--from-state MODEL_DIR --refit-wide: the weights are read back from the exported graph
    (checked against it), the encoder and head kept, the wide path fitted again on new features."""
    ckpt = make_backbone(tmp_path)
    train = write_tsv(tmp_path / "train.tsv", make_texts(160))
    lexicon = tmp_path / "lex.tsv"
    lexicon.write_text("word\tkind\n很好\tpos\n不错\tpos\n失望\tneg\n糟糕\tneg\n不\tnot\n", encoding="utf-8")
    common = ["--train", str(train), "--backbone", str(ckpt), "--threads", "1", "--max-len", "48",
              "--wide-buckets", "4096", "--word-buckets", "2048", "--wide-epochs", "4", "--wide-lr", "0.1"]
    first = tmp_path / "first"
    assert main(["finetune-sentiment", *common, "--out", str(first), "--epochs", "1", "--lr", "2e-3",
                 "--lexicon", "none"]) == 0
    plain = json.loads((first / "report.json").read_text(encoding="utf-8"))
    # The same features: the model read back from its graph scores as it did.
    again = tmp_path / "again"
    assert main(["finetune-sentiment", *common, "--out", str(again), "--lexicon", "none",
                 "--from-state", str(first / "model"), "--no-export"]) == 0
    assert json.loads((again / "report.json").read_text(encoding="utf-8"))["torch_metrics"]["dev"] == \
        plain["torch_metrics"]["dev"]
    # Other features need --refit-wide.
    assert main(["finetune-sentiment", *common, "--out", str(tmp_path / "x"), "--lexicon", str(lexicon),
                 "--from-state", str(first / "model"), "--no-export"]) == 2
    refit = tmp_path / "refit"
    assert main(["finetune-sentiment", *common, "--out", str(refit), "--lexicon", str(lexicon),
                 "--from-state", str(first / "model"), "--refit-wide"]) == 0
    manifest = json.loads((refit / "model" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["features"]["lexicon"] == "lexicon.tsv"
    assert manifest["parity"]["fp32_max_abs_diff"] < 1e-3
    # The encoder and head are the first run's.
    import torch

    from trainer.sentiment.export import state_from_model_dir
    a, b = state_from_model_dir(first / "model")["model"], state_from_model_dir(refit / "model")["model"]
    assert all(torch.equal(a[k], b[k]) for k in a if k.startswith(("encoder.", "head.")))
