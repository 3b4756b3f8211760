"""The one interface every dialect adapter implements."""

from __future__ import annotations

import abc
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from contact_desk.api import errors
from contact_desk.api.models import Contact
from contact_desk.api.schema import DialectSchema
from contact_desk.api.transport import Endpoint

# Where a page starts: None for the first page, then a cursor string (cursor
# paging, passed back exactly as received) or a page number (page paging).
PageToken = str | int | None


@dataclass(frozen=True)
class Condition:
    """A filter on any stored field, which only the offline copy can apply (no API filters by
    city or company): ``field`` is the API's field name, ``op`` one of ``mirror.query.conditions.OPS``."""

    field: str
    op: str
    value: str = ""


QUERY_FILTERS = ("email_status", "stage", "include_archived", "search")  # what a dialect's filters may set


@dataclass(frozen=True)
class Query:
    """What to list. Filters a dialect lacks are refused by ``Dialect.check``; ``where`` is
    answered by the offline copy only."""

    email_status: str | None = None
    stage: str | None = None
    include_archived: bool = False
    search: str | None = None
    where: tuple[Condition, ...] = ()

    def is_filtered(self) -> bool:
        return bool(self.email_status or self.stage or self.include_archived or self.search or self.where)


@dataclass(frozen=True)
class Page:
    items: list[Contact]
    next: PageToken  # None: this was the last page
    total: int | None = None  # known for page dialects
    total_pages: int | None = None
    request_id: str | None = None


class Dialect(abc.ABC):
    schema: DialectSchema
    contacts_path: str  # the collection's path under the base URL

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    @property
    def name(self) -> str:
        return self.schema.dialect

    def check(self, query: Query) -> None:
        """Raises ConfigurationError for a filter this dialect does not have."""
        check_query(self.schema, query)

    async def check_key(self) -> tuple[int | None, bool | None]:
        """Tries the key: a one-row listing (its errors are the key's) and ``can_write``.
        Returns the total when the dialect knows it, and whether the key may write."""
        page = await self.list_page(Query(), None, 1)
        return page.total, await self.can_write()

    async def can_write(self) -> bool | None:
        """Whether the key may change contacts, found without changing any: an empty PATCH
        of an id that cannot exist is refused with 403 when the key lacks the write scope,
        and with 404 (or 400) when it has it. None when the answer tells neither."""
        ghost = f"contact-desk-probe-{uuid.uuid4().hex}"
        try:
            await self.endpoint.call("PATCH", f"{self.contacts_path}/{ghost}", lambda _b: None, json={},
                                     idempotent=True)
        except errors.Forbidden:
            return False
        except (errors.NotFound, errors.ValidationFailed):
            return True
        except errors.ApiError:
            return None
        return True

    @abc.abstractmethod
    async def list_page(self, query: Query, token: PageToken = None, limit: int | None = None) -> Page:
        """One page of contacts, newest first."""

    @abc.abstractmethod
    async def get(self, contact_id: str) -> Contact:
        ...

    @abc.abstractmethod
    async def create(self, values: Mapping[str, Any]) -> Contact:
        """``values`` by API field name; only creatable fields."""

    @abc.abstractmethod
    async def update(self, contact_id: str, changes: Mapping[str, Any]) -> Contact:
        """Sends only ``changes`` (API field names); nothing is sent when it is empty."""

    def _only(self, values: Mapping[str, Any], allowed: tuple[str, ...], verb: str) -> dict[str, Any]:
        extra = sorted(set(values) - set(allowed))
        if extra:
            raise errors.ValidationFailed(f"{', '.join(extra)} cannot be {verb} on {self.schema.title}",
                                          field=extra[0])
        return dict(values)


def check_query(schema: DialectSchema, query: Query) -> None:
    """Raises ConfigurationError for a filter ``schema``'s dialect lacks or a value it does
    not know: before anything is sent or written."""
    if query.where:
        name = query.where[0].field
        raise errors.FilterNotOffered(f"{schema.title} accounts cannot filter by {name}: only the offline "
                                      "copy can", name)
    offered = {f.attr for f in schema.filters}
    for attr in QUERY_FILTERS:
        if getattr(query, attr) and attr not in offered:
            words = attr.replace("_", " ")
            raise errors.FilterNotOffered(f"{schema.title} accounts cannot filter by {words}", attr)
    for f in schema.filters:
        value = getattr(query, f.attr)
        choices = [c.value for c in f.choices]
        if choices and value and value not in choices:
            raise errors.ConfigurationError(
                f"{value!r} is not a valid {f.name} (use one of: {', '.join(choices)})")


def quote_id(contact_id: str) -> str:
    """An id as one path segment: never lets an id walk to another endpoint."""
    from urllib.parse import quote

    if not contact_id:
        raise errors.NotFound("This contact has no id")
    return quote(contact_id, safe="")
