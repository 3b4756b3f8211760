"""What the local copy keeps of a contact beside its JSON: the columns it filters,
orders and searches by. Derived from the typed contact, the same for both dialects."""

from __future__ import annotations

import zlib
from typing import NamedTuple

import msgspec

from contact_desk.api.models import Contact, ReplicerContact, SmartCQContact, epoch
from contact_desk.mirror.queries import ARCHIVED_GRAM, ARCHIVED_WORD
from contact_desk.mirror.search import digits, fold

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


def row_from(contact: Contact, raw: str) -> Row:
    created = epoch(contact.created_at)
    created_us = round(created * 1_000_000) if created is not None and created > 0 else 0
    spread = zlib.crc32(contact.id.encode()) % ORD_SPREAD
    email = fold(contact.email or "")
    local, _, domain = email.rpartition("@") if "@" in email else (email, "", "")
    phone_raw = contact.phone_number if isinstance(contact, ReplicerContact) else None
    phone_digits = digits(phone_raw)
    name = fold(contact.full_name)
    company = city = tags = ""
    status = stage = None
    archived = 0
    if isinstance(contact, ReplicerContact):
        company = fold(contact.company or "")
        city = fold(contact.city or "")
    if isinstance(contact, SmartCQContact):
        tags = fold(" ".join(contact.tags))
        status, stage, archived = contact.email_status, contact.stage, int(contact.archived)
    return Row(
        id=contact.id, raw=raw, ord_hint=-(created_us * ORD_SPREAD + spread),  # newest lowest
        email_status=status, stage=stage, archived=archived, domain=domain or None,
        phone=("+" + phone_digits) if phone_digits else None,
        created_ms=created_us // 1000 if created_us else None,
        grams=(name, local, phone_digits, company, city, tags, ARCHIVED_GRAM if archived else ""),
        words=(name, email, ARCHIVED_WORD if archived else ""),
    )
