"""What each account's key may do, as learned from the server: keys that proved
read-only (remembered across restarts) and servers that refused editing."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal


class AccessMemory(Protocol):
    """Where keys that proved read-only are remembered across restarts (the window's state)."""

    def read_only(self) -> set[str]: ...

    def set_read_only(self, account_id: str, read_only: bool) -> None: ...


class AccountAccess(QObject):
    changed = Signal()  # what an account may do changed: the window's actions follow

    def __init__(self, state: AccessMemory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.read_only = state.read_only()  # keys that proved unable to write
        self.no_edit: set[str] = set()  # servers that answered PATCH with 405/501 (this session)

    def can_write(self, account_id: str | None) -> bool:
        return account_id is not None and account_id not in self.read_only

    def can_edit(self, account_id: str | None) -> bool:
        return self.can_write(account_id) and account_id not in self.no_edit

    def learned(self, account_id: str, can_write: bool) -> None:
        (self.read_only.discard if can_write else self.read_only.add)(account_id)
        self._state.set_read_only(account_id, not can_write)
        self.changed.emit()

    def editing_refused(self, account_id: str) -> None:
        self.no_edit.add(account_id)
        self.changed.emit()

    def key_changed(self, account_id: str) -> None:
        """A new key: what the old one could not do is forgotten until learned again."""
        self.no_edit.discard(account_id)
        self.learned(account_id, True)  # says changed
