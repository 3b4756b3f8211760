"""Sandbox numbers at scale: start time, first page, deep pages, search.

    .venv/bin/python bench/sandbox.py [--contacts 1000000] [--repeat 30] [--json]

Starts the sandbox cold (a fresh temporary database), then times requests over
real HTTP on loopback with one keep-alive client; prints median and p95.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from contact_desk.sandbox import Sandbox
from contact_desk.sandbox.demo_data import ANCHOR_MS
from contact_desk.sandbox.store import iso_ms


def timed(c: httpx.Client, repeat: int, path: str, **params: Any) -> tuple[float, float]:
    c.get(path, params=params).raise_for_status()  # warm
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        r = c.get(path, params=params)
        samples.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="every part at a tiny size (a test runs it)")
    args = ap.parse_args()
    if args.smoke:
        args.contacts, args.repeat = 500, 3
    results: dict[str, Any] = {"contacts": args.contacts}
    with tempfile.TemporaryDirectory(prefix="bench-sandbox-") as folder:
        t = time.perf_counter()
        sb = Sandbox(contacts=args.contacts, db=Path(folder)).start()
        results["start_cold_s"] = round(time.perf_counter() - t, 2)
        sb.stop()
        t = time.perf_counter()
        sb = Sandbox(contacts=args.contacts, db=Path(folder)).start()
        results["start_reused_db_s"] = round(time.perf_counter() - t, 3)
        try:
            rows = measure(sb, args.repeat)
        finally:
            sb.stop()
    results["latency_ms"] = rows
    if args.json:
        print(json.dumps(results))
        return
    print(f"contacts per dialect: {args.contacts:,}")
    print(f"start, cold build:    {results['start_cold_s']} s")
    print(f"start, reused --db:   {results['start_reused_db_s']} s")
    print(f"{'request':<48} {'median ms':>10} {'p95 ms':>8}")
    for name, (median, p95) in rows.items():
        print(f"{name:<48} {median:>10.2f} {p95:>8.2f}")


def measure(sb: Sandbox, repeat: int) -> dict[str, tuple[float, float]]:
    scq = httpx.Client(base_url=sb.base_url, headers={"Authorization": "Bearer demo-smartcq"})
    rpl = httpx.Client(base_url=sb.base_url, headers={"Authorization": "Bearer rpl_test_demo"})
    total = rpl.get("/v1/contacts").json()["pagination"]["total"]
    deep = iso_ms(ANCHOR_MS - int(4.9 * 365 * 24 * 3600 * 1000))  # ~98% of the way down
    rows = {
        "SmartCQ first page (limit 50)": timed(scq, repeat, "/api/v1/contacts"),
        "SmartCQ first page (limit 200)": timed(scq, repeat, "/api/v1/contacts", limit=200),
        "SmartCQ deep cursor page (limit 200)": timed(
            scq, repeat, "/api/v1/contacts", limit=200, cursor=deep),
        "SmartCQ filtered: complained + ex_customer": timed(
            scq, repeat, "/api/v1/contacts", limit=200, emailStatus="complained", stage="ex_customer"),
        "Replicer first page (limit 100)": timed(rpl, repeat, "/v1/contacts", limit=100),
        "Replicer last page (limit 100)": timed(rpl, repeat, "/v1/contacts", limit=100,
                                                page=(total + 99) // 100),
    }
    for query in ("rossi", "mario rossi", "+39 333", "acme", "example.com", "zz"):
        rows[f"Replicer search {query!r} (page 1, with total)"] = timed(
            rpl, repeat, "/v1/contacts", limit=100, search=query)
    rows["Replicer search 'ross', page 50"] = timed(rpl, repeat, "/v1/contacts", limit=100, search="ross",
                                                    page=50)
    return rows


if __name__ == "__main__":
    main()
