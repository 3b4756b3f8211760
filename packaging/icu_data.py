"""Trims Qt's ICU data library (Linux bundles) to what Contact Desk can use.

PySide6's Linux wheel ships ICU's full data (libicudata.so.NN, 32 MB): collation, locale names,
units, currencies and time-zone names for some 700 locales, ~200 legacy character converters,
transliterators and CJK/Thai word dictionaries. Qt reaches ICU for collation, case mapping and
time-zone names; the app is in English and Italian, reads files with Python's codecs (never
QStringConverter's ICU codecs) and breaks lines with Qt's own tables. So the library is rebuilt
holding:

- everything that is not per-locale (Unicode properties, normalisation, case mapping, the
  collation base table, plural rules, time-zone rules, likely subtags, string pools);
- the root, English and Italian locale data in every tree (collation, names, units...);

and not: other locales' data, character converters (*.cnv), transliterators, dictionaries and the
spoof checker. A locale whose data is gone falls back to root in ICU (collation by the Unicode
default order, which suits most Latin-script languages).

The library keeps its symbol (icudtNN_dat) and soname, so libicuuc finds it as before. It is built
by the system C compiler from an assembly file that includes the new data package. The package
format (ICU "common data", CmnD) is the original header, a table of (name, data) offsets and the
items, each 16-byte aligned, in the original (sorted) order: ICU looks names up by binary search.

    python packaging/icu_data.py LIBICUDATA.so   # trims it in place, prints the sizes
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = frozenset({"en", "it"})
ALWAYS = frozenset({"root.res", "pool.res", "res_index.res"})
DROP_TREES = frozenset({"translit"})
DROP_SUFFIXES = (".cnv", ".dict", ".cfu")
# a locale's file: "de.res", "sr_Latn_BA.res", "es_419.res", and the aliases "de_.res", "de__PHONEBOOK.res"
LOCALE_FILE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]*)*\.res$")
ALIGN = 16
MAX_ITEMS = 100_000


class NotIcuData(ValueError):
    """The file is not an ICU data library this script understands."""


def keep(name: str) -> bool:
    """Whether an item ("icudt73l/coll/de.res") stays in the trimmed package."""
    parts = name.split("/")
    file = parts[-1]
    if len(parts) > 2 and parts[1] in DROP_TREES:
        return False
    if file.endswith(DROP_SUFFIXES):
        return False
    if file in ALWAYS:
        return True
    locale = LOCALE_FILE.match(file)
    return locale is None or locale.group(1) in KEEP_LANGUAGES


def data_symbol(library: bytes) -> tuple[str, int, int]:
    """(name, file offset, size) of the icudtNN_dat symbol in an ELF64 little-endian library."""
    try:
        return _data_symbol(library)
    except (struct.error, ValueError, IndexError, UnicodeDecodeError) as exc:
        raise NotIcuData(f"not a readable ELF library: {exc}") from exc


def _data_symbol(library: bytes) -> tuple[str, int, int]:
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise NotIcuData("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)]
    for section in sections:
        if section[1] != 11:  # SHT_DYNSYM
            continue
        strings = sections[section[6]]
        for at in range(section[4], section[4] + section[5], 24):
            st_name, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", library, at)
            start = strings[4] + st_name
            name = library[start:library.index(b"\0", start)].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", name):
                owner = sections[shndx]
                return name, owner[4] + value - owner[3], size
    raise NotIcuData("no icudtNN_dat symbol")


def items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The package's header and its (name, data) items, in order."""
    try:
        return _items(package)
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise NotIcuData(f"not a readable ICU data package: {exc}") from exc


def _items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    header_size, = struct.unpack_from("<H", package, 0)
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise NotIcuData("not an ICU common data package")
    count, = struct.unpack_from("<I", package, header_size)
    if not 0 < count <= MAX_ITEMS:
        raise NotIcuData(f"unlikely item count {count}")
    toc = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    found = []
    for i, (name_at, data_at) in enumerate(toc):
        start = header_size + name_at
        name = package[start:package.index(b"\0", start)].decode("ascii")
        end = toc[i + 1][1] if i + 1 < count else len(package) - header_size
        found.append((name, package[header_size + data_at:header_size + end]))
    return package[:header_size], found


def _pad(size: int) -> int:
    return -size % ALIGN


def pack(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """A common data package of these items (the inverse of items())."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    toc_size = 4 + 8 * len(kept)
    data_start = toc_size + len(names)
    data_start += _pad(len(header) + data_start)
    name_at, data_at = toc_size, data_start
    toc = bytearray(struct.pack("<I", len(kept)))
    body = bytearray()
    for name, data in kept:
        toc += struct.pack("<II", name_at, data_at + len(body))
        name_at += len(name) + 1
        body += data + b"\0" * _pad(len(data))
    gap = b"\0" * (data_start - toc_size - len(names))
    return header + bytes(toc) + names + gap + bytes(body)


def build_library(package: bytes, symbol: str, soname: str, out: Path) -> None:
    """A shared library exporting `symbol` = the package, read-only, 16-byte aligned."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "icudata.dat"
        data.write_bytes(package)
        source = Path(tmp) / "icudata.s"
        source.write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign {ALIGN}\n'
            f'{symbol}:\n\t.incbin "{data}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        built = Path(tmp) / soname
        subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(built), str(source)],
                       check=True)
        shutil.move(built, out)


def trim(path: Path) -> tuple[int, int]:
    """Rebuilds the ICU data library at `path` in place; (bytes before, bytes after)."""
    library = path.read_bytes()
    symbol, offset, size = data_symbol(library)
    header, found = items(library[offset:offset + size])
    kept = [item for item in found if keep(item[0])]
    package = pack(header, kept)
    if items(package)[1] != kept:
        raise NotIcuData("the trimmed package does not read back")
    build_library(package, symbol, path.name, path)
    return len(library), path.stat().st_size


def main(argv: list[str]) -> int:
    for arg in argv:
        before, after = trim(Path(arg))
        print(f"ICU data {arg}: {before / 2**20:.1f} MB -> {after / 2**20:.1f} MB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
