"""packaging/macos/verify_bundle.py (issue 36, point 4), run here on real macOS binaries: small
macOS wheels from PyPI (downloaded by the test) laid out as an app bundle. A sound bundle passes;
each way a bundle breaks is found: a library missing from it, a binary needing a newer macOS than
declared, the wrong architecture, an unsigned binary."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging" / "macos"))
WHEELS = (("msgspec==0.19.0", "macosx_11_0_arm64"), ("msgspec==0.19.0", "macosx_10_13_x86_64"),
          ("pillow==11.1.0", "macosx_11_0_arm64"))


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    pytest.importorskip("macholib", reason="macholib is a test and build dependency")
    folder = tmp_path_factory.mktemp("macwheels")
    got: dict[str, Path] = {}
    for spec, platform in WHEELS:
        r = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                            "--platform", platform, "--python-version", "3.12", spec, "-d", str(folder)],
                           capture_output=True, text=True, timeout=300)
        require(r.returncode == 0, f"PyPI cannot be reached for {spec} ({r.stderr.strip()[-200:]})")
    for wheel in folder.glob("*.whl"):
        target = folder / wheel.stem
        with zipfile.ZipFile(wheel) as z:
            z.extractall(target)
        got[wheel.stem] = target
    yield got


def _app(tmp: Path, parts: list[Path], minimum: str) -> Path:
    """An app bundle holding ``parts`` (unpacked wheels) under Contents/Resources, declaring
    ``minimum``; its 'executable' is one of the extensions (the checker reads, never runs)."""
    app = tmp / "Contact Desk.app"
    shutil.rmtree(app, ignore_errors=True)
    (app / "Contents" / "MacOS").mkdir(parents=True)
    for part in parts:
        shutil.copytree(part, app / "Contents" / "Resources" / part.name)
    first = next((app / "Contents" / "Resources").rglob("*.so"))
    shutil.copy2(first, app / "Contents" / "MacOS" / "contact-desk")
    (app / "Contents" / "Info.plist").write_bytes(plistlib.dumps(
        {"CFBundleExecutable": "contact-desk", "LSMinimumSystemVersion": minimum}))
    return app


def _stem(wheels: dict[str, Path], start: str, platform: str) -> Path:
    return next(p for name, p in wheels.items() if name.startswith(start) and platform in name)


def test_a_sound_arm64_bundle_passes_and_each_break_is_found(wheels: dict[str, Path], tmp_path: Path) -> None:
    from verify_bundle import binary_minimum, verify  # packaging/macos/verify_bundle.py

    arm = [_stem(wheels, "msgspec", "arm64"), _stem(wheels, "pillow", "arm64")]
    assert binary_minimum(next(arm[0].rglob("*.so")), "arm64") == "11.0"  # what the spec reads of Qt
    app = _app(tmp_path, arm, "13.0")
    report = verify(app, "arm64")
    assert report.problems == [] and report.checked >= 10, report.problems  # Pillow's .dylibs resolve

    old = verify(_app(tmp_path, arm, "10.15"), "arm64")
    assert old.problems and all("declares 10.15" in p for p in old.problems), old.problems

    intel = verify(_app(tmp_path, arm, "13.0"), "x86_64")
    assert intel.problems and all("no x86_64 code" in p for p in intel.problems)

    app = _app(tmp_path, arm, "13.0")
    gone = next(app.rglob("libjpeg*.dylib"))
    gone.unlink()
    missing = verify(app, "arm64")
    assert missing.problems and all(gone.name in p and "in neither the bundle nor the system" in p
                                    for p in missing.problems), missing.problems


def test_an_unsigned_intel_binary_is_found(wheels: dict[str, Path], tmp_path: Path) -> None:
    from verify_bundle import main, verify

    report = verify(_app(tmp_path, [_stem(wheels, "msgspec", "x86_64")], "13.0"), "x86_64")
    # Intel builds carry no linker signature, and this wheel's maker did not sign it
    assert report.problems and all(p.endswith("not signed") for p in report.problems), report.problems
    assert main([str(tmp_path / "Contact Desk.app"), "--arch", "x86_64"]) == 1
