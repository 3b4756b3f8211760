"""Typed contacts and envelopes, decoded straight from response bytes with msgspec.

Structs are frozen (a saved contact replaces its row, never mutates it) and
untracked by the GC (no cycles), which keeps a million of them small. Enum-like
fields are plain strings: a value the vendor adds tomorrow must not make a
whole page unreadable; the schema says which values we know.
"""

from __future__ import annotations

from datetime import datetime

import msgspec


def epoch(stamp: str | None) -> float | None:
    """An ISO 8601 timestamp from the server (``...Z`` or an offset) as seconds since the
    epoch; None when it is missing or unreadable (a server's odd value is not an error)."""
    if not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp).timestamp()  # Python 3.11 reads "Z" itself
    except (ValueError, TypeError, OverflowError):
        return None


class SmartCQContact(msgspec.Struct, frozen=True, gc=False, rename="camel", kw_only=True):
    """Fields in the vendor's order, so an export reads like the API."""

    id: str
    email: str
    first_name: str | None = None
    last_name: str | None = None
    email_status: str | None = None
    stage: str | None = None
    source: str | None = None
    consent_type: str | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    archived_at: str | None = None
    acquired_at: str | None = None
    created_at: str
    updated_at: str | None = None

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


class ReplicerContact(msgspec.Struct, frozen=True, gc=False, rename="camel", kw_only=True):
    id: str
    first_name: str | None = None
    last_name: str | None = None
    company: str | None = None
    job_title: str | None = None
    phone_number: str | None = None
    email: str | None = None
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None
    website: str | None = None
    birthday: str | None = None
    notes: str | None = None
    created_at: str
    updated_at: str | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


Contact = SmartCQContact | ReplicerContact
CONTACT_TYPES: dict[str, type[Contact]] = {"smartcq": SmartCQContact, "replicer": ReplicerContact}


class SmartCQPage(msgspec.Struct, frozen=True, gc=False):
    data: list[SmartCQContact]
    next: str | None = None


class SmartCQWrapped(msgspec.Struct, frozen=True, gc=False):
    data: SmartCQContact


class ReplicerPagination(msgspec.Struct, frozen=True, gc=False, rename="camel"):
    page: int
    limit: int
    total: int
    total_pages: int


class ReplicerPage(msgspec.Struct, frozen=True, gc=False, rename="camel"):
    data: list[ReplicerContact]
    pagination: ReplicerPagination
    request_id: str | None = None


class ReplicerWrapped(msgspec.Struct, frozen=True, gc=False, rename="camel"):
    data: ReplicerContact
    request_id: str | None = None


class Existing(msgspec.Struct, frozen=True):
    id: str | None = None
    status: str | None = None


class ErrorDetail(msgspec.Struct, frozen=True):
    code: str | None = None
    message: str | None = None
    existing: Existing | None = None
    field: str | None = None


class ErrorBody(msgspec.Struct, frozen=True, rename="camel"):
    error: ErrorDetail | None = None
    request_id: str | None = None

