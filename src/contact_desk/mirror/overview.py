"""A picture of an account, counted in its offline copy: contacts by each choice field (stage,
email status, source, consent), new contacts per week or month over the last two years, and the
most frequent tags, cities, companies and countries. Listed contacts only (archived ones apart),
as the list shows them. Every figure from the dialect's schema: no dialect is named here.

One pass over the contacts' JSON reads every field a figure needs (SQLite parses each contact
once); the indexed columns (stage, email status, creation time) are counted from their indexes.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from dataclasses import field as default
from pathlib import Path

from contact_desk.api.schema import SCHEMAS, DialectSchema, Kind
from contact_desk.mirror.across import Place, read_only

TOP = 10  # values shown of a "top" figure
WEEKS, MONTHS = "week", "month"
SPAN_DAYS = 730  # the creation chart's reach: two years
_TOP_ATTRS = ("tags", "city", "company", "country")
_COLUMNS = {"email_status": "email_status", "stage": "stage"}  # attr -> indexed column


@dataclass
class Figure:
    """One chart: (value, count) pairs in the order shown; ``field`` is the API's field name a
    click filters by ('' for the creation chart)."""

    field: str
    label: str  # the schema's English label (translated in the "fields" context)
    kind: str  # "choice" (every value, in the schema's order), "top", "time"
    bars: list[tuple[str, int]] = default(default_factory=list)
    others: int = 0  # contacts with a value beyond the top ones


@dataclass
class Overview:
    contacts: int  # listed contacts counted
    figures: list[Figure]
    period: str  # WEEKS or MONTHS, of the creation chart


def _chosen(schema: DialectSchema) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(choice fields, top fields) as (API name, attribute, label)."""
    choices = [(f.name, f.attr, f.label) for f in schema.fields if f.kind is Kind.ENUM and not f.computed]
    tops = [(f.name, f.attr, f.label) for f in schema.fields if f.attr in _TOP_ATTRS]
    return choices, tops


def _bucket(ms: int, period: str) -> str:
    day = dt.datetime.fromtimestamp(ms / 1000).date()
    if period == MONTHS:
        return f"{day.year:04d}-{day.month:02d}"
    monday = day - dt.timedelta(days=day.weekday())
    return monday.isoformat()


def _periods(today: dt.date, period: str) -> list[str]:
    """Every week (its Monday) or month of the span, oldest first: empty ones are bars of 0."""
    start = today - dt.timedelta(days=SPAN_DAYS)
    if period == MONTHS:
        out, y, m = [], start.year, start.month
        while (y, m) <= (today.year, today.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    monday = start - dt.timedelta(days=start.weekday())
    return [(monday + dt.timedelta(weeks=i)).isoformat()
            for i in range((today - monday).days // 7 + 1)]


def compute(con: sqlite3.Connection, schema: DialectSchema, *, period: str = MONTHS,
            today: dt.date | None = None) -> Overview:
    today = today or dt.date.today()
    choices, tops = _chosen(schema)
    counts: dict[str, Counter[str]] = {name: Counter() for name, _a, _l in choices + tops}
    listed = int(con.execute("SELECT count(*) FROM contacts WHERE archived = 0").fetchone()[0])
    json_fields = [(n, a) for n, a, _l in choices if a not in _COLUMNS] + [(n, a) for n, a, _l in tops]
    for name, attr, _label in choices:
        column = _COLUMNS.get(attr)
        if column is not None:
            rows = con.execute(f"SELECT {column}, count(*) FROM contacts WHERE archived = 0 "
                               f"GROUP BY {column}")
            counts[name].update({str(v) if v is not None else "": int(n) for v, n in rows})
    if json_fields:
        reads = ", ".join(f"json_extract(raw, '$.{n}')" for n, _a in json_fields)
        tallies = [counts[n] for n, _a in json_fields]
        for values in con.execute(f"SELECT {reads} FROM contacts WHERE archived = 0"):
            for tally, value in zip(tallies, values, strict=True):
                if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
                    tally.update(_tags(value))
                else:
                    tally[value.strip() if isinstance(value, str) else ""] += 1
    figures = []
    for name, _attr, label in choices:
        f = next(x for x in schema.fields if x.name == name)
        order = [c.value for c in f.choices]
        got = counts[name]
        bars = [(v, got[v]) for v in order] + sorted(((v, n) for v, n in got.items() if v not in order and v),
                                                      key=lambda p: -p[1])
        bars += [("", got[""])] if got[""] else []
        figures.append(Figure(name, label, "choice", bars))
    created_from = today - dt.timedelta(days=SPAN_DAYS)
    since_ms = int(dt.datetime(created_from.year, created_from.month, created_from.day).timestamp() * 1000)
    per: Counter[str] = Counter()
    for ms, n in con.execute("SELECT created_ms / 3600000 * 3600000, count(*) FROM contacts "
                             "WHERE archived = 0 AND created_ms >= ? GROUP BY 1", (since_ms,)):
        per[_bucket(int(ms), period)] += int(n)
    figures.append(Figure("createdAt", "Created", "time", [(p, per[p]) for p in _periods(today, period)]))
    for name, _attr, label in tops:
        got = counts[name]
        got.pop("", None)
        top = got.most_common(TOP)
        figures.append(Figure(name, label, "top", top, sum(got.values()) - sum(n for _v, n in top)))
    return Overview(listed, figures, period)


def _tags(value: str) -> set[str]:
    try:
        items = json.loads(value)
    except ValueError:
        return set()
    return {t for t in items if isinstance(t, str) and t} if isinstance(items, list) else set()


def of_copy(account_id: str, dialect: str, folder: Path | None, *, period: str = MONTHS) -> Overview | None:
    """The overview of an account's copy through a read-only connection of its own (run it in a
    thread: it reads every contact); None when there is no copy to read."""
    f = read_only(Place(account_id, dialect, folder))
    if f is None:
        return None
    try:
        return compute(f.con, SCHEMAS[dialect], period=period)
    finally:
        f.close()
