"""ASCII punctuation becomes Chinese punctuation; quotes pair up; digits pass through."""
from __future__ import annotations

import pytest

from core.engine.punctuation import PunctuationMapper


@pytest.mark.parametrize(("ch", "zh"), [(",", "，"), (".", "。"), ("?", "？"), ("!", "！"),
                                        (":", "："), (";", "；"), ("(", "（"), (")", "）"),
                                        ("<", "《"), (">", "》"), ("\\", "、"), ("^", "……")])
def test_simple_marks(ch: str, zh: str) -> None:
    assert PunctuationMapper().map(ch) == zh


def test_quotes_alternate_open_and_close() -> None:
    m = PunctuationMapper()
    assert [m.map('"') for _ in range(3)] == ["“", "”", "“"]
    assert [m.map("'") for _ in range(2)] == ["‘", "’"]
    m.reset()
    assert m.map('"') == "“"


@pytest.mark.parametrize("ch", ["1", "0", "a", "@"])
def test_others_pass_through(ch: str) -> None:
    m = PunctuationMapper()
    assert m.map(ch) == ch
    assert not m.handles(ch)
