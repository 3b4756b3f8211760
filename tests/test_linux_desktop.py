"""The Linux bundle's desktop integration (issue 36, point 3): a desktop entry and AppStream
metadata the standard validators accept, the icon in every hicolor size, install.sh putting them
in ~/.local/share (Exec pointing at the bundle, "Open with" for .vcf, .csv, .xlsx) and taking them
away, and the application naming its desktop entry (Wayland matches windows to it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
ID = "app.contactdesk.ContactDesk"
sys.path.insert(0, str(ROOT / "packaging"))


def _tool(name: str) -> str:
    found = shutil.which(name)
    require(found is not None, f"{name} is not installed (.ci/run installs it from Debian)")
    assert found is not None
    return found


def test_the_desktop_entry_and_the_metainfo_are_valid() -> None:
    entry = subprocess.run([_tool("desktop-file-validate"), str(LINUX / f"{ID}.desktop")],
                           capture_output=True, text=True)
    assert entry.returncode == 0 and entry.stdout.strip() == "", entry.stdout + entry.stderr
    meta = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(LINUX / f"{ID}.metainfo.xml")],
                          capture_output=True, text=True)
    assert meta.returncode == 0, meta.stdout + meta.stderr
    text = (LINUX / f"{ID}.desktop").read_text()
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    for mime in ("text/vcard", "text/csv", xlsx):
        assert mime in text


def test_install_sh_puts_the_entry_the_icons_and_the_associations_in_place_and_takes_them_away(
        tmp_path: Path, qapp: object) -> None:
    from linux_desktop import SIZES, lay_out  # packaging/linux_desktop.py

    bundle = tmp_path / "unpacked here" / "contact-desk"
    bundle.mkdir(parents=True)
    (bundle / "contact-desk").write_text("#!/bin/sh\n")
    (bundle / "contact-desk").chmod(0o755)
    lay_out(bundle)
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    done = subprocess.run(["sh", str(bundle / "install.sh")], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    entry = (data / "applications" / f"{ID}.desktop").read_text()
    assert f'Exec="{bundle}/contact-desk" %f' in entry and "MimeType=text/vcard;" in entry
    installed = subprocess.run([_tool("desktop-file-validate"), str(data / "applications" / f"{ID}.desktop")],
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout
    for size in SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{ID}.png").stat().st_size > 100
    assert (data / "metainfo" / f"{ID}.metainfo.xml").exists()
    gone = subprocess.run(["sh", str(bundle / "install.sh"), "--uninstall"], capture_output=True, text=True,
                          env=env)
    assert gone.returncode == 0, gone.stderr
    left = [p for p in data.rglob("*") if p.is_file() and ID in p.name]
    assert left == []


def test_the_application_names_its_desktop_entry(qapp: object) -> None:
    from contact_desk.app import DESKTOP_ID, make_application

    app = make_application([])
    assert DESKTOP_ID == ID and app.desktopFileName() == ID
