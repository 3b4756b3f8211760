"""Groups of possible duplicates the user marked "not duplicates", kept beside the account list
(``dismissed-duplicates.json``, changed under a lock every process shares), so a scan leaves
them out next time. A group is named by its reason, key and members (account/contact ids): a
group that gains a member is shown again."""

from __future__ import annotations

from pathlib import Path

from contact_desk.json_store import JsonStore

MAX_KEPT = 5000  # the oldest marks go first


class DismissedGroups:
    def __init__(self, folder: Path | None) -> None:
        self.store = JsonStore(folder / "dismissed-duplicates.json" if folder is not None else None, [])

    def all(self) -> set[str]:
        return {str(k) for k in self.store.read_or_empty()}  # unreadable: the groups are shown again

    def add(self, key: str) -> bool:
        """False when it could not be remembered (said by the caller)."""
        def mark(kept: list[str]) -> None:
            if key not in kept:
                kept.append(key)
            del kept[:-MAX_KEPT]

        return self.store.update(mark)
