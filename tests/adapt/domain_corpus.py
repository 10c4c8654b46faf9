"""A tiny domain corpus (a made-up sect of a fantasy novel): words the shipped lexicon does not
know. The adaptation tests and scripts/packaging/trainer_bundle_test.py write it."""
from __future__ import annotations

from pathlib import Path

DOMAIN_WORDS = {"moyuanjian": "墨渊剑", "qingmingzong": "青冥宗", "tianshuzhen": "天枢阵"}
TEMPLATES = (
    "青冥宗弟子手持墨渊剑，走出了天枢阵。",
    "长老说墨渊剑是青冥宗的镇派之宝。",
    "天枢阵前，青冥宗的弟子正在练剑。",
    "那一天，青冥宗掌门祭出墨渊剑，布下天枢阵。",
    "{n}年以后，墨渊剑再一次回到青冥宗。",
    "没有人能破天枢阵，除了青冥宗的{n}位长老。",
    "他想起墨渊剑的寒光，心里一阵发冷。",
    "山下的村民都知道青冥宗和天枢阵的传说。",
)


def write_corpus(folder: Path, files: int = 24, lines: int = 8, *, traditional: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        text = []
        for k in range(lines):
            line = TEMPLATES[(f + k) % len(TEMPLATES)].format(n="一二三四五六七八九十"[(f * 3 + k) % 10])
            text.append(line)
        body = "\n".join(text) + "\n"
        if traditional:
            body = body.replace("剑", "劍").replace("阵", "陣").replace("说", "說").replace("门", "門")
        (folder / f"chapter{f:02d}.txt").write_text(body, encoding="utf-8")
    return folder
