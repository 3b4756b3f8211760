"""Creating a contact exactly once, even when the server's answer is lost.

A create whose answer was lost (cut connection, timeout, unreadable answer)
may or may not have been carried out. SmartCQ's POST is idempotent per email,
so the transport repeats it and a 409 names our own contact (``SmartCQ.create``).
Replicer's is not: the contact the lost try may have made is looked for among
the newest contacts, before saying anything and before any new try. What
cannot be settled is said as it is (``OutcomeUnknown``), never as "nothing was
lost". The window's form and the command line share this one piece of code.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from contact_desk.api import errors
from contact_desk.api.dialect import Dialect, Query
from contact_desk.api.models import Contact, epoch
from contact_desk.api.schema import DialectSchema, Kind

LOOKUP_ROWS = 50  # newest contacts searched for the one a lost try made
SEARCH_ROWS = 100  # contacts a search for its email (phone, name) returns to look through


def _norm(kind: Kind, value: Any) -> Any:
    """A value as the server would store it, for comparison only."""
    if value is None:
        return None
    if kind is Kind.TAGS:
        return frozenset(str(t).strip().casefold() for t in value) if isinstance(value, list) else value
    text = str(value).strip()
    if not text:
        return None
    if kind in (Kind.EMAIL, Kind.COUNTRY, Kind.URL):
        return text.casefold()
    if kind is Kind.DATE:
        return text[:10]
    return text


def _probes(schema: DialectSchema, values: Mapping[str, Any]) -> list[str]:
    """What finds a contact by the API's search: its email, else its phone, else its name."""
    def first(kind: Kind) -> str:
        return next((str(values[f.name]).strip() for f in schema.fields
                     if f.kind is kind and str(values.get(f.name) or "").strip()), "")

    name = " ".join(str(values[f.name]).strip() for f in schema.fields if f.name in ("firstName", "lastName")
                    and str(values.get(f.name) or "").strip())
    return [p for p in (first(Kind.EMAIL), first(Kind.PHONE), name) if p]


def made_by(contact: Contact, values: Mapping[str, Any], schema: DialectSchema,
            started: tuple[float, float]) -> bool:
    """Whether ``contact`` can be the one a try that sent ``values`` made, ``started`` being the
    server's time of that try and how far off it may be (``Endpoint.server_time``): created
    since then and holding every value sent. A contact with the same values made before (an
    earlier import of the same file) or with other values is an existing contact."""
    created = epoch(contact.created_at)
    if created is None or created < started[0] - started[1]:
        return False
    for name, value in values.items():
        try:
            f = schema.field(name)
        except KeyError:
            return False
        if _norm(f.kind, getattr(contact, f.attr, None)) != _norm(f.kind, value):
            return False
    return True


class Creation:
    """One contact the user means to create, across its tries (a form's Save and
    Retry, or one command). Not shared between different contacts."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.started: float | None = None  # when the first try was sent, by our clock
        self.maybe_sent = False  # a try reached the server and its answer was lost

    def matches(self, contact: Contact, values: Mapping[str, Any]) -> bool:
        """Whether ``contact`` is what ``values`` would have created, since our first try."""
        if self.started is None:
            return False
        when = self.dialect.endpoint.server_time(self.started)
        return made_by(contact, values, self.dialect.schema, when)

    async def find_own(self, values: Mapping[str, Any]) -> Contact | None:
        """The contact an earlier lost try made: among the newest, else (a dialect that searches)
        by its email, else its phone, else its name, however many contacts were made since; None
        if not there."""
        page = await self.dialect.list_page(Query(), None, LOOKUP_ROWS)
        found = next((c for c in page.items if self.matches(c, values)), None)
        if found is not None or not self.dialect.schema.search:
            return found
        for text in _probes(self.dialect.schema, values)[:1]:
            page = await self.dialect.list_page(Query(search=text), None, SEARCH_ROWS)
            found = next((c for c in page.items if self.matches(c, values)), None)
        return found

    async def create(self, values: Mapping[str, Any]) -> Contact:
        """Creates the contact, or returns the one an earlier lost try made. Raises
        ``OutcomeUnknown`` when a try may have been carried out and the lookup
        could not find it (or could not be made)."""
        if self.started is None:
            self.started = time.time()
        if self.maybe_sent:
            found = await self._look(values)
            if found is not None:
                return found
        try:
            return await self.dialect.create(values)
        except (errors.NetworkError, errors.ProtocolError, errors.ServerError, errors.RateLimited) as exc:
            if exc.after_lost_answer:
                self.maybe_sent = True
                found = await self._look(values)
                if found is not None:
                    return found
            if self.maybe_sent:  # this try or an earlier one may have been carried out
                raise self._unknown(exc) from None
            raise  # certainly never carried out: the server said so, or never heard it

    async def _look(self, values: Mapping[str, Any]) -> Contact | None:
        """``find_own``; a failed lookup is None (a new try, or the caller's error, follows)."""
        try:
            return await self.find_own(values)
        except errors.ApiError:
            return None

    @staticmethod
    def _unknown(cause: errors.ApiError) -> errors.OutcomeUnknown:
        error = errors.OutcomeUnknown(
            f"{cause.message}. The server may have created the contact before its answer was "
            "lost, and Contact Desk could not find it among the newest contacts: check before "
            "trying again", status=cause.status, code=cause.code, request_id=cause.request_id)
        error.after_lost_answer = True
        return error
