"""The offline copy's choices (File → Offline copy in the window): whether each account keeps one,
and how often a full sync runs. Kept beside the account list (``copy-choices.json``, changed under
a lock every process shares), so the command line honours them too: ``sync`` and ``search`` make
no copy of an account whose copy was turned off."""

from __future__ import annotations

from pathlib import Path

from contact_desk.json_store import JsonStore


class CopyChoices:
    """``folder`` None keeps them in this process only (the demo, tests)."""

    def __init__(self, folder: Path | None) -> None:
        self.store = JsonStore(folder / "copy-choices.json" if folder is not None else None,
                               {"off": [], "intervalMinutes": None})

    def keeps(self, account_id: str) -> bool:
        off = self.store.read_or_empty().get("off")  # unreadable: the defaults, every account keeps one
        return not (isinstance(off, list) and account_id in off)

    def interval_minutes(self) -> int | None:
        """The minutes between full syncs as chosen; None: never chosen (the default applies)."""
        value = self.store.read_or_empty().get("intervalMinutes")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def set_keeps(self, account_id: str, keep: bool) -> bool:
        """False when the choice could not be written (the caller says so)."""
        def change(content: dict[str, object]) -> None:
            raw = content.get("off")
            off = [a for a in raw if isinstance(a, str) and a != account_id] if isinstance(raw, list) else []
            content["off"] = off if keep else [*off, account_id]
        return self.store.update(change)

    def set_interval(self, minutes: int) -> bool:
        return self.store.update(lambda content: content.__setitem__("intervalMinutes", minutes))
