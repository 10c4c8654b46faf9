"""An input method sees every keystroke: nothing in Yinzi opens a network connection, and it
writes only to its own folders and the paths a user gives.

Checked at the OS level, native code included: the CLI and a short offscreen session of the
app run under `strace -f`, and any AF_INET/AF_INET6 or netlink-route socket fails the test,
as does a file written outside the platformdirs folders (HOME points at a temporary folder).
ONNX Runtime's own telemetry is what this guards against (core.offline turns it off).
"""
from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NETWORK_MODULES = {"socket", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib",
                   "smtplib", "urllib3", "websocket", "ssl"}
# ONNX Runtime's telemetry uploader starts some seconds after a session opens (about 8 s with
# 1.31 on Linux): processes that load a model stay alive this long so it would be seen.
LINGER_S = 12.0
TRACED = "socket,connect,sendto,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,symlink"
_NETWORK = re.compile(r"socket\((AF_INET6?|AF_NETLINK, [^,]+, NETLINK_ROUTE)\b|"
                      r"connect\(\d+, \{sa_family=AF_INET6?")
_WRITE_OPEN = re.compile(r'(?:openat|creat)\((?:AT_FDCWD, )?"([^"]+)", [^)]*(?:O_WRONLY|O_RDWR|O_CREAT)')
_MADE = re.compile(r'(?:mkdir|mkdirat|rename|renameat2?|link|symlink)\((?:AT_FDCWD, )?"([^"]+)"'
                   r'(?:, (?:AT_FDCWD, )?"([^"]+)")?')


def _strace_works() -> str | None:
    if shutil.which("strace") is None:
        return "strace is not installed (apt-get install strace): the OS-level check cannot run"
    probe = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket", "-o", os.devnull, "true"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        return f"strace cannot trace here ({probe.stderr.strip()[:120]})"
    return None


@dataclass
class Trace:
    network: list[str] = field(default_factory=list)
    written: set[str] = field(default_factory=set)


def parse(log: str) -> Trace:
    found = Trace()
    for line in log.splitlines():
        if _NETWORK.search(line):
            found.network.append(line.strip())
        for match in (_WRITE_OPEN.search(line), _MADE.search(line)):
            if match:
                found.written.update(p for p in match.groups() if p)
    return found


@dataclass
class Sandbox:
    """A HOME of its own, and the folder of the paths a user gives."""

    home: Path
    given: Path

    @property
    def allowed(self) -> list[Path]:
        return [self.home / ".local" / "share" / "yinzi", self.home / ".config" / "yinzi",
                self.home / ".cache" / "yinzi", self.given]

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("XDG_", "YINZI_", "ORT_")) and k != "TMPDIR"}
        env.update(HOME=str(self.home), TMPDIR=str(self.home / "tmp"), PYTHONDONTWRITEBYTECODE="1",
                   QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        return env

    def outside(self, trace: Trace) -> list[str]:
        """Written paths that are neither in an allowed folder nor a parent made for one."""
        bad = []
        for raw in sorted(trace.written):
            path = Path(raw) if Path(raw).is_absolute() else self.given / raw  # the cwd
            if raw.startswith(("/dev/", "/proc/")):
                continue
            if any(path == a or a in path.parents or path in a.parents for a in self.allowed):
                continue
            bad.append(raw)
        return bad

    def run(self, cmd: list[str], *, stdin_lines: list[str] | None = None,
            linger: float = 0.0) -> tuple[subprocess.CompletedProcess | int, Trace]:
        log = self.home / f"strace-{len(list(self.home.glob('strace-*')))}.txt"
        traced = ["strace", "-f", "-qq", "-e", "status=successful", "-e", f"trace={TRACED}",
                  "-o", str(log), *cmd]
        if stdin_lines is None:
            result = subprocess.run(traced, cwd=self.given, env=self.env(), capture_output=True,
                                    text=True, timeout=600)
        else:
            proc = subprocess.Popen(traced, cwd=self.given, env=self.env(), text=True,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, encoding="utf-8")
            assert proc.stdin and proc.stdout
            answers = []
            for line in stdin_lines:
                proc.stdin.write(line + "\n")
                proc.stdin.flush()
                answers.append(proc.stdout.readline())
            import time

            time.sleep(linger)  # the process idles, as a harness between queries would
            proc.stdin.close()
            proc.wait(timeout=120)
            result = subprocess.CompletedProcess(traced, proc.returncode, "".join(answers),
                                                 proc.stderr.read() if proc.stderr else "")
        return result, parse(log.read_text(encoding="utf-8", errors="replace"))


@pytest.fixture
def sandbox(tmp_path) -> Sandbox:
    reason = _strace_works()
    if reason:
        pytest.skip(reason)
    box = Sandbox(tmp_path / "home", tmp_path / "given")
    for folder in (box.home / "tmp", box.given):
        folder.mkdir(parents=True)
    return box


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_of_ours_imports_a_network_library() -> None:
    offenders = {}
    for pkg in ("core", "desktop", "trainer"):
        for path in (ROOT / pkg).rglob("*.py"):
            bad = _imports(path) & NETWORK_MODULES
            if bad:
                offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_the_trace_sees_a_socket_and_a_stray_file(sandbox) -> None:
    """The checks below would fire: a plain socket and a file in HOME are both caught."""
    code = ("import socket, pathlib; socket.socket(); "
            "pathlib.Path.home().joinpath('stray.txt').write_text('x')")
    result, trace = sandbox.run([sys.executable, "-c", code])
    assert result.returncode == 0, result.stderr
    assert trace.network and "AF_INET" in trace.network[0]
    assert sandbox.outside(trace) == [str(sandbox.home / "stray.txt")]


ORT_SESSION = ("import onnxruntime as ort; ort.InferenceSession({model!r}, "
               "providers=['CPUExecutionProvider'])")


def test_core_offline_keeps_onnxruntime_from_writing_or_phoning_home(sandbox) -> None:
    """Why core.offline exists: ONNX Runtime 1.31's bare library, where its telemetry decides
    to start (it looks for containers and cloud hosts first), writes ~/.cache/Microsoft at once
    and looks up its upload host seconds later (docs/RESULTS.md). With core.offline first,
    nothing, wherever it runs."""
    model = str(ROOT / "resources" / "models" / "p2c-default" / "model.int8.onnx")
    guarded = "from core import offline; offline.apply(); " + ORT_SESSION.format(model=model)
    result, trace = sandbox.run([sys.executable, "-c", guarded])
    assert result.returncode == 0, result.stderr
    assert trace.network == [] and sandbox.outside(trace) == []


def test_the_cli_opens_no_network_socket_and_writes_only_where_told(sandbox) -> None:
    cli = [sys.executable, "-m", "core.cli"]
    convert, t1 = sandbox.run([*cli, "convert", "--stdin"], stdin_lines=["nihao", "woaibeijing"],
                              linger=LINGER_S)
    assert convert.returncode == 0 and convert.stdout.startswith("你好\t"), convert.stderr
    text, t2 = sandbox.run([*cli, "analyze", "这家酒店很干净，服务也好。"])
    assert text.returncode == 0 and "sentiment" in text.stdout, text.stderr
    (sandbox.given / "in.csv").write_text("text\n很好\n太差了\n", encoding="utf-8")
    batch, t3 = sandbox.run([*cli, "analyze", "--file", "in.csv", "--out", "out.csv"])
    assert batch.returncode == 0 and (sandbox.given / "out.csv").exists(), batch.stderr
    for trace in (t1, t2, t3):
        assert trace.network == []
        assert sandbox.outside(trace) == []


def test_the_app_typing_analysing_and_batching_opens_no_network_socket(sandbox) -> None:
    (sandbox.given / "in.csv").write_text("text\n很好\n太差了\n", encoding="utf-8")
    result, trace = sandbox.run([sys.executable, str(ROOT / "tests" / "core" / "app_session.py"),
                                 str(sandbox.given / "in.csv"), str(LINGER_S)])
    assert result.returncode == 0 and "app session: ok" in result.stdout, result.stderr[-2000:]
    assert trace.network == []
    assert sandbox.outside(trace) == []
