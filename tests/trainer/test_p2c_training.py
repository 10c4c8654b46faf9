"""Pretraining: the schedule, batch masking, a tiny run whose loss falls, exact resume, Ctrl-C."""
from __future__ import annotations

import numpy as np
import pytest
from p2c_fixtures import Recorder, build_tiny_shards, tiny_config

torch = pytest.importorskip("torch")

from core.model.spec import MASK, PAD, Vocab  # noqa: E402
from trainer.training.batches import MaskingConfig, PinyinNoise, make_batch  # noqa: E402
from trainer.training.schedule import lr_at  # noqa: E402


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    return build_tiny_shards(tmp_path_factory.mktemp("p2c_train"))


def test_lr_schedule_warms_up_then_cosines_to_the_floor():
    lrs = [lr_at(s, peak=1.0, warmup=10, total=110, floor_ratio=0.1) for s in range(120)]
    assert lrs[0] == pytest.approx(0.1) and lrs[9] == pytest.approx(1.0)
    assert all(a >= b - 1e-12 for a, b in zip(lrs[9:110], lrs[10:111]))
    assert lrs[110] == pytest.approx(0.1) and lrs[119] == pytest.approx(0.1)


def test_batches_mask_spans_and_noise_pinyin(shards):
    from trainer.data.shards import ShardSet

    s = ShardSet.open(shards)
    vocab = Vocab.load(shards / "vocab.json")
    noise = PinyinNoise(vocab)
    rng = np.random.default_rng(0)
    cfg = MaskingConfig(p2c_rows=1.0, initial_prob=0.5, truncate_prob=0.2)
    b = make_batch(s.hanzi, s.pinyin, s.starts, s.lengths, rng.integers(0, len(s), 64), noise, rng, cfg)
    masked = b.targets != PAD
    assert masked.any() and (b.hanzi[masked] == MASK).all()
    assert (b.hanzi[~masked] != MASK).all()
    # P2C rows end with their masked span: the last real position of each row is masked or a symbol
    real = b.pinyin != PAD
    last = real.sum(1) - 1
    assert (masked[np.arange(len(last)), last] | (b.pinyin[np.arange(len(last)), last] == 4)).mean() > 0.9
    partial = b.pinyin[masked] >= vocab.pinyin.first_partial
    assert 0.3 < partial.mean() < 0.95  # initials-only and truncated syllables appear
    # the same seed and step give the same batch (exact resume relies on it)
    again = make_batch(s.hanzi, s.pinyin, s.starts, s.lengths, np.random.default_rng(0).integers(0, len(s), 64),
                       noise, np.random.default_rng(0), cfg)
    assert np.array_equal(again.targets, make_batch(s.hanzi, s.pinyin, s.starts, s.lengths,
                          np.random.default_rng(0).integers(0, len(s), 64), noise, np.random.default_rng(0), cfg).targets)


def test_tiny_model_loss_falls(shards, tmp_path):
    from trainer.training.loop import Trainer

    rec = Recorder()
    result = Trainer(tiny_config(shards, tmp_path / "run", max_steps=60), [rec]).run()
    losses = [e["loss"] for e in rec.of("step")]
    assert len(losses) == 60 and result["step"] == 60
    assert np.mean(losses[-10:]) < 0.6 * np.mean(losses[:5])
    assert rec.of("start")[0]["origin"] == "from scratch"
    assert (tmp_path / "run" / "last.pt").exists()


@pytest.mark.slow
def test_resume_is_exact(shards, tmp_path):
    from core.model.network import load_checkpoint
    from trainer.training.loop import Trainer

    Trainer(tiny_config(shards, tmp_path / "straight", max_steps=12, dropout=0.1)).run()
    # first half, then a new Trainer resumes from last.pt and finishes
    first = tiny_config(shards, tmp_path / "split", max_steps=12, dropout=0.1, ckpt_every=6)
    with pytest.raises(KeyboardInterrupt):
        Trainer(first, [_StopAt(6)]).run()
    Trainer(first).run()
    a, ca = load_checkpoint(tmp_path / "straight" / "last.pt")
    b, cb = load_checkpoint(tmp_path / "split" / "last.pt")
    assert ca["step"] == cb["step"] == 12 and ca["tokens_seen"] == cb["tokens_seen"]
    for k, v in a.state_dict().items():
        assert torch.allclose(v, b.state_dict()[k], atol=1e-6), k


class _StopAt:
    """Simulates Ctrl-C after a given step (raised from inside the loop, like SIGINT)."""

    def __init__(self, step: int) -> None:
        self.step = step

    def on_event(self, event: str, info: dict) -> None:
        if event == "step" and info["step"] == self.step:
            raise KeyboardInterrupt


def test_ctrl_c_saves_a_checkpoint(shards, tmp_path):
    from core.model.network import load_checkpoint
    from trainer.training.loop import Trainer

    rec = Recorder()
    with pytest.raises(KeyboardInterrupt):
        Trainer(tiny_config(shards, tmp_path / "run"), [rec, _StopAt(3)]).run()
    assert rec.of("interrupted")[0]["step"] == 3
    _, ckpt = load_checkpoint(tmp_path / "run" / "last.pt")
    assert ckpt["step"] == 3


def test_init_from_requires_the_same_vocabulary(shards, tmp_path):
    from trainer.training.loop import Trainer

    Trainer(tiny_config(shards, tmp_path / "a", max_steps=2)).run()
    other = tmp_path / "other"
    other.mkdir()
    for f in shards.iterdir():
        (other / f.name).write_bytes(f.read_bytes())
    import json

    v = json.loads((other / "vocab.json").read_text(encoding="utf-8"))
    v["hanzi"] = v["hanzi"][:-1]
    (other / "vocab.json").write_text(json.dumps(v, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="another vocabulary"):
        Trainer(tiny_config(other, tmp_path / "b", init_from=str(tmp_path / "a" / "last.pt"))).run()


def test_pretrain_help_documents_every_option(capsys):
    from trainer.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    pretrain = sub.choices["pretrain"]
    options = [a for a in pretrain._actions if a.option_strings and a.dest != "help"]
    assert len(options) >= 25
    assert all(a.help and len(a.help) > 5 for a in options), [a.dest for a in options if not a.help]
    with pytest.raises(SystemExit):
        parser.parse_args(["pretrain", "--help"])
    out = capsys.readouterr().out
    for a in options:
        assert a.option_strings[0] in out


def test_sigterm_stops_with_a_checkpoint(shards, tmp_path):
    import os
    import signal

    from core.model.network import load_checkpoint
    from trainer.training.loop import Trainer

    class Term:
        def on_event(self, event, info):
            if event == "step" and info["step"] == 2:
                os.kill(os.getpid(), signal.SIGTERM)

    with pytest.raises(KeyboardInterrupt):
        Trainer(tiny_config(shards, tmp_path / "run"), [Term()]).run()
    _, ckpt = load_checkpoint(tmp_path / "run" / "last.pt")
    assert ckpt["step"] == 2
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_micro_batches_give_the_same_gradients(shards, tmp_path):
    from core.model.network import load_checkpoint
    from trainer.training.loop import Trainer

    Trainer(tiny_config(shards, tmp_path / "one", max_steps=3)).run()
    Trainer(tiny_config(shards, tmp_path / "four", max_steps=3, micro_batches=4)).run()
    a, _ = load_checkpoint(tmp_path / "one" / "last.pt")
    b, _ = load_checkpoint(tmp_path / "four" / "last.pt")
    for k, v in a.state_dict().items():
        assert torch.allclose(v, b.state_dict()[k], atol=1e-5), k


def test_objective_flags_reach_the_masking_config():
    import argparse

    from trainer.commands.pretrain import add_arguments, config_from_args
    from trainer.training.batches import MaskingConfig

    p = argparse.ArgumentParser()
    add_arguments(p)
    default = config_from_args(p.parse_args(["--data", "d", "--out", "o"])).masking
    assert default == MaskingConfig()
    m = config_from_args(p.parse_args(["--data", "d", "--out", "o", "--p2c-rows", "0.9",
                                       "--pinyin-noise", "0"])).masking
    assert m.p2c_rows == 0.9
    assert m.initial_prob == m.truncate_prob == m.last_truncate_prob == m.abbrev_rows == 0.0
