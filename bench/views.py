"""What the offline copy shows beyond one list, on a copy of 1,000,000 contacts:

    .venv/bin/python bench/views.py [--contacts 1000000] [--json] [--smoke]

* ``filter_p95_ms_1m``: the count and the first 100 rows of a search with three filters on any
  field (tags, stage, source, consent, email status, creation or update dates), as the window
  asks the copy (``LocalCopy.search``), 12 combinations of realistic words, 3 runs each.
* ``all_accounts_search_p95_ms``: one search over three accounts' copies at once
  (``mirror.query.across.search_all``). The three are the same file under three names (a machine of
  this kind has no room to spare for three copies of a gigabyte): the same work for SQLite.
* ``duplicates_1m_s`` and ``duplicates_rss_growth_mb`` (the peak's growth over both passes' scans,
  in this process between them only the derive's reads): the scan for possible duplicates on a
  **Replicer** copy of the same sandbox (emails, phones, and names confirmed by company, birthday or
  address: every pass runs). On the SmartCQ copy only emails can group (SmartCQ keeps names alone):
  printed as ``duplicates_1m_s_smartcq``.
* ``overview_1m_ms``: every figure of the overview, from the counts the copy keeps (a copy made
  by an older version gains them when first opened: the time is printed).

The copy is put in a stated state before each measure, in two passes over the same file:

1. **pending**, as a first sync leaves it: the counts, duplicate keys and filters' entries not made
   yet (``meta.derived`` = 'pending'), so filters and the scan read the contacts' JSON. What a user
   meets in the half minute after a first sync: ``filter_p95_ms_1m_pending``,
   ``duplicates_1m_s_pending`` (goals 100 ms, 15 s).
2. **derived**: then made (``LocalCopy.derive``, timed as ``derive_1m_s``), as the window makes
   them after a first sync: ``filter_p95_ms_1m``, ``duplicates_1m_s`` (goals 50 ms, 10 s) and the rest.

The copy is a SmartCQ copy synced once from a sandbox in its own process and kept under
~/.cache/contact-desk-bench (the one bench/search_typing.py makes).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from contact_desk.api.dialect import Condition, Query
from contact_desk.api.schema import SCHEMAS
from contact_desk.mirror import LocalCopy
from contact_desk.mirror.file import fill_sql
from contact_desk.mirror.query import across, duplicates, overview
from contact_desk.mirror.query import conditions as cond
from search_typing import _copy_for, _words
from table import CACHE


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1)


def _filters(tags: list[str], rng: random.Random) -> tuple[Condition, ...]:
    schema = SCHEMAS["smartcq"]
    choices = {f.name: [c.value for c in f.choices] for f in schema.fields if f.choices}
    pool = [
        lambda: Condition("tags", cond.HAS, rng.choice(tags or ["vip"])),
        lambda: Condition("stage", cond.EQUALS, rng.choice(choices["stage"])),
        lambda: Condition("source", cond.EQUALS, rng.choice(choices["source"])),
        lambda: Condition("consentType", cond.EQUALS, rng.choice(choices["consentType"])),
        lambda: Condition("emailStatus", cond.EQUALS, rng.choice(choices["emailStatus"])),
        lambda: Condition("createdAt", cond.FROM, f"{rng.choice([2020, 2023, 2025])}-01-01"),
        lambda: Condition("updatedAt", cond.FROM, "2025-06-01"),
    ]
    return tuple(make() for make in rng.sample(pool, 3))


async def _filtered(folder: Path, name: str, words: list[str], runs: int) -> dict[str, Any]:
    copy = await LocalCopy.open(name, "smartcq", folder)
    try:
        tags = sorted(await copy.tags())
        rng = random.Random(7)
        queries = [Query(search=w, where=_filters(tags, rng)) for w in words]
        await copy.search(queries[0], 100)  # the file's pages in the cache, as in a window in use
        samples, found = [], []
        for _ in range(runs):
            for q in queries:
                t = time.perf_counter()
                n, _rows = await copy.search(q, 100)
                samples.append((time.perf_counter() - t) * 1000)
                found.append(n)
        return {"p95_ms": _p95(samples), "median_ms": round(statistics.median(samples), 1),
                "queries": len(queries), "median_found": statistics.median(found)}
    finally:
        await copy.close()


async def _across(path: Path, words: list[str], runs: int) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="views-bench-"))
    places = []
    for i in range(3):
        (folder / f"acct{i}.sqlite3").symlink_to(path)
        places.append(across.Place(f"acct{i}", "smartcq", folder))
    kept: dict[across.Place, Any] = {}  # as the dialog keeps them open while it is
    await across.search_all(places, Query(search=words[0]), kept=kept)
    samples = []
    for _ in range(runs):
        for w in words:
            t = time.perf_counter()
            await across.search_all(places, Query(search=w), kept=kept)
            samples.append((time.perf_counter() - t) * 1000)
    across.close_all(kept)
    return {"p95_ms": _p95(samples), "median_ms": round(statistics.median(samples), 1)}


async def _open_once(folder: Path, name: str) -> None:
    copy = await LocalCopy.open(name, "smartcq", folder)
    await copy.close()


def _as_first_synced(path: Path) -> None:
    """The copy as a first sync leaves it: what it derives from its rows not made yet."""
    con = sqlite3.connect(path)
    with con:
        for table in ("dupkeys", "tallies", "facets"):
            con.execute(f"DELETE FROM {table}")
        con.execute("INSERT OR REPLACE INTO meta VALUES ('derived', 'pending')")
    con.close()


async def _derive(folder: Path, name: str, dialect: str = "smartcq") -> bool:
    """Makes what the copy derives, as the window does after a first sync; True when it was pending."""
    copy = await LocalCopy.open(name, dialect, folder)
    try:
        was = not await copy.derived()
        await copy.ensure_derived()
        return was
    finally:
        await copy.close()


def _scan(path: Path, dialect: str = "smartcq") -> tuple[float, int]:
    """The duplicate scan: seconds, groups."""
    t = time.perf_counter()
    groups = duplicates.scan([duplicates.Source(path, SCHEMAS[dialect])])
    return time.perf_counter() - t, len(groups)


def _replicer_copy(size: int) -> tuple[Path, str]:
    """A complete Replicer copy of the sandbox _copy_for serves (made once, cached beside it)."""
    return _copy_for(size, 0, "replicer", CACHE / f"views-replicer-{size}", "rep")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=1_000_000)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="a copy of 800 contacts, one run (a test runs it)")
    ap.add_argument("--open-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    size = 800 if args.smoke else args.contacts
    if args.open_only:  # a copy made by an older version gains its counts and keys here
        folder, name = _copy_for(size, 0)
        asyncio.run(_open_once(folder, name))
        return
    runs = 1 if args.smoke else 3
    folder, name = _copy_for(size, 0)
    path = folder / f"{name}.sqlite3"
    words = _words(path, 4 if args.smoke else 12)
    t = time.perf_counter()  # in a process of its own: its memory is not the scan's
    subprocess.run([sys.executable, __file__, "--open-only", "--contacts", str(size)], check=True)
    opened_s = time.perf_counter() - t
    rfolder, rname = _replicer_copy(size)
    rpath = rfolder / f"{rname}.sqlite3"
    _as_first_synced(path)  # 1. pending
    _as_first_synced(rpath)
    before = _rss_mb()  # the peak's growth over both scans (the process's peak only grows)
    pending_dup_s, pending_groups = _scan(rpath, "replicer")
    pending = asyncio.run(_filtered(folder, name, words, runs))
    print(f"pending (as a first sync leaves it): duplicate scan (Replicer) {pending_dup_s:.1f} s "
          f"({pending_groups} groups); search + 3 filters p95 {pending['p95_ms']} ms, median "
          f"{pending['median_ms']} ms", flush=True)
    t = time.perf_counter()  # 2. derived
    assert asyncio.run(_derive(folder, name)), "the copy was not pending"
    derive_s = time.perf_counter() - t
    assert asyncio.run(_derive(rfolder, rname, "replicer")), "the Replicer copy was not pending"
    dup_s, groups = _scan(rpath, "replicer")
    dup_mb = _rss_mb() - before
    smartcq_s, smartcq_groups = _scan(path)
    print(f"derived in {derive_s:.1f} s; {size:,} contacts: duplicate scan (Replicer) {dup_s:.1f} s, "
          f"{groups} groups, RSS +{dup_mb:.0f} MB; SmartCQ (emails only) {smartcq_s:.1f} s, "
          f"{smartcq_groups} groups",
          flush=True)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    fill_sql.register(con)
    t = time.perf_counter()
    picture = overview.compute(con, SCHEMAS["smartcq"])
    overview_ms = (time.perf_counter() - t) * 1000
    con.close()
    print(f"overview: {overview_ms:.1f} ms ({len(picture.figures)} figures, {picture.contacts:,} contacts; "
          f"the copy opened in {opened_s:.1f} s before the scan)", flush=True)
    filtered = asyncio.run(_filtered(folder, name, words, runs))
    print(f"search + 3 filters: count and first 100 rows p95 {filtered['p95_ms']} ms, median "
          f"{filtered['median_ms']} ms ({filtered['queries']} queries x {runs})", flush=True)
    everywhere = asyncio.run(_across(path, words, runs))
    print(f"search over 3 accounts of {size:,}: p95 {everywhere['p95_ms']} ms, median "
          f"{everywhere['median_ms']} ms", flush=True)
    figures = {"filter_p95_ms_1m": filtered["p95_ms"], "all_accounts_search_p95_ms": everywhere["p95_ms"],
               "duplicates_1m_s": round(dup_s, 2), "duplicates_rss_growth_mb": round(dup_mb, 1),
               "overview_1m_ms": round(overview_ms, 1), "filter_p95_ms_1m_pending": pending["p95_ms"],
               "duplicates_1m_s_pending": round(pending_dup_s, 2), "derive_1m_s": round(derive_s, 1),
               "duplicates_1m_s_smartcq": round(smartcq_s, 2)}
    print(json.dumps(figures) if args.json else json.dumps({"figures": figures, "filtered": filtered,
                                                             "across": everywhere}, indent=2))


if __name__ == "__main__":
    main()
