"""Checking every row of an import before anything is sent, by the account's own rules.

Each row becomes a ``Prepared``: the values to send (normalised: phones to E.164
with a default country, dates such as 15/03/1990 to ISO, tags split) and a status:

* ``ready``: sent as it is;
* ``normalised``: sent, with some values written the way the API wants them;
* ``check``: sent, but the server may refuse it (a SmartCQ tag the account's
  offline copy has never seen: SmartCQ has no list of its tags);
* ``duplicate``: the same email as an earlier row of the file (not sent);
* ``invalid``: not sent, with the reason (a bad email, a phone that is not one,
  Replicer's "at least one of", SmartCQ's required email).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from contact_desk.api.schema import QT_TRANSLATE_NOOP, DialectSchema, Field, Kind
from contact_desk.api.validate import Invalid, check
from contact_desk.transfer.countries import country_code
from contact_desk.transfer.field_names import UPDATED_AT
from contact_desk.transfer.mapping import Mapping
from contact_desk.transfer.table import Table, no_gc_pauses
from contact_desk.transfer.texts import NO_YEAR, Text, joined

READY, NORMALISED, CHECK, DUPLICATE, INVALID = "ready", "normalised", "check", "duplicate", "invalid"
THERE = "there"  # the account's offline copy has a contact with this email: sent, skipped or updated as asked
SENDABLE = (READY, NORMALISED, CHECK, THERE)
STATUSES = (READY, NORMALISED, CHECK, THERE, DUPLICATE, INVALID)
UNKNOWN_TAGS = ("drop", "fail")
_TAG_SPLIT = re.compile(r"\s*(?:,|;|:::|\|)\s*")
_GOOGLE_GROUPS = {"* mycontacts", "* starred", "* other contacts", "* friends", "* family", "* coworkers",
                  "mycontacts", "starred", "system group: my contacts"}
_MULTI = " ::: "  # Google CSV's several values in one cell
NO_DATE = Text(QT_TRANSLATE_NOOP("Transfer", "an empty date (0/0/00): left empty"))


class Dropped(ValueError):
    """A value left out, not a reason to refuse the row: the row imports and says why."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


@dataclass(slots=True)
class Prepared:
    row: int  # 1-based data row of the file (the header is row 0)
    values: dict[str, Any] = field(default_factory=dict)  # API field name -> value to send
    status: str = READY
    notes: list[Text] = field(default_factory=list)  # what was changed, or why it is not sent
    seen_at: str | None = None  # the contact's update time the file was made from (our own export's)

    @property
    def reason(self) -> str:
        """The notes in English (the window translates ``notes`` itself)."""
        return joined(self.notes)

    @property
    def email_key(self) -> str | None:
        email = self.values.get("email")
        return email.strip().lower() if isinstance(email, str) and email.strip() else None


def parse_date(text: str) -> str:
    """15/03/1990, 15.03.1990, 15-03-1990, 1990-03-15, 3/15/1990 (when the day cannot be
    the first) -> '1990-03-15'. Two-digit years are read as 19xx/20xx (within 100 years)."""
    value = text.strip()
    if re.fullmatch(r"--\d{2}-?\d{2}|\d{1,2}[/.]\d{1,2}|--\d{2}", value):
        raise Dropped(NO_YEAR)  # vCard's --0203 / --07-23, a day and month without a year
    if re.fullmatch(r"0{1,2}[/.\-]0{1,2}[/.\-]0{1,4}", value):
        raise Dropped(NO_DATE)  # Outlook's "no birthday"
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", value)
    if iso:
        y, m, d = (int(g) for g in iso.groups())
    else:
        parts = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", value)
        compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)  # vCard 3.0's 19900315
        if compact:
            y, m, d = (int(g) for g in compact.groups())
        elif parts:
            a, b, y = (int(g) for g in parts.groups())
            d, m = (a, b) if a > 12 or b <= 12 else (b, a)  # day first, as in Italy, unless impossible
            if y < 100:
                this_year = date.today().year % 100
                y += 2000 if y <= this_year else 1900
        else:
            raise ValueError("not a date (use 15/03/1990 or 1990-03-15)")
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        raise ValueError("not a date (use 15/03/1990 or 1990-03-15)") from None


def split_tags(text: str) -> list[str]:
    tags = [t.strip() for t in _TAG_SPLIT.split(text) if t.strip()]
    return list(dict.fromkeys(t for t in tags if t.lower() not in _GOOGLE_GROUPS))


def prepare(table: Table, mapping: Mapping, schema: DialectSchema, *, country: str = "IT",
            known_tags: set[str] | None = None, unknown_tags: str = "drop",
            existing: set[str] | None = None,
            progress: Callable[[int, int], None] | None = None) -> list[Prepared]:
    """Every row checked; ``known_tags``: the account's tags we know of (None: not known);
    ``unknown_tags``: ``drop`` leaves the others out (the row says which), ``fail`` sends
    them and lets the server refuse the row; ``existing``: the emails the account's copy
    holds (lower case): those rows are previewed as already there."""
    if unknown_tags not in UNKNOWN_TAGS:
        raise ValueError("unknown_tags is drop or fail")
    with no_gc_pauses():
        rows = _prepare(table, mapping, schema, country, known_tags, unknown_tags == "drop", progress)
    if existing:
        for p in rows:
            if p.status in SENDABLE and p.email_key in existing:
                mark_there(p, ALREADY_THERE)
    return rows


ALREADY_THERE = Text(QT_TRANSLATE_NOOP("Transfer", "already there (in the offline copy)"))


def mark_there(p: Prepared, why: Text) -> None:
    """The account has this row's contact already (sent all the same: skipped or updated as asked)."""
    p.status = THERE
    p.notes.insert(0, why)


@dataclass(frozen=True)
class _Rules:
    """What every row is checked against, worked out once per file (not per row)."""

    used: tuple[tuple[int, Field, Callable[[str], Any]], ...]  # column, field, its check
    required: tuple[str, ...]
    at_least_one: tuple[str, ...]
    known_tags: frozenset[str] | None
    drop_unknown_tags: bool


def _checker(f: Field, country: str) -> Callable[[str], Any]:
    if f.kind is Kind.TAGS:
        return split_tags
    if f.kind is Kind.DATE:
        return parse_date
    if f.kind is Kind.COUNTRY:
        def country_of(raw: str) -> Any:
            if len(raw) <= 2:
                return check(f, raw, country)
            code = country_code(raw)
            if code is None:
                raise ValueError("a two-letter country code, like IT")
            return code
        return country_of
    if f.kind in (Kind.TEXT, Kind.MULTILINE):
        return lambda raw: raw  # already stripped; nothing else to check
    return lambda raw: check(f, raw, country)


def _prepare(table: Table, mapping: Mapping, schema: DialectSchema, country: str, known_tags: set[str] | None,
             drop: bool, progress: Callable[[int, int], None] | None) -> list[Prepared]:
    used = tuple((i, schema.field(name), _checker(schema.field(name), country))
                 for i, c in enumerate(table.columns) if (name := mapping.get(c)))
    stamp = next((i for i, c in enumerate(table.columns) if c.strip() == UPDATED_AT), None)
    rules = _Rules(used, tuple(f.name for f in schema.creatable if f.required), tuple(schema.at_least_one),
                   frozenset(known_tags) if known_tags is not None else None, drop)
    seen: dict[str, int] = {}
    out: list[Prepared] = []
    total = len(table.rows)
    for n, cells in enumerate(table.rows, start=1):
        broken = table.broken.get(n)
        if broken is not None:
            out.append(Prepared(n, status=INVALID, notes=[broken]))
            continue
        p = _one(n, cells, rules)
        if stamp is not None and stamp < len(cells) and cells[stamp].strip():
            p.seen_at = cells[stamp].strip()
        noticed = table.notes.get(n)
        if noticed:
            p.notes.extend(noticed)
            if p.status == READY:
                p.status = NORMALISED
        key = p.email_key
        if key is not None and p.status in SENDABLE:
            if key in seen:
                p.status = DUPLICATE
                p.notes = [Text.of(QT_TRANSLATE_NOOP("Transfer", "the same email as row {row}"),
                                   row=seen[key])]
            else:
                seen[key] = n
        out.append(p)
        if progress is not None and n % 2000 == 0:
            progress(n, total)
    return out


def _one(n: int, cells: list[str], rules: _Rules) -> Prepared:
    p = Prepared(n)
    values = p.values
    problems: list[Text] = []
    width = len(cells)
    for index, f, checker in rules.used:
        raw = cells[index].strip() if index < width else ""
        if not raw:
            continue
        if _MULTI in raw and f.kind is not Kind.TAGS:
            raw, *others = (v.strip() for v in raw.split(_MULTI))
            p.notes.append(Text.of(QT_TRANSLATE_NOOP("Transfer", "the first of several values; not "
                                                     "imported: {others}"), f.name, others=", ".join(others)))
            if not raw:
                continue
        try:
            value = checker(raw)
        except Dropped as dropped:
            p.notes.append(replace(dropped.text, field=f.name))
            continue
        except (Invalid, ValueError) as exc:
            problems.append(Text(getattr(exc, "message", str(exc)), field=f.name))
            continue
        if value is None or value == []:
            continue
        if value.__class__ is str and value != raw:
            p.notes.append(Text.of(QT_TRANSLATE_NOOP("Transfer", "{before} written as {after}"), f.name,
                                   before=repr(raw), after=repr(value)))
        values[f.name] = value
    if problems:
        p.status, p.notes = INVALID, problems
        return p
    missing = [name for name in rules.required if name not in values]
    if missing:
        p.status, p.notes = INVALID, [Text(QT_TRANSLATE_NOOP("Transfer", "required"), field=name)
                                      for name in missing]
        return p
    if rules.at_least_one and not any(values.get(name) for name in rules.at_least_one):
        p.status, p.notes = INVALID, [Text(QT_TRANSLATE_NOOP(
            "Transfer", "give at least one of first name, last name, company, phone or email"))]
        return p
    if p.notes:
        p.status = NORMALISED
    if rules.known_tags is not None and "tags" in values:
        unknown = [t for t in values["tags"] if t not in rules.known_tags]
        if unknown and rules.drop_unknown_tags:
            p.status = NORMALISED
            kept = [t for t in values["tags"] if t in rules.known_tags]
            if kept:
                values["tags"] = kept
            else:
                del values["tags"]
            p.notes.append(without_tags(unknown))
        elif unknown:
            p.status = CHECK
            p.notes.append(Text.of(QT_TRANSLATE_NOOP("Transfer", "tags not seen in this account: {tags}"),
                                   tags=", ".join(unknown)))
    return p


def without_tags(tags: Iterable[str]) -> Text:
    return Text.of(QT_TRANSLATE_NOOP("Transfer", "imported without the tags the account lacks: {tags}"),
                   "tags", tags=", ".join(tags))


def counts(rows: Iterable[Prepared]) -> dict[str, int]:
    out = {s: 0 for s in STATUSES}
    for r in rows:
        out[r.status] += 1
    return out
