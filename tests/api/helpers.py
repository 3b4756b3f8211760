"""Running the async client against the sandbox from plain pytest tests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx

from contact_desk.api import ApiKey, Dialect, RetryPolicy, make_http_client, open_dialect
from contact_desk.api.transport import TIMEOUT
from contact_desk.sandbox import Sandbox

T = TypeVar("T")
# Retries without waiting: Retry-After and backoff are capped to milliseconds.
FAST = RetryPolicy(max_attempts=12, base_delay=0.001, max_delay=0.004, max_retry_after=0.002)
KEYS = {"smartcq": "demo-smartcq", "replicer": "rpl_test_demo"}


def run_with(sb: Sandbox, dialect: str, fn: Callable[[Dialect], Awaitable[T]], *, key: str | None = None,
             policy: RetryPolicy | None = FAST, timeout: httpx.Timeout = TIMEOUT) -> T:
    async def main() -> T:
        async with make_http_client(timeout) as http:
            return await fn(open_dialect(http, dialect, ApiKey(key or KEYS[dialect]), sb.base_url,
                                         policy=policy))
    return asyncio.run(main())
