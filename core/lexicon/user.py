"""The user lexicon: words and phrases learned from the user's commits, in SQLite (WAL).

Every learn() is its own committed transaction, so a crash loses nothing learned. Counts decay
with a half-life, so yesterday's words outrank last year's. A file that is not a readable
database is moved aside with a warning and a fresh one is created.
"""
from __future__ import annotations

import csv
import logging
import math
import re
import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from core import paths
from core.lexicon.types import UserWord
from core.pinyin.syllables import is_syllable, normalize_syllable

log = logging.getLogger(__name__)

HALF_LIFE_DAYS = 90.0
MAX_PHRASE_CHARS = 12
_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")

SCHEMA = """
CREATE TABLE IF NOT EXISTS words (
    text TEXT NOT NULL,
    pinyin TEXT NOT NULL,          -- syllables joined by "'"
    count REAL NOT NULL,           -- decayed count as of last_used
    last_used REAL NOT NULL,       -- unix time
    PRIMARY KEY (text, pinyin)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


class UserLexiconError(ValueError):
    """Bad input to the user lexicon (an unreadable TSV, a malformed word)."""


@dataclass(frozen=True)
class UserEntry:
    text: str
    pinyin: str
    count: float
    last_used: float


def decayed(count: float, last_used: float, now: float) -> float:
    days = max(0.0, now - last_used) / 86400.0
    return count * math.pow(0.5, days / HALF_LIFE_DAYS)


class UserLexicon:
    """Learned words, persisted; also the decoder's view of them (by letters, by prefix)."""

    FILENAME = "user_lexicon.sqlite"

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else paths.user_data_dir() / self.FILENAME
        self.recovered_from: Path | None = None
        self._lock = threading.RLock()
        self._version = 0
        self._index: dict[str, list[UserWord]] | None = None
        self._by_first: dict[str, list[UserWord]] | None = None
        self._conn = self._open()

    # --- storage -------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.executescript(SCHEMA)
        conn.execute("SELECT count(*) FROM words").fetchone()
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            for suffix in ("", "-wal", "-shm"):
                src = Path(str(self.path) + suffix)
                if src.exists():
                    shutil.move(str(src), str(aside) + suffix)
            log.warning("user lexicon %s was unreadable (%s); moved it to %s and started a "
                        "fresh one", self.path, exc, aside)
            self.recovered_from = aside
            return self._connect()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _changed(self) -> None:
        self._version += 1
        self._index = None
        self._by_first = None

    # --- learning ------------------------------------------------------------------------

    def learn(self, text: str, syllables: tuple[str, ...] | list[str], *, weight: float = 1.0,
              now: float | None = None) -> bool:
        """Count one use of `text` read as `syllables`; False (and nothing stored) if malformed."""
        syl = tuple(normalize_syllable(s) for s in syllables)
        if (not _HAN.match(text or "") or len(text) != len(syl) or len(text) > MAX_PHRASE_CHARS
                or not all(is_syllable(s) for s in syl)):
            return False
        now = time.time() if now is None else now
        pinyin = "'".join(syl)
        with self._lock:
            row = self._conn.execute("SELECT count, last_used FROM words WHERE text=? AND pinyin=?",
                                     (text, pinyin)).fetchone()
            count = (decayed(row[0], row[1], now) if row else 0.0) + weight
            self._conn.execute(
                "INSERT INTO words(text, pinyin, count, last_used) VALUES (?,?,?,?) "
                "ON CONFLICT(text, pinyin) DO UPDATE SET count=excluded.count, "
                "last_used=excluded.last_used", (text, pinyin, count, now))
            self._changed()
        return True

    def delete(self, text: str, pinyin: str) -> bool:
        with self._lock:
            cur = self._conn.execute("DELETE FROM words WHERE text=? AND pinyin=?", (text, pinyin))
            self._changed()
            return cur.rowcount > 0

    def clear(self) -> int:
        with self._lock:
            cur = self._conn.execute("DELETE FROM words")
            self._changed()
            return cur.rowcount

    # --- reading -------------------------------------------------------------------------

    def entries(self, query: str = "", order: str = "count") -> list[UserEntry]:
        """Learned words matching `query` (in the text or the pinyin), with decayed counts."""
        now = time.time()
        with self._lock:
            rows = self._conn.execute(
                "SELECT text, pinyin, count, last_used FROM words "
                "WHERE text LIKE ? OR replace(pinyin, '''', '') LIKE ?",
                (f"%{query}%", f"%{query.replace(chr(39), '')}%")).fetchall()
        out = [UserEntry(t, p, decayed(c, lu, now), lu) for t, p, c, lu in rows]
        key = {"count": lambda e: (-e.count, e.text), "recent": lambda e: -e.last_used,
               "text": lambda e: e.pinyin}.get(order)
        if key is None:
            raise ValueError(f"unknown order {order!r} (count, recent or text)")
        return sorted(out, key=key)

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM words").fetchone()[0])

    # --- TSV exchange --------------------------------------------------------------------

    def export_tsv(self, path: Path) -> int:
        """Write every entry as `text<TAB>pinyin<TAB>count<TAB>last_used`; returns the count."""
        entries = self.entries(order="count")
        tmp = Path(str(path) + ".tmp")
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            w.writerow(["text", "pinyin", "count", "last_used"])
            for e in entries:
                w.writerow([e.text, e.pinyin, f"{e.count:.3f}", f"{e.last_used:.0f}"])
        tmp.replace(path)
        return len(entries)

    def import_tsv(self, path: Path) -> int:
        """Merge a TSV written by export_tsv (counts add up); returns how many rows were taken.

        Raises UserLexiconError listing the first bad lines when any row is unusable, before
        changing anything.
        """
        try:
            lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UserLexiconError(f"cannot read {path}: {exc}") from exc
        rows: list[tuple[str, tuple[str, ...], float, float]] = []
        bad: list[str] = []
        now = time.time()
        for no, line in enumerate(lines, 1):
            if not line.strip() or (no == 1 and line.startswith("text\t")):
                continue
            parts = line.split("\t")
            try:
                text, pinyin = parts[0], parts[1]
                count = float(parts[2]) if len(parts) > 2 and parts[2] else 1.0
                last = float(parts[3]) if len(parts) > 3 and parts[3] else now
                syl = tuple(pinyin.split("'"))
                if (not _HAN.match(text) or len(syl) != len(text)
                        or not all(is_syllable(s) for s in syl) or count <= 0):
                    raise ValueError
            except (IndexError, ValueError):
                bad.append(f"line {no}: {line[:60]!r}")
                continue
            rows.append((text, syl, count, min(last, now)))
        if bad:
            more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
            raise UserLexiconError(f"{path}: {len(bad)} unusable rows, expected "
                                   f"text<TAB>pinyin<TAB>count: " + "; ".join(bad[:5]) + more)
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                for text, syl, count, last in rows:
                    pinyin = "'".join(syl)
                    row = self._conn.execute(
                        "SELECT count, last_used FROM words WHERE text=? AND pinyin=?",
                        (text, pinyin)).fetchone()
                    total = count + (decayed(row[0], row[1], last) if row else 0.0)
                    self._conn.execute(
                        "INSERT OR REPLACE INTO words(text, pinyin, count, last_used) "
                        "VALUES (?,?,?,?)", (text, pinyin, total, max(last, row[1] if row else 0)))
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._changed()
        return len(rows)

    # --- the decoder's view --------------------------------------------------------------

    @property
    def version(self) -> int:
        return self._version

    def _build_index(self) -> None:
        now = time.time()
        index: dict[str, list[UserWord]] = {}
        by_first: dict[str, list[UserWord]] = {}
        with self._lock:
            rows = self._conn.execute("SELECT text, pinyin, count, last_used FROM words").fetchall()
        for text, pinyin, count, last in rows:
            syl = tuple(pinyin.split("'"))
            uw = UserWord(text, syl, decayed(count, last, now))
            index.setdefault(pinyin.replace("'", ""), []).append(uw)
            by_first.setdefault(pinyin[0], []).append(uw)
        self._index, self._by_first = index, by_first

    def by_letters(self, key: str) -> list[UserWord]:
        if self._index is None:
            self._build_index()
        return self._index.get(key, [])  # type: ignore[union-attr]

    def with_prefix(self, prefix: str) -> list[UserWord]:
        if self._by_first is None:
            self._build_index()
        return self._by_first.get(prefix[:1], [])  # type: ignore[union-attr]
