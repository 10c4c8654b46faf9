"""ONNX Runtime inference: the session factory, the P2C path scorer and the model registry."""
