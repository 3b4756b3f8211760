"""Deterministic demo data: the same seed and size always give the same contacts.

Rows come out in chunks ready for ``executemany`` so that a million contacts
never sit in memory at once.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from contact_desk.sandbox import demo_names as names
from contact_desk.sandbox.rules import EMAIL_STATUSES, STAGES

# 2026-11-01T00:00:00Z: the newest generated contact is just before it.
ANCHOR_MS = 1_793_491_200_000
_FIVE_YEARS_MS = 5 * 365 * 24 * 3600 * 1000
_DAY_MS = 24 * 3600 * 1000
CHUNK = 20_000

_STATUS_WEIGHTS = (70, 10, 6, 2, 4, 8)
_STAGE_WEIGHTS = (40, 25, 28, 7)
_TRANSLIT = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d"})


def slug(text: str) -> str:
    """ASCII, lower-case, letters and digits only: 'Dell'Acqua' -> 'dellacqua'."""
    plain = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return "".join(ch for ch in plain.lower() if ch.isascii() and ch.isalnum())


@dataclass(frozen=True)
class Tenant:
    id: int
    name: str
    dialect: str
    contacts: int
    seed: int
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoKey:
    key: str
    tenant_id: int
    scopes: str
    purpose: str


def demo_tenants(contacts: int, seed: int) -> tuple[Tenant, ...]:
    other = min(contacts, 250)
    return (
        Tenant(1, "Demo", "smartcq", contacts, seed, names.SMARTCQ_DEMO_TAGS),
        Tenant(2, "Other", "smartcq", other, seed + 7919, names.SMARTCQ_OTHER_TAGS),
        Tenant(3, "Demo", "replicer", contacts, seed + 104729),
    )


READ_WRITE = "contacts:read contacts:write"
DEMO_KEYS: tuple[DemoKey, ...] = (
    DemoKey("demo-smartcq", 1, READ_WRITE, "SmartCQ, read+write, tenant Demo"),
    DemoKey("demo-smartcq-readonly", 1, "contacts:read", "SmartCQ, contacts:read only, tenant Demo"),
    DemoKey("demo-smartcq-other", 2, READ_WRITE, "SmartCQ, read+write, tenant Other"),
    DemoKey("rpl_test_demo", 3, READ_WRITE, "Replicer, read+write, tenant Demo"),
    DemoKey("rpl_test_readonly", 3, "contacts:read", "Replicer, contacts:read only, tenant Demo"),
)


# The accounts "Try the demo" opens: a read+write key of each dialect's Demo tenant.
DEMO_ACCOUNTS: tuple[tuple[str, str], ...] = (("smartcq", "demo-smartcq"), ("replicer", "rpl_test_demo"))


class _Emails:
    """Unique, readable addresses: mario.rossi@, then mario.rossi2@, ..."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def make(self, first: str, last: str, domain: str) -> str:
        base = f"{slug(first)}.{slug(last)}@{domain}"
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        if count == 1:
            return base
        local, _, dom = base.partition("@")
        return f"{local}{count}@{dom}"


def _timeline(rng: random.Random, n: int) -> list[int]:
    """n strictly increasing millisecond timestamps, the last one just before the anchor."""
    gap = max(2, (2 * _FIVE_YEARS_MS) // max(n, 1))
    steps = [rng.randrange(1, gap) for _ in range(n)]
    return list(accumulate(steps, initial=ANCHOR_MS - sum(steps) - 1))[1:]


def _weighted(values: tuple[str, ...], weights: tuple[int, ...]) -> tuple[str, ...]:
    """A 256-entry table: indexing it with a random byte draws by weight."""
    total = sum(weights)
    table = [v for v, w in zip(values, weights, strict=True) for _ in range(w * 256 // total)]
    return tuple(table + [values[0]] * (256 - len(table)))


_STATUS_TABLE = _weighted(EMAIL_STATUSES, _STATUS_WEIGHTS)
_STAGE_TABLE = _weighted(STAGES, _STAGE_WEIGHTS)


class _Bits:
    """Slices one large random integer into small draws: one RNG call per row."""

    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value

    def take(self, size: int) -> int:
        """A number in ``range(size)``; ``size`` at most 2**16 keeps the bias negligible."""
        out = (self.value & 0xFFFFFF) % size
        self.value >>= 24
        return out


def _tag_sets(rng: random.Random, tags: tuple[str, ...]) -> tuple[str, ...]:
    if not tags:
        return ("[]",)
    sizes = (0, 0, 0, 1, 1, 1, 2, 3)
    return tuple(json.dumps(rng.sample(tags, sizes[i % len(sizes)])) for i in range(512))


def _uuid4(value: int) -> str:
    h = f"{value:032x}"
    variant = "89ab"[int(h[16], 16) & 3]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}"


def smartcq_rows(tenant: Tenant) -> Iterator[list[tuple[object, ...]]]:
    """Rows for ``scq_contacts`` (see ``schema.SCQ_COLUMNS``), oldest first."""
    rng = random.Random(tenant.seed)
    emails = _Emails()
    tag_sets = _tag_sets(rng, tenant.tags)
    firsts, lasts, domains = names.FIRST_NAMES, names.LAST_NAMES, names.EMAIL_DOMAINS
    sources, consents = names.SOURCES, names.CONSENT_TYPES
    chunk: list[tuple[object, ...]] = []
    for created in _timeline(rng, tenant.contacts):
        b = _Bits(rng.getrandbits(384))
        ident = _uuid4(rng.getrandbits(128))
        first, last = firsts[b.take(len(firsts))], lasts[b.take(len(lasts))]
        email = emails.make(first, last, domains[b.take(len(domains))])
        if b.take(100) < 3:
            email = email.capitalize()  # some addresses were typed with capitals
        archived = created + _DAY_MS + b.take(90) * _DAY_MS if b.take(100) < 5 else None
        if archived is not None:
            archived = min(archived, ANCHOR_MS - 1)
        acquired = created - b.take(30) * _DAY_MS - b.take(86_400) * 1000 if b.take(10) < 8 else None
        updated = created + b.take(200) * _DAY_MS if b.take(2) else created
        updated = min(max(updated, archived or 0), ANCHOR_MS - 1)
        chunk.append((
            tenant.id, ident, email, email.lower(),
            first if b.take(50) else None, last if b.take(50) else None,
            _STATUS_TABLE[b.take(256)], _STAGE_TABLE[b.take(256)], sources[b.take(len(sources))],
            consents[b.take(len(consents))] if b.take(100) < 85 else None,
            tag_sets[b.take(len(tag_sets))], archived, acquired, created, updated,
        ))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def replicer_rows(tenant: Tenant) -> Iterator[list[tuple[object, ...]]]:
    """Rows for ``rpl_contacts`` (see ``schema.RPL_COLUMNS``), oldest first (seq 1..n)."""
    rng = random.Random(tenant.seed)
    emails = _Emails()
    firsts, lasts, domains = names.FIRST_NAMES, names.LAST_NAMES, names.EMAIL_DOMAINS
    cities, jobs, notes = names.CITIES, names.JOB_TITLES, names.NOTES
    stems, suffixes = names.COMPANY_STEMS, names.COMPANY_SUFFIXES
    kinds, streets = names.STREET_KINDS, names.STREET_NAMES
    websites = {f"{s} {x}".strip(): f"https://www.{slug(s + x)}.example" for s in stems for x in suffixes}
    chunk: list[tuple[object, ...]] = []
    for seq, created in enumerate(_timeline(rng, tenant.contacts), start=1):
        b = _Bits(rng.getrandbits(480))
        first, last = firsts[b.take(len(firsts))], lasts[b.take(len(lasts))]
        city, state, postal, country, prefix = cities[b.take(len(cities))]
        company: str | None = f"{stems[b.take(len(stems))]} {suffixes[b.take(len(suffixes))]}".rstrip()
        if b.take(10) < 3:
            company = None
        website = websites[company] if company and b.take(10) < 6 else None
        phone = None
        if b.take(100) < 85:
            phone = f"{prefix}3{b.take(1000):03d}{b.take(1000):03d}{b.take(1000):03d}"
        birthday = None
        if b.take(10) < 4:
            birthday = f"{1950 + b.take(55)}-{1 + b.take(12):02d}-{1 + b.take(28):02d}T00:00:00Z"
        updated = min(created + b.take(200) * _DAY_MS if b.take(2) else created, ANCHOR_MS - 1)
        chunk.append((
            tenant.id, seq, f"c{rng.getrandbits(96):024x}",
            first, last if b.take(100) >= 3 else None, company,
            jobs[b.take(len(jobs))] if company and b.take(10) < 7 else None,
            phone,
            emails.make(first, last, domains[b.take(len(domains))]) if b.take(10) < 9 else None,
            f"{kinds[b.take(len(kinds))]} {streets[b.take(len(streets))]} {1 + b.take(180)}"
            if b.take(10) < 7 else None,
            city, state, postal, country, website, birthday,
            notes[b.take(len(notes))] if b.take(4) == 0 else None,
            created, updated,
        ))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
