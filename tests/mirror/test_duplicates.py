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
        # Namesakes: the same name alone is no evidence (issue 34, point 1: most groups were these)
        _r(11, first_name="Giulia", last_name="Conti", email="g1@x.it", birthday="1980-05-01", city="Milano",
           street="Via Roma 1"),
        _r(12, first_name="Giulia", last_name="Conti", email="g2@y.it", birthday="1975-02-03", city="Bari",
           street="Via Roma 1"),
        _r(13, first_name="giulia", last_name="CONTI", email="g3@z.it", birthday="1980-05-01"),
        _r(14, first_name="Luca", last_name="Ferri", city="MILANO", street="via Roma, 1"),
        _r(15, first_name="Luca", last_name="Ferri", city="Milano", street="Via Roma 1"),
        _r(16, first_name="Luca", last_name="Ferri", city="Milano", street="Corso Como 5"),
        _r(17, first_name="Sara", last_name="Galli", email="s1@x.it"),
        _r(18, first_name="Sara", last_name="Galli", email="s2@x.it"),
    ]
    groups = d.scan([d.Source(_copy(tmp_path, "replicer", items), SCHEMAS["replicer"])])
    found = {(g.reason, tuple(sorted(m.id for m in g.members))) for g in groups}
    assert found == {(d.EMAIL, ("r001", "r002")), (d.EMAIL, ("r005", "r006")), (d.PHONE, ("r003", "r004")),
                     (d.NAME, ("r001", "r003")), (d.NAME, ("r004", "r005")), (d.NAME, ("r011", "r013")),
                     (d.NAME, ("r014", "r015"))}
    also = {tuple(sorted(m.id for m in g.members)): g.also for g in groups if g.reason == d.NAME}
    assert also == {("r001", "r003"): (d.COMPANY,), ("r004", "r005"): (d.COMPANY,),
                    ("r011", "r013"): (d.BIRTHDAY,), ("r014", "r015"): (d.ADDRESS,)}
    names = {m.id: m.name for g in groups for m in g.members}
    assert names["r003"] == "ROSSI Mário" and names["r013"] == "giulia CONTI"  # as written, for the label
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
    # SmartCQ keeps names alone: nothing there can confirm "Ada Neri" is Replicer's "Neri Ada"
    assert found == {(d.EMAIL, ((0, "s1"), (1, "r001")))}
    three = _copy(tmp_path / "3", "replicer", [_r(5, first_name="Ada", last_name="Neri", company="Neri SpA")])
    four = _copy(tmp_path / "4", "replicer", [_r(6, first_name="neri", last_name="ada", company="NERI"),
                                              _r(7, first_name="Ada", last_name="Neri", company="Neri")])
    groups = d.scan([d.Source(three, SCHEMAS["replicer"]), d.Source(four, SCHEMAS["replicer"])])
    assert [sorted((m.source, m.id) for m in g.members) for g in groups] == [
        [(0, "r005"), (1, "r006"), (1, "r007")]]


def test_a_copy_of_schema_5_makes_its_keys_again_and_an_old_one_read_only_is_read_from_its_contacts(
        tmp_path: Path) -> None:
    """Keys of a copy made before (the name and company alone) are made again when it is opened; a
    copy still of schema 5 opened read-only (another account's, not opened by this version yet) is
    grouped from its contacts, never from keys of the old shape."""
    import sqlite3

    from contact_desk.mirror.file.store import CopyFile

    items: list[Contact] = [_r(1, first_name="Ugo", last_name="Pini", birthday="1970-01-02"),
                            _r(2, first_name="Ugo", last_name="Pini", birthday="1970-01-02")]
    path = _copy(tmp_path, "replicer", items)

    def age() -> None:
        con = sqlite3.connect(path)
        con.execute("UPDATE dupkeys SET person = 'pini ugo|'")  # as schema 5 kept it
        con.execute("PRAGMA user_version = 5")
        con.commit()
        con.close()

    age()
    groups = d.scan([d.Source(path, SCHEMAS["replicer"])])  # read-only: from the contacts
    assert [(g.reason, g.also) for g in groups] == [(d.NAME, (d.BIRTHDAY,))]
    CopyFile(path, "replicer").close()  # opened by this version: the keys are made again
    con = sqlite3.connect(path)
    assert {p for (p,) in con.execute("SELECT person FROM dupkeys")} == {"pini ugo||1970-01-02|"}
    con.close()


def test_namesakes_group_by_one_shared_value_without_chains(tmp_path: Path) -> None:
    """A and B work at one company, B and C were born on one day: two groups, each saying what its
    pair shares, not one group of three that A and C would share nothing in."""
    items: list[Contact] = [
        _r(1, first_name="Elio", last_name="Sarti", company="Acme"),
        _r(2, first_name="Elio", last_name="Sarti", company="ACME S.p.A.", birthday="1970-03-04"),
        _r(3, first_name="Elio", last_name="Sarti", company="Beta", birthday="1970-03-04"),
        _r(4, first_name="Elio", last_name="Sarti", company="Acme", birthday="1970-03-04", city="Pisa",
           street="Via Po 2"),
    ]
    groups = d.scan([d.Source(_copy(tmp_path, "replicer", items), SCHEMAS["replicer"])], reasons=(d.NAME,))
    found = {(tuple(sorted(m.id for m in g.members)), g.also) for g in groups}
    assert found == {(("r001", "r002", "r004"), (d.COMPANY,)), (("r002", "r003", "r004"), (d.BIRTHDAY,))}
