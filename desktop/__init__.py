"""The Yinzi typing app: all Qt code lives in this package (imports PySide6 via desktop.qt)."""
