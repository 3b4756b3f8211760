"""Builds the bundle for this OS into dist/contact-desk/ from a clean virtual environment.

    python packaging/build.py            # onedir bundle, then prints its size

The venv (build/venv) gets only the app and PyInstaller: no test tools, no
other Qt bindings, so nothing stray ends up in the bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
VENV = BUILD / "venv"
DIST = ROOT / "dist"
PYINSTALLER = "pyinstaller>=6.10,<7"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT)


def make_icons(python: Path) -> None:
    """The .ico (Windows) and .icns (macOS) app icons, rendered from resources/icons/contact-desk.svg."""
    if sys.platform.startswith("linux"):
        return
    run(python, "-m", "pip", "install", "-q", "pillow>=10,<12")
    run(python, ROOT / "packaging" / "make_icons.py", BUILD / "icons")


def size_mb(folder: Path) -> float:
    """Bytes on disk, each file once (shared libraries come with symlinks to them)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def main() -> int:
    if not venv_python().exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    python = venv_python()
    run(python, "-m", "pip", "install", "-q", "--upgrade", "pip")
    run(python, "-m", "pip", "install", "-q", ROOT, PYINSTALLER)
    if sys.platform == "darwin":  # the spec reads Qt's macOS minimum with it; never in the app
        run(python, "-m", "pip", "install", "-q", "macholib>=1.16,<2")
    make_icons(python)
    shutil.rmtree(DIST / "contact-desk", ignore_errors=True)
    run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", DIST, "--workpath",
        BUILD / "pyinstaller", ROOT / "packaging" / "contact_desk.spec")
    bundle = DIST / "contact-desk"
    if sys.platform.startswith("linux"):
        for library in bundle.rglob("libicudata.so.*"):
            if not library.is_symlink():
                run(python, ROOT / "packaging" / "icu_data.py", library)
        run(python, ROOT / "packaging" / "linux_desktop.py", bundle)  # desktop entry, icons, install.sh
    print(f"bundle: {bundle} {size_mb(bundle):.1f} MB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
