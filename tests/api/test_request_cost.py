"""What a request costs the client beyond the network: no module search per request.

httpcore looks for ``sniffio`` each time it sets up a lock (several times a request);
when it is not installed (anyio >= 4.11 no longer brings it), every look is a failed
import that walks ``sys.path`` again, about a millisecond of CPU a request. We depend
on sniffio so that look is a dictionary hit (encode/httpcore#1103).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

from contact_desk.api import Dialect, Query
from contact_desk.sandbox import Sandbox
from tests.api.helpers import run_with


class CountingFinder:
    """Sees every import that is not already loaded (a failed one included)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        self.names.append(name)
        return None  # leaves the finding to the real finders


def test_paging_requests_search_for_no_module(sandbox: Sandbox) -> None:
    finder = CountingFinder()

    async def pages(d: Dialect) -> int:
        token = None
        for _ in range(2):  # warm up: whatever loads once loads here
            page = await d.list_page(Query(), token, 20)
            token = page.next
        sys.meta_path.insert(0, finder)
        try:
            for _ in range(20):
                page = await d.list_page(Query(), token, 20)
                token = page.next
        finally:
            sys.meta_path.remove(finder)
        return len(page.items)

    assert run_with(sandbox, "smartcq", pages) == 20
    assert finder.names == [], f"imports looked for during 20 requests: {sorted(set(finder.names))}"
