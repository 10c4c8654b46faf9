"""Start the typing app: the QApplication, translations, the main window, background loads.

`python -m desktop [FILE]` (and `make run`) comes here through `desktop.__main__`, which first
checks for a display so a headless machine gets advice instead of a Qt abort.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time

NO_DISPLAY_ADVICE = """\
Yinzi cannot open a window: no display was found (DISPLAY and WAYLAND_DISPLAY are unset).

  * On a desktop: run it from your graphical session.
  * Headless, with a virtual display:   xvfb-run -a .venv/bin/python -m desktop
  * Headless, no window at all:         QT_QPA_PLATFORM=offscreen .venv/bin/python -m desktop
  * Just convert pinyin, no GUI:        echo nihao | .venv/bin/yinzi convert --stdin
"""


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """The advice to print when Qt would abort for lack of a display, else None."""
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY_ADVICE


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m desktop", description="Yinzi (音字) typing app")
    parser.add_argument("file", nargs="?", help="a UTF-8 text file to open")
    parser.add_argument("--no-model", action="store_true",
                        help="do not load the neural model (n-gram decoder only)")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS",
                        help="close after this many seconds (smoke tests)")
    parser.add_argument("--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, *, on_ready=None) -> int:
    """Run the app; `on_ready(window)` (benchmarks) runs once the event loop has started."""
    started = time.perf_counter()
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from desktop import i18n
    from desktop.main_window import APP_DISPLAY_NAME, MainWindow, app_version
    from desktop.qt import QApplication, QTimer
    from desktop.settings import SettingsStore

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Yinzi")
    app.setApplicationDisplayName(APP_DISPLAY_NAME)   # window titles end with it, once
    app.setApplicationVersion(app_version())
    app.setOrganizationName("Yinzi")
    app.setDesktopFileName("yinzi")   # ties the windows to yinzi.desktop (its icon, its name)
    from core import paths
    from desktop.qt import QIcon

    icon = paths.resources_dir() / "icons" / "yinzi.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    store = SettingsStore()
    i18n.install(app, store.load().language)
    try:
        window = MainWindow(store=store)
    except Exception as exc:  # a missing lexicon is the typical case: say what to do
        print(f"Yinzi could not start: {exc}", file=sys.stderr)
        return 1
    window.show()
    logging.getLogger(__name__).info("window shown %.0f ms after start",
                                     (time.perf_counter() - started) * 1000)
    window.warm_up_engine()
    if not args.no_model:
        window.start_model_load()
    if args.file:
        window.open_path(args.file)
    else:
        QTimer.singleShot(0, window.offer_recovery)
    if on_ready is not None:
        QTimer.singleShot(0, lambda: on_ready(window))
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), window.close)
    return app.exec()

