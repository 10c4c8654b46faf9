"""The pinyin-hanzi model's spec and vocabularies (no torch); `network` holds the torch module."""
