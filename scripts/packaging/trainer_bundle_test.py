"""Test the frozen `yinzi-train` as installed: --version, `devices --json`, and a short
`adapt` on a tiny made-up corpus on the CPU, run from a temp folder with a clean environment
(no PYTHONPATH, an empty HOME) so the source tree is out of reach.

    python scripts/packaging/trainer_bundle_test.py dist/yinzi-trainer [--json figures.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundle_test import ROOT, Checks, clean_env, run  # noqa: E402

from core.version import version_from_pyproject  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "adapt"))
from domain_corpus import write_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the trainer bundle (dist/yinzi-trainer)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    exe = (args.bundle / "yinzi-train").resolve()
    if not exe.is_file():
        print(f"trainer_bundle_test: {exe} not found (run `make bundle-trainer`)", file=sys.stderr)
        return 2
    base = Path(tempfile.mkdtemp(prefix="yinzi-trainer-test-"))
    home, tmp, work, logs = base / "home", base / "tmp", base / "work", base / "logs"
    for d in (home, tmp, work):
        d.mkdir()
    env = clean_env(home, tmp, OMP_NUM_THREADS="1")
    check = Checks("trainer_bundle_test")
    figures: dict[str, object] = {}

    want = version_from_pyproject(ROOT / "pyproject.toml")
    r = run([str(exe), "--version"], env=env, cwd=work, logs=logs / "version")
    check("yinzi-train --version", r.code == 0 and r.out.strip() == f"yinzi-train {want}",
          f"exit {r.code}: {r.out.strip()!r} {r.err[-300:]}")
    figures["version_s"] = round(r.wall_s, 2)

    r = run([str(exe), "devices", "--json"], env=env, cwd=work, logs=logs / "devices")
    try:
        devices = json.loads(r.out)
    except ValueError:
        devices = {}
    torch = devices.get("torch") or {}
    check("devices --json", r.code == 0 and "cpu" in devices and "cuda_build" in torch,
          f"exit {r.code}: {r.out[-300:]} {r.err[-300:]}")
    figures["torch"] = torch
    figures["devices_s"] = round(r.wall_s, 2)

    corpus = write_corpus(work / "novel")
    general = work / "general.txt"
    general.write_text("我们今天去北京大学看看。\n这个问题已经解决了。\n", encoding="utf-8")
    out = work / "model"
    r = run([str(exe), "adapt", "--corpus", str(corpus), "--out", str(out), "--preset", "tiny",
             "--gpus", "cpu", "--general", str(general), "--workers", "1", "--events", "-",
             "--quiet"], env=env, cwd=work, logs=logs / "adapt", timeout=600)
    events = [json.loads(line) for line in r.out.splitlines() if line.startswith("{")]
    done = events[-1] if events else {}
    check("adapt (tiny preset, CPU)", r.code == 0 and done.get("event") == "done"
          and (out / "manifest.json").is_file(), f"exit {r.code}: {r.err[-800:]}")
    figures["adapt_s"] = round(r.wall_s, 2)
    figures["adapt_max_rss_mb"] = round(r.max_rss_mb, 1)

    print(json.dumps(figures, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return check.finish(base)


if __name__ == "__main__":
    sys.exit(main())
