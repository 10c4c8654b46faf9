"""Export: ONNX parity with torch at several shapes, int8 variant, manifest, reload of weights."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from p2c_fixtures import build_tiny_shards, tiny_config

torch = pytest.importorskip("torch")
ort = pytest.importorskip("onnxruntime")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from trainer.export import ExportConfig, export
    from trainer.training.loop import Trainer

    tmp = tmp_path_factory.mktemp("p2c_export")
    shards = build_tiny_shards(tmp)
    Trainer(tiny_config(shards, tmp / "run", max_steps=20)).run()
    (tmp / "dev.txt").write_text("我们是中国人。今天天气很好！\n他在银行工作\n", encoding="utf-8")
    manifest = export(ExportConfig(checkpoint=str(tmp / "run" / "last.pt"), out_dir=str(tmp / "model"),
                                   name="tiny", dev=str(tmp / "dev.txt"), shards=str(shards),
                                   metrics=str(tmp / "run" / "metrics.jsonl")))
    return tmp, manifest


@pytest.mark.slow
@pytest.mark.parametrize(("b", "t", "k"), [(1, 1, 1), (1, 9, 3), (5, 17, 12), (16, 40, 60)])
def test_onnx_matches_torch_at_many_shapes(exported, b, t, k):
    from core.model.network import P2CScoringGraph, load_checkpoint
    from core.model.spec import Vocab
    from trainer.export import INPUTS, OUTPUTS, _example

    tmp, _ = exported
    model, _ = load_checkpoint(tmp / "run" / "last.pt")
    vocab = Vocab.load(tmp / "model" / "vocab.json")
    ex = _example(vocab, b, t, k, seed=b + t + k)
    with torch.no_grad():
        ref = P2CScoringGraph(model)(*(torch.from_numpy(ex[n]) for n in INPUTS))
    sess = ort.InferenceSession(str(tmp / "model" / "model.onnx"), providers=["CPUExecutionProvider"])
    got = sess.run(list(OUTPUTS), ex)
    for r, g in zip(ref, got):
        assert g.shape == tuple(r.shape)
        np.testing.assert_allclose(g, r.numpy(), atol=1e-4)
    q = ort.InferenceSession(str(tmp / "model" / "model.int8.onnx"), providers=["CPUExecutionProvider"])
    lp8 = q.run(["target_logprob"], ex)[0]
    assert np.abs(lp8 - got[1]).max() < 0.5  # quantised, yet close


def test_manifest_and_card_describe_the_model(exported):
    tmp, manifest = exported
    on_disk = json.loads((tmp / "model" / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk["kind"] == "p2c" and on_disk["spec"] == manifest["spec"]
    assert set(on_disk["inputs"]) == {"pinyin_ids", "hanzi_ids", "cand_ids", "target_ids"}
    m = on_disk["metrics"]
    assert m["parity_max_abs_fp32"] < 1e-3 and "dev_int8" in m and m["dev_clauses"] == 3
    assert on_disk["data"]["totals"]["tokens"] > 0 and on_disk["versions"]["onnxruntime"]
    card = (tmp / "model" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "int8" in card and "Learning curve" not in card or "tokens seen" in card
    sizes = [(tmp / "model" / f).stat().st_size for f in ("model.onnx", "model.int8.onnx")]
    assert sizes[1] < sizes[0]


def test_pretrained_weights_reload_from_the_onnx_folder(exported):
    from core.model.network import load_checkpoint, load_pretrained

    tmp, _ = exported
    a, vocab = load_pretrained(tmp / "model")
    b, _ = load_checkpoint(tmp / "run" / "last.pt")
    for k, v in b.state_dict().items():
        assert torch.equal(v, a.state_dict()[k]), k
    assert vocab.hanzi.size == a.spec.n_hanzi


def test_init_from_a_model_folder_continues_training(exported, tmp_path):
    from trainer.training.loop import Trainer

    tmp, _ = exported
    result = Trainer(tiny_config(tmp / "shards", tmp_path / "adapt", max_steps=3,
                                 init_from=str(tmp / "model"))).run()
    assert result["step"] == 3


def test_a_continued_model_counts_its_whole_lineage(exported, tmp_path):
    """Exported over its own base (the path `--init-from resources/models/...` takes)."""
    import shutil

    from trainer.export import ExportConfig, export
    from trainer.training.loop import Trainer
    from trainer.training.reporting import JsonlMetrics

    tmp, base = exported
    folder = tmp_path / "model"
    shutil.copytree(tmp / "model", folder)
    Trainer(tiny_config(tmp / "shards", tmp_path / "adapt", max_steps=4, init_from=str(folder),
                        dev=str(tmp / "dev.txt")),
            [JsonlMetrics(tmp_path / "adapt" / "metrics.jsonl")]).run()
    manifest = export(ExportConfig(checkpoint=str(tmp_path / "adapt" / "last.pt"), out_dir=str(folder),
                                   name="tiny", metrics=str(tmp_path / "adapt" / "metrics.jsonl")))
    t = manifest["training"]
    assert t["steps"] == 4 and t["base"]["steps"] == base["training"]["steps"]
    assert t["total_tokens_seen"] == base["training"]["tokens_seen"] + t["tokens_seen"]
    steps = [p["step"] for p in manifest["learning_curve"]]
    assert steps == sorted(steps) and steps[-1] == t["total_steps"]
    assert "Continued from tiny" in (folder / "MODEL_CARD.md").read_text(encoding="utf-8")


def test_a_run_continued_from_a_checkpoint_counts_its_lineage(exported, tmp_path):
    """`--init-from run/last.pt` (a checkpoint, not a model folder) keeps the history too."""
    import torch as _torch

    from trainer.export import ExportConfig, export
    from trainer.training.loop import Trainer
    from trainer.training.reporting import JsonlMetrics

    tmp, _ = exported
    first = _torch.load(tmp / "run" / "last.pt", map_location="cpu", weights_only=True)
    Trainer(tiny_config(tmp / "shards", tmp_path / "cont", max_steps=4,
                        init_from=str(tmp / "run" / "last.pt"), dev=str(tmp / "dev.txt")),
            [JsonlMetrics(tmp_path / "cont" / "metrics.jsonl")]).run()
    manifest = export(ExportConfig(checkpoint=str(tmp_path / "cont" / "last.pt"),
                                   out_dir=str(tmp_path / "model"), name="tiny",
                                   metrics=str(tmp_path / "cont" / "metrics.jsonl")))
    t = manifest["training"]
    assert t["steps"] == 4 and t["base"]["steps"] == first["step"]
    assert t["total_tokens_seen"] == first["tokens_seen"] + t["tokens_seen"]
    steps = [p["step"] for p in manifest["learning_curve"]]
    assert steps == sorted(steps) and steps[-1] == t["total_steps"]
    card = (tmp_path / "model" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "Continued from run/last.pt" in card


def test_exported_files_carry_no_build_paths(exported):
    tmp, _ = exported
    repo = str(Path(__file__).resolve().parents[2]).encode()
    for f in (tmp / "model").glob("*.onnx"):
        assert repo not in f.read_bytes(), f"{f.name} embeds the build machine's paths"
