"""The Linux bundle's desktop integration, laid out in it: share/applications (the desktop entry),
share/metainfo (AppStream), share/icons/hicolor (the icon rendered from its SVG in every size a
desktop asks for) and install.sh, which puts them in the user's ~/.local/share (and takes them
away with --uninstall).

    python packaging/linux_desktop.py dist/contact-desk
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ID = "app.contactdesk.ContactDesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = HERE.parent / "resources" / "icons" / "contact-desk.svg"


def lay_out(bundle: Path) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication.instance() or QGuiApplication(["linux-desktop"])
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / "linux" / f"{ID}.desktop", share / "applications" / f"{ID}.desktop")
    shutil.copy2(HERE / "linux" / f"{ID}.metainfo.xml", share / "metainfo" / f"{ID}.metainfo.xml")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(SVG, scalable / f"{ID}.svg")
    icon = QIcon(str(SVG))
    for size in SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not icon.pixmap(QSize(size, size)).save(str(folder / f"{ID}.png"), "PNG"):
            raise SystemExit(f"the {size} px icon could not be written")
    shutil.copy2(HERE / "linux" / "install.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)
    del app


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    lay_out(Path(sys.argv[1]))
