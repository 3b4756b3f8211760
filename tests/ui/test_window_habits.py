"""Issue 10, desktop habits: menus, copying rows, the row menu, vCards. Real widgets,
offscreen, against the sandbox."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from contact_desk.api.models import ReplicerContact, SmartCQContact
from contact_desk.sandbox import Sandbox
from contact_desk.transfer.vcard import to_vcard
from contact_desk.ui.window.main_window import MainWindow
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window, select_rows


async def ready(w: MainWindow) -> None:
    await until(lambda: w.model.contact(0) is not None, what="rows")


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_the_menu_bar_has_what_desktop_apps_have(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                 tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            menus = {a.text().replace("&", ""): a.menu() for a in w.menuBar().actions()}
            assert list(menus) == ["File", "Edit", "View", "Tools", "Help"]
            assert menu_texts(menus["File"]) == ["New contact", "Import…", "Export…", "Print…",
                                                 "Save as PDF…", "Accounts…", "Network settings…",
                                                 "Offline copy", "Quit"]
            assert menu_texts(menus["Edit"]) == ["Undo", "Edit contact", "Change contacts…", "Copy",
                                                 "Select all", "Find", "Email…", "Copy addresses",
                                                 "Search every account…"]
            assert menu_texts(menus["View"]) == ["Columns", "Show details", "Compact rows", "Sidebar",
                                                 "Save view…", "Share view…", "Import view…", "Overview…",
                                                 "My changes…", "Outbox…", "Appearance", "Refresh"]
            assert menu_texts(menus["Tools"]) == ["Possible duplicates…"]
            assert menu_texts(menus["Help"]) == ["User guide", "Keyboard shortcuts", "What's this?",
                                                  "About Contact Desk"]
            c = w.commands
            assert c.import_.isEnabled() and "checked before anything is sent" in c.import_.toolTip()
            assert c.export.isEnabled()
            assert c.quit.shortcut().toString() == "Ctrl+Q" and c.refresh.shortcut().toString() == "F5"
            assert not c.new.icon().isNull() and not c.refresh.icon().isNull()
            c.details.trigger()
            assert not w.detail.isVisible()
            c.details.trigger()
            assert w.detail.isVisible()
            height = w.table.verticalHeader().defaultSectionSize()
            c.compact.trigger()
            assert w.table.verticalHeader().defaultSectionSize() < height
            c.about.trigger()
            about = w.findChildren(QMessageBox, "about-box")
            assert about and "Qt 6." in about[-1].text() and "memory" in about[-1].text()
            about[-1].close()
    aloop.run(main())


def test_ctrl_c_copies_the_selected_rows_for_a_spreadsheet(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                          tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            select_rows(w, (0, 2, 5))
            w.table.setFocus()
            qtbot.keyClick(w.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
            lines = QGuiApplication.clipboard().text().splitlines()
            assert len(lines) == 4  # a header and three rows
            header = lines[0].split("\t")
            assert header[0] == "Email" or "Email" in header
            for line, row in zip(lines[1:], (0, 2, 5), strict=True):
                contact = w.model.contact(row)
                assert isinstance(contact, SmartCQContact) and contact.email in line.split("\t")
            assert "Copied 3 rows" in w.statusBar().currentMessage()
            # the rows' count stays in sight while a message passes (issue 34, point 12)
            count = w.statusBar().findChild(QLabel, "rows-label").text()
            assert count and w.statusBar().currentMessage().startswith(count)
            w.commands.select_all.trigger()
            assert len(w.table.selectionModel().selectedRows()) == w.model.rowCount()
    aloop.run(main())


def test_the_row_menu_offers_what_the_contact_has(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                  tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            w.account_switcher.combo.setCurrentIndex(1)
            w.account_switcher.combo.activated.emit(1)
            await ready(w)
            row = next(r for r in range(w.model.rowCount())
                       if isinstance(c := w.model.contact(r), ReplicerContact) and c.email and c.phone_number)
            contact = w.model.contact(row)
            assert isinstance(contact, ReplicerContact)
            rect = w.table.visualRect(w.model.index(row, 1))  # column 0, Name, is hidden by default
            w.table.customContextMenuRequested.emit(rect.center())
            texts = menu_texts(w.rows.row_menu)
            for wanted in ("Edit…", "Copy name", "Copy email", "Copy phone", "Copy as vCard", "Send email",
                           "Call"):
                assert wanted in texts, texts
            menu = w.rows.row_menu
            assert menu is not None
            copy_vcard = next(a for a in menu.actions() if a.text().replace("&", "") == "Copy as vCard")
            copy_vcard.trigger()
            card = QGuiApplication.clipboard().text()
            assert card.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n") and card.endswith("END:VCARD\r\n")
            assert f"TEL;VALUE=uri;TYPE=work:tel:{contact.phone_number}" in card
            w.rows.row_menu.close()
    aloop.run(main())


def test_a_vcard_escapes_and_folds_as_rfc_6350_says() -> None:
    contact = ReplicerContact(id="1", first_name="Anna; Maria", last_name="D'Amico, jr", company="Sole\\Srl",
                              notes="riga 1\nriga 2 " + "x" * 90, created_at="2026-01-01T00:00:00Z",
                              birthday="1960-02-19T00:00:00Z", country="IT")
    card = to_vcard(contact)
    assert "N:D'Amico\\, jr;Anna\\; Maria;;;" in card and "ORG:Sole\\\\Srl" in card
    assert "BDAY:19600219" in card and "NOTE:riga 1\\nriga 2" in card
    assert all(len(line.encode()) <= 75 for line in card.split("\r\n"))
    assert "\r\n x" in card  # a long line continues after CRLF + space


def test_values_read_as_people_write_them_and_archived_rows_stand_apart(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    from contact_desk.models.format import country_name, phone_for_people

    assert phone_for_people("+393331234567") == "+39 333 123 4567"
    assert phone_for_people("not a phone") == "not a phone"
    assert country_name("IT") == "Italy" and country_name("de") == "Germany" and country_name("ZZ") == "ZZ"

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            archived = w.filter_bar.flags["include_archived"]
            archived.setChecked(True)
            await until(lambda: w.model.query.include_archived and w.model.rowCount() > 0,
                        what="archived included")
            await until(lambda: w.model.contact(0) is not None, what="rows")

            def archived_rows() -> list[int]:
                return [r for r in range(w.model.rowCount())
                        if isinstance(c := w.model.contact(r), SmartCQContact) and c.archived]

            for _ in range(20):  # other tests add contacts at the top: page on until some are archived
                if archived_rows() or w.model.at_end:
                    break
                w.model.fetchMore(w.model.index(-1, -1))
                await until(lambda: not w.model.loading, what="another page")
            rows = archived_rows()
            assert rows, "the demo data has archived contacts"
            index = w.model.index(rows[0], 0)
            assert w.model.data(index, Qt.ItemDataRole.FontRole).italic()
            assert "Archived" in w.model.data(index, Qt.ItemDataRole.ToolTipRole)
            live = next(r for r in range(w.model.rowCount()) if r not in rows)
            assert w.model.data(w.model.index(live, 0), Qt.ItemDataRole.FontRole) is None
            tip = w.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            assert "newest first" in tip and not w.table.isSortingEnabled()
    aloop.run(main())


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#1e1f22"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                         (QPalette.ColorRole.Base, "#26272b"), (QPalette.ColorRole.Text, "#e6e6e6"),
                         (QPalette.ColorRole.Button, "#2b2d31"), (QPalette.ColorRole.ButtonText, "#e6e6e6"),
                         (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
                         (QPalette.ColorRole.AlternateBase, "#2e3035"),
                         (QPalette.ColorRole.Highlight, "#3d6fb4"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff")):
        pal.setColor(role, QColor(colour))
    return pal


def test_colours_follow_a_dark_palette(aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            form = w.new_contact()
            assert form is not None
            light_banner, light_error = w.banner.styleSheet(), form.errors["email"].styleSheet()
            app.setPalette(dark_palette())
            try:
                await until(lambda: w.banner.styleSheet() != light_banner, what="the banner restyled")
                assert "#5c1d18" in w.banner.styleSheet()  # a dark banner, not light pink
                assert form.errors["email"].styleSheet() != light_error
                assert "#ffb4ab" in form.errors["email"].styleSheet()  # a red that reads on dark
            finally:
                app.setPalette(light)
            await until(lambda: w.banner.styleSheet() == light_banner, what="back to light")
            form._confirmed_close = True
            form.close()
    aloop.run(main())


def _unnamed(root: QWidget) -> list[str]:
    """Focusable, visible controls with neither a text nor an accessible name."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisible() or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if type(w).__name__ in ("QScrollBar", "QLineEdit") and w.parent() is not None \
                and type(w.parent()).__name__ in ("QComboBox", "QDateEdit", "QAbstractSpinBox"):
            continue  # a combo box's own line edit is named through the combo box
        text = getattr(w, "text", None)
        label = text() if callable(text) else ""
        if not (w.accessibleName() or (isinstance(label, str) and label.strip("&"))):
            out.append(f"{type(w).__name__} {w.objectName()!r}")
    return out


def test_every_control_has_a_name_for_screen_readers(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                     tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            w.table.selectRow(0)
            assert _unnamed(w) == []
            form = w.new_contact()
            assert form is not None
            assert _unnamed(form) == []
            form.close()
            w.account_switcher.combo.setCurrentIndex(1)
            w.account_switcher.combo.activated.emit(1)
            await ready(w)
            w.open_accounts()
            assert w.account_switcher.dialog is not None
            assert _unnamed(w) == [] and _unnamed(w.account_switcher.dialog) == []
    aloop.run(main())


def test_a_name_column_can_be_shown(aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    from contact_desk.api.schema import REPLICER, SMARTCQ

    assert all("name" not in [f.name for f in s.stored] for s in (SMARTCQ, REPLICER))  # never exported

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            header = w.table.horizontalHeader()
            col = [f.name for f in w.model.fields].index("name")
            assert header.isSectionHidden(col)  # offered, off by default
            w.table.fill_column_menu(w.commands.columns)
            name_action = next(a for a in w.commands.columns.actions() if a.text() == "Full name")
            name_action.setChecked(True)
            assert not header.isSectionHidden(col)
            contact = w.model.contact(0)
            assert isinstance(contact, SmartCQContact)
            want = " ".join(p for p in (contact.first_name, contact.last_name) if p)
            assert w.model.data(w.model.index(0, col)) == want
    aloop.run(main())


def test_the_details_show_the_selected_contact_or_nothing(qtbot: QtBot) -> None:
    """Emptied details ("No contact selected") showed the last contact's email, phone and id
    again at the next resize: an eliding label kept its old text and re-elided it."""
    from contact_desk.api.schema import SMARTCQ
    from contact_desk.ui.contacts.detail_panel import DetailPanel

    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    contact = SmartCQContact(id="c-1", email="mario.rossi@example.com", first_name="Mario",
                             created_at="2026-01-01T00:00:00.000Z")
    panel.show_contact(contact, SMARTCQ)
    assert panel.values["email"].full_text() == "mario.rossi@example.com"  # type: ignore[attr-defined]
    panel.show_contact(None, SMARTCQ)
    panel.resize(420, 600)  # any relayout: the window, the splitter
    qtbot.wait(50)
    shown = {name: label.text() for name, label in panel.values.items() if label.text()}
    assert panel.title.text() == "No contact selected" and shown == {}


def test_view_appearance_switches_light_and_dark_and_links_read_on_dark(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    """The status bar's "Sync now" link was dark blue on black in a dark palette; and there was no
    way to choose the theme (View → Appearance: as the system, light, dark; remembered)."""
    from PySide6.QtCore import QSettings

    from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
    from contact_desk.ui.context import Services
    from contact_desk.ui.widgets.appearance import Appearance
    from contact_desk.ui.widgets.palette import is_dark

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette().color(QPalette.ColorRole.Window)

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await until(lambda: w.model.contact(0) is not None, what="rows")
            assert w.commands.looks[Appearance.SYSTEM].isChecked()
            w.commands.looks[Appearance.DARK].trigger()
            palette = app.palette()
            assert is_dark(palette) and palette.color(QPalette.ColorRole.Link).lightness() > 150
            assert w.state.appearance is Appearance.DARK  # remembered for the next start

    aloop.run(main())
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    again = MainWindow(Services(http=None, accounts=MemoryAccountStore(), keys=MemoryKeyStore(),  # type: ignore[arg-type]
                                settings=settings))
    qtbot.addWidget(again)
    try:
        assert again.commands.looks[Appearance.DARK].isChecked() and is_dark(app.palette())  # starts dark
        again.commands.looks[Appearance.LIGHT].trigger()
        assert not is_dark(app.palette()) and app.palette().color(QPalette.ColorRole.Link).lightness() < 128
    finally:
        again.commands.looks[Appearance.SYSTEM].trigger()
    assert app.palette().color(QPalette.ColorRole.Window) == before  # the platform's own again


def test_email_the_selection_opens_bcc_drafts_and_copy_addresses_pastes_them(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    """Issue 35, point 2: Edit → Email… opens the mail program with the selected contacts in Bcc,
    several drafts (asked first) when one link would be too long; Copy addresses; those without an
    email counted. The mail program is this test's: a fake for the system's opener only."""
    from urllib.parse import parse_qs, unquote, urlsplit

    from PySide6.QtCore import QUrl

    from contact_desk.transfer.mail_links import MAX_LINK

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await until(lambda: w.model.contact(0) is not None, what="rows")
            opened: list[str] = []

            def mail_program(url: QUrl) -> bool:
                opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
                return True
            w.mailing.open_url = mail_program
            w.table.selectRow(0)
            flags = QItemSelectionModel.SelectionFlag
            w.table.selectionModel().select(w.model.index(2, 0), flags.Select | flags.Rows)
            chosen = [w.model.contact(0), w.model.contact(2)]
            assert all(c is not None and c.email for c in chosen)
            # a right-click within the selection keeps it whole, and offers Email… for it
            w.rows.menu(w.table.visualRect(w.model.index(2, 0)).center())
            assert w.rows.row_menu is not None and w.table.selected_count() == 2
            assert "E&mail…" in [a.text() for a in w.rows.row_menu.actions()]
            w.rows.row_menu.close()
            w.mailing.email_action.trigger()
            assert len(opened) == 1
            parts = urlsplit(opened[0])
            assert parts.path == "" and set(parse_qs(parts.query)) == {"bcc"}
            assert [unquote(a) for a in parse_qs(parts.query)["bcc"][0].split(",")] == [
                c.email for c in chosen]  # type: ignore[union-attr]
            said = w.statusBar().currentMessage()
            assert "1 draft opened" in said and "Bcc" in said
            w.mailing.copy_action.trigger()
            assert QApplication.clipboard().text() == "; ".join(c.email for c in chosen)  # type: ignore[union-attr]

            # a long selection: the links' bound made small here, so that the rows loaded need several
            import contact_desk.ui.window.mailing as mailing_module
            real = mailing_module.mailto_links
            mailing_module.mailto_links = lambda emails: real(emails, 400)  # type: ignore[assignment]
            w.table.selectAll()
            selected, _missing = w.table.selected_contacts()
            opened.clear()
            w.mailing.email_action.trigger()
            box = w.mailing.box
            assert box is not None and box.isVisible() and "drafts" in box.text() and opened == []
            box.accept()
            await until(lambda: len(opened) > 1, what="several drafts")
            emails = [unquote(a) for link in opened
                      for a in parse_qs(urlsplit(link).query)["bcc"][0].split(",")]
            mailing_module.mailto_links = real  # type: ignore[assignment]
            assert all(len(link) <= 400 < MAX_LINK for link in opened)
            assert sorted(emails) == sorted({c.email for c in selected if c.email})  # type: ignore[union-attr]
            assert f"{len(opened)} drafts opened" in w.statusBar().currentMessage()

    aloop.run(main())
