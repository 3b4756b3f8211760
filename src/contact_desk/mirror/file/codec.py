"""A stored contact's JSON back to the dialect's typed contact."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from contact_desk.api.models import CONTACT_TYPES, Contact

# A NUL inside a JSON string ("\u0000"): SQLite 3.40's JSON functions end the text there. What the
# copy derives from its JSON in SQL (the counts, the duplicate keys, the filters' entries) leaves
# such a contact to Python (derived.odd_rows), and a first sync stores it the ordinary way.
NUL_ESCAPE = "\\u0000"
PLAIN_SQL = f"instr(raw, '{NUL_ESCAPE}') = 0"

_DECODERS: dict[str, Callable[[str | bytes], Contact]] = {
    dialect: msgspec.json.Decoder(kind).decode for dialect, kind in CONTACT_TYPES.items()}


def decoder(dialect: str) -> Callable[[str | bytes], Contact]:
    try:
        return _DECODERS[dialect]
    except KeyError:
        raise ValueError(f"no local copy for the {dialect!r} dialect") from None


def decode(dialect: str, raw: str | bytes) -> Contact:
    return decoder(dialect)(raw)
