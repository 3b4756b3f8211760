"""The one table of words (``contact_desk/words.py``), translated for the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from contact_desk import words


def describe(exc: BaseException, also: str = "") -> str:
    """What happened and what to do, translated, with the request id where there is one (after
    ``also``, what the window adds)."""
    return words.describe(exc, QCoreApplication.translate, also)


def with_request_id(text: str, request_id: str | None) -> str:
    """``text`` and, when the server gave one, "(request id …)", translated."""
    return words.with_request_id(text, request_id, QCoreApplication.translate)
