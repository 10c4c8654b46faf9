"""Qt translations of the UI: `yinzi_<lang>.ts` sources compiled to `.qm` next to this file.

`make i18n` (or `python -m desktop.i18n`) re-extracts the strings with pyside6-lupdate and
compiles them with pyside6-lrelease. "system" follows the locale: Chinese locales get
Simplified Chinese, everything else English (the source language).
"""
from __future__ import annotations

import logging
from pathlib import Path

from desktop.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
LANGUAGES = ("zh_CN", "en")

# The installed translators, kept so a language switch can remove them again.
_installed: list[QTranslator] = []


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    """`system`, `zh_CN` or `en` -> the UI language actually used (`zh_CN` or `en`)."""
    if setting in LANGUAGES:
        return setting
    locale = locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def qt_translation_dirs() -> list[str]:
    """Where Qt's own .qm files may be: Qt's configured folder, then PySide6's package folder
    (a bundled app's Qt reports a build-machine path)."""
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    try:
        import PySide6

        folders.append(str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"))
    except (ImportError, TypeError):
        pass
    return [f for f in dict.fromkeys(folders) if f and Path(f).is_dir()]


def qm_path(language: str) -> Path:
    return HERE / f"yinzi_{language}.qm"


def install(app: QCoreApplication, setting: str) -> str:
    """Install Yinzi's and Qt's own translators for the language; returns the language used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(setting)
    ours = QTranslator(app)
    if ours.load(str(qm_path(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no UI translation for %s at %s", language, qm_path(language))
    # Qt's own strings (file dialogs, standard buttons such as Cancel/OK) in the same language.
    if language != "en":
        qt = QTranslator(app)
        if any(qt.load(f"qtbase_{language}", folder) for folder in qt_translation_dirs()):
            app.installTranslator(qt)
            _installed.append(qt)
        else:
            log.warning("no Qt translation qtbase_%s in %s", language, qt_translation_dirs())
    QLocale.setDefault(QLocale(language))
    return language


def switch_language(app: QCoreApplication | None, setting: str) -> str:
    """Switch at run time; open windows retranslate on their LanguageChange event."""
    if app is None:
        return resolve_language(setting)
    return install(app, setting)
