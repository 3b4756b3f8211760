"""A country as address books write it (``Italia``, ``U.S.A.``, ``Royaume-Uni``,
``Turchia``, ``Cayman Islands``) to its two-letter ISO code. Qt-free.

The names come from Babel's copy of the Unicode CLDR, which has every territory's
name in every language it knows: a hand-made list would always lack the next
exporter's language. The common languages of our users are looked in first (0.07 s);
a name none of them knows is looked for in every locale once (about a second, at
most once per process).
"""

from __future__ import annotations

import re
import unicodedata

_FIRST = ("en", "it", "de", "fr", "es", "pt", "nl", "pl", "sv", "da", "nb", "fi", "cs", "ro", "hu", "el",
          "tr", "ru")
_NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}
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


class _Names:
    def __init__(self) -> None:
        self.known: dict[str, str] | None = None
        self.everywhere = False

    def _add(self, locales: tuple[str, ...] | list[str]) -> None:
        from babel import Locale, UnknownLocaleError

        assert self.known is not None
        for identifier in locales:
            try:
                territories = Locale.parse(identifier).territories
            except (UnknownLocaleError, ValueError):
                continue
            for code, name in territories.items():
                if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                    self.known.setdefault(fold(name), code)

    def code(self, name: str) -> str | None:
        if self.known is None:
            self.known = {}
            self._add(_FIRST)
            for alias, code in _ALIASES.items():
                self.known.setdefault(alias, code)
        key = fold(name)
        if not key:
            return None
        found = self.known.get(key)
        if found is None and not self.everywhere:
            from babel import localedata

            self.everywhere = True
            self._add([i for i in localedata.locale_identifiers() if "_" not in i])
            found = self.known.get(key)
        return found


_NAMES = _Names()


def country_code(name: str) -> str | None:
    """The ISO 3166 code of a country named in any language, or None."""
    return _NAMES.code(name)
