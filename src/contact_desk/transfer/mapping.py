"""Which column of an imported file goes to which field: guessed from the headers
that Google Contacts, Outlook, Thunderbird, our own export and Italian spreadsheets
write; changed by the user; remembered for the next file with the same headers."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from contact_desk.api.schema import QT_TRANSLATE_NOOP, DialectSchema
from contact_desk.json_store import JsonStore
from contact_desk.transfer.field_names import SYNONYMS
from contact_desk.transfer.texts import Problem, Text


def fold_header(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "", plain)


_BY_HEADER = {fold_header(s): name for name, spellings in SYNONYMS.items() for s in spellings}
# Parts of a date, not dates: Thunderbird's "Birth Day" folds like "Birthday" but holds a day
# of the month (the reader joins the three into a Birthday column).
_PARTS = {"birth year", "birth month", "birth day"}

Mapping = dict[str, str | None]  # column -> field name (None: not imported)


def importable(schema: DialectSchema) -> list[str]:
    """The fields a file can fill for this dialect: those a contact can be created with."""
    return [f.name for f in schema.creatable]


def guess(columns: list[str], schema: DialectSchema, rows: Sequence[list[str]] | None = None) -> Mapping:
    """A field for each column it recognises. Where several columns could give one field
    (Outlook's "Business Phone" and "Mobile Phone"), the one with the most values in the
    first rows wins, else the first."""
    wanted = set(importable(schema))
    candidates: dict[str, list[int]] = {}
    for i, column in enumerate(columns):
        if " ".join(column.casefold().split()) in _PARTS:
            continue
        key = fold_header(column)
        name = next((w for w in wanted if fold_header(w) == key), None) or _BY_HEADER.get(key)
        if name in wanted:
            candidates.setdefault(name, []).append(i)
    sample = (rows or [])[:200]

    def filled(i: int) -> int:
        return sum(1 for r in sample if i < len(r) and r[i].strip())

    out: Mapping = {c: None for c in columns}
    for name, indexes in candidates.items():
        best = max(indexes, key=lambda i: (filled(i), -i))
        out[columns[best]] = name
    return out


class MappingProblem(Problem, ValueError):
    """A mapping that cannot be used (a column or field that is not there, a field twice)."""


def check(mapping: Mapping, columns: list[str], schema: DialectSchema) -> Mapping:
    """A mapping from a file or the user: unknown columns and fields refused, each field once."""
    wanted = set(importable(schema))
    out: Mapping = {c: None for c in columns}
    seen: dict[str, str] = {}
    for column, name in mapping.items():
        if column not in out:
            raise MappingProblem(Text.of(QT_TRANSLATE_NOOP("Transfer", "The file has no column {column}"),
                                         column=repr(column)))
        if name is None or name == "":
            continue
        if name not in wanted:
            raise MappingProblem(Text.of(QT_TRANSLATE_NOOP(
                "Transfer", "{name} is not a field {service} contacts can be created with "
                "(use one of: {fields})"),
                name=repr(name), service=schema.title, fields=", ".join(sorted(wanted))))
        if name in seen:
            raise MappingProblem(Text.of(QT_TRANSLATE_NOOP(
                "Transfer", "{name} is given by two columns: {first} and {second}"), name=repr(name),
                first=repr(seen[name]), second=repr(column)))
        seen[name] = column
        out[column] = name
    return out


def load(path: Path) -> Mapping:
    """A mapping file: a JSON object, column name -> field name (or null)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"Cannot read {path}: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError):
        raise ValueError(f"{path} is not JSON") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and (v is None or isinstance(v, str))
                                             for k, v in data.items()):
        raise ValueError(f"{path} must hold one JSON object of column name -> field name")
    return dict(data)


class Memory:
    """Mappings the user chose, per set of headers (and dialect), in the config folder
    (``import-mappings.json``, changed under a lock every process shares: eight imports at once
    remember eight mappings). ``folder`` None remembers them in this process only."""

    LIMIT = 200  # sets of headers remembered; the oldest go first

    def __init__(self, folder: Path | None) -> None:
        self.store = JsonStore(folder / "import-mappings.json" if folder is not None else None, {})

    @staticmethod
    def key(columns: list[str], dialect: str) -> str:
        return hashlib.sha256(json.dumps([dialect, sorted(columns)]).encode()).hexdigest()[:24]

    def recall(self, columns: list[str], schema: DialectSchema) -> Mapping | None:
        found = self.store.read_or_empty().get(self.key(columns, schema.dialect))
        if not isinstance(found, dict):
            return None
        try:
            return check(found, columns, schema)
        except ValueError:
            return None

    def remember(self, columns: list[str], schema: DialectSchema, mapping: Mapping) -> bool:
        """False when it could not be remembered (a convenience: the import itself goes on)."""
        key = self.key(columns, schema.dialect)

        def keep(everything: dict[str, Mapping]) -> None:
            everything.pop(key, None)  # the newest last
            everything[key] = mapping
            while len(everything) > self.LIMIT:
                everything.pop(next(iter(everything)))

        return self.store.update(keep)
