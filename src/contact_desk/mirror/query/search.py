"""What a search text means in the local copy, as SQL over its tables.

A search is words, each of which must match (AND). A word matches a contact when
it appears anywhere in its name, email, phone (digits), company, city or tags,
regardless of case and accents:

* three characters or more: a substring, through the FTS5 trigram index ``grams``;
  the email's domain is a plain indexed column instead (every contact of a big
  company shares it, so counting it through trigrams would read the whole index);
* one or two characters: the start of a word in the name or email (``words``,
  which splits at punctuation; punctuation alone is ignored),
  an FTS5 word index queried by prefix): no substring index of that size would
  be worth its disk;
* a word with ``@``: a substring of the email;
* a phone number (digits, spaces, ``+ - ( ) . /``) is one word of its digits: with a
  leading ``+`` it matches numbers starting so (``+39 333`` finds every +39 333…
  number), otherwise (three digits or more) digits anywhere in the number;
* punctuation and symbols of one or two characters are no word: they are left out, and a
  search made only of them (``"``, ``*``, ``—``, an emoji, an accent alone) finds nothing.

Every word counts, whatever their number or length; a search is at most ``MAX_TEXT``
characters (``SearchTooLong`` beyond: the search box takes no more, the command line
says so).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from contact_desk.api.dialect import Query

_PHONEISH = re.compile(r"^[+\d][\d\s().\-/]*$")
MAX_TEXT = 1000  # characters of a search


class SearchTooLong(ValueError):
    """A search longer than MAX_TEXT characters."""


def fold(text: str) -> str:
    """Lower case without accents: what the indexes hold and what words are compared in."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_ascii_sql(x: str) -> str:
    """SQL: whether text ``x`` is ASCII only (its bytes are its characters): a length read where a
    GLOB over every character cost three times as much. Text with a NUL counts as not ASCII."""
    return f"(length(CAST({x} AS BLOB)) = length({x}))"


def fold_sql(x: str) -> str:
    """``fold`` in SQL: SQLite's lower() is the same for ASCII; anything else in Python (cd_fold,
    fill_sql.register)."""
    return f"(CASE WHEN {is_ascii_sql(x)} THEN lower({x}) ELSE cd_fold({x}) END)"


def digits(text: str | None) -> str:
    if not text:
        return ""
    if text.isdecimal():
        return text
    return "".join(ch for ch in text if ch.isdigit())


@dataclass(frozen=True)
class Word:
    kind: str  # "grams", "short", "email", "phone_prefix", "phone"
    text: str


def words(text: str | None) -> list[Word]:
    """The search text as words (see the module's description)."""
    text = (text or "").strip()
    if not text:
        return []
    if len(text) > MAX_TEXT:
        raise SearchTooLong(f"A search is at most {MAX_TEXT:,} characters")
    if _PHONEISH.match(text) and len(digits(text)) >= (1 if text.startswith("+") else 3):
        return [Word("phone_prefix" if text.startswith("+") else "phone", digits(text))]
    out: list[Word] = []
    for word in fold(text).split():
        if "@" in word:
            out.append(Word("email", word))
        elif len(word) >= 3:
            out.append(Word("grams", word))
        else:  # words are split at punctuation: "o'" is the start of "o'brien" and of "olga"
            letters = "".join(ch for ch in word if ch.isalnum())
            if letters:
                out.append(Word("short", letters))
    return out or [NOTHING]  # only punctuation, symbols or accents: nothing to find


NOTHING = Word("nothing", "")


def phrase(text: str) -> str:
    """``text`` as one FTS5 phrase (quoted)."""
    return '"' + text.replace('"', '""') + '"'


def like(text: str, *, anywhere: bool = True) -> str:
    """A LIKE pattern (ESCAPE '\\') for ``text`` itself, or anywhere in a value."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%" if anywhere else escaped


@dataclass
class Where:
    """A WHERE clause over ``contacts c`` and its arguments."""

    parts: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)

    def add(self, sql: str, *args: Any) -> None:
        self.parts.append(sql)
        self.args.extend(args)

    @property
    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "1"


def filters(query: Query, *, ordered: bool = False) -> Where:
    """The dialect's filters (SmartCQ's email status, stage and archived). ``ordered``: for a
    listing in some order, where walking the order's index beats the filter's (SQLite's
    unary ``+`` keeps it from using the filter's index)."""
    plus = "+" if ordered else ""
    where = Where()
    if query.email_status:
        where.add(f"{plus}c.email_status = ?", query.email_status)
    if query.stage:
        where.add(f"{plus}c.stage = ?", query.stage)
    if not query.include_archived:
        where.add(f"{plus}c.archived = 0")
    return where


def word_clause(word: Word, domains: Sequence[str]) -> tuple[str, list[Any]]:
    """One word's condition on ``c``; ``domains`` are the copy's email domains containing it."""
    if word.kind == "nothing":
        return "0", []
    if word.kind == "phone_prefix":
        return "c.phone >= ? AND c.phone < ?", ["+" + word.text, "+" + word.text + ":"]
    if word.kind == "phone":
        return "c.ord IN (SELECT rowid FROM grams WHERE grams MATCH ?)", ["phone : " + phrase(word.text)]
    if word.kind == "short":
        return "c.ord IN (SELECT rowid FROM words WHERE words MATCH ?)", [phrase(word.text) + " *"]
    if word.kind == "email":
        local, _, domain = word.text.partition("@")
        check = "cd_fold(json_extract(c.raw, '$.email')) LIKE ? ESCAPE '\\'"  # accents as the word
        if len(local) >= 3:
            return (f"c.ord IN (SELECT rowid FROM grams WHERE grams MATCH ?) AND {check}",
                    ["email : " + phrase(local), like(word.text)])
        return f"c.domain LIKE ? ESCAPE '\\' AND {check}", [like(domain)[1:], like(word.text)]
    grams = "c.ord IN (SELECT rowid FROM grams WHERE grams MATCH ?)"
    if not domains:
        return grams, [grams_phrase(word.text)]
    marks = ", ".join("?" for _ in domains)
    return f"({grams} OR c.domain IN ({marks}))", [grams_phrase(word.text), *domains]


FLAG_COLUMN_TEXT = "~a~"  # what an archived contact's flags column holds in grams
ARCHIVED_GRAM = FLAG_COLUMN_TEXT
ARCHIVED_WORD = "xarchivedx"  # in words.flags of an archived contact


def grams_phrase(text: str) -> str:
    """A substring in the searched columns. Without a column filter (a third faster), unless
    the text could meet the archived flag's token, which no search may find."""
    if text in FLAG_COLUMN_TEXT:
        return "{name email phone company city tags} : " + phrase(text)
    return phrase(text)
