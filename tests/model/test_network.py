"""The torch module: shapes, padding invariance, restricted loss, the scoring graph."""
from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from core.model.network import P2CModel, P2CScoringGraph  # noqa: E402
from core.model.spec import MASK, PAD, ModelSpec  # noqa: E402


@pytest.fixture
def model():
    torch.manual_seed(0)
    return P2CModel(ModelSpec(n_pinyin=30, n_hanzi=40, d_model=16, n_layers=2, n_heads=2, d_ff=32, dropout=0.0)).eval()


def test_encoder_shapes_and_padding_invariance(model):
    py = torch.tensor([[7, 8, 9, PAD, PAD]])
    hz = torch.tensor([[10, MASK, MASK, PAD, PAD]])
    states = model.encoder(py, hz)
    assert states.shape == (1, 5, 16)
    short = model.encoder(py[:, :3], hz[:, :3])
    assert torch.allclose(states[:, :3], short, atol=1e-5)


def test_restricted_loss_only_sees_candidates(model):
    py = torch.tensor([[7, 8]])
    hz = torch.tensor([[MASK, MASK]])
    tgt = torch.tensor([[11, 12]])
    mask = torch.zeros(30, 40, dtype=torch.bool)
    mask[7, 11] = True  # position 0: the target is the only candidate -> zero loss there
    mask[8, [12, 13]] = True
    loss, correct, n = model.restricted_loss(py, hz, tgt, mask)
    assert n == 2 and 0 < loss.item() < 2 * torch.log(torch.tensor(2.0)).item() + 1e-4
    only_first = model.restricted_loss(py, hz, torch.tensor([[11, PAD]]), mask)[0]
    assert only_first.item() == pytest.approx(0.0, abs=1e-6)


def test_scoring_graph_matches_candidate_logprobs(model):
    graph = P2CScoringGraph(model)
    py = torch.tensor([[7, 8, 9], [7, 8, PAD]])
    hz = torch.full((2, 3), MASK)
    cand = torch.tensor([[[11, 12, PAD]] * 3] * 2)
    tgt = torch.tensor([[12, 11, 30], [11, PAD, PAD]])
    with torch.no_grad():
        cand_lp, tgt_lp = graph(py, hz, cand, tgt)
    assert cand_lp.shape == (2, 3, 3) and tgt_lp.shape == (2, 3)
    total = cand_lp[..., :2].exp().sum(-1)
    assert torch.allclose(total[0, :2], torch.ones(2), atol=1e-5) and torch.allclose(total[1], torch.ones(3), atol=1e-5)
    assert total[0, 2] < 1  # the out-of-candidate target takes its share
    assert tgt_lp[0, 0] == pytest.approx(cand_lp[0, 0, 1].item(), abs=1e-5)
    assert tgt_lp[0, 2] < 0  # a target outside its candidates still gets a real probability
    assert tgt_lp[1, 1] == 0 and tgt_lp[1, 2] == 0
    # a PAD target does not take a share of its row's distribution
    assert cand_lp[1, 1, :2].exp().sum() == pytest.approx(1.0, abs=1e-5)
