"""App benchmark: keystroke-to-painted-candidates latency, launch time, resident memory.

    python -m desktop.bench [--text FILE] [--clauses N] [--model NAME|none] [--document FILE]
                            [--user-words N] [--json OUT]

* **keystroke -> painted**: a paragraph's clauses are converted to pinyin and typed letter by
  letter into the real main window; each time is from sending the key event until the
  candidate bar has finished painting (its `painted` signal); Space commits each clause, and
  when the bar then offers predictions (联想), Space -> painted predictions is timed too. The
  GUI thread's CPU time for each keystroke is printed beside the wall time: on a machine that
  other work loads, it compares two versions more fairly.
* **launch -> usable window**: a fresh `python -m desktop` process is started; the time until
  its window is shown with the event loop running, and until the first keystroke had its
  candidates (which includes loading the system lexicon).
* **resident memory** (VmRSS, and its peak VmHWM) of a fresh `python -m desktop` with its
  default model after some typing: the app's own figure. Also that of this bench process
  (which holds pypinyin for its own use) and, with the analysis dock shown, of the analysis
  child process.
* with `--document FILE`: keystroke -> painted again, typed at a human pace (`--pace`) at the
  end of that document with the analysis dock shown, which re-analyses it in the background.
Runs offscreen unless a display is set. Prints figures; it asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# A mixed paragraph (news, chat, tech, reviews) used when no --text is given.
DEFAULT_PARAGRAPH = (
    "今天天气很好，我们一起去公园散步吧。这家酒店的服务态度非常好，房间也很干净，下次还会再来。"
    "中国科学院的研究人员发现了一种新的材料，可以大大提高电池的能量密度。"
    "你明天有空吗？我想请你吃饭，顺便聊聊工作上的事情。"
    "在使用这个函数之前，需要先安装相关的依赖包，并且配置好环境变量。"
    "北京大学和清华大学都是非常有名的高等学府，每年吸引大量优秀的学生报考。"
    "他说这部电影的剧情有点拖沓，但是演员的表演还是很精彩的。"
)

LAUNCH_PROBE = "YINZI_BENCH_LAUNCH_PROBE"


def clauses_of(text: str, limit: int) -> list[str]:
    """Maximal runs of Han characters (2+ chars), as in the evaluation protocol."""
    import re

    out = [m for line in text.splitlines() for m in re.findall(r"[\u4e00-\u9fff]+", line)]
    return [c for c in out if len(c) >= 2][:limit]


def first_chars(text: str, limit: int) -> str:
    """The text's first whole lines within `limit` characters."""
    out, size = [], 0
    for line in text.splitlines():
        if size + len(line) > limit:
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


def rss_mb(pid: int | str = "self") -> tuple[float, float]:
    """(current, peak) resident memory of a process in MB (Linux /proc; else this one's peak)."""
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                      if ":" in line)
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
    except (OSError, KeyError, ValueError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return peak, peak


def fill_user_dictionary(n_words: int) -> None:
    """Learn `n_words` lexicon words into the user dictionary the app opens (as
    `python -m core.bench` does into its own)."""
    from core import paths
    from core.bench import learn_lexicon_words
    from core.lexicon.system import SystemLexicon
    from core.lexicon.user import UserLexicon

    user = UserLexicon(paths.user_data_dir() / "user_lexicon.sqlite")
    try:
        learn_lexicon_words(SystemLexicon.default(), user, n_words)
    finally:
        user.close()
    print(f"user dictionary: {n_words:,} words learned")


def p50_p95(values: list[float]) -> dict[str, float]:
    """Median and 95th percentile (interpolated between ranks)."""
    p95 = statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]
    return {"p50": statistics.median(values), "p95": p95}


def measure_typing(clauses: list[str], model: str, *, document: str = "", pace_s: float = 0.0,
                   pause_s: float = 0.0) -> dict:
    """Type the clauses; with `document`, into the end of that text with the analysis dock
    shown, `pace_s` between keystrokes and `pause_s` after each commit (the app starts its
    debounced analysis 0.65 s after the text last changed, so a pause of 0.8 s lets it run while
    the user goes on typing, as it does for a person)."""
    from core.bench import to_pinyin
    from desktop.main_window import MainWindow
    from desktop.qt import QApplication, QEvent, QEventLoop, QKeyEvent, Qt, QTimer
    from desktop.settings import NGRAM_MODEL, AppSettings, SettingsStore

    # The typing is read with pypinyin before the app starts: its tables are the bench's, not
    # the app's (the app never loads them), and so the app's warm-up freezes them out of the
    # garbage collector with its own tables rather than leaving them to every full collection.
    queries = [to_pinyin(clause) for clause in clauses]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = SettingsStore()
    store.save(AppSettings(model=NGRAM_MODEL if model == "none" else model, show_analysis=bool(document)))
    window = MainWindow(store=store)
    window.ask_save_changes = lambda: "discard"
    window.resize(1000, 600)
    window.show()
    window.warm_up_engine()      # as the app does at start (desktop.app)
    loop = QEventLoop()
    window.modelLoaded.connect(loop.quit)
    QTimer.singleShot(120000, loop.quit)
    window.start_model_load()
    if window.model_loading:
        loop.exec()
    while window._loader.busy:   # the warm-up's tables built, then frozen for the collector
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    decoder = window.engine.decoder_name
    editor, bar = window.editor, window.editor.candidate_bar
    analyses = {"n": 0}
    if document:
        editor.setPlainText(document)
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        if window.analysis_panel is not None:
            window.analysis_panel.analysisUpdated.connect(lambda _: analyses.__setitem__("n", analyses["n"] + 1))
    editor.setFocus()

    def idle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)
    painted = {"n": 0}
    bar.painted.connect(lambda: painted.__setitem__("n", painted["n"] + 1))

    def press(k, text):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(editor, QKeyEvent(kind, k, Qt.KeyboardModifier.NoModifier, text))

    # warm-up: the first keystroke loads the lexicon; it is reported by the launch probe
    for ch in "nihao ":
        press(Qt.Key.Key_Space if ch == " " else Qt.Key.Key_A + ord(ch) - 97, ch)
        app.processEvents()

    times: list[float] = []
    engine_times: list[float] = []
    decode_times: list[float] = []   # the engine's own candidate computation
    commit_times: list[float] = []   # Space -> predictions painted
    cpu_times: list[float] = []      # the GUI thread's CPU time for the same span
    letters = 0
    for query in queries:
        for ch in query:
            if not "a" <= ch <= "z":
                continue
            before = painted["n"]
            t0, c0 = time.perf_counter(), time.thread_time()
            press(Qt.Key.Key_A + ord(ch) - 97, ch)
            deadline = t0 + 2.0
            while painted["n"] == before and time.perf_counter() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            times.append((time.perf_counter() - t0) * 1000)
            cpu_times.append((time.thread_time() - c0) * 1000)
            engine_times.append(window.controller.last_latency_ms)
            decode_times.append(window.engine.last_latency_ms)
            letters += 1
            idle(pace_s)
        # Space commits; with predictions on, the bar then shows the next words (联想)
        before = painted["n"]
        t0 = time.perf_counter()
        press(Qt.Key.Key_Space, " ")
        if window.controller.predicting:
            deadline = t0 + 2.0
            while painted["n"] == before and time.perf_counter() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            commit_times.append((time.perf_counter() - t0) * 1000)
        app.processEvents()
        idle(pause_s)
    current, peak = rss_mb()
    committed = len(editor.toPlainText())
    # the same, once the analysis dock is shown and has analysed the text (jieba, pypinyin)
    analysis_rss = analysis_child_rss = None
    panel = window.analysis_panel
    if panel is not None:
        done = QEventLoop()
        panel.analysisUpdated.connect(done.quit)
        panel.analysisFailed.connect(done.quit)
        QTimer.singleShot(60000, done.quit)
        if not window.analysis_dock.isVisible():
            window.analysis_dock.toggleViewAction().trigger()
        panel.flush()
        done.exec()
        analysis_rss = round(rss_mb()[0], 1)
        child = getattr(panel.analyzer, "pid", None)  # the analysis runs in a child process
        analysis_child_rss = round(rss_mb(child)[0], 1) if child else None
    window.close()
    return {
        "decoder": decoder,
        "clauses": len(clauses),
        "keystrokes": letters,
        "committed_chars": committed,
        "paint_ms": {**p50_p95(times), "max": max(times), "mean": statistics.fmean(times)},
        "paint_cpu_ms": p50_p95(cpu_times),
        "controller_ms": p50_p95(engine_times),
        "engine_ms": p50_p95(decode_times),
        "commit_to_predictions_ms": ({**p50_p95(commit_times), "max": max(commit_times),
                                      "commits": len(commit_times)}
                                     if commit_times else None),
        "rss_mb": round(current, 1),
        "peak_rss_mb": round(peak, 1),
        "rss_with_analysis_mb": analysis_rss,
        "analysis_child_rss_mb": analysis_child_rss,
        "document_chars": len(document), "pace_s": pace_s, "pause_s": pause_s,
        "analyses_while_typing": analyses["n"],
        "qt_platform": app.platformName(),
    }


def launch_probe() -> int:
    """Child side of the launch measurement: report when the window is usable."""
    from desktop import app as desktop_app

    def report(window) -> None:
        print(f"USABLE {time.time():.6f}", flush=True)
        window.controller.type_letters("nihao")
        print(f"FIRST_CANDIDATES {time.time():.6f} {len(window.controller.current_page().candidates)}",
              flush=True)
        window.controller.cancel()
        window.close()

    return desktop_app.main(["--no-model"], on_ready=report)


MEMORY_TEXT = "jintiantianqihenhao women yiqi qu gongyuan sanbu ba"


def memory_probe() -> int:
    """Child side of the memory measurement: the app as a user starts it (its default model),
    some typing, then this process's own resident memory (nothing of the bench's)."""
    from desktop import app as desktop_app

    def report(window) -> None:
        def typed() -> None:
            for word in MEMORY_TEXT.split():
                window.controller.type_letters(word)
                window.controller.commit_best()
            current, peak = rss_mb()
            print(f"RSS {current:.1f} {peak:.1f} {window.engine.decoder_name}", flush=True)
            window.ask_save_changes = lambda: "discard"
            window.close()
        if window.model_loading:
            window.modelLoaded.connect(typed)
        else:
            typed()

    return desktop_app.main([], on_ready=report)


def measure_app_memory() -> dict:
    """Resident memory of a fresh app process with its default model, after some typing."""
    env = dict(os.environ, **{LAUNCH_PROBE: "1"})
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["YINZI_HOME"] = tempfile.mkdtemp(prefix="yinzi-bench-")
    proc = subprocess.run([sys.executable, "-m", "desktop.bench", "--memory-probe"],
                          env=env, capture_output=True, text=True, timeout=180)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RSS ")), None)
    if line is None:
        raise RuntimeError(f"memory probe failed: {proc.stderr[-2000:]}")
    _, current, peak, decoder = line.split(" ", 3)
    return {"rss_mb": float(current), "peak_rss_mb": float(peak), "decoder": decoder}


def measure_launch(runs: int) -> dict:
    usable, first = [], []
    for _ in range(runs):
        env = dict(os.environ, **{LAUNCH_PROBE: "1"})
        env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else env.get("QT_QPA_PLATFORM", ""))
        if not env["QT_QPA_PLATFORM"]:
            del env["QT_QPA_PLATFORM"]
        env["YINZI_HOME"] = tempfile.mkdtemp(prefix="yinzi-bench-")
        start = time.time()
        proc = subprocess.run([sys.executable, "-m", "desktop.bench", "--launch-probe"],
                              env=env, capture_output=True, text=True, timeout=120)
        marks = {line.split()[0]: float(line.split()[1]) for line in proc.stdout.splitlines()
                 if line.startswith(("USABLE", "FIRST_CANDIDATES"))}
        if "USABLE" not in marks:
            raise RuntimeError(f"launch probe failed: {proc.stderr[-2000:]}")
        usable.append((marks["USABLE"] - start) * 1000)
        first.append((marks["FIRST_CANDIDATES"] - start) * 1000)
    return {"runs": runs, "usable_ms_median": statistics.median(usable),
            "usable_ms_max": max(usable), "first_candidates_ms_median": statistics.median(first)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--text", type=Path, help="UTF-8 text to type (default: a built-in paragraph)")
    parser.add_argument("--clauses", type=int, default=60, help="clauses to type (default 60)")
    parser.add_argument("--model", default=None,
                        help="model to load first ('none' = n-gram only; default: the settings default)")
    parser.add_argument("--launch-runs", type=int, default=3)
    parser.add_argument("--document", type=Path,
                        help="also type at a human pace at the end of this text with the analysis dock shown")
    parser.add_argument("--pace", type=float, default=0.12, help="seconds between keystrokes with --document")
    parser.add_argument("--pause", type=float, default=0.8, help="seconds after each commit with --document")
    parser.add_argument("--document-chars", type=int, default=20000,
                        help="use the document's first lines up to this many characters")
    parser.add_argument("--user-words", type=int, default=0,
                        help="learn this many lexicon words into the bench's user dictionary first "
                             "(a dictionary after long use; default: empty)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--launch-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--memory-probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.launch_probe:
        return launch_probe()
    if args.memory_probe:
        return memory_probe()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("YINZI_HOME", tempfile.mkdtemp(prefix="yinzi-bench-"))
    from desktop.settings import AppSettings

    text = args.text.read_text(encoding="utf-8") if args.text else DEFAULT_PARAGRAPH
    clauses = clauses_of(text, args.clauses)
    if not clauses:
        print("no Han-character clauses in the text", file=sys.stderr)
        return 2
    model = args.model or AppSettings().model
    if args.user_words:
        fill_user_dictionary(args.user_words)
    results = {"typing": measure_typing(clauses, model), "launch": measure_launch(args.launch_runs),
               "app_memory": measure_app_memory()}
    if args.document:
        results["typing_with_analysis"] = measure_typing(
            clauses, model, document=first_chars(args.document.read_text(encoding="utf-8"), args.document_chars),
            pace_s=args.pace, pause_s=args.pause)
    t, launch = results["typing"], results["launch"]
    p = t["paint_ms"]
    print(f"decoder: {t['decoder']}   Qt platform: {t['qt_platform']}")
    print(f"keystroke -> painted candidates over {t['keystrokes']} keystrokes ({t['clauses']} clauses): "
          f"p50 {p['p50']:.1f} ms, p95 {p['p95']:.1f} ms, max {p['max']:.1f} ms")
    print(f"  (GUI-thread CPU time for the same: p50 {t['paint_cpu_ms']['p50']:.1f} ms, "
          f"p95 {t['paint_cpu_ms']['p95']:.1f} ms; on a loaded machine it moves less than wall time)")
    print(f"  (key handling + engine only: p50 {t['controller_ms']['p50']:.1f} ms, "
          f"p95 {t['controller_ms']['p95']:.1f} ms; engine decode alone: "
          f"p50 {t['engine_ms']['p50']:.1f} ms, p95 {t['engine_ms']['p95']:.1f} ms)")
    if t["commit_to_predictions_ms"]:
        c = t["commit_to_predictions_ms"]
        print(f"Space -> painted predictions over {c['commits']} commits: p50 {c['p50']:.1f} ms, "
              f"p95 {c['p95']:.1f} ms, max {c['max']:.1f} ms")
    print(f"launch -> usable window: median {launch['usable_ms_median']:.0f} ms "
          f"(max {launch['usable_ms_max']:.0f} ms, {launch['runs']} runs); "
          f"-> first candidates {launch['first_candidates_ms_median']:.0f} ms")
    m = results["app_memory"]
    print(f"app resident memory (a fresh `python -m desktop` with {m['decoder']}, after typing): "
          f"{m['rss_mb']:.0f} MB (peak {m['peak_rss_mb']:.0f} MB)")
    print(f"this bench process while typing (its own pypinyin and document included): "
          f"{t['rss_mb']:.0f} MB (peak {t['peak_rss_mb']:.0f} MB)"
          + (f"; with the analysis dock shown: {t['rss_with_analysis_mb']:.0f} MB"
             if t["rss_with_analysis_mb"] else "")
          + (f" + {t['analysis_child_rss_mb']:.0f} MB in the analysis process"
             if t.get("analysis_child_rss_mb") else ""))
    if "typing_with_analysis" in results:
        w = results["typing_with_analysis"]
        q = w["paint_ms"]
        print(f"the same at a human pace ({w['pace_s'] * 1000:.0f} ms a key, {w['pause_s']:.1f} s after "
              f"each commit) at the end of a "
              f"{w['document_chars']:,}-character document, analysis dock shown "
              f"({w['analyses_while_typing']} analyses while typing): "
              f"p50 {q['p50']:.1f} ms, p95 {q['p95']:.1f} ms, max {q['max']:.1f} ms")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
