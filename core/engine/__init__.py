"""The typing facade: ImeEngine and the plain types it hands out."""
from core.engine.engine import ImeEngine
from core.engine.types import Candidate, CandidateSource, EngineConfig, FuzzyConfig

__all__ = ["Candidate", "CandidateSource", "EngineConfig", "FuzzyConfig", "ImeEngine"]
