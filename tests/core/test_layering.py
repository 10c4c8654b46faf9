"""The typing path stays light: the engine imports neither torch nor PySide6."""
from __future__ import annotations

import subprocess
import sys


def test_engine_imports_neither_torch_nor_qt() -> None:
    code = (
        "import sys\n"
        "from core.engine import ImeEngine\n"
        "import core.inference.p2c_scorer, core.inference.session\n"
        "e = ImeEngine(); e.type('nihao'); e.all_candidates()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'PySide6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "", f"the engine pulled in: {out}"
