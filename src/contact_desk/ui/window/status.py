"""The window's status: the rows count and the busy bar in the status bar, and the banner that
says what failed, once, with Retry when there is something to try again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from contact_desk.ui.contacts.contact_view import ContactTableView
from contact_desk.ui.widgets.error_banner import ErrorBanner


class StatusLine(QObject):
    def __init__(self, status: QStatusBar, banner: ErrorBanner, table: ContactTableView) -> None:
        super().__init__(status)
        self.banner, self.table = banner, table
        self.rows_label = QLabel(status)
        self.rows_label.setObjectName("rows-label")
        self.busy = QProgressBar(status)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Loading"))
        self.busy.hide()
        status.addWidget(self.rows_label)
        status.addWidget(self.busy)
        self._retry: Callable[[], None] | None = None
        self.has_account = False
        banner.retry.connect(self._retry_clicked)

    def fail(self, text: str, retry: Callable[[], None] | None, action: str | None = None) -> None:
        """Says it once, in the banner (the status bar would only repeat it, truncated);
        ``action`` names the button when it is not Retry."""
        self._retry = retry
        self.banner.show_error(text, can_retry=retry is not None, action=action)

    def loading(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.update()

    def update(self) -> None:
        self.rows_label.setText(self.table.refresh_status(self.has_account))

    def _retry_clicked(self) -> None:
        self.banner.hide()
        if self._retry is not None:
            self._retry()
