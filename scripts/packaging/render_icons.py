"""Render resources/icons/yinzi.svg to the PNG, ICO and ICNS files the bundles use.

    python scripts/packaging/render_icons.py [--out resources/icons]

Qt's own SVG renderer (PySide6.QtSvg, already a dependency of the app) draws each size;
Pillow, when installed (it comes with matplotlib in the `train` extra), packs the sizes into
yinzi.ico and yinzi.icns. The renderings are committed, so a build needs neither.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render_png(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"render_icons: could not write {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ICONS / "yinzi.svg")
    parser.add_argument("--out", type=Path, default=ICONS)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts, image IO
    args.out.mkdir(parents=True, exist_ok=True)
    sizes_dir = args.out / "png"
    sizes_dir.mkdir(exist_ok=True)
    for size in PNG_SIZES:
        render_png(args.svg, size, sizes_dir / f"yinzi-{size}.png")
    render_png(args.svg, 256, args.out / "yinzi.png")    # the window and .desktop icon
    try:
        from PIL import Image
    except ImportError:
        print("render_icons: Pillow is not installed: PNGs written, ICO/ICNS left as they were",
              file=sys.stderr)
        return 0
    big = Image.open(sizes_dir / "yinzi-512.png")
    big.save(args.out / "yinzi.ico", sizes=[(s, s) for s in ICO_SIZES])
    big.save(args.out / "yinzi.icns", sizes=[(s, s) for s in ICNS_SIZES])
    print(f"render_icons: wrote {args.out}/yinzi.png, yinzi.ico, yinzi.icns and png/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
