"""The sandbox's data access: every query and write of both dialects.

Used from the server's single event-loop thread only. Methods return plain
dicts shaped like the vendor's JSON, or raise ``SandboxError``.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import msgspec

from contact_desk.sandbox import schema


class SandboxError(Exception):
    """An error answer: HTTP status, error code, message and optional extra fields."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


@dataclass(frozen=True)
class Caller:
    tenant_id: int
    dialect: str
    scopes: frozenset[str]


def iso_ms(ms: int | None) -> str | None:
    """Milliseconds since the epoch as ``2026-01-15T08:00:00.000Z``."""
    if ms is None:
        return None
    seconds, millis = divmod(ms, 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{millis:03d}Z"


def parse_cursor(text: str) -> int:
    """An ISO timestamp cursor back to milliseconds (SmartCQ's documented cursor type)."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise SandboxError(400, "invalid_cursor", "Cursore non valido") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000 + (0.5 if moment.timestamp() >= 0 else -0.5))


def _ts(col: str) -> str:
    """SQL for ``iso_ms``: integer arithmetic only, so exact to the millisecond."""
    return (f"CASE WHEN {col} IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%S', {col} / 1000, "
            f"'unixepoch') || printf('.%03dZ', {col} % 1000) END")


# Each contact's JSON is built by SQLite in C: a page is a join of ready strings.
_SCQ_JSON = (
    "json_object('id', id, 'email', email, 'firstName', first_name, 'lastName', last_name, "
    "'emailStatus', email_status, 'stage', stage, 'source', source, 'consentType', consent_type, "
    f"'tags', json(tags), 'archivedAt', {_ts('archived_ms')}, 'acquiredAt', {_ts('acquired_ms')}, "
    f"'createdAt', {_ts('created_ms')}, 'updatedAt', {_ts('updated_ms')})"
)
_SCQ_SELECT = f"SELECT {_SCQ_JSON}, created_ms FROM scq_contacts"
_RPL_FIELDS = (
    ("firstName", "first_name"), ("lastName", "last_name"), ("company", "company"),
    ("jobTitle", "job_title"), ("phoneNumber", "phone_number"), ("email", "email"),
    ("street", "street"), ("city", "city"), ("state", "state"), ("postalCode", "postal_code"),
    ("country", "country"), ("website", "website"), ("birthday", "birthday"), ("notes", "notes"),
)
RPL_COLUMN_OF = dict(_RPL_FIELDS)
_RPL_JSON = (
    "json_object('id', id, " + ", ".join(f"'{f}', {c}" for f, c in _RPL_FIELDS)
    + f", 'createdAt', {_ts('created_ms')}, 'updatedAt', {_ts('updated_ms')})"
)
_RPL_SELECT = f"SELECT {_RPL_JSON}, pk FROM rpl.rpl_contacts"


def _array(rows: list[Any]) -> bytes:
    return b"[" + ",".join(r[0] for r in rows).encode() + b"]"


_PHONEISH = re.compile(r"^[+\d][\d\s().-]*$")


def search_terms(text: str) -> list[str]:
    """Words of a free-text search, lower-cased; a phone-like query loses its spacing."""
    text = text.strip().lower()
    if _PHONEISH.match(text) and sum(ch.isdigit() for ch in text) >= 3:
        return ["".join(ch for ch in text if ch.isdigit() or ch == "+")]
    return text.split()


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Store:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self._last_ms = 0

    # -- common ---------------------------------------------------------------
    def authenticate(self, key: str, dialect: str) -> Caller | None:
        row = self.con.execute(
            "SELECT k.tenant_id, t.dialect, k.scopes FROM temp.api_keys k "
            "JOIN temp.tenants t ON t.id = k.tenant_id WHERE k.key = ?", (key,)
        ).fetchone()
        if row is None or row[1] != dialect:
            return None
        return Caller(row[0], row[1], frozenset(row[2].split()))

    def _now_ms(self, tenant_id: int) -> int:
        """A fresh creation time, unique per tenant at millisecond precision."""
        latest = self.con.execute(
            "SELECT max(created_ms) FROM scq_contacts WHERE tenant_id = ?", (tenant_id,)
        ).fetchone()[0] or 0
        self._last_ms = max(int(time.time() * 1000), latest + 1, self._last_ms + 1)
        return self._last_ms

    def tags(self, tenant_id: int) -> list[str]:
        rows = self.con.execute("SELECT name FROM tags WHERE tenant_id = ? ORDER BY name", (tenant_id,))
        return [r[0] for r in rows]

    # -- SmartCQ --------------------------------------------------------------
    def scq_list(self, tenant_id: int, limit: int, cursor_ms: int | None, email_status: str | None,
                 stage: str | None, include_archived: bool) -> bytes:
        """The whole answer body, ``{"data": [...], "next": ...}``."""
        where = ["tenant_id = ?"]
        args: list[Any] = [tenant_id]
        if email_status is not None:
            where.append("email_status = ?")
            args.append(email_status)
        if stage is not None:
            where.append("stage = ?")
            args.append(stage)
        if not include_archived:
            where.append("archived_ms IS NULL")
        if cursor_ms is not None:
            where.append("created_ms < ?")
            args.append(cursor_ms)
        sql = f"{_SCQ_SELECT} WHERE {' AND '.join(where)} ORDER BY created_ms DESC LIMIT ?"
        rows = self.con.execute(sql, (*args, limit + 1)).fetchall()
        page = rows[:limit]
        nxt = iso_ms(page[-1][1]) if len(rows) > limit else None
        return b'{"data":' + _array(page) + b',"next":' + msgspec.json.encode(nxt) + b"}"

    def scq_get(self, tenant_id: int, contact_id: str) -> dict[str, Any]:
        row = self.con.execute(f"{_SCQ_SELECT} WHERE id = ? AND tenant_id = ?",
                               (contact_id, tenant_id)).fetchone()
        if row is None:
            raise SandboxError(404, "not_found", "Contatto non trovato")
        return dict(json.loads(row[0]))

    def scq_create(self, tenant_id: int, body: dict[str, Any]) -> dict[str, Any]:
        email: str = body["email"]
        existing = self.con.execute(
            "SELECT id, email_status, archived_ms FROM scq_contacts WHERE tenant_id = ? AND email_key = ?",
            (tenant_id, email.lower()),
        ).fetchone()
        if existing is not None:
            status = "archived" if existing[2] is not None else existing[1]
            raise SandboxError(409, "conflict", "Contatto già esistente con questa email",
                               existing={"id": existing[0], "status": status})
        known = set(self.tags(tenant_id))
        tags: list[str] = body.get("tags") or []
        for tag in tags:
            if tag not in known:
                raise SandboxError(400, "unknown_tag", f"Tag inesistente nel tenant: {tag}")
        now = self._now_ms(tenant_id)
        contact_id = str(uuid.uuid4())
        self.con.execute(
            schema.insert_sql("scq_contacts", schema.SCQ_COLUMNS),
            (tenant_id, contact_id, email, email.lower(), body.get("firstName"), body.get("lastName"),
             "active", "lead", "api", body.get("consentType"), json.dumps(list(dict.fromkeys(tags))),
             None, now, now, now),
        )
        return self.scq_get(tenant_id, contact_id)

    def scq_patch(self, tenant_id: int, contact_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        columns = {"firstName": "first_name", "lastName": "last_name", "emailStatus": "email_status",
                   "stage": "stage", "consentType": "consent_type"}
        self.scq_get(tenant_id, contact_id)
        if changes:
            sets = ", ".join(f"{columns[k]} = ?" for k in changes)
            self.con.execute(
                f"UPDATE scq_contacts SET {sets}, updated_ms = ? WHERE id = ? AND tenant_id = ?",
                (*changes.values(), int(time.time() * 1000), contact_id, tenant_id),
            )
        return self.scq_get(tenant_id, contact_id)

    # -- Replicer -------------------------------------------------------------
    def rpl_total(self, tenant_id: int) -> int:
        row = self.con.execute("SELECT max(seq) FROM rpl.rpl_contacts WHERE tenant_id = ?",
                               (tenant_id,)).fetchone()
        return int(row[0] or 0)

    def rpl_list(self, tenant_id: int, page: int, limit: int,
                 search: str | None) -> tuple[bytes, int]:
        """The page's ``data`` array as JSON, and the total."""
        offset = (page - 1) * limit
        terms = search_terms(search) if search else []
        if not terms:
            total = self.rpl_total(tenant_id)
            high = total - offset
            rows = self.con.execute(
                f"{_RPL_SELECT} WHERE tenant_id = ? AND seq BETWEEN ? AND ? ORDER BY seq DESC",
                (tenant_id, high - limit + 1, high),
            ).fetchall()
            return _array(rows), total
        indexed = [t for t in terms if len(t) >= 3]
        short = [t for t in terms if len(t) < 3]
        table = "fts." + schema.search_table(tenant_id)
        if indexed:
            match = " AND ".join(_fts_phrase(t) for t in indexed)
            source = f"SELECT rowid AS pk FROM {table} WHERE {schema.search_table(tenant_id)} MATCH ?"
            args: list[Any] = [match]
        else:
            source = "SELECT pk FROM rpl.rpl_contacts WHERE tenant_id = ?"
            args = [tenant_id]
        if short:
            # Too short for trigrams: checked column by column (a term has no spaces, so
            # it cannot span two columns). Without an indexed term this scans the tenant.
            cols = ("first_name", "last_name", "email", "phone_number", "company")
            one = "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in cols) + ")"
            cond = " AND ".join(one for _ in short)
            # "+tenant_id": a plain table scan beats walking the (tenant_id, seq) index.
            scope = "+tenant_id = ?" if not indexed else f"pk IN ({source})"
            source = f"SELECT pk FROM rpl.rpl_contacts WHERE {scope} AND {cond}"
            args += [_like(t) for t in short for _ in cols]
        total = int(self.con.execute(f"SELECT count(*) FROM ({source})", args).fetchone()[0])
        rows = self.con.execute(
            f"{_RPL_SELECT} WHERE pk IN ({source} ORDER BY pk DESC LIMIT ? OFFSET ?) ORDER BY pk DESC",
            (*args, limit, offset),
        ).fetchall()
        return _array(rows), total

    def rpl_get(self, tenant_id: int, contact_id: str) -> dict[str, Any]:
        return dict(json.loads(self._rpl_row(tenant_id, contact_id)[0]))

    def _rpl_row(self, tenant_id: int, contact_id: str) -> tuple[Any, ...]:
        row = self.con.execute(f"{_RPL_SELECT} WHERE id = ? AND tenant_id = ?",
                               (contact_id, tenant_id)).fetchone()
        if row is None:
            raise SandboxError(404, "not_found", "Contact not found")
        return tuple(row)

    def _index(self, tenant_id: int, pk: int, values: dict[str, Any], delete: bool = False) -> None:
        table = schema.search_table(tenant_id)
        cols = schema.search_row(values.get("firstName"), values.get("lastName"), values.get("email"),
                                 values.get("phoneNumber"), values.get("company"))
        if delete:
            self.con.execute(f"INSERT INTO fts.{table}({table}, rowid, name, email, phone, company) "
                             "VALUES ('delete', ?, ?, ?, ?, ?)", (pk, *cols))
        else:
            self.con.execute(f"INSERT INTO fts.{table}(rowid, name, email, phone, company) "
                             "VALUES (?, ?, ?, ?, ?)", (pk, *cols))

    def rpl_create(self, tenant_id: int, values: dict[str, Any]) -> dict[str, Any]:
        # Unique to the millisecond, as SmartCQ's: the listing's order (by seq) and the creation
        # times then agree, and a burst of creates never ties (an order no client could know).
        now = self._last_ms = max(int(time.time() * 1000), self._last_ms + 1)
        contact_id = "c" + secrets.token_hex(12)
        seq = self.rpl_total(tenant_id) + 1
        cols = ["tenant_id", "seq", "id", *(RPL_COLUMN_OF[k] for k in values), "created_ms", "updated_ms"]
        self.con.execute("BEGIN")
        try:
            cur = self.con.execute(
                f"INSERT INTO rpl.rpl_contacts({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                (tenant_id, seq, contact_id, *values.values(), now, now),
            )
            self._index(tenant_id, int(cur.lastrowid or 0), values)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return self.rpl_get(tenant_id, contact_id)

    def rpl_patch(self, tenant_id: int, contact_id: str, changes: dict[str, Any],
                  check: Any) -> dict[str, Any]:
        row = self._rpl_row(tenant_id, contact_id)
        before = dict(json.loads(row[0]))
        after = {**before, **changes}
        check(after)
        if not changes:
            return before
        sets = ", ".join(f"{RPL_COLUMN_OF[k]} = ?" for k in changes)
        self.con.execute("BEGIN")
        try:
            pk = row[1]
            self.con.execute(f"UPDATE rpl.rpl_contacts SET {sets}, updated_ms = ? WHERE pk = ?",
                             (*changes.values(), int(time.time() * 1000), pk))
            self._index(tenant_id, pk, before, delete=True)
            self._index(tenant_id, pk, after)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return self.rpl_get(tenant_id, contact_id)

    # -- test helpers (no HTTP route: neither API documents a delete) ----------
    def remove(self, tenant_id: int, dialect: str, contact_id: str) -> bool:
        """Deletes a contact as if someone removed it on the vendor's site."""
        if dialect == "smartcq":
            cur = self.con.execute("DELETE FROM scq_contacts WHERE tenant_id = ? AND id = ?",
                                   (tenant_id, contact_id))
            return cur.rowcount > 0
        try:
            row = self._rpl_row(tenant_id, contact_id)
        except SandboxError:
            return False
        before = dict(json.loads(row[0]))
        seq = self.con.execute("SELECT seq FROM rpl.rpl_contacts WHERE pk = ?", (row[1],)).fetchone()[0]
        self.con.execute("BEGIN")
        try:
            self._index(tenant_id, row[1], before, delete=True)
            self.con.execute("DELETE FROM rpl.rpl_contacts WHERE pk = ?", (row[1],))
            # Keep seq dense (pages are seq ranges): two steps so no two rows share one midway.
            self.con.execute("UPDATE rpl.rpl_contacts SET seq = -seq WHERE tenant_id = ? AND seq > ?",
                             (tenant_id, seq))
            self.con.execute("UPDATE rpl.rpl_contacts SET seq = -seq - 1 WHERE tenant_id = ? AND seq < 0",
                             (tenant_id,))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return True
