"""Size report of a one-folder bundle: unpacked and compressed totals, the ten largest parts
and the ten largest files.

    python scripts/packaging/bundle_report.py dist/yinzi [--json report.json]

A part is a top-level entry of the bundle's `_internal/` folder, with `resources/` and
`PySide6/` split one level further (they are the parts one would trim). Compressed is the
size of a gzip'd tar of the folder (level 6, what `make dist` writes), computed in memory.
"""
from __future__ import annotations

import argparse
import json
import sys
import tarfile
import zlib
from collections import Counter
from pathlib import Path

SPLIT = {"resources", "PySide6"}
MB = 1024 * 1024


class _CountingSink:
    """A write-only file that gzip-compresses what it is given and counts the output."""

    def __init__(self) -> None:
        self._z = zlib.compressobj(6, zlib.DEFLATED, 31)   # 31: gzip framing
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(self._z.compress(data))
        return len(data)

    def close(self) -> None:
        self.size += len(self._z.flush())


def part_of(rel: Path) -> str:
    parts = rel.parts
    if parts and parts[0] == "_internal":
        parts = parts[1:]
    if len(parts) > 2 and parts[0] in SPLIT:
        return "/".join(parts[:2])
    return parts[0] if len(parts) > 1 else "(top-level files)"


def report(bundle: Path, compress: bool = True) -> dict:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    sizes = {p.relative_to(bundle): p.stat().st_size for p in files}
    parts: Counter[str] = Counter()
    for rel, size in sizes.items():
        parts[part_of(rel)] += size
    out = {
        "bundle": str(bundle),
        "files": len(sizes),
        "unpacked_mb": round(sum(sizes.values()) / MB, 1),
        "unpacked_bytes": sum(sizes.values()),
        "largest_parts_mb": {k: round(v / MB, 1) for k, v in parts.most_common(10)},
        "largest_files_mb": {str(k): round(v / MB, 1)
                             for k, v in sorted(sizes.items(), key=lambda kv: -kv[1])[:10]},
    }
    if compress:
        sink = _CountingSink()
        with tarfile.open(fileobj=sink, mode="w|") as tar:
            tar.add(bundle, arcname=bundle.name)
        sink.close()
        out["compressed_tar_gz_mb"] = round(sink.size / MB, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--json", type=Path, help="also write the report here")
    parser.add_argument("--no-compress", action="store_true", help="skip the compressed size")
    parser.add_argument("--budget-mb", type=float, help="exit 1 when the unpacked size is larger")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"bundle_report: {args.bundle} is not a folder (build it first)", file=sys.stderr)
        return 2
    r = report(args.bundle, compress=not args.no_compress)
    print(f"{r['bundle']}: {r['unpacked_mb']} MB unpacked in {r['files']} files"
          + (f", {r['compressed_tar_gz_mb']} MB as .tar.gz" if "compressed_tar_gz_mb" in r else ""))
    print("ten largest parts:")
    for name, mb in r["largest_parts_mb"].items():
        print(f"  {mb:7.1f} MB  {name}")
    print("ten largest files:")
    for name, mb in r["largest_files_mb"].items():
        print(f"  {mb:7.1f} MB  {name}")
    if args.json:
        args.json.write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.budget_mb is not None and r["unpacked_bytes"] > args.budget_mb * MB:
        print(f"bundle_report: {r['unpacked_mb']} MB is over the {args.budget_mb:g} MB budget",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
