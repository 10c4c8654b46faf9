"""Write PNG screenshots of the app: `make screenshots` (under Xvfb with a CJK font).

The main window is shown with text typed and the candidate bar open, in Chinese and in
English UI, and with a long sentence's bar; also the settings dialog, the user dictionary,
the analysis panel on a review and on a mixed review, and the batch window after a run; every page of the fine-tune wizard and the model
manager. User data goes to a temporary YINZI_HOME so a developer's own dictionary never
appears in the docs. The wizard's pages are filled from the sample report, devices and
events below (no trainer runs here): they show the layout, not a measurement.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def _compose_shot(window, bar, *, whole_bar: bool = False):
    """The window with the popup painted where it is on screen (grab() leaves popups out);
    `whole_bar`: widen the picture to the popup where it reaches past the window."""
    from desktop.qt import QColor, QPainter, QPoint, QRect

    image = window.grab()
    if not bar.isVisible():
        return image
    offset = bar.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
    if whole_bar:
        area = QRect(QPoint(0, 0), image.size() / image.devicePixelRatio()).united(
            QRect(offset, bar.size()))
        canvas = type(image)(area.size() * image.devicePixelRatio())   # a QPixmap
        canvas.setDevicePixelRatio(image.devicePixelRatio())
        canvas.fill(QColor("#3c3c3c"))   # the desktop beside the window
        painter = QPainter(canvas)
        painter.drawPixmap(-area.topLeft(), image)
        painter.drawPixmap(offset - area.topLeft(), bar.grab())
        painter.end()
        return canvas
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


def _shoot_panel(window, app, text: str, path: Path) -> Path | None:
    """The analysis dock once it has read `text`."""
    panel = window.analysis_panel
    if panel is None:
        return None
    panel.set_text(text)
    panel.flush()
    _wait([panel.analysisUpdated, panel.analysisFailed], 30000)
    app.processEvents()
    panel.grab().save(str(path))
    return path


MIXED_REVIEW = ("酒店位置很好，离地铁站很近。房间干净，床也舒服。早餐种类丰富。"
                "但是隔音太差，晚上很吵。前台态度冷淡，下次可能不会再来了。")
LONG_SENTENCE = "jintianwomenyiqiqubeijingdaxuekanyingtaohua"


def _shoot_long_bar(window, app, out: Path) -> Path:
    """A long sentence still composing: the bar anchored at its start and inside the window."""
    window.controller.cancel()
    window.editor.clear()
    app.processEvents()
    _type(window, app, ["zhe", "shi"], LONG_SENTENCE)
    app.processEvents()
    path = out / "candidate_bar_long_zh_CN.png"
    _compose_shot(window, window.editor.candidate_bar, whole_bar=True).save(str(path))
    window.controller.cancel()
    window.editor.clear()
    window._analysis_timer.stop()   # the panel shots that follow set their own text
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


SAMPLE_REPORT = {
    "files": [
        {"path": "~/文档/用户手册/01-安装.md", "lines": 1840, "han_chars": 61233, "duplicates": 12,
         "non_chinese_share": 0.18, "encoding": "utf-8", "traditional_converted": False, "error": ""},
        {"path": "~/文档/用户手册/02-配置.md", "lines": 2210, "han_chars": 70418, "duplicates": 3,
         "non_chinese_share": 0.22, "encoding": "utf-8", "traditional_converted": False, "error": ""},
        {"path": "~/文档/论坛/常见问题.txt", "lines": 5630, "han_chars": 188004, "duplicates": 141,
         "non_chinese_share": 0.07, "encoding": "gb18030", "traditional_converted": True, "error": ""},
        {"path": "~/文档/论坛/附件.pdf", "lines": 0, "han_chars": 0, "duplicates": 0,
         "non_chinese_share": None, "encoding": "", "traditional_converted": False,
         "error": "binary file skipped"},
    ],
    "totals": {"files": 4, "lines": 9680, "han_chars": 319655, "duplicates": 156},
    "samples": ["安装完成后，在终端运行 yinzi-train devices 查看可用的显卡。",
                "配置文件保存在用户目录下，修改后重新启动服务即可生效。",
                "如果日志里出现显存不足的提示，请把批大小调小一些。"],
    "problems": [{"path": "~/文档/论坛/附件.pdf", "line": 0, "message": "binary file skipped"},
                 {"path": "~/文档/论坛/常见问题.txt", "line": 2214, "message": "line longer than 5,000 characters cut"}],
    "enough": False,
    "advice": "320 thousand Han characters: enough for your words and phrases; 2 million or more "
              "also lets the neural model adapt.",
}
SAMPLE_DEVICES = {"cpu": {"name": "AMD EPYC 9454", "cores": 16},
                  "cuda": [{"index": 0, "name": "NVIDIA H100 80GB HBM3", "total_mb": 81559, "free_mb": 80210},
                           {"index": 1, "name": "NVIDIA H100 80GB HBM3", "total_mb": 81559, "free_mb": 61877}],
                  "torch": {"version": "2.13.0", "cuda_build": True}}
SAMPLE_THROUGHPUT = {"throughput": {"segmentation_chars_per_s": 1_450_000,
                                    "training_tokens_per_s": {"cpu": 9_000, "cuda:0": 410_000,
                                                              "cuda:1": 405_000}}}


def _sample_events(total: int = 400, upto: int = 260) -> list[dict]:
    import math

    events = [{"event": "start", "out": "runs/docs", "preset": "quick", "devices": "0", "resumed": False},
              {"event": "data", "files": [], "documents": 37, "held_out_documents": 2, "han_chars": 319655}]
    for step in range(1, upto + 1):
        loss = 2.1 + 3.1 * math.exp(-step / 60) + 0.06 * math.sin(step * 12.9898) * math.cos(step * 4.1414)
        events.append({"event": "step", "step": step, "total_steps": total, "loss": loss,
                       "tokens_per_s": 41800.0, "eta_s": (total - step) * 0.9 + 95, "elapsed_s": 140 + step * 0.9})
        if step % 40 == 0:
            events.append({"event": "eval", "step": step, "held_out_char": 0.781 + 0.09 * (1 - math.exp(-step / 120))})
            events.append({"event": "checkpoint", "step": step, "path": f"runs/docs/checkpoints/step{step}.pt"})
    events.append({"event": "stage", "stage": "neural", "message": "p2c-default, 1 GPU, bf16"})
    return events


SAMPLE_RESULT = {
    "model_dir": "", "lambda": 0.55,
    "held_out": {"before": {"char": 0.781, "exact": 0.312, "top5": 0.884},
                 "after": {"char": 0.912, "exact": 0.574, "top5": 0.951}},
    "general": {"before": {"char": 0.9461, "exact": 0.766, "top5": 0.8742},
                "after": {"char": 0.9452, "exact": 0.764, "top5": 0.8740}},
    "examples": {"fixed": [
        {"pinyin": "xian'cun'bu'zu", "reference": "显存不足", "before": "现存不足", "after": "显存不足"},
        {"pinyin": "pi'da'xiao", "reference": "批大小", "before": "皮大小", "after": "批大小"},
        {"pinyin": "gai'ge'shi'jian", "reference": "改个事件", "before": "改革时间", "after": "改个事件"}],
        "broken": [{"pinyin": "ta'men'de'fu'wu", "reference": "他们的服务", "before": "他们的服务", "after": "它们的服务"}]},
}


def _shoot_wizard(app, out: Path) -> list[Path]:
    """Every page of the fine-tune wizard and the model manager (zh_CN), from sample data."""
    import json

    from desktop.model_manager import ModelManagerWindow
    from desktop.wizard.commands import Trainer
    from desktop.wizard.events import Event
    from desktop.wizard.window import FineTuneWizard

    home = Path(os.environ["YINZI_HOME"])
    model_dir = home / "runs" / "docs" / "model"
    model_dir.mkdir(parents=True, exist_ok=True)
    (model_dir / "manifest.json").write_text(json.dumps({"name": "adapted", "kind": "p2c", "base": "p2c-default"}))
    (model_dir / "MODEL_CARD.md").write_text(
        "# 用户手册（adapted from p2c-default）\n\nAdapted with `yinzi-train adapt --preset quick` on "
        "37 documents (319,655 Han characters); 2 held out.\n\n| held-out | before | after |\n"
        "|---|---|---|\n| char % | 78.1 | 91.2 |\n| exact % | 31.2 | 57.4 |\n", encoding="utf-8")
    result = dict(SAMPLE_RESULT, model_dir=str(model_dir))
    wizard = FineTuneWizard(trainer=Trainer(("yinzi-train",), "path"))
    wizard.ask_close = lambda: True
    wizard.resize(940, 720)
    wizard.show()
    shots: list[Path] = []

    def shoot(name: str, widget=None) -> None:
        app.processEvents()
        path = out / f"{name}_zh_CN.png"
        (widget or wizard).grab().save(str(path))
        shots.append(path)

    shoot("wizard_1_task")
    wizard.next()
    data = wizard.data_page
    wizard.plan.files = ["~/文档/用户手册", "~/文档/论坛"]
    data.chosen.addItems(wizard.plan.files)
    data._on_report(SAMPLE_REPORT)
    shoot("wizard_2_data")
    hardware = wizard.hardware_page
    hardware._on_devices(SAMPLE_DEVICES)
    wizard.next()
    hardware.measure_query.stop()       # the sample figures stand in for a measurement
    hardware._on_measured(SAMPLE_THROUGHPUT)
    hardware.gpu_checks[0].setChecked(True)
    shoot("wizard_3_hardware")
    train = wizard.train_page
    train.outcome = "sample"            # no trainer is started for the pictures
    wizard.next()
    train.outcome = ""
    train.resume_button.setVisible(False)
    train.log.appendPlainText("$ yinzi-train adapt --corpus ~/文档/用户手册 ~/文档/论坛 --out runs/docs "
                              "--preset quick --gpus 0 --events -")
    for line in ("read 37 documents (319,655 Han characters), 2 held out",
                 "domain layer: 18,204 words (2,911 new), 96,530 n-grams",
                 "neural: continuing p2c-default on cuda:0 (bf16)"):
        train.log.appendPlainText(line)
    for data_event in _sample_events():
        train._on_event(Event(data_event["event"], data_event))
    train.stage_label.setText(train._stage_text("neural", "p2c-default, 1 GPU, bf16"))
    shoot("wizard_4_train")
    train.outcome = "finished"
    wizard.plan.result = result
    wizard.plan.model_dir = str(model_dir)
    train.completeChanged.emit()
    wizard.next()
    shoot("wizard_5_result")
    wizard.next()
    wizard.use_page.name.setText("用户手册")
    wizard.use_page.use_model()
    shoot("wizard_6_use")
    manager = ModelManagerWindow(wizard.store)
    manager.resize(900, 560)
    manager.show()
    manager.select("用户手册")
    # the temporary YINZI_HOME as a user would see the data folder (and the PNG stays stable)
    manager.details.setText(manager.details.text().replace(str(home / "data"), "~/.local/share/yinzi"))
    shoot("model_manager", manager)
    manager.close()
    wizard.close()
    # Delete both windows now: left to the cyclic garbage collector, their Qt objects would
    # be destroyed whenever it runs, possibly while a model loads on another thread.
    from desktop.qt import QEvent

    manager.deleteLater()
    wizard.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--no-model", action="store_true", help="n-gram decoder only")
    parser.add_argument("--only", choices=("all", "wizard"), default="all",
                        help="'wizard': only the fine-tune wizard's pages and the model manager")
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
    if args.only == "wizard":
        i18n.install(app, "zh_CN")
        for path in _shoot_wizard(app, out):
            print(path)
        return 0
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
            while dictionary.loading:   # the list is read in the background
                app.processEvents()
                time.sleep(0.01)
            app.processEvents()
            path = out / "user_dictionary_zh_CN.png"
            dictionary.grab().save(str(path))
            written.append(path)
            dictionary.close()
            written.append(_shoot_long_bar(window, app, out))
            shots = (_shoot_panel(window, app, SAMPLE_REVIEW, out / "analysis_panel_zh_CN.png"),
                     # praises three things, complains of two: the mixed verdict
                     _shoot_panel(window, app, MIXED_REVIEW, out / "analysis_mixed_review_zh_CN.png"),
                     _shoot_batch(window, app, out))
            written += [p for p in shots if p]
            written += _shoot_wizard(app, out)
        window.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
