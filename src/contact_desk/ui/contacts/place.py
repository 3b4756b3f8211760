"""Where the user is in a contact list: kept across an account switch (for the session)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    current: str | None  # the current contact's id
    selected: frozenset[str]  # the selected contacts' ids
    scroll: int  # the vertical scroll bar's value
