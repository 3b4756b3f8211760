"""What the main window remembers: between runs (size, position, splitter, last
account, columns per dialect, which keys proved read-only) in QSettings, and
between account switches (each account's filters) for the session."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from contact_desk.accounts.copy_choices import CopyChoices
from contact_desk.api import Query
from contact_desk.ui.contacts.place import Place
from contact_desk.ui.widgets.appearance import Appearance
from contact_desk.ui.widgets.screen_fit import fit_on_screen

DEFAULT_SIZE = (1280, 760)
SCREEN_SHARE = 0.9  # a first window never covers more than this of the screen


class WindowState:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings
        self._queries: dict[str, Query] = {}
        self._places: dict[str, Place] = {}

    # -- appearance -----------------------------------------------------------------
    @property
    def appearance(self) -> Appearance:
        return Appearance.of(self.settings.value("window/appearance"))

    @appearance.setter
    def appearance(self, value: Appearance) -> None:
        self.settings.setValue("window/appearance", value.value)

    # -- file dialogs ---------------------------------------------------------------
    def folder_for(self, kind: str) -> Path:
        """The folder a file of this kind was last chosen in, while it exists; else home."""
        value = self.settings.value(f"folders/{kind}")
        folder = Path(value) if isinstance(value, str) and value else None
        return folder if folder is not None and folder.is_dir() else Path.home()

    def remember_folder(self, kind: str, chosen: Path) -> None:
        self.settings.setValue(f"folders/{kind}", str(chosen.parent))

    # -- window geometry -----------------------------------------------------------
    def restore_window(self, window: QMainWindow, splitter: QSplitter) -> None:
        """The last size, position and splitter; else a size that fits the screen."""
        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
            fit_on_screen(window, *DEFAULT_SIZE, share=SCREEN_SHARE)
        split = self.settings.value("window/splitter")
        if isinstance(split, QByteArray):
            splitter.restoreState(split)

    def save_window(self, window: QMainWindow, splitter: QSplitter) -> None:
        self.settings.setValue("window/geometry", window.saveGeometry())
        self.settings.setValue("window/splitter", splitter.saveState())

    # -- accounts --------------------------------------------------------------------
    @property
    def last_account(self) -> str | None:
        value = self.settings.value("window/lastAccount")
        return value if isinstance(value, str) and value else None

    @last_account.setter
    def last_account(self, account_id: str | None) -> None:
        self.settings.setValue("window/lastAccount", account_id or "")

    def read_only(self) -> set[str]:
        value = self.settings.value("accounts/readOnly")
        if isinstance(value, str):
            return {value} if value else set()
        return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()

    def set_read_only(self, account_id: str, read_only: bool) -> None:
        ids = self.read_only()
        (ids.add if read_only else ids.discard)(account_id)
        self.settings.setValue("accounts/readOnly", sorted(ids))

    def sidebar(self, default_width: int) -> tuple[bool, int]:
        """Whether the sidebar is shown, and its width, as the user left them."""
        shown = self.settings.value("sidebar/visible", True, type=bool)
        width = self.settings.value("sidebar/width", default_width, type=int)
        return bool(shown), width if isinstance(width, int) else default_width

    def remember_sidebar(self, shown: bool, width: int | None) -> None:
        self.settings.setValue("sidebar/visible", shown)
        if width is not None:
            self.settings.setValue("sidebar/width", width)

    def hand_over_copy_choices(self, choices: CopyChoices) -> None:
        """The offline copy's choices that older versions kept here move to the store the command
        line reads too (accounts/copy_choices.py), once."""
        keys = [k for k in self.settings.allKeys() if k.startswith("copies/")]
        for key in keys:
            value = self.settings.value(key)
            if key == "copies/intervalMinutes" and str(value).isdigit():
                choices.set_interval(int(str(value)))
            elif key.endswith("/keep") and str(value).lower() in ("false", "0"):
                choices.set_keeps(key.split("/")[1], False)
            self.settings.remove(key)

    def query_for(self, account_id: str) -> Query | None:
        """The filters last used on this account in this session."""
        return self._queries.get(account_id)

    def remember_query(self, account_id: str, query: Query, place: Place | None = None) -> None:
        """The account's filters, and where the user was in its list (for this session)."""
        self._queries[account_id] = query
        if place is not None:
            self._places[account_id] = place

    def place_for(self, account_id: str) -> Place | None:
        return self._places.get(account_id)

    # -- columns per dialect ---------------------------------------------------------
    def header(self, dialect: str) -> QByteArray | None:
        state = self.settings.value(f"table/{dialect}/header")
        return state if isinstance(state, QByteArray) else None

    def save_header(self, dialect: str, state: QByteArray) -> None:
        self.settings.setValue(f"table/{dialect}/header", state)

    def forget_header(self, dialect: str) -> None:
        self.settings.remove(f"table/{dialect}/header")
