"""The adaptation run: read -> split -> lexicon -> neural -> export -> tune -> evaluate -> write.

One run folder, OUT/.run, keeps every stage's output and a state file, so `--resume` skips
what is done and the neural stage continues from its checkpoint. The adapted model folder
(OUT) gets manifest.json, the domain layer (OUT/domain), the ONNX model and MODEL_CARD.md.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from trainer.adapt.corpus import (
    ENOUGH_HAN,
    collect_files,
    held_out_documents,
    read_lines,
)
from trainer.adapt.evaluate import LAMBDAS
from trainer.adapt.events import EventStream
from trainer.adapt.neural import NeuralConfig

RUN = ".run"
LAYER = "domain"
MODEL_FILES = ("model.onnx", "model.int8.onnx", "vocab.json")


class AdaptError(Exception):
    """A failure with a kind the wizard understands: input, disk, model or internal."""

    def __init__(self, message: str, kind: str = "input") -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Preset:
    name: str
    neural_cpu: NeuralConfig | None      # None: skipped on CPU
    neural_gpu: NeuralConfig | None
    eval_clauses: int                    # held-out clauses in the before/after report
    tune_clauses: int                    # held-out clauses the weight is chosen on
    general_clauses: int                 # clauses of --general
    lambdas: tuple[float, ...] = LAMBDAS
    min_count: int = 5                   # new-word discovery
    rescore_clauses: int = 600


PRESETS = {
    "tiny": Preset("tiny",
                   NeuralConfig(max_steps=6, max_minutes=None, batch_size=4, warmup=2, log_every=1,
                                eval_every=3, ckpt_every=2, dev_clauses=50),
                   NeuralConfig(max_steps=6, max_minutes=None, batch_size=4, warmup=2, log_every=1,
                                eval_every=3, ckpt_every=2, dev_clauses=50),
                   eval_clauses=200, tune_clauses=200, general_clauses=200, lambdas=(0.0, 0.1, 0.3),
                   min_count=2, rescore_clauses=0),
    # On 2 CPU cores the neural stage gains about 0.1 point for minutes of work: quick skips it
    # there and keeps the base model; on a GPU it runs for 5 minutes.
    "quick": Preset("quick", None,
                    NeuralConfig(max_steps=3000, max_minutes=5, batch_size=128, log_every=20,
                                 eval_every=250, ckpt_every=250),
                    eval_clauses=3000, tune_clauses=1200, general_clauses=3000),
    "standard": Preset("standard",
                       NeuralConfig(max_steps=3000, max_minutes=30, batch_size=32, log_every=20,
                                    eval_every=250, ckpt_every=100),
                       NeuralConfig(max_steps=20000, max_minutes=30, batch_size=256, log_every=50,
                                    eval_every=1000, ckpt_every=500),
                       eval_clauses=4000, tune_clauses=2000, general_clauses=3000),
    "thorough": Preset("thorough",
                       NeuralConfig(max_steps=20000, max_minutes=120, batch_size=32, log_every=20,
                                    eval_every=500, ckpt_every=200),
                       NeuralConfig(max_steps=80000, max_minutes=120, batch_size=256, log_every=50,
                                    eval_every=2000, ckpt_every=1000),
                       eval_clauses=6000, tune_clauses=3000, general_clauses=3000),
}


@dataclass
class Settings:
    corpus: list[str]
    out: str
    base: str
    preset: str
    devices: list[str]
    held_out: float
    general: str | None
    seed: int = 0
    workers: int = 2
    name: str | None = None

    def identity(self) -> dict[str, Any]:
        """What a resumed run must share with the run it continues."""
        return {"corpus": [str(Path(c).resolve()) for c in self.corpus],
                "base": str(Path(self.base).resolve()), "preset": self.preset,
                "held_out": self.held_out, "seed": self.seed}


@dataclass
class State:
    identity: dict[str, Any]
    done: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> State | None:
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
            return cls(d["identity"], d.get("done", []), d.get("data", {}))
        except (OSError, ValueError, KeyError):
            return None

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)


def read_base(base: Path) -> dict:
    """The base model's manifest; AdaptError(kind="model") when it is not a p2c model folder."""
    man = base / "manifest.json"
    if not base.is_dir() or not man.is_file():
        raise AdaptError(f"--base {base} is not a model folder (no manifest.json)", "model")
    try:
        manifest = json.loads(man.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AdaptError(f"--base {base}: manifest.json is unreadable ({exc})", "model") from None
    if not isinstance(manifest, dict) or manifest.get("format") != "yinzi-model/1" \
            or manifest.get("kind") != "p2c":
        raise AdaptError(f"--base {base} is not a pinyin-hanzi (p2c) model folder", "model")
    for f in MODEL_FILES:
        if not (base / f).is_file():
            raise AdaptError(f"--base {base} lacks {f}", "model")
    return manifest


def check_out(out: Path, settings: Settings, resume: bool) -> State | None:
    """Refuse an --out that holds something else; the state to resume, if any."""
    state_path = out / RUN / "state.json"
    if out.exists() and not out.is_dir():
        raise AdaptError(f"--out {out} is a file, not a folder", "input")
    if not out.exists() or not any(out.iterdir()):
        if resume:
            raise AdaptError(f"--resume: {out} holds no run to resume", "input")
        return None
    state = State.load(state_path)
    if state is None:
        what = "a model" if (out / "manifest.json").exists() else "other files"
        raise AdaptError(f"--out {out} already holds {what}; choose an empty or new folder", "input")
    if not resume:
        raise AdaptError(f"--out {out} already holds an adaptation run; add --resume to continue "
                         "it or choose another folder", "input")
    if state.identity != settings.identity():
        raise AdaptError(f"--resume: {out} holds a run with other settings (corpus, base, preset "
                         "or held-out share); choose another --out", "input")
    return state


def _disk_error(exc: OSError, where: Path) -> AdaptError:
    if exc.errno == errno.ENOSPC:
        return AdaptError(f"disk full while writing {where}; free some space and run again with "
                          "--resume", "disk")
    if exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return AdaptError(f"cannot write {where}: {exc.strerror}", "disk")
    return AdaptError(f"cannot write {where}: {exc}", "disk")


class Adaptation:
    """One run of `yinzi-train adapt`."""

    def __init__(self, settings: Settings, events: EventStream, *, resume: bool = False) -> None:
        self.s = settings
        self.ev = events
        self.resume = resume
        self.out = Path(settings.out)
        self.run_dir = self.out / RUN
        self.preset = PRESETS[settings.preset]
        self.rank = int(os.environ.get("RANK", "0"))
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.cuda = any(d.startswith("cuda") for d in settings.devices)
        self.t0 = time.time()

    # --- orchestration -------------------------------------------------------------------------

    def run(self) -> int:
        base = Path(self.s.base)
        self.base_manifest = read_base(base)
        if self.rank != 0:
            return self._follower()
        state = check_out(self.out, self.s, self.resume)
        resumed = state is not None
        try:
            self.run_dir.mkdir(parents=True, exist_ok=True)
            if state is None:
                state = State(self.s.identity())
                state.save(self.run_dir / "state.json")
        except OSError as exc:
            raise _disk_error(exc, self.out) from None
        self.state = state
        self.ev.emit("start", out=str(self.out), preset=self.s.preset, devices=self.s.devices,
                     resumed=resumed, world=self.world)
        try:
            self._stage("read", self._read)
            self._stage("lexicon", self._lexicon)
            self._stage("neural", self._neural)
            self._stage("tune", self._tune)
            self._stage("evaluate", self._evaluate)
            self._stage("write", self._write)
        except OSError as exc:
            raise _disk_error(exc, Path(getattr(exc, "filename", None) or self.out)) from None
        self._emit_result()
        self._clean()
        return 0

    def _clean(self) -> None:
        """A finished run keeps its state and learning curve, not the copies of the text,
        shards and checkpoints (they can be large)."""
        for name in ("train.txt", "held_out.txt", "held_out_dev.npz", "shards", "export", LAYER,
                     "shards.ready", "train/last.pt"):
            p = self.run_dir / name
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            elif p.exists():
                p.unlink()

    def _stage(self, name: str, fn) -> None:
        if name in self.state.done:
            self.ev.emit("stage", stage=name, message="done before (resumed)")
            return
        fn()
        self.state.done.append(name)
        self.state.save(self.run_dir / "state.json")

    # --- read and split ----------------------------------------------------------------------

    def _read(self) -> None:
        from trainer.adapt.corpus import split_corpus

        self.ev.emit("stage", stage="read", message=f"reading {len(self.s.corpus)} input(s)")
        files = collect_files(self.s.corpus)
        guard = None
        if self.s.general:
            from core.exclusion import ClauseGuard

            guard = ClauseGuard.from_files([self.s.general])
        self.ev.emit("stage", stage="split", message=f"splitting off {self.s.held_out:.0%} of the "
                     "documents as the held-out slice")
        t0 = time.time()

        def progress(done: int, total: int | None) -> None:
            eta = (time.time() - t0) / done * (total - done) if total and done else None
            self.ev.progress("split", done, total, eta)

        r = split_corpus(files, self.run_dir / "train.txt", self.run_dir / "held_out.txt",
                         held_out=self.s.held_out, seed=self.s.seed, guard=guard, progress=progress)
        keys = ("path", "lines", "han_chars", "encoding", "traditional_converted", "error")
        data = {"files": [f.public(keys) for f in r.files], "documents": r.documents,
                "held_out_documents": r.held_out_documents, "han_chars": r.han_chars}
        self.ev.emit("data", **data)
        if r.held_out_documents == 0:
            raise AdaptError("the text is one document: nothing can be held out to measure the "
                             "gain; give several files or separate documents by blank lines")
        if r.train_han == 0:
            raise AdaptError("no Chinese text is left for training after the held-out split")
        self.state.data = {**data, "train_han_chars": r.train_han, "held_out_han_chars": r.held_out_han,
                           "left_out_general_lines": r.left_out_lines,
                           "enough": r.train_han >= ENOUGH_HAN}
        if r.train_han < ENOUGH_HAN:
            self.ev.emit("stage", stage="split", message=f"only {r.train_han:,} Han characters to "
                         f"train on; {ENOUGH_HAN:,}+ make a useful layer")

    # --- domain layer ------------------------------------------------------------------------

    def _system(self):
        from core.lexicon.system import SystemLexicon

        return SystemLexicon.default()

    def _lexicon(self) -> None:
        from dataclasses import replace

        from trainer.adapt.lexicon import LayerConfig, build_layer
        from trainer.adapt.newwords import DiscoveryConfig

        self.ev.emit("stage", stage="lexicon", message="finding the text's words and counting them")
        layer = self.run_dir / LAYER
        if layer.exists():
            shutil.rmtree(layer)
        total = self.state.data.get("train_han_chars")
        t0 = time.time()

        def progress(what: str, done: int, tot: int | None) -> None:
            tot = tot or total
            eta = (time.time() - t0) / done * (tot - done) if tot and done else None
            self.ev.progress("lexicon", done, tot, eta)

        cfg = LayerConfig(discovery=replace(DiscoveryConfig(), min_count=self.preset.min_count),
                          workers=self.s.workers)
        man = build_layer(lambda: read_lines(self.run_dir / "train.txt"), layer, system=self._system(),
                          cfg=cfg, progress=progress)
        self.state.data["layer"] = {"words": man["counts"]["words"], "bigrams": man["counts"]["bigrams"],
                                    "new_words": man["new_words"],
                                    "new_word_examples": man["new_word_examples"][:20],
                                    "seconds": round(time.time() - t0, 1)}
        self.ev.emit("stage", stage="lexicon", message=f"{man['counts']['words']:,} words "
                     f"({man['new_words']:,} new), {man['counts']['bigrams']:,} word pairs")

    # --- neural ------------------------------------------------------------------------------

    def _neural_config(self) -> NeuralConfig | None:
        return self.preset.neural_gpu if self.cuda else self.preset.neural_cpu

    def _neural(self) -> None:
        from trainer.adapt import neural

        if self.world > 1 and self._neural_config() is None:
            raise AdaptError(f"the {self.s.preset} preset does not train on CPU; use standard or "
                             "thorough under torchrun", "input")
        cfg = self._neural_config()
        if cfg is None:
            self.ev.emit("stage", stage="neural", message=f"skipped: the {self.s.preset} preset "
                         "keeps the base model on CPU (it would gain ~0.1 point for minutes of work)")
            self.state.data["neural"] = {"skipped": True}
            return
        self.ev.emit("stage", stage="neural", message=f"continuing {self.base_manifest.get('name')} "
                     f"on the text for up to {cfg.max_steps:,} steps"
                     + (f" or {cfg.max_minutes:g} min" if cfg.max_minutes else ""))
        base = Path(self.s.base)
        neural.prepare_shards(self.run_dir / "train.txt", self.run_dir / "shards", base / "vocab.json",
                              workers=self.s.workers)
        neural.dev_arrays(self.run_dir / "held_out.txt", base / "vocab.json",
                          self.run_dir / "held_out_dev.npz", cfg.dev_clauses)
        (self.run_dir / "shards.ready").write_text("ok")
        result = self._train(cfg)
        self.state.data["neural"] = {"skipped": False, "steps": result["step"],
                                     "tokens_seen": result["tokens_seen"], "reason": result["reason"],
                                     "held_out_model_char": result.get("char_acc"),
                                     "world": self.world, "device": self.s.devices}
        self.ev.emit("stage", stage="export", message="exporting fp32 + int8 ONNX")
        with _quiet_export():
            neural.export_model(self.run_dir, self.s.name or self.out.name,
                                dev=self.run_dir / "held_out_dev.npz")

    def _train(self, cfg: NeuralConfig) -> dict:
        from trainer.adapt import neural

        device = "cuda" if self.cuda else "cpu"
        return neural.train(self.run_dir, Path(self.s.base), cfg, self.ev, device=device,
                            threads=None if self.cuda else self.s.workers)

    def _follower(self) -> int:
        """Ranks > 0 of a torchrun job: wait for rank 0's shards, train, and leave."""
        ready = self.run_dir / "shards.ready"
        while not ready.exists():
            if (self.run_dir / "failed").exists():
                return 1
            time.sleep(0.5)
        cfg = self._neural_config()
        if cfg is None:
            return 0
        self._train(cfg)
        return 0

    # --- tune --------------------------------------------------------------------------------

    def _domain(self, lam: float = 0.0):
        from core.lexicon.domain import DomainLexicon

        return DomainLexicon.open(self.run_dir / LAYER, system=self._system(), lam=lam)

    def _clauses(self) -> tuple[list[str], list[str]]:
        """(tuning clauses, report clauses) of the held-out slice, interleaved samples."""
        from trainer.adapt.evaluate import sample_clauses

        docs = held_out_documents(self.run_dir / "held_out.txt")
        want = self.preset.eval_clauses + self.preset.tune_clauses
        pool = sample_clauses(docs, want)
        if len(pool) < want:   # a small slice: tune and report on the same clauses
            return pool[: self.preset.tune_clauses], pool
        # disjoint, both spread over the whole slice
        step = want / self.preset.tune_clauses
        tune_idx = {int(k * step) for k in range(self.preset.tune_clauses)}
        tune = [c for i, c in enumerate(pool) if i in tune_idx]
        report = [c for i, c in enumerate(pool) if i not in tune_idx]
        return tune, report

    def _tune(self) -> None:
        from trainer.adapt.evaluate import choose_lambda

        tune, _ = self._clauses()
        self.ev.emit("stage", stage="tune", message=f"choosing the domain layer's weight on "
                     f"{len(tune):,} held-out clauses")
        dl = self._domain()
        t0 = time.time()

        def progress(done: int, total: int) -> None:
            self.ev.progress("tune", done, total, (time.time() - t0) / done * (total - done))

        choice = choose_lambda(tune, dl, grid=self.preset.lambdas, progress=progress)
        self.state.data["lambda"] = choice.lam
        self.state.data["lambda_tuning"] = {"folds": choice.folds,
                                            "grid": {str(k): v for k, v in choice.grid.items()}}
        self.ev.emit("stage", stage="tune", message=f"domain weight {choice.lam:g}; tuning the "
                     "model's rescoring weight with it")
        # The model's rescoring weight (the base model's when it was not retrained), on the same
        # clauses, with the chosen layer: a general model may deserve less say in a domain.
        self.state.data["rescore"] = self._tune_rescore(tune, choice.lam)
        self._check_neural(tune, choice.lam)

    # A retrained model is kept only when, beside the chosen layer, it reads the tuning clauses
    # better than the base model and costs general text at most this many char points (measured
    # on general clauses after the reported ones, so the report is not what decided).
    NEURAL_GENERAL_TOLERANCE = 0.1
    NEURAL_CHECK_GENERAL_CLAUSES = 1000

    def _check_neural(self, tune: list[str], lam: float) -> None:
        neural = self.state.data.get("neural", {})
        if neural.get("skipped", True) or "check" in neural:
            return
        from trainer.adapt.evaluate import converter, figures, make_engine
        from trainer.evaluation.ime import read_clauses

        general: list[str] = []
        if self.s.general:
            every = read_clauses(Path(self.s.general), None)
            start = self.preset.general_clauses
            general = every[start:start + self.NEURAL_CHECK_GENERAL_CLAUSES]
        self.ev.emit("stage", stage="tune", message="checking that the retrained model adds to the "
                     f"word layer ({len(tune):,} tuning clauses, {len(general):,} general clauses)")
        r = self.state.data["rescore"]
        engines = {
            "base": make_engine(self._domain(lam), self._scorer(Path(self.s.base), None, None)),
            "retrained": make_engine(self._domain(lam), self._scorer(self.run_dir / "export",
                                                                      r.get("weight"), r.get("mode"))),
        }
        check: dict[str, Any] = {}
        for name, engine in engines.items():
            check[name] = {"tune_char": figures(tune, converter(engine))[0].char}
            if general:
                check[name]["general_char"] = figures(general, converter(engine))[0].char
        gains = check["retrained"]["tune_char"] > check["base"]["tune_char"]
        costs = (general and check["base"]["general_char"] - check["retrained"]["general_char"]
                 > self.NEURAL_GENERAL_TOLERANCE)
        check["kept"] = bool(gains and not costs)
        if not check["kept"]:
            why = ("it did not read the tuning clauses better" if not gains else
                   "it cost general text more than "
                   f"{self.NEURAL_GENERAL_TOLERANCE:g} char points")
            check["reason"] = why
            self.ev.emit("stage", stage="tune", message=f"keeping the base model: the retrained one "
                         f"does not add to the word layer ({why})")
            self.state.data["rescore"] = {
                "weight": self.base_manifest.get("rescore_weight"),
                "mode": self.base_manifest.get("rescore_mode", "masked"), "tuned": False,
                "note": "the base model was kept: " + why}
        neural["check"] = check
        self.state.data["neural"] = neural

    def _model_dir(self) -> Path:
        """Where the adapted ONNX model is before it is written into OUT: the retrained export,
        unless there was none or the check after tuning found it does not help."""
        neural = self.state.data.get("neural", {})
        if neural.get("skipped", True) or not neural.get("check", {}).get("kept", True):
            return Path(self.s.base)
        return self.run_dir / "export"

    def _tune_rescore(self, clauses: list[str], lam: float) -> dict:
        model_dir = self._model_dir()
        base_weight = self.base_manifest.get("rescore_weight")
        base_mode = self.base_manifest.get("rescore_mode", "masked")
        if not self.preset.rescore_clauses:
            return {"weight": base_weight, "mode": base_mode, "tuned": False}
        from core.decoding.decoder import BOS_ID, LexiconDecoder
        from core.decoding.scorer import Path as ScoredPath
        from core.inference.p2c_scorer import load_p2c_scorer
        from trainer.evaluation.ime import query_of
        from trainer.evaluation.rescore_tuning import collect, two_fold

        scorer = load_p2c_scorer(model_dir, int8=True, prefer_cuda=False)
        decoder = LexiconDecoder(self._domain(lam))
        items = collect(clauses[: self.preset.rescore_clauses],
                        lambda ref: decoder.decode(query_of(ref), nbest=5, history=BOS_ID)[0],
                        lambda mode, sents: _score(scorer, mode, sents, ScoredPath))
        folds = two_fold(items, (0.03, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5))
        if folds[0].mode != folds[1].mode:
            return {"weight": base_weight, "mode": base_mode, "tuned": False,
                    "note": "folds disagreed on the mode"}
        return {"weight": round(sum(f.weight for f in folds) / 2, 4), "mode": folds[0].mode,
                "tuned": True, "folds": [asdict(f) for f in folds]}

    # --- evaluate ----------------------------------------------------------------------------

    def _scorer(self, model_dir: Path, weight: float | None, mode: str | None):
        from core.inference.p2c_scorer import ModelLoadError, load_p2c_scorer

        try:
            sc = load_p2c_scorer(model_dir, int8=True, prefer_cuda=False)
        except ModelLoadError as exc:
            raise AdaptError(str(exc), "model") from None
        if weight is not None:
            sc.rescore_weight = weight
        if mode:
            sc.rescore_mode = mode
        return sc

    def _evaluate(self) -> None:
        from trainer.adapt.evaluate import converter, examples, figures, make_engine
        from trainer.evaluation.ime import read_clauses

        _, report = self._clauses()
        general = read_clauses(Path(self.s.general), self.preset.general_clauses) if self.s.general else []
        self.ev.emit("stage", stage="evaluate", message=f"before/after on {len(report):,} held-out "
                     f"clauses" + (f" and {len(general):,} general clauses" if general else ""))
        base_sc = self._scorer(Path(self.s.base), None, None)
        r = self.state.data["rescore"]
        new_sc = self._scorer(self._model_dir(), r.get("weight"), r.get("mode"))
        before_engine = make_engine(self._system(), base_sc)
        after_engine = make_engine(self._domain(self.state.data["lambda"]), new_sc)
        total = 2 * (len(report) + len(general))
        done = 0
        t0 = time.time()

        def progress(k: int, n: int) -> None:
            d = done + k
            self.ev.progress("evaluate", d, total, (time.time() - t0) / d * (total - d))

        res: dict[str, Any] = {}
        for name, clauses in (("held_out", report), ("general", general)):
            if not clauses:
                continue
            fb, tops_b = figures(clauses, converter(before_engine), progress)
            done += len(clauses)
            fa, tops_a = figures(clauses, converter(after_engine), progress)
            done += len(clauses)
            res[name] = {"before": fb.as_dict(), "after": fa.as_dict()}
            if name == "held_out":
                res["examples"] = examples(clauses, tops_b, tops_a)
        self.state.data["metrics"] = res

    # --- write -------------------------------------------------------------------------------

    def _write(self) -> None:
        from trainer.adapt.card import write_card

        self.ev.emit("stage", stage="write", message=f"writing the model folder {self.out}")
        d = self.state.data
        src = self._model_dir()
        for f in MODEL_FILES:
            shutil.copyfile(src / f, self.out / f)
        layer_out = self.out / LAYER
        if layer_out.exists():
            shutil.rmtree(layer_out)
        shutil.copytree(self.run_dir / LAYER, layer_out)
        src_man = json.loads((src / "manifest.json").read_text(encoding="utf-8"))
        keep = ("spec", "files", "sha256", "vocab_sha256", "inputs", "outputs", "special_ids")
        metrics = d.get("metrics", {})
        manifest = {
            "format": "yinzi-model/1",
            "name": self.s.name or self.out.name,
            "kind": "p2c",
            "description": f"adapted from {self.base_manifest.get('name')} on "
                           f"{d['train_han_chars']:,} Han characters of the user's text",
            **{k: src_man[k] for k in keep if k in src_man},
            "base": {"name": self.base_manifest.get("name"), "path": str(Path(self.s.base).resolve())},
            "domain_layer": LAYER,
            "lambda": d["lambda"],
            "rescore_weight": d["rescore"].get("weight"),
            "rescore_mode": d["rescore"].get("mode", "masked"),
            # The weight of the context's part of the model score was tuned for the base model
            # on general text (`tune-rescore --context`); adaptation keeps it (None: the
            # engine weighs the context like the rest).
            "rescore_context_weight": self.base_manifest.get("rescore_context_weight"),
            "data": {k: d[k] for k in ("files", "documents", "held_out_documents", "han_chars",
                                        "train_han_chars", "held_out_han_chars",
                                        "left_out_general_lines") if k in d},
            "layer": d.get("layer"),
            "neural": d.get("neural"),
            "settings": {"preset": self.s.preset, "devices": self.s.devices,
                         "held_out": self.s.held_out, "general": self.s.general,
                         "seed": self.s.seed, "corpus": self.s.corpus},
            "tuning": {"lambda": d.get("lambda_tuning"), "rescore": d.get("rescore")},
            "metrics": {k: metrics[k] for k in ("held_out", "general") if k in metrics},
            "learning_curve": src_man.get("learning_curve", []) if src != Path(self.s.base) else [],
            "adapted": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "seconds": round(time.time() - self.t0, 1),
        }
        # the layer's own manifest carries the chosen weight too (a layer loads on its own)
        lman = json.loads((layer_out / "manifest.json").read_text(encoding="utf-8"))
        lman["lambda"] = d["lambda"]
        (layer_out / "manifest.json").write_text(json.dumps(lman, ensure_ascii=False, indent=1),
                                                 encoding="utf-8")
        write_card(self.out, manifest, self.run_dir / "train" / "metrics.jsonl")
        tmp = self.out / "manifest.json.tmp"
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.out / "manifest.json")

    def _emit_result(self) -> None:
        d = self.state.data
        metrics = d.get("metrics", {})
        self.ev.emit("result", model_dir=str(self.out),
                     held_out=metrics.get("held_out"), general=metrics.get("general"),
                     **{"lambda": d["lambda"]},
                     examples=metrics.get("examples", {"fixed": [], "broken": []}))


class _quiet_export:
    """The ONNX exporter and quantiser print advice and warnings meant for developers; the
    user's terminal and the wizard's log get our stage lines only."""

    def __enter__(self):
        import logging
        import warnings

        self._w = warnings.catch_warnings()
        self._w.__enter__()
        warnings.simplefilter("ignore")
        self._levels = {}
        for name in ("", "torch", "torch.onnx", "onnxruntime"):
            lg = logging.getLogger(name)
            self._levels[name] = lg.level
            lg.setLevel(logging.ERROR)
        return self

    def __exit__(self, *exc):
        import logging

        for name, level in self._levels.items():
            logging.getLogger(name).setLevel(level)
        self._w.__exit__(*exc)
        return False


def _score(scorer, mode: str, sents, path_cls) -> list[float]:
    scorer.rescore_mode = mode
    return scorer.score("", [path_cls(s.text, s.syllables) for s in sents])
