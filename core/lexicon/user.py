"""The user lexicon: words and phrases learned from the user's commits, in SQLite (WAL).

Every learn() is its own committed transaction, so a crash loses nothing learned. Counts decay
with a half-life, so yesterday's words outrank last year's. Learning never raises: when the file
cannot be written (read-only, full disk, locked by another program) the word is kept in memory,
used at once, queued, and written on a later try; `write_error` says why, once. Only a file that
SQLite itself calls corrupt is moved aside, and its readable rows are copied into the new one.
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from core import paths
from core.lexicon.types import UserWord
from core.lexicon.user_index import UserWordIndex
from core.pinyin.syllables import is_syllable, normalize_syllable

log = logging.getLogger(__name__)

HALF_LIFE_DAYS = 90.0
MAX_PHRASE_CHARS = 12
MAX_COUNT = 1e6          # an imported count above this would pin a word forever
RETRY_SECONDS = 5.0      # after a failed write, queued words are written again this often
BUSY_TIMEOUT = 0.25      # seconds a commit waits for another program's lock (typing waits on it)
_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")
_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
_EMPTY_INDEX = UserWordIndex()  # no word starts with the letter (never added to)

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

_UPSERT = (
    "INSERT INTO words(text, pinyin, count, last_used) VALUES (?,?,?,?) "
    "ON CONFLICT(text, pinyin) DO UPDATE SET "
    "count = excluded.count + yinzi_decayed(words.count, words.last_used, excluded.last_used), "
    "last_used = max(words.last_used, excluded.last_used)")


class UserLexiconError(ValueError):
    """Bad input to the user lexicon (an unreadable TSV, a malformed word), or a failed save."""


class ImportCancelled(UserLexiconError):
    """An import stopped by the user; nothing was changed."""


class _Corrupt(sqlite3.DatabaseError):
    """`PRAGMA quick_check` found damage that opening did not."""


@dataclass(frozen=True)
class UserEntry:
    text: str
    pinyin: str
    count: float
    last_used: float


def decayed(count: float, last_used: float, now: float) -> float:
    days = max(0.0, now - last_used) / 86400.0
    return count * math.pow(0.5, days / HALF_LIFE_DAYS)


def _sql_decayed(count, last_used, now) -> float:
    # Called by SQLite on an upsert; a hand-edited row (text in the count) merges as zero.
    if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in (count, last_used, now)):
        return 0.0
    return decayed(max(0.0, count), last_used, now)


def valid_row(text, pinyin, count, last_used) -> bool:
    """A stored or imported row the decoder can use (hand-edited files may hold anything)."""
    if not (isinstance(text, str) and isinstance(pinyin, str) and _HAN.match(text)
            and len(text) <= MAX_PHRASE_CHARS):
        return False
    if not (isinstance(count, (int, float)) and math.isfinite(count) and 0 < count <= MAX_COUNT
            and isinstance(last_used, (int, float)) and math.isfinite(last_used)):
        return False
    syl = pinyin.split("'")
    return len(syl) == len(text) and all(is_syllable(s) for s in syl)


def is_corrupt(exc: BaseException) -> bool:
    """True only when SQLite says the file is damaged or not a database."""
    if isinstance(exc, _Corrupt):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def move_aside(path: Path) -> Path:
    """Move a damaged database (and its -wal and -shm files) to `<name>.corrupt-<time>`,
    kept for the user; returns the new path."""
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            shutil.move(str(src), str(aside) + suffix)
    return aside


def describe(exc: BaseException) -> str:
    """A plain-words reason for a failed write."""
    text = str(exc).lower()
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return "the file is read-only"
    if "locked" in text or "busy" in text:
        return "another program is using it"
    return str(exc) or type(exc).__name__


class UserLexicon:
    """Learned words, persisted; also the decoder's view of them (by letters, by prefix)."""

    FILENAME = "user_lexicon.sqlite"

    def __init__(self, path: Path | None = None, *,
                 on_write_error: Callable[[str], None] | None = None) -> None:
        self.path = Path(path) if path else paths.user_data_dir() / self.FILENAME
        self.recovered_from: Path | None = None   # where a corrupt file was moved
        self.salvaged = 0                          # rows copied out of that file
        self.bad_rows = 0                          # stored rows skipped as unusable
        self.on_write_error = on_write_error       # called once per run of failed writes
        self._write_error: str | None = None
        self._readonly = False                     # the connection cannot write (yet)
        self._last_try = 0.0
        # Learned words not yet written: (text, pinyin) -> (count added, as of time).
        self._pending: dict[tuple[str, str], tuple[float, float]] = {}
        self._lock = threading.RLock()
        self._version = 0
        self._index: dict[str, list[UserWord]] | None = None
        self._by_first: dict[str, UserWordIndex] | None = None
        self._conn = self._open()
        self.bad_rows = sum(1 for _ in self._stored_rows(skip_count=True))

    # --- storage -------------------------------------------------------------------------

    def _prepare(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        conn.create_function("yinzi_decayed", 3, _sql_decayed, deterministic=True)
        return conn

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                               timeout=BUSY_TIMEOUT)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.executescript(SCHEMA)
            conn.execute("SELECT count(*) FROM words").fetchone()
            result = conn.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise _Corrupt(f"integrity check: {result[0] if result else 'no answer'}")
        except BaseException:
            conn.close()
            raise
        return self._prepare(conn)

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except (sqlite3.DatabaseError, OSError) as exc:
            if isinstance(exc, sqlite3.DatabaseError) and is_corrupt(exc):
                return self._recover(exc)
            return self._open_without_writing(exc)

    def _open_without_writing(self, exc: BaseException) -> sqlite3.Connection:
        """Full disk, read-only file or folder, a lock: keep the file, read it if we can."""
        self._report(f"the user dictionary {self.path} cannot be saved ({describe(exc)}); "
                     "words learned now are kept until Yinzi closes and saved when it can")
        self._readonly = True
        self._last_try = time.monotonic()
        uri = self.path.resolve().as_uri()  # file:///... with the path percent-encoded
        # immutable=1 reads a WAL file whose -shm cannot be created (read-only folder).
        for query in ("mode=ro", "immutable=1"):
            try:
                conn = sqlite3.connect(f"{uri}?{query}", uri=True, check_same_thread=False,
                                       isolation_level=None, timeout=BUSY_TIMEOUT)
            except sqlite3.Error:
                continue
            try:
                conn.execute("SELECT count(*) FROM words").fetchone()
                return self._prepare(conn)
            except sqlite3.Error:
                conn.close()
        conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        conn.executescript(SCHEMA)
        return self._prepare(conn)

    def _recover(self, exc: BaseException) -> sqlite3.Connection:
        aside = self.recovered_from = move_aside(self.path)
        try:
            conn = self._connect()
        except (sqlite3.DatabaseError, OSError) as again:
            return self._open_without_writing(again)
        rows = list(_salvage(aside))
        if rows:
            conn.execute("BEGIN")
            conn.executemany(_UPSERT, rows)
            conn.execute("COMMIT")
        self.salvaged = len(rows)
        log.warning("user lexicon %s was damaged (%s); moved it to %s, started a fresh one and "
                    "copied %d readable words into it", self.path, exc, aside, len(rows))
        return conn

    def close(self) -> None:
        with self._lock:
            if self._pending:
                self._flush(force=True)
            if self._pending:
                log.warning("user lexicon: %d learned words could not be saved (%s)",
                            len(self._pending), self._write_error)
            self._conn.close()

    def _changed(self) -> None:
        self._version += 1
        self._index = None
        self._by_first = None

    # --- write failures ----------------------------------------------------------------------

    @property
    def write_error(self) -> str | None:
        """Why learned words are not being saved now; None when everything is written."""
        return self._write_error

    @property
    def pending(self) -> int:
        """Learned words kept in memory, waiting to be written."""
        return len(self._pending)

    def _report(self, message: str) -> None:
        first = self._write_error is None
        self._write_error = message
        if first:
            log.warning("%s", message)
            if self.on_write_error is not None:
                try:
                    self.on_write_error(message)
                except Exception:  # a status-bar hook must not break learning
                    log.exception("user lexicon: the write-error hook failed")

    def flush(self) -> bool:
        """Try to write the queued words now; True when nothing is left queued."""
        with self._lock:
            return self._flush(force=True)

    def _flush(self, *, force: bool = False) -> bool:
        if not self._pending:
            return True
        if self._write_error is not None and not force \
                and time.monotonic() - self._last_try < RETRY_SECONDS:
            return False
        self._last_try = time.monotonic()
        try:
            self._reopen()
            rows = [(t, p, c, at) for (t, p), (c, at) in self._pending.items()]
            # IMMEDIATE: the read-modify-write of each count is one step even with two writers.
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany(_UPSERT, rows)
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    try:
                        self._conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                raise
        except (sqlite3.DatabaseError, OSError) as exc:
            # SQLite may have opened a read-only file silently: reopen on the next try.
            self._readonly = True
            self._report(f"learned words are not being saved ({describe(exc)}); they are kept "
                         "in memory and saved when the user dictionary can be written again")
            return False
        self._pending.clear()
        if self._write_error is not None:
            log.info("user lexicon: queued words saved; writing works again")
            self._write_error = None
        return True

    # --- learning ------------------------------------------------------------------------

    def learn(self, text: str, syllables: tuple[str, ...] | list[str], *, weight: float = 1.0,
              now: float | None = None) -> bool:
        """Count one use of `text` read as `syllables`; False (and nothing stored) if malformed.

        Never raises for a storage fault: the word is used at once and saved when it can be.
        """
        try:
            syl = tuple(normalize_syllable(s) for s in syllables)
        except (TypeError, AttributeError):
            return False
        if (not isinstance(text, str) or not _HAN.match(text) or len(text) != len(syl)
                or len(text) > MAX_PHRASE_CHARS or not all(is_syllable(s) for s in syl)
                or not (isinstance(weight, (int, float)) and math.isfinite(weight) and weight > 0)):
            return False
        now = time.time() if now is None else now
        key = (text, "'".join(syl))
        with self._lock:
            added, at = self._pending.get(key, (0.0, now))
            self._pending[key] = (decayed(added, at, now) + weight, now)
            self._flush()
            self._version += 1
            self._index_learned(text, syl, weight)
        return True

    def _index_learned(self, text: str, syl: tuple[str, ...], weight: float) -> None:
        """Update the decoder's index in place: a rebuild reads every stored word, which on a
        large dictionary (100k words: 1.5 s) would stall the keystroke after each commit."""
        index, by_first = self._index, self._by_first
        if index is None or by_first is None:
            return
        old = next((w for w in index.get("".join(syl), ()) if w.text == text and w.syllables == syl),
                   None)
        new = UserWord(text, syl, (old.count if old else 0.0) + weight)
        words = index.setdefault("".join(syl), [])
        if old is not None and old in words:
            words[words.index(old)] = new
        else:
            words.append(new)
        first = by_first.get(syl[0][0])
        if first is None:
            first = by_first[syl[0][0]] = UserWordIndex()
        first.add(new)

    def delete(self, text: str, pinyin: str) -> bool:
        with self._lock:
            had = self._pending.pop((text, pinyin), None) is not None
            cur = self._write("DELETE FROM words WHERE text=? AND pinyin=?", (text, pinyin))
            self._version += 1
            self._unindex(text, tuple(pinyin.split("'")))
            return had or cur > 0

    def _unindex(self, text: str, syl: tuple[str, ...]) -> None:
        """Take a deleted word out of the decoder's index in place: dropping the index would
        make the next keystroke rebuild it (about a second at 100,000 words)."""
        index, by_first = self._index, self._by_first
        if index is None or by_first is None or not syl[0]:
            return
        key = "".join(syl)
        if key in index:
            index[key] = [w for w in index[key] if not (w.text == text and w.syllables == syl)]
        first = by_first.get(syl[0][0])
        if first is not None:
            first.remove(text, syl)

    def clear(self) -> int:
        with self._lock:
            had = len(self._pending)
            self._pending.clear()
            cur = self._write("DELETE FROM words", ())
            self._version += 1
            self._index, self._by_first = {}, {}   # empty, not unbuilt: nothing to read again
            return had + cur

    def _reopen(self) -> None:
        """After a failed write, a new read-write connection (space freed, file made writable)."""
        if self._readonly:
            conn = self._connect()
            self._conn.close()
            self._conn, self._readonly = conn, False

    def _write(self, sql: str, args: tuple) -> int:
        """A user's edit from the dictionary window: a failure is an error they are shown."""
        try:
            self._reopen()
            return self._conn.execute(sql, args).rowcount
        except (sqlite3.DatabaseError, OSError) as exc:
            raise UserLexiconError(f"cannot change the user dictionary {self.path}: "
                                   f"{describe(exc)}") from exc

    # --- reading -------------------------------------------------------------------------

    def _stored_rows(self, *, skip_count: bool = False) -> Iterator[tuple[str, str, float, float]]:
        """Stored rows; with skip_count, only the unusable ones (to count them)."""
        with self._lock:
            try:
                rows = self._conn.execute(
                    "SELECT text, pinyin, count, last_used FROM words").fetchall()
            except sqlite3.DatabaseError as exc:  # e.g. a lock held too long: words in memory only
                log.warning("user lexicon: cannot read %s (%s)", self.path, describe(exc))
                rows = []
        for row in rows:
            if valid_row(*row) != skip_count:
                yield row

    def _rows(self) -> dict[tuple[str, str], tuple[float, float]]:
        """Every usable word, stored and queued, with its count as of its last use."""
        with self._lock:
            pending = dict(self._pending)
        out = {(t, p): (c, lu) for t, p, c, lu in self._stored_rows()}
        for key, (added, at) in pending.items():
            count, last = out.get(key, (0.0, at))
            out[key] = (decayed(count, last, at) + added, max(at, last))
        return out

    def entries(self, query: str = "", order: str = "count") -> list[UserEntry]:
        """Learned words matching `query` (in the text or the pinyin), with decayed counts."""
        key = {"count": lambda e: (-e.count, e.text), "recent": lambda e: -e.last_used,
               "text": lambda e: e.pinyin}.get(order)
        if key is None:
            raise ValueError(f"unknown order {order!r} (count, recent or text)")
        now = time.time()
        letters = query.replace("'", "")
        out = [UserEntry(t, p, decayed(c, lu, now), lu) for (t, p), (c, lu) in self._rows().items()
               if query in t or letters in p.replace("'", "")]
        return sorted(out, key=key)

    def __len__(self) -> int:
        return len(self._rows())

    # --- TSV exchange --------------------------------------------------------------------

    def export_tsv(self, path: Path) -> int:
        """Write every entry as `text<TAB>pinyin<TAB>count<TAB>last_used`; returns the count."""
        entries = self.entries(order="count")
        path = Path(path)
        tmp = Path(str(path) + ".tmp")
        try:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh, delimiter="\t", lineterminator="\n")
                w.writerow(["text", "pinyin", "count", "last_used"])
                for e in entries:
                    w.writerow([e.text, e.pinyin, f"{e.count:.3f}", f"{e.last_used:.0f}"])
            tmp.replace(path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserLexiconError(f"cannot write {path}: {exc.strerror or exc}") from exc
        return len(entries)

    def import_tsv(self, path: Path, *, progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> int:
        """Merge a TSV written by export_tsv (counts add up); returns how many rows were taken.

        All or nothing: a file with any unusable row raises UserLexiconError listing the first
        bad lines, and a cancelled import (ImportCancelled) changes nothing. The file is read
        twice as a stream (check, then write), so its size does not matter. `progress(done,
        total)` counts bytes. Runs on its own connection, so it may run off the UI thread
        while typing goes on (a word learned meanwhile is queued and saved after).
        """
        path = Path(path)
        try:
            total = path.stat().st_size
        except OSError as exc:
            raise UserLexiconError(f"cannot read {path}: {exc.strerror or exc}") from exc
        bad: list[str] = []
        bad_count = 0
        taken = 0
        for no, row in self._tsv_rows(path, total, progress, cancelled, half=0):
            if isinstance(row, str):
                bad_count += 1
                if len(bad) < 5:
                    bad.append(f"line {no}: {row}")
            else:
                taken += 1
        if bad_count:
            more = f" (and {bad_count - len(bad)} more)" if bad_count > len(bad) else ""
            raise UserLexiconError(
                f"{path}: {bad_count} unusable rows, expected text<TAB>pinyin<TAB>count "
                f"(a phrase of at most {MAX_PHRASE_CHARS} characters, a count above 0 and at "
                f"most {MAX_COUNT:g}): " + "; ".join(bad) + more)
        try:
            with self._lock:
                self._reopen()
            conn = self._prepare(sqlite3.connect(self.path, isolation_level=None, timeout=30.0))
        except (sqlite3.Error, OSError) as exc:
            raise UserLexiconError(f"cannot import into {self.path}: {describe(exc)}") from exc
        try:
            conn.execute("BEGIN IMMEDIATE")
            rows = (r for _, r in self._tsv_rows(path, total, progress, cancelled, half=1))
            conn.executemany(_UPSERT, rows)
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise UserLexiconError(f"cannot import into {self.path}: {describe(exc)}") from exc
            raise
        finally:
            conn.close()
        with self._lock:
            self._changed()
        return taken

    @staticmethod
    def _tsv_rows(path: Path, total: int, progress, cancelled, *, half: int):
        """(line number, row or the reason it is unusable) for each data line of the file."""
        now = time.time()
        done = 0
        step = max(1, total // 200)
        next_report = 0
        try:
            with open(path, "rb") as fh:
                for no, raw in enumerate(fh, 1):
                    done += len(raw)
                    if done >= next_report:
                        next_report = done + step
                        if cancelled is not None and cancelled():
                            raise ImportCancelled("import cancelled; nothing was changed")
                        if progress is not None:
                            progress(done + half * total, 2 * total)
                    try:
                        line = raw.decode("utf-8-sig" if no == 1 else "utf-8").rstrip("\r\n")
                    except UnicodeDecodeError:
                        yield no, "not UTF-8 text"
                        continue
                    if not line.strip() or (no == 1 and line.startswith("text\t")):
                        continue
                    yield no, _parse_tsv_line(line, now)
        except OSError as exc:
            raise UserLexiconError(f"cannot read {path}: {exc.strerror or exc}") from exc
        if progress is not None:
            progress((half + 1) * total, 2 * total)

    # --- the decoder's view --------------------------------------------------------------

    @property
    def version(self) -> int:
        return self._version

    def _build_index(self) -> tuple[dict[str, list[UserWord]], dict[str, UserWordIndex]]:
        version = self._version
        now = time.time()
        index: dict[str, list[UserWord]] = {}
        first: dict[str, list[UserWord]] = {}
        for (text, pinyin), (count, last) in self._rows().items():
            uw = UserWord(text, tuple(pinyin.split("'")), decayed(count, last, now))
            index.setdefault(pinyin.replace("'", ""), []).append(uw)
            first.setdefault(pinyin[0], []).append(uw)
        by_first = {letter: UserWordIndex(words) for letter, words in first.items()}
        with self._lock:
            # Kept only if nothing changed meanwhile (an import runs on another thread).
            if version == self._version:
                self._index, self._by_first = index, by_first
        return index, by_first

    def warm_up(self) -> None:
        """Build the decoder's index now (any thread), not on the first keystroke: at
        100,000 words it reads for about 1.5 s (see `_index_learned`)."""
        if self._index is None:
            self._build_index()

    def by_letters(self, key: str) -> list[UserWord]:
        index = self._index
        if index is None:
            index, _ = self._build_index()
        return index.get(key, [])

    def with_prefix(self, prefix: str) -> list[UserWord]:
        """The words whose pinyin starts with the letter `prefix` starts with."""
        return self.index_of(prefix).words()

    def index_of(self, prefix: str) -> UserWordIndex:
        """The words whose pinyin starts with the letter `prefix` starts with, indexed."""
        by_first = self._by_first
        if by_first is None:
            _, by_first = self._build_index()
        return by_first.get(prefix[:1]) or _EMPTY_INDEX


def _parse_tsv_line(line: str, now: float) -> tuple[str, str, float, float] | str:
    parts = line.split("\t")
    if len(parts) < 2:
        return f"{line[:60]!r}: fewer than two columns"
    text, pinyin = parts[0], parts[1]
    try:
        count = float(parts[2]) if len(parts) > 2 and parts[2].strip() else 1.0
        last = float(parts[3]) if len(parts) > 3 and parts[3].strip() else now
    except ValueError:
        return f"{line[:60]!r}: the count or date is not a number"
    if len(text) > MAX_PHRASE_CHARS:
        return f"{text[:20]!r}…: longer than {MAX_PHRASE_CHARS} characters"
    syl = "'".join(normalize_syllable(s) for s in pinyin.split("'"))
    last = min(last, now) if math.isfinite(last) else last
    if not valid_row(text, syl, count, last):
        return f"{line[:60]!r}"
    return text, syl, count, last


def _salvage(path: Path) -> Iterator[tuple[str, str, float, float]]:
    """Readable, usable rows of a damaged file, row by row (a bad page skips only its rows)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    last, failures = 0, 0
    try:
        while failures < 1000:
            try:
                for rowid, *row in conn.execute(
                        "SELECT rowid, text, pinyin, count, last_used FROM words WHERE rowid > ? "
                        "ORDER BY rowid", (last,)):
                    last = rowid
                    if valid_row(*row):
                        yield tuple(row)
                return
            except sqlite3.DatabaseError:
                failures += 1
                last += 1  # step over the unreadable row and go on
    finally:
        conn.close()
