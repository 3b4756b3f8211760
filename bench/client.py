"""Full-export throughput of our parallel walk (api/walk.py: what exports and syncs use) against a
bare httpx loop, and decode time per page.

    .venv/bin/python bench/client.py [--contacts 100000] [--rounds 3] [--json]

The bare loop is written like the SmartCQ vendor doc's pagination example
(fetch, .json(), append, follow next); for Replicer the same loop over page
numbers. Both run against the same sandbox, alternating, best of --rounds.
The sandbox runs in its own process (as a real server would: in-process it
would share the GIL with the client), once on bare loopback and once with
--latency-ms added to every request, like a server across the internet.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from common import sandbox_process
from contact_desk.api import ApiKey, Query, make_http_client, open_dialect
from contact_desk.api.models import ReplicerPage, SmartCQPage
from contact_desk.api.transport import decoder
from contact_desk.api.walk import walk

KEYS = {"smartcq": "demo-smartcq", "replicer": "rpl_test_demo"}


async def bare_loop(base: str, dialect: str) -> int:
    """What the vendor doc shows: one request after another, json(), extend."""
    everything: list[dict[str, Any]] = []
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {KEYS[dialect]}"}) as client:
        if dialect == "smartcq":
            cursor = None
            while True:
                params: dict[str, Any] = {"limit": 200}
                if cursor:
                    params["cursor"] = cursor
                j = (await client.get(f"{base}/api/v1/contacts", params=params)).json()
                everything.extend(j["data"])
                cursor = j["next"]
                if not cursor:
                    break
        else:
            page = 1
            while True:
                j = (await client.get(f"{base}/v1/contacts", params={"page": page, "limit": 100})).json()
                everything.extend(j["data"])
                if page >= j["pagination"]["totalPages"]:
                    break
                page += 1
    return len(everything)


async def ours(base: str, dialect: str) -> int:
    async with make_http_client() as http:
        d = open_dialect(http, dialect, ApiKey(KEYS[dialect]), base)
        seen: set[str] = set()

        async def count(items: list[Any]) -> None:
            seen.update(c.id for c in items)

        await walk(d, Query(), count)
        return len(seen)


def timed(fn: Any, *args: Any) -> tuple[float, int]:
    t = time.perf_counter()
    n = asyncio.run(fn(*args))
    return time.perf_counter() - t, n


def decode_times(base: str) -> dict[str, dict[str, float]]:
    out = {}
    for dialect, path, kind, limit in (("smartcq", "/api/v1/contacts", SmartCQPage, 200),
                                       ("replicer", "/v1/contacts", ReplicerPage, 100)):
        body = httpx.get(f"{base}{path}", params={"limit": limit},
                         headers={"Authorization": f"Bearer {KEYS[dialect]}"}).content
        dec = decoder(kind)
        samples_ours, samples_json = [], []
        for _ in range(300):
            t = time.perf_counter()
            dec(body)
            samples_ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            json.loads(body)
            samples_json.append(time.perf_counter() - t)
        out[dialect] = {"rows": limit, "msgspec_ms": statistics.median(samples_ours) * 1000,
                        "json_loads_ms": statistics.median(samples_json) * 1000}
    return out


def compare(base: str, rounds: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for dialect in ("smartcq", "replicer"):
        best_bare, best_ours, n_bare, n_ours = float("inf"), float("inf"), 0, 0
        for _ in range(rounds):
            t, n_bare = timed(bare_loop, base, dialect)
            best_bare = min(best_bare, t)
            t, n_ours = timed(ours, base, dialect)
            best_ours = min(best_ours, t)
        results[dialect] = {
            "contacts": n_ours, "bare_contacts": n_bare,
            "walk_s": round(best_ours, 3), "bare_loop_s": round(best_bare, 3),
            "walk_per_s": round(n_ours / best_ours), "bare_per_s": round(n_bare / best_bare),
            "speedup": round(best_bare / best_ours, 2),
        }
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--latency-ms", type=int, default=20, help="the second run's added latency")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="every part at a tiny size (a test runs it)")
    args = ap.parse_args()
    if args.smoke:
        args.contacts, args.rounds, args.latency_ms = 500, 1, 1
    results: dict[str, Any] = {"contacts": args.contacts}
    with tempfile.TemporaryDirectory() as folder:
        for latency in (0, args.latency_ms):
            with sandbox_process(args.contacts, Path(folder), latency) as base:
                results[f"latency_{latency}ms"] = compare(base, args.rounds)
                if latency == 0:
                    results["decode_per_page"] = decode_times(base)
    if args.json:
        print(json.dumps(results))
        return
    print(f"sandbox: {args.contacts:,} contacts per dialect, own process, best of {args.rounds} rounds")
    for latency in (0, args.latency_ms):
        print(f"-- {latency} ms added per request")
        print(f"{'dialect':<10} {'walk':>10} {'bare loop':>10} {'walk/s':>11} {'bare/s':>9} "
              f"{'speed-up':>9}")
        for dialect in ("smartcq", "replicer"):
            r = results[f"latency_{latency}ms"][dialect]
            assert r["contacts"] == r["bare_contacts"]
            print(f"{dialect:<10} {r['walk_s']:>9.2f}s {r['bare_loop_s']:>9.2f}s "
                  f"{r['walk_per_s']:>11,} {r['bare_per_s']:>9,} {r['speedup']:>8.2f}x")
    print("decode one page (median of 300):")
    for dialect, d in results["decode_per_page"].items():
        print(f"  {dialect:<9} {d['rows']} rows: msgspec into Structs {d['msgspec_ms']:.3f} ms, "
              f"json.loads into dicts {d['json_loads_ms']:.3f} ms")


if __name__ == "__main__":
    main()
