"""Possible duplicates in offline copies, on strong evidence only (two people who share a first
and last name are common, and not duplicates):

- the same email (case ignored);
- the same phone number (as the copy keeps it: + and its digits);
- the same name (two words at least, in any order) and one more matching field: the company, the
  birthday, or the city and street together.

Names, companies and addresses are compared once normalised (case, accents, punctuation; a
company's legal suffix such as S.r.l., SpA, GmbH, Ltd ignored). SQLite groups the keys itself (its
sorter spills to disk), so a million contacts cost little memory; contacts of one name are then
split by the field they share. Across accounts the copies are attached to one connection and
grouped together.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import msgspec

from contact_desk.api.models import Contact
from contact_desk.api.schema import DialectSchema
from contact_desk.mirror.file.codec import PLAIN_SQL
from contact_desk.mirror.query.search import fold

EMAIL, PHONE, NAME = "email", "phone", "name"
COMPANY, BIRTHDAY, ADDRESS = "company", "birthday", "address"  # what a name group shares beside the name
EVIDENCE = (COMPANY, BIRTHDAY, ADDRESS)
MAX_GROUP = 50  # contacts listed in one group (a key shared by thousands is no duplicate)
MAX_NAMESAKES = 1000  # contacts of one name looked at for a shared field
MAX_GROUPS = 20_000
MAX_SOURCES = 10  # copies attached at once (SQLite's own bound)
MIN_PHONE_DIGITS = 6
SEP = "\x1f"
_LEGAL = {"srl", "srls", "spa", "sas", "snc", "sapa", "scarl", "scrl", "gmbh", "ag", "kg", "ohg", "ug", "ltd",
          "limited", "llc", "llp", "plc", "inc", "corp", "co", "sa", "sarl", "bv", "nv", "oy", "ab", "as"}
_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1 << 16)
def _name_words(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(fold(text)))


@lru_cache(maxsize=1 << 16)
def _company(text: str) -> str:
    words = _WORDS.findall(fold(text))
    while words:  # legal suffixes at the end: "SpA", "GmbH", and "S.r.l." (its letters together)
        letters = next((n for n in range(len(words), 0, -1) if all(len(w) == 1 for w in words[-n:])), 0)
        if words[-1] in _LEGAL:
            del words[-1]
        elif letters >= 2 and "".join(words[-letters:]) in _LEGAL:
            del words[-letters:]
        else:
            break
    return " ".join(words)


def _words(text: object) -> str:
    return " ".join(_name_words(text)) if isinstance(text, str) else ""


def person_key(first: object, last: object, company: object, birthday: object = None, city: object = None,
               street: object = None) -> str:
    """The normalised name and what may confirm it: "words|company|birthday|city/street", '' when
    the name is not at least two words or nothing beside it could confirm it. Names and companies
    repeat: each is normalised once (a cache)."""
    words = sorted((_name_words(first) if isinstance(first, str) else ())
                   + (_name_words(last) if isinstance(last, str) else ()))  # "Rossi Mario" is "Mario Rossi"
    if len(words) < 2:  # a first name alone is shared by too many to mean anything
        return ""
    firm = _company(company) if isinstance(company, str) else ""
    born = birthday.strip()[:10] if isinstance(birthday, str) else ""
    town, road = _words(city), _words(street)
    place = f"{town}/{road}" if town and road else ""
    if not (firm or born or place):
        return ""
    return f"{' '.join(words)}|{firm}|{born}|{place}"


def email_key(email: object) -> str:
    return email.strip().casefold() if isinstance(email, str) else ""


def register(con: sqlite3.Connection) -> None:
    con.create_function("cd_person", 6, person_key, deterministic=True)
    con.create_function("cd_email", 1, email_key, deterministic=True)


# The keys the copy keeps for each contact as it changes (made when the contact is stored), so a
# scan groups short keys instead of reading every contact's JSON.
KEYS_TABLE = ("CREATE TABLE IF NOT EXISTS dupkeys(ord INTEGER PRIMARY KEY, archived INTEGER NOT NULL, "
              "email TEXT, person TEXT)")


def keys_of(contact: Contact) -> tuple[str | None, str | None]:
    """(email key, name key) of a contact, None where it has none."""
    return (email_key(contact.email) or None,
            person_key(*(getattr(contact, attr, None) for attr in PERSON_ATTRS)) or None)


PERSON_ATTRS = ("first_name", "last_name", "company", "birthday", "city", "street")


def _keys_select(kind: type[Contact], source: str) -> str:
    names = {f.name: f.encode_name for f in msgspec.structs.fields(kind)}

    def read(attr: str) -> str:
        return f"raw ->> '$.{names[attr]}'" if attr in names else "NULL"

    person = ", ".join(read(a) for a in PERSON_ATTRS)
    return (f"SELECT ord, arch, nullif(cd_email({read('email')}), ''), nullif(cd_person({person}), '') "
            f"FROM {source}")


def keys_rebuild_sql(kind: type[Contact]) -> str:
    """Every contact of the copy keyed (a copy made before the keys were kept)."""
    return "INSERT INTO dupkeys " + _keys_select(kind, f"(SELECT ord, raw, archived AS arch FROM contacts "
                                                 f"WHERE {PLAIN_SQL})")  # derived.odd_rows: the rest


@dataclass(frozen=True)
class Member:
    source: int  # which copy (the index in the list scanned)
    id: str
    name: str = ""  # the name as written (else the email), for the group's label


@dataclass(frozen=True)
class Group:
    reason: str  # EMAIL, PHONE or NAME
    key: str  # what they share (normalised)
    members: tuple[Member, ...]
    also: tuple[str, ...] = ()  # NAME: what else they share (COMPANY, BIRTHDAY, ADDRESS)


@dataclass(frozen=True)
class Source:
    path: Path
    schema: DialectSchema


def _fields(alias: str, schema: DialectSchema) -> str | None:
    """Each listed contact's fields a key is made of, read from its JSON once."""
    names = {f.attr: f.name for f in schema.fields}

    def read(attr: str) -> str:
        return f"raw ->> '$.{names[attr]}'" if attr in names else "NULL"

    person = ", ".join(f"{read(a)} AS p{i}" for i, a in enumerate(PERSON_ATTRS))
    return f"SELECT ord, phone, {read('email')} AS e, {person} FROM {alias}.contacts WHERE archived = 0"


_KEYS = {
    # The email in C (no Python: it runs beside the names' pass), Python's casefold beyond ASCII.
    EMAIL: "CASE WHEN e GLOB '*[^ -~]*' THEN cd_email(e) ELSE lower(trim(e)) END",
    PHONE: f"CASE WHEN length(phone) > {MIN_PHONE_DIGITS} THEN phone END",
    # One Python call a row (under a microsecond: names repeat, cached); in SQL it named each field
    # ten times, and SQLite read each from the JSON ten times.
    NAME: f"cd_person({', '.join(f'p{i}' for i in range(len(PERSON_ATTRS)))})",
}


def _select(alias: str, index: int, schema: DialectSchema, reason: str, kept: bool) -> str | None:
    """One copy's (key, copy, ord) rows for ``reason``: from the keys the copy keeps (``kept``),
    else from its contacts' JSON (a copy of an older version, opened read-only)."""
    attrs = {f.attr for f in schema.fields}
    needed = {EMAIL: "email", PHONE: "phone_number", NAME: "last_name"}[reason]
    if needed not in attrs or (reason == NAME and not attrs & {"company", "birthday", "street"}):
        return None  # a dialect with names alone (SmartCQ) has nothing to confirm a name by
    if kept and reason != PHONE:
        column = "email" if reason == EMAIL else "person"
        return f"SELECT {column} AS k, {index} AS s, ord FROM {alias}.dupkeys WHERE archived = 0"
    return f"SELECT {_KEYS[reason]} AS k, {index} AS s, ord FROM ({_fields(alias, schema)})"


def _groups(sources: Sequence[Source], reason: str, limit: int) -> list[Group]:
    """One reason's groups, by a connection of its own (reasons run side by side: SQLite works
    without the GIL)."""
    alone = len(sources) == 1  # the copy itself as the main database: no attached one to go through
    target = f"file:{sources[0].path}?mode=ro" if alone else "file::memory:"
    con = sqlite3.connect(target, uri=True, check_same_thread=False)
    try:
        register(con)
        names = ["main"] if alone else [f"c{i}" for i in range(len(sources))]
        for i, source in enumerate(sources if not alone else ()):
            con.execute(f"ATTACH DATABASE ? AS c{i}", (f"file:{source.path}?mode=ro",))
        kept = [_keys_kept(con, n) for n in names]
        parts = [sql for i, source in enumerate(sources)
                 if (sql := _select(names[i], i, source.schema, reason, kept[i]))]
        if not parts:
            return []
        having = "count(DISTINCT s) > 1" if len(sources) > 1 else "count(*) > 1"
        keys = " UNION ALL ".join(parts)
        # The key is made once a row: a WHERE on it would make it twice (JSON read and Python call).
        # Contacts of one name are grouped by the name, then split by what else they share (_confirmed).
        what, most = (("substr(k, 1, instr(k, '|') - 1)", MAX_NAMESAKES) if reason == NAME
                      else ("k", MAX_GROUP))
        listed = f"s || '{SEP}' || ord" + (f" || '{SEP}' || k" if reason == NAME else "")
        # MATERIALIZED: each row's key made once (inlined, SQLite made it for each use: four times)
        sql = (f"WITH keyed AS MATERIALIZED ({keys}) SELECT {what} AS g, group_concat({listed}, '{SEP}') "
               f"FROM keyed GROUP BY g HAVING g IS NOT NULL AND g <> '' AND {having} AND count(*) <= {most} "
               f"LIMIT {limit}")
        found: list[tuple[str, tuple[str, ...], list[tuple[int, int]]]] = []
        step = 3 if reason == NAME else 2
        for key, members in con.execute(sql):
            bits = str(members).split(SEP)
            rows = [(int(bits[j]), int(bits[j + 1]), bits[j + 2] if step == 3 else "")
                    for j in range(0, len(bits), step)]
            if reason != NAME:
                found.append((str(key), (), [(s, o) for s, o, _k in rows]))
            else:
                found += _confirmed(str(key), rows, len(sources) > 1)
            if len(found) >= limit:
                del found[limit:]
                break
        ids = _ids(con, names, sources, [m for _k, _a, ms in found for m in ms])
        return [Group(reason, key, tuple(Member(s, *ids[s, o]) for s, o in ms if (s, o) in ids), also)
                for key, also, ms in found]
    finally:
        con.close()


def _confirmed(name: str, rows: list[tuple[int, int, str]], across: bool
               ) -> list[tuple[str, tuple[str, ...], list[tuple[int, int]]]]:
    """Contacts of one name split into groups by what else they share: the same company, the same
    birthday, or the same city and street (a person_key's last three parts). Each group shares one
    value (no chains: A and B of one company, B and C of one birthday make two groups, not one of
    three); two contacts sharing two make one group that says both. A group's key names the name
    and the value, so "Not duplicates" is remembered for exactly that group."""
    found: dict[tuple[int, ...], tuple[list[str], list[str]]] = {}  # members -> (evidence, values)
    for part, evidence in enumerate(EVIDENCE, start=1):
        buckets: dict[str, list[int]] = {}
        for i, (_s, _o, key) in enumerate(rows):
            value = key.split("|")[part]
            if value:
                buckets.setdefault(value, []).append(i)
        for value, members in buckets.items():
            if len(members) < 2 or len(members) > MAX_GROUP:
                continue
            if across and len({rows[i][0] for i in members}) < 2:
                continue
            said = found.setdefault(tuple(members), ([], []))
            said[0].append(evidence)
            said[1].append(value)
    return [(f"{name}|{'|'.join(values)}", tuple(also), [(rows[i][0], rows[i][1]) for i in members])
            for members, (also, values) in found.items()]


KEYS_VERSION = 6  # the copy's schema version since which its keys carry what confirms a name


def _keys_kept(con: sqlite3.Connection, name: str) -> bool:
    """Whether a copy keeps its keys, made as this version makes them (not after a first sync until
    derived, nor in an older copy opened read-only)."""
    if con.execute(f"SELECT 1 FROM {name}.sqlite_master WHERE name = 'dupkeys'").fetchone() is None:
        return False
    if int(con.execute(f"PRAGMA {name}.user_version").fetchone()[0]) < KEYS_VERSION:
        return False
    return con.execute(f"SELECT 1 FROM {name}.meta WHERE key = 'derived'").fetchone() is None


def _ids(con: sqlite3.Connection, names: list[str], sources: Sequence[Source], members: list[tuple[int, int]]
         ) -> dict[tuple[int, int], tuple[str, str]]:
    """The ids and names as written (else emails) of (copy, ord) pairs, a batch at a time."""
    out: dict[tuple[int, int], tuple[str, str]] = {}
    by_source: dict[int, list[int]] = {}
    for s, o in members:
        by_source.setdefault(s, []).append(o)
    for s, ords in by_source.items():
        fields = {f.attr: f.name for f in sources[s].schema.fields}
        read = [f"raw ->> '$.{fields[a]}'" if a in fields else "NULL"
                for a in ("first_name", "last_name", "email")]
        for at in range(0, len(ords), 500):
            batch = ords[at:at + 500]
            marks = ", ".join("?" for _ in batch)
            sql = f"SELECT ord, id, {', '.join(read)} FROM {names[s]}.contacts WHERE ord IN ({marks})"
            for o, i, first, last, email in con.execute(sql, batch):
                written = " ".join(str(v).strip() for v in (first, last) if isinstance(v, str) and v.strip())
                out[s, int(o)] = (str(i), written or (email if isinstance(email, str) else "") or str(i))
    return out


def scan(sources: Sequence[Source], *, reasons: Sequence[str] = (EMAIL, PHONE, NAME),
         progress: Callable[[int, int], None] | None = None) -> list[Group]:
    """The groups of listed contacts sharing a key, in one copy or across several (a group across
    copies has members from at least two), by reason in the order given, at most MAX_GROUPS.
    ``progress(done, total)`` as each reason ends."""
    if len(sources) > MAX_SOURCES:
        raise ValueError(f"at most {MAX_SOURCES} copies at once")
    found: dict[str, list[Group]] = {}
    with ThreadPoolExecutor(max_workers=len(reasons) or 1, thread_name_prefix="duplicates") as pool:
        running = {pool.submit(_groups, sources, r, MAX_GROUPS): r for r in reasons}
        for future in as_completed(running):
            found[running[future]] = future.result()
            if progress is not None:
                progress(len(found), len(reasons))
    return [g for r in reasons for g in found[r]][:MAX_GROUPS]
