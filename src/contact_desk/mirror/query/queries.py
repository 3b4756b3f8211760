"""Counting and listing the copy's contacts for a search and filters, fast on a million.

* Words that one FTS5 index can answer alone (substrings and phone digits in
  ``grams``, one- and two-letter words in ``words``), with no filter but "archived",
  are counted and paged by the index itself: the archived flag is a token there too,
  so no contact row is read to count them, and FTS5 hands rows back in key order.
* A word that is part of an email domain (``example.com``) counts from the per-domain
  totals kept beside the contacts, plus the few other matches.
* Long and short words mixed ("lo russo", "tommaso s" while the next word is typed), with no
  filter but "archived": the two indexes' keys intersected, no contact row read.
* Everything else is one SQL query over ``contacts c`` (``search.word_clause``).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import replace
from typing import Any

from contact_desk.api.dialect import Query
from contact_desk.mirror.file import facets
from contact_desk.mirror.query import conditions, search

_SORTABLE = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,40}$")
WORDS_COLUMNS = "{name email}"
ARCHIVED_GRAM, ARCHIVED_WORD = search.ARCHIVED_GRAM, search.ARCHIVED_WORD  # the archived flag's tokens


def tags(con: sqlite3.Connection) -> set[str]:
    """Every tag on a contact of the copy (SmartCQ has no list of its tags)."""
    rows = con.execute("SELECT DISTINCT t.value FROM contacts c, json_each(json_extract(c.raw, '$.tags')) t "
                       "WHERE json_type(c.raw, '$.tags') = 'array'")
    return {str(r[0]) for r in rows}


def emails(con: sqlite3.Connection) -> set[str]:
    """Every contact's email, in lower case as an import's rows are compared (Python's: SQLite's
    lower() knows ASCII only). One pass: ~0.1 s for 100,000 contacts."""
    rows = con.execute("SELECT json_extract(raw, '$.email') FROM contacts "
                       "WHERE json_type(raw, '$.email') = 'text'")
    return {str(r[0]).strip().lower() for r in rows}


def _in_domains(word: search.Word, domains: list[str]) -> list[str]:
    return [d for d in domains if word.text in d] if word.kind == "grams" else []


def fts_plan(query: Query, words: list[search.Word], domains: list[str]) -> tuple[str, str] | None:
    """(table, MATCH expression) when one FTS index answers the whole query, else None."""
    if not words or filtered(query):
        return None
    kinds = {w.kind for w in words}
    if kinds <= {"grams", "phone"} and not any(_in_domains(w, domains) for w in words):
        # No column filter for substrings: it costs a third of the time, and the archived
        # flag's token (punctuation only) is nothing a search of three letters or more meets.
        parts = [f"phone : {search.phrase(w.text)}" if w.kind == "phone" else search.grams_phrase(w.text)
                 for w in words]
        table, flag = "grams", f"flags : {search.phrase(ARCHIVED_GRAM)}"
    elif kinds == {"short"}:
        parts = [f"{WORDS_COLUMNS} : {search.phrase(w.text)} *" for w in words]
        table, flag = "words", f"flags : {ARCHIVED_WORD}"
    else:
        return None
    expr = " AND ".join(parts)
    if not query.include_archived:
        expr = f"({expr}) NOT {flag}"
    return table, expr


def both_plan(query: Query, words: list[search.Word], domains: list[str]) -> tuple[str, str] | None:
    """(grams MATCH, words MATCH) when long and short words are mixed ("lo russo", "tommaso s":
    a word being typed) and nothing else filters: the two indexes' keys intersected, in key order,
    read no contact row (the archived flag is a token in grams too)."""
    if not words or filtered(query):
        return None
    kinds = {w.kind for w in words}
    if not kinds <= {"grams", "phone", "short"} or "short" not in kinds or kinds == {"short"} \
            or any(_in_domains(w, domains) for w in words):
        return None
    long = " AND ".join(f"phone : {search.phrase(w.text)}" if w.kind == "phone"
                        else search.grams_phrase(w.text) for w in words if w.kind != "short")
    short = " AND ".join(f"{WORDS_COLUMNS} : {search.phrase(w.text)} *" for w in words if w.kind == "short")
    if not query.include_archived:
        long = f"({long}) NOT flags : {search.phrase(ARCHIVED_GRAM)}"
    return long, short


_BOTH = ("SELECT rowid FROM grams WHERE grams MATCH ? INTERSECT "
         "SELECT rowid FROM words WHERE words MATCH ? ORDER BY 1")


def filtered(query: Query) -> bool:
    """Whether anything but the search and "archived" filters the query."""
    return bool(query.email_status or query.stage or query.where)


def where(query: Query, words: list[search.Word], domains: list[str], *, ordered: bool,
          kept: frozenset[str] = frozenset()) -> search.Where:
    """``kept``: the fields whose filters the copy's entries answer (facets.py; none while a
    first sync's are pending)."""
    today = dt.date.today()
    # Words pick few rows, unless one is in email domains (a company's thousands of contacts):
    # then the filters' own lookups in the search index narrow them first.
    narrowed = bool(words) and not any(_in_domains(w, domains) for w in words)
    keys = _word_keys(query, words, domains) if narrowed and kept else None
    if keys is not None:
        return _probed(query, keys, today, kept)
    entries = [c for c in query.where if conditions.in_entries(c, kept)]
    driven = bool(entries) and not narrowed  # the entries' index chooses the rows (the status too)
    # With words, the words are the selective part: the filters must not pick the index.
    w = search.filters(replace(query, email_status=None, stage=None) if driven else query,
                       ordered=ordered or bool(words))
    # The words first; several in one lookup when the search indexes answer them together (else
    # SQLite may walk the longest list of keys, a short word's, and probe the others for each).
    bare = Query(include_archived=True, search=query.search)  # archived: the filters' own check
    plan = fts_plan(bare, words, domains) if len(words) > 1 else None
    both = both_plan(bare, words, domains) if plan is None and len(words) > 1 else None
    if plan is not None:
        w.add(f"c.ord IN (SELECT rowid FROM {plan[0]} WHERE {plan[0]} MATCH ?)", plan[1])
    elif both is not None:
        w.add(f"c.ord IN ({_BOTH})", *both)
    else:
        for word in words:
            sql, args = search.word_clause(word, _in_domains(word, domains))
            w.add(sql, *args)
    if driven:  # the contacts holding every entry, met in the entries' index
        entries.sort(key=lambda c: c.op != conditions.HAS)  # a tag first: most are rarer than a choice
        checks, checked = _key_checks(query, "a.ord")
        first, *others = [(c.field, conditions.entry_value(c)) for c in entries]
        w.add(f"c.ord IN ({facets.keys(len(entries), ''.join(f' AND {c}' for c in checks))})",
              *first, *checked, *(a for o in others for a in o))
    rest = [c for c in query.where if not (c in entries and driven)]
    for cond in sorted(rest, key=lambda c: conditions.cost(c, narrowed, kept)):  # cheap checks first
        sql, args = conditions.clause(cond, today, words=bool(words), narrowed=narrowed, kept=kept)
        w.add(sql, *args)
    return w


# Whether a contact has a status or a stage, read in that column's index (the copy keeps it as
# soon as it keeps its entries: ``kept``), not in the contact's row.
_COLUMN_PROBE = ("EXISTS (SELECT 1 FROM contacts x INDEXED BY contacts_{0} WHERE x.archived IN (0, 1) "
                 "AND x.{1} = ? AND x.ord = {2})")


def _key_checks(query: Query, key: str) -> tuple[list[str], list[Any]]:
    """What can be checked on a contact's ``key`` before its row is read, cheapest first: its
    creation dates (the key says them), its status and its stage (their columns' indexes)."""
    checks: list[str] = []
    args: list[Any] = []
    for cond in query.where:
        keys = conditions.key_range(cond)
        if keys is not None:
            checks.append(f"{key} > ? AND {key} <= ?")
            args += keys
    for column, index, value in (("email_status", "status", query.email_status),
                                 ("stage", "stage", query.stage)):
        if value:
            checks.append(_COLUMN_PROBE.format(index, column, key))
            args.append(value)
    return checks, args


def _word_keys(query: Query, words: list[search.Word], domains: list[str]) -> tuple[str, list[Any]] | None:
    """The keys of the contacts the words find (archived ones only when the query lists them),
    from the search indexes alone; None when they cannot say it alone."""
    bare = Query(include_archived=query.include_archived, search=query.search)
    plan = fts_plan(bare, words, domains)
    if plan is not None:
        return f"SELECT rowid AS k FROM {plan[0]} WHERE {plan[0]} MATCH ?", [plan[1]]
    both = both_plan(bare, words, domains)
    if both is not None:
        return f"SELECT rowid AS k FROM ({_BOTH})", list(both)
    return None


def _probed(query: Query, keys: tuple[str, list[Any]], today: dt.date, kept: frozenset[str]) -> search.Where:
    """Words that choose few contacts, with filters: creation dates (the key says them), the
    status, the stage and the filters the entries answer are checked on the words' keys, in small
    indexes, before any contact's row is read (a row costs about 1.3 us on a million, a probe half
    that: a word found 26,000 times with a status and two entries went from 71 to 38 ms); the rest
    is checked on the rows left."""
    probes, checked = _key_checks(query, "m.k")
    args: list[Any] = [*keys[1], *checked]
    for cond in query.where:
        if conditions.in_entries(cond, kept):
            probes.append(facets.probe("m.k"))
            args += [cond.field, conditions.entry_value(cond)]
    w = search.Where()
    probed = f" WHERE {' AND '.join(probes)}" if probes else ""
    w.add(f"c.ord IN (SELECT m.k FROM ({keys[0]}) m{probed})", *args)
    rest = [c for c in query.where if not conditions.in_entries(c, kept)]  # a date's own check too
    for cond in sorted(rest, key=lambda c: conditions.cost(c, True)):  # cheap checks first
        sql, cargs = conditions.clause(cond, today, words=True, narrowed=True)
        w.add(sql, *cargs)
    return w


def count(con: sqlite3.Connection, query: Query, domains: list[str],
          kept: frozenset[str] = frozenset()) -> int:
    words = search.words(query.search)
    plan = fts_plan(query, words, domains)
    if plan is not None:
        table, expr = plan
        return int(con.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (expr,)).fetchone()[0])
    both = both_plan(query, words, domains)
    if both is not None:
        return int(con.execute(f"SELECT count(*) FROM ({_BOTH})", both).fetchone()[0])
    if len(words) == 1 and not filtered(query) and _in_domains(words[0], domains):
        return _domain_count(con, query, words[0], _in_domains(words[0], domains))
    w = where(query, words, domains, ordered=False, kept=kept)
    return int(con.execute(f"SELECT count(*) FROM contacts c WHERE {w.sql}", w.args).fetchone()[0])


def _domain_count(con: sqlite3.Connection, query: Query, word: search.Word, matched: list[str]) -> int:
    """A word found in email domains: their kept totals, plus the contacts matching it
    elsewhere (name, company...) whose domain is another."""
    marks = ", ".join("?" for _ in matched)
    column = "n_all" if query.include_archived else "n_listed"
    by_domain = con.execute(f"SELECT coalesce(sum({column}), 0) FROM domains WHERE domain IN ({marks})",
                            matched).fetchone()[0]
    plan = fts_plan(query, [word], [])
    assert plan is not None
    others = con.execute(
        "SELECT count(*) FROM contacts c WHERE c.ord IN (SELECT rowid FROM grams WHERE grams MATCH ?) "
        f"AND (c.domain IS NULL OR c.domain NOT IN ({marks}))", (plan[1], *matched)).fetchone()[0]
    return int(by_domain) + int(others)


def rows(con: sqlite3.Connection, query: Query, offset: int, limit: int, domains: list[str], *,
         sort: str | None = None, descending: bool = False, broad: bool = False,
         kept: frozenset[str] = frozenset()) -> list[str]:
    words = search.words(query.search)
    plan = fts_plan(query, words, domains) if sort is None else None
    if plan is not None:  # the index pages itself, in key order
        table, expr = plan
        keys = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid LIMIT ? OFFSET ?"
        page = f"SELECT c.raw FROM contacts c WHERE c.ord IN ({keys}) ORDER BY c.ord"
        return [r[0] for r in con.execute(page, (expr, limit, offset))]
    both = both_plan(query, words, domains) if sort is None else None
    if both is not None:
        page = f"SELECT c.raw FROM contacts c WHERE c.ord IN ({_BOTH} LIMIT ? OFFSET ?) ORDER BY c.ord"
        return [r[0] for r in con.execute(page, (*both, limit, offset))]
    w = where(query, words, domains, ordered=sort is not None, kept=kept)
    sql, args = w.sql, list(w.args)
    if sort is not None:  # ties newest first when ascending: the index is (value, ord, archived)
        direction = "DESC" if descending else "ASC"
        order = f"{sort_expr(check(sort), 'c.raw')} {direction}, c.ord {direction}"
    else:
        order = "c.ord"
        if broad and words:  # many matches: walk in order and stop at the page, rather than sort them all
            sql = sql.replace("c.domain IN", "+c.domain IN")
    # The page's keys first, from an index alone (an OFFSET deep in a million rows steps
    # through index entries, not rows); then those rows' JSON.
    keys = f"SELECT c.ord FROM contacts c WHERE {sql} ORDER BY {order} LIMIT ? OFFSET ?"
    params: list[Any] = [*args, limit, offset]
    page = f"SELECT c.raw FROM contacts c WHERE c.ord IN ({keys}) ORDER BY {order}"
    return [r[0] for r in con.execute(page, params)]


def position(con: sqlite3.Connection, query: Query, contact_id: str, domains: list[str], *,
             sort: str | None = None, descending: bool = False,
             kept: frozenset[str] = frozenset()) -> int | None:
    """The row of contact ``contact_id`` in the list ``rows`` pages (same filters, same order);
    None when the query does not list it (or the copy does not hold it). Counts the rows listed
    before it, in the same order as ``rows``."""
    found = con.execute("SELECT ord FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    if found is None:
        return None
    w = where(query, search.words(query.search), domains, ordered=sort is not None, kept=kept)
    listed = f"SELECT 1 FROM contacts c WHERE ({w.sql}) AND c.ord = ?"
    if con.execute(listed, (*w.args, found[0])).fetchone() is None:
        return None
    if sort is None:
        return int(con.execute(f"SELECT count(*) FROM contacts c WHERE ({w.sql}) AND c.ord < ?",
                               (*w.args, found[0])).fetchone()[0])
    direction = "DESC" if descending else "ASC"
    order = f"{sort_expr(check(sort), 'c.raw')} {direction}, c.ord {direction}"
    ranked = f"SELECT c.ord AS k, row_number() OVER (ORDER BY {order}) - 1 AS n FROM contacts c WHERE {w.sql}"
    row = con.execute(f"SELECT n FROM ({ranked}) WHERE k = ?", (*w.args, found[0])).fetchone()
    return int(row[0]) if row is not None else None


SEARCH_CAP = 1_000  # matches fetched in one pass by ``first_page``; more are counted apart
FILTERED_CAP = 20_000  # the same for a search with filters on any field (the words chose the rows)


def first_page(con: sqlite3.Connection, query: Query, limit: int, domains: list[str],
               kept: frozenset[str] = frozenset()) -> tuple[int, list[str]] | None:
    """The count and the first ``limit`` rows in one pass, when one FTS index answers the query
    and it matches at most SEARCH_CAP contacts, or searched words are filtered further and at
    most FILTERED_CAP match; else None."""
    words = search.words(query.search)
    plan = fts_plan(query, words, domains)
    both = both_plan(query, words, domains) if plan is None else None
    if plan is not None:
        table, expr = plan
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid LIMIT ?"
        keys = [r[0] for r in con.execute(sql, (expr, SEARCH_CAP + 1))]
        if len(keys) > SEARCH_CAP:
            return None
        total, first = len(keys), keys[:limit]
    elif both is not None:  # every match's key (what the smaller index matches at most): count and page
        total, first = _counted(con, _BOTH, list(both), limit)
    elif query.where and words:  # filters on searched words: their keys once, not a count and a page
        w = where(query, words, domains, ordered=False, kept=kept)
        sql = f"SELECT c.ord FROM contacts c WHERE {w.sql} ORDER BY c.ord LIMIT {FILTERED_CAP + 1}"
        total, first = _counted(con, sql, list(w.args), limit)
        if total > FILTERED_CAP:
            return None
    else:
        return None
    if not first:
        return 0, []
    marks = ", ".join("?" for _ in first)
    raws = con.execute(f"SELECT c.raw FROM contacts c WHERE c.ord IN ({marks}) ORDER BY c.ord", first)
    return total, [r[0] for r in raws]


def _counted(con: sqlite3.Connection, keys: str, args: list[Any], limit: int) -> tuple[int, list[int]]:
    """How many keys ``keys`` (a query of keys, in order) gives, and the first ``limit``, in one
    statement: SQLite counts them (no row handed to Python one by one, which needs the GIL:
    several copies searched at once in threads waited on each other)."""
    row = con.execute(f"WITH m(k) AS MATERIALIZED ({keys}) SELECT (SELECT count(*) FROM m), "
                      "(SELECT group_concat(k) FROM (SELECT k FROM m ORDER BY k LIMIT ?))",
                      (*args, limit)).fetchone()
    first = [int(k) for k in str(row[1]).split(",")] if row[1] else []
    return int(row[0]), first


def check(name: str) -> str:
    if not _SORTABLE.match(name):
        raise ValueError(f"not a field name: {name!r}")
    return name


def sort_expr(name: str, raw: str) -> str:
    """Blank values last when ascending; names by last name, then first name."""
    if name == "name":
        value = (f"trim(coalesce(json_extract({raw}, '$.lastName'), '') || ' ' || "
                 f"coalesce(json_extract({raw}, '$.firstName'), ''))")
        return f"coalesce(nullif({value}, ''), char(1114111)) COLLATE NOCASE"
    return f"coalesce(nullif(json_extract({raw}, '$.{name}'), ''), char(1114111)) COLLATE NOCASE"
