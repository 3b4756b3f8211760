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
from dataclasses import dataclass
from pathlib import Path

from contact_desk.api.schema import DialectSchema
from contact_desk.mirror.search import fold

EMAIL, PHONE, NAME = "email", "phone", "name"
MAX_GROUP = 50  # contacts listed in one group (a key shared by thousands is no duplicate)
MAX_GROUPS = 20_000
MIN_PHONE_DIGITS = 6
SEP = "\x1f"
_LEGAL = {"srl", "srls", "spa", "sas", "snc", "sapa", "scarl", "scrl", "gmbh", "ag", "kg", "ohg", "ug", "ltd",
          "limited", "llc", "llp", "plc", "inc", "corp", "co", "sa", "sarl", "bv", "nv", "oy", "ab", "as"}
_WORDS = re.compile(r"[^\W_]+")


def person_key(first: object, last: object, company: object) -> str:
    """The normalised name (and company): '' when the name is not at least two words."""
    names = " ".join(p for p in (first, last) if isinstance(p, str) and p.strip())
    words = sorted(_WORDS.findall(fold(names)))  # "Rossi Mario" is "Mario Rossi"
    if len(words) < 2:  # a first name alone is shared by too many to mean anything
        return ""
    name = " ".join(words)
    words = _WORDS.findall(fold(company)) if isinstance(company, str) else []
    while words:  # legal suffixes at the end: "SpA", "GmbH", and "S.r.l." (its letters together)
        letters = next((n for n in range(len(words), 0, -1) if all(len(w) == 1 for w in words[-n:])), 0)
        if words[-1] in _LEGAL:
            del words[-1]
        elif letters >= 2 and "".join(words[-letters:]) in _LEGAL:
            del words[-letters:]
        else:
            break
    return name + "|" + " ".join(words)


def email_key(email: object) -> str:
    return email.strip().casefold() if isinstance(email, str) else ""


def register(con: sqlite3.Connection) -> None:
    con.create_function("cd_person", 3, person_key, deterministic=True)
    con.create_function("cd_email", 1, email_key, deterministic=True)


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

    return (f"SELECT id, phone, {read('email')} AS e, {read('first_name')} AS f, {read('last_name')} AS l, "
            f"{read('company')} AS co FROM {alias}.contacts WHERE archived = 0")


# The name key in C when it is plain (one ASCII word or none in each name field, no company), the
# same as person_key gives; anything else in Python.
_PLAIN = ("coalesce(co, '') = '' AND coalesce(f, '') NOT GLOB '*[^A-Za-z]*' "
          "AND coalesce(l, '') NOT GLOB '*[^A-Za-z]*'")
_NAME = (f"CASE WHEN {_PLAIN} THEN (CASE WHEN coalesce(f, '') = '' OR coalesce(l, '') = '' THEN '' "
         "WHEN lower(f) <= lower(l) THEN lower(f) || ' ' || lower(l) || '|' "
         "ELSE lower(l) || ' ' || lower(f) || '|' END) ELSE cd_person(f, l, co) END")
_KEYS = {
    EMAIL: "CASE WHEN e GLOB '*[^ -~]*' THEN cd_email(e) ELSE lower(trim(e)) END",  # casefold beyond ASCII
    PHONE: f"CASE WHEN length(phone) > {MIN_PHONE_DIGITS} THEN phone END",
    NAME: _NAME,
}


def _select(alias: str, index: int, schema: DialectSchema, reason: str) -> str | None:
    attrs = {f.attr for f in schema.fields}
    needed = {EMAIL: "email", PHONE: "phone_number", NAME: "last_name"}[reason]
    if needed not in attrs:
        return None
    return f"SELECT {_KEYS[reason]} AS k, {index} AS s, id FROM ({_fields(alias, schema)})"


def scan(sources: Sequence[Source], *, reasons: Sequence[str] = (EMAIL, PHONE, NAME),
         progress: Callable[[int, int], None] | None = None) -> list[Group]:
    """The groups of listed contacts sharing a key, in one copy or across several (a group across
    copies has members from at least two). ``progress(done, total)`` after each reason."""
    con = sqlite3.connect("file::memory:", uri=True, check_same_thread=False)
    try:
        register(con)
        for i, source in enumerate(sources):
            con.execute(f"ATTACH DATABASE ? AS c{i}", (f"file:{source.path}?mode=ro",))
        out: list[Group] = []
        for done, reason in enumerate(reasons):
            parts = [sql for i, s in enumerate(sources) if (sql := _select(f"c{i}", i, s.schema, reason))]
            if parts:
                across = len(sources) > 1
                having = "count(DISTINCT s) > 1" if across else "count(*) > 1"
                keys = " UNION ALL ".join(parts)
                sql = (f"SELECT k, group_concat(s || '{SEP}' || id, '{SEP}') FROM ({keys}) "
                       f"WHERE k IS NOT NULL AND k <> '' GROUP BY k "
                       f"HAVING {having} AND count(*) <= {MAX_GROUP} LIMIT {MAX_GROUPS - len(out)}")
                for key, members in con.execute(sql):
                    bits = str(members).split(SEP)
                    out.append(Group(reason, str(key), tuple(Member(int(bits[j]), bits[j + 1])
                                                             for j in range(0, len(bits), 2))))
            if progress is not None:
                progress(done + 1, len(reasons))
        return out
    finally:
        con.close()
