"""Write PNG screenshots of the app: `make screenshots` (under Xvfb with a CJK font).

The main window is shown with text typed and the candidate bar open, in Chinese and in
English UI; also the settings dialog, the user dictionary, the analysis panel on a mixed
review and the batch window after a run. User data goes to a temporary
YINZI_HOME so a developer's own dictionary never appears in the docs.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def _compose_shot(window, bar):
    """The window with the popup painted where it is on screen (grab() leaves popups out)."""
    from desktop.qt import QPainter, QPoint

    image = window.grab()
    if bar.isVisible():
        offset = bar.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
        painter = QPainter(image)
        painter.drawPixmap(offset, bar.grab())
        painter.end()
    return image


def _type(window, app, committed_pinyin: list[str], composing: str) -> None:
    from desktop.qt import QEvent, QKeyEvent, Qt

    editor = window.editor
    editor.setFocus()

    def key(k, text=""):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(editor, QKeyEvent(kind, k, Qt.KeyboardModifier.NoModifier, text))
        app.processEvents()

    for pinyin in committed_pinyin:
        for ch in pinyin:
            key(Qt.Key.Key_A + (ord(ch) - ord("a")) if ch != "'" else Qt.Key.Key_Apostrophe, ch)
        key(Qt.Key.Key_Space, " ")
    for ch in composing:
        key(Qt.Key.Key_A + (ord(ch) - ord("a")), ch)


def _learn_phrases(window, app, phrases: list[tuple[str, list[str]]]) -> None:
    """Pick each input's conversion piece by piece so the user dictionary learns phrases."""
    controller = window.controller
    for letters, pieces in phrases:
        controller.type_letters(letters)
        for piece in pieces:
            if not controller.composing:
                break
            texts = [c.text for c in window.engine.all_candidates()]
            index = texts.index(piece) if piece in texts else 0
            page, row = divmod(index, window.settings.page_size)
            controller.turn_page(page)
            controller.select_on_page(row)
        if controller.composing:
            controller.commit_raw()
        app.processEvents()


SAMPLE_REVIEW = ("这家酒店位置很好，离地铁站只有五分钟。房间干净，早餐也不错。"
                 "但是隔音太差了，晚上被吵醒好几次。前台的态度也很冷淡。")
SAMPLE_ROWS = ("房间干净，服务周到，下次还来。", "物流很快，包装完好，质量不错。", "屏幕清晰，运行流畅，很满意。",
               "电池不耐用，半天就没电了，后悔买了。", "客服态度很差，问题一直没解决。", "味道一般，价格偏贵。",
               "性价比很高，推荐购买。", "衣服有色差，洗了一次就缩水。")


def _wait(signal_pairs, ms: int) -> None:
    from desktop.qt import QEventLoop, QTimer

    loop = QEventLoop()
    for signal in signal_pairs:
        signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _shoot_analysis(window, app, out: Path) -> Path | None:
    """The analysis dock on a review that praises, then complains."""
    panel = window.analysis_panel
    if panel is None:
        return None
    panel.set_text(SAMPLE_REVIEW)
    panel.flush()
    _wait([panel.analysisUpdated, panel.analysisFailed], 30000)
    app.processEvents()
    path = out / "analysis_panel_zh_CN.png"
    panel.grab().save(str(path))
    return path


def _shoot_batch(window, app, out: Path) -> Path | None:
    """The batch window after a run over a small dated CSV (written here, not from any data set)."""
    import csv

    source = Path(os.environ["YINZI_HOME"]) / "reviews.csv"
    with open(source, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["日期", "评论"])
        for i in range(240):
            writer.writerow([f"2026-{1 + i // 40:02d}-{1 + i % 28:02d}", SAMPLE_ROWS[(i * 7 + i // 40) % len(SAMPLE_ROWS)]])
    batch = window.open_batch_window()
    if batch is None:
        return None
    batch.open_file(source)
    batch.start()
    _wait([batch.finished, batch.failed], 60000)
    app.processEvents()
    path = out / "batch_window_zh_CN.png"
    batch.grab().save(str(path))
    batch.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--no-model", action="store_true", help="n-gram decoder only")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("YINZI_HOME", tempfile.mkdtemp(prefix="yinzi-shots-"))

    from desktop import i18n
    from desktop.main_window import MainWindow
    from desktop.qt import QApplication, QEventLoop, QTimer
    from desktop.settings import NGRAM_MODEL, AppSettings, SettingsStore

    app = QApplication.instance() or QApplication(sys.argv[:1])
    written: list[Path] = []
    for language in ("zh_CN", "en"):
        i18n.install(app, language)
        store = SettingsStore()
        store.save(AppSettings(language=language, font_size=16, show_analysis=True,
                               model=NGRAM_MODEL if args.no_model else AppSettings().model))
        window = MainWindow(store=store)
        window.ask_save_changes = lambda: "discard"   # never block on a question
        window.ask_restore = lambda text: False
        window.resize(1000, 600)
        window.show()
        if not args.no_model:
            loop = QEventLoop()
            window.modelLoaded.connect(loop.quit)
            QTimer.singleShot(60000, loop.quit)
            window.start_model_load()
            loop.exec()
        lines = (["jintian", "tianqi", "henhao"] if language == "zh_CN" else ["women", "yiqi"])
        _type(window, app, lines, "qubeijingdaxue" if language == "zh_CN" else "xuexizhongwen")
        # fill the analysis dock now (no debounce) and wait for its background analysis
        panel = window.analysis_panel
        wait = QEventLoop()
        if panel is not None:
            panel.analysisUpdated.connect(wait.quit)
            panel.analysisFailed.connect(wait.quit)
            window._push_analysis_text()
            panel.flush()
            QTimer.singleShot(30000, wait.quit)
        else:
            QTimer.singleShot(500, wait.quit)
        wait.exec()
        app.processEvents()
        path = out / f"main_window_{language}.png"
        _compose_shot(window, window.editor.candidate_bar).save(str(path))
        written.append(path)
        if language == "zh_CN":
            from desktop.settings_dialog import SettingsDialog

            dialog = SettingsDialog(window.settings, window)
            dialog.show()
            app.processEvents()
            path = out / "settings_zh_CN.png"
            dialog.grab().save(str(path))
            written.append(path)
            dialog.close()
            key_cancel = window.controller.cancel
            key_cancel()
            _learn_phrases(window, app, [
                ("woaibeijing", ["我爱", "北京"]), ("shurufa", ["输入", "法"]),
                ("yinzi", ["音", "字"]), ("shenjingwangluo", ["神经", "网络"]),
                ("pinyin", ["拼", "音"]), ("woaibeijing", ["我爱", "北京"])])
            dictionary = window.open_user_dictionary()
            app.processEvents()
            path = out / "user_dictionary_zh_CN.png"
            dictionary.grab().save(str(path))
            written.append(path)
            dictionary.close()
            written += [p for p in (_shoot_analysis(window, app, out), _shoot_batch(window, app, out)) if p]
        window.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
