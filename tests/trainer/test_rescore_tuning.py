"""2-fold choice of the rescoring mode and weight, on hand-made N-best lists."""
from __future__ import annotations

import numpy as np

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
