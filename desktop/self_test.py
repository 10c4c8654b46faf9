"""`yinzi --self-test`: start the real app offscreen, type a sentence through the key
controller, check the candidates and the committed text, and exit 0 (1 on any failure).
`yinzi --self-test --analysis` instead analyses a sentence in the analysis child process the
app's analysis panel uses (a frozen app must be able to start it: multiprocessing spawn).

An installed or frozen app checks itself with this: the Qt plugins, translations, lexicon
and decoder must all be there for it to pass. It writes nothing but the app's own settings
and data folders (YINZI_HOME or the platformdirs folders).
"""
from __future__ import annotations

import os
import sys
import time

PINYIN = "woaibeijingtiananmen"
EXPECTED = "我爱北京天安门"
TIME_LIMIT_S = 10.0


def process_age_s() -> float | None:
    """Seconds since this process started (Linux /proc), so a cold start counts the loader
    and imports too; None elsewhere."""
    try:
        start_ticks = int(open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19])
        uptime = float(open("/proc/uptime").read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def check_window(window) -> list[str]:
    """Type PINYIN into the editor as key events, then Space; the problems found (none = pass)."""
    from desktop.qt import QApplication, QEvent, QKeyEvent, Qt

    app = QApplication.instance()
    editor = window.editor
    editor.setFocus()

    def press(key, text: str) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(editor, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
        app.processEvents()

    problems: list[str] = []
    for ch in PINYIN:
        press(Qt.Key.Key_A + ord(ch) - ord("a"), ch)
    page = window.controller.current_page()
    age = process_age_s()
    if age is not None:
        print(f"self-test: candidates shown {age * 1000:.0f} ms after the process started",
              flush=True)
    texts = [c.text for c in page.candidates]
    if not texts:
        problems.append(f"no candidates after typing {PINYIN!r}")
    elif EXPECTED not in texts:
        problems.append(f"{EXPECTED} is not among the candidates {texts}")
    press(Qt.Key.Key_Space, " ")
    committed = editor.toPlainText()
    if texts and committed != texts[0]:
        problems.append(f"Space committed {committed!r}, the first candidate was {texts[0]!r}")
    print(f"self-test: {PINYIN} -> {texts[:3]}; committed {committed!r}", flush=True)
    return problems


# Traditional on purpose: the analysis reads it through OpenCC's t2s and jieba's HMM and
# part-of-speech tables (TextRank), so a bundle missing any of their files fails here.
ANALYSIS_TEXT = "這家酒店很乾淨，服務也好。"


def check_analysis() -> list[str]:
    """Analyse ANALYSIS_TEXT in the analysis child process; the problems found."""
    from core.analysis.process import AnalyzerProcess

    process = AnalyzerProcess()
    try:
        analysis = process.analyze(ANALYSIS_TEXT)
    except Exception as exc:  # the child failed to start or to answer
        return [f"analysis child: {type(exc).__name__}: {exc}"]
    finally:
        process.close()
    problems = []
    if not analysis.tokens:
        problems.append("analysis child: no words")
    if not analysis.keywords_textrank:
        problems.append("analysis child: no TextRank keywords")
    if analysis.sentiment is None:
        problems.append(f"analysis child: no sentiment ({process.load_error})")
    elif analysis.sentiment.overall.label != "positive":
        problems.append(f"analysis child: {ANALYSIS_TEXT} read as "
                        f"{analysis.sentiment.overall.label}, not positive")
    else:
        print(f"self-test: {ANALYSIS_TEXT} -> {analysis.sentiment.overall.label} "
              f"({' / '.join(t.word for t in analysis.tokens)})", flush=True)
    return problems


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    argv = list(argv or [])
    if argv[:1] == ["--analysis"]:
        problems = check_analysis()
        for problem in problems:
            print(f"self-test: FAIL: {problem}", file=sys.stderr, flush=True)
        if not problems:
            print(f"self-test: OK in {time.perf_counter() - started:.1f} s", flush=True)
        return 1 if problems else 0
    # The check needs no screen: offscreen unless the caller chose a platform.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop import app as desktop_app
    from desktop.qt import QApplication, QTimer

    result = {"code": 1}

    def on_ready(window) -> None:
        age = process_age_s()
        if age is not None:
            print(f"self-test: window usable {age * 1000:.0f} ms after the process started",
                  flush=True)
        try:
            problems = check_window(window)
        except Exception as exc:  # any failure is a failed self-test, said in one line
            problems = [f"{type(exc).__name__}: {exc}"]
        for problem in problems:
            print(f"self-test: FAIL: {problem}", file=sys.stderr, flush=True)
        result["code"] = 1 if problems else 0
        window.ask_save_changes = lambda: "discard"   # the typed sentence is not the user's
        window.close()
        QApplication.instance().exit(result["code"])

    def too_slow() -> None:
        print(f"self-test: FAIL: not done within {TIME_LIMIT_S:.0f} s", file=sys.stderr, flush=True)
        QApplication.instance().exit(1)

    # A watchdog on the event loop: a hung start fails instead of waiting forever.
    QApplication.instance() or QApplication(sys.argv[:1])
    QTimer.singleShot(int(TIME_LIMIT_S * 1000), too_slow)
    code = desktop_app.main(["--no-model", *argv], on_ready=on_ready)
    if code == 0 and result["code"] == 0:
        print(f"self-test: OK in {time.perf_counter() - started:.1f} s", flush=True)
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
