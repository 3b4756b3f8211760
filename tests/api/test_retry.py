"""The retry policy, from a table of cases."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from contact_desk.api.retry import Outcome, RetryPolicy, parse_retry_after

P = RetryPolicy(max_attempts=4)
NOT_SENT, LOST, STATUS = Outcome.NOT_SENT, Outcome.LOST, Outcome.STATUS


@pytest.mark.parametrize(("attempt", "outcome", "status", "idempotent", "retry"), [
    # idempotent calls (GET, PATCH, SmartCQ POST)
    (1, STATUS, 429, True, True),
    (1, STATUS, 503, True, True),
    (1, STATUS, 502, True, True),
    (1, STATUS, 504, True, True),
    (1, STATUS, 500, True, False),  # a bug, not a hiccup
    (1, STATUS, 400, True, False),
    (1, STATUS, 401, True, False),
    (1, STATUS, 404, True, False),
    (1, STATUS, 409, True, False),
    (1, LOST, None, True, True),
    (1, NOT_SENT, None, True, True),
    (3, STATUS, 503, True, True),
    (4, STATUS, 503, True, False),  # out of attempts
    (4, NOT_SENT, None, True, False),
    # not idempotent (Replicer POST)
    (1, STATUS, 429, False, True),  # refused before processing
    (1, STATUS, 503, False, False),
    (1, LOST, None, False, False),  # it may have happened
    (1, NOT_SENT, None, False, True),  # it certainly did not
])
def test_should_retry(attempt: int, outcome: Outcome, status: int | None, idempotent: bool,
                      retry: bool) -> None:
    assert P.should_retry(attempt, outcome, status, idempotent) is retry


@pytest.mark.parametrize(("header", "seconds"), [
    ("7", 7.0), ("0", 0.0), (" 12 ", 12.0), (None, None), ("soon", None), ("-3", None), ("1.5", None),
    ("Mon, 23 Nov 2026 12:00:30 GMT", 30.0), ("Mon, 23 Nov 2026 11:59:00 GMT", 0.0),
])
def test_retry_after_is_seconds_or_an_http_date(header: str | None, seconds: float | None) -> None:
    now = datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after(header, now) == seconds


@pytest.mark.parametrize(("retry_after", "expected"), [(2.0, 2.0), (0.0, 0.0), (999.0, 30.0)])
def test_retry_after_is_honoured_and_capped(retry_after: float, expected: float) -> None:
    assert P.delay(1, retry_after) == expected


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=4.0, rng=random.Random(1))
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 4.0), (9, 4.0)]:
        samples = [policy.delay(attempt, None) for _ in range(200)]
        assert all(ceiling / 2 <= s <= ceiling for s in samples)
        assert len(set(samples)) > 100  # jittered, not fixed
