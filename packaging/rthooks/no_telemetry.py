"""PyInstaller runtime hook of both bundles: runs before any import of the app.

onnxruntime writes a device id under ~/.cache/Microsoft/DeveloperTools and a session file in
TMPDIR the moment it is imported, unless ORT_DISABLE_TELEMETRY is set. The app writes only to
its own folders and opens no network connection, so it is set here, before anything loads.
"""
import os

os.environ["ORT_DISABLE_TELEMETRY"] = "1"  # unconditionally: a privacy promise, not a default
