"""ONNX Runtime inference: the session factory, the P2C path scorer and the model registry."""
from core.inference.session import ModelLoadError

__all__ = ["ModelLoadError"]
