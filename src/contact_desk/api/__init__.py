"""Qt-free API layer: one async client for every dialect."""

from __future__ import annotations

import httpx

from contact_desk.api.dialect import Dialect, Page, PageToken, Query
from contact_desk.api.replicer import Replicer
from contact_desk.api.retry import RetryPolicy
from contact_desk.api.schema import SCHEMAS, DialectSchema
from contact_desk.api.smartcq import SmartCQ
from contact_desk.api.transport import ApiKey, Endpoint, check_base_url, make_http_client

DIALECTS: dict[str, type[Dialect]] = {"smartcq": SmartCQ, "replicer": Replicer}


def open_dialect(http: httpx.AsyncClient, dialect: str, key: ApiKey, base_url: str | None = None, *,
                 policy: RetryPolicy | None = None) -> Dialect:
    """An adapter for one account over the process's shared client."""
    try:
        cls = DIALECTS[dialect]
    except KeyError:
        from contact_desk.api.errors import ConfigurationError

        raise ConfigurationError(f"Unknown dialect {dialect!r} (known: {', '.join(DIALECTS)})") from None
    names = frozenset(f.name for f in cls.schema.stored)
    endpoint = Endpoint(http, base_url or cls.schema.default_base_url, key, policy=policy, field_names=names)
    return cls(endpoint)


def guess_dialect(key: str) -> str | None:
    """Replicer keys start rpl_live_ or rpl_test_; SmartCQ keys have no known shape."""
    return "replicer" if key.strip().startswith(("rpl_live_", "rpl_test_")) else None


__all__ = ["DIALECTS", "SCHEMAS", "ApiKey", "Dialect", "DialectSchema", "Endpoint", "Page", "PageToken",
           "Query", "Replicer", "RetryPolicy", "SmartCQ", "check_base_url", "guess_dialect",
           "make_http_client", "open_dialect"]
