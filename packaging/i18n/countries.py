"""Writes resources/countries.tsv: every territory's name in every CLDR language (from
Babel), folded, with its ISO code. Run after upgrading Babel:

    .venv/bin/python packaging/i18n/countries.py
"""

from __future__ import annotations

from pathlib import Path

from contact_desk.transfer.countries import names_from_cldr

OUT = Path(__file__).resolve().parents[2] / "resources" / "countries.tsv"


def table() -> str:
    return "".join(f"{name}\t{code}\n" for name, code in sorted(names_from_cldr().items()))


if __name__ == "__main__":
    OUT.write_text(table(), encoding="utf-8", newline="\n")
    print(f"{OUT}: {OUT.stat().st_size:,} bytes")
