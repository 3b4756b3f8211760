"""A sync's long transaction: rows written in parts, indexed for search when it commits.

The contacts come from the sandbox over HTTP; the copy is a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import msgspec
import pytest

from contact_desk.api import Dialect, Query
from contact_desk.api.models import Contact, SmartCQContact
from contact_desk.mirror import LocalCopy
from contact_desk.mirror.file import store
from contact_desk.mirror.file.store import CopyFile
from contact_desk.sandbox import Sandbox
from tests.mirror.helpers import everything, with_copy


def _contacts(sandbox: Sandbox, tmp_path: Path) -> list[SmartCQContact]:
    async def go(api: Dialect, _copy: LocalCopy) -> list[Contact]:
        return list((await everything(api)).values())
    found = with_copy(sandbox, "smartcq", tmp_path / "unused", go)
    return [c for c in found if isinstance(c, SmartCQContact)]


def _ids(f: CopyFile, text: str) -> list[str]:
    query = Query(search=text, include_archived=True)
    return [msgspec.json.decode(raw)["id"] for raw in f.rows(query, 0, 1000)]


def test_a_contact_changed_twice_in_one_sync_is_found_by_its_last_name_only(sandbox: Sandbox,
                                                                            tmp_path: Path) -> None:
    contacts = _contacts(sandbox, tmp_path)
    first, second = contacts[:100], contacts[100:200]
    renamed = msgspec.structs.replace(first[5], last_name="Quernitz")
    again = msgspec.structs.replace(first[5], last_name="Zobrowski")
    f = CopyFile(tmp_path / "c.sqlite3", "smartcq")
    f.start_bulk()
    f.put(second, mark_seen=True)
    f.put(first, mark_seen=True)  # lower keys after higher ones, as parallel parts deliver them
    f.put([renamed], mark_seen=True)  # changed before its first version reached the index
    f.put([again], mark_seen=True)
    f.end_bulk()
    assert _ids(f, "zobrowski") == [first[5].id]
    assert _ids(f, "quernitz") == []
    f.con.execute("INSERT INTO grams(grams) VALUES ('integrity-check')")
    f.con.execute("INSERT INTO words(words) VALUES ('integrity-check')")
    assert f.count(Query(include_archived=True)) == 200
    f.close()


def test_a_part_that_fails_leaves_the_copy_as_it_was(sandbox: Sandbox, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    contacts = _contacts(sandbox, tmp_path)
    f = CopyFile(tmp_path / "c.sqlite3", "smartcq")
    f.put(contacts[:50])
    changed = msgspec.structs.replace(contacts[3], last_name="Quernitz")
    poisoned = contacts[60]
    real = store.row_from

    def failing(contact: Contact, raw: str) -> store.Row:
        if contact.id == poisoned.id:
            raise ValueError("a contact that cannot be stored")
        return real(contact, raw)

    monkeypatch.setattr(store, "row_from", failing)
    f.start_bulk()
    f.put(contacts[50:55], mark_seen=True)
    with pytest.raises(ValueError):
        f.put([changed, poisoned], mark_seen=True)  # the change comes first, then the failure
    f.end_bulk()
    kept = {msgspec.json.decode(raw)["id"]: msgspec.json.decode(raw)
            for raw in f.rows(Query(include_archived=True), 0, 1000)}
    assert len(kept) == 55 and poisoned.id not in kept
    assert kept[contacts[3].id]["lastName"] == contacts[3].last_name  # not lost, not half-changed
    assert _ids(f, "quernitz") == []
    assert f.size() == 55
    f.close()


def test_a_failure_while_indexing_at_commit_leaves_a_consistent_copy(sandbox: Sandbox, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    contacts = _contacts(sandbox, tmp_path)
    f = CopyFile(tmp_path / "c.sqlite3", "smartcq")
    f.put(contacts[:10])
    real = CopyFile.index
    calls = []

    def half_then_fail(self: CopyFile, rows: list[tuple[int, store.Row]]) -> None:
        calls.append(len(rows))
        real(self, rows[: len(rows) // 2])
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(CopyFile, "index", half_then_fail)
    f.start_bulk()
    f.put(contacts[10:200], mark_seen=True)
    with pytest.raises(sqlite3.OperationalError):
        f.end_bulk()
    monkeypatch.setattr(CopyFile, "index", real)
    assert calls == [190]
    assert f.size() == 10  # back to the last commit: no row without its index, none half indexed
    f.start_bulk()  # the next sync writes again
    f.put(contacts[10:200], mark_seen=True)
    f.end_bulk()
    assert f.size() == 200
    f.con.execute("INSERT INTO grams(grams) VALUES ('integrity-check')")
    for c in contacts[:200:37]:
        assert _ids(f, c.email) == [c.id]  # found once, not twice
    f.close()
