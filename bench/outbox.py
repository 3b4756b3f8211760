"""The outbox: 1,000 edits made offline and sent when the server answers again, against the same
edits saved online one by one (each a checked save: a GET and a PATCH), at 20 ms added latency per
request; and the time from the server answering again to the first item sent, with the window's
cadence (a probe every WAITING_PROBE_MS while changes wait), the moment of the server's return
drawn at random within the beat.

    .venv/bin/python bench/outbox.py [--edits 1000] [--latency-ms 20] [--json] [--smoke]

The sandbox runs in its own process behind a switch on 127.0.0.1 (tests/api/netpeers.Switch).
--smoke: 20 edits, 2 ms, 2 returns.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.api.netpeers

from tests.api.netpeers import Switch

from common import sandbox_process
from contact_desk.api import ApiKey, Dialect, Query, errors, make_http_client, open_dialect
from contact_desk.mirror.changes import outbox as ob
from contact_desk.transfer.checked_save import checked_update, values_of
from contact_desk.transfer.outbox_send import send_outbox
from contact_desk.ui.offline.offline_copy import WAITING_PROBE_MS

KEY = "demo-smartcq"


async def _ids(api: Dialect, n: int) -> list[str]:
    ids: list[str] = []
    token = None
    while len(ids) < n:
        page = await api.list_page(Query(), token, 100)
        ids += [c.id for c in page.items]
        token = page.next
        if token is None:
            break
    return ids[:n]


async def _online(api: Dialect, ids: list[str], tag: str) -> float:
    started = time.perf_counter()
    for n, cid in enumerate(ids):
        base = values_of(api.schema, await api.get(cid), ["lastName"])  # what the form held
        await checked_update(api, cid, base, {"lastName": f"Online {tag} {n}"})
    return time.perf_counter() - started


async def _queued(api: Dialect, ids: list[str], folder: Path, tag: str) -> float:
    box = ob.Outbox(folder / f"{tag}.outbox.sqlite3")
    for n, cid in enumerate(ids):
        base = values_of(api.schema, await api.get(cid), ["lastName"])
        box.edit(cid, "bench", base, {"lastName": f"Queued {tag} {n}"})
    started = time.perf_counter()
    sent = await send_outbox(api, box)
    took = time.perf_counter() - started
    assert sent.sent == len(ids) and not box.count(), sent
    return took


async def _first_sent(url: str, switch: Switch, ids: list[str], folder: Path, trial: int) -> float:
    """Offline, an item waits; the window's probe beats; the server returns at a random moment in
    the beat: from then to the first item sent."""
    box = ob.Outbox(folder / f"first{trial}.outbox.sqlite3")
    box.edit(ids[trial], "bench", {}, {"stage": random.choice(["lead", "prospect", "customer"])})
    switch.off()
    back_at: list[float] = []
    first: list[float] = []

    def turn_on() -> None:
        switch.on()
        back_at.append(time.perf_counter())

    async with make_http_client() as http:
        api = open_dialect(http, "smartcq", ApiKey(KEY), url)
        loop = asyncio.get_running_loop()
        loop.call_later(1.0 + random.random() * WAITING_PROBE_MS / 1000, turn_on)
        for _beat in range(40):  # the window's probe, bounded
            try:
                await api.list_page(Query(), None, 1)
            except errors.ApiError:
                await asyncio.sleep(WAITING_PROBE_MS / 1000)
                continue
            await send_outbox(api, box, lambda _i, state: first.append(time.perf_counter())
                              if state == "sent" else None)
            break
    assert back_at and first, "the item was never sent"
    return first[0] - back_at[0]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--edits", type=int, default=1000)
    p.add_argument("--latency-ms", type=int, default=20)
    p.add_argument("--returns", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.add_argument("--smoke", action="store_true")
    args = p.parse_args()
    edits, latency, returns = (20, 2, 2) if args.smoke else (args.edits, args.latency_ms, args.returns)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder, \
            sandbox_process(max(edits, 100) + 50, Path(folder) / "db", latency) as url:
        port = int(url.rsplit(":", 1)[1])
        switch = Switch(port)
        try:
            async def both() -> tuple[float, float, list[str]]:
                async with make_http_client() as http:
                    api = open_dialect(http, "smartcq", ApiKey(KEY), switch.url)
                    ids = await _ids(api, edits)
                    return await _online(api, ids, "a"), await _queued(api, ids, Path(folder), "b"), ids

            online, queued, ids = asyncio.run(both())
            waits = [asyncio.run(_first_sent(switch.url, switch, ids, Path(folder), t))
                     for t in range(returns)]
        finally:
            switch.close()
    figures["outbox_edits"] = edits
    figures["outbox_online_one_by_one_s"] = round(online, 2)
    figures["outbox_sent_s"] = round(queued, 2)
    figures["outbox_ratio"] = round(queued / online, 3) if online else None
    figures["outbox_first_sent_median_s"] = round(statistics.median(waits), 2)
    figures["outbox_first_sent_max_s"] = round(max(waits), 2)
    print(f"{edits:,} edits at {latency} ms: online one by one {online:.2f} s; from the outbox "
          f"{queued:.2f} s ({queued / online if online else 0:.2f}x)")
    print(f"server back → first item sent: median {statistics.median(waits):.2f} s, max {max(waits):.2f} s "
          f"({returns} returns, a probe every {WAITING_PROBE_MS} ms)")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
