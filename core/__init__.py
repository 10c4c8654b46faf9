"""Yinzi core: pinyin, lexicons, decoding, the engine facade, ONNX inference and analysis.

GUI-free; nothing on the inference path imports torch.
"""
__version__ = "0.1.0"
