"""View → Share view… and Import view…: a saved view handed round as a file (``.cdview``,
accounts/view_files.py), so a team lead gives everyone the same "Leads to call this week". Sharing
writes the view the list shows (asking a name when the list is not a saved view); importing saves
it in the account shown and applies it, saying what the account's dialect lacks and was left out."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMainWindow

from contact_desk.accounts import AccountError, View, ViewError
from contact_desk.accounts.view_files import SUFFIX, fit, read_view, write_view
from contact_desk.api.schema import SCHEMAS
from contact_desk.files import FileProblem
from contact_desk.models.format import field_label
from contact_desk.ui.context import Services
from contact_desk.ui.host import Navigator


class Views(Protocol):
    """What sharing asks of the saved views' side of the window (SidebarControl)."""

    services: Services
    navigator: Navigator
    main: QMainWindow
    said: SignalInstance

    def applied_view(self) -> View | None: ...

    def current_view(self, name: str) -> View | None: ...

    def apply_view(self, account_id: str, name: str) -> None: ...

    def changed(self) -> None: ...


def _labels(dialect: str, names: list[str]) -> str:
    """API field names as the form labels them, in the view's own dialect ("Stage, Tags")."""
    schema = SCHEMAS.get(dialect)
    fields = {f.name: f for f in schema.fields} if schema is not None else {}
    return ", ".join(field_label(fields[n]) if n in fields else n for n in names)


class ViewSharing(QObject):
    def __init__(self, side: Views, parent: QObject) -> None:
        super().__init__(parent)
        self.side = side
        self.share_action = QAction(self.tr("S&hare view…"), side.main)
        self.share_action.setStatusTip(self.tr("Write this list's view to a file, for a colleague to import"))
        self.share_action.triggered.connect(self.ask_share)
        self.import_action = QAction(self.tr("&Import view…"), side.main)
        self.import_action.setStatusTip(self.tr("Save a view a colleague shared in this account and show it"))
        self.import_action.triggered.connect(self.ask_import)
        self.dialog: QFileDialog | QInputDialog | None = None

    def _file_dialog(self, title: str, saving: bool) -> QFileDialog:
        dialog = QFileDialog(self.side.main, title, "", self.tr("Contact Desk views (*{suffix})").format(
            suffix=SUFFIX))
        if saving:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix(SUFFIX.lstrip("."))
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.dialog = dialog
        return dialog

    # -- sharing -------------------------------------------------------------------------------
    def ask_share(self) -> None:
        account = self.side.navigator.account
        if account is None:
            return
        applied = self.side.applied_view()
        if applied is not None:
            self._ask_file(applied)
            return
        ask = QInputDialog(self.side.main)
        ask.setWindowTitle(self.tr("Share view"))
        ask.setLabelText(self.tr("A name for this list's view (search, filters, sort, columns):"))
        ask.setTextEchoMode(QLineEdit.EchoMode.Normal)
        ask.textValueSelected.connect(lambda name: self._ask_file(self.side.current_view(name)))
        self.dialog = ask
        ask.open()

    def _ask_file(self, view: View | None) -> None:
        if view is None:
            return
        dialog = self._file_dialog(self.tr("Share the view “{name}”").format(name=view.name), saving=True)
        dialog.selectFile(view.name.replace("/", "-") + SUFFIX)
        dialog.fileSelected.connect(lambda path: self.share_to(Path(path), view))
        dialog.open()

    def share_to(self, path: Path, view: View) -> bool:
        account = self.side.navigator.account
        if account is None:
            return False
        try:
            write_view(path, view, account.dialect)
        except FileProblem as exc:
            self.side.said.emit(str(exc), 10_000)
            return False
        self.side.said.emit(self.tr("The view “{name}” is in {file}: a colleague opens it with View → Import "
                                    "view…").format(name=view.name, file=path.name), 8000)
        return True

    # -- importing -----------------------------------------------------------------------------
    def ask_import(self) -> None:
        dialog = self._file_dialog(self.tr("Import a view"), saving=False)
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.open()

    def import_from(self, path: Path) -> View | None:
        """The view in ``path`` saved in the account shown (as far as its dialect can show it) and
        applied; None, said, when it cannot be."""
        account = self.side.navigator.account
        if account is None:
            return None
        try:
            view, dialect = read_view(path)
            fitted = fit(view, SCHEMAS[account.dialect])
            saved = self.side.services.accounts.views().add(account.id, fitted.view)  # never over one
        except (ViewError, AccountError) as exc:
            self.side.said.emit(str(exc), 10_000)
            return None
        said = self.tr("Imported the view “{name}”.").format(name=saved.name)
        if fitted.left_out:
            said += " " + QCoreApplication.translate(
                "ViewSharing", "Left out, as this account does not have them: {fields}.").format(
                fields=_labels(dialect, fitted.left_out))
        self.side.changed()
        self.side.apply_view(account.id, saved.name)
        self.side.said.emit(said, 12_000)
        return saved
