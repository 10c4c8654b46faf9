"""OnnxPathScorer: one batched call, batch-independent scores, context use, clear load errors."""
from __future__ import annotations

import json
import shutil

import pytest

from core.decoding.scorer import Path
from core.inference.p2c_scorer import load_p2c_scorer
from core.inference.session import ModelLoadError

ZG = ("wo", "men", "shi", "zhong", "guo", "ren")


@pytest.fixture(scope="module")
def scorer(tiny_model_dir):
    return load_p2c_scorer(tiny_model_dir, int8=True, prefer_cuda=False)


def test_name_provider_and_scores(scorer):
    assert scorer.provider == "CPU" and scorer.name == "tiny int8"
    paths = [Path("我们是中国人", ZG), Path("我们是种过人", ZG), Path("中", ("zhong",))]
    scores = scorer.score("", paths)
    assert len(scores) == 3 and all(s <= 1e-6 for s in scores)
    assert scorer.score("", []) == []


def test_one_onnx_call_per_score_and_batch_independence(scorer, monkeypatch):
    paths = [Path("我们是中国人", ZG), Path("中国", ("zhong", "guo")), Path("好", ("hao",))]
    alone = [scorer.score("今天", [p])[0] for p in paths]
    calls = []
    real_run = scorer._sess.run
    monkeypatch.setattr(scorer._sess, "run", lambda *a, **k: calls.append(1) or real_run(*a, **k))
    together = scorer.score("今天", paths)
    assert len(calls) == 1
    # Padding does not change a path's score; int8 quantises activations per batch, hence the slack.
    assert together == pytest.approx(alone, abs=2e-2)


def test_context_is_used(scorer):
    p = [Path("中国人", ("zhong", "guo", "ren"))]
    assert scorer.score("", p) != scorer.score("他在银行工作，我们是", p)


def test_out_of_vocabulary_characters_get_a_penalty_not_a_crash(scorer):
    s = scorer.score("", [Path("龘", ("da",)), Path("大", ("da",))])
    assert s[0] < 0 and len(s) == 2
    with pytest.raises(ValueError, match="syllables"):
        scorer.score("", [Path("大家", ("da",))])


def _copy(src, dst):
    shutil.copytree(src, dst)
    return dst


def test_missing_and_corrupt_model_folders(tiny_model_dir, tmp_path):
    with pytest.raises(ModelLoadError, match="model folder not found"):
        load_p2c_scorer(tmp_path / "nothing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelLoadError, match="no manifest.json"):
        load_p2c_scorer(empty)
    bad = _copy(tiny_model_dir, tmp_path / "bad")
    (bad / "model.int8.onnx").write_bytes(b"\x00garbage" * 100)
    with pytest.raises(ModelLoadError, match="not a valid ONNX model"):
        load_p2c_scorer(bad, prefer_cuda=False)
    gone = _copy(tiny_model_dir, tmp_path / "gone")
    (gone / "model.onnx").unlink()
    with pytest.raises(ModelLoadError, match="model file not found"):
        load_p2c_scorer(gone, int8=False, prefer_cuda=False)
    mixed = _copy(tiny_model_dir, tmp_path / "mixed")
    v = json.loads((mixed / "vocab.json").read_text(encoding="utf-8"))
    v["hanzi"][-1] = "龘"
    (mixed / "vocab.json").write_text(json.dumps(v, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="does not match the manifest"):
        load_p2c_scorer(mixed, prefer_cuda=False)
    (mixed / "manifest.json").write_text("{", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="not JSON"):
        load_p2c_scorer(mixed)


@pytest.fixture()
def agreement(tiny_model_dir):
    scorer = load_p2c_scorer(tiny_model_dir, int8=False, prefer_cuda=False)
    scorer.rescore_mode = "agreement"
    return scorer


def test_agreement_mode_scores_only_disputed_characters_relative_to_the_group(agreement, monkeypatch):
    calls = []
    real_run = agreement._sess.run
    monkeypatch.setattr(agreement._sess, "run", lambda *a, **k: calls.append(a) or real_run(*a, **k))
    paths = [Path("我们是中国人", ZG), Path("我们是种过人", ZG), Path("我们市中国人", ZG),
             Path("中", ("zhong",))]
    scores = agreement.score("今天", paths)
    assert len(calls) == 1                              # one row for the group, none for the lone path
    assert max(scores[:3]) == 0.0 and all(s <= 0.0 for s in scores[:3])
    assert scores[3] == 0.0                             # nothing competes with it
    # The undisputed characters (我们 and 人) are model input, not [MASK].
    feed = calls[0][1]
    row = feed["hanzi_ids"][0, -6:]
    from core.model.spec import MASK
    assert list(row == MASK) == [False, False, True, True, True, False]


def test_agreement_mode_matches_the_masked_mode_for_one_disputed_character(agreement, tiny_model_dir):
    """With one disputed position and nothing else known, both modes compare the same numbers."""
    masked = load_p2c_scorer(tiny_model_dir, int8=False, prefer_cuda=False)
    paths = [Path("大", ("da",)), Path("打", ("da",))]
    a, m = agreement.score("", paths), masked.score("", paths)
    assert a[0] - a[1] == pytest.approx(m[0] - m[1], abs=1e-5)


def test_unknown_rescore_mode_is_a_load_error(tiny_model_dir, tmp_path):
    folder = _copy(tiny_model_dir, tmp_path / "m")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["rescore_mode"] = "vibes"
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="rescore_mode"):
        load_p2c_scorer(folder, prefer_cuda=False)


def test_a_lent_reader_reads_the_context_and_a_new_one_is_used_at_once(scorer):
    p = [Path("中国人", ("zhong", "guo", "ren"))]
    context = "他在银行工作，我们是"
    calls: list[str] = []
    try:
        scorer.reader = lambda text: calls.append(text) or [None] * len(text)
        unread = scorer.score(context, p)
        assert calls == [context]
        scorer.reader = None   # pypinyin's readings again: the cached context is dropped
        assert scorer.score(context, p) != unread
    finally:
        scorer.reader = None
