"""A saved view as a file a team lead hands round (``.cdview``: JSON, one view): the search, the
filters, the sort and the columns, with the dialect it was made on. Reading one checks it whole
(size, shape, name); fitting it to an account leaves out what that account's dialect lacks (a
Stage filter on a Replicer account) and says which, in the API's field names for the caller to
word. Written atomically. Qt-free: the window and the command line share it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import msgspec

from contact_desk.accounts.views import View, ViewError, check_name
from contact_desk.api.schema import SCHEMAS, DialectSchema
from contact_desk.files import FileProblem, atomic_write

SUFFIX = ".cdview"
KIND = "contact-desk-view"
MAX_BYTES = 64 * 1024  # a view is a few hundred bytes: anything bigger is not one


class _Shared(msgspec.Struct, frozen=True):
    kind: str
    version: int
    dialect: str
    view: View


@dataclass(frozen=True)
class Fitted:
    view: View  # what the account can show
    left_out: list[str]  # the fields (API names) the view named and the account's dialect lacks


def write_view(path: Path, view: View, dialect: str) -> None:
    data = msgspec.json.format(msgspec.json.encode(_Shared(KIND, 1, dialect, view)), indent=2)
    with atomic_write(path) as out:
        out.write(data + b"\n")


def read_view(path: Path) -> tuple[View, str]:
    """The view in ``path`` and the dialect it was made on; ViewError saying what is wrong."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ViewError(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ViewError(f"{path.name} is not a saved view: it is far bigger than one")
    try:
        shared = msgspec.json.decode(data, type=_Shared)
    except (msgspec.DecodeError, msgspec.ValidationError):
        raise ViewError(f"{path.name} is not a saved view of Contact Desk") from None
    if shared.kind != KIND:
        raise ViewError(f"{path.name} is not a saved view of Contact Desk")
    if shared.version > 1:
        raise ViewError(f"{path.name} was made by a newer Contact Desk: update this one to read it")
    return msgspec.structs.replace(shared.view, name=check_name(shared.view.name)), shared.dialect


def fit(view: View, schema: DialectSchema) -> Fitted:
    """``view`` as an account of ``schema`` can show it: filters, the sort and columns on fields it
    lacks are left out, and named."""
    fields = {f.name for f in schema.fields}
    filters = {f.attr for f in schema.filters}
    left: list[str] = []

    def keep(name: str) -> bool:
        if name in fields:
            return True
        if name not in left:
            left.append(name)
        return False

    where = [w for w in view.where if keep(w[0])]
    sort = view.sort if view.sort is None or keep(view.sort) else None
    columns = [c for c in view.columns if keep(c)] if view.columns is not None else None
    choices = {}
    named = {f.attr: f.name for any_schema in SCHEMAS.values() for f in any_schema.filters}
    for attr in ("email_status", "stage"):
        api, value = named.get(attr, attr), getattr(view, attr)
        if value is not None and attr not in filters:
            if api not in left:
                left.append(api)
            value = None
        choices[attr] = value
    archived = view.include_archived and "include_archived" in filters
    fitted = msgspec.structs.replace(view, where=where, sort=sort, descending=view.descending and bool(sort),
                                     columns=columns or None, include_archived=archived, **choices)
    return Fitted(fitted, left)


def dialect_title(dialect: str) -> str:
    schema = SCHEMAS.get(dialect)
    return schema.title if schema is not None else dialect


__all__ = ["SUFFIX", "FileProblem", "Fitted", "fit", "read_view", "write_view"]
