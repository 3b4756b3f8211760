"""Contacts hypothesis generates with the quirks servers send: non-ASCII names, odd and invalid
phones, timestamps odd, invalid, naive or before 1970, the same contact twice."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from contact_desk.api.models import Contact, ReplicerContact, SmartCQContact

LETTERS = string.ascii_letters + "àèéìòùÀÉÜüößẞçñøÅæ'-. Ωж中\x7f"
text = st.text(LETTERS, max_size=12)
maybe = st.none() | text
stamps = st.sampled_from([
    "2026-01-15T08:00:00.000Z", "2026-01-15T08:00:00.001Z", "2025-12-31T23:59:59.999Z",
    "2026-01-15T08:00:00Z", "2026-01-15T09:00:00+01:00", "2026-01-15T08:00:00.123456Z",
    "2026-01-15T08:00:00", "1969-12-31T23:59:59.000Z",
    "1970-01-01T00:00:00.000Z", "not a date", "2026-13-40T08:00:00.000Z", "2026-02-30T25:61:00.000Z",
]) | st.integers(0, 2_000_000_000_000).map(
    lambda ms: f"{__import__('time').strftime('%Y-%m-%dT%H:%M:%S', __import__('time').gmtime(ms // 1000))}."
               f"{ms % 1000:03d}Z")
emails = st.sampled_from(["mario.rossi@example.com", "Zoë.Müller@Exämple.DE", "a@b@c.it", "no-at-all", "",
                          "x@", "@y.it", "STRASSE@GROSS.DE", "o'brien@example.com",
                          "Nul\x00Byte@X.it", "Ctrl\x7f@X.it"]) | st.emails().map(str)
phones = st.none() | st.sampled_from(["+393331234567", "+39 333 123 4567", "0039-333", "+", "abc", "٣٣٣",
                                      "０３３３", "+39333²", "3331234"])


@st.composite
def smartcq(draw: st.DrawFn, index: int) -> SmartCQContact:
    return SmartCQContact(
        id=f"c{index:05d}-{draw(st.sampled_from('0123456789abcdef'))}", email=draw(emails),
        first_name=draw(maybe), last_name=draw(maybe),
        email_status=draw(st.none() | st.sampled_from(["active", "bounced", "pending_review", "new-one"])),
        stage=draw(st.none() | st.sampled_from(["lead", "customer"])), source=draw(maybe),
        tags=draw(st.lists(st.sampled_from(["vip", "Città", "MÜNCHEN", "b2b", "a b"]), max_size=3)),
        consent_type=draw(st.none() | st.sampled_from(["contract", "consent"])),
        archived_at=draw(st.none() | stamps), acquired_at=draw(st.none() | stamps), created_at=draw(stamps),
        updated_at=draw(st.none() | stamps))


@st.composite
def replicer(draw: st.DrawFn, index: int) -> ReplicerContact:
    return ReplicerContact(
        id=f"r{index:05d}", first_name=draw(maybe), last_name=draw(maybe), company=draw(maybe),
        phone_number=draw(phones), email=draw(st.none() | emails), city=draw(maybe),
        country=draw(st.none() | st.sampled_from(["IT", "DE", "", " "])), created_at=draw(stamps),
        birthday=draw(st.none() | st.sampled_from(["1980-03-15", "--12-24", "1990-1-2", "", "x", "2001-11-30",
                                                   "1975-12-01"])),
        updated_at=draw(st.none() | stamps))


@st.composite
def contacts(draw: st.DrawFn, dialect: str) -> list[Contact]:
    n = draw(st.integers(1, 40))
    make = smartcq if dialect == "smartcq" else replicer
    out: list[Contact] = [draw(make(i)) for i in range(n)]
    if draw(st.booleans()) and n > 3:  # the same contact again, changed or not (pages that shifted)
        again = out[draw(st.integers(0, n - 1))]
        out.append(type(again)(**{**{f: getattr(again, f) for f in again.__struct_fields__},
                                  **({"first_name": draw(maybe)} if draw(st.booleans()) else {})}))
    return out
