"""`yinzi-train adapt` end to end on a tiny corpus (tiny preset, CPU): the event stream, the
model folder and its use by `yinzi convert --model`, torchrun with two processes, cancel and
resume."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DOMAIN_WORDS, ROOT, child_env, read_events, run_cli, write_corpus

pytestmark = pytest.mark.slow

STAGES = ["read", "split", "lexicon", "neural", "export", "tune", "evaluate", "write"]


@pytest.fixture(scope="module")
def adapted(tmp_path_factory) -> tuple[Path, list[dict], subprocess.CompletedProcess]:
    root = tmp_path_factory.mktemp("adapt")
    corpus = write_corpus(root / "novel")
    general = root / "general.txt"
    general.write_text("我们今天去北京大学看看。\n这个问题已经解决了。\n", encoding="utf-8")
    out = root / "model"
    done = run_cli(["adapt", "--corpus", str(corpus), "--out", str(out), "--preset", "tiny",
                    "--gpus", "cpu", "--events", "-", "--general", str(general)])
    return out, read_events(done.stdout), done


def test_run_succeeds_with_the_event_contract(adapted) -> None:
    out, events, done = adapted
    assert done.returncode == 0, done.stderr[-3000:]
    assert all("event" in e and isinstance(e["time"], float) for e in events)
    kinds = [e["event"] for e in events]
    assert kinds[0] == "start" and kinds[-1] == "done" and events[-1]["exit_code"] == 0
    start = events[0]
    assert start["out"] == str(out) and start["preset"] == "tiny" and start["devices"] == ["cpu"] \
        and start["resumed"] is False
    seen = [e["stage"] for e in events if e["event"] == "stage"]
    assert [s for s in STAGES if s in seen] == STAGES
    assert all(isinstance(e["message"], str) for e in events if e["event"] == "stage")
    data = next(e for e in events if e["event"] == "data")
    assert data["documents"] == 24 and data["held_out_documents"] == 1 and data["han_chars"] > 0
    assert set(data["files"][0]) == {"path", "lines", "han_chars", "encoding", "traditional_converted", "error"}
    for e in events:
        if e["event"] == "progress":
            assert set(e) >= {"stage", "done", "total", "eta_s"}
        if e["event"] == "step":
            assert set(e) >= {"step", "total_steps", "loss", "tokens_per_s", "eta_s", "elapsed_s"}
            assert e["total_steps"] == 6
        if e["event"] == "eval":
            assert 0 <= e["held_out_char"] <= 100
        if e["event"] == "checkpoint":
            assert isinstance(e["step"], int) and e["path"]
    assert [e["step"] for e in events if e["event"] == "step"] == [1, 2, 3, 4, 5, 6]
    result = next(e for e in events if e["event"] == "result")
    assert result["model_dir"] == str(out) and 0 <= result["lambda"] < 1
    for part in ("held_out", "general"):
        for when in ("before", "after"):
            assert set(result[part][when]) >= {"char", "exact", "top5"}
    assert result["held_out"]["after"]["char"] > result["held_out"]["before"]["char"]
    assert set(result["examples"]) == {"fixed", "broken"}
    for ex in result["examples"]["fixed"]:
        assert set(ex) == {"pinyin", "reference", "before", "after"} and ex["after"] == ex["reference"]
    assert "Traceback" not in done.stderr


def test_model_folder_is_complete(adapted) -> None:
    out, _, _ = adapted
    for f in ("manifest.json", "model.onnx", "model.int8.onnx", "vocab.json", "MODEL_CARD.md",
              "learning_curve.png", "domain/manifest.json", "domain/words.strings"):
        assert (out / f).is_file(), f
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["kind"] == "p2c" and m["format"] == "yinzi-model/1"
    assert m["base"]["name"] == "p2c-default" and Path(m["base"]["path"]).is_dir()
    assert m["domain_layer"] == "domain" and 0 <= m["lambda"] < 1
    assert {"held_out", "general"} <= set(m["metrics"])
    assert m["data"]["train_han_chars"] > 0 and m["settings"]["preset"] == "tiny"
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "held-out slice, after" in card and "learning_curve.png" in card
    # a finished run keeps no copy of the text or checkpoints
    assert not (out / ".run" / "train.txt").exists() and not (out / ".run" / "train" / "last.pt").exists()


def test_the_retrained_model_is_kept_only_when_it_adds_to_the_layer(adapted) -> None:
    import json

    from core.filehash import sha256_file

    out, _, _ = adapted
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    check = manifest["neural"]["check"]
    assert {"base", "retrained", "kept"} <= set(check)
    kept = check["retrained"]["tune_char"] > check["base"]["tune_char"]
    if "general_char" in check["base"]:
        kept = kept and check["base"]["general_char"] - check["retrained"]["general_char"] <= 0.1
    assert check["kept"] is kept
    base = ROOT / "resources" / "models" / "p2c-default" / "model.onnx"
    # the folder carries the base model's weights exactly when the retrained ones were refused
    assert (sha256_file(out / "model.onnx") == sha256_file(base)) is (not kept)
    if not kept:
        assert check["reason"] and manifest["rescore_weight"] == json.loads(
            (base.parent / "manifest.json").read_text(encoding="utf-8"))["rescore_weight"]


def test_convert_uses_the_domain_layer(adapted) -> None:
    out, _, _ = adapted
    queries = "\n".join(DOMAIN_WORDS) + "\n"
    env = child_env()
    got = subprocess.run([sys.executable, "-m", "desktop.cli", "convert", "--model", str(out), "--stdin"],
                         cwd=ROOT, env=env, input=queries, capture_output=True, text=True, timeout=300)
    assert got.returncode == 0, got.stderr[-2000:]
    tops = [line.split("\t")[0] for line in got.stdout.splitlines()]
    assert tops == list(DOMAIN_WORDS.values())


def test_model_loader_attaches_the_layer(adapted, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.engine import ImeEngine
    from core.lexicon.domain import DomainLexicon
    from desktop import model_loader

    out, _, _ = adapted
    monkeypatch.setattr(model_loader, "find_model",
                        lambda name: model_loader.ModelChoice(name, out, "user"))
    scorer = model_loader.load_scorer("mine", prefer_cuda=False)
    assert isinstance(scorer.domain_lexicon, DomainLexicon)
    engine = ImeEngine()
    engine.set_scorer(scorer)
    engine.type("moyuanjian")
    assert engine.sentences(1)[0].text == "墨渊剑"
    engine.set_scorer(None)                       # back to the system lexicon
    assert not isinstance(engine.lexicon, DomainLexicon)


def test_resume_of_a_finished_run_reports_again(adapted) -> None:
    out, events, _ = adapted
    corpus = Path(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["settings"]["corpus"][0])
    general = corpus.parent / "general.txt"
    again = run_cli(["adapt", "--corpus", str(corpus), "--out", str(out), "--preset", "tiny", "--gpus", "cpu",
                     "--events", "-", "--general", str(general), "--resume"])
    assert again.returncode == 0, again.stderr[-2000:]
    ev = read_events(again.stdout)
    assert ev[0]["resumed"] is True
    assert [e for e in ev if e["event"] == "result"][0]["held_out"] == \
        [e for e in events if e["event"] == "result"][0]["held_out"]


def test_adapt_under_torchrun_with_two_processes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "novel")
    out = tmp_path / "model"
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
           "-m", "trainer.commands.adapt", "--corpus", str(corpus), "--out", str(out),
           "--preset", "tiny", "--gpus", "cpu", "--events", str(tmp_path / "events.jsonl"), "--workers", "1"]
    done = subprocess.run(cmd, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    events = read_events((tmp_path / "events.jsonl").read_text(encoding="utf-8"))
    assert [e["event"] for e in events].count("start") == 1            # rank 0 speaks alone
    assert events[0]["world"] == 2
    ranks = {json.loads(p.read_text())["rank"]: json.loads(p.read_text())
             for p in (out / ".run" / "train").glob("rank*.json")}
    assert set(ranks) == {0, 1}
    assert all(r["step"] == 6 and r["world"] == 2 and r["steps_here"] == 6 for r in ranks.values())
    paths = {e["path"] for e in events if e["event"] == "checkpoint"}
    assert len(paths) == 1                                             # one checkpoint file, rank 0's
    assert (out / "manifest.json").is_file()


def _start(corpus: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "trainer.cli", "adapt", "--corpus", str(corpus),
                             "--out", str(out), "--preset", "tiny", "--gpus", "cpu", "--events", "-",
                             "--quiet", *extra],
                            cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _until_checkpoint(proc: subprocess.Popen, after_step: int = 0) -> list[dict]:
    seen = []
    for line in proc.stdout:
        e = json.loads(line)
        seen.append(e)
        if e["event"] == "checkpoint" and e["step"] > after_step:
            return seen
    raise AssertionError(f"no checkpoint: {seen[-3:]}")


def test_cancel_crash_and_resume_reach_the_same_final_step(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "novel")
    out = tmp_path / "model"
    # 1. cancel (SIGTERM) after the first checkpoint: a cancelled event, exit 130
    proc = _start(corpus, out)
    first = _until_checkpoint(proc)
    proc.send_signal(signal.SIGTERM)
    rest = [json.loads(line) for line in proc.stdout]
    proc.wait(timeout=120)
    assert proc.returncode == 130, proc.stderr.read()[-2000:]
    cancelled = [e for e in rest if e["event"] == "cancelled"]
    assert cancelled and cancelled[0]["resumable"] is True and cancelled[0]["step"] >= first[-1]["step"]
    assert rest[-1]["event"] == "done" and rest[-1]["exit_code"] == 130
    # 2. resume, then crash (SIGKILL) after a later checkpoint
    proc = _start(corpus, out, "--resume")
    seen = _until_checkpoint(proc, after_step=cancelled[0]["step"])
    assert seen[0]["event"] == "start" and seen[0]["resumed"] is True
    crash_step = seen[-1]["step"]
    proc.kill()
    proc.wait(timeout=60)
    # 3. resume to the end: training continues after the crash checkpoint and stops at 6
    proc = _start(corpus, out, "--resume")
    final = [json.loads(line) for line in proc.stdout]
    proc.wait(timeout=600)
    assert proc.returncode == 0, proc.stderr.read()[-2000:]
    steps = [e["step"] for e in final if e["event"] == "step"]
    # it continues after the last checkpoint (the crash may have come a checkpoint later)
    assert all(s > crash_step for s in steps) and (not steps or steps[-1] == 6)
    assert final[0]["resumed"] is True
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["neural"]["steps"] == 6
