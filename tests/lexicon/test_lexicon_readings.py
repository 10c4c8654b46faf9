"""SystemLexicon.readings: committed text as the model reads it, without pypinyin."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.lexicon.system import SystemLexicon
from core.model.spec import readings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def lexicon() -> SystemLexicon:
    return SystemLexicon.default()


def test_readings_follow_the_words_of_the_text(lexicon):
    assert lexicon.readings("银行行长说重庆的重量") == \
        ["yin", "hang", "hang", "zhang", "shuo", "chong", "qing", "de", "zhong", "liang"]
    assert lexicon.readings("abc中文，1") == [None, None, None, "zhong", "wen", None, None]
    assert lexicon.readings("") == []


def test_readings_agree_with_pypinyin_on_everyday_text(lexicon):
    text = ("我们一起去学校吧今天天气很好他长得很高银行的工作人员说明天会下雨音乐会的门票"
            "已经卖完了这个问题需要重新考虑大家都觉得很有意思")
    ours, theirs = lexicon.readings(text), readings(text)
    assert len(ours) == len(text)
    agree = sum(a == b for a, b in zip(ours, theirs))
    assert agree >= len(text) - 2, list(zip(text, ours, theirs))


def test_typing_with_the_model_and_a_context_never_loads_pypinyin() -> None:
    """pypinyin's tables cost the typing app about 100 MB; the model's context does not need them."""
    code = (
        "import sys\n"
        "from core.engine.engine import ImeEngine\n"
        "from core.inference.p2c_scorer import load_p2c_scorer\n"
        "s = load_p2c_scorer('resources/models/p2c-default', int8=True, prefer_cuda=False)\n"
        "e = ImeEngine(scorer=s)\n"
        "e.set_context('今天天气很好，我们')\n"
        "e.type('yiqiquxuexiao')\n"
        "print(e.sentences(1)[0].text, 'pypinyin' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["一起去学校", "False"]
