"""Raw letters -> a graph of syllable units that keeps every reading until decoding decides.

Positions are indices into the raw input (apostrophes included). A unit spans raw[start:end]
and is one of: a full syllable (`xian`), an initial typed alone (`b`, `zh`: abbreviations such
as `bjdx`), or an incomplete syllable at the end of the input (`zhongg` -> zhong + g..., `zho`).
Fuzzy rules add alternative full syllables to a unit, each with a cost.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property, lru_cache

from core.pinyin.fuzzy import FuzzyConfig
from core.pinyin.syllables import (
    ALIASES,
    INITIALS,
    MAX_SYLLABLE_LEN,
    SYLLABLES,
    is_syllable,
    is_syllable_prefix,
)

FUZZY_COST = 1.5              # nats per fuzzy substitution: the typed spelling stays preferred
INITIAL_COST = 3.0            # an initial typed alone inside the input (abbreviation)
PREFIX_COST = 0.5             # an incomplete syllable at the end (the user is still typing it)
TRAILING_SYLLABLE_COST = 4.0  # a complete last syllable read as the start of a longer one
# ... and an initial that completes the syllable before it into a longer one, read alone
# (`hen` as he + n, `zhen` as zhe + n, `ming` as min + g): people who type the full syllables
# around a letter meant that syllable, not an abbreviation of the next one.
SPLIT_SYLLABLE_COST = 4.0


class UnitKind(str, Enum):
    FULL = "full"        # a complete syllable
    INITIAL = "initial"  # an initial alone (abbreviation), anywhere
    PREFIX = "prefix"    # an incomplete syllable, only at the end of the input


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    text: str
    kind: UnitKind
    # For FULL units: (syllable, cost) readings, the typed one first at cost 0, then fuzzy ones.
    readings: tuple[tuple[str, float], ...] = ()
    cost: float = 0.0  # nats charged for reading the unit this way (abbreviation, prefix)

    @property
    def exact(self) -> bool:
        """A full syllable read as typed."""
        return self.kind is UnitKind.FULL

    def matches(self, syllable: str) -> float | None:
        """Cost of reading this unit as `syllable`, or None when it cannot be."""
        if self.kind is UnitKind.FULL:
            for s, cost in self.readings:
                if s == syllable:
                    return cost
            return None
        if syllable.startswith(self.text):
            return 0.0
        return None


# --- fuzzy rules ------------------------------------------------------------------------------

_INITIAL_PAIRS = {"z_zh": ("z", "zh"), "c_ch": ("c", "ch"), "s_sh": ("s", "sh"),
                  "n_l": ("n", "l"), "r_l": ("r", "l"), "f_h": ("f", "h")}
_FINAL_PAIRS = {"an_ang": ("an", "ang"), "en_eng": ("en", "eng"), "in_ing": ("in", "ing"),
                "ian_iang": ("ian", "iang"), "uan_uang": ("uan", "uang")}


def _split_initial(syllable: str) -> tuple[str, str]:
    for ini in INITIALS:
        if syllable.startswith(ini) and ini not in ("y", "w"):
            return ini, syllable[len(ini):]
    return "", syllable


@lru_cache(maxsize=4096)
def fuzzy_alternatives(syllable: str, rules: tuple[str, ...]) -> tuple[str, ...]:
    """Valid syllables reachable from `syllable` by one or more enabled fuzzy rules."""
    out = {syllable}
    for _ in range(2):  # an initial rule and a final rule may combine
        for s in list(out):
            ini, fin = _split_initial(s)
            for rule in rules:
                if rule in _INITIAL_PAIRS:
                    a, b = _INITIAL_PAIRS[rule]
                    for x, y in ((a, b), (b, a)):
                        if ini == x:
                            out.add(y + fin)
                elif rule in _FINAL_PAIRS:
                    a, b = _FINAL_PAIRS[rule]
                    for x, y in ((a, b), (b, a)):
                        if fin.endswith(x) and not fin.endswith(y if len(y) > len(x) else "\0"):
                            out.add(ini + fin[: len(fin) - len(x)] + y)
    out.discard(syllable)
    return tuple(sorted(s for s in out if is_syllable(s)))


# --- the graph ---------------------------------------------------------------------------------

_INITIAL_SET = frozenset(INITIALS)
_LONGER = frozenset(s[:i] for s in SYLLABLES for i in range(1, len(s)))


@lru_cache(maxsize=512)
def syllables_starting(prefix: str) -> tuple[str, ...]:
    """Every syllable that starts with `prefix` (itself included), shortest first."""
    return tuple(sorted((s for s in SYLLABLES if s.startswith(prefix)), key=len))


def _lone_initial(raw: str, i: int, j: int) -> bool:
    """Can raw[i:j] (an initial) stand alone as an abbreviated syllable?

    Only where the next letter cannot continue it into a syllable (`bjdx`), not inside full
    pinyin (`shihou`: the h starts hou). `s` + `h` may also be two initials (`sh` for 社会)
    when no vowel follows.
    """
    if not is_syllable_prefix(raw[i:j + 1]):
        return True
    if raw[i:j] in ("z", "c", "s") and raw[j:j + 1] == "h":
        return j + 1 == len(raw) or not is_syllable_prefix(raw[i:j + 2])
    return False


def _completes_syllable(raw: str, i: int, j: int) -> bool:
    """Does the initial raw[i:j] end a longer syllable whose start, raw[k:i], is a syllable
    too (n after `he` in `hen`, g after `min` in `ming`)?"""
    return any(is_syllable(raw[k:i]) and is_syllable(raw[k:j])
               for k in range(max(0, i - MAX_SYLLABLE_LEN), i) if "'" not in raw[k:j])


def _extends(piece: str) -> bool:
    """True when some longer syllable starts with `piece`."""
    return piece in _LONGER


class SyllableGraph:
    """All units of a raw input, indexed by where they end and where they start."""

    def __init__(self, raw: str, fuzzy: FuzzyConfig | None = None) -> None:
        self.raw = raw
        n = len(raw)
        self.ends_at: list[list[Unit]] = [[] for _ in range(n + 1)]
        self.starts_at: list[list[Unit]] = [[] for _ in range(n + 1)]
        rules = tuple(fuzzy.enabled()) if fuzzy else ()
        for i in range(n):
            if raw[i] == "'":
                continue
            for j in range(i + 1, min(n, i + MAX_SYLLABLE_LEN) + 1):
                piece = raw[i:j]
                if "'" in piece[-1:]:
                    break
                if not is_syllable_prefix(piece):
                    break
                units: list[Unit] = []
                if is_syllable(piece):
                    canon = ALIASES.get(piece, piece)
                    readings = [(canon, 0.0)]
                    readings += [(s, FUZZY_COST) for s in fuzzy_alternatives(canon, rules)]
                    units.append(Unit(i, j, piece, UnitKind.FULL, tuple(readings)))
                if j == n and (not is_syllable(piece) or _extends(piece)):
                    # Still being typed: matches any syllable it starts. A complete syllable
                    # read as a prefix of a longer one (`xia` for `xiang`) costs more.
                    cost = TRAILING_SYLLABLE_COST if is_syllable(piece) else PREFIX_COST
                    units.append(Unit(i, j, piece, UnitKind.PREFIX, cost=cost))
                elif piece in _INITIAL_SET and _lone_initial(raw, i, j):
                    cost = INITIAL_COST
                    if _completes_syllable(raw, i, j):
                        cost += SPLIT_SYLLABLE_COST
                    units.append(Unit(i, j, piece, UnitKind.INITIAL, cost=cost))
                for u in units:
                    self.ends_at[j].append(u)
                    self.starts_at[i].append(u)

    @cached_property
    def reach(self) -> list[bool]:
        """reach[i]: raw[:i] can be fully covered by units (computed once per graph)."""
        return self.boundaries()

    def boundaries(self) -> list[bool]:
        """reach[i]: raw[:i] can be fully covered by units (and apostrophes)."""
        n = len(self.raw)
        reach = [False] * (n + 1)
        reach[0] = True
        for i in range(n + 1):
            if not reach[i]:
                continue
            if i < n and self.raw[i] == "'":
                reach[i + 1] = True
            for u in self.starts_at[i]:
                reach[u.end] = True
        return reach

    def best_split(self) -> list[str]:
        """One readable segmentation (fewest units, full syllables preferred) for display."""
        n = len(self.raw)
        best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
        best[0] = (0, [])
        for i in range(n + 1):
            cur = best[i]
            if cur is None:
                continue
            if i < n and self.raw[i] == "'":
                cand = (cur[0], cur[1])
                if best[i + 1] is None or cand[0] < best[i + 1][0]:
                    best[i + 1] = cand
                continue
            for u in self.starts_at[i]:
                cost = cur[0] + (1 if u.kind is UnitKind.FULL else 3)
                if best[u.end] is None or cost < best[u.end][0]:
                    best[u.end] = (cost, cur[1] + [u.text])
        if best[n] is None:
            # Unparseable letters: show them as they are after the longest parseable prefix.
            last = max(i for i in range(n + 1) if best[i] is not None)
            return best[last][1] + [self.raw[last:]] if last < n else best[last][1]
        return best[n][1]


def split_for_display(raw: str) -> str:
    """`nihao` -> `ni'hao`: the composition string with syllable separators."""
    if not raw:
        return ""
    return "'".join(p for p in SyllableGraph(raw).best_split() if p)
