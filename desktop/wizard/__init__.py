"""The fine-tune wizard: its own window that drives `yinzi-train` as a child process.

Plain-Python parts (no Qt): `commands` (finding the trainer, building its argv), `events`
(the JSON event stream), `run_state` (the last run, for resuming), `model_store` (installing,
activating, renaming and deleting models). The Qt parts: `process`, `pages`, `window`.
Nothing here imports torch or `trainer`.
"""
