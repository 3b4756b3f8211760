"""A picture of an account, counted in its offline copy: contacts by each choice field (stage,
email status, source, consent), new contacts per week or month over the last two years (in the
user's local time, as the list's date filters count them), and the most frequent tags, cities,
companies and countries (each value once whatever its case or accents, "Milano" with "MILANO", as
filters compare them; shown as most contacts write it). Listed contacts only (archived
ones apart), as the list shows them. Every figure from the dialect's schema: no dialect is named
here. Read from the counts the copy keeps as it changes (mirror/file/tallies.py): a few milliseconds
for a million contacts.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from dataclasses import dataclass
from dataclasses import field as default
from pathlib import Path

from contact_desk.api.schema import SCHEMAS, DialectSchema, Kind
from contact_desk.mirror.file import tallies
from contact_desk.mirror.query.across import Place, read_only
from contact_desk.mirror.query.search import fold

TOP = 10  # values shown of a "top" figure
WEEKS, MONTHS = "week", "month"
SPAN_DAYS = 730  # the creation chart's reach: two years


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
    tops = [(f.name, f.attr, f.label) for f in schema.fields  # as the copy counts them (tallies.py)
            if f.kind is Kind.TAGS or f.attr in tallies.TOP_ATTRS]
    return choices, tops


def _bucket(day: dt.date, period: str) -> str:
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


def _local_days(con: sqlite3.Connection, field: str, since: dt.date) -> list[tuple[dt.date, int]]:
    """The creations the copy counts by UTC hour ("2025-12-31T23"), by the user's local day
    (1 January in Rome), from ``since`` on: SQLite's own time zone conversion, the system's, in C
    (in Python, two years of hours cost 40 times the rest of the overview)."""
    hour = "coalesce(nullif(substr(value, 12, 2), ''), '00')"  # a day counted before hours: its midnight
    rows = con.execute(f"SELECT date(substr(value, 1, 10) || ' ' || {hour} || ':00:00', 'localtime') AS day, "
                       "sum(n_listed) FROM tallies WHERE field = ? AND n_listed > 0 AND value >= ? "
                       "GROUP BY day",
                       (field, since.isoformat()))
    out = []
    for day, n in rows:
        try:
            out.append((dt.date.fromisoformat(str(day)), int(n)))
        except ValueError:
            continue  # a value SQLite could not read as a time: not a day to count
    return out


def _one_spelling(got: Counter[str]) -> Counter[str]:
    """Each value once whatever its case and accents, as filters compare them (search.fold): under
    the spelling most contacts use."""
    spellings: dict[str, Counter[str]] = {}
    for value, n in got.items():
        if value.strip():
            spellings.setdefault(fold(value.strip()), Counter())[value.strip()] += n
    return Counter({c.most_common(1)[0][0]: sum(c.values()) for c in spellings.values()})


def compute(con: sqlite3.Connection, schema: DialectSchema, *, period: str = MONTHS,
            today: dt.date | None = None) -> Overview:
    """Every figure, from the counts the copy keeps (mirror/file/tallies.py): no pass over the contacts."""
    today = today or dt.date.today()
    choices, tops = _chosen(schema)
    created = next((f for f in schema.fields if f.attr == "created_at"), None)
    counts: dict[str, Counter[str]] = {}
    for field_name, value, n in con.execute("SELECT field, value, n_listed FROM tallies WHERE n_listed > 0 "
                                            "AND field <> ?", (created.name if created else "",)):
        counts.setdefault(str(field_name), Counter())[str(value)] = int(n)
    listed_row = con.execute("SELECT value FROM meta WHERE key = 'n_listed'").fetchone()
    listed = int(listed_row[0]) if listed_row and str(listed_row[0]).lstrip("-").isdigit() else 0
    figures = []
    for name, _attr, label in choices:
        f = next(x for x in schema.fields if x.name == name)
        order = [c.value for c in f.choices]
        got = counts.get(name, Counter())
        bars = [(v, got[v]) for v in order] + sorted(((v, n) for v, n in got.items() if v not in order and v),
                                                      key=lambda p: -p[1])
        bars += [("", got[""])] if got[""] else []
        figures.append(Figure(name, label, "choice", bars))
    if created is not None:
        since = today - dt.timedelta(days=SPAN_DAYS)
        per: Counter[str] = Counter()
        for day, n in _local_days(con, created.name, since - dt.timedelta(days=1)):
            if since <= day <= today:
                per[_bucket(day, period)] += n
        bars = [(p, per[p]) for p in _periods(today, period)]
        figures.append(Figure(created.name, created.label, "time", bars))
    for name, _attr, label in tops:
        got = _one_spelling(counts.get(name, Counter()))
        top = sorted(got.items(), key=lambda p: (-p[1], p[0]))[:TOP]
        figures.append(Figure(name, label, "top", top, sum(got.values()) - sum(n for _v, n in top)))
    return Overview(listed, figures, period)


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
