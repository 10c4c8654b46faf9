"""The typing facade: ImeEngine and the plain types it hands out."""
from core.engine.types import Candidate, CandidateSource, EngineConfig, FuzzyConfig

__all__ = ["Candidate", "CandidateSource", "EngineConfig", "FuzzyConfig", "ImeEngine"]


def __getattr__(name: str):
    # ImeEngine is imported on first use: the decoder imports core.engine.types, and an eager
    # import here would make `import core.decoding.decoder` circular.
    if name == "ImeEngine":
        from core.engine.engine import ImeEngine

        return ImeEngine
    raise AttributeError(name)
