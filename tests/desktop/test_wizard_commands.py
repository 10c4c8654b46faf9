"""The wizard's plain-Python parts: finding the trainer, the exact argv/env of every command,
the JSON event stream and the last-run state file (no Qt needed)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.wizard import commands as c
from desktop.wizard.events import RunProgress, format_duration, parse_line, percent
from desktop.wizard.run_state import RunState, clear_state, load_state, save_state, state_path

PY = "/opt/py/bin/python3"
REPO = Path(__file__).resolve().parents[2]
SPEC = SimpleNamespace(submodule_search_locations=[str(REPO / "trainer")])  # a found package
MODULE = c.Trainer((PY, "-m", "trainer.cli"), "module")
ON_PATH = c.Trainer(("/usr/bin/yinzi-train",), "path")


def _no(_name):
    return None


# -- finding the trainer ----------------------------------------------------------------------
def test_env_command_wins_and_is_split_like_a_shell(tmp_path):
    found = c.find_trainer(environ={"YINZI_TRAIN": "'/a b/python' fake.py --x"}, executable=PY,
                           which=lambda n: "/usr/bin/yinzi-train", find_spec=lambda n: SPEC,
                           platform="linux")
    assert found == c.Trainer(("/a b/python", "fake.py", "--x"), "env")


def test_bundle_beside_the_app_executable(tmp_path):
    app = tmp_path / "yinzi"
    app.write_text("")
    bundle = tmp_path / "yinzi-trainer" / "yinzi-train"
    bundle.parent.mkdir()
    bundle.write_text("#!/bin/sh\n")
    bundle.chmod(0o755)
    found = c.find_trainer(environ={}, executable=str(app), which=lambda n: "/usr/bin/yinzi-train",
                           find_spec=lambda n: SPEC, platform="linux")
    assert found == c.Trainer((str(bundle.resolve()),), "bundle")


def test_path_then_module_then_nothing(tmp_path):
    exe = str(tmp_path / "python")
    assert c.find_trainer(environ={}, executable=exe, which=lambda n: "/usr/bin/yinzi-train",
                          find_spec=lambda n: SPEC) == c.Trainer(("/usr/bin/yinzi-train",), "path")
    assert c.find_trainer(environ={}, executable=exe, which=_no,
                          find_spec=lambda n: SPEC) == c.Trainer((exe, "-m", "trainer.cli"), "module")
    assert c.find_trainer(environ={}, executable=exe, which=_no, find_spec=lambda n: None) is None


def test_module_lookup_never_imports_the_trainer():
    import subprocess
    import sys

    code = ("import sys; from desktop.wizard.commands import find_trainer; t = find_trainer(environ={}, "
            "which=lambda n: None); print(t.how, 'trainer' in sys.modules, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         cwd=REPO).stdout.split()
    assert out == ["module", "False", "False"]


# -- commands ---------------------------------------------------------------------------------
def test_inspect_and_devices_commands():
    assert c.inspect_command(ON_PATH, ["/d/a.txt", "/d/folder"]).argv == (
        "/usr/bin/yinzi-train", "inspect-corpus", "--json", "/d/a.txt", "/d/folder")
    assert c.devices_command(MODULE).argv == (PY, "-m", "trainer.cli", "devices", "--json")


CORPUS = ("/d/a.txt", "/d/notes")


@pytest.mark.parametrize(
    ("options", "argv", "env"),
    [
        (c.AdaptOptions(CORPUS, "/o"),
         (PY, "-m", "trainer.cli", "adapt", "--corpus", *CORPUS, "--out", "/o", "--preset", "quick",
          "--gpus", "cpu", "--events", "-"), {}),
        (c.AdaptOptions(CORPUS, "/o", preset="thorough", gpus=(3,), resume=True),
         (PY, "-m", "trainer.cli", "adapt", "--corpus", *CORPUS, "--out", "/o", "--preset", "thorough",
          "--gpus", "3", "--events", "-", "--resume"), {}),
        (c.AdaptOptions(CORPUS, "/o", preset="standard", gpus=(1, 3), held_out=0.1, general="/g.txt",
                        lr=3e-4, max_steps=500, batch_size=64),
         (PY, "-m", "torch.distributed.run", "--nproc_per_node", "2", "-m", "trainer.cli", "adapt",
          "--corpus", *CORPUS, "--out", "/o", "--preset", "standard", "--gpus", "0,1",
          "--held-out", "0.1", "--general", "/g.txt", "--lr", "0.0003", "--max-steps", "500",
          "--batch-size", "64", "--events", "-"),
         {"CUDA_VISIBLE_DEVICES": "1,3"}),
    ],
)
def test_adapt_command_for_the_module_trainer(options, argv, env):
    command = c.adapt_command(MODULE, options, which=_no)
    assert command.argv == argv
    assert dict(command.env) == env


def test_several_gpus_with_an_installed_trainer_use_torchrun_no_python(tmp_path):
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "torchrun").write_text("")
    trainer = c.Trainer((str(bindir / "yinzi-train"),), "path")
    command = c.adapt_command(trainer, c.AdaptOptions(("/d",), "/o", gpus=(0, 1, 2)), which=_no)
    assert command.argv[:5] == (str(bindir / "torchrun"), "--nproc_per_node", "3", "--no-python",
                                str(bindir / "yinzi-train"))
    assert command.argv[5:] == ("adapt", "--corpus", "/d", "--out", "/o", "--preset", "quick",
                                "--gpus", "0,1,2", "--events", "-")
    assert dict(command.env) == {"CUDA_VISIBLE_DEVICES": "0,1,2"}
    # an env trainer finds torchrun on PATH; none at all is a clear error
    env = c.Trainer(("python", "fake.py"), "env")
    assert c.adapt_command(env, c.AdaptOptions(("/d",), "/o", gpus=(0, 1)),
                           which=lambda n: "/x/torchrun").argv[:6] == (
        "/x/torchrun", "--nproc_per_node", "2", "--no-python", "python", "fake.py")
    with pytest.raises(c.TorchrunMissing):
        c.adapt_command(env, c.AdaptOptions(("/d",), "/o", gpus=(0, 1)), which=_no)


def test_adapt_options_are_checked():
    with pytest.raises(ValueError):
        c.AdaptOptions((), "/o")
    with pytest.raises(ValueError):
        c.AdaptOptions(("/d",), "/o", preset="fast")
    with pytest.raises(ValueError):
        c.AdaptOptions(("/d",), "/o", gpus=(0, 0))


def test_sentiment_command():
    assert c.sentiment_command(ON_PATH, train=["/d/a.csv", "/d/b.csv"], out="/o", device="cuda").argv == (
        "/usr/bin/yinzi-train", "finetune-sentiment", "--train", "/d/a.csv", "/d/b.csv", "--out", "/o",
        "--device", "cuda")
    with pytest.raises(ValueError):
        c.sentiment_command(ON_PATH, train=[], out="/o")


def test_estimates_grow_with_the_preset_and_the_corpus():
    for gpu in (False, True):
        est = [c.estimate_minutes(p, 5_000_000, gpu=gpu) for p in ("tiny", "quick", "standard", "thorough")]
        assert est == sorted(est) and est[0] < est[1]
    assert c.estimate_minutes("quick", 10_000_000) > c.estimate_minutes("quick", 1_000)
    assert c.estimate_minutes("quick", 5_000_000) <= 15          # the quick budget on CPU
    assert c.estimate_minutes("quick", 5_000_000, gpu=True) > c.estimate_minutes("quick", 5_000_000)


def test_measured_throughput_scales_the_estimates_and_names_the_tokens():
    assert c.devices_command(MODULE, measure_seconds=2).argv[-2:] == ("--measure", "2")
    typical = c.estimate_minutes("quick", 5_000_000)
    same = {"segmentation_chars_per_s": c.REFERENCE_SEGMENTATION_CHARS_PER_S}
    assert c.estimate_minutes("quick", 5_000_000, throughput=same) == typical
    twice = {"segmentation_chars_per_s": 2 * c.REFERENCE_SEGMENTATION_CHARS_PER_S}
    assert c.estimate_minutes("quick", 5_000_000, throughput=twice) == typical / 2
    assert c.estimate_minutes("quick", 5_000_000, throughput={"segmentation_chars_per_s": 0}) == typical
    rates = {"training_tokens_per_s": {"cpu": 1000, "cuda:0": 50_000, "cuda:1": 50_000}}
    # standard boxes 30 minutes of training; two GPUs add up; quick on a CPU trains nothing
    assert c.tokens_in_time_box("standard", ["cuda:0", "cuda:1"], rates) == 100_000 * 60 * 30
    assert c.tokens_in_time_box("standard", ["cpu"], rates) == 1000 * 60 * 30
    assert c.tokens_in_time_box("quick", ["cpu"], rates) is None
    assert c.tokens_in_time_box("standard", ["cpu"], None) is None


def test_usage_errors_are_recognised():
    assert c.usage_error("yinzi-train: error: argument COMMAND: invalid choice: 'adapt' (choose") == (
        "command", "adapt")
    assert c.usage_error("yinzi-train: error: unrecognized arguments: --lr 0.001 --max-steps 5") == (
        "option", "--lr 0.001 --max-steps 5")
    assert c.unknown_command("invalid choice: 'devices'")
    assert not c.unknown_command("error: no Chinese text in /d")


# -- events -----------------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["", "reading corpus…", "{not json", "[1, 2]", '{"no_event": 1}',
                                  '{"event": 3}', "  step 50/100 loss 1.2"])
def test_non_event_lines_are_log_lines(line):
    assert parse_line(line) is None


def test_a_whole_run_folds_into_progress():
    lines = [
        {"event": "start", "time": 1.0, "out": "/o", "preset": "quick", "devices": "cpu", "resumed": False},
        {"event": "stage", "time": 1.1, "stage": "read", "message": "3 files"},
        {"event": "progress", "time": 1.2, "stage": "read", "done": 2, "total": 3, "eta_s": 4.5},
        {"event": "data", "time": 1.3, "files": ["a"], "documents": 9, "held_out_documents": 1, "han_chars": 99},
        {"event": "step", "time": 2, "step": 1, "total_steps": 10, "loss": 4.0, "tokens_per_s": 100.0,
         "eta_s": 9.0, "elapsed_s": 1.0},
        {"event": "step", "time": 3, "step": 2, "total_steps": 10, "loss": 3.0, "tokens_per_s": 120.0,
         "eta_s": 8.0, "elapsed_s": 2.0},
        {"event": "eval", "time": 3.1, "step": 2, "held_out_char": 0.81},
        {"event": "checkpoint", "time": 3.2, "step": 2, "path": "/o/ckpt"},
        {"event": "result", "time": 4, "model_dir": "/o/model", "held_out": {}, "general": None,
         "lambda": 0.5, "examples": {"fixed": [], "broken": []}},
        {"event": "done", "time": 5, "exit_code": 0},
    ]
    p = RunProgress()
    for d in lines:
        event = parse_line(json.dumps(d))
        assert event is not None and event.kind == d["event"] and event.time == d["time"]
        p.apply(event)
    assert (p.out, p.stage, p.message) == ("/o", "read", "3 files")
    assert (p.step, p.total_steps, p.loss, p.tokens_per_s) == (2, 10, 3.0, 120.0)
    assert p.losses == [(1, 4.0), (2, 3.0)] and p.accuracies == [(2, 0.81)]
    assert p.checkpoint_step == 2 and p.data["han_chars"] == 99
    assert p.succeeded and p.exit_code == 0 and p.result["model_dir"] == "/o/model"


def test_error_and_cancel_events():
    p = RunProgress()
    p.apply(parse_line('{"event": "error", "time": 1, "message": "disk full on /o", "kind": "disk"}'))
    p.apply(parse_line('{"event": "cancelled", "time": 2, "step": 40, "resumable": true}'))
    p.apply(parse_line('{"event": "done", "time": 3, "exit_code": 130}'))
    assert (p.error, p.error_kind, p.cancelled, p.resumable, p.step, p.exit_code) == (
        "disk full on /o", "disk", True, True, 40, 130)
    assert not p.succeeded


def test_a_resumed_run_replaces_repeated_points():
    p = RunProgress()
    for step in (1, 2, 3, 2, 3, 4):
        p.apply(parse_line(json.dumps({"event": "step", "time": 0, "step": step, "total_steps": 4,
                                       "loss": 1.0 / step})))
    assert [s for s, _ in p.losses] == [1, 2, 3, 4]


def test_percent_and_durations():
    assert percent(0.725) == pytest.approx(72.5) and percent(72.5) == 72.5 and percent(None) is None
    assert percent(True) is None
    assert [format_duration(s) for s in (None, -1, 9, 309, 3909)] == ["", "", "0:09", "5:09", "1:05:09"]


# -- the last-run state -----------------------------------------------------------------------
def test_state_round_trip_and_resumable(tmp_path):
    out = tmp_path / "run"
    out.mkdir()
    state = RunState(task="domain", out=str(out), files=("/d/a.txt",), gpus=(0, 1), preset="quick",
                     lr=1e-4, status="running", step=40)
    save_state(state)
    loaded = load_state()
    assert loaded == state and loaded.resumable
    assert not loaded.with_status("finished").resumable
    assert not RunState(task="sentiment", out=str(out), status="failed").resumable
    assert not RunState(task="domain", out=str(tmp_path / "gone"), status="failed").resumable
    state_path().write_text("{broken")
    assert load_state() is None
    clear_state()
    assert not os.path.exists(state_path())


def test_problems_name_the_file_once():
    from desktop.wizard.setup_pages import problem_text, without_path

    assert problem_text({"path": "/d/a.txt", "line": 3, "message": "empty line"}) == "/d/a.txt:3: empty line"
    assert problem_text({"path": "/d/b.bin", "line": None,
                         "message": "/d/b.bin: looks binary (NUL byte at 249)"}) == "/d/b.bin: looks binary (NUL byte at 249)"
    assert problem_text({"path": "", "line": None, "message": "no files"}) == "no files"
    assert without_path("/d/x: unreadable", "/d/x") == "unreadable"
    assert without_path("other", "/d/x") == "other"
