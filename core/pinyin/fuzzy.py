"""Fuzzy pinyin settings: which confusable spellings also match (all off by default)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FuzzyConfig:
    """Fuzzy pinyin rules; each off by default (they widen the lattice)."""

    z_zh: bool = False
    c_ch: bool = False
    s_sh: bool = False
    n_l: bool = False
    r_l: bool = False
    f_h: bool = False
    an_ang: bool = False
    en_eng: bool = False
    in_ing: bool = False
    ian_iang: bool = False
    uan_uang: bool = False

    def enabled(self) -> list[str]:
        return [k for k, v in self.__dict__.items() if v]
