"""Filters on any field (mirror/query/conditions.py): the copy's SQL keeps exactly the contacts the
same filters keep in Python, alone, combined, and with a search; and --where reads as documented."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact_desk.api import Query
from contact_desk.api.dialect import Condition
from contact_desk.api.models import CONTACT_TYPES, Contact
from contact_desk.api.schema import SCHEMAS, Kind
from contact_desk.mirror import LocalCopy
from contact_desk.mirror.file.store import CopyFile
from contact_desk.mirror.file.values import encode
from contact_desk.mirror.query import conditions as cond
from tests.mirror.generated import contacts

TEXTS = ["a", "ü", "MÜN", "città", "citta", "ross", "a b", "%", "_", "\\", "vip", "b2b", "ß", "ss", "é", "it",
         "de", "Ωж", "'", ".", "-"]
DAYS = ["1969-12-31", "1970-01-01", "2025-12-31", "2026-01-15", "2026-01-16", "2040-01-01"]


@st.composite
def conditions(draw: st.DrawFn, dialect: str) -> Condition:
    f = draw(st.sampled_from(cond.offered(SCHEMAS[dialect])))
    op = draw(st.sampled_from(f.ops))
    if op in (cond.FROM, cond.TO):
        value = draw(st.sampled_from(DAYS))
    elif op == cond.BIRTHDAY:
        value = draw(st.sampled_from([*cond.RELATIVE_MONTHS, "3", "12", "11", "1"]))
    elif op == cond.EQUALS:
        value = draw(st.sampled_from([c.value for c in f.choices] + ["new-one", "customer"]))
    elif op in (cond.EMPTY, cond.FILLED):
        value = ""
    else:
        value = draw(st.sampled_from(TEXTS))
    return Condition(f.name, op, value)


async def build(folder: Path, dialect: str, items: list[Contact]) -> LocalCopy:
    copy = await LocalCopy.open("acct", dialect, folder)

    def write(f: CopyFile) -> None:
        f.start_bulk()
        for c in items:
            f.put([c], mark_seen=True)
        f.end_bulk()
        f.set_meta({"complete": 1})
    await copy._write(write)
    return copy


async def ids(copy: LocalCopy, query: Query) -> list[str]:
    total = await copy.count(query)
    found = [c.id for c in await copy.rows(query, 0, 10_000)]
    assert total == len(found)
    return found


@pytest.mark.parametrize("dialect", sorted(CONTACT_TYPES))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_copy_keeps_what_the_filters_keep_in_python(tmp_path_factory: pytest.TempPathFactory,
                                                         dialect: str, data: st.DataObject) -> None:
    items = data.draw(contacts(dialect))
    chosen = tuple(data.draw(st.lists(conditions(dialect), min_size=1, max_size=3)))
    search = data.draw(st.sampled_from([None, "ross", "vip", "a", "it"]))
    smartcq = dialect == "smartcq"  # its own filters too: a status, a stage
    status = data.draw(st.sampled_from([None, "active", "bounced"])) if smartcq else None
    stage = data.draw(st.sampled_from([None, "lead"])) if smartcq else None
    today = dt.date.today()

    async def main() -> None:
        copy = await build(tmp_path_factory.mktemp("cond"), dialect, items)
        try:
            everything = Query(include_archived=True)
            stored = {c.id: c for c in await copy.rows(everything, 0, 10_000)}
            raw = {i: json.loads(encode(c)) for i, c in stored.items()}
            expected = [i for i in stored if all(cond.holds(raw[i], c, today) for c in chosen)
                        and (status is None or raw[i].get("emailStatus") == status)
                        and (stage is None or raw[i].get("stage") == stage)]
            mine = {"email_status": status, "stage": stage, "where": chosen}
            assert await ids(copy, Query(include_archived=True, **mine)) == expected
            searched = set(await ids(copy, Query(include_archived=True, search=search)))
            both = await ids(copy, Query(include_archived=True, search=search, **mine))
            assert both == [i for i in expected if i in searched]
            n, first = await copy.search(Query(include_archived=True, search=search, **mine), 3)
            assert (n, [c.id for c in first]) == (len(both), both[:3])  # the one-pass count and page
            listed = await ids(copy, Query(search=search, **mine))  # archived left out as ever
            assert listed == [i for i in both if i in set(await ids(copy, Query()))]
            await copy._write(lambda f: f.set_meta({"derived": "pending"}))  # entries not kept: the JSON
            assert await ids(copy, Query(include_archived=True, **mine)) == expected
            assert await ids(copy, Query(include_archived=True, search=search, **mine)) == both
        finally:
            await copy.close()
    asyncio.run(main())


def test_where_reads_as_documented() -> None:
    smartcq, replicer = SCHEMAS["smartcq"], SCHEMAS["replicer"]
    assert cond.parse("city=Milano", replicer) == Condition("city", cond.IS, "Milano")
    assert cond.parse("company~srl", replicer) == Condition("company", cond.CONTAINS, "srl")
    assert cond.parse("created>=2026-01-01", replicer) == Condition("createdAt", cond.FROM, "2026-01-01")
    assert cond.parse("updatedAt<=2026-06-30", smartcq) == Condition("updatedAt", cond.TO, "2026-06-30")
    assert cond.parse("tag=vip", smartcq) == Condition("tags", cond.HAS, "vip")
    assert cond.parse("stage=lead", smartcq) == Condition("stage", cond.EQUALS, "lead")
    assert cond.parse("source=fiera", smartcq) == Condition("source", cond.EQUALS, "fiera")  # an open list
    assert cond.parse("birthday=next-month", replicer) == Condition("birthday", cond.BIRTHDAY, "next")
    assert cond.parse("country=", replicer) == Condition("country", cond.EMPTY, "")
    assert cond.parse("postal_code!=", replicer) == Condition("postalCode", cond.FILLED, "")
    for bad, said in [("city=Milano", "no field 'city'"), ("stage=boss", "is not a stage"),
                      ("created>=yesterday", "YYYY-MM-DD"), ("created>=2026-02-30", "not a date"),
                      ("city", "is no filter"), ("tags~", "cannot be filtered with 'contains'"),
                      ("company~", "Say what")]:
        with pytest.raises(cond.BadCondition, match=said):
            cond.parse(bad, smartcq if bad.startswith(("city=M", "stage", "tags")) else replicer)
    assert all(f.kind is not Kind.ID for f in cond.offered(smartcq))
    assert {"company", "city", "country", "birthday"} <= {f.name for f in cond.offered(replicer)}
    offered = {f.name for f in cond.offered(smartcq)}
    assert {"tags", "source", "consentType", "stage", "emailStatus"} <= offered


def test_a_search_with_filters_counts_and_pages_in_the_copys_order(tmp_path: Path) -> None:
    from contact_desk.api.models import SmartCQContact
    items: list[Contact] = [
        SmartCQContact(id=f"c{i:03d}", email=f"m{i}@example.com", last_name="Rossi",
                       tags=["vip"] if i % 3 else [], stage="lead" if i % 2 else "customer",
                       created_at=f"2026-01-{1 + i % 28:02d}T08:{i % 60:02d}:00.000Z")
        for i in range(60)]
    where = (Condition("tags", cond.HAS, "VIP"), Condition("stage", cond.EQUALS, "lead"))

    async def main() -> None:
        copy = await build(tmp_path, "smartcq", items)
        try:
            expected = await ids(copy, Query(search="rossi", where=where))
            n, first = await copy.search(Query(search="rossi", where=where), 7)
            assert len(expected) == 20 and (n, [c.id for c in first]) == (20, expected[:7])
            newest = sorted((c for c in items if c.tags and c.stage == "lead"), key=lambda c: c.created_at,
                            reverse=True)
            assert expected[0] == newest[0].id
        finally:
            await copy.close()
    asyncio.run(main())


@pytest.mark.parametrize("archived", [True, False])
def test_searched_words_with_a_status_stage_and_tag_keep_exactly_those_contacts(tmp_path: Path,
                                                                             archived: bool) -> None:
    """The path where the words' keys are probed in small indexes before any row is read."""
    from contact_desk.api.models import SmartCQContact
    items: list[Contact] = [
        SmartCQContact(id=f"c{i:03d}", email=f"m{i}@example.com", last_name="Rossi" if i % 5 else "Bianchi",
                       tags=["VIP"] if i % 3 else ["b2b"], stage="lead" if i % 2 else "customer",
                       email_status="active" if i % 4 else "bounced",
                       archived_at="2026-02-01T08:00:00.000Z" if i % 7 == 0 else None,
                       created_at=f"2026-01-{1 + i % 28:02d}T08:{i % 60:02d}:00.000Z")
        for i in range(80)]
    query = Query(search="rossi", email_status="active", stage="lead", include_archived=archived,
                  where=(Condition("tags", cond.HAS, "vip"),))

    async def main() -> list[str]:
        copy = await build(tmp_path, "smartcq", items)
        try:
            assert await copy._read(lambda f: f.kept()) == frozenset({"tags", "source", "consentType"})
            return await ids(copy, query)
        finally:
            await copy.close()
    found = asyncio.run(main())
    wanted = [c for c in items if isinstance(c, SmartCQContact) and c.last_name == "Rossi"
              and c.email_status == "active" and c.stage == "lead" and "VIP" in c.tags
              and (archived or c.archived_at is None)]
    assert sorted(found) == sorted(c.id for c in wanted)
    assert any(c.archived_at for c in wanted) == archived  # the archived ones counted when asked
