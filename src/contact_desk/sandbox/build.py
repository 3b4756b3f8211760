"""Builds (or reuses) the sandbox's SQLite database.

Three files: SmartCQ, Replicer, and Replicer's search index. SQLite releases
the GIL while it tokenises the FTS index in one statement, so that work runs
on a second core while the SmartCQ rows are generated in Python. A built
database is stamped with (schema, seed, size) and reused when asked again.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from contact_desk.sandbox import schema
from contact_desk.sandbox.demo_data import (
    DEMO_KEYS,
    Tenant,
    demo_tenants,
    replicer_rows,
    smartcq_rows,
)


def _stamp(contacts: int, seed: int) -> str:
    return f"schema={schema.SCHEMA_VERSION};seed={seed};contacts={contacts}"


def _bulk_pragmas(con: sqlite3.Connection) -> None:
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-64000")  # 64 MB: index sorts spill to temp files beyond it


def _is_built(path: Path, stamp: str) -> bool:
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(path)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == stamp


Progress = Callable[[int, int], None]  # (contacts written, contacts in all): from the build thread


class _Counter:
    def __init__(self, total: int, report: Progress | None) -> None:
        self.total, self.done, self.report = total, 0, report

    def add(self, n: int) -> None:
        self.done += n
        if self.report is not None:
            self.report(self.done, self.total)


def _fill_smartcq(con: sqlite3.Connection, tenants: tuple[Tenant, ...], counter: _Counter) -> None:
    sql = schema.insert_sql("scq_contacts", schema.SCQ_COLUMNS)
    for tenant in tenants:
        con.executemany("INSERT INTO tags(tenant_id, name) VALUES (?, ?)",
                        [(tenant.id, t) for t in tenant.tags])
        for chunk in smartcq_rows(tenant):
            con.executemany(sql, chunk)
            counter.add(len(chunk))


def _fill_replicer(con: sqlite3.Connection, tenants: tuple[Tenant, ...], counter: _Counter) -> None:
    sql = schema.insert_sql("rpl_contacts", schema.RPL_COLUMNS)
    for tenant in tenants:
        for chunk in replicer_rows(tenant):
            con.executemany(sql, chunk)
            counter.add(len(chunk))


def _fill_search(con: sqlite3.Connection, tenants: tuple[Tenant, ...], replicer: Path) -> None:
    """One INSERT ... SELECT per tenant: SQLite tokenises in C with the GIL released,
    while the SmartCQ rows are generated in Python beside it."""
    con.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    con.execute("ATTACH DATABASE ? AS src", (str(replicer),))
    for tenant in tenants:
        con.execute(schema.search_table_sql(tenant.id))
        con.execute(
            f"INSERT INTO {schema.search_table(tenant.id)}(rowid, name, email, phone, company) "
            "SELECT pk, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), "
            "coalesce(email, ''), coalesce(phone_number, ''), coalesce(company, '') "
            "FROM src.rpl_contacts WHERE tenant_id = ?",
            (tenant.id,),
        )
    con.commit()
    con.execute("DETACH DATABASE src")


def _build_file(path: Path, stamp: str, fill: Callable[[sqlite3.Connection], None],
                script: str = schema.TABLES, indexes: str = schema.INDEXES) -> None:
    tmp = path.with_name(path.name + ".building")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp, check_same_thread=False)
    try:
        _bulk_pragmas(con)
        con.executescript(script)
        fill(con)
        con.executescript(indexes)
        con.execute("INSERT INTO meta(key, value) VALUES ('stamp', ?)", (stamp,))
        con.commit()
    finally:
        con.close()
    tmp.replace(path)


@dataclass(frozen=True)
class DatabaseFiles:
    smartcq: Path
    replicer: Path
    search: Path


def build(folder: Path, contacts: int, seed: int, progress: Progress | None = None) -> DatabaseFiles:
    """Make sure ``folder`` holds the sandbox's databases for this size and seed.

    Reuses files already built with the same stamp, so a restart with the
    same ``--db`` folder is instant. Three threads: SmartCQ rows, Replicer
    index in C (GIL released) while SmartCQ rows are generated in Python.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = _stamp(contacts, seed)
    files = DatabaseFiles(folder / "smartcq.sqlite3", folder / "replicer.sqlite3",
                          folder / "search.sqlite3")
    tenants = demo_tenants(contacts, seed)
    scq = tuple(t for t in tenants if t.dialect == "smartcq")
    rpl = tuple(t for t in tenants if t.dialect == "replicer")
    counter = _Counter(sum(t.contacts for t in tenants), progress)
    if not (_is_built(files.replicer, stamp) and _is_built(files.search, stamp)):
        _build_file(files.replicer, stamp, lambda c: _fill_replicer(c, rpl, counter))
        errors: list[BaseException] = []

        def index() -> None:
            try:
                _build_file(files.search, stamp, lambda c: _fill_search(c, rpl, files.replicer),
                            script="", indexes="")
            except BaseException as exc:  # re-raised in the caller's thread below
                errors.append(exc)

        indexer = threading.Thread(target=index, name="sandbox-search-index")
        indexer.start()
        try:
            _build_smartcq(files.smartcq, stamp, scq, counter)
        finally:
            indexer.join()
        if errors:
            raise errors[0]
    _build_smartcq(files.smartcq, stamp, scq, counter)
    return files


def _build_smartcq(path: Path, stamp: str, tenants: tuple[Tenant, ...], counter: _Counter) -> None:
    if not _is_built(path, stamp):
        _build_file(path, stamp, lambda c: _fill_smartcq(c, tenants, counter))


def open_database(files: DatabaseFiles, contacts: int, seed: int) -> sqlite3.Connection:
    """One connection: SmartCQ as ``main``, Replicer and its search index attached.

    Tenants and keys live in temporary tables: they are fixed by the code, not the files.
    """
    con = sqlite3.connect(files.smartcq, check_same_thread=False, isolation_level=None)
    con.execute("ATTACH DATABASE ? AS rpl", (str(files.replicer),))
    con.execute("ATTACH DATABASE ? AS fts", (str(files.search),))
    for db in ("main", "rpl", "fts"):
        con.execute(f"PRAGMA {db}.journal_mode=WAL")
        con.execute(f"PRAGMA {db}.synchronous=NORMAL")
    con.execute("CREATE TEMP TABLE tenants(id INTEGER PRIMARY KEY, name TEXT, dialect TEXT)")
    con.execute("CREATE TEMP TABLE api_keys(key TEXT PRIMARY KEY, tenant_id INTEGER, scopes TEXT)")
    con.executemany("INSERT INTO temp.tenants VALUES (?, ?, ?)",
                    [(t.id, t.name, t.dialect) for t in demo_tenants(contacts, seed)])
    con.executemany("INSERT INTO temp.api_keys VALUES (?, ?, ?)",
                    [(k.key, k.tenant_id, k.scopes) for k in DEMO_KEYS])
    return con
