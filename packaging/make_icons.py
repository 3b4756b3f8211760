"""Renders the SVG app icon to PNG sizes with Qt and writes .ico and .icns with Pillow."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QSize
from PySide6.QtGui import QGuiApplication, QIcon

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "contact-desk.svg"


def main(out: Path) -> None:
    app = QGuiApplication(["icons"])
    icon = QIcon(str(SVG))
    images = []
    for size in (16, 32, 48, 64, 128, 256, 512, 1024):
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        icon.pixmap(QSize(size, size)).save(buffer, "PNG")
        images.append(Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA"))
    out.mkdir(parents=True, exist_ok=True)
    images[5].save(out / "contact-desk.ico", sizes=[(s, s) for s in (16, 32, 48, 64, 128, 256)])
    images[-1].save(out / "contact-desk.icns")
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]))
