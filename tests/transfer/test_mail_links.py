"""Email the selection (issue 35, point 2): BCC only, each link under the bound, every address
once, those without an email counted."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from contact_desk.api.models import ReplicerContact
from contact_desk.transfer.mail_links import MAX_LINK, addresses_of, mailto_links, pasted


def _c(i: int, email: str | None) -> ReplicerContact:
    return ReplicerContact(id=f"r{i}", email=email, created_at="2026-01-01T00:00:00Z")


def test_addresses_once_each_and_those_without_counted() -> None:
    got = addresses_of([_c(1, "Anna@Example.it"), _c(2, None), _c(3, "anna@example.IT"), _c(4, " "),
                        _c(5, "bruno+lista@example.com")])
    assert got.emails == ["Anna@Example.it", "bruno+lista@example.com"] and got.without == 2
    assert pasted(got.emails) == "Anna@Example.it; bruno+lista@example.com"


def test_links_are_bcc_only_under_the_bound_and_hold_every_address_once() -> None:
    emails = [f"persona.numero.{i}+tag&x@esempio-{i % 7}.example.it" for i in range(400)]
    links = mailto_links(emails)
    assert len(links) > 1
    back: list[str] = []
    for link in links:
        assert len(link) <= MAX_LINK
        parts = urlsplit(link)
        assert parts.scheme == "mailto" and parts.path == ""  # nobody in To
        query = parse_qs(parts.query)
        assert set(query) == {"bcc"}
        back += [unquote(a) for a in query["bcc"][0].split(",")]
    assert back == emails  # each once, in order, "+" and "&" kept as they are
    assert mailto_links([]) == [] and mailto_links(["a@b.it"]) == ["mailto:?bcc=a@b.it"]
