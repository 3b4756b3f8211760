"""Writing to many contacts at once: their addresses (each once, whatever its case) as ``mailto:``
links with every address in BCC, never To (the recipients do not see each other), split into
several drafts where one link would pass MAX_LINK characters (Outlook on Windows cuts longer
``mailto:`` links, and a cut address would be wrong, not missing); and as text to paste into a
mail program's Bcc field. Qt-free."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from contact_desk.api.models import Contact

MAX_LINK = 1900  # characters of one mailto: link, whole
SEPARATOR = "; "  # what Outlook and Gmail both split a pasted list of addresses on


@dataclass(frozen=True)
class Addresses:
    emails: list[str]  # each once, in the contacts' order
    without: int  # contacts with no email: left out, and counted


def addresses_of(contacts: Iterable[Contact]) -> Addresses:
    seen: set[str] = set()
    emails: list[str] = []
    without = 0
    for contact in contacts:
        email = (getattr(contact, "email", None) or "").strip()
        if not email or "@" not in email:
            without += 1
            continue
        if email.casefold() not in seen:
            seen.add(email.casefold())
            emails.append(email)
    return Addresses(emails, without)


def _encoded(email: str) -> str:
    """An address as a mailto: query value (RFC 6068): '@' kept, the rest escaped."""
    return quote(email, safe="@")


def mailto_links(emails: list[str], limit: int = MAX_LINK) -> list[str]:
    """``mailto:?bcc=a,b,…`` links, each at most ``limit`` characters, every address in exactly
    one. An address too long for a link of its own still gets one (it cannot be split)."""
    head = "mailto:?bcc="
    links: list[str] = []
    current: list[str] = []
    length = len(head)
    for email in emails:
        part = _encoded(email)
        extra = len(part) + (1 if current else 0)  # the comma before it
        if current and length + extra > limit:
            links.append(head + ",".join(current))
            current, length = [], len(head)
            extra = len(part)
        current.append(part)
        length += extra
    if current:
        links.append(head + ",".join(current))
    return links


def pasted(emails: list[str]) -> str:
    """The addresses as one line to paste into a To, Cc or Bcc field."""
    return SEPARATOR.join(emails)
