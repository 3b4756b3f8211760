"""Working on many contacts at once: import, preview, bulk edit, export.

    .venv/bin/python bench/bulk.py [--rows 10000] [--latency-ms 20] [--json] [--smoke]

The sandbox runs in its own process (SmartCQ tenant of 100,000 contacts, --latency-ms
added to every request), in a new folder each run (imports add contacts to it).

* import: --rows new contacts from a CSV (read, checked, sent six at a time) against a
  sequential create loop (one POST after another, as a script would). The loop runs
  on --baseline-rows and is scaled to --rows (it is linear: one request per row).
* preview: read and check a 100,000-row CSV on a worker thread while a 5 ms heartbeat
  runs on the event loop; the longest gap between beats is the worst stall a window
  would see.
* wide preview: a CSV of --wide-rows rows of 60 short cells (999,000 make ~200 MB, the
  largest file the importer takes) read and checked; resident memory growth at its peak.
* bulk edit: one field on 1,000 contacts.
* export: every contact of the tenant to .xlsx through the parallel walker.

--smoke runs every part at a tiny size (a test does, so the bench cannot rot unseen).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from common import rss_mb, sandbox_process
from contact_desk.api import ApiKey, Query, make_http_client, open_dialect
from contact_desk.api.schema import SMARTCQ
from contact_desk.transfer import exporting
from contact_desk.transfer.bulk import BulkEdit
from contact_desk.transfer.importing import ImportRun, summary
from contact_desk.transfer.mapping import guess
from contact_desk.transfer.preview import prepare
from contact_desk.transfer.readers import read, release

KEY = "demo-smartcq"
HEADER = "First Name,Last Name,E-mail Address,Mobile Phone,Categories,Company\r\n"


class Growth:
    """The largest resident size above the start, sampled every 20 ms on a thread."""

    def __init__(self) -> None:
        self.start = rss_mb()
        self.top = self.start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.top = max(self.top, rss_mb())

    def done(self) -> float:
        self._stop.set()
        self._thread.join()
        return max(self.top, rss_mb()) - self.start


def make_csv(path: Path, rows: int, tag: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        for i in range(rows):
            phone = f"+39 333 {i % 1000:03d} {i % 10000:04d}"
            f.write(f"Nome{i},Cognome{i % 997},bench{i}.{tag}@example.org,{phone},vip,Azienda {i % 50}\r\n")
    return path


async def sequential_creates(base: str, rows: int, tag: str) -> float:
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {KEY}"}, timeout=60) as client:
        started = time.perf_counter()
        for i in range(rows):
            await client.post(f"{base}/api/v1/contacts", json={"email": f"seq{i}.{tag}@example.org",
                                                               "firstName": f"Nome{i}"})
        return time.perf_counter() - started


async def import_rows(base: str, csv_path: Path) -> tuple[float, dict[str, int], float]:
    growth = Growth()
    async with make_http_client() as http:
        api = open_dialect(http, "smartcq", ApiKey(KEY), base)
        started = time.perf_counter()
        table = read(csv_path)
        rows = prepare(table, guess(table.columns, SMARTCQ, table.rows), SMARTCQ)
        results = await ImportRun(api, rows).run()
        return time.perf_counter() - started, summary(results), growth.done()


async def preview_with_heartbeat(csv_path: Path) -> tuple[float, float, int]:
    gaps: list[float] = []
    stop = asyncio.Event()

    async def beat() -> None:
        last = time.perf_counter()
        while not stop.is_set():
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    def work() -> int:
        table = read(csv_path)
        rows = prepare(table, guess(table.columns, SMARTCQ, table.rows), SMARTCQ)
        n = len(rows)
        release(rows)  # as an import window would when it closes: in slices, on its thread
        release(table.rows)
        return n

    heart = asyncio.ensure_future(beat())
    started = time.perf_counter()
    n = await asyncio.to_thread(work)
    seconds = time.perf_counter() - started
    stop.set()
    await heart
    return seconds, max(gaps) * 1000 - 5, n


def make_wide_csv(path: Path, rows: int) -> Path:
    """60 short cells a row, an email among them: the shape of a big CRM export."""
    header = ",".join(["Email", *(f"Field {i}" for i in range(59))]) + "\r\n"
    cells = ",".join(f"v{i % 10}" for i in range(59))
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(header)
        for i in range(rows):
            f.write(f"wide{i}@example.org,{cells}\r\n")
    return path


def wide_preview(csv_path: Path) -> tuple[float, float, int]:
    growth = Growth()
    started = time.perf_counter()
    table = read(csv_path)
    rows = prepare(table, guess(table.columns, SMARTCQ, table.rows), SMARTCQ)
    seconds, peak, n = time.perf_counter() - started, growth.done(), len(rows)
    release(rows)
    release(table.rows)
    return seconds, peak, n


async def bulk_edit(base: str, count: int) -> float:
    async with make_http_client() as http:
        api = open_dialect(http, "smartcq", ApiKey(KEY), base)
        contacts = (await api.list_page(Query(), None, 200)).items
        cursor = (await api.list_page(Query(), None, 200)).next
        while len(contacts) < count and cursor:
            page = await api.list_page(Query(), cursor, 200)
            contacts += page.items
            cursor = page.next
        contacts = contacts[:count]
        targets = {c.id: ("prospect" if c.stage != "prospect" else "customer") for c in contacts}
        started = time.perf_counter()
        job = BulkEdit(api, [c for c in contacts if targets[c.id] == "prospect"], {"stage": "prospect"})
        job2 = BulkEdit(api, [c for c in contacts if targets[c.id] == "customer"], {"stage": "customer"})
        await asyncio.gather(job.run(), job2.run())
        return time.perf_counter() - started


async def export_xlsx(base: str, out: Path) -> tuple[float, int, float]:
    growth = Growth()
    async with make_http_client() as http:
        api = open_dialect(http, "smartcq", ApiKey(KEY), base)
        started = time.perf_counter()
        everything = exporting.from_server(api, Query(include_archived=True))
        n = (await exporting.export_to(out, "xlsx", SMARTCQ, everything)).count
        return time.perf_counter() - started, n, growth.done()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--baseline-rows", type=int, default=1_000)
    ap.add_argument("--preview-rows", type=int, default=100_000)
    ap.add_argument("--latency-ms", type=int, default=20)
    ap.add_argument("--wide-rows", type=int, default=999_000)
    ap.add_argument("--tenant", type=int, default=100_000)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="every part at a tiny size")
    args = ap.parse_args()
    if args.smoke:
        args.rows, args.baseline_rows, args.preview_rows, args.wide_rows, args.tenant = 30, 10, 200, 200, 300
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="contact-desk-bulk-") as tmp:
        work = Path(tmp)
        tag = str(int(time.time()))
        big_csv = make_csv(work / "preview.csv", args.preview_rows, "p" + tag)
        seconds, max_stall, n = asyncio.run(preview_with_heartbeat(big_csv))
        print(f"preview: {n:,} rows read and checked in {seconds:.2f} s; longest stall of the event loop "
              f"{max_stall:.1f} ms", flush=True)
        out.update(preview_100k_s=round(seconds, 2), preview_max_stall_ms=round(max_stall, 1))
        wide = make_wide_csv(work / "wide.csv", args.wide_rows)
        size = wide.stat().st_size / 1e6
        seconds, peak, n = wide_preview(wide)
        wide.unlink()
        print(f"wide preview: {n:,} rows of 60 cells ({size:.0f} MB) read and checked in {seconds:.1f} s; "
              f"memory growth {peak:.0f} MB (peak)", flush=True)
        out.update(wide_preview_mb=round(size), wide_preview_s=round(seconds, 1),
                   wide_preview_rss_growth_mb=round(peak))
        with sandbox_process(args.tenant, work / "sandbox", args.latency_ms) as base:
            seq = asyncio.run(sequential_creates(base, args.baseline_rows, "s" + tag))
            scaled = seq * args.rows / args.baseline_rows
            seconds, outcomes, growth = asyncio.run(import_rows(base, make_csv(work / "import.csv", args.rows,
                                                                                 "i" + tag)))
            print(f"import: {args.rows:,} rows in {seconds:.1f} s {outcomes}; sequential creates: "
                  f"{seq:.1f} s for {args.baseline_rows:,} -> {scaled:.1f} s for {args.rows:,}: "
                  f"{scaled / seconds:.1f}x faster; memory growth {growth:.0f} MB (largest)", flush=True)
            out.update(import_speedup_20ms=round(scaled / seconds, 2), import_rss_growth_mb=round(growth, 1),
                       import_s=round(seconds, 1))
            edits = min(1000, args.tenant)
            bulk_s = asyncio.run(bulk_edit(base, edits))
            print(f"bulk edit: {edits:,} contacts in {bulk_s:.1f} s", flush=True)
            out.update(bulk_edit_1000_s=round(bulk_s, 2))
            seconds, n, growth = asyncio.run(export_xlsx(base, work / "all.xlsx"))
            size = (work / "all.xlsx").stat().st_size / 1e6
            print(f"export: {n:,} contacts to xlsx in {seconds:.1f} s ({size:.1f} MB), memory growth "
                  f"{growth:.0f} MB (peak)", flush=True)
            out.update(export_xlsx_100k_s=round(seconds, 1), export_xlsx_rss_growth_mb=round(growth, 1))
    print(json.dumps(out) if args.json else json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
