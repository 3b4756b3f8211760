"""A save's cost with the teammates' check: one edit saved the old way (a PATCH) and the checked
way (``transfer/checked_save.checked_update``: a GET, the per-field merge, the PATCH), at 20 ms
and 100 ms of added latency per request (the sandbox in its own process, both dialects).

    .venv/bin/python bench/saving.py [--saves 30] [--json] [--smoke]

Figures: the median save in ms, before and after, and their ratio (the check costs one round
trip: the ratio stays at or below about 2). --smoke: 3 saves at 0 and 5 ms.
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

from common import sandbox_process
from contact_desk.api import ApiKey, Dialect, Query, make_http_client, open_dialect
from contact_desk.transfer.checked_save import checked_update, values_of

KEYS = {"smartcq": "demo-smartcq", "replicer": "rpl_test_demo"}
NAMES = ("firstName", "lastName")


async def _median_ms(dialect: Dialect, ids: list[str], checked: bool) -> float:
    took = []
    for n, contact_id in enumerate(ids):
        if checked:
            base = values_of(dialect.schema, await dialect.get(contact_id), NAMES)  # what the form holds
            started = time.perf_counter()
            await checked_update(dialect, contact_id, base, {"lastName": f"Checked {n}"})
        else:
            started = time.perf_counter()
            await dialect.update(contact_id, {"lastName": f"Plain {n}"})
        took.append((time.perf_counter() - started) * 1000)
    return statistics.median(took)


async def _measure(url: str, dialect_name: str, saves: int) -> tuple[float, float]:
    async with make_http_client() as http:
        dialect = open_dialect(http, dialect_name, ApiKey(KEYS[dialect_name]), url)
        page = await dialect.list_page(Query(), limit=max(saves, 10))
        ids = [c.id for c in page.items[:saves]]
        return await _median_ms(dialect, ids, False), await _median_ms(dialect, ids, True)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--saves", type=int, default=30)
    p.add_argument("--json", action="store_true")
    p.add_argument("--smoke", action="store_true")
    args = p.parse_args()
    latencies, saves = ((0, 5), 3) if args.smoke else ((20, 100), args.saves)
    figures: dict[str, Any] = {}
    for latency in latencies:
        with tempfile.TemporaryDirectory() as folder, \
                sandbox_process(200 if args.smoke else 2_000, Path(folder), latency) as url:
            for name in KEYS:
                plain, checked = asyncio.run(_measure(url, name, saves))
                figures[f"save_{name}_{latency}ms_plain_ms"] = round(plain, 1)
                figures[f"save_{name}_{latency}ms_checked_ms"] = round(checked, 1)
                figures[f"save_{name}_{latency}ms_ratio"] = round(checked / plain, 2) if plain else None
                print(f"{name}, {latency} ms added: a save took {plain:.1f} ms, checked {checked:.1f} ms "
                      f"({checked / plain if plain else 0:.2f}×)")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
