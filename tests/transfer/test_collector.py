"""Reading a big file must not leave the cycle collector a million objects to walk at once
(a ~40 ms stop of every thread, the window's too, right after the check finished)."""

from __future__ import annotations

import gc
from pathlib import Path

from contact_desk.api.schema import SMARTCQ as SCHEMA
from contact_desk.transfer.mapping import guess
from contact_desk.transfer.preview import prepare
from contact_desk.transfer.readers import read, release
from tests.transfer.samples import ITALIAN, write_csv


def test_rows_read_and_checked_are_out_of_the_collectors_way_until_released(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big.csv", ITALIAN, [
        {"Nome": f"N{i}", "Cognome": "Rossi", "Email": f"n{i}@example.it", "Telefono": "02 1234567"}
        for i in range(20_000)], delimiter=";")
    gc.collect()
    table = read(path)
    rows = prepare(table, guess(table.columns, SCHEMA, table.rows), SCHEMA)
    assert len(rows) == 20_000
    assert gc.get_count()[0] < 5_000  # the young generation does not hold the rows
    assert gc.get_freeze_count() > 40_000  # they wait where the collector does not look
    release(rows)
    release(table.rows)
    assert gc.get_freeze_count() == 0  # given back: nothing stays hidden from the collector
