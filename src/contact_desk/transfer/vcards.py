"""vCard files (2.1, 3.0, 4.0) read card by card, as real programs write them. Qt-free.

Written for the files address books really produce rather than the RFCs alone:

* one card that cannot be read is one invalid row with its reason; the others import;
* quoted-printable values broken by soft line breaks (``=`` at a line end, 2.1) are
  joined, and their bytes decoded by their CHARSET, else UTF-8, else the file's code
  page (The Bat! writes 8-bit quoted-printable with no CHARSET);
* folded lines are unfolded; ``\\,`` ``\\;`` ``\\:`` ``\\n`` are unescaped (``http\\://`` from
  Gmail and Apple), structured values split on unescaped separators only;
* PHOTO, LOGO, SOUND and KEY are skipped as they are read, never copied or decoded;
* a property, a card and the number of cards are bounded.

Cards become columns named like our own export's (``firstName``, ``email``, ...), extra
emails and phones in ``email2``/``phoneNumber2`` columns, so they map by themselves.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from contact_desk.api.schema import QT_TRANSLATE_NOOP
from contact_desk.transfer.field_names import (
    ADDRESS,
    BIRTHDAY,
    COMPANY,
    EMAIL,
    FIRST_NAME,
    JOB_TITLE,
    LAST_NAME,
    NOTES,
    PHONE,
    TAGS,
    VCARD_COLUMNS,
    WEBSITE,
)
from contact_desk.transfer.table import MAX_ROWS, Rows, Table, clean, unreadable
from contact_desk.transfer.text_encodings import Encoding, decode_value
from contact_desk.transfer.texts import Text

_BINARY = frozenset({b"PHOTO", b"LOGO", b"SOUND", b"KEY"})
_BASE64_LINE = re.compile(rb"[A-Za-z0-9+/=\s]*")
_NAME = re.compile(rb"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)")
MAX_VALUE = 64 * 1024  # bytes kept of one property (a cell keeps 10,000 characters)
MAX_PROPERTIES = 2000  # of one card


@dataclass
class _Property:
    name: str
    params: dict[str, list[str]]
    value: bytearray = field(default_factory=bytearray)

    @property
    def quoted_printable(self) -> bool:
        return any(v.upper() == "QUOTED-PRINTABLE" for v in self.params.get("ENCODING", ()))


@dataclass
class _Card:
    properties: list[_Property] = field(default_factory=list)
    broken_lines: list[str] = field(default_factory=list)  # lines that could not be read (their start)
    ended: bool = False


def _lines(data: bytes) -> Iterator[bytes]:
    """Physical lines without their ends. A file with only CR line ends (old Macs) too."""
    if b"\n" not in data[:65536] and b"\r" in data[:65536]:
        data = data.replace(b"\r", b"\n")
    start, size = 0, len(data)
    while start < size:
        end = data.find(b"\n", start)
        if end < 0:
            end = size
        stop = end - 1 if end > start and data[end - 1] == 13 else end
        yield data[start:stop] if stop - start <= MAX_VALUE else data[start:start + MAX_VALUE]
        start = end + 1


def _split_params(head: bytes) -> tuple[str, dict[str, list[str]]] | None:
    parts = _split(head.decode("ascii", errors="replace"), ";", quotes=True)
    found = _NAME.fullmatch(parts[0].strip().encode("ascii", errors="replace"))
    if found is None:
        return None
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, eq, value = part.partition("=")
        if not eq:  # vCard 2.1's bare parameters: WORK, PREF, QUOTED-PRINTABLE, BASE64
            key, value = ("ENCODING" if key.upper() in ("QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT")
                          else "TYPE"), key
        params.setdefault(key.strip().upper(), []).extend(
            v.strip().strip('"') for v in value.split(","))
    return found.group(1).decode().upper(), params


def _split(text: str, separator: str, *, quotes: bool = False) -> list[str]:
    """``text`` split on ``separator`` where it is not escaped (nor, with ``quotes``, inside
    double quotes: those are a parameter's; in a value a quote is a letter)."""
    out, current, quoted, escaped = [], [], False, False
    for ch in text:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            current.append(ch)
            escaped = True
        elif ch == '"' and quotes:
            quoted = not quoted
            current.append(ch)
        elif ch == separator and not quoted:
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
    out.append("".join(current))
    return out


_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", ":": ":", "\\": "\\"}


def unescape(text: str) -> str:
    """vCard 3.0/4.0 escapes: ``\\,`` ``\\;`` ``\\:`` ``\\\\`` and ``\\n``; any other backslash stays."""
    if "\\" not in text:
        return text
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


class _Cards:
    """Cards out of physical lines: unfolding, soft line breaks, binary values skipped."""

    def __init__(self, data: bytes) -> None:
        self.lines = _lines(data)
        self.card: _Card | None = None
        self.skipping = False  # inside a PHOTO/LOGO/SOUND/KEY value
        self.last: _Property | None = None

    def __iter__(self) -> Iterator[_Card]:
        for line in self.lines:
            card = self._line(line)
            if card is not None:
                yield card
        if self.card is not None:  # the file ended inside a card
            yield self.card

    def _line(self, line: bytes) -> _Card | None:
        upper = line[:16].strip().upper()
        if upper == b"BEGIN:VCARD":
            done, self.card = self.card, _Card()
            self.last, self.skipping = None, False
            return done
        if self.card is None:
            return None  # outside any card
        if upper == b"END:VCARD":
            done, self.card = self.card, None
            done.ended = True
            return done
        last = self.last
        if last is not None and last.quoted_printable and last.value.endswith(b"="):
            del last.value[-1:]  # a soft line break: the value goes on, as written
            self._add(last, line)
            return None
        if line[:1] in (b" ", b"\t"):
            if self.skipping:
                return None
            if last is not None:
                self._add(last, line[1:])
            return None
        if self.skipping and (not line.strip() or _BASE64_LINE.fullmatch(line)):
            return None  # vCard 2.1 base64 may go on without indentation, up to a blank line
        self.skipping = False
        if not line.strip():
            return None
        self._property(line)
        return None

    def _property(self, line: bytes) -> None:
        card = self.card
        assert card is not None
        colon = _colon(line)
        parsed = _split_params(line[:colon]) if colon >= 0 else None
        if parsed is None:
            self.last = None
            card.broken_lines.append(clean(line[:60].decode("utf-8", errors="replace"), 60))
            return
        name, params = parsed
        if name.encode() in _BINARY:
            self.skipping, self.last = True, None
            return
        if len(card.properties) >= MAX_PROPERTIES:
            self.last = None
            return
        self.last = _Property(name, params)
        self._add(self.last, line[colon + 1:])
        card.properties.append(self.last)

    @staticmethod
    def _add(prop: _Property, part: bytes) -> None:
        room = MAX_VALUE - len(prop.value)
        if room > 0:
            prop.value += part[:room]


def _colon(line: bytes) -> int:
    """Where the value starts: the first colon outside a quoted parameter."""
    quoted = False
    for i, byte in enumerate(line[:1024]):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return i
    return -1


def read_vcards(data: bytes, encoding: Encoding) -> Table:
    if encoding.codec.startswith("utf-16"):  # one byte per character from here on
        data = data.decode(encoding.codec, errors="replace").encode("utf-8")
    data = data.removeprefix(b"\xef\xbb\xbf")
    table = Table(list(VCARD_COLUMNS), Rows(len(VCARD_COLUMNS)), source=Text("vCard"))
    for card in _Cards(data):
        n = len(table.rows) + 1
        if n > MAX_ROWS:
            raise unreadable(QT_TRANSLATE_NOOP("Transfer", "More than {n} contacts: split the file"),
                             n=MAX_ROWS)
        try:
            values = _values(card, encoding.fallback)
        except Exception as exc:  # one card's surprise never costs the file
            table.rows.append([])
            table.broken[n] = Text.of(QT_TRANSLATE_NOOP("Transfer", "contact {n} cannot be read ({why})"),
                                      n=n, why=clean(type(exc).__name__, 80))
            continue
        table.rows.append([clean(values.get(c, "")) for c in VCARD_COLUMNS])
        for line in card.broken_lines:
            table.note(n, Text.of(QT_TRANSLATE_NOOP(
                "Transfer", "contact {n}: a line could not be read ({line}); imported without it"),
                n=n, line=line))
        if not card.ended:
            table.note(n, Text.of(QT_TRANSLATE_NOOP(
                "Transfer", "contact {n}: the card has no END:VCARD line; read up to where it stops"), n=n))
    if not table.rows:
        raise unreadable(QT_TRANSLATE_NOOP("Transfer", "The file holds no vCard"))
    return table


def _text(prop: _Property, fallback: str) -> str:
    raw = bytes(prop.value)
    if prop.quoted_printable:
        raw = quopri.decodestring(raw)
    charset = next(iter(prop.params.get("CHARSET", [])), None)
    return decode_value(raw, charset, fallback)


def _values(card: _Card, fallback: str) -> dict[str, str]:
    by_name: dict[str, list[_Property]] = {}
    for prop in card.properties:
        by_name.setdefault(prop.name, []).append(prop)

    def first(name: str) -> str | None:
        found = by_name.get(name)
        return _text(found[0], fallback) if found else None

    def parts(name: str, count: int) -> list[str]:
        raw = first(name)
        pieces = [unescape(p).strip() for p in _split(raw, ";")] if raw is not None else []
        return (pieces + [""] * count)[:count]

    out: dict[str, str] = {}
    family, given = parts("N", 2)
    out[FIRST_NAME], out[LAST_NAME] = given, family
    company = parts("ORG", 1)[0]
    out[COMPANY] = company
    if not given and not family:
        full = unescape(first("FN") or "").strip()
        if full and full != company:  # a company's card (Apple: X-ABShowAs:COMPANY) has no person
            first_name, _, last_name = full.rpartition(" ")
            out[FIRST_NAME], out[LAST_NAME] = (first_name, last_name) if first_name else (last_name, "")
    for name, column in (("EMAIL", EMAIL), ("TEL", PHONE)):
        ordered = sorted(by_name.get(name, []), key=_preferred)
        for i, prop in enumerate(ordered[:3]):
            value = unescape(_text(prop, fallback)).strip()
            out[column if i == 0 else f"{column}{i + 1}"] = value.removeprefix("tel:").removeprefix("mailto:")
    for name, column in (("TITLE", JOB_TITLE), ("URL", WEBSITE), ("NOTE", NOTES), ("BDAY", BIRTHDAY)):
        found = first(name)
        if found is not None:
            out[column] = unescape(found).strip()
    adr = by_name.get("ADR")
    if adr:
        chosen = sorted(adr, key=_preferred)[0]
        pieces = [unescape(p).strip() for p in _split(_text(chosen, fallback), ";")] + [""] * 7
        for i, column in enumerate(ADDRESS, start=2):
            out[column] = pieces[i]
    categories = [unescape(c).strip() for prop in by_name.get("CATEGORIES", [])
                  for c in _split(_text(prop, fallback), ",")]
    if categories:
        out[TAGS] = ", ".join(c for c in categories if c)
    return out


def _preferred(prop: _Property) -> int:
    """PREF (vCard 3/4) or TYPE=pref first, then work, then the rest in file order."""
    types = {t.lower() for t in prop.params.get("TYPE", [])}
    pref = "pref" in types or "PREF" in prop.params
    return 0 if pref else 1 if "work" in types else 2
