"""2-fold choice of the rescoring mode and weight, on hand-made N-best lists."""
from __future__ import annotations

import json

import numpy as np
import pytest

from trainer.cli import main
from trainer.evaluation.rescore_tuning import Scored, accuracy, two_fold


def _item(ref: str, wrong: str, lex_gap: float, agreement_says_ref: bool) -> Scored:
    """The lexicon prefers `wrong` by lex_gap; the agreement-mode model knows better or not."""
    texts = [wrong, ref]
    lex = np.array([0.0, -lex_gap])
    good = np.array([-3.0, 0.0]) if agreement_says_ref else np.array([0.0, -3.0])
    return Scored(ref, texts, lex, {"masked": np.array([0.0, -1.0]), "agreement": good})


def test_accuracy_counts_exact_and_characters():
    items = [_item("中国人", "种过人", 0.5, True)]
    assert accuracy(items, "masked", 0.0) == (100 * 1 / 3, 0.0)       # 人 right
    assert accuracy(items, "agreement", 1.0) == (100.0, 100.0)


def test_two_fold_picks_the_mode_that_helps_and_reports_the_other_half():
    items = [_item("中国人", "种过人", 0.5, True) for _ in range(8)]
    items += [_item("天气好", "天启好", 2.0, False) for _ in range(4)]   # model wrong, lexicon sure
    folds = two_fold(items, [0.05, 0.3, 1.0])
    assert [f.tuned_on for f in folds] == ["even", "odd"]
    for f in folds:
        assert f.mode == "agreement" and f.weight == 0.3                # fixes the first kind only
        assert f.held_out_model[1] > f.held_out_lexicon[1]


def test_missing_input_is_a_clear_error(tmp_path, capsys):
    assert main(["tune-rescore", "--input", str(tmp_path / "nope.txt"), "--model", str(tmp_path)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cross_validated_applies_each_fold_to_the_half_it_was_not_tuned_on():
    from trainer.evaluation.rescore_tuning import Fold, cross_validated

    items = [_item("中国人", "种过人", 0.5, True) for _ in range(4)]
    # the even fold's setting is applied to odd clauses, and vice versa: a fold that chose a
    # useless weight hurts exactly the half it was not tuned on
    folds = [Fold("even", "agreement", 1.0, (0, 0), (0, 0), (0, 0)),
             Fold("odd", "agreement", 0.0, (0, 0), (0, 0), (0, 0))]
    cv = cross_validated(items, folds)
    assert cv["lexicon"] == (100 * 1 / 3, 0.0)
    # odd clauses (fixed by weight 1.0) are right, even ones (weight 0) keep the lexicon's error
    assert cv["model"] == (100 * (3 + 3 + 1 + 1) / 12, 50.0)


def test_the_context_weight_is_tuned_on_one_half_and_reported_on_the_other():
    from trainer.evaluation.rescore_tuning import (
        ContextScored,
        context_accuracy,
        cross_validated_context,
        two_fold_context,
    )

    def item(ref: str, wrong: str, context_says: float) -> ContextScored:
        # The lexicon prefers `wrong` by 1 nat; without context the model has no preference,
        # with it the model favours the reference by `context_says` nats.
        return ContextScored(ref, [wrong, ref], np.array([0.0, -1.0]),
                             np.array([-context_says, 0.0]), np.zeros(2))

    items = [item("她说", "他说", 3.0) for _ in range(6)]
    assert context_accuracy(items, 0.15, 0.15) == (50.0, 0.0)     # 0.45 nats < 1
    assert context_accuracy(items, 0.15, 0.6) == (100.0, 100.0)   # 1.8 nats > 1
    folds = two_fold_context(items, "agreement", 0.15, [0.15, 0.6, 1.0])
    for f in folds:
        # The smallest weight that fixes them, nearest the base weight on a tie.
        assert f.mode == "agreement" and f.weight == 0.6
        assert f.held_out_lexicon == (50.0, 0.0) and f.held_out_model == (100.0, 100.0)
    cv = cross_validated_context(items, folds, 0.15)
    assert cv == {"one weight": (50.0, 0.0), "context weight": (100.0, 100.0)}


def test_tune_rescore_context_runs_end_to_end_on_a_real_model(tmp_path, capsys):
    pytest.importorskip("torch")
    from p2c_fixtures import build_tiny_model

    model = build_tiny_model(tmp_path, steps=2)
    before = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    dev = tmp_path / "dev.txt"
    # The first clause of each line has no text before it and is not tuned on.
    dev.write_text("今天天气很好，我们去公园散步。\n他说明天下雨，我们就不去了。\n", encoding="utf-8")
    rc = main(["tune-rescore", "--input", str(dev), "--model", str(model), "--context",
               "--weights", "0.15", "0.6", "--json", str(tmp_path / "t.json")])
    assert rc == 0
    out = capsys.readouterr().out
    assert "cross-validated, 2 clauses with text before them" in out
    report = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert report["context"] and report["clauses"] == 2
    assert {f["weight"] for f in report["folds"]} <= {0.15, 0.6}
    # Without --write the manifest is left as it is.
    assert json.loads((model / "manifest.json").read_text(encoding="utf-8")) == before
