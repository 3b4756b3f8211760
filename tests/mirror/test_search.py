"""Searching the copy gives exactly what a plain filter of the same contacts gives."""

from __future__ import annotations

import asyncio
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from contact_desk.api import Dialect, Query
from contact_desk.api.models import Contact, ReplicerContact, SmartCQContact
from contact_desk.mirror import LocalCopy, full_sync
from contact_desk.mirror.file.store import CopyFile
from contact_desk.mirror.query import queries
from contact_desk.sandbox import Sandbox
from tests.mirror.helpers import copied, with_copy


def _fold(text: str | None) -> str:
    plain = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def _matches(c: Contact, text: str) -> bool:
    """The user guide's search rules, written the slow and obvious way."""
    phone = c.phone_number if isinstance(c, ReplicerContact) else None
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    stripped = text.strip()
    phoneish = all(ch.isdigit() or ch in " +-().\\/" for ch in stripped)
    if stripped and phoneish and stripped[0] in "+0123456789":
        wanted = "".join(ch for ch in stripped if ch.isdigit())
        if len(wanted) >= (1 if stripped.startswith("+") else 3):
            return digits.startswith(wanted) if stripped.startswith("+") else wanted in digits
    email = _fold(c.email)
    haystack = [_fold(c.full_name), email]
    if isinstance(c, ReplicerContact):
        haystack += [digits, _fold(c.company), _fold(c.city)]
    if isinstance(c, SmartCQContact):
        haystack += [_fold(" ".join(c.tags))]
    name_words = _fold(c.full_name).split() + [w for w in
                                                 "".join(ch if ch.isalnum() else " " for ch in email).split()]
    counted = 0
    for word in _fold(text).split():
        if "@" in word:
            ok = word in email
        elif len(word) >= 3:
            ok = any(word in h for h in haystack)
        else:
            letters = "".join(ch for ch in word if ch.isalnum())
            if not letters:
                continue  # punctuation and symbols of one or two characters are no word
            words = name_words + "".join(ch if ch.isalnum() else " " for ch in _fold(c.full_name)).split()
            ok = any(w.startswith(letters) for w in words)
        counted += 1
        if not ok:
            return False
    return counted > 0 or not stripped  # a search made only of symbols finds nothing


SEARCHES = ["rossi", "mario rossi", "ROSSI", "example.com", "@example.it", "mario.rossi@", "ro", "m r",
            "milano", "vip", "+39 3", "+39 333", "+39", "+4", "333", "nessuno-xyz", "o'", "a", "studio", "é"]


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_search_equals_a_plain_filter(sandbox: Sandbox, tmp_path: Path, dialect: str) -> None:
    async def go(api: Dialect, copy: LocalCopy) -> None:
        await full_sync(api, copy)
        everyone = await copied(copy)
        for text in SEARCHES:
            query = Query(search=text, include_archived=True)
            expected = [c.id for c in everyone if _matches(c, text)]
            count, first = await copy.search(query, limit=len(everyone) + 1)
            assert count == len(expected), text
            assert [c.id for c in first] == expected, text  # the same, in the API's order
            if expected:  # paging through gives the same
                page = await copy.rows(query, 1, 2, count=count)
                assert [c.id for c in page] == expected[1:3], text

    with_copy(sandbox, dialect, tmp_path, go)


def test_filters_combine_with_search(sandbox: Sandbox, tmp_path: Path) -> None:
    async def go(api: Dialect, copy: LocalCopy) -> None:
        await full_sync(api, copy)
        everyone = await copied(copy)
        for query in (Query(stage="customer"), Query(email_status="bounced", search="example"),
                      Query(stage="lead", search="ro"), Query(), Query(include_archived=True, search="a"),
                      Query(search="example.com"), Query(search="ro"), Query(search="rossi"),
                      Query(search="mario ro"), Query(search="example.it m")):
            expected = [c.id for c in everyone if isinstance(c, SmartCQContact)
                        and (query.include_archived or not c.archived)
                        and (query.stage is None or c.stage == query.stage)
                        and (query.email_status is None or c.email_status == query.email_status)
                        and _matches(c, query.search or "")]
            count, first = await copy.search(query, limit=10_000)
            assert (count, [c.id for c in first]) == (len(expected), expected), query

    with_copy(sandbox, "smartcq", tmp_path, go)


@pytest.mark.parametrize(("field", "descending"), [("lastName", False), ("email", True), ("name", False),
                                                   ("createdAt", False)])
def test_sorting_by_a_column_orders_the_whole_copy(sandbox: Sandbox, tmp_path: Path, field: str,
                                                   descending: bool) -> None:
    async def go(api: Dialect, copy: LocalCopy) -> None:
        await full_sync(api, copy)
        await copy.ensure_sort_index(field)
        everyone = await copied(copy)
        query = Query(include_archived=True)
        rows = await copy.rows(query, 0, len(everyone), sort=field, descending=descending)
        assert sorted(c.id for c in rows) == sorted(c.id for c in everyone)

        def key(c: Contact) -> str:
            if field == "name":
                value = f"{c.last_name or ''} {c.first_name or ''}".strip()
            else:
                value = {"lastName": c.last_name, "email": c.email, "createdAt": c.created_at}[field] or ""
            return value.lower() if value else "\U0010ffff"

        keys = [key(c) for c in rows]
        assert keys == sorted(keys, reverse=descending)

    with_copy(sandbox, "smartcq", tmp_path, go)


def test_a_search_given_up_stops_its_query_and_the_next_one_answers_at_once(
        sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stopped: list[str] = []
    first_page = CopyFile.first_page

    def slow_for_slow(self: CopyFile, query: Query, limit: int) -> tuple[int, list[str]]:
        if query.search == "slow":  # a query that would take seconds (a short word in a huge copy)
            try:
                self.con.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                 "WHERE i < 100000000) SELECT count(*) FROM n").fetchone()
            except sqlite3.OperationalError as exc:
                stopped.append(str(exc))
                raise
        return first_page(self, query, limit)

    monkeypatch.setattr(CopyFile, "first_page", slow_for_slow)

    async def typing(api: Dialect, copy: LocalCopy) -> int:
        await full_sync(api, copy)
        slow = asyncio.ensure_future(copy.search(Query(search="slow")))
        await asyncio.sleep(0.3)  # running on the reader thread by now
        slow.cancel()  # the next keystroke: the table gives the old search up
        n, _ = await asyncio.wait_for(copy.search(Query(search="rossi")), 3)
        with pytest.raises(asyncio.CancelledError):
            await slow
        return n

    assert with_copy(sandbox, "smartcq", tmp_path, typing) > 0
    assert stopped == ["interrupted"]


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_long_and_short_words_mixed_find_what_the_plain_query_finds(
        sandbox: Sandbox, tmp_path: Path, dialect: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["ro ma", "rossi m", "m rossi", "mario r", "a ex", "lo russo", "e x", "333 a", "zz a", "ex ~a"]

    async def answers(api: Dialect, copy: LocalCopy) -> list[tuple[int, list[str], int, list[str]]]:
        if not (await copy.status()).complete:
            await full_sync(api, copy)
        out = []
        for text in texts:
            for archived in (False, True):
                q = Query(search=text, include_archived=archived)
                n, first = await copy.search(q, limit=30)
                later = await copy.rows(q, 5, 10)
                out.append((n, [c.id for c in first], await copy.count(q), [c.id for c in later]))
        return out

    fast = with_copy(sandbox, dialect, tmp_path, answers)
    monkeypatch.setattr(queries, "both_plan", lambda *_: None)  # the plain query over contacts
    plain = with_copy(sandbox, dialect, tmp_path, answers)
    assert fast == plain
    assert sum(n for n, *_ in fast) > 0


def test_a_contacts_position_is_its_row_in_the_list_in_every_order(sandbox: Sandbox, tmp_path: Path) -> None:
    """Where the window must look for a contact it was asked to select (Search every account, a
    duplicate's "open"): the row ``rows`` gives it, for filters, a search and a sort; None when the
    list does not hold it."""
    async def go(api: Dialect, copy: LocalCopy) -> None:
        await full_sync(api, copy)
        await copy.ensure_sort_index("lastName")
        for query, sort in ((Query(), None), (Query(stage="lead"), None), (Query(search="ro"), None),
                            (Query(include_archived=True), ("lastName", False)),
                            (Query(stage="customer", search="a"), ("lastName", True))):
            field, descending = sort or (None, False)
            listed = await copy.rows(query, 0, 10_000, sort=field, descending=descending)
            assert listed, query
            for row in sorted({0, len(listed) // 2, len(listed) - 1}):
                got = await copy.position(query, listed[row].id, sort=field, descending=descending)
                assert got == row, (query, sort)
        everyone = await copied(copy)
        archived = next(c for c in everyone if isinstance(c, SmartCQContact) and c.archived)
        assert await copy.position(Query(), archived.id) is None  # archived: not in the list
        lead = next(c for c in everyone
                    if isinstance(c, SmartCQContact) and c.stage == "lead" and not c.archived)
        assert await copy.position(Query(stage="customer"), lead.id) is None
        assert await copy.position(Query(), "no-such-contact") is None

    with_copy(sandbox, "smartcq", tmp_path, go)
