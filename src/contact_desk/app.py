"""Composition root: QApplication, the qasync event loop, one AsyncClient, the window."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")  # qasync reads it on import

import qasync
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from contact_desk import APP_NAME, __version__
from contact_desk.accounts import (
    AccountError,
    AccountStore,
    KeyringProblem,
    KeyStore,
    MemoryKeyStore,
    config_dir,
)
from contact_desk.api import make_http_client
from contact_desk.api.network import Route
from contact_desk.api.system_proxy import SystemProxies, resolves_scripts
from contact_desk.api.transport import make_transport
from contact_desk.i18n import apply_locale, install_translators, pick_language
from contact_desk.mirror import copies_dir
from contact_desk.resources import resource
from contact_desk.tasks import Tasks
from contact_desk.ui.context import Services
from contact_desk.ui.system_proxy import ask_qt
from contact_desk.ui.widgets.focus_style import add_focus_rings
from contact_desk.ui.window.main_window import MainWindow
from contact_desk.ui.window.opening import FileOpening
from contact_desk.ui.window.single_instance import SingleInstance, come_forward, start_or_hand_over
from contact_desk.ui.window.updates import UpdateCheck

DESKTOP_ID = "app.contactdesk.ContactDesk"  # packaging/linux: the desktop entry's and AppStream's id


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Contact Desk")
    app.setDesktopFileName(DESKTOP_ID)  # Wayland matches the window to its desktop entry and icon
    app.setWindowIcon(QIcon(str(resource("icons", "contact-desk.svg"))))
    app.setQuitOnLastWindowClosed(False)  # the window's closed signal ends the coroutine instead
    add_focus_rings(app)
    return app


def settings_for(self_test: bool) -> QSettings:
    folder = Path(tempfile.mkdtemp(prefix="contact-desk-selftest-")) if self_test else config_dir()
    return QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)


def saved_route(accounts: AccountStore, keys: KeyStore, self_test: bool) -> Route:
    """The network choice saved beside the accounts (the self-test: the system's); a keyring that
    cannot give the proxy's password leaves it out (the proxy's 407 then says so)."""
    if self_test:
        return Route()
    try:
        return accounts.network_choice().route(keys)
    except KeyringProblem:
        return accounts.network_choice().route(MemoryKeyStore())


STARTUP_PROBE = "CONTACT_DESK_STARTUP_PROBE"  # bench/startup.py sets it: say when rows first show, quit


def _probe_first_rows(window: MainWindow) -> None:
    """Prints "first-rows" the moment the table first paints a loaded row, and closes the window."""
    from contact_desk.ui.window.selftest import FirstRowsPainted

    painted = FirstRowsPainted(window)

    def say() -> None:
        print("first-rows", flush=True)
        QTimer.singleShot(0, window.close)

    painted.firstPainted.connect(say)
    window.table.viewport().installEventFilter(painted)


def _demo_size(args: argparse.Namespace) -> int:
    """The demo's contacts (the sandbox, uvicorn and starlette loaded only for a demo)."""
    from contact_desk.sandbox import DEFAULT_CONTACTS

    return int(args.contacts or DEFAULT_CONTACTS)


def file_opening(window: MainWindow) -> FileOpening:
    """A file opened with Contact Desk, into the Import dialog of the account the user picks."""
    return FileOpening(window.services.accounts.all, window.browse, window.browse.accountShown,
                       window.account_switcher.accountsChanged, window.transfers.import_contacts,
                       lambda text: window.host.say(text, 20_000), window)


def follow_hand_overs(one: SingleInstance, window: MainWindow, opening: FileOpening) -> None:
    """A second start's file opens here, in Import; without a file this window only comes forward."""
    def forward(path: Path | None) -> None:
        come_forward(window)
        if path is not None:
            opening.open(path)
    one.opened.connect(forward)


def update_check(window: MainWindow) -> UpdateCheck:
    """Help → Tell me about new versions, and the check itself (UpdateCheck.run)."""
    http = window.services.http
    assert http is not None
    return UpdateCheck(window.services.settings, http, window.commands.help_menu,
                       lambda text, action, label: window.status.fail(text, action, action=label), window)


async def run_window(app: QApplication, args: argparse.Namespace, one: SingleInstance | None = None) -> int:
    tasks = Tasks()
    accounts, keys = AccountStore(), KeyStore()
    route = saved_route(accounts, keys, args.self_test)  # File → Network settings
    system = SystemProxies(ask_qt) if resolves_scripts() else None  # PAC and WPAD, where the OS runs them
    transport = make_transport(route, system)
    async with make_http_client(transport=transport) as http:  # one client for the app's life, in the loop
        services = Services(http=http, accounts=accounts, keys=keys, settings=settings_for(args.self_test),
                            tasks=tasks, copies_folder=None if args.self_test else copies_dir(),
                            network=transport)
        window = MainWindow(services)
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        try:
            if args.self_test:
                from contact_desk.ui.window.selftest import self_test

                return await self_test(window, _demo_size(args), args.seed)
            window.show()
            if os.environ.get(STARTUP_PROBE):  # bench/startup.py: the first rows painted, then quit
                _probe_first_rows(window)
            opening = file_opening(window)  # contact-desk FILE, "Open with", macOS's Finder
            if one is not None:  # a second start's file, or only "come forward"
                follow_hand_overs(one, window, opening)
            if not args.demo:  # news of a new version, at most once a day (never in the demo)
                tasks.spawn(update_check(window).run(), name="update-check")
            if args.demo:
                await window.start_demo(_demo_size(args), args.seed)
            else:
                with contextlib.suppress(AccountError, KeyringProblem):  # shown when the list loads
                    services.accounts.repair(services.keys)  # finish a change a crash cut short
                window.state.hand_over_copy_choices(services.accounts.copy_choices())
                window.load_accounts()
            if getattr(args, "open_file", None) is not None:
                opening.open(args.open_file)
            await closed.wait()
            return 0
        finally:
            await window.shutdown()


def run_gui(args: argparse.Namespace) -> int:
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application(sys.argv[:1])
    language = pick_language(args.lang)
    apply_locale(language)
    translators = install_translators(app, language)
    one = None
    if not (args.demo or args.self_test):  # one window per user: a second start hands its file over
        go_on, one = start_or_hand_over(config_dir(), getattr(args, "open_file", None))
        if not go_on:
            return 0
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            code: int = loop.run_until_complete(run_window(app, args, one))
            return code
    finally:
        if one is not None:
            one.release()
        del translators
