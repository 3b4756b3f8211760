"""Possible duplicates (mirror/query/duplicates.py): known groups found in generated copies, nothing
among distinct contacts, the SQL's plain-name key the same as Python's, and groups across copies."""

from __future__ import annotations

import asyncio
from pathlib import Path

from contact_desk.api.models import Contact, ReplicerContact, SmartCQContact
from contact_desk.api.schema import SCHEMAS
from contact_desk.mirror.query import duplicates as d
from tests.mirror.test_conditions import build


def _copy(folder: Path, dialect: str, items: list[Contact]) -> Path:
    async def main() -> Path:
        copy = await build(folder, dialect, items)
        await copy.close()
        return copy.path
    return asyncio.run(main())


def _r(i: int, **kw: object) -> ReplicerContact:
    return ReplicerContact(id=f"r{i:03d}", created_at=f"2026-01-01T00:{i % 60:02d}:00.000Z", **kw)  # type: ignore[arg-type]


def test_known_groups_are_found_and_distinct_contacts_are_not(tmp_path: Path) -> None:
    items: list[Contact] = [
        _r(1, email="Mario.Rossi@Example.com", first_name="Mario", last_name="Rossi", company="Rossi S.r.l."),
        _r(2, email="mario.rossi@example.COM", first_name="Luigi", last_name="Verdi"),
        _r(3, first_name="ROSSI", last_name="Mário", company="rossi srl", phone_number="+393331234567"),
        _r(4, first_name="Anna", last_name="Bianchi", company="Acme GmbH", phone_number="+393331234567"),
        _r(5, first_name="Anna", last_name="Bianchi", company="ACME", email="ZOË@example.de"),
        _r(6, first_name="Zoe", last_name="Muller", email="zoë@EXAMPLE.de"),
        _r(7, first_name="Anna", last_name="Bianchi", company="Acme Italia"),  # another company
        _r(8, first_name="Carla", last_name="Neri", phone_number="+3933312345"),  # another number
        _r(9, first_name="", last_name="", company="Rossi S.r.l."),  # no name: no name key
        _r(10, first_name="", last_name="", company="Rossi S.r.l."),
    ]
    groups = d.scan([d.Source(_copy(tmp_path, "replicer", items), SCHEMAS["replicer"])])
    found = {(g.reason, tuple(sorted(m.id for m in g.members))) for g in groups}
    assert found == {(d.EMAIL, ("r001", "r002")), (d.EMAIL, ("r005", "r006")), (d.PHONE, ("r003", "r004")),
                     (d.NAME, ("r001", "r003")), (d.NAME, ("r004", "r005"))}
    distinct = [_r(i, first_name=f"N{i}", last_name="X", email=f"{i}@x.it",
                   phone_number=f"+3933300000{i:02d}") for i in range(30)]
    assert d.scan([d.Source(_copy(tmp_path / "b", "replicer", distinct), SCHEMAS["replicer"])]) == []


def test_groups_across_copies_have_members_in_two(tmp_path: Path) -> None:
    def s(i: int, email: str, first: str, last: str) -> SmartCQContact:
        return SmartCQContact(id=f"s{i}", email=email, first_name=first, last_name=last,
                              created_at=f"2026-01-01T00:00:0{i}.000Z")
    one = _copy(tmp_path / "1", "smartcq", [s(1, "a@b.it", "Ada", "Neri"), s(2, "c@d.it", "X", "Y"),
                                            s(3, "e@f.it", "X", "Y")])
    two = _copy(tmp_path / "2", "replicer", [_r(1, email="A@B.IT"),
                                             _r(2, first_name="Neri", last_name="Ada")])
    groups = d.scan([d.Source(one, SCHEMAS["smartcq"]), d.Source(two, SCHEMAS["replicer"])])
    found = {(g.reason, tuple(sorted((m.source, m.id) for m in g.members))) for g in groups}
    assert found == {(d.EMAIL, ((0, "s1"), (1, "r001"))), (d.NAME, ((0, "s1"), (1, "r002")))}  # X Y: one copy
