"""Saving a change without overwriting a teammate's: every save reads the contact first. Qt-free.

Neither API has ETags or conditional requests, and a PATCH changes only the fields it sends. So a
save keeps the contact as the user saw it (the *base*), reads it again just before sending (*now*)
and decides per field (``merge``):

* changed only by the user → sent;
* changed only on the server → kept (the caller shows it and says so);
* changed by both, to different values → a ``Clash``: nothing is sent until the user chooses;
* changed by both to the same value → nothing to do.

Tags merge element by element (a tag one added and a tag the other added are both kept; one removed
stays removed), so they never clash. After the PATCH its answer is compared with the read: a field
that moved in between (a window no client can close) is returned as ``moved``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from contact_desk.api import Dialect
from contact_desk.api.models import Contact
from contact_desk.api.schema import DialectSchema as Schema
from contact_desk.api.schema import Field, Kind
from contact_desk.api.transport import answered_request_id


def value_of(f: Field, contact: Contact | None) -> Any:
    """A field's value as people edit it: dates as yyyy-MM-dd, no value as None."""
    if contact is None:
        return None
    value = getattr(contact, f.attr, None)
    if f.kind is Kind.DATE and isinstance(value, str):
        return value[:10]
    if value in ("", []):
        return None
    return value


def values_of(schema: Schema, contact: Contact | None, names: Iterable[str]) -> dict[str, Any]:
    """``value_of`` for each named field."""
    return {n: value_of(schema.field(n), contact) for n in names}


def same(f: Field, a: Any, b: Any) -> bool:
    """Whether two values of ``f`` are the same to a person (emails and tags ignore case; tags
    their order; no value and an empty one are alike)."""
    a, b = (None if v in ("", []) else v for v in (a, b))
    if isinstance(a, str) and isinstance(b, str) and f.kind in (Kind.EMAIL, Kind.URL):
        return a.strip().casefold() == b.strip().casefold()
    if f.kind is Kind.TAGS:
        return _tag_set(a) == _tag_set(b)
    return bool(a == b)


def _tag_set(tags: Any) -> set[str]:
    return {str(t).casefold() for t in tags or []}


def _merged_tags(base: Any, mine: Any, now: Any) -> list[str]:
    """Now's tags, plus those the user added, less those the user removed (now's order first)."""
    added = _tag_set(mine) - _tag_set(base)
    removed = _tag_set(base) - _tag_set(mine)
    out = [str(t) for t in now or [] if str(t).casefold() not in removed]
    have = _tag_set(out)
    for t in mine or []:
        if str(t).casefold() in added and str(t).casefold() not in have:
            out.append(str(t))
            have.add(str(t).casefold())
    return out


@dataclass(frozen=True)
class Clash:
    """A field both the user and someone else changed, to different values."""

    name: str
    before: Any  # as the user saw it
    yours: Any
    theirs: Any  # on the server now


@dataclass
class Merge:
    send: dict[str, Any] = field(default_factory=dict)  # the user's changes the server lacks
    theirs: dict[str, Any] = field(default_factory=dict)  # changed only on the server: kept (name → value)
    clashes: list[Clash] = field(default_factory=list)
    same: list[str] = field(default_factory=list)  # both made the same change
    now: dict[str, Any] = field(default_factory=dict)  # the server's values it was decided on

    @property
    def clean(self) -> bool:
        return not self.clashes


def merge(schema: Schema, base: dict[str, Any], mine: dict[str, Any], now: dict[str, Any]) -> Merge:
    """The per-field decision. ``base``: every field as the user saw it; ``mine``: the fields the
    user changed, with their new values; ``now``: every field as the server has it now."""
    out = Merge(now=dict(now))
    for name, was in base.items():
        f = schema.field(name)
        there = now.get(name)
        if name in mine and not same(f, mine[name], was):
            yours = mine[name]
            if f.kind is Kind.TAGS:
                merged = _merged_tags(was, yours, there)
                if same(f, merged, there):
                    out.same.append(name)
                else:
                    out.send[name] = merged
                if not same(f, there, was):
                    out.theirs[name] = there
            elif same(f, there, was):
                out.send[name] = yours
            elif same(f, there, yours):
                out.same.append(name)
            else:
                out.clashes.append(Clash(name, was, yours, there))
        elif not same(f, there, was):
            out.theirs[name] = there
    return out


@dataclass
class Saved:
    """What a checked save did: the contact as the server now has it, what the save sent, what
    it kept of others' changes, and what moved between its read and its write."""

    contact: Contact
    sent: dict[str, Any]
    kept: dict[str, Any]  # others' changes kept (name → value)
    before: dict[str, Any]  # the sent fields' values on the server just before the write
    moved: dict[str, Any] = field(default_factory=dict)  # changed by someone between read and write
    request_id: str = ""  # the write's, as the server named it


async def checked_update(dialect: Dialect, contact_id: str, base: dict[str, Any],
                         mine: dict[str, Any]) -> tuple[Merge, Saved | None]:
    """Reads the contact, merges, and sends the user's changes only when nothing clashes
    (``Saved`` None: the caller shows the clashes; nothing was sent)."""
    now_contact = await dialect.get(contact_id)
    schema = dialect.schema
    now = values_of(schema, now_contact, base)
    decided = merge(schema, base, mine, now)
    if decided.clashes:
        return decided, None
    return decided, await send_checked(dialect, now_contact, decided.send, decided.theirs)


async def send_checked(dialect: Dialect, read: Contact, send: dict[str, Any],
                       kept: dict[str, Any] | None = None) -> Saved:
    """PATCHes ``send`` onto the contact just ``read`` (nothing when it is empty) and compares the
    answer with the read: the fields that moved in between are ``moved``."""
    schema = dialect.schema
    names = [f.name for f in schema.patchable]
    before = values_of(schema, read, send)
    if not send:
        return Saved(read, {}, dict(kept or {}), before)
    answer = await dialect.update(read.id, send)
    request_id = answered_request_id() or ""
    seen, got = values_of(schema, read, names), values_of(schema, answer, names)
    moved = {n: got[n] for n in names if n not in send and not same(schema.field(n), seen[n], got[n])}
    return Saved(answer, dict(send), dict(kept or {}), before, moved, request_id)
