"""The offline copy's choices (File → Offline copy in the window): whether each account keeps one,
and how often a full sync runs. Kept beside the account list (``copy-choices.json``, changed under
a lock every process shares), so the command line honours them too: ``sync`` and ``search`` make
no copy of an account whose copy was turned off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from contact_desk.files import FileProblem
from contact_desk.json_store import JsonStore, StoreBusy, StoreUnreadable


class CopyChoices:
    """``folder`` None keeps them in this process only (the demo, tests)."""

    def __init__(self, folder: Path | None) -> None:
        self.store = JsonStore(folder / "copy-choices.json" if folder is not None else None,
                               {"off": [], "intervalMinutes": None})

    def _read(self) -> dict[str, object]:
        try:
            content = self.store.read()
        except (StoreUnreadable, FileProblem):
            return {}  # the defaults: every account keeps a copy
        return content if isinstance(content, dict) else {}

    def keeps(self, account_id: str) -> bool:
        off = self._read().get("off")
        return not (isinstance(off, list) and account_id in off)

    def interval_minutes(self) -> int | None:
        """The minutes between full syncs as chosen; None: never chosen (the default applies)."""
        value = self._read().get("intervalMinutes")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def set_keeps(self, account_id: str, keep: bool) -> bool:
        def change(content: dict[str, object]) -> None:
            raw = content.get("off")
            off = [a for a in raw if isinstance(a, str) and a != account_id] if isinstance(raw, list) else []
            content["off"] = off if keep else [*off, account_id]
        return self._change(change)

    def set_interval(self, minutes: int) -> bool:
        return self._change(lambda content: content.__setitem__("intervalMinutes", minutes))

    def _change(self, work: Callable[[dict[str, object]], None]) -> bool:
        """False when the choice could not be written (the caller says so)."""
        try:
            with self.store.change(unreadable_as_empty=True) as content:
                work(content)
        except (StoreBusy, FileProblem):
            return False
        return True
