"""Yinzi trainer: corpus pipeline, training loop with callbacks, export, evaluation, the wizard.

Imports torch; never imported by the typing app or the inference path.
"""
