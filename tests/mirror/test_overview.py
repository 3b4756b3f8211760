"""The overview's figures (mirror/query/overview.py) are the counts of the listed contacts."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from collections import Counter
from pathlib import Path

from contact_desk.api.dialect import Condition
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


def test_months_are_the_users_and_one_city_is_one_bar_whatever_its_case(
        tmp_path: Path, monkeypatch: object) -> None:
    """Issue 34, point 3: four contacts created at 23:00-23:30Z on 31 December counted in December
    for a user in Rome (the January bar said 1, its click listed 5); "Milano" counted 11 beside
    "MILANO" and "milano" while a click listed all 46 (filters ignore case and accents)."""
    import time

    from contact_desk.api.models import ReplicerContact
    from contact_desk.mirror.query import conditions as cond

    monkeypatch.setenv("TZ", "Europe/Rome")  # type: ignore[attr-defined]
    time.tzset()
    try:
        stamps = ["2025-12-31T23:00:00.000Z", "2025-12-31T23:10:00.000Z", "2025-12-31T23:30:00.000Z",
                  "2025-12-31T22:59:00.000Z", "2026-01-05T09:00:00.000Z", "2025-12-01T10:00:00.000Z"]
        cities = ["Milano", "MILANO", "milano", "Milano", "Milàno", "Roma"]
        items: list[Contact] = [ReplicerContact(id=f"r{i}", first_name=f"N{i}", city=cities[i], created_at=s)
                                for i, s in enumerate(stamps)]

        async def main() -> Path:
            copy = await build(tmp_path, "replicer", items)
            await copy.close()
            return copy.path
        con = sqlite3.connect(asyncio.run(main()))
        fill_sql.register(con)
        o = overview.compute(con, SCHEMAS["replicer"], today=dt.date(2026, 1, 31))
        figures = {f.field: f for f in o.figures}
        months = dict(figures["createdAt"].bars)
        assert months["2026-01"] == 4 and months["2025-12"] == 2  # 22:59Z is 23:59 in Rome: December
        assert figures["city"].bars == [("Milano", 5), ("Roma", 1)]
        # and a click on the bar lists as many as it says
        milano = Condition("city", cond.IS, "Milano")
        assert sum(cond.holds(encode_json(c), milano, dt.date(2026, 1, 31)) for c in items) == 5
    finally:
        monkeypatch.undo()  # type: ignore[attr-defined]
        time.tzset()


def encode_json(c: Contact) -> dict[str, object]:
    import json

    from contact_desk.mirror.file.values import encode
    return dict(json.loads(encode(c)))
