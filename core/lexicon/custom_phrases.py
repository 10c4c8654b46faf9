"""Custom phrases: short keys the user types for longer text (`dz` -> an address, `yx` -> an
e-mail), plus built-in date and time macros (`rq`, `sj`, `xq`) expanded when looked up.

Kept in their own SQLite file beside the user dictionary; the engine asks `lookup(key)` when
the whole input equals a key and shows the matches first. Every edit is its own transaction;
an import is all or nothing; TSV is `key<TAB>text`.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core import paths
from core.lexicon.user import BUSY_TIMEOUT, describe, is_corrupt, move_aside

log = logging.getLogger(__name__)

KEY_PATTERN = re.compile(r"^[a-z]{1,16}$")
MAX_TEXT_CHARS = 500
_WEEKDAYS = "一二三四五六日"


def _macro_date(now: dt.datetime) -> list[str]:
    return [f"{now:%Y-%m-%d}", f"{now.year}年{now.month}月{now.day}日", f"{now:%Y/%m/%d}"]


def _macro_time(now: dt.datetime) -> list[str]:
    return [f"{now:%H:%M}", f"{now.hour}时{now.minute:02d}分", f"{now:%H:%M:%S}"]


def _macro_weekday(now: dt.datetime) -> list[str]:
    day = _WEEKDAYS[now.weekday()]
    return [f"星期{day}", f"周{day}"]


def _macro_now(now: dt.datetime) -> list[str]:
    return [f"{now:%Y-%m-%d %H:%M}", f"{now.year}年{now.month}月{now.day}日 {now:%H:%M}"]


# key -> (what it gives, the expansion); what a user sees listed in the window.
MACROS: dict[str, tuple[str, Callable[[dt.datetime], list[str]]]] = {
    "rq": ("today's date (日期)", _macro_date),
    "sj": ("the current time (时间)", _macro_time),
    "xq": ("the day of the week (星期)", _macro_weekday),
    "rqsj": ("date and time", _macro_now),
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS phrases (
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    position INTEGER NOT NULL,      -- order of a key's phrases (the first is shown first)
    PRIMARY KEY (key, text)
);
"""


class CustomPhraseError(ValueError):
    """A key or text that cannot be a custom phrase, a bad TSV, or an edit that cannot be saved."""


@dataclass(frozen=True)
class CustomPhrase:
    key: str
    text: str


def check(key: str, text: str) -> str | None:
    """Why (key, text) cannot be a custom phrase, or None."""
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        return "a key is 1 to 16 letters a-z"
    if not isinstance(text, str) or not text.strip():
        return "the text is empty"
    if len(text) > MAX_TEXT_CHARS:
        return f"the text is longer than {MAX_TEXT_CHARS} characters"
    if "\t" in text or "\n" in text or "\r" in text:
        return "the text has a tab or a line break"
    return None


class CustomPhrases:
    """The user's custom phrases and the built-in macros; `lookup` is what the engine calls."""

    FILENAME = "custom_phrases.sqlite"

    def __init__(self, path: Path | None = None, *,
                 clock: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.path = Path(path) if path else paths.user_data_dir() / self.FILENAME
        self.clock = clock
        self.error: str | None = None          # why edits cannot be saved, when they cannot
        self.recovered_from: Path | None = None
        self._lock = threading.RLock()
        self._conn = self._open()
        self._cache: dict[str, list[str]] | None = None

    # --- storage ------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                               timeout=BUSY_TIMEOUT)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)
            conn.execute("SELECT count(*) FROM phrases").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except (sqlite3.DatabaseError, OSError) as exc:
            if isinstance(exc, sqlite3.DatabaseError) and is_corrupt(exc):
                aside = self.recovered_from = move_aside(self.path)
                log.warning("custom phrases %s were damaged; moved to %s", self.path, aside)
                try:
                    return self._connect()
                except (sqlite3.DatabaseError, OSError) as again:
                    exc = again
            self.error = f"custom phrases cannot be saved ({describe(exc)})"
            log.warning("%s: %s", self.path, self.error)
            conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            conn.executescript(SCHEMA)
            return conn

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _write(self, statements: list[tuple[str, tuple]]) -> None:
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                for sql, args in statements:
                    self._conn.execute(sql, args)
                self._conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.IntegrityError):
                    raise CustomPhraseError("that key already has this text") from exc
                raise CustomPhraseError(f"cannot save the custom phrases: {describe(exc)}") from exc
            finally:
                self._cache = None

    # --- editing ------------------------------------------------------------------------------

    def entries(self) -> list[CustomPhrase]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT key, text FROM phrases ORDER BY key, position").fetchall()
        return [CustomPhrase(k, t) for k, t in rows if check(k, t) is None]

    def add(self, key: str, text: str) -> None:
        key = key.strip().lower()
        problem = check(key, text)
        if problem:
            raise CustomPhraseError(problem)
        self._write([("INSERT INTO phrases(key, text, position) VALUES (?, ?, "
                      "(SELECT coalesce(max(position), -1) + 1 FROM phrases WHERE key=?))",
                      (key, text, key))])

    def update(self, old: CustomPhrase, key: str, text: str) -> None:
        key = key.strip().lower()
        problem = check(key, text)
        if problem:
            raise CustomPhraseError(problem)
        self._write([("UPDATE phrases SET key=?, text=? WHERE key=? AND text=?",
                      (key, text, old.key, old.text))])

    def delete(self, phrase: CustomPhrase) -> None:
        self._write([("DELETE FROM phrases WHERE key=? AND text=?", (phrase.key, phrase.text))])

    # --- the engine's view --------------------------------------------------------------------

    def lookup(self, key: str) -> list[str]:
        """The texts for `key`: the user's own first, in their order, then a macro's."""
        if self._cache is None:
            cache: dict[str, list[str]] = {}
            for p in self.entries():
                cache.setdefault(p.key, []).append(p.text)
            self._cache = cache
        found = list(self._cache.get(key, ()))
        macro = MACROS.get(key)
        if macro is not None:
            found += [t for t in macro[1](self.clock()) if t not in found]
        return found

    # --- TSV ----------------------------------------------------------------------------------

    def export_tsv(self, path: Path) -> int:
        entries = self.entries()
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        try:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                # Plain lines: a text holds no tab or line break (check()), and quotes stay
                # as typed.
                fh.write("key\ttext\n")
                fh.writelines(f"{p.key}\t{p.text}\n" for p in entries)
            tmp.replace(path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise CustomPhraseError(f"cannot write {path}: {exc.strerror or exc}") from exc
        return len(entries)

    def import_tsv(self, path: Path) -> int:
        """Add `key<TAB>text` lines (the header optional); all or nothing, bad lines listed."""
        rows: list[tuple[str, str]] = []
        bad: list[str] = []
        try:
            with open(path, encoding="utf-8-sig") as fh:
                for no, line in enumerate(fh, 1):
                    line = line.rstrip("\r\n")
                    if not line.strip() or (no == 1 and line == "key\ttext"):
                        continue
                    key, _, text = line.partition("\t")
                    key = key.strip().lower()
                    problem = check(key, text)
                    if problem:
                        bad.append(f"line {no}: {problem}")
                    elif (key, text) not in rows:
                        rows.append((key, text))
        except (OSError, UnicodeDecodeError) as exc:
            raise CustomPhraseError(f"cannot read {path}: {exc}") from exc
        if bad:
            more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
            raise CustomPhraseError(f"{path}: {len(bad)} unusable lines, expected key<TAB>text: "
                                    + "; ".join(bad[:5]) + more)
        self._write([("INSERT OR IGNORE INTO phrases(key, text, position) VALUES (?, ?, "
                      "(SELECT coalesce(max(position), -1) + 1 FROM phrases WHERE key=?))",
                      (k, t, k)) for k, t in rows])
        return len(rows)
