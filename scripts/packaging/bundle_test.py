"""Test the frozen `yinzi` as a user would run it, and print the figures for the docs.

    python scripts/packaging/bundle_test.py dist/yinzi [--json figures.json]
    python scripts/packaging/bundle_test.py --command ".venv/bin/yinzi"   # the same, from source

The bundle is copied into a fresh temp folder and run from there with a clean environment
(PATH=/usr/bin:/bin, no PYTHONPATH, no YINZI_* variables, an empty HOME and TMPDIR), so it
cannot reach the source tree. Checks:
  * `yinzi --version` prints the pyproject.toml version;
  * `echo woaibeijingtiananmen | yinzi convert --stdin` gives 我爱北京天安门;
  * `yinzi analyze --file sample.csv --column text --out out.csv` writes one labelled row per
    input row, with the clear cases labelled right;
  * `yinzi --self-test` (offscreen) types a sentence through the key controller and exits 0;
  * `yinzi --self-test --analysis` analyses a sentence in the app's analysis child process;
  * nothing is written outside the platformdirs data/config/cache folders of `yinzi`, the
    given output file, and nothing is left in TMPDIR or changed inside the bundle.
Exit 0 when all pass; each failure is one line on stderr.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shlex
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from core.version import version_from_pyproject  # noqa: E402


class Checks:
    """A test tool's checks: an ok/FAIL line as each runs, the failures again on stderr at the
    end, and the temp folder kept when one failed. Call it as `check(name, ok, detail)`."""

    def __init__(self, tool: str) -> None:
        self.tool = tool
        self.failures: list[str] = []

    def __call__(self, name: str, ok: bool, detail: str = "") -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f": {detail}"), flush=True)
        if not ok:
            self.failures.append(f"{name}: {detail}")

    def finish(self, base: Path, keep: bool = False) -> int:
        """The exit status; `base` is removed unless kept or a check failed."""
        if keep or self.failures:
            print(f"{self.tool}: files kept in {base}", file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)
        for failure in self.failures:
            print(f"{self.tool}: FAIL {failure}", file=sys.stderr)
        return 1 if self.failures else 0


EXPECTED = "我爱北京天安门"
SAMPLE_ROWS = [
    ("1", "这家酒店很干净，服务也好，下次还来。", "positive"),
    ("2", "太差了，房间又脏又吵，再也不来了。", "negative"),
    ("3", "价格一般，位置还可以。", None),
]
# Where platformdirs puts yinzi's folders on Linux with no XDG_* variables set.
ALLOWED_UNDER_HOME = (".local/share/yinzi", ".config/yinzi", ".cache/yinzi")


@dataclass
class Run:
    code: int
    out: str
    err: str
    wall_s: float
    max_rss_mb: float


def run(argv: list[str], *, env: dict[str, str], cwd: Path, logs: Path, stdin: str = "",
        timeout: float = 120.0) -> Run:
    """Run a command with its own rusage (os.wait4): exit code, output, wall time, peak RSS."""
    import subprocess

    logs.mkdir(parents=True, exist_ok=True)
    out_f, err_f = logs / "out", logs / "err"
    with open(out_f, "wb") as out, open(err_f, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.PIPE, stdout=out,
                                stderr=err, start_new_session=True)
        proc.stdin.write(stdin.encode("utf-8"))
        proc.stdin.close()
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(proc.returncode, out_f.read_text("utf-8", "replace"),
               err_f.read_text("utf-8", "replace"), wall, usage.ru_maxrss / 1024)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under a folder: relative path -> (size, mtime in ns)."""
    out = {}
    for p in folder.rglob("*"):
        if p.is_file() or p.is_symlink():
            st = p.lstat()
            out[str(p.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return out


def clean_env(home: Path, tmp: Path, **extra: str) -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(tmp), "LANG": "C.UTF-8"}
    env.update(extra)
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundle", nargs="?", type=Path, help="the one-folder bundle (dist/yinzi)")
    parser.add_argument("--command", help="instead of a bundle, this command line (e.g. .venv/bin/yinzi)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (say where)")
    args = parser.parse_args(argv)
    if bool(args.bundle) == bool(args.command):
        parser.error("give a bundle folder or --command, not both")

    check = Checks("bundle_test")
    figures: dict[str, object] = {}
    base = Path(tempfile.mkdtemp(prefix="yinzi-bundle-test-"))
    home, tmp, work, logs = base / "home", base / "tmp", base / "work", base / "logs"
    for d in (home, tmp, work):
        d.mkdir()
    if args.bundle:
        exe_name = "yinzi.exe" if sys.platform.startswith("win") else "yinzi"
        if not (args.bundle / exe_name).is_file():
            print(f"bundle_test: {args.bundle / exe_name} not found (run `make bundle`)", file=sys.stderr)
            return 2
        app = base / "app"
        shutil.copytree(args.bundle, app, symlinks=True)
        command = [str(app / exe_name)]
        bundle_before = snapshot(app)
        figures["kind"] = "frozen"
    else:
        command = shlex.split(args.command)
        command[0] = shutil.which(command[0]) or str(Path(command[0]).resolve())
        app, bundle_before = None, {}
        figures["kind"] = "source"

    # --version
    want = version_from_pyproject(ROOT / "pyproject.toml")
    r = run([*command, "--version"], env=clean_env(home, tmp), cwd=work, logs=logs / "version")
    check("yinzi --version", r.code == 0 and r.out.strip() == f"yinzi {want}",
          f"exit {r.code}, printed {r.out.strip()!r}, expected 'yinzi {want}' {r.err[-300:]}")

    # convert --stdin: the first conversion of a fresh process, lexicon and model load included
    r = run([*command, "convert", "--stdin"], env=clean_env(home, tmp), cwd=work,
            logs=logs / "convert", stdin="woaibeijingtiananmen\n")
    top = r.out.split("\t", 1)[0].strip()
    check("convert --stdin", r.code == 0 and top == EXPECTED,
          f"exit {r.code}, top {top!r} (expected {EXPECTED}) {r.err[-300:]}")
    figures["convert_first_s"] = round(r.wall_s, 2)
    figures["convert_max_rss_mb"] = round(r.max_rss_mb, 1)

    # analyze --file
    sample = work / "sample.csv"
    with open(sample, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text"])
        writer.writerows(row[:2] for row in SAMPLE_ROWS)
    work_before = snapshot(work)
    r = run([*command, "analyze", "--file", "sample.csv", "--column", "text", "--out", "out.csv"],
            env=clean_env(home, tmp), cwd=work, logs=logs / "analyze")
    rows = []
    if (work / "out.csv").is_file():
        with open(work / "out.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    labels = {row.get("id"): row.get("sentiment") for row in rows}
    wrong = [f"row {i}: {labels.get(i)!r} (expected {want_label})"
             for i, _, want_label in SAMPLE_ROWS if want_label and labels.get(i) != want_label]
    check("analyze --file --out", r.code == 0 and len(rows) == len(SAMPLE_ROWS) and not wrong
          and all(row.get("text") for row in rows),
          f"exit {r.code}, {len(rows)} rows, {'; '.join(wrong)} {r.err[-300:]}")
    figures["analyze_s"] = round(r.wall_s, 2)
    new_in_work = set(snapshot(work)) - set(work_before)
    check("analyze writes only its output", new_in_work == {"out.csv"},
          f"new files in the working folder: {sorted(new_in_work)}")

    # the GUI, offscreen, through the key controller
    r = run([*command, "--self-test"], env=clean_env(home, tmp, QT_QPA_PLATFORM="offscreen"),
            cwd=work, logs=logs / "self-test", timeout=60)
    check("--self-test", r.code == 0 and "self-test: OK" in r.out,
          f"exit {r.code}: {(r.out + r.err)[-600:]}")
    figures["self_test_s"] = round(r.wall_s, 2)
    figures["app_max_rss_mb"] = round(r.max_rss_mb, 1)
    for key, pattern in (("window_usable_ms", r"window usable (\d+) ms"),
                         ("first_candidates_ms", r"candidates shown (\d+) ms")):
        m = re.search(pattern, r.out)
        if m:
            figures[key] = int(m.group(1))

    # the analysis child process (multiprocessing spawn re-runs the frozen executable)
    r = run([*command, "--self-test", "--analysis"], env=clean_env(home, tmp), cwd=work,
            logs=logs / "self-test-analysis", timeout=120)
    check("--self-test --analysis", r.code == 0 and "self-test: OK" in r.out,
          f"exit {r.code}: {(r.out + r.err)[-600:]}")
    figures["analysis_child_s"] = round(r.wall_s, 2)

    # nothing written where it should not be
    stray = [p for p in snapshot(home)
             if not any(p == a or p.startswith(a + os.sep) for a in ALLOWED_UNDER_HOME)]
    check("writes only to its platformdirs folders", not stray,
          f"files under HOME outside {ALLOWED_UNDER_HOME}: {stray[:10]}")
    left = list(snapshot(tmp))
    check("leaves nothing in TMPDIR", not left, f"left: {left[:10]}")
    if app is not None:
        after = snapshot(app)
        changed = sorted(k for k in set(after) | set(bundle_before)
                         if after.get(k) != bundle_before.get(k))
        check("leaves the bundle as it was", not changed, f"changed: {changed[:10]}")
    figures["user_files"] = sorted(snapshot(home))

    print(json.dumps({k: v for k, v in figures.items() if k != "user_files"}, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return check.finish(base, args.keep)


if __name__ == "__main__":
    sys.exit(main())
