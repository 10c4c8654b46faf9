"""`yinzi-train inspect-corpus --json PATH...`: what adaptation would read, before it runs.

Per file: lines, Han characters, duplicate lines, share of non-Chinese characters, encoding,
whether Traditional text was converted, and why a file cannot be read; sample lines; row-level
problems with file:line; whether there is enough text. Streams every file.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys

MAX_PROBLEMS = 100
MAX_HASHES = 5_000_000   # duplicate detection memory bound (8 bytes a line)
_LINE = re.compile(r":(\d+):")


def register(subparsers) -> None:
    p = subparsers.add_parser("inspect-corpus", help="summarise text files for adaptation (what would be read)",
                              description="Counts lines, Han characters, duplicates and non-Chinese share "
                                          "per file, detects encodings and Traditional text, lists "
                                          "problems with file:line, and says whether there is enough text.")
    p.add_argument("paths", nargs="+", help="files and folders")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(func=run)


def inspect(paths: list[str]) -> dict:
    from trainer.adapt.corpus import (
        ENOUGH_HAN,
        HAN,
        T2S,
        FileSummary,
        InputError,
        _records,
        collect_files,
        file_encoding,
    )
    from trainer.data.readers import CorpusError

    problems: list[dict] = []
    files_out: list[dict] = []
    samples: list[str] = []
    # Each path on its own: one missing or empty path is a problem of that path, and the
    # files of the others are still read.
    found: dict = {}   # ordered, without repeats
    for p in paths:
        try:
            found.update(dict.fromkeys(collect_files([p])))
        except InputError as exc:
            problems.append({"path": p, "line": None, "message": str(exc)})
    files = list(found)
    t2s = T2S()
    seen: set[bytes] = set()
    for path in files:
        s = FileSummary(str(path))
        chars = taken = 0
        try:
            s.encoding = file_encoding(path)
            for n, line in enumerate(_records(path), 1):
                s.lines += 1
                line = line.strip()
                if not line:
                    continue
                line, changed = t2s(line)
                s.traditional_converted |= changed
                han = len(HAN.findall(line))
                s.han_chars += han
                chars += len(line)
                if han == 0:
                    if len(problems) < MAX_PROBLEMS and not str(path).endswith((".txt", ".md")):
                        problems.append({"path": str(path), "line": n, "message": "no Chinese text"})
                    continue
                h = hashlib.blake2b(line.encode("utf-8"), digest_size=8).digest()
                if h in seen:
                    s.duplicates += 1
                elif len(seen) < MAX_HASHES:
                    seen.add(h)
                if len(samples) < 10 and taken < 3 and han >= 4:   # a few from each file
                    samples.append(line[:120])
                    taken += 1
        except CorpusError as exc:
            s.error = str(exc)
            m = _LINE.search(str(exc))
            problems.append({"path": str(path), "line": int(m.group(1)) if m else None,
                             "message": str(exc)})
        if chars:
            s.non_chinese_share = round(1 - s.han_chars / chars, 4)
        if s.error is None and s.han_chars == 0:
            problems.append({"path": str(path), "line": None, "message": "no Chinese text in this file"})
        files_out.append(s.public(("path", "lines", "han_chars", "duplicates", "non_chinese_share",
                                   "encoding", "traditional_converted", "error")))
    return _result(files_out, samples, problems, ENOUGH_HAN)


def _result(files: list[dict], samples: list[str], problems: list[dict], enough_han: int) -> dict:
    han = sum(f["han_chars"] for f in files)
    enough = han >= enough_han
    if han == 0:
        advice = "No Chinese text found: adaptation needs Chinese text (UTF-8 or GB18030)."
    elif enough:
        advice = (f"{han:,} Han characters: enough for a useful domain layer (≥ {enough_han:,}); "
                  "more text (1-10 million characters) gives larger gains.")
    else:
        advice = (f"Only {han:,} Han characters: a domain layer needs about {enough_han:,} or more "
                  "to help; add more of your text.")
    return {"files": files,
            "totals": {"files": len(files), "lines": sum(f["lines"] for f in files), "han_chars": han,
                       "duplicates": sum(f["duplicates"] for f in files)},
            "samples": samples[:10], "problems": problems, "enough": enough, "advice": advice}


def run(args: argparse.Namespace) -> int:
    info = inspect(args.paths)
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
    else:
        for f in info["files"]:
            print(f"{f['path']}: {f['lines']:,} lines, {f['han_chars']:,} Han chars, "
                  f"{f['duplicates']:,} duplicates, {100 * f['non_chinese_share']:.1f}% non-Chinese, "
                  f"{f['encoding']}{', Traditional converted' if f['traditional_converted'] else ''}"
                  + (f"  ERROR {f['error']}" if f["error"] else ""))
        for p in info["problems"][:20]:
            print(f"problem: {p['path']}:{p['line'] or ''} {p['message']}", file=sys.stderr)
        print(info["advice"])
    return 0 if info["totals"]["han_chars"] else 2
