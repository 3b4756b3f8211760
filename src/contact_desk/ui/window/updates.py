"""Help → Tell me about new versions: at most once a day the release feed is read (api/releases.py)
and a newer version is said in the banner with a link to its download page; never an install,
nothing of the user's sent. Off by this setting, by CONTACT_DESK_NO_UPDATE_CHECK, or by the
machine's policy; a failure is a log line only."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import httpx
from PySide6.QtCore import QObject, QSettings, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QWidget

from contact_desk import __version__
from contact_desk.api import releases
from contact_desk.api.releases import Release

log = logging.getLogger(__name__)
CHECK, FEED, LAST = "updates/check", "updates/feed", "updates/last"


class UpdateCheck(QObject):
    def __init__(self, settings: QSettings, http: httpx.AsyncClient, menu: QMenu,
                 say: Callable[[str, Callable[[], None], str], None], parent: QWidget) -> None:
        """``say(text, action, label)``: the banner, with a button that runs ``action``."""
        super().__init__(parent)
        self.settings, self.http, self.say = settings, http, say
        self.action = QAction(self.tr("Tell me about &new versions"), parent)
        self.action.setCheckable(True)
        self.action.setChecked(self._setting())
        self.action.setStatusTip(self.tr("Once a day, see whether a newer Contact Desk is out (nothing is "
                                         "installed, nothing of yours is sent)"))
        self.action.toggled.connect(lambda on: self.settings.setValue(CHECK, on))
        menu.addAction(self.action)
        self.found: Release | None = None
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl

    def _download(self, found: Release) -> None:
        self.open_url(QUrl(found.url))

    def _setting(self) -> bool:
        return str(self.settings.value(CHECK, True)).lower() not in ("false", "0")

    async def run(self, now: float | None = None) -> Release | None:
        """Reads the feed if due and allowed; the newer release said, or None."""
        off = releases.switched_off(self._setting())
        if off:
            log.info("update check: off (%s)", off)
            return None
        moment = time.time() if now is None else now
        try:
            last = float(str(self.settings.value(LAST, 0) or 0)) or None
        except (TypeError, ValueError):
            last = None
        if not releases.due(last, moment):
            return None
        self.settings.setValue(LAST, moment)  # tried: not again today, answered or not
        feed = str(self.settings.value(FEED, releases.DEFAULT_FEED) or releases.DEFAULT_FEED)
        found = await releases.latest(self.http, feed)
        if found is None or not releases.is_newer(found.version, __version__):
            return None
        self.found = found
        text = self.tr("Contact Desk {new} is available (this one is {current}).").format(
            new=found.version, current=__version__)
        self.say(text, lambda: self._download(found), self.tr("Download page"))
        return found
