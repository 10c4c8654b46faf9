"""Keep Yinzi off the network: settings that must be in place before ONNX Runtime is imported.

ONNX Runtime's official Linux and macOS wheels (1.29 and later; 1.31.1 is installed here) carry
1DS telemetry: on the first session they write ~/.cache/Microsoft/DeveloperTools/.onnxruntime/
(a device id and an event database) and some seconds later look up and upload to
mobile.events.data.microsoft.com. `onnxruntime.disable_telemetry_events()` does not stop that
(measured with strace); the environment variable ORT_DISABLE_TELEMETRY=1 does, but it is read
once, when the library initialises, so it must be set before `import onnxruntime`. On Windows
the telemetry is ETW, which the API call turns off, so `disable_after_import` does that too.
"""
from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

# name -> value; set unconditionally (a privacy promise is not a user default to inherit).
ENVIRONMENT = {
    "ORT_DISABLE_TELEMETRY": "1",
}


def apply() -> bool:
    """Set ENVIRONMENT; False (and a warning) when ONNX Runtime was already imported."""
    os.environ.update(ENVIRONMENT)
    if "onnxruntime" in sys.modules:
        log.warning("onnxruntime was imported before core.offline.apply(); its telemetry may "
                    "already be running in this process")
        return False
    return True


def disable_after_import(ort) -> None:
    """The API switch as well (Windows ETW telemetry); harmless where there is none."""
    try:
        ort.disable_telemetry_events()
    except Exception:  # older or stripped builds without the call
        pass
