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
    # Qt's own strings (standard buttons such as Cancel/OK) in the same language.
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    return language


def switch_language(app: QCoreApplication | None, setting: str) -> str:
    """Switch at run time; open windows retranslate on their LanguageChange event."""
    if app is None:
        return resolve_language(setting)
    return install(app, setting)
