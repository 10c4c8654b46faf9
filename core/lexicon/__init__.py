"""Lexicons: the read-only compiled system lexicon and the writable SQLite user lexicon."""
