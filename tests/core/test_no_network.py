"""An input method sees every keystroke: nothing in Yinzi opens a network connection."""
from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NETWORK_MODULES = {"socket", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib",
                   "smtplib", "urllib3", "websocket", "ssl"}


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


@pytest.fixture
def no_sockets(monkeypatch):
    opened: list[tuple] = []

    class Refused(socket.socket):
        def __init__(self, *args, **kwargs):
            opened.append(args)
            raise AssertionError(f"Yinzi tried to open a socket: {args}")

    monkeypatch.setattr(socket, "socket", Refused)
    monkeypatch.setattr(socket, "create_connection",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError(f"connect {a}")))
    monkeypatch.setattr(socket, "getaddrinfo",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError(f"lookup {a}")))
    return opened


def test_typing_learning_and_model_scoring_open_no_socket(no_sockets, tmp_path) -> None:
    from core import paths
    from core.engine import ImeEngine
    from core.lexicon.user import UserLexicon

    user = UserLexicon(tmp_path / "u.sqlite")
    scorer = None
    model = paths.shipped_models_dir() / "p2c-default"
    if (model / "manifest.json").exists():
        from core.inference.p2c_scorer import load_p2c_scorer

        scorer = load_p2c_scorer(model, int8=True, prefer_cuda=False)
    engine = ImeEngine(user_lexicon=user, scorer=scorer)
    for query in ("nihao", "bjdx", "woaibeijing"):
        engine.type(query)
        engine.all_candidates()
        engine.select(1)
        engine.commit()
    user.close()
    assert no_sockets == []


def _refuse_sockets_in_this_process() -> None:
    """Runs first in the analysis child: any socket it opens, or address it looks up, fails."""
    import sys

    def hook(event: str, args) -> None:
        if event.startswith("socket.") and event != "socket.sethostname":
            raise RuntimeError(f"Yinzi's analysis process tried {event}{args!r}")

    sys.addaudithook(hook)


def test_analysis_and_its_child_process_open_no_socket(no_sockets, tmp_path) -> None:
    """The panel and the batch window analyse in a child process (core.analysis.process):
    its requests travel over OS pipes, and the child itself opens no socket either."""
    from core import paths
    from core.analysis import AnalyzerConfig
    from core.analysis.batch import BatchJob, run_batch
    from core.analysis.process import AnalyzerProcess

    model = paths.shipped_models_dir() / "sentiment-default"
    if not (model / "manifest.json").exists():
        pytest.skip("no shipped sentiment model")
    proc = AnalyzerProcess(AnalyzerConfig(model=str(model)), initializer=_refuse_sockets_in_this_process)
    try:
        analysis = proc.analyze("这家酒店位置很好，房间干净。但是隔音太差了。")
        assert analysis.sentiment is not None and analysis.keywords_tfidf and analysis.pinyin
        src = tmp_path / "in.csv"
        src.write_text("text\n很好\n太差了\n", encoding="utf-8")
        assert run_batch(BatchJob(src, "text", tmp_path / "out.csv"), proc).classified == 2
    finally:
        proc.close()
    assert no_sockets == []


def test_the_socket_guard_of_the_child_does_fire() -> None:
    """The check above would catch a socket: opening one under the same hook fails."""
    import subprocess
    import sys

    code = ("import sys, socket; from tests.core.test_no_network import _refuse_sockets_in_this_process as f; "
            "f(); socket.socket()")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and "tried socket.__new__" in proc.stderr
