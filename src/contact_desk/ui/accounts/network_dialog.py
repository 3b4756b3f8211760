"""File → Network settings…: how Contact Desk reaches the servers. The system's proxy settings
(default), one proxy given by hand (its password kept in the OS keyring only), or direct. Saved
beside the account list (the command line reads the same choice); applied at once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.accounts import KeyringProblem, KeyStore
from contact_desk.accounts.network_choice import Network, NetworkChoice, NetworkProblem
from contact_desk.api.network import DIRECT, MANUAL, SYSTEM, shown
from contact_desk.ui.widgets.messages import describe
from contact_desk.ui.widgets.palette import error_css


class NetworkDialog(QDialog):
    routeChanged = Signal(object)  # the Route requests take from now on

    def __init__(self, choice: NetworkChoice, keys: KeyStore, system_now: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NetworkDialog")
        self.setWindowTitle(self.tr("Network settings"))
        self.setMinimumWidth(460)
        self.choice, self.keys = choice, keys
        saved = choice.read()
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("How Contact Desk reaches the servers. Addresses of this computer (the demo) "
                               "are always reached directly."), self)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.modes = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        now = self.tr("direct") if system_now == "direct" else system_now
        for mode, text in ((SYSTEM, self.tr("Use the &system's proxy settings (now: {now})").format(now=now)),
                           (MANUAL, self.tr("Use &this proxy:")),
                           (DIRECT, self.tr("Connect &directly, with no proxy"))):
            button = self.buttons[mode] = QRadioButton(text, self)
            button.setObjectName(f"network-{mode}")
            self.modes.addButton(button)
            outer.addWidget(button)
            if mode == MANUAL:
                outer.addWidget(self._manual_fields(saved))
        self.buttons[saved.mode].setChecked(True)
        self.error = QLabel(self)
        self.error.setObjectName("network-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_css())
        self.error.hide()
        outer.addWidget(self.error)
        buttons = QDialogButtonBox.StandardButton
        box = QDialogButtonBox(buttons.Save | buttons.Cancel, self)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        outer.addWidget(box)
        self.modes.buttonToggled.connect(lambda *_: self._enable())
        self._enable()

    def _manual_fields(self, saved: Network) -> QWidget:
        fields = QWidget(self)
        form = QFormLayout(fields)
        form.setContentsMargins(24, 0, 0, 0)
        self.address = QLineEdit(saved.proxy, fields)
        self.address.setObjectName("network-address")
        self.address.setPlaceholderText("http://proxy.example.com:8080")
        self.user = QLineEdit(saved.user, fields)
        self.user.setObjectName("network-user")
        self.user.setPlaceholderText(self.tr("only if the proxy asks for one"))
        self.password = QLineEdit(fields)
        self.password.setObjectName("network-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the system keyring") if saved.user else "")
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        for label, field in ((self.tr("Address"), self.address), (self.tr("User name"), self.user),
                             (self.tr("Password"), self.password)):
            field.setAccessibleName(label)
        return fields

    def _enable(self) -> None:
        manual = self.buttons[MANUAL].isChecked()
        for field in (self.address, self.user, self.password):
            field.setEnabled(manual)

    def mode(self) -> str:
        return next(m for m, b in self.buttons.items() if b.isChecked())

    def save(self) -> bool:
        """Saves and applies the choice; False, said inline with what to change, when it cannot
        be (nothing typed is lost)."""
        network = Network(self.mode(), self.address.text().strip(), self.user.text().strip())
        password = self.password.text() or None
        try:
            self.choice.save(network, password if network.user else None, self.keys)
            route = self.choice.route(self.keys)
        except NetworkProblem as exc:
            self._say(exc.render(QCoreApplication.translate), self.address)
            return False
        except KeyringProblem as exc:
            self._say(describe(exc), self.password)
            return False
        self.routeChanged.emit(route)
        self.accept()
        return True

    def _say(self, text: str, field: QWidget) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()  # room for the message: the fields keep their height
        field.setFocus(Qt.FocusReason.OtherFocusReason)


def system_proxy_now() -> str:
    """What the system's settings name for an https server, as shown (never a password)."""
    import httpx

    from contact_desk.api.network import proxy_for

    return shown(proxy_for(httpx.URL("https://contacts.example.com/")))
