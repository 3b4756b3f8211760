"""The overview's figures (mirror/query/overview.py) are the counts of the listed contacts."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from collections import Counter
from pathlib import Path

from contact_desk.api.models import Contact, SmartCQContact
from contact_desk.api.schema import SCHEMAS
from contact_desk.mirror.file import fill_sql
from contact_desk.mirror.query import overview
from tests.mirror.test_conditions import build


def test_the_figures_count_the_listed_contacts(tmp_path: Path) -> None:
    today = dt.date(2026, 12, 31)
    items: list[Contact] = [
        SmartCQContact(id=f"c{i:03d}", email=f"{i}@x.it", stage=["lead", "customer", None][i % 3],
                       source=["form", "import", "fiera"][i % 3] if i % 4 else None,
                       tags=[t for n, t in enumerate(("vip", "b2b", "milano")) if i % (2 + n) == 0],
                       archived_at="2026-02-01T00:00:00Z" if i % 10 == 9 else None,
                       created_at=f"2026-{1 + i % 12:02d}-10T12:00:00.000Z")
        for i in range(120)]

    async def main() -> Path:
        copy = await build(tmp_path, "smartcq", items)
        await copy.close()
        return copy.path
    con = sqlite3.connect(asyncio.run(main()))
    fill_sql.register(con)
    o = overview.compute(con, SCHEMAS["smartcq"], today=today)
    listed = [c for c in items if not c.archived_at]
    figures = {f.field: f for f in o.figures}
    assert o.contacts == len(listed)
    stage = dict(figures["stage"].bars)
    assert stage["lead"] == sum(c.stage == "lead" for c in listed)
    assert stage[""] == sum(not c.stage for c in listed)
    pipeline = ["lead", "prospect", "customer", "ex_customer"]
    assert [v for v, _n in figures["stage"].bars][:4] == pipeline
    assert dict(figures["source"].bars)["fiera"] == sum(c.source == "fiera" for c in listed)  # not listed
    tags = Counter(t for c in listed for t in c.tags)
    assert figures["tags"].bars == tags.most_common(overview.TOP) and figures["tags"].kind == "top"
    months = dict(figures["createdAt"].bars)
    assert len(months) == 25 and months["2026-03"] == sum(c.created_at.startswith("2026-03") for c in listed)
    assert sum(months.values()) == len(listed)
