"""Filters on any stored field, which only the complete offline copy can answer (no API filters
by city, company or tag): what each field offers, a condition as SQL over ``contacts c``, the same
condition in Python (``holds``: what a test compares the SQL with, and what decides whether a
contact just saved belongs in the list), and the command line's ``--where`` syntax.

Text is compared as the search compares it: folded (case and accents ignored). Dates are days
of the local calendar, both ends included. A birthday is matched by its month ("this" and "next"
are read on the day the filter runs, so a saved view stays current).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import msgspec

from contact_desk.api.dialect import Condition, Query
from contact_desk.api.models import CONTACT_TYPES, Contact
from contact_desk.api.schema import Choice, DialectSchema, Kind
from contact_desk.mirror.file import facets
from contact_desk.mirror.file.fill_sql import micros_sql
from contact_desk.mirror.file.values import ORD_SPREAD, micros
from contact_desk.mirror.query.search import digits, fold, is_ascii_sql, like, phrase

CONTAINS, IS, EMPTY, FILLED = "contains", "is", "empty", "filled"
HAS = "has"  # a tag, by its folded name
EQUALS = "equals"  # one of an enum's values, exactly
FROM, TO = "from", "to"  # a day, YYYY-MM-DD, included
BIRTHDAY = "birthday"  # "this" or "next" (month), or a month 1-12
OPS = (CONTAINS, IS, EMPTY, FILLED, HAS, EQUALS, FROM, TO, BIRTHDAY)
RELATIVE_MONTHS = ("this", "next")
MAX_CONDITIONS = 20  # a query's filters (chips, a view, --where)
MAX_VALUE = 200  # characters of a filter's value

_TEXT_KINDS = (Kind.TEXT, Kind.MULTILINE, Kind.EMAIL, Kind.PHONE, Kind.URL, Kind.COUNTRY)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _json_names(attr: str) -> set[str]:
    names = set()
    for kind in CONTACT_TYPES.values():
        for f in msgspec.structs.fields(kind):
            if f.name == attr:
                names.add(f.encode_name)
    return names


# Fields the search index ``grams`` holds folded (a column of the same name there): a text of
# three letters or more is looked up there first, then checked exactly.
_GRAM_COLUMNS = {name: attr for attr in ("company", "city", "tags") for name in _json_names(attr)}
_CREATED = _json_names("created_at")  # kept as c.ord and c.created_ms: a range, no JSON read
_COLUMNS = {name: attr for attr in ("email_status", "stage") for name in _json_names(attr)}  # indexed


class BadCondition(ValueError):
    """A filter that cannot be applied: an unknown field, an operation its field lacks, a value
    that is not a date or a month."""


@dataclass(frozen=True)
class FieldFilter:
    """A field as the "Add filter" menu offers it."""

    name: str  # the API's field name
    label: str  # the schema's English label (translated in the "fields" context)
    kind: Kind
    ops: tuple[str, ...]
    choices: tuple[Choice, ...] = ()
    open_choices: bool = False  # values beyond the listed ones exist (a vendor's open list)


def offered(schema: DialectSchema) -> tuple[FieldFilter, ...]:
    """Every stored field of ``schema`` that can be filtered, and how."""
    out = []
    for f in schema.fields:
        if f.computed or f.kind is Kind.ID:
            continue
        if f.kind in _TEXT_KINDS:
            ops: tuple[str, ...] = (CONTAINS, IS, EMPTY, FILLED)
        elif f.kind is Kind.ENUM:
            ops = (EQUALS, EMPTY, FILLED)
        elif f.kind is Kind.TAGS:
            ops = (HAS, EMPTY, FILLED)
        elif f.kind is Kind.TIMESTAMP:
            ops = (FROM, TO, EMPTY, FILLED)
        elif f.kind is Kind.DATE:
            ops = (BIRTHDAY, FROM, TO, EMPTY, FILLED)
        else:
            continue
        out.append(FieldFilter(f.name, f.label, f.kind, ops, f.choices, f.open_choices))
    return tuple(out)


def check(cond: Condition, schema: DialectSchema) -> Condition:
    """``cond`` if ``schema`` can apply it, else BadCondition saying why."""
    fields = {f.name: f for f in offered(schema)}
    f = fields.get(cond.field)
    if f is None:
        raise BadCondition(f"{schema.title} contacts have no field {cond.field!r} to filter by "
                           f"(fields: {', '.join(sorted(fields))})")
    if cond.op not in f.ops:
        raise BadCondition(f"{cond.field} cannot be filtered with {cond.op!r} (use: {', '.join(f.ops)})")
    if len(cond.value) > MAX_VALUE:
        raise BadCondition(f"A filter's value is at most {MAX_VALUE} characters")
    if cond.op in (FROM, TO):
        day(cond.value)
    elif cond.op == BIRTHDAY and cond.value not in RELATIVE_MONTHS and cond.value not in _MONTHS:
        raise BadCondition(f"A birthday filter takes this, next or a month 1-12, not {cond.value!r}")
    elif cond.op == EQUALS and f.choices and not f.open_choices \
            and cond.value not in {c.value for c in f.choices}:
        raise BadCondition(f"{cond.value!r} is not a {cond.field} (use one of: "
                           f"{', '.join(c.value for c in f.choices)})")
    elif cond.op in (CONTAINS, IS, HAS) and not cond.value.strip():
        raise BadCondition(f"Say what {cond.field} should {'contain' if cond.op == CONTAINS else 'be'}")
    return cond


_MONTHS = {str(m) for m in range(1, 13)}


def day(text: str) -> dt.date:
    if not _DAY.match(text):
        raise BadCondition(f"{text!r} is not a date: write it as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadCondition(f"{text!r} is not a date") from None


def _day_start_us(when: dt.date) -> int:
    """The first microsecond of a local calendar day."""
    return round(dt.datetime(when.year, when.month, when.day).timestamp() * 1_000_000)


def month_of(cond: Condition, today: dt.date) -> int:
    if cond.value == "this":
        return today.month
    if cond.value == "next":
        return today.month % 12 + 1
    return int(cond.value)


def bounds(cond: Condition) -> tuple[int, int]:
    """(lowest, highest+1) microseconds a FROM / TO condition lets through."""
    when = day(cond.value)
    if cond.op == FROM:
        return _day_start_us(when), 2**58  # beyond any date (and its key in 64 bits)
    return 1, _day_start_us(when + dt.timedelta(days=1))


# -- in Python ----------------------------------------------------------------------------------
def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip(" ") == "") or value == []


def birthday_month(value: Any) -> int | None:
    """The month of YYYY-MM-DD or --MM-DD (a birthday without its year), else None."""
    if not isinstance(value, str):
        return None
    part = value[2:4] if value.startswith("--") else value[5:7]
    return int(part) if re.fullmatch(r"[0-9]{2}", part) else None


def holds(data: Mapping[str, Any], cond: Condition, today: dt.date) -> bool:
    """Whether a contact (its JSON as a dict) passes ``cond``: what ``clause`` says in SQL."""
    value = data.get(cond.field)
    text = value if isinstance(value, str) else None
    if cond.op == EMPTY:
        return _empty(value)
    if cond.op == FILLED:
        return not _empty(value)
    if cond.op == CONTAINS:
        return text is not None and fold(cond.value) in fold(text)
    if cond.op == IS:
        return text is not None and fold(text) == fold(cond.value)
    if cond.op == HAS:
        wanted = fold(cond.value)
        return isinstance(value, list) and any(isinstance(t, str) and fold(t) == wanted for t in value)
    if cond.op == EQUALS:
        return value == cond.value
    if cond.op in (FROM, TO):
        low, high = bounds(cond)
        us = micros(text) if text else 0
        return us > 0 and low <= us < high
    if cond.op == BIRTHDAY:
        return birthday_month(value) == month_of(cond, today)
    raise BadCondition(f"unknown filter operation {cond.op!r}")


def may_match(contact: Contact, query: Query) -> bool:
    """Whether ``contact`` can be among ``query``'s results: its filters, and every searched word
    in its name, email, phone, company, city or tags (folded as the search folds them). An
    estimate for a contact just created - the server's own search decides in the end."""
    if query.email_status and getattr(contact, "email_status", None) != query.email_status:
        return False
    if query.stage and getattr(contact, "stage", None) != query.stage:
        return False
    if not query.include_archived and getattr(contact, "archived", False):
        return False
    if query.where:
        data = msgspec.json.decode(msgspec.json.encode(contact))
        if not all(holds(data, c, dt.date.today()) for c in query.where):
            return False
    if not query.search:
        return True
    values = (contact.full_name, contact.email, getattr(contact, "phone_number", None),
              getattr(contact, "company", None), getattr(contact, "city", None),
              " ".join(getattr(contact, "tags", ())))
    text = fold(" ".join(v for v in values if v))
    number = digits(getattr(contact, "phone_number", None))
    return all(w in text or (w.isdigit() and w in number) for w in fold(query.search).split())


# -- in SQL ---------------------------------------------------------------------------------------
def in_entries(cond: Condition, kept: frozenset[str]) -> bool:
    """Whether the copy's entries (facets.py) answer ``cond``: a tag or a choice without a column,
    when the copy keeps them (``kept``: their fields)."""
    return cond.field in kept and cond.op in (HAS, EQUALS)


def key_range(cond: Condition) -> tuple[int, int] | None:
    """(above, up to) for the keys of the contacts a creation date filter lets through, which the
    key alone says (-(microseconds * spread + spread index)); None for any other filter. A key in
    the range may still belong to a contact without a creation time (``clause`` checks that)."""
    if cond.op not in (FROM, TO) or cond.field not in _CREATED:
        return None
    low, high = bounds(cond)
    return -high * ORD_SPREAD, -low * ORD_SPREAD


def entry_value(cond: Condition) -> str:
    """The entry ``cond`` looks for: a tag folded, a choice as it is (facets.of)."""
    return fold(cond.value) if cond.op == HAS else cond.value


def clause(cond: Condition, today: dt.date, *, words: bool = False, narrowed: bool = False,
           kept: frozenset[str] = frozenset()) -> tuple[str, list[Any]]:
    """``cond`` as a condition on ``contacts c`` and its arguments (see ``holds``). ``words``: a
    search chooses the rows (no column's index should); ``narrowed``: it chooses few (the search
    index is not asked again for a filter); ``kept``: see ``in_entries``."""
    if in_entries(cond, kept):
        return facets.probe("c.ord"), [cond.field, entry_value(cond)]
    path = "$." + cond.field
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,40}", cond.field):
        raise BadCondition(f"not a field name: {cond.field!r}")
    value = f"json_extract(c.raw, '{path}')"
    jtype = f"json_type(c.raw, '{path}')"
    text = f"(CASE WHEN {jtype} = 'text' THEN {value} END)"
    if cond.op in (EMPTY, FILLED):
        empty = (f"(CASE coalesce({jtype}, 'null') WHEN 'null' THEN 1 WHEN 'text' THEN trim({value}) = '' "
                 f"WHEN 'array' THEN json_array_length(c.raw, '{path}') = 0 ELSE 0 END)")
        return (empty if cond.op == EMPTY else f"NOT {empty}"), []
    if cond.op in (CONTAINS, IS, HAS):
        folded = fold(cond.value)
        pattern = like(folded, anywhere=cond.op == CONTAINS)
        item = "t.value" if cond.op == HAS else text
        # SQLite's LIKE ignores the case of ASCII letters only: text with other characters is
        # folded in Python (search.fold), the rest is compared in C.
        match = (f"(CASE WHEN NOT {is_ascii_sql(item)} THEN cd_fold({item}) LIKE ? ESCAPE '\\' "
                 f"ELSE {item} LIKE ? ESCAPE '\\' END)")
        args: list[Any] = [pattern, pattern]
        if cond.op == HAS:
            match = f"EXISTS (SELECT 1 FROM json_each(c.raw, '{path}') t WHERE t.type = 'text' AND {match})"
            match = f"({jtype} = 'array' AND {match})"
        column = _GRAM_COLUMNS.get(cond.field)
        if column is not None and len(folded) >= 3 and not narrowed:  # the search index narrows it first
            match = f"c.ord IN (SELECT rowid FROM grams WHERE grams MATCH ?) AND {match}"
            args = [f"{column} : {phrase(folded)}", *args]
        return match, args
    if cond.op == EQUALS:
        own = _COLUMNS.get(cond.field)
        plus = "+" if words else ""  # searched words choose the rows: not this column's index
        return (f"{plus}c.{own} = ?" if own else f"{value} = ?"), [cond.value]
    if cond.op in (FROM, TO):
        low, high = bounds(cond)
        keys = key_range(cond)
        if keys is not None:
            return "c.created_ms IS NOT NULL AND c.ord > ? AND c.ord <= ?", list(keys)
        # The value read once (a subquery SQLite does not flatten), then its microseconds.
        once = f"(SELECT {text} AS v LIMIT -1 OFFSET 0)"
        stamp = f"(SELECT {micros_sql('v')} AS us FROM {once} LIMIT -1 OFFSET 0)"
        return f"(SELECT us > 0 AND us >= ? AND us < ? FROM {stamp})", [low, high]
    if cond.op == BIRTHDAY:
        part = f"(CASE WHEN {text} LIKE '--%' THEN substr({text}, 3, 2) ELSE substr({text}, 6, 2) END)"
        return f"{part} GLOB '[0-9][0-9]' AND CAST({part} AS INTEGER) = ?", [month_of(cond, today)]
    raise BadCondition(f"unknown filter operation {cond.op!r}")


def cost(cond: Condition, narrowed: bool, kept: frozenset[str] = frozenset()) -> int:
    """How dear a condition is to check on a row: a lookup in the search index (it chooses rows,
    so it goes first), a kept column, a JSON value, a JSON list or a date read from its text
    (cheap ones before dear ones: a row failing them costs no more)."""
    if (not narrowed and cond.op in (CONTAINS, IS, HAS) and cond.field in _GRAM_COLUMNS
            and len(fold(cond.value)) >= 3):
        return -1
    if (cond.op == EQUALS and cond.field in _COLUMNS) or (cond.op in (FROM, TO) and cond.field in _CREATED) \
            or in_entries(cond, kept):
        return 0
    if cond.op in (FROM, TO):
        return 3
    return 2 if cond.op == HAS else 1


# -- the command line ---------------------------------------------------------------------------
_WHERE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*(>=|<=|!=|~|=)\s*(.*?)\s*$", re.S)


def resolve_field(name: str, schema: DialectSchema) -> str:
    """A field named on the command line: its API name, attribute name, or either without "At"
    ("created" for createdAt), or "tag"; any case."""
    wanted = name.lower().replace("_", "")
    for f in offered(schema):
        attr = schema.field(f.name).attr
        forms = {f.name.lower(), attr.lower().replace("_", ""), f.name.lower().removesuffix("at")}
        if f.kind is Kind.TAGS:
            forms.add("tag")
        if wanted in forms:
            return f.name
    raise BadCondition(f"{schema.title} contacts have no field {name!r} to filter by "
                       f"(fields: {', '.join(f.name for f in offered(schema))})")


def parse(text: str, schema: DialectSchema) -> Condition:
    """``--where``: ``city=Milano`` (is), ``company~srl`` (contains), ``tags=vip`` (has the tag),
    ``stage=lead`` (an enum's value), ``created>=2026-01-01``, ``created<=2026-06-30``,
    ``birthday=this`` / ``next`` / ``3``, ``city=`` (empty) and ``city!=`` (not empty)."""
    match = _WHERE.match(text)
    if match is None:
        raise BadCondition(f"{text!r} is no filter: write FIELD=VALUE, FIELD~TEXT, FIELD>=DATE or "
                           "FIELD<=DATE")
    name, sign, value = match.groups()
    field = resolve_field(name, schema)
    kind = next(f for f in offered(schema) if f.name == field).kind
    if sign == "!=":
        if value:
            raise BadCondition("!= takes no value: FIELD!= keeps contacts whose FIELD is not empty")
        op = FILLED
    elif sign == "=" and not value:
        op = EMPTY
    elif sign in (">=", "<="):
        op = FROM if sign == ">=" else TO
    elif sign == "~":
        op = CONTAINS
    elif kind is Kind.TAGS:
        op = HAS
    elif kind is Kind.ENUM:
        op = EQUALS
    elif kind is Kind.DATE:
        op = BIRTHDAY
        value = value.lower().removesuffix("-month").removesuffix(" month")
    else:
        op = IS
    return check(Condition(field, op, value), schema)


def check_all(conditions: tuple[Condition, ...], schema: DialectSchema) -> tuple[Condition, ...]:
    if len(conditions) > MAX_CONDITIONS:
        raise BadCondition(f"At most {MAX_CONDITIONS} filters at once")
    return tuple(check(c, schema) for c in conditions)
