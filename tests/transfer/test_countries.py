"""Country names come from the CLDR (through Babel): the shipped table is what Babel gives."""

from __future__ import annotations

import sys
from pathlib import Path

from contact_desk.resources import resource
from contact_desk.transfer.countries import names_from_cldr, read_table

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging" / "i18n"))


def test_the_shipped_country_table_is_babels() -> None:
    from countries import table  # packaging/i18n/countries.py

    shipped = resource("countries.tsv").read_text(encoding="utf-8")
    assert shipped == table(), "run packaging/i18n/countries.py"
    names = read_table(shipped)
    assert names == names_from_cldr() and len(names) > 20_000
    assert names["turchia"] == "TR" and names["royaume uni"] == "GB" and names["deutschland"] == "DE"
