"""A tiny corpus, shards, model run and exported model folder, written by the tests themselves."""
from __future__ import annotations

import random
from pathlib import Path

SENTENCES = [
    "我们是中国人", "今天天气很好", "他在银行工作", "我喜欢学习中文", "这个问题很重要",
    "明天我们去北京", "她的朋友很多", "你好吗我很好", "大学生活很有意思", "我想吃苹果",
    "经济发展很快", "请你帮我一下", "电脑出了问题", "服务员态度很好", "房间干净整洁",
    "我们一起去看电影", "这本书写得很好", "他走路去学校", "上海是一个大城市", "时间过得真快",
]


def write_tiny_corpus(folder: Path, n_lines: int = 400, seed: int = 0) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["，".join(rng.sample(SENTENCES, rng.randint(1, 3))) + "。" for _ in range(n_lines)]
    (folder / "a.txt").write_text("\n".join(lines[: n_lines // 2]) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text("\n".join(lines[n_lines // 2 :]) + "\n", encoding="gb18030")
    return folder


def build_tiny_shards(tmp: Path) -> Path:
    from trainer.data.pipeline import PrepareConfig, prepare

    corpus = write_tiny_corpus(tmp / "corpus")
    out = tmp / "shards"
    prepare(PrepareConfig(inputs=(str(corpus),), out_dir=str(out), workers=1, progress=False))
    return out


def tiny_config(shards: Path, out: Path, **kw):
    from trainer.training.config import TrainConfig

    base = dict(data=str(shards), out=str(out), d_model=32, n_layers=1, n_heads=2, d_ff=64,
                dropout=0.0, batch_size=16, lr=3e-3, warmup=5, max_steps=40, log_every=1,
                eval_every=10**6, ckpt_every=10**6, threads=1, device="cpu")
    base.update(kw)
    return TrainConfig(**base)


class Recorder:
    """A trainer callback that keeps every event."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict]] = []

    def on_event(self, event: str, info: dict) -> None:
        self.events.append((event, info))

    def of(self, name: str) -> list[dict]:
        return [i for e, i in self.events if e == name]


def build_tiny_model(tmp: Path, steps: int = 40) -> Path:
    """Shards -> a few training steps -> exported model folder (fp32 + int8)."""
    from trainer.export import ExportConfig, export
    from trainer.training.loop import Trainer

    shards = build_tiny_shards(tmp)
    Trainer(tiny_config(shards, tmp / "run", max_steps=steps)).run()
    out = tmp / "model"
    export(ExportConfig(checkpoint=str(tmp / "run" / "last.pt"), out_dir=str(out), name="tiny",
                        shards=str(shards)))
    return out
