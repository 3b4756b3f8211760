"""vCard 3.0 export, for desktop Outlook (it reads 3.0 only): the version, a plain phone value,
a dashed birthday - and our own importer reads it back."""

from __future__ import annotations

from pathlib import Path

from contact_desk.api.models import ReplicerContact
from contact_desk.transfer.readers import read
from contact_desk.transfer.vcard import to_vcard
from contact_desk.transfer.writers import writer_for

CONTACT = ReplicerContact(id="r1", first_name="Mario", last_name="Rossi", email="mario.rossi@example.it",
                          phone_number="+393331234567", company="Caffè Nero; Srl", birthday="1990-03-15",
                          created_at="2026-01-01T00:00:00.000Z")


def test_a_3_0_card_has_what_outlook_reads() -> None:
    card = to_vcard(CONTACT, "3.0")
    assert "VERSION:3.0" in card and "VERSION:4.0" not in card
    assert "TEL;TYPE=WORK,VOICE:+393331234567" in card and "tel:" not in card
    assert "BDAY:1990-03-15" in card and "EMAIL;TYPE=INTERNET,WORK:mario.rossi@example.it" in card
    assert "ORG:Caffè Nero\\; Srl" in card
    assert "VERSION:4.0" in to_vcard(CONTACT) and "BDAY:19900315" in to_vcard(CONTACT)  # 4.0 as before


def test_an_exported_3_0_file_imports_again(tmp_path: Path) -> None:
    from contact_desk.api.schema import REPLICER

    path = tmp_path / "outlook.vcf"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = writer_for("vcf3", out, REPLICER)
        writer.write(CONTACT)
        writer.close()
    table = read(path)
    row = dict(zip(table.columns, table.rows[0], strict=False))
    assert any(v == "mario.rossi@example.it" for v in row.values())
    assert any("333" in v for v in row.values() if isinstance(v, str))
