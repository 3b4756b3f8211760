"""Composition root: QApplication, the qasync event loop, and the demo sandbox."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

os.environ.setdefault("QT_API", "pyside6")  # qasync reads it on import

import qasync
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from contact_desk import APP_NAME, __version__
from contact_desk.i18n import install_translators, pick_language
from contact_desk.resources import resource
from contact_desk.sandbox import DEFAULT_CONTACTS, Sandbox
from contact_desk.ui.main_window import MainWindow


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Contact Desk")
    app.setWindowIcon(QIcon(str(resource("icons", "contact-desk.svg"))))
    return app


def run_gui(args: argparse.Namespace) -> int:
    app = make_application(sys.argv[:1])
    translators = install_translators(app, pick_language(args.lang))
    sandbox: Sandbox | None = None
    window = MainWindow()
    if args.demo:
        contacts = DEFAULT_CONTACTS if args.contacts is None else args.contacts
        try:
            sandbox = Sandbox(contacts=contacts, seed=args.seed).start()
        except (OSError, RuntimeError) as exc:
            QMessageBox.critical(None, app.translate("app", "Contact Desk"),
                                 app.translate("app", "The demo sandbox could not start: {error}")
                                 .format(error=exc))
            return 1
        window.show_demo(sandbox.base_url, contacts)
    window.show()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    try:
        with loop:
            loop.run_until_complete(closed.wait())
    finally:
        if sandbox is not None:
            sandbox.stop()
        del translators
    return 0
