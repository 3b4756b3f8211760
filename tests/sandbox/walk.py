"""Helpers that walk every page of a listing the way a client would."""

from __future__ import annotations

from typing import Any

import httpx


def smartcq_walk(c: httpx.Client, limit: int, **params: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(100_000):
        query = {"limit": limit, **params}
        if cursor is not None:
            query["cursor"] = cursor
        r = c.get("/api/v1/contacts", params=query)
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["data"]) <= limit
        out.extend(body["data"])
        cursor = body["next"]
        if cursor is None:
            return out
    raise AssertionError("the cursor walk did not end")


def replicer_walk(c: httpx.Client, limit: int, **params: Any) -> tuple[list[dict[str, Any]], int]:
    first = c.get("/v1/contacts", params={"limit": limit, "page": 1, **params})
    assert first.status_code == 200, first.text
    pagination = first.json()["pagination"]
    out = list(first.json()["data"])
    for page in range(2, pagination["totalPages"] + 1):
        r = c.get("/v1/contacts", params={"limit": limit, "page": page, **params})
        assert r.status_code == 200, r.text
        assert r.json()["pagination"]["total"] == pagination["total"]
        out.extend(r.json()["data"])
    return out, pagination["total"]
