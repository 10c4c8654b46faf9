"""A damaged compiled lexicon fails once, when it is opened, with one clear LexiconError."""
from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from core import paths
from core.lexicon.system import LexiconError, SystemLexicon


@pytest.fixture()
def lexicon_copy(tmp_path):
    out = tmp_path / "lexicon"
    shutil.copytree(paths.resources_dir() / "lexicon", out)
    return out


def _drop_integrity(folder) -> None:
    """A manifest from before sizes and sha256 were recorded."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("integrity", None)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_the_shipped_lexicon_verifies(lexicon_copy) -> None:
    lex = SystemLexicon(lexicon_copy)
    assert lex.by_letters("nihao") is not None


@pytest.mark.parametrize("legacy", [False, True])
def test_a_truncated_string_table_fails_at_load_not_per_key(lexicon_copy, legacy) -> None:
    if legacy:
        _drop_integrity(lexicon_copy)
    data = (lexicon_copy / "words.strings").read_bytes()
    (lexicon_copy / "words.strings").write_bytes(data[: len(data) // 2 + 1])  # mid-character
    with pytest.raises(LexiconError, match="words.strings") as err:
        SystemLexicon(lexicon_copy)
    assert "damaged" in str(err.value) and "make lexicon" in str(err.value)


@pytest.mark.parametrize("legacy", [False, True])
def test_garbled_keys_fail_at_load(lexicon_copy, legacy) -> None:
    if legacy:
        _drop_integrity(lexicon_copy)
    path = lexicon_copy / "keys.strings"
    data = bytearray(path.read_bytes())
    data[1000:1010] = b"\xff" * 10          # same size, not UTF-8
    path.write_bytes(bytes(data))
    with pytest.raises(LexiconError, match="keys.strings"):
        SystemLexicon(lexicon_copy)


@pytest.mark.parametrize("legacy", [False, True])
def test_a_garbled_array_fails_at_load_instead_of_index_errors(lexicon_copy, legacy) -> None:
    if legacy:
        _drop_integrity(lexicon_copy)
    arr = np.load(lexicon_copy / "ent_word.npy")
    arr[len(arr) // 2:] = np.iinfo(arr.dtype).max    # ids far past the word list
    np.save(lexicon_copy / "ent_word.npy", arr)
    with pytest.raises(LexiconError, match="ent_word"):
        SystemLexicon(lexicon_copy)
