"""Learning through storage faults: a read-only file, a full disk (real, on a small tmpfs, when
this runs as root; and injected), then the fault cleared. Counts what raised, what typing
could use at once, and what reached the file after the retry.

    python tests/tools/storage_faults.py --words 500
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.lexicon.user import UserLexicon  # noqa: E402

SYL = ["bei", "jing", "shang", "hai", "tian", "qi", "yin", "zi", "ni", "hao"]
CHARS = "北京上海天气音字你好"


def words(n: int) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for i in range(n):
        a, b, c = i % 10, i // 10 % 10, i // 100 % 10
        out.append((CHARS[a] + CHARS[b] + CHARS[c], (SYL[a], SYL[b], SYL[c])))
    return out


def stored(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM words").fetchone()[0]
    finally:
        conn.close()


def learn_all(lex: UserLexicon, batch) -> tuple[int, int, int]:
    raised = 0
    for text, syl in batch:
        try:
            lex.learn(text, syl)
        except Exception:  # noqa: BLE001 - counted: there should be none
            raised += 1
    usable = sum(1 for text, syl in batch if any(w.text == text for w in lex.by_letters("".join(syl))))
    return raised, usable, lex.pending


def report(name: str, n: int, raised: int, usable: int, pending: int, told: list[str],
           saved: int, extra: str = "") -> None:
    print(f"{name}: {n} learns, {raised} raised, {usable} usable at once, {pending} queued, "
          f"said {len(told)} time(s); after the fault cleared: {saved} in the file{extra}")


def read_only(n: int) -> None:
    if os.geteuid() == 0 and subprocess.run(["which", "chattr"], capture_output=True).returncode:
        print("read-only: skipped (root without chattr)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "u.sqlite"
        UserLexicon(path).close()
        lock = ["chattr", "+i", str(path)] if os.geteuid() == 0 else None
        subprocess.run(lock, check=True) if lock else path.chmod(0o444)
        told: list[str] = []
        lex = UserLexicon(path, on_write_error=told.append)
        raised, usable, pending = learn_all(lex, words(n))
        subprocess.run(["chattr", "-i", str(path)], check=True) if lock else path.chmod(0o644)
        lex.flush()
        lex.close()
        report("read-only file", n, raised, usable, pending, told, stored(path))


def injected_full(n: int) -> None:
    real = sqlite3.connect
    state = {"full": True}

    class Full(sqlite3.Connection):
        def execute(self, sql, *a):
            if state["full"] and sql.lstrip().upper().startswith(("INSERT", "BEGIN IMMEDIATE")):
                raise sqlite3.OperationalError("database or disk is full")
            return super().execute(sql, *a)

        def executemany(self, sql, *a):
            if state["full"]:
                raise sqlite3.OperationalError("database or disk is full")
            return super().executemany(sql, *a)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "u.sqlite"
        sqlite3.connect = lambda *a, **k: real(*a, **{"factory": Full, **k})
        try:
            told: list[str] = []
            lex = UserLexicon(path, on_write_error=told.append)
            raised, usable, pending = learn_all(lex, words(n))
            state["full"] = False
            lex.flush()
            lex.close()
        finally:
            sqlite3.connect = real
        report("disk full (injected)", n, raised, usable, pending, told, stored(path))


def real_full(n: int) -> None:
    if os.geteuid() != 0:
        print("disk full (tmpfs): skipped (mounting a tmpfs needs root)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        mount = Path(tmp) / "small"
        mount.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                          capture_output=True).returncode:
            print("disk full (tmpfs): skipped (mount failed)")
            return
        try:
            path = mount / "u.sqlite"
            before = words(n + 79)[n:]
            lex = UserLexicon(path)
            for text, syl in before:
                lex.learn(text, syl)
            lex.close()
            filler = mount / "filler"
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT)   # fill the disk to the last block
            for block in (1 << 20, 4096, 512):
                try:
                    while True:
                        os.write(fd, b"\0" * block)
                except OSError:
                    pass
            os.close(fd)
            told: list[str] = []
            lex = UserLexicon(path, on_write_error=told.append)    # start-up on a full disk
            kept_at_start = len(lex)
            moved = list(mount.glob("*.corrupt-*"))
            raised, usable, pending = learn_all(lex, words(n))
            filler.unlink()                                        # space freed
            lex.flush()
            lex.close()
            report("disk full (tmpfs)", n, raised, usable, pending, told, stored(path),
                   f"; at start-up {kept_at_start} of {len(before)} earlier words kept, "
                   f"{len(moved)} file(s) moved aside")
        finally:
            subprocess.run(["umount", str(mount)], check=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=500)
    args = ap.parse_args()
    read_only(args.words)
    injected_full(args.words)
    real_full(args.words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
