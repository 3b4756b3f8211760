"""Replicer: page/limit paging with totals, free-text search, rich fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contact_desk.api import errors
from contact_desk.api.dialect import Dialect, Page, PageToken, Query, quote_id
from contact_desk.api.models import Contact, ReplicerPage, ReplicerWrapped
from contact_desk.api.schema import REPLICER
from contact_desk.api.transport import decoder

_PATH = "/v1/contacts"
MAX_TOTAL = 100_000_000  # more than any tenant we know of, and within what a table can count
_page = decoder(ReplicerPage)
_one = decoder(ReplicerWrapped)


class Replicer(Dialect):
    schema = REPLICER
    contacts_path = _PATH

    async def list_page(self, query: Query, token: PageToken = None, limit: int | None = None) -> Page:
        self.check(query)
        if token is not None and (not isinstance(token, int) or token < 1):
            raise errors.ConfigurationError("Replicer pages are numbered from 1")
        number = token or 1
        params: dict[str, Any] = {"page": number, "limit": min(limit or 20, self.schema.max_page_size)}
        if query.search and query.search.strip():
            params["search"] = query.search.strip()
        page = await self.endpoint.call("GET", _PATH, _page, params=params, idempotent=True)
        p = page.pagination
        if p.total < 0 or p.total_pages < 0:
            raise errors.ProtocolError("The server sent a negative total", request_id=page.request_id)
        if p.total > MAX_TOTAL:
            raise errors.ProtocolError(f"The server claims {p.total:,} contacts, more than Contact Desk "
                                       f"can list ({MAX_TOTAL:,})", request_id=page.request_id)
        if p.limit > 0 and p.total_pages > -(-p.total // p.limit) + 1:
            raise errors.ProtocolError(
                f"The server's page count ({p.total_pages:,}) does not match its total ({p.total:,} "
                f"contacts, {p.limit} a page)", request_id=page.request_id)
        more = number < p.total_pages and bool(page.data)
        return Page(list(page.data), number + 1 if more else None, p.total, p.total_pages, page.request_id)

    async def get(self, contact_id: str) -> Contact:
        wrapped = await self.endpoint.call("GET", f"{_PATH}/{quote_id(contact_id)}", _one, idempotent=True)
        return wrapped.data

    def _require_one(self, values: Mapping[str, Any]) -> None:
        if not any(isinstance(values.get(n), str) and values[n].strip() for n in self.schema.at_least_one):
            raise errors.ValidationFailed(
                "Give at least one of first name, last name, company, phone or email")

    async def create(self, values: Mapping[str, Any]) -> Contact:
        body = self._only(values, tuple(f.name for f in self.schema.creatable), "set on create")
        self._require_one(body)
        # Not idempotent: the transport repeats it only when it certainly never arrived.
        wrapped = await self.endpoint.call("POST", _PATH, _one, json=body, idempotent=False)
        return wrapped.data

    async def update(self, contact_id: str, changes: Mapping[str, Any]) -> Contact:
        body = self._only(changes, tuple(f.name for f in self.schema.patchable), "changed")
        if not body:
            return await self.get(contact_id)
        wrapped = await self.endpoint.call("PATCH", f"{_PATH}/{quote_id(contact_id)}", _one, json=body,
                                           idempotent=True)
        return wrapped.data
