"""The winget manifests of a release (manifest schema 1.6.0, the three files winget-pkgs takes):
the version, the installer (user scope, NSIS's silent switch, the installer's SHA-256, "Open with"
file types) and the en-US locale, written for the setup.exe the build made.

    python packaging/windows/winget.py dist/ContactDesk-1.3.0-setup.exe OUT_FOLDER

The version comes from the installer's name; the download URL follows the release's tag
(INSTALLER_URL below). The files are YAML: winget reads them; IT departments point Intune or a
private winget source at them."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

PACKAGE = "ContactDesk.ContactDesk"
MANIFEST_VERSION = "1.6.0"
INSTALLER_URL = "https://github.com/contact-desk/contact-desk/releases/download/v{version}/{name}"
SCHEMA = "https://aka.ms/winget-manifest.{kind}.1.6.0.schema.json"


def _yaml(kind: str, fields: dict[str, object]) -> str:
    """A manifest as winget-pkgs writes them: its schema's header, then one key a line (values in
    JSON's syntax, which YAML reads as it is: quoted strings, lists in brackets)."""
    lines = [f"# yaml-language-server: $schema={SCHEMA.format(kind=kind)}", ""]
    for key, value in fields.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            for item in value:
                first = True
                for k, v in item.items():
                    lines.append(f"{'- ' if first else '  '}{k}: {json.dumps(v)}")
                    first = False
        elif isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {json.dumps(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {json.dumps(value)}")
    return "\n".join(lines) + "\n"


def manifests(setup: Path) -> dict[str, str]:
    """File name -> content of the three manifests for ``setup``."""
    match = re.fullmatch(r"ContactDesk-(\d+(?:\.\d+)*)-setup\.exe", setup.name)
    if match is None:
        raise ValueError(f"{setup.name} is not named ContactDesk-<version>-setup.exe")
    version = match.group(1)
    sha256 = hashlib.sha256(setup.read_bytes()).hexdigest().upper()
    common = {"PackageIdentifier": PACKAGE, "PackageVersion": version}
    installer = _yaml("installer", {**common, "InstallerType": "nullsoft", "Scope": "user",
                                    "InstallModes": ["interactive", "silent", "silentWithProgress"],
                                    "InstallerSwitches": {"Silent": "/S", "SilentWithProgress": "/S"},
                                    "UpgradeBehavior": "install", "FileExtensions": ["vcf", "csv", "xlsx"],
                                    "Installers": [{"Architecture": "x64",
                                                    "InstallerUrl": INSTALLER_URL.format(version=version,
                                                                                         name=setup.name),
                                                    "InstallerSha256": sha256}],
                                    "ManifestType": "installer", "ManifestVersion": MANIFEST_VERSION})
    locale = _yaml("defaultLocale", {**common, "PackageLocale": "en-US", "Publisher": "Contact Desk",
                                     "PackageName": "Contact Desk", "License": "Proprietary",
                                     "ShortDescription": "Your organisation's contacts behind a REST API, on "
                                                         "your desktop: browse, search, edit, offline too.",
                                     "Tags": ["contacts", "crm", "address-book", "vcard"],
                                     "ManifestType": "defaultLocale", "ManifestVersion": MANIFEST_VERSION})
    version_file = _yaml("version", {**common, "DefaultLocale": "en-US", "ManifestType": "version",
                                     "ManifestVersion": MANIFEST_VERSION})
    return {f"{PACKAGE}.installer.yaml": installer, f"{PACKAGE}.locale.en-US.yaml": locale,
            f"{PACKAGE}.yaml": version_file}


def main(argv: list[str]) -> int:
    setup, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, text in manifests(setup).items():
        (out / name).write_text(text, encoding="utf-8")
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
