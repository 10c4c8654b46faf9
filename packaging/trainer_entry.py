"""Entry script of the frozen `yinzi-train` (PyInstaller runs this file as __main__)."""
import multiprocessing
import os
import sys

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")   # see rthooks/no_telemetry.py
# Some modules are shipped as .py files (see the spec); never write __pycache__ into the bundle.
sys.dont_write_bytecode = True

from trainer.cli import main  # noqa: E402 - after the settings above

if __name__ == "__main__":
    multiprocessing.freeze_support()   # DataLoader workers re-run the executable (spawn)
    sys.exit(main())
