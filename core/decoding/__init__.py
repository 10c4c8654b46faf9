"""Decoding: the word lattice over the syllable graph and the search that ranks paths."""
