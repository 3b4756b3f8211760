"""One retry policy for every call, tested from a table (tests/api/test_retry.py).

Retried: 429, 502, 503, 504, connection failures and unreadable answers, with
``Retry-After`` honoured (seconds or an HTTP date, capped), else capped
exponential backoff, jittered over its upper half (uniform between half the
ceiling and the ceiling). What is retried depends on whether the
call is safe to repeat: GET and PATCH are; SmartCQ's POST is (idempotent per
email, see the contract); Replicer's POST is not, so it is retried only when
the request certainly never reached the server.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import Enum

RETRY_STATUSES = frozenset({429, 502, 503, 504})


class Outcome(Enum):
    """What happened to one attempt, as far as retrying is concerned."""

    NOT_SENT = "not_sent"  # connect error / connect timeout: the server never saw it
    LOST = "lost"  # sent, but the answer was cut, timed out or unreadable
    UNUSABLE = "unusable"  # sent and answered, but too large or too slow: trying again cannot help
    STATUS = "status"  # a complete answer with an HTTP status


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4
    base_delay: float = 0.25
    max_delay: float = 8.0
    max_retry_after: float = 30.0
    rng: random.Random = field(default_factory=random.Random, compare=False)

    def should_retry(self, attempt: int, outcome: Outcome, status: int | None, idempotent: bool) -> bool:
        """``attempt`` counts from 1: may the call be tried again after this one?"""
        if attempt >= self.max_attempts:
            return False
        if outcome is Outcome.NOT_SENT:
            return True
        if outcome is Outcome.UNUSABLE:
            return False
        if outcome is Outcome.LOST:
            return idempotent
        if status == 429:
            return True  # refused before being processed
        return idempotent and status in RETRY_STATUSES

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before attempt ``attempt + 1``."""
        if retry_after is not None and retry_after >= 0:
            return min(retry_after, self.max_retry_after)
        ceiling = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        return self.rng.uniform(ceiling / 2, ceiling)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()[:64]
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
    except (OverflowError, TypeError):
        return None
