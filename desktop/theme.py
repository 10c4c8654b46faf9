"""Light and dark appearance: follow the desktop's colour scheme, or the `theme` setting.

Qt 6.5+ reports the desktop's scheme (`QStyleHints.colorScheme()`) and signals changes; a
platform that does not know reports Unknown, read as light. Dark is drawn with the Fusion
style and a dark palette, which looks the same on every platform (the native styles of
Windows and some Linux desktops ignore a dark palette).
"""
from __future__ import annotations

from desktop.qt import QApplication, QColor, QGuiApplication, QObject, QPalette, Qt

DARK, LIGHT = "dark", "light"
OBJECT_NAME = "yinziTheme"


def for_app(app: QApplication) -> ThemeController:
    """The application's theme controller, created on first use."""
    found = app.findChild(QObject, OBJECT_NAME)
    return found if isinstance(found, ThemeController) else ThemeController(app)


def system_scheme() -> str:
    """The desktop's colour scheme: "dark" or "light" (light when the platform cannot tell)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)   # Qt 6.5+
    return DARK if scheme is not None and scheme() == Qt.ColorScheme.Dark else LIGHT


def effective_scheme(setting: str) -> str:
    """"system" follows the desktop; "light" and "dark" are what they say."""
    return setting if setting in (DARK, LIGHT) else system_scheme()


def dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2b2b", role.WindowText: "#e6e6e6", role.Base: "#1e1e1e",
        role.AlternateBase: "#262626", role.ToolTipBase: "#3a3a3a", role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#8a8a8a", role.Text: "#e6e6e6", role.Button: "#353535",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Link: "#6ea8fe",
        role.Highlight: "#3d6eb5", role.HighlightedText: "#ffffff",
        role.Light: "#4a4a4a", role.Midlight: "#3e3e3e", role.Mid: "#2f2f2f",
        role.Dark: "#1a1a1a", role.Shadow: "#000000",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7a7a"))
    return p


class ThemeController(QObject):
    """Applies the `theme` setting to the application and keeps following the desktop.
    One per application (`for_app`): it is the app's child."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(OBJECT_NAME)
        self.app = app
        self.setting = "system"
        # The app starts in the platform's own look, taken as light: asking for light then
        # changes nothing (no restyle of every widget at startup).
        self.applied = LIGHT
        self._native_style = app.style().name()
        self._native_palette = QPalette(app.palette())
        hints = QGuiApplication.styleHints()
        changed = getattr(hints, "colorSchemeChanged", None)   # Qt 6.5+
        if changed is not None:
            changed.connect(self._on_scheme_changed)

    def _on_scheme_changed(self, _scheme) -> None:
        self.apply(self.setting)

    def apply(self, setting: str) -> str:
        """Switch to the scheme `setting` asks for; returns "dark" or "light"."""
        self.setting = setting
        scheme = effective_scheme(setting)
        if scheme == self.applied:
            return scheme
        if scheme == DARK:
            self.app.setStyle("Fusion")
            self.app.setPalette(dark_palette())
        else:
            self.app.setStyle(self._native_style)
            self.app.setPalette(self._native_palette)
        self.applied = scheme
        return scheme
