"""The pretraining loop: batches with P2C masking, AdamW + warmup/cosine, events, checkpoints."""
