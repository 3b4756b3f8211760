"""The local copy's numbers: sync speed, search speed, memory, disk, offline start.

    .venv/bin/python bench/mirror.py [--contacts 100000] [--big 1000000] [--latency-ms 20] [--json]

* sync speedup: a full sync into a new copy (parallel walk + SQLite + FTS5) against
  the vendor doc's sequential loop (fetch, json(), extend, follow next; Replicer: the
  same over page numbers), both on a sandbox in its own process that adds
  --latency-ms to every request. The loop only downloads; the sync also stores and
  indexes (the time is until the copy is searchable). --repeat rounds of the pair, in
  turn; the figure is the median ratio.
* requests: the first sync's list requests (SmartCQ) at --contacts and at --small
  contacts, printed beside the vendor loop's (its pages).
* search: a copy of --big contacts (synced from a sandbox with no added latency,
  SmartCQ): count + first 100 rows for `rossi`, `mario rossi`, `+39 333`,
  `example.com`, each --rounds times; p95 over all of them.
* big sync: --big contacts, no added latency, until searchable; RSS growth: the peak
  resident size during that sync minus the size before.
* offline first rows: bench/offline_window.py in a fresh process (the window opens
  an account whose server is down, on the big copy).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from common import cpu_spent, rss_mb, sandbox_process
from contact_desk.api import ApiKey, Query, make_http_client, open_dialect
from contact_desk.mirror import LocalCopy, full_sync

KEYS = {"smartcq": "demo-smartcq", "replicer": "rpl_test_demo"}
SEARCHES = ("rossi", "mario rossi", "+39 333", "example.com")


async def vendor_loop(base: str, dialect: str) -> tuple[int, int]:
    """The vendor doc's pagination example: one request after another. Returns the contacts and
    the requests it took."""
    count = requests = 0
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {KEYS[dialect]}"}, timeout=60) as client:
        if dialect == "smartcq":
            cursor = None
            while True:
                params: dict[str, Any] = {"limit": 200, "includeArchived": "true"}
                if cursor:
                    params["cursor"] = cursor
                j = (await client.get(f"{base}/api/v1/contacts", params=params)).json()
                count, requests = count + len(j["data"]), requests + 1
                cursor = j["next"]
                if not cursor:
                    return count, requests
        page = 1
        while True:
            j = (await client.get(f"{base}/v1/contacts", params={"page": page, "limit": 100})).json()
            count, requests = count + len(j["data"]), requests + 1
            if page >= j["pagination"]["totalPages"]:
                return count, requests
            page += 1


CPU: dict[str, float] = {}  # the last sync_once's CPU seconds: sandbox, client (all threads), writer thread


async def sync_once(base: str, dialect: str, folder: Path, account: str) -> tuple[float, int, int]:
    async with make_http_client() as http:
        api = open_dialect(http, dialect, ApiKey(KEYS[dialect]), base)
        copy = await LocalCopy.open(account, dialect, folder)
        loop = asyncio.get_running_loop()
        try:
            with cpu_spent(base) as spent:
                # the CPU time of the copy's writer thread, read on that thread
                writer = await loop.run_in_executor(copy._writer, time.thread_time)
                started = time.perf_counter()
                result = await full_sync(api, copy)
                seconds = time.perf_counter() - started
                writer = await loop.run_in_executor(copy._writer, time.thread_time) - writer
            CPU.clear()
            CPU.update(spent, writer=writer)
            return seconds, result.fetched, result.requests
        finally:
            await copy.close()


def cpu_text(spent: dict[str, float] = CPU) -> str:
    return ", ".join(f"{k} {v:.1f} s" for k, v in spent.items())


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def forget_copy(folder: Path, name: str) -> None:
    for f in folder.glob(f"{name}.sqlite3*"):
        f.unlink()


def sync_speedups(contacts: int, latency: int, work: Path, rounds: int) -> dict[str, Any]:
    """Per dialect, ``rounds`` times in turn: the vendor loop, then a first sync into a new copy;
    the speed-up is the median of the rounds' ratios (each round's pair ran under the same load)."""
    out: dict[str, Any] = {}
    with sandbox_process(contacts, work / f"sandbox-{contacts}", latency) as base:
        for dialect in ("smartcq", "replicer"):
            copies, name = work / "copies", f"speed-{dialect}"
            ratios, loops, syncs = [], [], []
            for _ in range(rounds):
                with cpu_spent(base) as spent:
                    started = time.perf_counter()
                    n_loop, loop_requests = asyncio.run(vendor_loop(base, dialect))
                    loop_s = time.perf_counter() - started
                print(f"  vendor loop CPU: {cpu_text(spent)}", flush=True)
                forget_copy(copies, name)
                sync_s, n_sync, requests = asyncio.run(sync_once(base, dialect, copies, name))
                sync_cpu = {k: round(v, 2) for k, v in CPU.items()}
                print(f"  first sync CPU: {cpu_text()} ({os.cpu_count()} cores)", flush=True)
                assert n_loop <= n_sync + 5, (n_loop, n_sync)
                print(f"{dialect:9} {n_sync:,} contacts at {latency} ms: vendor loop {loop_s:.2f} s "
                      f"({loop_requests} requests), first sync {sync_s:.2f} s ({requests} requests) -> "
                      f"{loop_s / sync_s:.1f}x", flush=True)
                ratios.append(loop_s / sync_s)
                loops.append(loop_s)
                syncs.append(sync_s)
            again_s, _, _ = asyncio.run(sync_once(base, dialect, copies, name))
            print(f"  again, nothing changed: {again_s:.2f} s; re-sync CPU: {cpu_text()}", flush=True)
            out[dialect] = {"contacts": n_sync, "vendor_loop_s": [round(x, 2) for x in loops],
                            "vendor_loop_requests": loop_requests,
                            "full_sync_s": [round(x, 2) for x in syncs],
                            "resync_unchanged_s": round(again_s, 2),
                            "requests": requests, "speedup": round(statistics.median(ratios), 2),
                            "speedups": [round(x, 2) for x in ratios],
                            "speedup_unchanged": round(statistics.median(loops) / again_s, 2),
                            "first_sync_cpu_s": sync_cpu}
    return out


def walk_requests(contacts: int, latency: int, work: Path) -> dict[str, int]:
    """The requests of a first sync's walk (SmartCQ) beside the vendor loop's, at ``contacts``."""
    with sandbox_process(contacts, work / f"sandbox-{contacts}", latency) as base:
        _, loop_requests = asyncio.run(vendor_loop(base, "smartcq"))
        forget_copy(work / "copies", "walk")
        _, n, requests = asyncio.run(sync_once(base, "smartcq", work / "copies", "walk"))
    print(f"smartcq   {n:,} contacts: first sync {requests} requests, vendor loop {loop_requests} "
          f"(bound 1.2 x {loop_requests} + 12 = {1.2 * loop_requests + 12:.0f})", flush=True)
    return {"requests": requests, "vendor_loop_requests": loop_requests}


async def search_times(folder: Path, account: str, rounds: int) -> dict[str, Any]:
    copy = await LocalCopy.open(account, "smartcq", folder)
    samples: dict[str, list[float]] = {q: [] for q in SEARCHES}
    counts: dict[str, int] = {}
    try:
        for _ in range(rounds):
            for text in SEARCHES:
                started = time.perf_counter()
                count, rows = await copy.search(Query(search=text), limit=100)
                samples[text].append((time.perf_counter() - started) * 1000)
                counts[text] = count
                assert rows or not count
    finally:
        await copy.close()
    every = sorted(s for v in samples.values() for s in v)
    p95 = every[min(len(every) - 1, int(len(every) * 0.95))]
    per = {q: {"matches": counts[q], "median_ms": round(statistics.median(v), 2),
               "max_ms": round(max(v), 2)} for q, v in samples.items()}
    return {"p95_ms": round(p95, 2), "queries": per}


def big(contacts: int, rounds: int, work: Path) -> dict[str, Any]:
    with sandbox_process(contacts, work / f"sandbox-{contacts}", 0) as base:
        before = rss_mb()
        seconds, fetched, requests = asyncio.run(sync_once(base, "smartcq", work / "copies", "big"))
        growth = peak_mb() - before
    files = list((work / "copies").glob("big.sqlite3*"))
    disk = sum(f.stat().st_size for f in files) / 1e6
    print(f"big sync: {fetched:,} contacts in {seconds:.1f} s ({requests} requests), RSS growth "
          f"{growth:.0f} MB (peak), copy on disk {disk:,.0f} MB ({disk * 1e6 / max(fetched, 1):.0f} bytes "
          "a contact)", flush=True)
    searches = asyncio.run(search_times(work / "copies", "big", rounds))
    for q, v in searches["queries"].items():
        print(f"  search {q!r:15}: {v['matches']:>9,} matches, median {v['median_ms']} ms, "
              f"max {v['max_ms']} ms")
    print(f"  search p95 over {rounds} rounds of 4 queries: {searches['p95_ms']} ms", flush=True)
    return {"contacts": fetched, "sync_s": round(seconds, 1), "rss_growth_mb": round(growth, 1),
            "disk_mb": round(disk, 1), "search": searches}


def offline_first_rows(work: Path) -> float | None:
    script = Path(__file__).with_name("offline_window.py")
    if not script.exists():
        return None
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    r = subprocess.run([sys.executable, str(script), str(work / "copies"), "big"], check=False,
                       capture_output=True, text=True, env=env, timeout=300)
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        return None
    ms = float(json.loads(r.stdout.strip().splitlines()[-1])["first_rows_ms"])
    print(f"offline start on the big copy: window shown -> first rows painted in {ms:.0f} ms", flush=True)
    return ms


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--big", type=int, default=1_000_000)
    ap.add_argument("--latency-ms", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=20, help="rounds of the search queries")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of vendor loop + first sync (median)")
    ap.add_argument("--small", type=int, default=2345, help="the small tenant whose walk's requests count")
    ap.add_argument("--work", type=Path, help="keep sandboxes and copies here (default: a temporary folder)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--skip-speed", action="store_true", help="only the big copy's figures")
    ap.add_argument("--smoke", action="store_true", help="every part at a tiny size (a test runs it)")
    args = ap.parse_args()
    if args.smoke:
        args.contacts, args.big, args.rounds, args.latency_ms = 600, 2000, 3, 1
        args.repeat, args.small = 1, 450
    with tempfile.TemporaryDirectory(prefix="contact-desk-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for stale in (work / "copies").glob("*.sqlite3*"):
            stale.unlink()
        none = {"speedup": None, "requests": None}
        speed = {"smartcq": none, "replicer": none} if args.skip_speed else \
            sync_speedups(args.contacts, args.latency_ms, work, args.repeat)
        small = walk_requests(args.small, args.latency_ms, work)
        large = big(args.big, args.rounds, work)
        offline = offline_first_rows(work)
    figures = {
        f"sync_speedup_smartcq_{args.latency_ms}ms": speed["smartcq"]["speedup"],
        f"sync_speedup_replicer_{args.latency_ms}ms": speed["replicer"]["speedup"],
        f"requests_full_walk_smartcq_{round(args.small / 1000)}k": small["requests"],
        f"requests_full_walk_smartcq_{round(args.contacts / 1000)}k": speed["smartcq"]["requests"],
        "sync_1m_s": large["sync_s"],
        "search_p95_ms_1m": large["search"]["p95_ms"],
        "offline_first_rows_ms": offline,
        "sync_rss_growth_mb_1m": large["rss_growth_mb"],
        "copy_disk_mb_1m": large["disk_mb"],
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(json.dumps({"figures": figures, "sync": speed, "walk_small": small, "big": large}, indent=2))


if __name__ == "__main__":
    main()
