"""A country as address books write it (``Italia``, ``U.S.A.``, ``Royaume-Uni``,
``Turchia``, ``Cayman Islands``) to its two-letter ISO code. Qt-free.

The names are every territory's name in every language of the Unicode CLDR, taken
from Babel (a hand-made list always lacks the next exporter's language) by
``packaging/i18n/countries.py`` into ``resources/countries.tsv`` (600 KB; Babel's
36 MB of locale data stay out of the installed app). A test checks that the file
is what Babel gives, so it cannot fall behind unseen.
"""

from __future__ import annotations

import re
import unicodedata

from contact_desk.resources import resource

# Looked in first where two languages give one name to two territories.
FIRST = ("en", "it", "de", "fr", "es", "pt", "nl", "pl", "sv", "da", "nb", "fi", "cs", "ro", "hu", "el",
         "tr", "ru")
# Codes that name no country (the EU, the UN, pseudo-territories).
NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}
# Short forms no CLDR name covers, as people write them.
_ALIASES = {"usa": "US", "us": "US", "united states of america": "US", "america": "US",
            "uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
            "northern ireland": "GB", "holland": "NL", "uae": "AE", "south korea": "KR",
            "north korea": "KP", "russia": "RU", "vatican": "VA", "czech republic": "CZ"}


def fold(name: str) -> str:
    """Case, accents, dots and punctuation ignored: ``U.S.A.`` and ``usa`` are one."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = re.sub(r"(?<=\b\w)\.", "", plain)  # U.S.A. -> USA
    plain = re.sub(r"[^\w]+", " ", plain).strip()
    return plain.removeprefix("the ")


def names_from_cldr() -> dict[str, str]:
    """Folded name -> code, from Babel (a build-time and test dependency only)."""
    from babel import Locale, UnknownLocaleError, localedata

    out: dict[str, str] = {}
    languages = [i for i in localedata.locale_identifiers() if "_" not in i]
    for identifier in [*FIRST, *sorted(set(languages) - set(FIRST))]:
        try:
            territories = Locale.parse(identifier).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            key = fold(name)
            if key and len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
                out.setdefault(key, code)
    return out


def read_table(text: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


class _Names:
    def __init__(self) -> None:
        self.known: dict[str, str] | None = None

    def code(self, name: str) -> str | None:
        if self.known is None:
            try:
                self.known = read_table(resource("countries.tsv").read_text(encoding="utf-8"))
            except OSError:
                self.known = {}
            for alias, code in _ALIASES.items():
                self.known.setdefault(alias, code)
        return self.known.get(fold(name))


_NAMES = _Names()


def country_code(name: str) -> str | None:
    """The ISO 3166 code of a country named in any language, or None."""
    return _NAMES.code(name)
