"""Words for the user made where Qt is not imported (reading, checking, importing).

A ``Text`` is an English template marked for Qt's translation tools (context
``Transfer``) with its values, and the field it concerns. ``str()`` gives the
English text (reports written by the command line, logs); the window renders the
same Text translated, with the field's translated label. A template with no
translation (a server's own message) shows as it came.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from contact_desk.api.schema import QT_TRANSLATE_NOOP

CONTEXT = "Transfer"

# What the client-side checks (api/validate.py, the import's date and country readers) say,
# listed here so that the translation tools see them.
CHECKS = (
    QT_TRANSLATE_NOOP("Transfer", "required"),
    QT_TRANSLATE_NOOP("Transfer", "not a valid email address"),
    QT_TRANSLATE_NOOP("Transfer", "not a phone number"),
    QT_TRANSLATE_NOOP("Transfer", "not a valid phone number"),
    QT_TRANSLATE_NOOP("Transfer", "not a web address"),
    QT_TRANSLATE_NOOP("Transfer", "a two-letter country code, like IT"),
    QT_TRANSLATE_NOOP("Transfer", "not one of the choices"),
    QT_TRANSLATE_NOOP("Transfer", "not a date (use 15/03/1990 or 1990-03-15)"),
)


def _same(context: str, text: str) -> str:
    return text


def _plain(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


@dataclass(frozen=True, slots=True)
class Text:
    template: str
    values: tuple[tuple[str, object], ...] = ()  # numbers stay numbers: the window formats them
    field: str | None = None  # the API field it concerns (shown as its label)

    @classmethod
    def of(cls, template: str, field: str | None = None, **values: object) -> Text:
        kept = tuple((k, v if isinstance(v, int) else str(v)) for k, v in values.items())
        return cls(template, kept, field)

    def render(self, translate: Callable[[str, str], str] = _same, label: Callable[[str], str] = str,
               number: Callable[[object], str] = _plain) -> str:
        body = translate(CONTEXT, self.template)
        if self.values:  # a template without values may hold braces (a server's message)
            body = body.format_map({k: number(v) for k, v in self.values})
        return f"{label(self.field)}: {body}" if self.field else body

    def __str__(self) -> str:
        return self.render()


def joined(texts: list[Text] | tuple[Text, ...], translate: Callable[[str, str], str] = _same,
           label: Callable[[str], str] = str, number: Callable[[object], str] = _plain) -> str:
    return "; ".join(t.render(translate, label, number) for t in texts)


NO_YEAR = Text(QT_TRANSLATE_NOOP("Transfer", "birthday without a year: left empty"))


class Problem(Exception):
    """A failure told as a ``Text`` (``str()`` is its English)."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def plain_value(value: object) -> str:
    """A field's value in the command line's and the reports' words: "(empty)", a list joined."""
    if value in (None, "", []):
        return "(empty)"
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
