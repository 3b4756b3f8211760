"""Sending an import: rows checked by ``preview.prepare`` become contacts, a few at a
time, behind one shared gate that slows everyone down when the server says 429.

* Existing contacts: SmartCQ answers 409 with the existing id; Replicer has no such
  answer, so its contact is looked up first (by email, else phone, else name and
  company). ``on_existing``: ``skip`` leaves it, ``update`` sends only the editable
  fields that differ. Either way, importing the same file again creates nothing.
* A teammate's change is not overwritten by an update: a file made by our export
  carries each contact's update time (``Prepared.seen_at``); a contact changed on the
  server since then is a ``CONFLICT`` row, both values said, nothing sent, unless
  ``on_conflict="overwrite"``. A field that moves between the import's read and its
  write is said on the row (``checked_save.send_checked``). What was written is in
  ``changes`` (My changes).
* A create whose answer was lost is looked for before it is called failed
  (``api.creating.Creation``), so a dropped connection never makes a duplicate.
* Pause holds new requests; cancel sends nothing more, lets the requests under way
  finish and reports every row: done, or "not sent".
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from contact_desk.api import Dialect, Query, errors
from contact_desk.api.creating import Creation
from contact_desk.api.models import Contact
from contact_desk.api.schema import QT_TRANSLATE_NOOP, Kind
from contact_desk.api.transport import answered_request_id
from contact_desk.tasks import time_left, together
from contact_desk.transfer.bulk import Changed, display_name
from contact_desk.transfer.checked_save import send_checked, values_of
from contact_desk.transfer.field_names import COMPANY, EMAIL, FIRST_NAME, LAST_NAME, PHONE
from contact_desk.transfer.gate import GatedWork
from contact_desk.transfer.preview import DUPLICATE, SENDABLE, Prepared, mark_there, without_tags
from contact_desk.transfer.texts import Text, joined, plain_value

CONCURRENCY = 6
CANCELLED = Text(QT_TRANSLATE_NOOP("Transfer", "not sent: the import was cancelled"))
KEY_REFUSED = Text(QT_TRANSLATE_NOOP("Transfer", "not sent: the server refused the account's key"))
CREATED, UPDATED, EXISTING, INVALID_ROW, FAILED = "created", "updated", "existing", "invalid", "failed"
CONFLICT = "conflict"  # changed on the server since the file was made: not overwritten
REPEATED = "repeated"  # the same email as an earlier row of the file: not sent (the preview's DUPLICATE)


@dataclass
class RowResult:
    row: int
    outcome: str
    id: str = ""
    reasons: tuple[Text, ...] = ()
    request_id: str = ""

    @property
    def reason(self) -> str:
        """In English (reports of the command line); the window translates ``reasons``."""
        return joined(self.reasons)


@dataclass
class ImportProgress:
    total: int
    done: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)
    waiting: float = 0.0  # seconds the server asked us to wait (429) so far
    paused: bool = False

    def eta(self) -> float | None:
        return time_left(self.done, self.total, self.started)


class ImportRun:
    def __init__(self, dialect: Dialect, rows: Sequence[Prepared], *, on_existing: str = "skip",
                 concurrency: int = CONCURRENCY, report: Callable[[ImportProgress], None] | None = None,
                 unknown_tags: str = "drop", on_conflict: str = "keep") -> None:
        if on_existing not in ("skip", "update"):
            raise ValueError("on_existing is skip or update")
        if on_conflict not in ("keep", "overwrite"):
            raise ValueError("on_conflict is keep or overwrite")
        self.on_conflict = on_conflict
        self.changes: list[Changed] = []  # what was written, for My changes
        self.dialect = dialect
        self.rows = list(rows)
        self.on_existing = on_existing
        self.unknown_tags = unknown_tags
        self.concurrency = max(1, concurrency)
        self.report = report
        self.work = GatedWork(self.concurrency, self._send, lambda p, exc: self._done(self._failed(p, exc)))
        self.gate = self.work.gate
        self.results: dict[int, RowResult] = {}
        self.progress = ImportProgress(total=len(self.rows))

    async def _create(self, values: dict[str, Any]) -> tuple[Contact, tuple[Text, ...]]:
        """Creates the contact; a tag the account lacks (400 unknown_tag) costs the tag, not
        the contact, unless the user asked for the strict way: one more try without it."""
        try:  # a Creation a contact: what one row's lost answer means is that row's alone
            return await Creation(self.dialect).create(values), ()
        except errors.UnknownTag as exc:
            if self.unknown_tags != "drop" or not values.get("tags"):
                raise
            fewer, dropped = _without(values, exc)
        return await Creation(self.dialect).create(fewer), (without_tags(dropped),)

    def cancel(self) -> None:
        """No new row is sent; those under way finish, and everything is reported."""
        self.work.cancel()

    async def run(self) -> list[RowResult]:
        sendable = []
        for p in self.rows:
            if p.status in SENDABLE:
                sendable.append(p)
            else:
                outcome = REPEATED if p.status == DUPLICATE else INVALID_ROW
                self._done(RowResult(p.row, outcome, reasons=tuple(p.notes)))
        await self.work.run(sendable)
        why = KEY_REFUSED if self.work.refused is not None else CANCELLED
        for p in self.rows:  # anything not sent: cancelled, or stopped by a refused key
            if p.row not in self.results:
                self._done(RowResult(p.row, FAILED, reasons=(why,)))
        return [self.results[p.row] for p in self.rows]

    @property
    def refused(self) -> errors.Unauthorized | None:
        """The server refused the key: the import stopped there (the rest were not sent)."""
        return self.work.refused

    async def _send(self, p: Prepared) -> None:
        self._done(await self._one(p))

    def _failed(self, p: Prepared, exc: errors.ApiError) -> RowResult:
        existing = getattr(exc, "existing_id", None) or ""
        field_ = getattr(exc, "field", None)
        return RowResult(p.row, FAILED, existing, (Text(exc.message, field=field_),), exc.request_id or "")

    def _done(self, result: RowResult) -> None:
        self.results[result.row] = result
        self.progress.done += 1
        self.progress.outcomes[result.outcome] = self.progress.outcomes.get(result.outcome, 0) + 1
        self.progress.paused = self.gate.user_paused
        self.progress.waiting = self.work.waited
        if self.report is not None:
            self.report(self.progress)

    async def _one(self, p: Prepared) -> RowResult:
        schema = self.dialect.schema
        existing = None if schema.conflict_names_existing else await find_existing(self.dialect, p.values)
        if existing is None:
            try:
                made, notes = await self._create(p.values)
                self.changes.append(Changed(made.id, {}, dict(p.values), answered_request_id() or "",
                                            display_name(made)))
                return RowResult(p.row, CREATED, made.id, (*p.notes, *notes))
            except errors.Conflict as exc:
                if not exc.existing_id:
                    raise
                existing = await self.dialect.get(exc.existing_id)
        if self.on_existing == "skip":
            return RowResult(p.row, EXISTING, existing.id, (Text(QT_TRANSLATE_NOOP(
                "Transfer", "already there: left as it was")),))
        changes = differences(self.dialect, existing, p.values)
        if not changes:
            return RowResult(p.row, EXISTING, existing.id, (Text(QT_TRANSLATE_NOOP(
                "Transfer", "already there, with the same values")),))
        newer = p.seen_at is not None and (existing.updated_at or "") > p.seen_at
        if newer and self.on_conflict == "keep":
            return self._conflict(p, existing, changes)
        saved = await send_checked(self.dialect, existing, changes)
        self.changes.append(Changed(existing.id, saved.before, dict(changes), saved.request_id,
                                    display_name(existing)))
        fields = ", ".join(sorted(changes))
        said = [Text.of(QT_TRANSLATE_NOOP("Transfer", "changed: {fields}"), fields=fields)]
        if saved.moved:
            said.append(Text.of(QT_TRANSLATE_NOOP("Transfer", "changed by someone else while importing: "
                                                  "{fields}"), fields=", ".join(sorted(saved.moved))))
        return RowResult(p.row, UPDATED, existing.id, tuple(said), saved.request_id)

    def _conflict(self, p: Prepared, existing: Contact, changes: dict[str, Any]) -> RowResult:
        """The contact changed on the server after the file was made: both values said, nothing sent."""
        now = values_of(self.dialect.schema, existing, changes)
        said = tuple(Text.of(QT_TRANSLATE_NOOP("Transfer", "{name}: the file says {theirs}, the server now "
                                               "{now} (changed since the file was made)"), name,
                             name=name, theirs=plain_value(changes[name]), now=plain_value(now[name]))
                     for name in sorted(changes))
        return RowResult(p.row, CONFLICT, existing.id, said)


def _without(values: dict[str, Any], exc: errors.UnknownTag) -> tuple[dict[str, Any], list[str]]:
    """``values`` less the tag the server named (every tag when it named none we sent)."""
    tags = [str(t) for t in values.get("tags") or []]
    named = [t for t in tags if exc.tag and t.casefold() == exc.tag.casefold()]
    dropped = named or tags
    kept = [t for t in tags if t not in dropped]
    out = {k: v for k, v in values.items() if k != "tags"}
    if kept:
        out["tags"] = kept
    return out, dropped


def differences(dialect: Dialect, existing: Contact, values: dict[str, Any]) -> dict[str, Any]:
    """The editable fields of ``values`` that differ from ``existing`` (what an update sends)."""
    out: dict[str, Any] = {}
    for f in dialect.schema.patchable:
        if f.name not in values:
            continue
        new, old = values[f.name], getattr(existing, f.attr, None)
        if f.kind is Kind.DATE and isinstance(old, str):
            old = old[:10]
        if isinstance(new, str) and isinstance(old, str) and f.kind is Kind.EMAIL:
            same = new.strip().lower() == old.strip().lower()
        else:
            same = new == old
        if not same:
            out[f.name] = new
    return out


async def find_existing(dialect: Dialect, values: dict[str, Any]) -> Contact | None:
    """Replicer has no 409: the contact with this email, else this phone, else this name and
    company, found by its search (exact match on our side, whatever letters and however composed:
    compared folded and composed; searched as written, and composed when that differs: a server
    may fold only ASCII, and stores letters as the first program sent them)."""
    def text(v: Any) -> str:
        return str(v or "").strip()

    def norm(v: Any) -> str:
        return unicodedata.normalize("NFC", text(v)).casefold()

    email, phone = norm(values.get(EMAIL)), norm(values.get(PHONE))
    name = (norm(values.get(FIRST_NAME)), norm(values.get(LAST_NAME)), norm(values.get(COMPANY)))
    probes: list[tuple[str, Callable[[Contact], bool]]] = []
    if email:
        probes.append((text(values.get(EMAIL)), lambda c: norm(c.email) == email))
    elif phone:
        probes.append((text(values.get(PHONE)), lambda c: norm(getattr(c, "phone_number", None)) == phone))
    elif any(name):
        written = " ".join(t for t in (text(values.get(FIRST_NAME)), text(values.get(LAST_NAME))) if t)
        def named(c: Contact) -> bool:
            return (norm(c.first_name), norm(c.last_name), norm(getattr(c, "company", None))) == name

        probes.append((written or text(values.get(COMPANY)), named))
    for written_text, same in probes:
        for searched in dict.fromkeys((written_text, unicodedata.normalize("NFC", written_text))):
            page = await dialect.list_page(Query(search=searched), 1, 100)
            found = next((c for c in page.items if same(c)), None)
            if found is not None:
                return found
    return None


def summary(results: Sequence[RowResult]) -> dict[str, int]:
    out = {k: 0 for k in (CREATED, UPDATED, EXISTING, CONFLICT, REPEATED, INVALID_ROW, FAILED)}
    for r in results:
        out[r.outcome] += 1
    return out


LOOKUP_ROWS = 500  # rows of a preview looked up on the server when there is no offline copy


async def look_up_there(dialect: Dialect, rows: Sequence[Prepared], *, most: int = LOOKUP_ROWS,
                     concurrency: int = CONCURRENCY) -> int:
    """Without an offline copy, a preview asks the server which rows are there already (a
    dialect that can search: Replicer), by the same look-up an import makes, for the first
    ``most`` rows that would be sent. Returns how many were looked up (a look-up that fails is
    skipped: the import finds the contact as it sends it)."""
    if not dialect.schema.search:
        return 0
    wanted = [p for p in rows if p.status in SENDABLE][:most]
    queue = iter(wanted)
    asked = 0

    async def worker() -> None:
        nonlocal asked
        for p in queue:
            try:  # a look-up that fails (429s, a server down) leaves the row to the import itself
                there = await find_existing(dialect, p.values)
            except errors.ApiError:
                continue
            asked += 1
            if there is not None:
                mark_there(p, ALREADY_THERE_ON_SERVER)

    await together(concurrency, worker)
    return asked


ALREADY_THERE_ON_SERVER = Text(QT_TRANSLATE_NOOP("Transfer", "already there (looked up on the server)"))
