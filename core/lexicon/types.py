"""Plain types shared by the lexicons and the decoder."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the index module imports UserWord from here
    from core.lexicon.user_index import UserWordIndex


@dataclass(frozen=True)
class UserWord:
    """A word of the user lexicon as the decoder sees it."""

    text: str
    syllables: tuple[str, ...]
    count: float


class UserWordSource(Protocol):
    """What the decoder needs of the user lexicon: words by exact letters and by first letter."""

    @property
    def version(self) -> int: ...  # changes whenever the words change

    def by_letters(self, key: str) -> list[UserWord]: ...

    def with_prefix(self, prefix: str) -> list[UserWord]: ...

    def index_of(self, prefix: str) -> UserWordIndex: ...  # those words, by letters and initials
