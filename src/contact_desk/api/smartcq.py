"""SmartCQ: cursor paging, filters, tags, create and patch."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from contact_desk.api import errors
from contact_desk.api.creating import made_by
from contact_desk.api.dialect import Dialect, Page, PageToken, Query, quote_id
from contact_desk.api.models import Contact, SmartCQContact, SmartCQPage, SmartCQWrapped
from contact_desk.api.schema import SMARTCQ
from contact_desk.api.transport import decoder

_PATH = "/api/v1/contacts"
_page = decoder(SmartCQPage)
_bare = decoder(SmartCQContact)
_wrapped = decoder(SmartCQWrapped)


def _contact(content: bytes) -> SmartCQContact:
    """The docs say "Contact object" without a shape: accept it bare or as {"data": ...}."""
    try:
        return _bare(content)
    except errors.ProtocolError:
        return _wrapped(content).data


class SmartCQ(Dialect):
    schema = SMARTCQ
    contacts_path = _PATH

    async def list_page(self, query: Query, token: PageToken = None, limit: int | None = None) -> Page:
        self.check(query)
        if token is not None and not isinstance(token, str):
            raise errors.ConfigurationError("SmartCQ pages continue from a cursor string")
        params: dict[str, Any] = {"limit": min(limit or 50, self.schema.max_page_size)}
        if token is not None:
            params["cursor"] = token  # opaque: passed back exactly as received
        if query.email_status:
            params["emailStatus"] = query.email_status
        if query.stage:
            params["stage"] = query.stage
        if query.include_archived:
            params["includeArchived"] = "true"
        page = await self.endpoint.call("GET", _PATH, _page, params=params, idempotent=True)
        return Page(list(page.data), page.next or None)

    async def get(self, contact_id: str) -> Contact:
        return await self.endpoint.call("GET", f"{_PATH}/{quote_id(contact_id)}", _contact, idempotent=True)

    async def create(self, values: Mapping[str, Any]) -> Contact:
        body = self._only(values, tuple(f.name for f in self.schema.creatable), "set on create")
        email = body.get("email")
        if not isinstance(email, str) or not email.strip():
            raise errors.ValidationFailed("An email address is required", field="email")
        started = time.time()
        # SmartCQ's POST is idempotent per email (vendor docs), so the transport may
        # repeat it after a lost answer; a 409 then names the contact our first try made.
        try:
            return await self.endpoint.call("POST", _PATH, _contact, json=body, idempotent=True)
        except errors.Conflict as conflict:
            mine = await self._created_by_lost_try(conflict, body, started)
            if mine is None:
                raise
            return mine

    async def _created_by_lost_try(self, conflict: errors.Conflict, body: Mapping[str, Any],
                                   started: float) -> Contact | None:
        """The contact a lost try of this create made, told by the values sent (not by the email
        and time alone: someone else's contact with this email may be as new)."""
        if not conflict.after_lost_answer or not conflict.existing_id:
            return None
        try:
            existing = await self.get(conflict.existing_id)
        except errors.ApiError:
            return None
        return existing if made_by(existing, body, self.schema, self.endpoint.server_time(started)) else None

    async def update(self, contact_id: str, changes: Mapping[str, Any]) -> Contact:
        body = self._only(changes, tuple(f.name for f in self.schema.patchable), "changed")
        if not body:
            return await self.get(contact_id)
        return await self.endpoint.call("PATCH", f"{_PATH}/{quote_id(contact_id)}", _contact, json=body,
                                        idempotent=True)
