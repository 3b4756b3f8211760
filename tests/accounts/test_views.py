"""Saved views on disk: kept per account across restarts, in the order the user gives them,
renamed and deleted by name whatever its case, and a damaged file said in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from contact_desk.accounts import AccountStore, MemoryAccountStore, View, ViewError, ViewStore
from contact_desk.api.dialect import Condition, Query


def test_views_survive_a_restart_in_their_order(tmp_path: Path) -> None:
    query = Query(stage="lead", search="rossi", where=(Condition("tags", "has", "vip"),
                                                      Condition("createdAt", "from", "2026-01-01")))
    store = AccountStore(tmp_path).views()
    store.save("a1", View.of("Milan leads", query, ("lastName", True), ["email", "lastName"]))
    store.save("a1", View.of("All", Query()))
    store.save("a2", View.of("Other account", Query(include_archived=True)))
    again = ViewStore(tmp_path)  # another process, or the next start
    views = again.of("a1")
    assert [v.name for v in views] == ["Milan leads", "All"]
    assert views[0].query() == query and (views[0].sort, views[0].descending) == ("lastName", True)
    assert views[0].columns == ["email", "lastName"]
    assert [v.name for v in again.of("a2")] == ["Other account"] and again.of("nobody") == []

    again.move("a1", "all", 0)
    assert [v.name for v in store.of("a1")] == ["All", "Milan leads"]
    store.rename("a1", "MILAN LEADS", "Leads in Milan")
    store.save("a1", View.of("all", Query(stage="customer")))  # the same name: replaced where it stands
    assert [(v.name, v.stage) for v in ViewStore(tmp_path).of("a1")] == [("all", "customer"),
                                                                         ("Leads in Milan", "lead")]
    with pytest.raises(ViewError, match="exists already"):
        store.rename("a1", "all", "leads in milan")
    store.delete("a1", "ALL")
    assert store.find("a1", "leads in MILAN").search == "rossi"
    with pytest.raises(ViewError, match=r"no saved view named 'nope'.*Leads in Milan"):
        store.find("a1", "nope")
    store.forget("a1")
    assert store.of("a1") == [] and [v.name for v in store.of("a2")] == ["Other account"]


def test_a_name_is_needed_and_bounded() -> None:
    store = MemoryAccountStore().views()
    with pytest.raises(ViewError, match="needs a name"):
        store.save("a", View.of("   ", Query()))
    with pytest.raises(ViewError, match="at most"):
        store.save("a", View.of("x" * 200, Query()))
    assert store.save("a", View.of("  two   words ", Query())).name == "two words"
    assert [v.name for v in store.of("a")] == ["two words"]


def test_adding_never_replaces_and_stays_bounded(tmp_path: Path) -> None:
    from contact_desk.accounts.views import MAX_VIEWS

    store = ViewStore(tmp_path)
    store.add("a", View.of("Leads", Query(stage="lead")))
    added = store.add("a", View.of(" LEADS ", Query(stage="customer")))
    assert added.name == "LEADS (2)" and store.find("a", "leads").stage == "lead"
    for n in range(MAX_VIEWS - 2):
        store.save("a", View.of(f"v{n}", Query()))
    with pytest.raises(ViewError, match=f"at most {MAX_VIEWS} views"):
        store.add("a", View.of("Leads", Query()))
    assert len(store.of("a")) == MAX_VIEWS


def test_a_damaged_file_is_said_and_left_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "views.json").write_text('{"views": {"a": [{"nom": 1}]}}', encoding="utf-8")
    with pytest.raises(ViewError, match=r"cannot be read.*Move it away"):
        ViewStore(tmp_path).of("a")
    with pytest.raises(ViewError):
        ViewStore(tmp_path).save("a", View.of("x", Query()))
    assert (tmp_path / "views.json").read_text(encoding="utf-8") == '{"views": {"a": [{"nom": 1}]}}'
