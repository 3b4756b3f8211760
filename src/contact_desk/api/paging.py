"""Checks that keep a listing finite: a cursor walk that stops moving forward, or a page
listing that lies about its total, is a ProtocolError (used by api/walk.py)."""

from __future__ import annotations

from contact_desk.api import errors
from contact_desk.api.dialect import Page, PageToken
from contact_desk.api.models import epoch

MAX_EMPTY_PAGES = 3  # cursor paging: empty pages in a row that still say "more"


class CursorGuard:
    """Checks that a newest-first cursor walk moves forward: no cursor twice, no page
    newer than the one before it, no endless run of empty pages. One per walk."""

    def __init__(self) -> None:
        self._cursors: set[str] = set()
        self._oldest: float | None = None
        self._empty = 0
        self.pages = 0

    def check(self, start: PageToken, page: Page) -> None:
        """Raises ProtocolError when ``page`` (fetched from ``start``) does not move on."""
        self.pages += 1
        if isinstance(start, str):
            self._cursors.add(start)
        nxt = page.next
        where = f"after {self.pages:,} pages"
        if isinstance(nxt, str) and nxt in self._cursors:
            raise errors.ProtocolError(
                f"The server sent a page cursor it had sent before ({where}): the listing does not "
                "move forward, so Contact Desk stopped it", request_id=page.request_id)
        stamps = [m for m in (epoch(c.created_at) for c in page.items) if m is not None]
        if stamps and self._oldest is not None and max(stamps) > self._oldest:
            raise errors.ProtocolError(
                f"The server's listing went forward in time ({where}) though it is ordered newest "
                "first, so Contact Desk stopped it", request_id=page.request_id)
        if stamps:
            self._oldest = min(stamps)
        self._empty = self._empty + 1 if not page.items and nxt is not None else 0
        if self._empty >= MAX_EMPTY_PAGES:
            raise errors.ProtocolError(
                f"The server sent {self._empty} empty pages in a row that each said more would "
                f"follow ({where}), so Contact Desk stopped the listing", request_id=page.request_id)


def check_page_number(number: int, page: Page) -> bool:
    """For page paging: False when ``page`` is past a total that shrank (the walk ends);
    a ProtocolError when the server sends an empty page it says is within its total."""
    if page.items or page.total_pages is None:
        return True
    if number <= page.total_pages:
        raise errors.ProtocolError(
            f"The server says there are {page.total_pages:,} pages, but page {number:,} is empty; "
            "Contact Desk stopped the listing", request_id=page.request_id)
    return False
