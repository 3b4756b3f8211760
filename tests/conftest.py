"""Shared fixtures: a real sandbox on loopback, offscreen Qt, strict CI mode."""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from contact_desk.sandbox import Faults, Sandbox

STRICT = os.environ.get("CI", "").lower() == "true"
CONTACTS = 600


def require(condition: bool, reason: str) -> None:
    """Skip when a real component is missing, but fail under CI=true."""
    if condition:
        return
    if STRICT:
        pytest.fail(f"CI=true and a required real component is missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """One sandbox for the session; tests that change data leave it consistent."""
    with Sandbox(contacts=CONTACTS, seed=7) as sb:
        yield sb


@pytest.fixture
def faulty(sandbox: Sandbox) -> Iterator[Sandbox]:
    """The session sandbox, with its faults reset after the test."""
    sandbox.reset_stats()
    sandbox.clear_requests()
    yield sandbox
    sandbox.faults = Faults()
    sandbox.reset_stats()


def client(sb: Sandbox, key: str | None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    return httpx.Client(base_url=sb.base_url, headers=headers, timeout=10)


@pytest.fixture
def scq(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with client(sandbox, "demo-smartcq") as c:
        yield c


@pytest.fixture
def rpl(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with client(sandbox, "rpl_test_demo") as c:
        yield c


from tests.cli_support import cli, real_cli  # noqa: E402, F401 (the fixtures, for every test module)
