"""The row sources' own logic against a fake page host (tests/fakes.py): what they ask to load,
the rows they announce, and which pages they hold; no model, no window, no server."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from contact_desk.api import Query
from contact_desk.api.models import Contact, ReplicerContact
from contact_desk.models.row_sources import CursorSource, PageSource
from tests.fakes import FakePageHost


def people(n: int, start: int = 0) -> list[Contact]:
    return [ReplicerContact(id=f"c{i}", first_name=f"P{i}", created_at="2026-01-01T00:00:00Z")
            for i in range(start, start + n)]


class _Page:
    def __init__(self, items: list[Contact], nxt: str | None) -> None:
        self.items, self.next = items, nxt


def test_a_numbered_list_shows_its_total_and_asks_only_for_the_pages_in_view(qapp: QApplication) -> None:
    host = FakePageHost(page_size=10)
    source = PageSource(host, Query(), dialect=None)  # type: ignore[arg-type]  # never fetches here
    host.current = source
    source.put(0, (people(10), 35))
    assert ("insert", 0, 35) in host.events and source.row_count() == 35
    assert source.has_page(0) and not source.has_page(3)
    assert source.item(31, touch=True) is None  # not loaded: its page is wanted
    qapp.processEvents()  # the wanted pages are asked for on the next turn of the loop
    assert host.started == [3]
    source.put(3, (people(5, 30), 35))
    item = source.item(31, touch=False)
    assert item is not None and item.id == "c31"
    source.evict(3)
    assert not source.has_page(3)


def test_a_grown_total_keeps_only_the_page_that_came_with_it(qapp: QApplication) -> None:
    host = FakePageHost(page_size=10)
    source = PageSource(host, Query(), dialect=None)  # type: ignore[arg-type]
    host.current = source
    source.put(0, (people(10), 20))
    source.put(1, (people(10, 10), 22))  # someone created two contacts meanwhile
    assert ("forget", 1, 0) in host.events and ("insert", 20, 2) in host.events
    assert not source.has_page(0) and source.has_page(1)  # page 0 may be off by two rows now


def test_a_cursor_list_appends_pages_and_drops_repeats() -> None:
    host = FakePageHost(page_size=10)
    source = CursorSource(host, Query(), dialect=None)  # type: ignore[arg-type]
    host.current = source
    source.put(0, (None, _Page(people(10), "next-1")))
    source.put(1, (None, _Page(people(10, 8), None)))  # two repeated across pages (a shifted listing)
    assert source.row_count() == 18 and source.at_end
    assert [e for e in host.events if e[0] == "insert"] == [("insert", 0, 10), ("insert", 10, 8)]
    assert source.has_page(1) and not source.has_page(2)
    assert not source.can_fetch_more()
