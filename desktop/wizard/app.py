"""`yinzi wizard`: the fine-tune wizard as a program of its own (QApplication, translations).

Without the app running, "Use this model" saves the choice to the settings file; the app
picks it up the next time it starts.
"""
from __future__ import annotations

import argparse
import logging
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="yinzi wizard",
                                     description="Train Yinzi on your own text (a window).")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from desktop import i18n
    from desktop.qt import QApplication, QTimer
    from desktop.settings import SettingsStore
    from desktop.wizard.window import FineTuneWizard

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Yinzi")
    app.setApplicationDisplayName("音字 Yinzi")
    app.setOrganizationName("Yinzi")
    i18n.install(app, SettingsStore().load().language)
    wizard = FineTuneWizard()
    wizard.show()
    QTimer.singleShot(0, wizard.offer_resume)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
