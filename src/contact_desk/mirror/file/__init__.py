"""The offline copy's file: its tables and the one declared list of stored columns (tables.py),
writing (store.py), reading (reading.py), how a contact is kept (codec.py, values.py) and what is
derived from the rows (derived.py, facets.py, tallies.py; fill_sql.py for a first sync)."""
