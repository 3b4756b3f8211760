"""What the local copy keeps of a contact beside its JSON: the columns it filters,
orders and searches by. Derived from the typed contact, the same for both dialects."""

from __future__ import annotations

import sqlite3
import zlib
from typing import NamedTuple

import msgspec

from contact_desk.api.models import Contact, epoch
from contact_desk.mirror.errors import CopyDamaged
from contact_desk.mirror.file import facets, tallies
from contact_desk.mirror.query import duplicates
from contact_desk.mirror.query.search import ARCHIVED_GRAM, ARCHIVED_WORD, digits, fold

ORD_SPREAD = 16  # keys per microsecond: room for contacts created at the same instant
encode = msgspec.json.Encoder().encode  # a contact as the API's JSON (bytes)


class Row(NamedTuple):  # a tuple: made 100,000 times a sync, it should cost little
    id: str
    raw: str  # the contact as the API's JSON
    ord_hint: int  # newest lowest: minus createdAt in microseconds, spread by the id
    email_status: str | None
    stage: str | None
    archived: int
    domain: str | None
    phone: str | None
    created_ms: int | None
    grams: tuple[str, str, str, str, str, str, str]  # name, email local, phone, company, city, tags, flags
    words: tuple[str, str, str]  # name, email, flags
    tallies: tuple[tuple[str, str], ...]  # the (field, value) counts it adds to (mirror/file/tallies.py)
    keys: tuple[str | None, str | None]  # its email and name keys for duplicates (mirror/query/duplicates.py)
    facets: tuple[tuple[str, str], ...]  # its tags and choices a filter reads (mirror/file/facets.py)


def micros(stamp: str | None) -> int:
    """A creation time in microseconds since the epoch; 0 when unreadable or not after 1970."""
    created = epoch(stamp)
    return round(created * 1_000_000) if created is not None and created > 0 else 0


def spread(contact_id: str) -> int:
    """Where a contact's key sits among the ORD_SPREAD keys of its creation microsecond."""
    return zlib.crc32(contact_id.encode()) % ORD_SPREAD


def searched(contact: Contact) -> tuple[str, str, str, str, str]:
    """The texts a search meets, folded: email, name, company, city, tags (each from the field
    of that name when the dialect has it; no dialect named here)."""
    return (fold(contact.email or ""), fold(contact.full_name), fold(getattr(contact, "company", None) or ""),
            fold(getattr(contact, "city", None) or ""), fold(" ".join(getattr(contact, "tags", ()))))


def row_from(contact: Contact, raw: str) -> Row:
    created_us = micros(contact.created_at)
    email, name, company, city, tags = searched(contact)
    local, _, domain = email.rpartition("@") if "@" in email else (email, "", "")
    phone_digits = digits(getattr(contact, "phone_number", None))
    status, stage = getattr(contact, "email_status", None), getattr(contact, "stage", None)
    archived = int(bool(getattr(contact, "archived", False)))
    return Row(
        id=contact.id, raw=raw, ord_hint=-(created_us * ORD_SPREAD + spread(contact.id)),  # newest lowest
        email_status=status, stage=stage, archived=archived, domain=domain or None,
        phone=("+" + phone_digits) if phone_digits else None,
        created_ms=created_us // 1000 if created_us else None,
        grams=(name, local, phone_digits, company, city, tags, ARCHIVED_GRAM if archived else ""),
        words=(name, email, ARCHIVED_WORD if archived else ""),
        tallies=tallies.of(contact, created_us),
        keys=duplicates.keys_of(contact),
        facets=facets.of(contact),
    )


def free_ords(con: sqlite3.Connection, hints: list[int]) -> list[int]:
    """A free key for each hint (the hint itself, unless taken: then the next lower free one)."""
    if not hints:
        return []
    marks = ", ".join("?" for _ in hints)
    taken = {r[0] for r in con.execute(f"SELECT ord FROM contacts WHERE ord IN ({marks})", hints)}
    out: list[int] = []
    for hint in hints:
        ord_ = hint if hint not in taken else _free_ord(con, hint, taken)
        taken.add(ord_)
        out.append(ord_)
    return out


def _free_ord(con: sqlite3.Connection, hint: int, taken: set[int]) -> int:
    for candidate in range(hint, hint - 10_000, -1):
        if candidate in taken:
            continue
        if con.execute("SELECT 1 FROM contacts WHERE ord = ?", (candidate,)).fetchone() is None:
            return candidate
    raise CopyDamaged("no free place for a contact")  # ten thousand contacts in one microsecond

