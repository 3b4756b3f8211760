"""SQLite schema of the sandbox: tags, one contact table per dialect.

Timestamps are stored as integer milliseconds since the epoch and formatted on
the way out, so that SmartCQ's cursor compares integers. Replicer rows carry a
dense per-tenant ``seq`` (1..n, newest highest) so any page is an index range,
and a contentless FTS5 trigram index for case-insensitive substring search.
"""

from __future__ import annotations

SCHEMA_VERSION = 3

TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tags(tenant_id INTEGER NOT NULL, name TEXT NOT NULL,
                  PRIMARY KEY(tenant_id, name)) WITHOUT ROWID;
CREATE TABLE scq_contacts(
    pk INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    id TEXT NOT NULL,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    first_name TEXT, last_name TEXT,
    email_status TEXT NOT NULL, stage TEXT, source TEXT, consent_type TEXT,
    tags TEXT NOT NULL,
    archived_ms INTEGER, acquired_ms INTEGER,
    created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL
);
CREATE TABLE rpl_contacts(
    pk INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    first_name TEXT, last_name TEXT, company TEXT, job_title TEXT,
    phone_number TEXT, email TEXT, street TEXT, city TEXT, state TEXT,
    postal_code TEXT, country TEXT, website TEXT, birthday TEXT, notes TEXT,
    created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL
);
"""

# Built after the bulk insert: one sort per index instead of a b-tree insert per row.
INDEXES = """
CREATE UNIQUE INDEX scq_by_id ON scq_contacts(id);
CREATE UNIQUE INDEX scq_by_email ON scq_contacts(tenant_id, email_key);
CREATE UNIQUE INDEX scq_by_created ON scq_contacts(tenant_id, created_ms);
CREATE INDEX scq_by_status ON scq_contacts(tenant_id, email_status, created_ms);
CREATE INDEX scq_by_stage ON scq_contacts(tenant_id, stage, created_ms);
CREATE INDEX scq_by_status_stage ON scq_contacts(tenant_id, email_status, stage, created_ms);
CREATE UNIQUE INDEX rpl_by_id ON rpl_contacts(id);
CREATE UNIQUE INDEX rpl_by_seq ON rpl_contacts(tenant_id, seq);
"""

SCQ_COLUMNS = (
    "tenant_id", "id", "email", "email_key", "first_name", "last_name", "email_status",
    "stage", "source", "consent_type", "tags", "archived_ms", "acquired_ms",
    "created_ms", "updated_ms",
)
RPL_COLUMNS = (
    "tenant_id", "seq", "id", "first_name", "last_name", "company", "job_title",
    "phone_number", "email", "street", "city", "state", "postal_code", "country",
    "website", "birthday", "notes", "created_ms", "updated_ms",
)


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table}({', '.join(columns)}) VALUES ({marks})"


def search_table(tenant_id: int) -> str:
    """Each Replicer tenant has its own FTS table, so a match never needs a tenant filter."""
    return f"rpl_search_{int(tenant_id)}"


def search_table_sql(tenant_id: int) -> str:
    return (f"CREATE VIRTUAL TABLE IF NOT EXISTS {search_table(tenant_id)} "
            "USING fts5(name, email, phone, company, content='', tokenize='trigram')")


def search_row(
    first: str | None,
    last: str | None,
    email: str | None,
    phone: str | None,
    company: str | None,
) -> tuple[str, str, str, str]:
    name = " ".join(part for part in (first, last) if part)
    return (name, email or "", phone or "", company or "")
