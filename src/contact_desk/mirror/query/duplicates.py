"""Possible duplicates in offline copies: listed contacts with the same email (case ignored), the
same phone number (as the copy keeps it: + and its digits), or the same name (two words at least)
and company once normalised (case, accents, punctuation and legal suffixes such as S.r.l., SpA,
GmbH, Ltd ignored; a dialect with no company compares names alone).

SQLite groups the keys itself (its sorter spills to disk), so a million contacts cost little
memory; across accounts the copies are attached to one connection and grouped together.
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
MAX_GROUP = 50  # contacts listed in one group (a key shared by thousands is no duplicate)
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


def person_key(first: object, last: object, company: object) -> str:
    """The normalised name (and company): '' when the name is not at least two words. Names and
    companies repeat: each is normalised once (a cache), the key is their sorted words."""
    words = sorted((_name_words(first) if isinstance(first, str) else ())
                   + (_name_words(last) if isinstance(last, str) else ()))  # "Rossi Mario" is "Mario Rossi"
    if len(words) < 2:  # a first name alone is shared by too many to mean anything
        return ""
    return " ".join(words) + "|" + (_company(company) if isinstance(company, str) else "")


def email_key(email: object) -> str:
    return email.strip().casefold() if isinstance(email, str) else ""


def register(con: sqlite3.Connection) -> None:
    con.create_function("cd_person", 3, person_key, deterministic=True)
    con.create_function("cd_email", 1, email_key, deterministic=True)


# The keys the copy keeps for each contact as it changes (made when the contact is stored), so a
# scan groups short keys instead of reading every contact's JSON.
KEYS_TABLE = ("CREATE TABLE IF NOT EXISTS dupkeys(ord INTEGER PRIMARY KEY, archived INTEGER NOT NULL, "
              "email TEXT, person TEXT)")


def keys_of(contact: Contact) -> tuple[str | None, str | None]:
    """(email key, name key) of a contact, None where it has none."""
    return (email_key(contact.email) or None,
            person_key(getattr(contact, "first_name", None), getattr(contact, "last_name", None),
                       getattr(contact, "company", None)) or None)


def _keys_select(kind: type[Contact], source: str) -> str:
    names = {f.name: f.encode_name for f in msgspec.structs.fields(kind)}

    def read(attr: str) -> str:
        return f"raw ->> '$.{names[attr]}'" if attr in names else "NULL"

    return (f"SELECT ord, arch, nullif(cd_email({read('email')}), ''), "
            f"nullif(cd_person({read('first_name')}, {read('last_name')}, {read('company')}), '') "
            f"FROM {source}")


def keys_rebuild_sql(kind: type[Contact]) -> str:
    """Every contact of the copy keyed (a copy made before the keys were kept)."""
    return "INSERT INTO dupkeys " + _keys_select(kind, f"(SELECT ord, raw, archived AS arch FROM contacts "
                                                 f"WHERE {PLAIN_SQL})")  # derived.odd_rows: the rest


@dataclass(frozen=True)
class Member:
    source: int  # which copy (the index in the list scanned)
    id: str


@dataclass(frozen=True)
class Group:
    reason: str  # EMAIL, PHONE or NAME
    key: str  # what they share (normalised)
    members: tuple[Member, ...]


@dataclass(frozen=True)
class Source:
    path: Path
    schema: DialectSchema


def _fields(alias: str, schema: DialectSchema) -> str | None:
    """Each listed contact's fields a key is made of, read from its JSON once."""
    names = {f.attr: f.name for f in schema.fields}

    def read(attr: str) -> str:
        return f"raw ->> '$.{names[attr]}'" if attr in names else "NULL"

    return (f"SELECT ord, phone, {read('email')} AS e, {read('first_name')} AS f, {read('last_name')} AS l, "
            f"{read('company')} AS co FROM {alias}.contacts WHERE archived = 0")


_KEYS = {
    # The email in C (no Python: it runs beside the names' pass), Python's casefold beyond ASCII.
    EMAIL: "CASE WHEN e GLOB '*[^ -~]*' THEN cd_email(e) ELSE lower(trim(e)) END",
    PHONE: f"CASE WHEN length(phone) > {MIN_PHONE_DIGITS} THEN phone END",
    NAME: "cd_person(f, l, co)",  # one Python call a row (under a microsecond: names repeat, cached);
    # in SQL it named each field ten times, and SQLite read each from the JSON ten times
}


def _select(alias: str, index: int, schema: DialectSchema, reason: str, kept: bool) -> str | None:
    """One copy's (key, copy, ord) rows for ``reason``: from the keys the copy keeps (``kept``),
    else from its contacts' JSON (a copy of an older version, opened read-only)."""
    attrs = {f.attr for f in schema.fields}
    needed = {EMAIL: "email", PHONE: "phone_number", NAME: "last_name"}[reason]
    if needed not in attrs:
        return None
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
        sql = (f"SELECT k, group_concat(s || '{SEP}' || ord, '{SEP}') FROM ({keys}) GROUP BY k "
               f"HAVING k IS NOT NULL AND k <> '' AND {having} AND count(*) <= {MAX_GROUP} LIMIT {limit}")
        found = []
        for key, members in con.execute(sql):
            bits = str(members).split(SEP)
            found.append((str(key), [(int(bits[j]), int(bits[j + 1])) for j in range(0, len(bits), 2)]))
        ids = _ids(con, names, [m for _k, ms in found for m in ms])
        return [Group(reason, key, tuple(Member(s, ids[s, o]) for s, o in ms if (s, o) in ids))
                for key, ms in found]
    finally:
        con.close()


def _keys_kept(con: sqlite3.Connection, name: str) -> bool:
    """Whether a copy keeps its keys and they are made (not after a first sync, until derived)."""
    if con.execute(f"SELECT 1 FROM {name}.sqlite_master WHERE name = 'dupkeys'").fetchone() is None:
        return False
    return con.execute(f"SELECT 1 FROM {name}.meta WHERE key = 'derived'").fetchone() is None


def _ids(con: sqlite3.Connection, names: list[str], members: list[tuple[int, int]]
         ) -> dict[tuple[int, int], str]:
    """The ids of (copy, ord) pairs, a batch at a time."""
    out: dict[tuple[int, int], str] = {}
    by_source: dict[int, list[int]] = {}
    for s, o in members:
        by_source.setdefault(s, []).append(o)
    for s, ords in by_source.items():
        for at in range(0, len(ords), 500):
            batch = ords[at:at + 500]
            marks = ", ".join("?" for _ in batch)
            for o, i in con.execute(f"SELECT ord, id FROM {names[s]}.contacts WHERE ord IN ({marks})", batch):
                out[s, int(o)] = str(i)
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
