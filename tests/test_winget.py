"""The winget manifests of a release (issue 36, point 2), checked against the rules of winget's
manifest schema 1.6.0 as its documentation states them (the published schema file itself is on
raw.githubusercontent.com, which this network does not reach: see the closing note)."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging" / "windows"))
IDENTIFIER = re.compile(r"^[^.\s\\/:*?\"<>|\x01-\x1f]{1,32}(\.[^.\s\\/:*?\"<>|\x01-\x1f]{1,32}){1,7}$")


def test_the_manifests_name_the_installer_with_its_hash_user_scope_and_silent_switch(tmp_path: Path) -> None:
    from winget import PACKAGE, main  # packaging/windows/winget.py

    setup = tmp_path / "ContactDesk-1.3.0-setup.exe"
    setup.write_bytes(b"MZ" + bytes(range(256)) * 40)
    assert main([str(setup), str(tmp_path / "out")]) == 0
    files = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (tmp_path / "out").iterdir()}
    assert set(files) == {f"{PACKAGE}.yaml", f"{PACKAGE}.installer.yaml", f"{PACKAGE}.locale.en-US.yaml"}
    for doc in files.values():
        assert IDENTIFIER.match(doc["PackageIdentifier"]) and doc["PackageVersion"] == "1.3.0"
        assert doc["ManifestVersion"] == "1.6.0"
    installer = files[f"{PACKAGE}.installer.yaml"]
    assert installer["ManifestType"] == "installer" and installer["InstallerType"] == "nullsoft"
    assert installer["Scope"] == "user" and installer["InstallerSwitches"]["Silent"] == "/S"
    [entry] = installer["Installers"]
    assert entry["Architecture"] == "x64" and entry["InstallerUrl"].startswith("https://")
    assert entry["InstallerUrl"].endswith("/v1.3.0/ContactDesk-1.3.0-setup.exe")
    assert entry["InstallerSha256"] == hashlib.sha256(setup.read_bytes()).hexdigest().upper()
    assert re.fullmatch(r"[A-F0-9]{64}", entry["InstallerSha256"])
    locale = files[f"{PACKAGE}.locale.en-US.yaml"]
    assert locale["ManifestType"] == "defaultLocale" and locale["PackageLocale"] == "en-US"
    assert 3 <= len(locale["ShortDescription"]) <= 256 and locale["Publisher"] and locale["License"]
    version = files[f"{PACKAGE}.yaml"]
    assert version["ManifestType"] == "version" and version["DefaultLocale"] == "en-US"
    for path in (tmp_path / "out").iterdir():  # winget-pkgs' header names the schema of each file
        assert path.read_text().startswith("# yaml-language-server: $schema=https://aka.ms/winget-manifest.")
