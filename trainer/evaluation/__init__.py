"""Evaluation protocols (DESIGN.md): pinyin-to-hanzi conversion and sentiment."""
