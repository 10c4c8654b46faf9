"""Which neural models exist and how to load one, kept apart from the widgets.

Models come from `core.inference.registry` (shipped ones and user-trained ones in the user
data folder). Loading runs in the background; the n-gram decoder serves until it is done.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelChoice:
    name: str            # folder name, what the settings store
    path: Path
    origin: str          # "shipped" or "user"
    description: str = ""


def available_models() -> list[ModelChoice]:
    """Every pinyin-to-hanzi model of the registry (shipped first, then user-trained)."""
    from core.inference.registry import list_models

    try:
        entries = list_models(kind="p2c")
    except OSError as exc:  # an unreadable models folder must not break the settings dialog
        log.warning("listing models failed: %s", exc)
        return []
    return [ModelChoice(m.name, m.path, m.source, str(m.manifest.get("description", "")))
            for m in entries]


def find_model(name: str) -> ModelChoice | None:
    for choice in available_models():
        if choice.name == name:
            return choice
    return None


class ModelNotFound(LookupError):
    pass


def load_scorer(name: str, *, prefer_cuda: bool = True):
    """Load the named model as a PathScorer (slow: call it in the background)."""
    choice = find_model(name)
    if choice is None:
        known = ", ".join(c.name for c in available_models()) or "none"
        raise ModelNotFound(f"model {name!r} not found (available: {known})")
    from core.inference.p2c_scorer import load_p2c_scorer
    from core.lexicon.domain import load_model_domain

    scorer = load_p2c_scorer(choice.path, int8=True, prefer_cuda=prefer_cuda)
    # An adapted model folder carries a domain lexicon layer; the engine switches to it with
    # the scorer (ImeEngine.set_scorer). Loaded here, in the background, with the model.
    domain = load_model_domain(choice.path)
    if domain is not None:
        domain.warm_up()
        scorer.domain_lexicon = domain
    return scorer
