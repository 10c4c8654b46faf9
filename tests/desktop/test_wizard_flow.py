"""The fine-tune wizard driven end to end against a fake trainer (a script that speaks the
trainer's command line and JSON events), plus the real `yinzi-train adapt --preset tiny`
when that command exists."""
from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.qt import QApplication
from desktop.settings import SettingsStore
from desktop.wizard import commands
from desktop.wizard.model_store import ModelStore
from desktop.wizard.pages import (
    PAGE_DATA,
    PAGE_HARDWARE,
    PAGE_RESULT,
    PAGE_TASK,
    PAGE_TRAIN,
    PAGE_USE,
)
from desktop.wizard.run_state import load_state

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]
WAIT_MS = 30000

FAKE_TRAINER = r'''
import json, os, signal, sys, time
from pathlib import Path

LOG = os.environ.get("FAKE_LOG")
if LOG:
    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(sys.argv[1:]) + "\n")

def emit(kind, **data):
    data = {"event": kind, "time": time.time(), **data}
    print(json.dumps(data, ensure_ascii=False), flush=True)

def opt(name, default=None, many=False):
    args = sys.argv[2:]
    if name not in args:
        return default
    i = args.index(name) + 1
    if not many:
        return args[i]
    out = []
    while i < len(args) and not args[i].startswith("--"):
        out.append(args[i]); i += 1
    return out

def files_of(paths):
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file())
        elif p.exists():
            yield p

command = sys.argv[1] if len(sys.argv) > 1 else ""
if command == "inspect-corpus":
    files, problems, samples = [], [], []
    for f in files_of([a for a in sys.argv[2:] if a != "--json"]):
        try:
            lines = f.read_text(encoding="utf-8").splitlines()
            error = ""
        except UnicodeDecodeError:
            lines, error = [], "not text"
            problems.append({"path": str(f), "line": 0, "message": "binary or unknown encoding"})
        han = sum(1 for l in lines for c in l if "\u4e00" <= c <= "\u9fff")
        for n, l in enumerate(lines, 1):
            if not l.strip():
                problems.append({"path": str(f), "line": n, "message": "empty line"})
        samples += [l for l in lines if l.strip()][:3]
        files.append({"path": str(f), "lines": len(lines), "han_chars": han,
                      "duplicates": len(lines) - len(set(lines)), "non_chinese_share": 0.1,
                      "encoding": "utf-8", "traditional_converted": False, "error": error})
    han = sum(f["han_chars"] for f in files)
    print(json.dumps({"files": files, "totals": {"files": len(files), "lines": sum(f["lines"] for f in files),
                      "han_chars": han, "duplicates": sum(f["duplicates"] for f in files)},
                      "samples": samples, "problems": problems, "enough": han >= 100,
                      "advice": "at least 100 characters for this fake"}, ensure_ascii=False))
    sys.exit(0 if han else 2)                     # as the real one: no Chinese at all is an error
if command == "devices":
    n = int(os.environ.get("FAKE_GPUS", "2"))
    print(json.dumps({"cpu": {"name": "Fake CPU", "cores": 2},
                      "cuda": [{"index": i, "name": f"Fake GPU {i}", "total_mb": 81559, "free_mb": 80000 - i * 1000}
                               for i in range(n)],
                      "torch": {"version": "2.13.0", "cuda_build": n > 0},
                      **({"throughput": {"segmentation_chars_per_s": 1_180_000,
                                         "training_tokens_per_s": {"cpu": 2000, **{f"cuda:{i}": 50000 for i in range(n)}}}}
                         if opt("--measure") else {})}))
    sys.exit(0)
if command == "finetune-sentiment":
    train, out = opt("--train", many=True), Path(opt("--out"))
    print("recipe blend: fake", flush=True)
    for t in train:
        if "BAD" in Path(t).read_text(encoding="utf-8"):
            print(f"error: {t}: 1 of 2 rows rejected", file=sys.stderr)
            print(f"    line 3: unknown label 'BAD'", file=sys.stderr)
            sys.exit(2)
    print("  step 1/2 loss 0.69", flush=True)
    (out / "model").mkdir(parents=True, exist_ok=True)
    (out / "model" / "manifest.json").write_text(json.dumps({"name": "sentiment-user", "kind": "sentiment"}))
    (out / "model" / "card.md").write_text("# fake sentiment\n")
    (out / "report.json").write_text(json.dumps({"onnx_metrics": {"dev (int8)": {"accuracy": 0.91, "macro_f1": 0.9}}}))
    sys.exit(0)
if command != "adapt":
    print(f"yinzi-train: error: argument COMMAND: invalid choice: '{command}'", file=sys.stderr)
    sys.exit(2)

if os.environ.get("FAKE_NO_ADVANCED") and "--lr" in sys.argv:
    print(f"yinzi-train: error: unrecognized arguments: --lr {opt('--lr')}", file=sys.stderr)
    sys.exit(2)
out = Path(opt("--out"))
out.mkdir(parents=True, exist_ok=True)
resume = "--resume" in sys.argv
total = int(os.environ.get("FAKE_STEPS", "20"))
hang_at = int(os.environ.get("FAKE_HANG_AT", "0"))
ckpt = out / "ckpt.json"
step = json.loads(ckpt.read_text())["step"] if resume and ckpt.exists() else 0
state = {"step": step}

def on_term(*_):
    ckpt.write_text(json.dumps({"step": state["step"]}))
    emit("checkpoint", step=state["step"], path=str(ckpt))
    emit("cancelled", step=state["step"], resumable=True)
    emit("done", exit_code=130)
    sys.exit(130)

signal.signal(signal.SIGTERM, signal.SIG_IGN if os.environ.get("FAKE_IGNORE_TERM") else on_term)
emit("start", out=str(out), preset=opt("--preset"), devices=opt("--gpus"), resumed=resume)
print("reading corpus (human progress line)", file=sys.stderr, flush=True)
emit("stage", stage="read", message="2 files")
emit("progress", stage="read", done=2, total=2, eta_s=0)
emit("data", files=opt("--corpus", many=True), documents=10, held_out_documents=1, han_chars=1234)
emit("stage", stage="neural", message="continuing the base model")
while state["step"] < total:
    state["step"] += 1
    s = state["step"]
    emit("step", step=s, total_steps=total, loss=3.0 / s, tokens_per_s=1500.0, eta_s=(total - s) * 0.01,
         elapsed_s=s * 0.01)
    if s % 5 == 0:
        emit("eval", step=s, held_out_char=0.80 + s / 200)
        ckpt.write_text(json.dumps({"step": s}))
        emit("checkpoint", step=s, path=str(ckpt))
    if s == hang_at and not resume:
        time.sleep(60)
    time.sleep(float(os.environ.get("FAKE_STEP_SLEEP", "0.01")))
emit("stage", stage="export", message="fp32 + int8")
model = out / "model"
model.mkdir(exist_ok=True)
(model / "manifest.json").write_text(json.dumps({"name": "adapted", "kind": "p2c", "base": "p2c-default"}))
(model / "MODEL_CARD.md").write_text("# Adapted model\n\nA **fake** adapted model.\n", encoding="utf-8")
emit("result", model_dir=str(model),
     held_out={"before": {"char": 0.72, "exact": 0.25, "top5": 0.85}, "after": {"char": 0.90, "exact": 0.55, "top5": 0.95}},
     general={"before": {"char": 0.946, "exact": 0.766, "top5": 0.874}, "after": {"char": 0.945, "exact": 0.765, "top5": 0.874}},
     **{"lambda": 0.6},
     examples={"fixed": [{"pinyin": "shen'jing'wang'luo", "reference": "神经网络", "before": "神经王罗", "after": "神经网络"}],
               "broken": [{"pinyin": "ta'shuo", "reference": "他说", "before": "他说", "after": "她说"}]})
emit("done", exit_code=0)
'''


@pytest.fixture
def fake_trainer(tmp_path, monkeypatch):
    """YINZI_TRAIN points at the fake; FAKE_LOG collects the argv of every call."""
    script = tmp_path / "fake_trainer.py"
    script.write_text(FAKE_TRAINER, encoding="utf-8")
    log = tmp_path / "calls.jsonl"
    monkeypatch.setenv(commands.TRAINER_ENV, f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    monkeypatch.setenv("FAKE_LOG", str(log))

    def calls() -> list[list[str]]:
        if not log.exists():
            return []
        return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]

    return calls


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("神经网络的训练需要数据。\n模型在本机上训练。\n\n神经网络的训练需要数据。\n",
                                  encoding="utf-8")
    (folder / "b.md").write_text("# 说明\n输入法学习用户的词语和短语，然后更好地转换拼音。\n" * 5, encoding="utf-8")
    return folder


@pytest.fixture
def wizard(qtbot, fake_trainer):
    from desktop.wizard.window import FineTuneWizard

    w = FineTuneWizard()
    w.ask_close = lambda: True
    w.ask_resume = lambda state: False
    qtbot.addWidget(w)
    w.show()
    yield w
    w.train_page.stop_for_close(5000)
    w.close()


def _wait_report(qtbot, page):
    qtbot.waitUntil(lambda: page.wiz.plan.report is not None or page._inspect_failed, timeout=WAIT_MS)


def _go_to_hardware(qtbot, w, corpus):
    assert w.task_page.isComplete()
    w.next()
    assert w.currentId() == PAGE_DATA
    assert not w.data_page.isComplete()          # no files yet
    w.data_page.add_paths([str(corpus)])
    _wait_report(qtbot, w.data_page)
    assert w.data_page.isComplete()
    w.next()
    assert w.currentId() == PAGE_HARDWARE
    qtbot.waitUntil(lambda: len(w.hardware_page.gpu_checks) == 2, timeout=WAIT_MS)


def _wait_finished(qtbot, page):
    qtbot.waitUntil(lambda: not page.running and page.outcome != "", timeout=WAIT_MS)


def test_end_to_end_through_every_page(wizard, qtbot, corpus, fake_trainer, yinzi_home):
    w = wizard
    _go_to_hardware(qtbot, w, corpus)
    page = w.data_page
    # the inspect-corpus table, samples, problems with file:line, totals
    assert page.table.rowCount() == 2
    assert "神经网络" in page.samples.toPlainText()
    problems = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert any(p.endswith("a.txt:3: empty line") for p in problems)
    assert "Han" in page.status.text() or "汉字" in page.status.text()
    hw = w.hardware_page
    assert "Fake CPU" in hw.cpu_check.text() and "Fake GPU 1" in hw.gpu_checks[1].text()
    assert hw.cpu_check.isChecked()
    hw.gpu_checks[1].setChecked(True)
    assert not hw.cpu_check.isChecked()
    hw.cpu_check.setChecked(True)                 # back to the CPU: GPUs unticked
    assert not any(c.isChecked() for c in hw.gpu_checks.values())
    hw.set_preset("tiny")
    w.next()                                      # "Start training" (a commit page)
    assert w.currentId() == PAGE_TRAIN
    train = w.train_page
    _wait_finished(qtbot, train)
    assert train.outcome == "finished", train.message.text()
    assert train.isComplete()
    assert train.loss_series.count() == 20 and train.acc_series.count() == 4
    log = train.log.toPlainText()
    assert "human progress line" in log and "--preset tiny" in log
    adapt = [c for c in fake_trainer() if c[0] == "adapt"][-1]
    assert adapt[adapt.index("--gpus") + 1] == "cpu" and "--resume" not in adapt
    assert adapt[adapt.index("--corpus") + 1] == str(corpus.resolve())
    assert load_state().status == "finished"
    w.next()
    assert w.currentId() == PAGE_RESULT
    result = w.result_page
    cells = [[result.table.item(r, c).text() for c in range(4)] for r in range(result.table.rowCount())]
    assert cells[0][1:] == ["72.00 %", "90.00 %", "+18.00"]
    assert len(cells) == 6                         # domain and general, three measures each
    assert result.fixed.item(0, 1).text() == "神经网络" and result.broken.item(0, 3).text() == "她说"
    assert result.chart.series()                   # the bar chart was drawn
    w.next()
    assert w.currentId() == PAGE_USE
    use = w.use_page
    use.name.setText("my-docs")
    use.use_model()
    assert "my-docs" in use.status.text(), use.status.text()
    installed = yinzi_home / "data" / "models" / "my-docs"
    assert json.loads((installed / "manifest.json").read_text())["name"] == "my-docs"
    settings = SettingsStore().load()
    assert settings.model == "my-docs" and settings.previous_model == "p2c-default"
    assert not any(p.name.startswith(".installing") for p in (yinzi_home / "data").iterdir())


def test_data_page_add_remove_and_too_little_text(wizard, qtbot, tmp_path):
    w = wizard
    w.next()
    page = w.data_page
    small = tmp_path / "small.txt"
    small.write_text("一点点文本。\n", encoding="utf-8")
    english = tmp_path / "english.txt"
    english.write_text("no Chinese here\n", encoding="utf-8")
    page.add_paths([str(small), str(english)])
    _wait_report(qtbot, page)
    assert page.table.rowCount() == 2 and page.isComplete()
    assert "100 characters" in page.warning.text()          # the trainer's advice, as a warning
    page.chosen.setCurrentRow(0)
    page.remove_button.click()
    assert w.plan.files == [str(english.resolve())]
    _wait_report(qtbot, page)
    assert not page.isComplete()                            # no Chinese at all: cannot go on
    assert page.warning.text()


def test_several_gpus_build_a_torchrun_command(wizard, qtbot, corpus, fake_trainer, monkeypatch, tmp_path):
    """The env trainer is not the python module: several GPUs go through `torchrun --no-python`."""
    fake_torchrun = tmp_path / "bin" / "torchrun"
    fake_torchrun.parent.mkdir()
    # A stand-in torchrun that records its environment and runs the command once (one "rank").
    fake_torchrun.write_text("#!/bin/sh\necho \"CUDA_VISIBLE_DEVICES=$CUDA_VISIBLE_DEVICES\" >&2\n"
                             "shift 3\nexec \"$@\"\n")
    fake_torchrun.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake_torchrun.parent}{os.pathsep}{os.environ['PATH']}")
    w = wizard
    _go_to_hardware(qtbot, w, corpus)
    w.hardware_page.gpu_checks[0].setChecked(True)
    w.hardware_page.gpu_checks[1].setChecked(True)
    w.hardware_page.set_preset("tiny")
    w.next()
    _wait_finished(qtbot, w.train_page)
    assert w.train_page.outcome == "finished", w.train_page.message.text()
    log = w.train_page.log.toPlainText()
    assert "CUDA_VISIBLE_DEVICES=0,1" in log
    assert "--nproc_per_node 2 --no-python" in log
    adapt = [c for c in fake_trainer() if c[0] == "adapt"][-1]
    assert adapt[adapt.index("--gpus") + 1] == "0,1"


def test_measured_speed_sharpens_the_estimates(wizard, qtbot, corpus, fake_trainer):
    w = wizard
    _go_to_hardware(qtbot, w, corpus)
    page = w.hardware_page
    qtbot.waitUntil(lambda: "50,000 tokens/s" in page.measure_status.text(), timeout=WAIT_MS)
    assert w.plan.throughput["segmentation_chars_per_s"] == 1_180_000
    assert any(c[0] == "devices" and "--measure" in c for c in fake_trainer())
    page.gpu_checks[0].setChecked(True)
    page.gpu_checks[1].setChecked(True)
    # two GPUs at 50,000 tokens/s for standard's 30-minute box: 180 M tokens
    assert "up to 180.0 M training tokens" in page.preset_buttons["standard"].text()
    assert "training tokens" not in page.preset_buttons["tiny"].text()   # capped by steps, not time


def test_killed_child_shows_the_failure_and_resume_reruns_with_resume(
        wizard, qtbot, corpus, fake_trainer, monkeypatch):
    monkeypatch.setenv("FAKE_HANG_AT", "10")
    w = wizard
    _go_to_hardware(qtbot, w, corpus)
    w.next()
    train = w.train_page
    qtbot.waitUntil(lambda: train.progress.checkpoint_step == 10, timeout=WAIT_MS)
    os.kill(train.run.pid, signal.SIGKILL)        # a crash, not a cancel
    _wait_finished(qtbot, train)
    assert train.outcome == "failed"
    assert "checkpoint at step 10" in train.message.text() or "10" in train.message.text()
    assert train.resume_button.isVisibleTo(w)
    assert not train.isComplete()
    assert load_state().status == "failed" and load_state().resumable
    train.resume_button.click()
    _wait_finished(qtbot, train)
    assert train.outcome == "finished", train.message.text()
    assert train.progress.step == 20              # the same final step count
    steps = [s for s, _ in train.progress.losses]
    assert steps == list(range(1, 21))            # the curve kept to step 10, then 11.. resumed
    assert train.loss_series.count() == 20
    adapts = [c for c in fake_trainer() if c[0] == "adapt"]
    assert "--resume" not in adapts[0] and "--resume" in adapts[-1]
    assert adapts[0][adapts[0].index("--out") + 1] == adapts[-1][adapts[-1].index("--out") + 1]


def test_cancel_pause_and_reopening_offers_to_resume(qtbot, corpus, fake_trainer, monkeypatch):
    from desktop.wizard.window import FineTuneWizard

    monkeypatch.setenv("FAKE_STEP_SLEEP", "0.2")
    w = FineTuneWizard()
    w.ask_resume = lambda state: False
    qtbot.addWidget(w)
    w.show()
    _go_to_hardware(qtbot, w, corpus)
    w.next()
    train = w.train_page
    qtbot.waitUntil(lambda: train.progress.step >= 2, timeout=WAIT_MS)
    if os.name == "posix":
        train.toggle_pause()
        assert train.run.paused
        stat = Path(f"/proc/{train.run.pid}/stat")
        if stat.exists():                         # Linux: the child really is stopped
            qtbot.waitUntil(lambda: stat.read_text().split(") ")[1][0] == "T", timeout=WAIT_MS)
        train.toggle_pause()
        assert not train.run.paused
        if stat.exists():
            qtbot.waitUntil(lambda: stat.read_text().split(") ")[1][0] != "T", timeout=WAIT_MS)
    asked = []
    w.ask_close = lambda: asked.append(True) or False   # "no": keep training
    w.close()
    assert asked and w.isVisible() and train.running
    w.ask_close = lambda: True
    w.close()                                    # cancels: SIGTERM, the fake checkpoints
    assert not train.running
    state = load_state()
    assert state.status == "cancelled" and state.resumable
    QApplication.processEvents()

    again = FineTuneWizard()
    offered = []
    again.ask_resume = lambda s: offered.append(s) or True
    again.ask_close = lambda: True
    qtbot.addWidget(again)
    again.show()
    assert again.offer_resume()
    assert offered[0].out == state.out
    assert again.currentId() == PAGE_TRAIN
    monkeypatch.setenv("FAKE_STEP_SLEEP", "0.0")
    _wait_finished(qtbot, again.train_page)
    assert again.train_page.outcome == "finished"
    adapt = [c for c in fake_trainer() if c[0] == "adapt"][-1]
    assert "--resume" in adapt and adapt[adapt.index("--out") + 1] == state.out
    again.close()


def test_an_option_the_trainer_refuses_is_named(wizard, qtbot, corpus, monkeypatch):
    monkeypatch.setenv("FAKE_NO_ADVANCED", "1")
    w = wizard
    _go_to_hardware(qtbot, w, corpus)
    hw = w.hardware_page
    hw.advanced.setChecked(True)
    hw.lr.setText("abc")
    w.next()
    assert w.currentId() == PAGE_HARDWARE and "3e-4" in hw.error.text()   # not a number
    hw.lr.setText("1e-3")
    hw.steps.setValue(500)
    w.next()
    _wait_finished(qtbot, w.train_page)
    assert "--lr 0.001" in w.train_page.message.text()
    assert not w.train_page.resume_button.isVisibleTo(w)
    assert w.plan.max_steps == 500 and w.plan.held_out == 0.05
    first_out = w.plan.out
    w.train_page.start_over_button.click()          # back to the start, choices kept
    assert w.currentId() == PAGE_TASK
    w.next()
    _wait_report(qtbot, w.data_page)
    w.next()
    hw.advanced.setChecked(False)
    w.next()
    _wait_finished(qtbot, w.train_page)
    assert w.train_page.outcome == "finished" and w.plan.out != first_out


def test_a_trainer_that_ignores_cancel_can_be_stopped_now(wizard, qtbot, corpus, monkeypatch):
    monkeypatch.setenv("FAKE_IGNORE_TERM", "1")
    monkeypatch.setenv("FAKE_STEP_SLEEP", "0.2")
    monkeypatch.setattr(type(wizard.train_page), "FORCE_STOP_AFTER_MS", 200)
    w = wizard
    _go_to_hardware(qtbot, w, corpus)
    w.next()
    train = w.train_page
    qtbot.waitUntil(lambda: train.progress.step >= 1, timeout=WAIT_MS)
    train.cancel_button.click()
    assert not train.cancel_button.isEnabled()
    qtbot.waitUntil(train.cancel_button.isEnabled, timeout=WAIT_MS)   # "Stop now"
    assert train.running
    train.cancel_button.click()
    _wait_finished(qtbot, train)
    assert train.outcome == "cancelled" and train.resume_button.isVisibleTo(w)


def test_reports_and_events_off_the_contract_are_said_not_raised(wizard, qtbot):
    from desktop.wizard.events import Event

    w = wizard
    w.next()
    w.plan.files = ["/x"]
    w.data_page._on_report({"files": [{"path": "/x", "lines": "many"}], "totals": {}})
    assert "many" in w.data_page.status.text() and w.data_page.isComplete()
    w.hardware_page._on_devices({"cuda": [{"index": "first"}]})
    assert "first" in w.hardware_page.devices_status.text()
    w.train_page._on_event(Event("data", {"event": "data", "han_chars": "lots"}))
    assert "lots" in w.train_page.log.toPlainText()


def test_missing_trainer_says_what_to_install(qtbot, monkeypatch):
    from desktop.wizard.window import FineTuneWizard

    w = FineTuneWizard(trainer=None)
    qtbot.addWidget(w)
    w.show()
    assert not w.task_page.isComplete()
    assert "make setup" in w.task_page.trainer_label.text()
    w.close()


def test_a_trainer_without_the_new_commands_is_explained(qtbot, tmp_path, monkeypatch, corpus):
    old = tmp_path / "old_trainer.py"
    old.write_text("import sys\nprint(f\"yinzi-train: error: argument COMMAND: invalid choice: "
                   "'{sys.argv[1]}'\", file=sys.stderr)\nsys.exit(2)\n")
    monkeypatch.setenv(commands.TRAINER_ENV, f"{shlex.quote(sys.executable)} {shlex.quote(str(old))}")
    from desktop.wizard.window import FineTuneWizard

    w = FineTuneWizard()
    w.ask_close = lambda: True
    qtbot.addWidget(w)
    w.show()
    w.next()
    w.data_page.add_paths([str(corpus)])
    _wait_report(qtbot, w.data_page)
    assert "inspect-corpus" in w.data_page.status.text()
    assert w.data_page.isComplete()               # the files are checked at training time
    w.next()
    qtbot.waitUntil(lambda: "devices" in w.hardware_page.devices_status.text(), timeout=WAIT_MS)
    w.next()
    _wait_finished(qtbot, w.train_page)
    assert "adapt" in w.train_page.message.text()
    assert not w.train_page.resume_button.isVisibleTo(w)
    w.close()


def test_sentiment_task_shows_data_check_errors_then_trains(qtbot, tmp_path, fake_trainer, yinzi_home):
    from desktop.wizard.window import FineTuneWizard

    bad = tmp_path / "bad.csv"
    bad.write_text("label,text\n1,很好\nBAD,一般\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text("label,text\n1,很好\n0,很差\n", encoding="utf-8")
    w = FineTuneWizard()
    w.ask_close = lambda: True
    qtbot.addWidget(w)
    w.show()
    w.task_page.sentiment.setChecked(True)
    w.next()
    w.data_page.add_paths([str(bad)])
    assert w.data_page.isComplete() and w.data_page.table.rowCount() == 1
    w.next()
    assert not w.hardware_page.preset_box.isVisibleTo(w)
    w.next()
    train = w.train_page
    _wait_finished(qtbot, train)
    assert train.outcome == "failed"
    assert "bad.csv: 1 of 2 rows rejected" in train.message.text()
    assert "line 3: unknown label 'BAD'" in train.message.text()      # the details under it
    assert "recipe blend" in train.log.toPlainText()
    cmd = [c for c in fake_trainer() if c[0] == "finetune-sentiment"][-1]
    assert cmd[cmd.index("--device") + 1] == "cpu"
    # a fresh wizard with the good file trains and keeps the model
    w.close()
    w2 = FineTuneWizard()
    w2.ask_close = lambda: True
    qtbot.addWidget(w2)
    w2.show()
    w2.task_page.sentiment.setChecked(True)
    w2.next()
    w2.data_page.add_paths([str(good)])
    w2.next()
    w2.next()
    _wait_finished(qtbot, w2.train_page)
    assert w2.train_page.outcome == "finished", w2.train_page.message.text()
    w2.next()
    assert w2.result_page.table.item(0, 1).text() == "91.00 %"
    w2.next()
    w2.use_page.use_model()
    assert (yinzi_home / "data" / "models" / w2.use_page.name.text() / "manifest.json").is_file()
    assert SettingsStore().load().model == "p2c-default"      # a sentiment model is not for typing
    w2.close()


def test_tools_menu_opens_the_wizard_and_it_switches_the_running_app(main_window, qtbot, fake_trainer,
                                                                    corpus, yinzi_home):
    actions = [a.text() for a in main_window.tools_menu.actions()]
    assert any("Train on my text" in t or "用我的文本训练" in t for t in actions)
    w = main_window.open_wizard()
    w.ask_close = lambda: True
    w.ask_resume = lambda s: False
    assert w.store.live
    _go_to_hardware(qtbot, w, corpus)
    w.hardware_page.set_preset("tiny")
    w.next()
    _wait_finished(qtbot, w.train_page)
    w.next()
    w.next()
    w.use_page.name.setText("live-model")
    with qtbot.waitSignal(main_window.modelLoaded, timeout=WAIT_MS):
        w.use_page.use_model()                     # the app starts loading it at once
    assert main_window.settings.model == "live-model"
    assert "now types" in w.use_page.status.text() or "现在" in w.use_page.status.text()
    manager = w.open_model_manager()               # the app's model manager
    assert manager is main_window.open_model_manager()
    assert "live-model" in manager.names()
    assert main_window.open_wizard() is w          # one wizard at a time
    w.close()
    assert main_window._wizard is None             # closed and deleted; the next one is fresh
    again = main_window.open_wizard()
    assert again is not w
    again.close()


TINY_CORPUS = ("神经网络模型在本机上训练，用户的文本不会离开这台电脑。", "输入法学习用户常用的词语和短语。",
               "今天的天气很好，我们一起去公园散步。", "这个软件的文档写得很清楚，安装步骤也很简单。")


def _real_adapt_available() -> str | None:
    """Why the real trainer cannot be driven here (a checkout without its .venv), or None."""
    exe = REPO / ".venv" / "bin" / "yinzi-train"
    if not exe.exists():
        return "the checkout has no .venv/bin/yinzi-train (make setup)"
    return None


def _start_real_tiny_run(qtbot, tmp_path, monkeypatch):
    """The wizard driven to a started `adapt --preset tiny` of the real trainer on a 20-file
    corpus, on the CPU (skips in a checkout without .venv)."""
    why = _real_adapt_available()
    if why:
        pytest.skip(why)
    folder = tmp_path / "tiny"
    folder.mkdir()
    for i in range(20):
        (folder / f"doc{i}.txt").write_text("\n".join(TINY_CORPUS[(i + j) % 4] for j in range(8)), encoding="utf-8")
    monkeypatch.setenv(commands.TRAINER_ENV, str(REPO / ".venv" / "bin" / "yinzi-train"))
    from desktop.wizard.window import FineTuneWizard

    w = FineTuneWizard()
    w.ask_close = lambda: True
    w.ask_resume = lambda s: False
    qtbot.addWidget(w)
    w.show()
    w.next()
    w.data_page.add_paths([str(folder)])
    _wait_report(qtbot, w.data_page)
    w.next()
    qtbot.waitUntil(lambda: w.hardware_page._devices is not None, timeout=120000)
    w.hardware_page.cpu_check.setChecked(True)
    w.hardware_page.set_preset("tiny")
    w.next()
    return w


@pytest.mark.slow
def test_real_trainer_tiny_preset_end_to_end(qtbot, tmp_path, monkeypatch):
    w = _start_real_tiny_run(qtbot, tmp_path, monkeypatch)
    qtbot.waitUntil(lambda: not w.train_page.running and w.train_page.outcome != "", timeout=600000)
    assert w.train_page.outcome == "finished", (w.train_page.message.text(), w.train_page.log.toPlainText()[-3000:])
    w.next()
    assert w.result_page.table.rowCount() >= 3
    w.next()
    w.use_page.use_model()
    assert ModelStore().active_name() == w.use_page.name.text()
    w.close()


def test_the_wizard_and_the_manager_speak_chinese(qtbot, fake_trainer):
    from desktop import i18n
    from desktop.model_manager import ModelManagerWindow
    from desktop.wizard.window import FineTuneWizard

    app = QApplication.instance()
    i18n.install(app, "zh_CN")
    try:
        w = FineTuneWizard()
        qtbot.addWidget(w)
        w.show()
        assert w.task_page.title() == "要让音字学什么？"
        assert w.hardware_page.buttonText(w.WizardButton.CommitButton) == "开始训练"
        manager = ModelManagerWindow(ModelStore())
        qtbot.addWidget(manager)
        assert manager.use_button.text() == "用于打字"
        w.close()
    finally:
        i18n.install(app, "en")


def test_yinzi_wizard_command(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "desktop.cli", "wizard", "--help"], capture_output=True,
                         text=True, timeout=120, cwd=REPO, env=env)
    assert run.returncode == 0 and "yinzi wizard" in run.stdout
    bare = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    run = subprocess.run([sys.executable, "-m", "desktop.cli", "wizard"], capture_output=True, text=True,
                         timeout=120, cwd=REPO, env=bare)
    assert run.returncode == 2 and "no display" in run.stderr


@pytest.mark.slow
def test_real_trainer_killed_at_a_random_step_resumes_to_the_same_final_step(qtbot, tmp_path, monkeypatch):
    import random

    w = _start_real_tiny_run(qtbot, tmp_path, monkeypatch)
    train = w.train_page
    qtbot.waitUntil(lambda: train.progress.total_steps > 0, timeout=300000)
    total = train.progress.total_steps
    kill_at = random.Random().randint(2, total - 1)   # after the first checkpoint (tiny: every 2)
    qtbot.waitUntil(lambda: train.progress.step >= kill_at and bool(train.progress.checkpoint_step),
                    timeout=300000)
    os.kill(train.run.pid, signal.SIGKILL)
    _wait_finished(qtbot, train)
    assert train.outcome == "failed", f"killed at step {kill_at}: {train.message.text()}"
    checkpoint = train.progress.checkpoint_step
    assert str(checkpoint) in train.message.text() and train.resume_button.isVisibleTo(w)
    train.resume_button.click()
    qtbot.waitUntil(lambda: not train.running and train.outcome != "", timeout=600000)
    assert train.outcome == "finished", (kill_at, train.message.text(), train.log.toPlainText()[-3000:])
    assert train.progress.resumed and train.progress.step == total
    steps = [s for s, _ in train.progress.losses]
    assert steps == sorted(set(steps)) and checkpoint + 1 in steps   # on from the checkpoint
    w.close()
