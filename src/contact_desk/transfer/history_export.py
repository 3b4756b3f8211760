"""My changes as its entries (``entries_of``) and as a CSV file: one row per field changed, the
newest change first, written atomically, cells Excel shows as text (a formula made inert)."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from pathlib import Path

from contact_desk.files import atomic_write
from contact_desk.mirror.changes.journal import Entry
from contact_desk.transfer.bulk import Changed
from contact_desk.transfer.writers import csv_cell

HEADER = ["when (UTC)", "contact id", "contact", "from", "field", "before", "after", "request id"]


def entries_of(changes: Iterable[Changed], source: str) -> list[Entry]:
    """What was just written, as My changes keeps it (``source``: where it was made)."""
    return [Entry(c.contact_id, c.name, source, c.before, c.after, c.request_id) for c in changes]


def write_history_csv(path: Path, entries: Iterable[Entry]) -> int:
    """Writes the entries; how many changes were written."""
    count = 0
    with atomic_write(path, text=True) as out:
        out.write("\ufeff")  # Excel opens it as UTF-8
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for e in entries:
            when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(e.at))
            for name in sorted(set(e.before) | set(e.after)):
                writer.writerow([when, e.contact_id, csv_cell(e.name), e.source, name,
                                 csv_cell(e.before.get(name)), csv_cell(e.after.get(name)), e.request_id])
            count += 1
    return count
