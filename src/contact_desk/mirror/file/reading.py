"""What a copy's file answers (CopyFile's reading side): its meta values, its counts, and the
contacts a query lists, through queries.py."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from contact_desk.api.dialect import Query
from contact_desk.mirror.file import facets
from contact_desk.mirror.query import queries

BROAD = 100  # a search matching more than 1/BROAD of the copy scans in order instead of sorting


class CopyReads:
    con: sqlite3.Connection
    dialect: str
    _domains: list[str] | None
    _version: int | None
    _has_entries: bool

    # -- meta ---------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def meta_json(self, key: str) -> Any:
        text = self.meta(key)
        try:
            return None if text is None else json.loads(text)
        except ValueError:
            return None

    def derived(self) -> bool:
        """Whether the counts, duplicate keys and filters' entries follow the rows (not while a
        first sync's are still to be made: CopyFile.derive)."""
        return self.meta("derived") != "pending"

    def kept(self) -> frozenset[str]:
        """The fields whose filters the copy's entries answer (facets.py): none while they are
        pending, or in a copy of an older schema read without upgrading it."""
        if not self._has_entries or not self.derived():
            return frozenset()
        return frozenset(facets.fields(self.dialect))

    # -- queries ------------------------------------------------------------
    def forget_cached(self) -> None:
        self._domains = None

    def _fresh(self) -> None:
        """Forgets what was cached when another connection has written since."""
        version = self.con.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._version = version
            self._domains = None

    def size(self, listed_only: bool = False) -> int:
        """How many contacts the copy holds (``listed_only``: archived ones apart)."""
        value = self.meta("n_listed" if listed_only else "n_all")
        if value is not None and value.lstrip("-").isdigit():
            return int(value)
        where = " WHERE archived = 0" if listed_only else ""  # not kept by this file: counted
        return int(self.con.execute(f"SELECT count(*) FROM contacts{where}").fetchone()[0])

    def has(self, contact_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)).fetchone() is not None

    def newest_ord(self) -> int | None:
        """The key of the newest contact (keys are lowest for the newest)."""
        row = self.con.execute("SELECT min(ord) FROM contacts").fetchone()
        return None if row[0] is None else int(row[0])

    def tags(self) -> set[str]:
        return queries.tags(self.con)

    def emails(self) -> set[str]:
        return queries.emails(self.con)

    def domains(self) -> list[str]:
        """The email domains in the copy (a few hundred at most in practice)."""
        self._fresh()
        if self._domains is None:
            self._domains = [r[0] for r in self.con.execute("SELECT domain FROM domains WHERE n_all > 0")]
        return self._domains

    def count(self, query: Query) -> int:
        if not query.search and not queries.filtered(query):
            return self.size(listed_only=not query.include_archived)
        return queries.count(self.con, query, self.domains(), self.kept())

    def first_page(self, query: Query, limit: int) -> tuple[int, list[str]]:
        """The count and the first ``limit`` rows in the API's order (one pass when it can)."""
        if query.search and (quick := queries.first_page(self.con, query, limit, self.domains(),
                                                          self.kept())) is not None:
            return quick
        n = self.count(query)
        return n, self.rows(query, 0, limit, count=n)

    def position(self, query: Query, contact_id: str, *, sort: str | None = None,
                 descending: bool = False) -> int | None:
        """Where ``rows`` lists the contact (None: not listed)."""
        return queries.position(self.con, query, contact_id, self.domains(), sort=sort, descending=descending,
                                kept=self.kept())

    def rows(self, query: Query, offset: int, limit: int, *, sort: str | None = None,
             descending: bool = False, count: int | None = None) -> list[str]:
        """The JSON of the contacts at ``offset`` in the API's order, or sorted by field ``sort``."""
        return queries.rows(self.con, query, offset, limit, self.domains(), sort=sort, descending=descending,
                            kept=self.kept(),
                            broad=count is not None and count * BROAD > max(1, self.size()))
