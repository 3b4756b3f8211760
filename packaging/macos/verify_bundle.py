"""Checks a built macOS app bundle before it ships, on the release runner:

    python packaging/macos/verify_bundle.py "dist/Contact Desk.app" --arch arm64

For every Mach-O file in the bundle (programs, libraries, Python extensions, Qt's frameworks and
plugins):

- every library it loads resolves inside the bundle (through @rpath, @loader_path and
  @executable_path) or to the system (/usr/lib, /System/Library);
- it needs no newer macOS than the bundle's Info.plist declares (LSMinimumSystemVersion);
- it holds the expected architecture (a universal file must include it);
- it is signed (a code signature is present: the release's signing, or at least the linker's).

Prints one line a problem and exits 1 when there is any; 0 and a summary otherwise. The Mach-O
reading is macholib's (a build dependency only, never in the app)."""

from __future__ import annotations

import argparse
import plistlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from macholib import mach_o
from macholib.MachO import MachO

SYSTEM = ("/usr/lib/", "/System/Library/")
ARCHES = {"arm64": 0x0100000C, "x86_64": 0x01000007}  # CPU_TYPE_ARM64, CPU_TYPE_X86_64
MAGICS = {b"\xfe\xed\xfa\xce", b"\xce\xfa\xed\xfe", b"\xfe\xed\xfa\xcf", b"\xcf\xfa\xed\xfe",
          b"\xca\xfe\xba\xbe", b"\xbe\xba\xfe\xca"}


@dataclass
class Report:
    checked: int = 0
    problems: list[str] = field(default_factory=list)


def version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".") if p.isdigit())


def _decoded(packed: int) -> tuple[int, int, int]:
    return packed >> 16, (packed >> 8) & 0xFF, packed & 0xFF


def binary_minimum(path: Path, arch: str) -> str:
    """The macOS version ``path``'s ``arch`` code needs ("13.0"): what the bundle must declare at
    least (the spec reads it from the Qt it bundles)."""
    for header in MachO(str(path)).headers:
        if header.header.cputype != ARCHES[arch]:
            continue
        for command, body, _data in header.commands:
            kind = mach_o.LC_NAMES.get(command.cmd, "")
            if kind in ("LC_BUILD_VERSION", "LC_VERSION_MIN_MACOSX"):
                major, minor, _patch = _decoded(body.minos if kind == "LC_BUILD_VERSION" else body.version)
                return f"{major}.{minor}"
    raise ValueError(f"{path} states no macOS version for {arch}")


def is_macho(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) in MAGICS
    except OSError:
        return False


def _resolve(name: str, binary: Path, executable: Path, rpaths: list[str]) -> list[Path]:
    """Where ``name`` may be found for ``binary`` (each @rpath tried in turn)."""
    def expand(text: str) -> str:
        text = text.replace("@loader_path", str(binary.parent))
        return text.replace("@executable_path", str(executable.parent))

    if name.startswith("@rpath/"):
        rest = name.removeprefix("@rpath/")
        return [Path(expand(r)) / rest for r in rpaths]
    return [Path(expand(name))]


def check_file(path: Path, bundle: Path, executable: Path, minimum: tuple[int, ...], arch: str,
               report: Report) -> None:
    where = path.relative_to(bundle)
    try:
        macho = MachO(str(path))
    except (ValueError, OSError) as exc:
        report.problems.append(f"{where}: not readable as Mach-O ({exc})")
        return
    report.checked += 1
    types = {h.header.cputype for h in macho.headers}
    if ARCHES[arch] not in types:
        has = ", ".join(mach_o.CPU_TYPE_NAMES.get(t, str(t)) for t in types)
        report.problems.append(f"{where}: no {arch} code (it has {has})")
    for header in macho.headers:
        if header.header.cputype != ARCHES[arch]:
            continue
        rpaths: list[str] = []
        loads: list[str] = []
        signed = False
        needs: tuple[int, int, int] | None = None
        for command, body, data in header.commands:
            kind = mach_o.LC_NAMES.get(command.cmd, "")
            text = data.rstrip(b"\0").decode("utf-8", "replace") if isinstance(data, bytes) else ""
            if kind == "LC_RPATH":
                rpaths.append(text)
            elif kind in ("LC_LOAD_DYLIB", "LC_LOAD_WEAK_DYLIB", "LC_REEXPORT_DYLIB", "LC_LOAD_UPWARD_DYLIB"):
                loads.append(text)
            elif kind == "LC_CODE_SIGNATURE":
                signed = True
            elif kind == "LC_BUILD_VERSION":
                needs = _decoded(body.minos)
            elif kind == "LC_VERSION_MIN_MACOSX":
                needs = _decoded(body.version)
        if not signed:
            report.problems.append(f"{where}: not signed")
        if needs is not None and needs[:len(minimum)] > minimum:
            report.problems.append(f"{where}: needs macOS {'.'.join(map(str, needs))}, the bundle declares "
                                   f"{'.'.join(map(str, minimum))}")
        for name in loads:
            if name.startswith(SYSTEM):
                continue
            places = _resolve(name, path, executable, rpaths)
            inside = [p for p in places if p.exists() and p.resolve().is_relative_to(bundle.resolve())]
            if not inside:
                report.problems.append(f"{where}: loads {name}, in neither the bundle nor the system")


def verify(bundle: Path, arch: str) -> Report:
    info = plistlib.loads((bundle / "Contents" / "Info.plist").read_bytes())
    minimum = version(str(info.get("LSMinimumSystemVersion", "0")))
    executable = bundle / "Contents" / "MacOS" / str(info.get("CFBundleExecutable", ""))
    report = Report()
    for path in sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()):
        if is_macho(path):
            check_file(path, bundle, executable, minimum, arch, report)
    if report.checked == 0:
        report.problems.append("no Mach-O file in the bundle")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bundle", type=Path)
    ap.add_argument("--arch", choices=sorted(ARCHES), default="arm64")
    args = ap.parse_args(argv)
    report = verify(args.bundle, args.arch)
    for problem in report.problems:
        print(problem)
    print(f"{report.checked} Mach-O files checked, {len(report.problems)} problems", file=sys.stderr)
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
