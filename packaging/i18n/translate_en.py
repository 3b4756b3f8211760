"""Fills resources/translations/contact_desk_en.ts: English needs only its plural forms
("%Ln contact(s)" -> "1 contact" / "2 contacts"), from packaging/i18n/plurals.py.

    pyside6-lupdate -pluralonly $(find src -name '*.py') -ts resources/translations/contact_desk_en.ts
    python packaging/i18n/translate_en.py
    pyside6-lrelease resources/translations/contact_desk_en.ts -qm resources/translations/contact_desk_en.qm
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plurals import fill_plural

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "contact_desk_en.ts"


def main() -> int:
    tree = ET.parse(TS)
    missing = [m.findtext("source") or "" for m in tree.getroot().iter("message")
               if m.get("numerus") == "yes" and not fill_plural(m, 0)]
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"no plural forms: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
