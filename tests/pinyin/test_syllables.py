"""The syllable inventory: spellings a user types must be there, nonsense must not."""
from __future__ import annotations

import pytest

from core.pinyin.syllables import (
    SYLLABLES,
    is_syllable,
    is_syllable_prefix,
    normalize_syllable,
    syllable_initial,
)


@pytest.mark.parametrize("syl", ["a", "er", "m", "n", "ng", "hm", "hng", "lv", "lve", "nv", "nve",
                                 "zhuang", "shuang", "chuang", "xiong", "jiong", "yo", "ei"])
def test_known_syllables(syl: str) -> None:
    assert is_syllable(syl)


@pytest.mark.parametrize("text", ["lue", "nue"])
def test_aliases_are_syllables_and_normalise(text: str) -> None:
    assert is_syllable(text)
    assert normalize_syllable(text) == text.replace("ue", "ve")


@pytest.mark.parametrize("text", ["", "v", "i", "u", "zhv", "bv", "xiang'", "abc", "shiang"])
def test_not_syllables(text: str) -> None:
    assert not is_syllable(text)


def test_inventory_size_and_uniqueness() -> None:
    assert 400 <= len(SYLLABLES) <= 430
    assert len(set(SYLLABLES)) == len(SYLLABLES)


@pytest.mark.parametrize(("text", "expected"), [("zho", True), ("zhon", True), ("x", True),
                                                 ("zhv", False), ("i", False), ("q", True)])
def test_prefixes(text: str, expected: bool) -> None:
    assert is_syllable_prefix(text) is expected


@pytest.mark.parametrize(("syl", "ini"), [("zhong", "zh"), ("zong", "z"), ("an", "a"),
                                           ("shi", "sh"), ("yu", "y")])
def test_initial(syl: str, ini: str) -> None:
    assert syllable_initial(syl) == ini
