"""Engine fixtures: the shipped system lexicon (loaded once) and a fresh user lexicon per test."""
from __future__ import annotations

import pytest

from core.engine import EngineConfig, ImeEngine
from core.lexicon.system import SystemLexicon
from core.lexicon.user import UserLexicon


@pytest.fixture(scope="session")
def system_lexicon() -> SystemLexicon:
    return SystemLexicon.default()


@pytest.fixture
def user_lexicon(tmp_path):
    lex = UserLexicon(tmp_path / "user.sqlite")
    yield lex
    lex.close()


@pytest.fixture
def engine(system_lexicon, user_lexicon) -> ImeEngine:
    return ImeEngine(EngineConfig(), system_lexicon=system_lexicon, user_lexicon=user_lexicon)
