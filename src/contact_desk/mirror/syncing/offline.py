"""The offline policy, Qt-free: which source the table reads (the copy or the server), when a
full sync is due, and the online/offline state. The window's controller (ui/offline/) runs the
timers and the tasks; every decision is made here, and unit-tested without a window."""

from __future__ import annotations

from dataclasses import dataclass

from contact_desk.api import Query, errors
from contact_desk.mirror.local_copy import CopyStatus

DEFAULT_INTERVAL_MIN = 15  # minutes between full syncs
MAX_INTERVAL_MIN = 24 * 60


def interval_minutes(value: object) -> int:
    """The remembered interval between full syncs, within 1 minute .. 1 day (else the default)."""
    minutes = value if isinstance(value, int) and not isinstance(value, bool) else DEFAULT_INTERVAL_MIN
    return max(1, min(minutes, MAX_INTERVAL_MIN))


def sync_due(status: CopyStatus | None, interval_min: int, now: float) -> bool:
    """A full sync (rather than a top-up): the copy was never completed (or its search index,
    when a first sync stopped while building it), never synced, or its last sync is older than
    the interval."""
    return status is None or not status.complete or not status.search_complete or \
        status.synced_at is None or now - status.synced_at >= interval_min * 60


def can_sort(status: CopyStatus | None) -> bool:
    """Sorting by any column needs every contact: a complete copy (neither API sorts)."""
    return status is not None and status.complete


def reads_copy(status: CopyStatus | None, *, offline: bool, server_searches: bool, query: Query,
               sort: tuple[str, bool] | None) -> bool:
    """Whether the table reads the copy (else the server), given what the copy holds:
    a sort needs a complete copy, and so do filters on any field (offline, what it holds);
    offline, any contacts it holds are better than none; a search
    goes to the server when the server can search, else to the copy however far it is synced;
    the plain list reads a complete copy (instant, and the same order as the server's)."""
    if status is None:
        return False
    if sort is not None:
        return status.complete
    if query.where:  # only the copy filters by any field
        return status.complete or (offline and status.contacts > 0)
    if offline:
        return status.contacts > 0
    if query.search:
        return not server_searches
    return status.complete


@dataclass
class Connectivity:
    """Online or offline. Offline only when a request could not reach the server and there is a
    copy with contacts to show instead; online again as soon as any request reaches the server,
    even one it answers with an error. Each method returns whether the state changed."""

    offline: bool = False

    def not_reached(self, copy_contacts: int) -> bool:
        """A request could not reach the server."""
        if self.offline or copy_contacts <= 0:
            return False
        self.offline = True
        return True

    def reached(self) -> bool:
        """A request reached the server."""
        if not self.offline:
            return False
        self.offline = False
        return True

    def probed(self, failure: BaseException | None, copy_contacts: int) -> bool:
        """The answer to a probe while offline: ``failure`` None (it answered), else its error."""
        if failure is None or not errors.unreachable(failure):
            return self.reached()
        return self.not_reached(copy_contacts)

    def reset(self) -> bool:
        """Another account is shown: online until its server says otherwise."""
        return self.reached()
