"""packaging/icu_data.py: Qt's ICU data trimmed to root, English and Italian still collates and
case-maps in a real Qt process, and holds no other locale, converter or dictionary."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
assert _spec is not None and _spec.loader is not None
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
PROBE = """
from PySide6.QtCore import QLocale
from contact_desk.ui.window.selftest import _collation
print(_collation(), QLocale(QLocale.Language.Turkish).toUpper("istanbul"))
"""

ON_LINUX = sys.platform.startswith("linux") and any(QT_LIB.glob("libicudata.so*"))
pytestmark = pytest.mark.skipif(not ON_LINUX, reason="PySide6 ships ICU's data library on Linux only")


def icu_library() -> Path:
    require(shutil.which("cc") is not None, "the trimmed library is built by the system C compiler (cc)")
    return next(p for p in QT_LIB.glob("libicudata.so.*") if not p.is_symlink())


def probe(folder: Path) -> str:
    """What a Qt process prints when it loads the ICU data library in `folder`."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(folder), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_the_trimmed_library_still_collates_italian_in_qt(tmp_path: Path) -> None:
    library = tmp_path / icu_library().name
    shutil.copy(icu_library(), library)
    before, after = icu_data.trim(library)
    assert after < before / 5  # 30.6 MB -> 4.2 MB for ICU 73
    assert probe(tmp_path) == "ok İSTANBUL"


def test_the_probe_tells_a_library_without_collation_data(tmp_path: Path) -> None:
    """The check above can fail: the same library without its collation tree falls back to code points."""
    library = tmp_path / icu_library().name
    blob = icu_library().read_bytes()
    symbol, offset, size = icu_data.data_symbol(blob)
    header, items = icu_data.items(blob[offset:offset + size])
    icu_data.build_library(icu_data.pack(header, [i for i in items if "/coll/" not in i[0]]), symbol,
                           library.name, library)
    assert probe(tmp_path).startswith("fallback: zucca èlite fiore elica Zeta")


def test_only_root_english_italian_and_shared_data_stay(tmp_path: Path) -> None:
    library = tmp_path / icu_library().name
    shutil.copy(icu_library(), library)
    icu_data.trim(library)
    blob = library.read_bytes()
    _, offset, size = icu_data.data_symbol(blob)
    names = {name.split("/", 1)[1] for name, _ in icu_data.items(blob[offset:offset + size])[1]}
    assert {"coll/ucadata.icu", "coll/root.res", "coll/it.res", "coll/en_US.res", "zone/it.res", "it_CH.res",
            "root.res", "pool.res", "res_index.res", "unames.icu", "ulayout.icu", "nfkc.nrm",
            "zoneinfo64.res", "plurals.res", "likelySubtags.res"} <= names
    dropped = {"coll/de.res", "coll/de_.res", "coll/zh.res", "de.res", "sr_Latn_BA.res", "es_419.res",
               "zone/fr.res", "translit/root.res", "brkitr/cjdict.dict", "gb18030.cnv", "confusables.cfu"}
    assert not dropped & names


def test_a_file_that_is_not_icu_data_is_refused(tmp_path: Path) -> None:
    with pytest.raises(icu_data.NotIcuData):
        icu_data.data_symbol(Path(sys.executable).resolve().read_bytes()[:4096])
    with pytest.raises(icu_data.NotIcuData):
        icu_data.items(b"\x00" * 64)
