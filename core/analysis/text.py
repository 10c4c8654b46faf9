"""Text tools of the analyzer: sentence split, jieba segmentation and keywords, pinyin with tones.

jieba loads its dictionary (about a second) on first use, not at import, and caches it in
Yinzi's own cache folder instead of a shared temp file.
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import replace
from functools import lru_cache

from core.analysis.types import Keyword, PinyinChar, Sentence, Token

# A sentence ends at Chinese or ASCII terminal punctuation (runs of it: "！！！", "?!"),
# an ellipsis, or a line break. Commas stay inside: "房间不错，就是有点吵" is one judgement.
_SENTENCE_END = re.compile(r"[。！？!?；;…~～\n]+|\.{3,}|(?<!\d)\.(?!\d)")
# A turn inside a sentence: what follows a contrast word is judged apart ("东西还行，就是性价比
# 不高"). At a clause start any of them; inside a clause only the unambiguous two-character ones.
_CONTRAST = re.compile(r"(?:^|(?<=[，,、：:]))\s*(?:但是|可是|不过|就是|只是|可惜|然而|但)"
                       r"|(?:但是|可是|然而)")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_jieba_lock = threading.Lock()
_jieba_ready = False


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; terminators stay with their sentence; blanks are dropped."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def contrast_tail(sentence: str) -> str:
    """The part of a sentence from its last contrast word on ("就是性价比不高" of "东西还行，
    就是性价比不高"), or "" when it has none, starts with it, or ends right after it."""
    sentence = sentence.strip()
    matches = list(_CONTRAST.finditer(sentence))
    if not matches:
        return ""
    last = matches[-1]
    tail = sentence[last.start():].strip()
    return "" if tail == sentence or not has_han(sentence[last.end():]) else tail


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    # Trim whitespace but keep offsets pointing into the original text.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))


def is_han(char: str) -> bool:
    return bool(_HAN.match(char))


def has_han(text: str) -> bool:
    """Whether the text has any Chinese character: without one there is nothing for the
    sentiment model to read (it would still answer, confidently, about punctuation or English)."""
    return bool(_HAN.search(text))


@lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc
    except ImportError:  # a declared dependency; without it Traditional text is read as is
        logging.getLogger(__name__).warning("opencc is missing: Traditional text is not converted")
        return None
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The text in Simplified characters (OpenCC t2s, 2 us a sentence). The sentiment model,
    jieba and pypinyin's phrases all learned Simplified text: 乾淨 reads qián jìng as it is
    and gān jìng as 干净, and "這家飯店服務很好" scores 0.54 positive as it is, 0.99 converted."""
    converter = _t2s()
    return converter.convert(text) if converter is not None and text else text


def _simplified_same_length(text: str) -> str:
    """to_simplified when it maps character for character (t2s nearly always does), so
    offsets found in it point into `text` too; else the text unchanged."""
    simple = to_simplified(text)
    return simple if len(simple) == len(text) else text


def load_jieba():
    """jieba, initialised once (thread-safe), with its cache in our cache folder."""
    global _jieba_ready
    import jieba

    if not _jieba_ready:
        with _jieba_lock:
            if not _jieba_ready:
                from core import paths

                jieba.setLogLevel(logging.WARNING)
                jieba.dt.tmp_dir = str(paths.user_cache_dir())
                jieba.initialize()
                _jieba_ready = True
    return jieba


def warm_up() -> None:
    """Load the dictionaries now (call off the UI thread) so the first analysis is quick."""
    load_jieba()
    annotate_pinyin("中文")


def segment(text: str, *, with_pos: bool = False) -> list[Token]:
    """Words with offsets; `with_pos` adds jieba's part-of-speech tags (slower). Traditional
    text is cut as its Simplified form (jieba's dictionary is Simplified); the words keep the
    original characters."""
    simple = _simplified_same_length(text)
    if simple != text:
        return [Token(text[t.start:t.end], t.start, t.end, t.pos)
                for t in _segment(simple, with_pos=with_pos)]
    return _segment(text, with_pos=with_pos)


def _segment(text: str, *, with_pos: bool) -> list[Token]:
    jieba = load_jieba()
    tokens: list[Token] = []
    pos = 0
    if with_pos:
        import jieba.posseg as pseg

        pairs = [(p.word, p.flag) for p in pseg.cut(text)]
    else:
        pairs = [(w, "") for w in jieba.cut(text)]
    for word, flag in pairs:
        start = text.find(word, pos)
        if start < 0:  # jieba never rewrites text, but stay safe
            start = pos
        end = start + len(word)
        pos = end
        if word.strip():
            tokens.append(Token(word, start, end, flag))
    return tokens


def keywords(text: str, *, top_k: int = 8, method: str = "tfidf") -> list[Keyword]:
    """Keywords by jieba's TF-IDF (its IDF table) or TextRank (co-occurrence graph).
    Traditional text is read as Simplified (jieba's dictionary and IDF table are Simplified)
    and each keyword is given back as the text writes it."""
    load_jieba()
    import jieba.analyse

    simple = _simplified_same_length(text)
    if method == "tfidf":
        pairs = jieba.analyse.extract_tags(simple, topK=top_k, withWeight=True)
    elif method == "textrank":
        pairs = jieba.analyse.textrank(
            simple, topK=top_k, withWeight=True, allowPOS=("ns", "n", "vn", "v", "a", "an", "nr", "nz")
        )
    else:
        raise ValueError(f"unknown keyword method {method!r}; use 'tfidf' or 'textrank'")
    return [Keyword(_as_written(word, simple, text), float(weight)) for word, weight in pairs]


def _as_written(word: str, simple: str, text: str) -> str:
    """`word` (found in `simple`) as `text` writes it at its first occurrence."""
    if simple == text:
        return word
    at = simple.find(word)
    return text[at:at + len(word)] if at >= 0 else word


# Characters whose reading changes with the word in everyday text (行 háng/xíng, 长 cháng/zhǎng,
# 还 hái/huán ...). Function words whose default reading is nearly always right (的 了 着 地 得
# 和 都 为 会 中 一 不 好 要 看) are left out: marking them would mark every sentence.
COMMON_HETERONYMS = frozenset(
    "行长重还乐便觉调传假教空难少种朝差处当发间量省强参藏称冲弹倒干号将结解尽卷落折转背薄载"
    "切曲奇盛露恶扇舍血缝划兴宿担哄供模降累曾朴"
)


def _phrase_decides(word: str) -> bool:
    """Whether pypinyin reads `word` from its phrase dictionary (the context decides)."""
    from pypinyin.constants import PHRASES_DICT

    return len(word) > 1 and word in PHRASES_DICT


@lru_cache(maxsize=8192)
def _readings(char: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    return tuple(pinyin(char, style=Style.TONE, heteronym=True)[0])


def annotate_pinyin(text: str) -> list[PinyinChar]:
    """Each character with its reading in context and its other readings.

    The reading in context comes from pypinyin's phrase dictionary applied to jieba's words
    (行 is háng in 银行 and xíng in 行走; 重 is chóng in 重新), so heteronyms read right in words.
    `ambiguous` marks a common heteronym (COMMON_HETERONYMS) whose word the phrase dictionary
    does not hold: there the reading is pypinyin's default and may be wrong. Traditional
    characters are read through their Simplified form and shown as written.
    """
    original = text
    text = _simplified_same_length(text)
    return [replace(p, char=original[i]) if p.char != original[i] else p
            for i, p in enumerate(_annotate(text))]


def _annotate(text: str) -> list[PinyinChar]:
    from pypinyin import Style, pinyin

    words = [t.word for t in _segment(text, with_pos=False)] if text.strip() else []
    out: list[PinyinChar] = []
    pos = 0
    for word in words:
        # Fill any skipped whitespace between words.
        start = text.find(word, pos)
        for ch in text[pos:start]:
            out.append(PinyinChar(ch, ""))
        readings = pinyin(word, style=Style.TONE, errors=lambda s: [""] * len(s))
        flat = [r[0] if r else "" for r in readings]
        if len(flat) != len(word):  # non-Han runs come back as one item
            han_readings = [r[0] for r in pinyin([c for c in word], style=Style.TONE)]
            flat = [rd if is_han(c) else "" for c, rd in zip(word, han_readings, strict=False)]
        decided = _phrase_decides(word)
        for ch, reading in zip(word, flat, strict=False):
            if is_han(ch):
                alternatives = _readings(ch)
                out.append(PinyinChar(ch, reading, alternatives, ambiguous=(
                    len(alternatives) > 1 and not decided and ch in COMMON_HETERONYMS)))
            else:
                out.append(PinyinChar(ch, ""))
        pos = start + len(word)
    for ch in text[pos:]:
        out.append(PinyinChar(ch, ""))
    return out
