"""Syllable graph: every reading kept, apostrophes honoured, abbreviations and prefixes found."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine.types import FuzzyConfig
from core.pinyin.graph import SyllableGraph, UnitKind, fuzzy_alternatives, split_for_display


def segmentations(raw: str) -> set[tuple[str, ...]]:
    """Every way to cover raw with FULL units only (apostrophes skipped)."""
    g = SyllableGraph(raw)
    out: set[tuple[str, ...]] = set()

    def walk(i: int, acc: tuple[str, ...]) -> None:
        if i == len(raw):
            out.add(acc)
            return
        if raw[i] == "'":
            walk(i + 1, acc)
            return
        for u in g.starts_at[i]:
            if u.kind is UnitKind.FULL:
                walk(u.end, acc + (u.text,))

    walk(0, ())
    return out


@pytest.mark.parametrize(("raw", "expected"), [
    ("xian", {("xian",), ("xi", "an")}),
    ("xi'an", {("xi", "an")}),
    ("fangan", {("fang", "an"), ("fan", "gan")}),
    ("jiaoyu", {("jiao", "yu"), ("ji", "ao", "yu")}),
    ("nihao", {("ni", "hao")}),
    ("lve", {("lve",)}),
    ("nue", {("nue",)}),
])
def test_full_segmentations(raw: str, expected: set[tuple[str, ...]]) -> None:
    assert expected <= segmentations(raw)


def test_apostrophe_blocks_a_unit_across_it() -> None:
    g = SyllableGraph("xi'an")
    assert all("'" not in u.text for units in g.starts_at for u in units)
    assert "xian" not in {u.text for units in g.starts_at for u in units}


def test_trailing_incomplete_syllable_is_a_prefix_unit() -> None:
    g = SyllableGraph("zhongg")
    last = [u for u in g.ends_at[6]]
    assert any(u.kind is UnitKind.PREFIX and u.text == "g" for u in last)
    # inside the input, an incomplete syllable is not a unit
    assert not any(u.kind is UnitKind.PREFIX for units in g.ends_at[:6] for u in units)


def test_initials_only_input_is_covered_by_initial_units() -> None:
    g = SyllableGraph("bjdx")
    kinds = [[u.kind for u in g.starts_at[i]] for i in range(3)]
    assert all(UnitKind.INITIAL in k for k in kinds)
    assert g.boundaries()[-1]


def test_initial_inside_full_pinyin_is_not_an_abbreviation() -> None:
    # `shihou`: the h begins `hou`, so it is no lone initial
    g = SyllableGraph("shihou")
    assert not any(u.kind is UnitKind.INITIAL and u.start == 3 for u in g.starts_at[3])


def test_mixed_full_and_initials() -> None:
    g = SyllableGraph("beijingdx")
    assert g.boundaries()[-1]
    assert any(u.kind is UnitKind.INITIAL and u.text == "d" for u in g.starts_at[7])


@pytest.mark.parametrize(("raw", "at"), [("henquyou", 2), ("gaosuninle", 7), ("renmingfang", 6),
                                         ("dalazhenyidai", 7)])
def test_an_initial_that_completes_the_syllable_before_it_costs_more(raw: str, at: int) -> None:
    """`hen` typed in full is 很, not he + an abbreviated n (和你去游 for henquyou)."""
    from core.pinyin.graph import INITIAL_COST, SPLIT_SYLLABLE_COST

    g = SyllableGraph(raw)
    lone = [u for u in g.starts_at[at] if u.kind is UnitKind.INITIAL]
    assert [u.cost for u in lone] == [INITIAL_COST + SPLIT_SYLLABLE_COST]
    mixed = SyllableGraph("beijingdx")          # d completes no syllable: a plain abbreviation
    assert [u.cost for u in mixed.starts_at[7] if u.kind is UnitKind.INITIAL] == [INITIAL_COST]
    assert all(u.cost == INITIAL_COST for i in range(3) for u in SyllableGraph("bjdx").starts_at[i])


@pytest.mark.parametrize(("syl", "rules", "expect"), [
    ("zi", ("z_zh",), {"zhi"}),
    ("zhi", ("z_zh",), {"zi"}),
    ("fan", ("an_ang",), {"fang"}),
    ("lan", ("n_l", "an_ang"), {"nan", "lang", "nang"}),
    ("xin", ("in_ing",), {"xing"}),
    ("hu", ("f_h",), {"fu"}),
])
def test_fuzzy_alternatives(syl: str, rules: tuple[str, ...], expect: set[str]) -> None:
    assert expect <= set(fuzzy_alternatives(syl, rules))


def test_fuzzy_rules_are_off_by_default() -> None:
    g = SyllableGraph("zi")
    assert all(len(u.readings) == 1 for u in g.starts_at[0] if u.kind is UnitKind.FULL)
    g = SyllableGraph("zi", FuzzyConfig(z_zh=True))
    assert any(("zhi", 1.5) in u.readings for u in g.starts_at[0])


@pytest.mark.parametrize(("raw", "shown"), [("nihao", "ni'hao"), ("xian", "xian"),
                                             ("zhongg", "zhong'g"), ("bjdx", "b'j'd'x")])
def test_display_split(raw: str, shown: str) -> None:
    assert split_for_display(raw) == shown


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=64))
def test_any_ascii_input_never_raises(raw: str) -> None:
    # How long a graph takes to build is measured by `python -m core.bench`, not asserted here.
    letters = "".join(ch for ch in raw.lower() if "a" <= ch <= "z" or ch == "'")
    g = SyllableGraph(raw)
    assert len(g.boundaries()) == len(g.raw) + 1 and g.boundaries()[0]
    assert split_for_display(letters).replace("'", "") == letters.replace("'", "")
