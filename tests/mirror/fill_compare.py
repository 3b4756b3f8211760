"""A copy's whole content, to compare a copy filled the fast way (mirror/syncing/fill.py) with one
written the ordinary way (CopyFile.put): every column, the counts, the domains, every token of
both search indexes, and what searches find."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from contact_desk.api import Query
from contact_desk.mirror.file.store import CopyFile

SEARCHES = ("rossi", "mario rossi", "ro", "+39 333", "333", "example", "@example.com", "zoë", "muller",
            "mü", "straße", "srl", "a", "é", "milano", "vip", "1", "o'b")


def content(path: Path, dialect: str) -> dict[str, Any]:
    f = CopyFile(path, dialect, readonly=True)
    con = f.con
    try:
        con.execute("CREATE VIRTUAL TABLE temp.gv USING fts5vocab(main, grams, instance)")
        con.execute("CREATE VIRTUAL TABLE temp.wv USING fts5vocab(main, words, instance)")
        found = {}
        for text in SEARCHES:
            for archived in (False, True):
                q = Query(search=text, include_archived=archived)
                found[text, archived] = f.first_page(q, 1000)
        return {
            "rows": con.execute("SELECT * FROM contacts ORDER BY ord").fetchall(),
            "meta": {k: f.meta(k) for k in ("n_all", "n_listed", "complete", "fill", "walk", "dialect")},
            "domains": con.execute("SELECT * FROM domains ORDER BY domain").fetchall(),
            "tallies": con.execute("SELECT * FROM tallies WHERE n_all OR n_listed ORDER BY 1, 2").fetchall(),
            "dupkeys": con.execute("SELECT * FROM dupkeys ORDER BY ord").fetchall(),
            "facets": con.execute("SELECT * FROM facets ORDER BY 1, 2, 3").fetchall(),
            "grams": con.execute("SELECT * FROM temp.gv ORDER BY 1, 2, 3, 4").fetchall(),
            "words": con.execute("SELECT * FROM temp.wv ORDER BY 1, 2, 3, 4").fetchall(),
            "indexes": sorted(r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'")),
            "tables": sorted(r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")),
            "searches": found,
        }
    except sqlite3.Error as exc:
        raise AssertionError(f"{path.name}: {exc}") from exc
    finally:
        f.close()


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """What differs, said briefly (the first differing row of each part)."""
    out = []
    for key, mine in a.items():
        if mine == b[key]:
            continue
        if isinstance(mine, list) and isinstance(b[key], list):
            first = next((i for i, (x, y) in enumerate(zip(mine, b[key], strict=False)) if x != y), None)
            at = "" if first is None else f" first at {first}: {mine[first]!r} != {b[key][first]!r}"
            out.append(f"{key}: {len(mine)} vs {len(b[key])} items{at}")
        elif isinstance(mine, dict):
            bad = [k for k in mine if mine[k] != b[key].get(k)]
            out.append(f"{key}: {[(k, mine[k], b[key].get(k)) for k in bad[:3]]}")
        else:
            out.append(f"{key}: {mine!r} != {b[key]!r}")
    return out
