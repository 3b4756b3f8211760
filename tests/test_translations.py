"""The .ts files are the translations' source of truth (issue 36, point 5): made from the code by
pyside6-lupdate, translated in them (by context: one English text may read two ways in Italian),
compiled by pyside6-lrelease. A test fails on an unfinished, obsolete or vanished message, on a
.ts that lupdate would change (a text added, changed or gone in the code), on a .qm that is not
lrelease's output of its .ts, and on a territory Qt names that lupdate cannot see."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
LANGUAGES = {"it": [], "en": ["-pluralonly"]}  # English: its plural forms only
LUPDATE = ["-locations", "none", "-no-obsolete"]  # no line numbers: a .ts changes only with its texts


def _tool(name: str) -> str:
    found = BIN / name if (BIN / name).exists() else shutil.which(name)
    assert found, f"{name} comes with PySide6"
    return str(found)


def _sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "src").rglob("*.py"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_finished_and_none_is_left_over(language: str) -> None:
    root = ET.parse(TRANSLATIONS / f"contact_desk_{language}.ts").getroot()
    odd = [(m.findtext("source"), (m.find("translation") or ET.Element("x")).get("type"))
           for m in root.iter("message")
           if (m.find("translation") is None or m.find("translation").get("type"))]  # type: ignore[union-attr]
    assert odd == []
    for message in root.iter("message"):
        if message.get("numerus") == "yes":
            forms = [f.text for f in message.iter("numerusform")]
            assert len(forms) == 2 and all(forms), message.findtext("source")


@pytest.mark.parametrize("language", LANGUAGES)
def test_lupdate_would_not_change_the_ts_and_lrelease_made_the_qm(language: str, tmp_path: Path) -> None:
    ts = TRANSLATIONS / f"contact_desk_{language}.ts"
    copy = tmp_path / ts.name
    shutil.copy2(ts, copy)
    run = subprocess.run([_tool("pyside6-lupdate"), *LUPDATE, *LANGUAGES[language], *_sources(),
                          "-ts", str(copy)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    assert copy.read_bytes() == ts.read_bytes(), (
        f"the code's texts changed: run pyside6-lupdate on {ts.name}, translate, then pyside6-lrelease")
    qm = tmp_path / ts.with_suffix(".qm").name
    made = subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], capture_output=True,
                          text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run pyside6-lrelease on {ts.name}"


def test_every_territory_qt_names_is_there_for_lupdate() -> None:
    sys.path.insert(0, str(ROOT / "packaging" / "i18n"))
    from country_names import MODULE, module_text  # packaging/i18n/country_names.py

    assert MODULE.read_text(encoding="utf-8") == module_text(), "run packaging/i18n/country_names.py"
