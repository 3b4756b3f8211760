"""The copy's search against the user guide's rules written the slow way (tests/mirror/test_search.py
``_matches``), for texts hypothesis makes up and for the cases that broke the rules before:
more than eight words, a word of more than 100 characters, accented emails, symbols alone."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact_desk.api import ApiKey, Query, make_http_client, open_dialect
from contact_desk.api.models import Contact
from contact_desk.mirror import LocalCopy, full_sync
from contact_desk.mirror.query.search import MAX_TEXT, SearchTooLong, words
from contact_desk.sandbox import Sandbox
from tests.api.helpers import FAST, KEYS
from tests.mirror.helpers import copied
from tests.mirror.test_search import _matches

ODD = [{"firstName": "Zoë", "lastName": "Müller", "email": "zoë.müller@esempio.it"},
       {"firstName": "ZOË", "lastName": "GRANDE", "email": "ZOË.MÜLLER@ESEMPIO.IT"},
       {"firstName": "x" * 100 + "a", "lastName": "Lungo", "email": "lungo@esempio.it"},
       {"firstName": "Smile 😀", "lastName": "O'Brien—Ng", "email": "smile@esempio.it",
        "company": "A*B \"Q\""}]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("search-rules")


@pytest.fixture(scope="module")
def server(folder: Path) -> object:
    with Sandbox(contacts=300, seed=31, db=folder / "server") as sb:
        with httpx.Client(base_url=sb.base_url, headers={"Authorization": f"Bearer {KEYS['replicer']}"}) as c:
            for values in ODD:
                assert c.post("/v1/contacts", json=values).status_code == 201
        yield sb


def _search_all(server: Sandbox, folder: Path, texts: list[str]) -> list[tuple[str, list[str], list[str]]]:
    async def main() -> list[tuple[str, list[str], list[str]]]:
        async with make_http_client() as http:
            api = open_dialect(http, "replicer", ApiKey(KEYS["replicer"]), server.base_url, policy=FAST)
            copy = await LocalCopy.open("rules", "replicer", folder / "copies")
            try:
                if not (await copy.status()).complete:
                    await full_sync(api, copy)
                everyone: list[Contact] = await copied(copy)
                out = []
                for text in texts:
                    _, found = await copy.search(Query(search=text, include_archived=True), limit=100_000)
                    out.append((text, [c.id for c in found], [c.id for c in everyone if _matches(c, text)]))
                return out
            finally:
                await copy.close()
    return asyncio.run(main())


CASES = [
    " ".join(["zoe"] * 8 + ["nessuno-xyz"]),  # a ninth word that matches nothing: nothing
    "x" * 100 + "b",  # a word of 101 characters is all of it
    "x" * 100 + "a",
    "zoë.müller@", "zoe.muller@", "ZOË.MÜLLER@ESEMPIO", "müller@esempio.it",
    '"', "*", "%", "\\", "😀", "—", "\u0301", "o' —", "smile 😀", "a*b", '"q"', "~a~", "o'brien",
    "zoë m", "m zoë", "lungo x", "ro ma", "x a", "~a~ z", "o' brien", "grande z ë", "333 z",
]


def test_the_cases_that_broke_the_rules(server: Sandbox, folder: Path) -> None:
    for text, found, expected in _search_all(server, folder, CASES):
        assert found == expected, text
    assert [len(e) for t, _, e in _search_all(server, folder, CASES[:4])][:2] == [0, 0]


_ALPHABET = st.sampled_from([*"aeiorsnlzxmü ëéàò@.-'\"*%\\_+0123456789~—😀", "\u0301", " "])


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(st.lists(st.text(_ALPHABET, min_size=1, max_size=14), min_size=40, max_size=40))
def test_any_text_finds_what_the_rules_say(server: Sandbox, folder: Path, texts: list[str]) -> None:
    for text, found, expected in _search_all(server, folder, texts):
        assert found == expected, repr(text)


def test_a_search_longer_than_the_bound_is_said() -> None:
    assert words("a" * MAX_TEXT)
    with pytest.raises(SearchTooLong, match="at most 1,000 characters"):
        words("a" * (MAX_TEXT + 1))


def test_the_copys_emails_are_in_lower_case_as_an_import_compares_them(server: Sandbox, folder: Path) -> None:
    async def main() -> set[str]:
        copy = await LocalCopy.open("rules", "replicer", folder / "copies")
        try:
            return await copy.emails()
        finally:
            await copy.close()

    _search_all(server, folder, [])  # the copy, synced
    emails = asyncio.run(main())
    assert "zoë.müller@esempio.it" in emails and not any(e != e.lower() for e in emails)
