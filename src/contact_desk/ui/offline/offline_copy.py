"""The window's side of the offline copy: which account's copy is open, when it syncs,
whether the server answers, and where the table should read from.

One ``OfflineCopy`` per window. Opening an account opens its copy (when the account
keeps one), brings the newest contacts in (a top-up), and runs a full sync when the
copy is incomplete or older than the interval; then again at that interval and on
"Sync now". A server that cannot be reached turns the window offline: the table
reads the copy, and a probe every few seconds brings it back online by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from contact_desk.accounts import Account
from contact_desk.accounts.copy_choices import CopyChoices
from contact_desk.api import Dialect, Query, errors
from contact_desk.api.models import Contact
from contact_desk.mirror import (
    CopyBusy,
    CopyClosed,
    CopyDamaged,
    CopyNotWritten,
    CopyStatus,
    LocalCopy,
    SyncBusy,
    SyncProgress,
    Yielding,
    forget,
    full_sync,
    top_up,
)
from contact_desk.mirror.syncing.offline import (
    DEFAULT_INTERVAL_MIN,
    Connectivity,
    can_sort,
    interval_minutes,
    reads_copy,
    sync_due,
)
from contact_desk.tasks import Tasks

log = logging.getLogger("contact_desk.ui")

PROBE_MS = 10_000  # while offline: how often the server is asked again
WAITING_PROBE_MS = 1_500  # ... while changes wait in the outbox: sent within about 2 s of its return
SYNC_DELAY_MS = 300  # after opening a copy: its first rows paint, then the top-up starts
TYPING_HOLD_S = 0.4  # after a key in the search box, a running sync asks for no new page this long


class OfflineCopy(QObject):
    progress = Signal(object)  # SyncProgress while a sync runs; None when it ends
    statusChanged = Signal()  # the copy's size, completeness or freshness changed
    offlineChanged = Signal(bool)
    contentChanged = Signal()  # contacts in the copy changed (a table reading it reloads)
    problem = Signal(str)  # something to tell the user, already in words

    def __init__(self, choices: Callable[[], CopyChoices], tasks: Tasks, folder: Path | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = choices  # the account list's (the demo swaps it): read at each use
        self.tasks = tasks
        self.folder = folder  # None: offline copies are off (tests, or no data folder)
        self.account: Account | None = None
        self.dialect: Dialect | None = None
        self.copy: LocalCopy | None = None
        self.status: CopyStatus | None = None
        self.connectivity = Connectivity()
        self.yielding = Yielding()  # held while a search is typed: the sync lets it go first
        self.syncing: SyncProgress | None = None
        self._sync_task: asyncio.Task[None] | None = None
        self._closing: asyncio.Future[None] | None = None  # the quit under way
        self._open_task: asyncio.Task[None] | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        self._probe = QTimer(self)
        self._probe.setInterval(PROBE_MS)
        self._probing = False
        self._probe.timeout.connect(self._probe_server)

    @property
    def offline(self) -> bool:
        return self.connectivity.offline

    # -- settings -------------------------------------------------------------
    def keeps(self, account_id: str) -> bool:
        return self.folder is not None and self.choices().keeps(account_id)

    def set_keeps(self, account_id: str, keep: bool) -> None:
        if not self.choices().set_keeps(account_id, keep):
            self.problem.emit(self.tr("The choice could not be remembered: the settings folder cannot be "
                                      "written."))

    def interval_min(self) -> int:
        return interval_minutes(self.choices().interval_minutes() or DEFAULT_INTERVAL_MIN)

    def set_interval(self, minutes: int) -> None:
        if not self.choices().set_interval(minutes):
            self.problem.emit(self.tr("The choice could not be remembered: the settings folder cannot be "
                                      "written."))
        if self.copy is not None:
            self._schedule()

    # -- the open account -------------------------------------------------------
    def open(self, account: Account | None, dialect: Dialect | None, ready: Callable[[], None]) -> None:
        """Shows ``account``'s copy (closing the previous one); ``ready`` runs once it is
        open (or known to be absent), before any network work."""
        self._cancel()
        self.account, self.dialect = account, dialect
        if dialect is not None:
            dialect.endpoint.reachability = lambda reached: self._heard(dialect, reached)
        self.status = None
        self._went(self.connectivity.reset())
        old, self.copy = self.copy, None
        self._open_task = self.tasks.spawn(self._open(old, account, dialect, ready), name="copy-open")

    async def _open(self, old: LocalCopy | None, account: Account | None, dialect: Dialect | None,
                    ready: Callable[[], None]) -> None:
        if old is not None:
            await old.close()
        if account is None or dialect is None or self.folder is None or not self.keeps(account.id):
            ready()
            self.statusChanged.emit()
            return
        try:
            copy = await LocalCopy.open(account.id, dialect.name, self.folder)
        except (CopyBusy, CopyDamaged, OSError, ValueError) as exc:
            log.warning("the offline copy of %s cannot be opened: %s", account.name, exc)
            self.problem.emit(self.tr("The offline copy cannot be opened ({reason}); the list comes "
                                      "from the server.").format(reason=exc))
            ready()
            return
        if account is not self.account:
            await copy.close()
            return
        self.copy = copy
        if copy.notice == "damaged":
            self.problem.emit(self.tr("The offline copy was damaged: it was set aside and is being "
                                      "built again."))
        self.status = await copy.status()
        ready()
        self.statusChanged.emit()
        self._schedule()
        # The network work starts once the copy's first rows had their moment: measured, starting
        # it at once (a server that is down retries its connects) delays them by some 50 ms.
        QTimer.singleShot(SYNC_DELAY_MS, lambda: self._sync_if_open(copy))

    def _sync_if_open(self, copy: LocalCopy) -> None:
        if self.copy is copy and self.syncing is None:
            self._start_sync(full=self._due())

    def _due(self) -> bool:
        return sync_due(self.status, self.interval_min(), time.time())

    def _schedule(self) -> None:
        self._timer.start(self.interval_min() * 60 * 1000)

    async def aclose(self) -> None:
        """On quit: stops syncing (what was synced is kept, with the walk's place) and closes the
        copy. Called twice (the window's close, then the app's end), the second waits for the first."""
        if self._closing is None:
            self._closing = asyncio.ensure_future(self._aclose())
        await asyncio.shield(self._closing)

    async def _aclose(self) -> None:
        sync = self._sync_task
        self._cancel()
        self._timer.stop()
        self._probe.stop()
        if sync is not None:
            await asyncio.gather(sync, return_exceptions=True)
        copy, self.copy = self.copy, None
        if copy is not None:
            await copy.close()

    def damaged(self) -> None:
        """Reading the copy failed: set it aside and build it again."""
        copy = self.copy
        if copy is None:
            return
        self._cancel()

        async def rebuild() -> None:
            try:
                await copy.reset()
            except CopyClosed:
                return
            except (CopyDamaged, CopyBusy, OSError) as exc:
                self.problem.emit(self.tr("The offline copy cannot be used: {reason}").format(reason=exc))
                self.copy, self.status = None, None
                self.contentChanged.emit()
                return
            self.problem.emit(self.tr("The offline copy was damaged: it was set aside and is being "
                                      "built again."))
            await self._refresh_status(copy, 1)
            self._start_sync(full=True)

        self.tasks.spawn(rebuild(), name="copy-rebuild")

    def _cancel(self) -> None:
        for task in (self._sync_task, self._open_task):
            if task is not None and not task.done():
                task.cancel()
        self._sync_task = None
        if self.syncing is not None:
            self.syncing = None
            self.progress.emit(None)

    # -- syncing ----------------------------------------------------------------
    def user_typing(self) -> None:
        """A key in the search box: a running sync asks for no new page for a moment."""
        self.yielding.hold(TYPING_HOLD_S)

    def sync_now(self) -> None:
        if self.copy is not None and self.dialect is not None and self.syncing is None:
            self._start_sync(full=True)

    def _start_sync(self, full: bool) -> None:
        copy, dialect = self.copy, self.dialect
        if copy is None or dialect is None:
            return
        self.syncing = SyncProgress(full=full)
        self.progress.emit(self.syncing)
        self._sync_task = self.tasks.spawn(self._sync(copy, dialect, full), name="copy-sync")

    async def _sync(self, copy: LocalCopy, dialect: Dialect, full: bool) -> None:
        rows_in = False

        def report(p: SyncProgress) -> None:
            nonlocal rows_in
            if copy is self.copy:
                self.syncing = p
                if p.searchable is not None and not rows_in:  # every row is in: the table may read the
                    rows_in = True  # copy while its search index is completed
                    self.tasks.spawn(self._refresh_status(copy, 1), name="copy-status")
                self.progress.emit(p)

        changed = 0
        try:
            result = await top_up(dialect, copy, report=report)
            changed += result.changed
            self._went(self.connectivity.reached())
            if full or result.more:
                if changed:
                    await self._refresh_status(copy, changed)
                    changed = 0
                result = await full_sync(dialect, copy, report=report, yielding=self.yielding)
                changed += result.changed + result.removed
        except asyncio.CancelledError:
            raise
        except (SyncBusy, CopyClosed):
            pass  # another Contact Desk syncs this copy / the copy was closed (quit, switch): kept as is
        except CopyDamaged:
            if copy is not self.copy or copy.closed:
                return  # not ours to rebuild any more
            await copy.reset()
            changed += 1
            self.problem.emit(self.tr("The offline copy was damaged: it was set aside and is being "
                                      "built again."))
        except CopyNotWritten as exc:  # a full disk: what was saved before is kept
            self.problem.emit(self.tr("The offline copy could not be saved: the disk holding {folder} "
                                      "is full or failing. What was saved before is kept; the next "
                                      "sync goes on from there.").format(folder=copy.path.parent))
            log.warning("sync of the offline copy stopped: %s", exc)
        except (errors.ApiError, CopyBusy) as exc:
            if isinstance(exc, errors.ApiError) and errors.unreachable(exc):
                self.server_unreachable()
            else:
                log.warning("sync of the offline copy stopped: %s", exc)
        finally:
            if copy is self.copy:
                self.syncing = None
                self.progress.emit(None)
        await self._refresh_status(copy, changed)
        with contextlib.suppress(CopyDamaged, CopyBusy, CopyClosed, CopyNotWritten):
            if copy is self.copy:  # a first sync's counts and keys: now
                await copy.ensure_derived()

    async def _refresh_status(self, copy: LocalCopy, changed: int) -> None:
        if copy is not self.copy:
            return
        was_complete = self.status is not None and self.status.complete
        with contextlib.suppress(CopyDamaged, CopyBusy, CopyClosed):
            self.status = await copy.status()
        self.statusChanged.emit()
        if changed or (self.status is not None and self.status.complete != was_complete):
            self.contentChanged.emit()  # also when it became complete: the table may read it now

    def saved(self, contact: Contact) -> None:
        """A contact this window created or saved: into the copy at once."""
        copy = self.copy
        if copy is None:
            return

        async def put() -> None:
            try:
                await copy.put([contact])
            except (CopyDamaged, CopyBusy, CopyClosed, CopyNotWritten) as exc:
                # The server has the contact; the copy catches up at its next sync.
                log.warning("a saved contact is not in the offline copy yet: %s", exc)
                return
            await self._refresh_status(copy, 1)

        self.tasks.spawn(put(), name="copy-put")

    # -- online / offline ---------------------------------------------------------
    def _heard(self, dialect: Dialect, reached: bool) -> None:
        """Any request of this account's (a page, a save, a sync, the probe) that reached the
        server or could not: the window is online or offline at once."""
        if dialect is not self.dialect:
            return
        if reached:
            self.server_reached()
        else:
            self.server_unreachable()

    def refresh(self) -> None:
        """F5: a list read from the copy asks the server too (a top-up), so that a server gone
        away is noticed; offline, the server is asked again at once."""
        if self.offline:
            self.probe_now()
        elif self.copy is not None and self.syncing is None:
            self._start_sync(full=False)

    def server_unreachable(self) -> bool:
        """The table could not reach the server: offline when there is a copy to show."""
        contacts = self.status.contacts if self.copy is not None and self.status else 0
        self._went(self.connectivity.not_reached(contacts))
        return self.offline

    def server_reached(self) -> None:
        """A request reached the server: online."""
        self._went(self.connectivity.reached())

    def _went(self, changed: bool) -> None:
        """Online or offline changed: the probe runs while offline, and the window is told."""
        if not changed:
            return
        if self.offline:
            self._probe.start()
        else:
            self._probe.stop()
        self.offlineChanged.emit(self.offline)

    def probe_now(self) -> None:
        self._probe_server()

    def _probe_server(self) -> None:
        dialect = self.dialect
        if dialect is None or not self.offline:
            self._probe.stop()
            return
        if self._probing:  # one probe at a time (a slow network's connect timeout is longer than the beat)
            return
        self._probing = True

        async def probe() -> None:
            try:
                await dialect.list_page(Query(), None, 1)
            except errors.ApiError as exc:
                if dialect is self.dialect:
                    self._went(self.connectivity.probed(exc, self.status.contacts if self.status else 0))
                return
            if dialect is self.dialect:
                self._went(self.connectivity.probed(None, 0))
                if self.copy is not None and self.syncing is None:
                    self._start_sync(full=self._due())

        async def guarded() -> None:
            try:
                await probe()
            finally:
                self._probing = False

        self.tasks.spawn(guarded(), name="copy-probe")

    def probe_faster(self, waiting: bool) -> None:
        """Changes wait in the outbox: while offline, the server is asked every 1.5 s, not 10 s."""
        self._probe.setInterval(WAITING_PROBE_MS if waiting else PROBE_MS)

    # -- where the table reads from ---------------------------------------------------
    def source_for(self, query: Query, sort: tuple[str, bool] | None) -> LocalCopy | None:
        """The copy when the table should read it, else None (the server)."""
        copy, dialect = self.copy, self.dialect
        if copy is None or dialect is None:
            return None
        read = reads_copy(self.status, offline=self.offline, server_searches=dialect.schema.search,
                          query=query, sort=sort)
        return copy if read else None

    def can_sort(self) -> bool:
        return self.copy is not None and can_sort(self.status)

    # -- forgetting ----------------------------------------------------------------
    def forget(self, account_id: str) -> None:
        """Deletes an account's copy (closing it first when it is the open one)."""
        folder = self.folder
        if folder is None:
            return
        copy = self.copy if self.account is not None and self.account.id == account_id else None
        if copy is not None:
            self._cancel()
            self.copy, self.status = None, None

        async def delete() -> None:
            if copy is not None:
                await copy.close()
            try:
                forget(account_id, folder)
            except OSError as exc:
                self.problem.emit(self.tr("The offline copy could not be deleted: {reason}").format(
                    reason=exc.strerror or exc))
            self.statusChanged.emit()
            self.contentChanged.emit()

        self.tasks.spawn(delete(), name="copy-forget")
