"""Creation times shaped like real tenants', for the SmartCQ listing: the demo data's are
spread evenly over five years; real accounts grow, import thousands of contacts in one go,
or lie dormant for years. A cursor walk that splits time ranges must cost few requests on
every shape (bench/mirror.py, tests/mirror/test_walk_cost.py).

``reshape(path, shape)`` rewrites the creation times of the SmartCQ database at ``path`` in
place, keeping each contact's order and every time distinct (the listing's cursor is a time).
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from contact_desk.sandbox.demo_data import ANCHOR_MS

SHAPES = ("even", "imports", "growth", "dormant", "one-import")
_YEAR_MS = 365 * 24 * 3600 * 1000


def _times(shape: str, n: int, rng: random.Random) -> list[int]:
    """``n`` distinct times before ANCHOR_MS, oldest first."""
    if shape == "imports":  # 70 % in five imports (a contact a millisecond), the rest spread over six years
        bursts = [ANCHOR_MS - rng.randrange(_YEAR_MS // 10, 6 * _YEAR_MS) for _ in range(5)]
        times = {b + i for b in bursts for i in range(n * 7 // 50)}
    elif shape == "growth":  # most of them recent: the account took off
        times = {ANCHOR_MS - 1 - int(6 * _YEAR_MS * rng.random() ** 3) for _ in range(n)}
    elif shape == "dormant":  # half in a quarter ten years ago, half in the last quarter
        times = {ANCHOR_MS - 10 * _YEAR_MS + rng.randrange(_YEAR_MS // 4) for _ in range(n // 2)}
    elif shape == "one-import":  # every contact in one import, a millisecond apart
        return [ANCHOR_MS - n - 1 + i for i in range(n)]
    else:
        raise ValueError(f"unknown shape {shape!r} (one of {', '.join(SHAPES)})")
    while len(times) < n:
        times.add(ANCHOR_MS - 1 - rng.randrange(6 * _YEAR_MS if shape != "dormant" else _YEAR_MS // 4))
    return sorted(times)[-n:]


def reshape(path: Path, shape: str, seed: int = 1) -> None:
    """Gives the SmartCQ contacts at ``path`` creation times of ``shape`` (``even``: unchanged)."""
    if shape == "even":
        return
    con = sqlite3.connect(path)
    try:
        with con:
            for (tenant,) in con.execute("SELECT DISTINCT tenant_id FROM scq_contacts").fetchall():
                pks = [r[0] for r in con.execute(
                    "SELECT pk FROM scq_contacts WHERE tenant_id = ? ORDER BY created_ms", (tenant,))]
                times = _times(shape, len(pks), random.Random(seed * 1000 + tenant))
                con.execute("UPDATE scq_contacts SET created_ms = -pk WHERE tenant_id = ?", (tenant,))
                con.executemany("UPDATE scq_contacts SET created_ms = ?, updated_ms = max(updated_ms, ?) "
                                "WHERE pk = ?", [(t, t, pk) for t, pk in zip(times, pks, strict=True)])
    finally:
        con.close()
