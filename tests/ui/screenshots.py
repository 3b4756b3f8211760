"""Renders the windows to PNG for a person to look at (issue 10):
``python -m tests.ui.screenshots OUT_DIR [en|it]``. The main window, a search in the
offline copy, a sorted list, offline, a form with an inline error, the row menu, and
the main window on a dark palette. Offscreen."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import httpx
import qasync
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWhatsThis

from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
from contact_desk.api import ApiKey, make_http_client
from contact_desk.api.dialect import Condition, Query
from contact_desk.i18n import LOCALES, install_translators
from contact_desk.mirror.query import conditions as cond
from contact_desk.models.row_sources import SourceKind
from contact_desk.sandbox import Sandbox
from contact_desk.tasks import Tasks
from contact_desk.ui.context import Services
from contact_desk.ui.widgets.help_dialogs import show_guide
from contact_desk.ui.window.main_window import MainWindow
from tests.ui.test_whats_this import whats_this_popups
from tests.ui.test_window_habits import dark_palette
from tests.ui.window import select_rows


async def wait(condition: object, seconds: float = 20) -> None:
    for _ in range(int(seconds / 0.05)):
        if callable(condition) and condition():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError("the window did not get there")


async def shoot(app: QApplication, out: Path, lang: str) -> None:
    with Sandbox(contacts=400, seed=3) as sb:
        async with make_http_client() as http:
            store, keys = MemoryAccountStore(), MemoryKeyStore()
            store.add("Demo SmartCQ", "smartcq", sb.base_url, key=ApiKey("demo-smartcq"), keys=keys)
            store.add("Demo Replicer", "replicer", sb.base_url, key=ApiKey("rpl_test_demo"), keys=keys)
            settings = QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat)
            services = Services(http=http, accounts=store, keys=keys, settings=settings, tasks=Tasks(),
                                copies_folder=Path(tempfile.mkdtemp()) / "copies")
            w = MainWindow(services)
            w.resize(1366, 768)  # a 1366 px laptop (QT_SCALE_FACTOR=2 for HiDPI)
            w.show()
            w.load_accounts()
            await wait(lambda: w.model.source_kind is SourceKind.LOCAL and w.model.contact(0) is not None)
            w.table.selectRow(1)
            await asyncio.sleep(0.3)
            w.grab().save(str(out / f"main_{lang}.png"))
            await shoot_filters(w, out, lang)
            await shoot_whats_this(w, out, lang)
            assert w.filter_bar.search is not None
            w.filter_bar.search.setText("ross")
            w.filter_bar.search.returnPressed.emit()
            await wait(lambda: w.model.query.search == "ross" and w.model.contact(0) is not None)
            await asyncio.sleep(0.3)
            w.grab().save(str(out / f"search_copy_{lang}.png"))
            w.filter_bar.search.setText("")
            w.filter_bar.search.returnPressed.emit()
            column = [f.name for f in w.model.fields].index("lastName")
            w.table.horizontalHeader().sectionClicked.emit(column)
            await wait(lambda: w.model.sort_order is not None and w.model.contact(0) is not None)
            await asyncio.sleep(0.3)
            w.grab().save(str(out / f"sorted_{lang}.png"))
            w.copies.server_unreachable()  # as when the server cannot be reached
            await wait(lambda: w.model.contact(0) is not None)
            await asyncio.sleep(0.3)
            w.grab().save(str(out / f"offline_{lang}.png"))
            await shoot_outbox(w, out, lang)
            w.copies.server_reached()
            w.table.horizontalHeader().sectionClicked.emit(column)
            w.table.horizontalHeader().sectionClicked.emit(column)
            await wait(lambda: w.model.sort_order is None and w.model.contact(3) is not None)
            await shoot_dialogs(w, out, lang)
            await shoot_teammates(w, sb, out, lang)
            form = w.new_contact()
            assert form is not None
            form.editors["email"].set_value("giulia.neri@example.com")
            form.editors["tags"].set_value(["vip", "clienti-2030"])
            form.save()
            await wait(form.errors["tags"].isVisible)
            await asyncio.sleep(0.2)
            form.grab().save(str(out / f"form_error_{lang}.png"))
            form._confirmed_close = True
            form.close()
            w.account_switcher.combo.setCurrentIndex(1)
            w.account_switcher.combo.activated.emit(1)
            await wait(lambda: w.model.contact(0) is not None)
            rect = w.table.visualRect(w.model.index(2, 1))
            w.table.customContextMenuRequested.emit(rect.center())
            await asyncio.sleep(0.2)
            w.rows.row_menu.grab().save(str(out / f"row_menu_{lang}.png"))
            w.rows.row_menu.close()
            await shoot_insight(w, out, lang)
            await shoot_found_hidden(w, out, lang)
            network = w.account_switcher.open_network()
            network.buttons["manual"].setChecked(True)
            network.address.setText("proxy.example.com:8080")
            network.user.setText("mario.rossi")
            network.save()  # refused, said inline: the address lacks http://
            await asyncio.sleep(0.2)
            network.grab().save(str(out / f"network_{lang}.png"))
            network.close()
            light = app.palette()
            app.setPalette(dark_palette())
            w.banner.show_error("Cannot reach the server. Check your connection and try again. "
                                "(request id req_0000abc)")
            await asyncio.sleep(0.3)
            w.grab().save(str(out / f"main_dark_{lang}.png"))
            app.setPalette(light)
            await w.shutdown()
            w.close()


async def shoot_whats_this(w: MainWindow, out: Path, lang: str) -> None:
    """Help → What's this?, then a click on the list: the window with its explanation over it."""
    w.commands.whats_this.trigger()
    QTest.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(260, 80))
    await wait(lambda: bool(whats_this_popups()))
    popup = whats_this_popups()[0]
    picture = w.grab()
    painter = QPainter(picture)
    painter.drawPixmap(w.mapFromGlobal(popup.pos()), popup.grab())
    painter.end()
    picture.save(str(out / f"whats_this_{lang}.png"))
    QWhatsThis.hideText()


async def shoot_filters(w: MainWindow, out: Path, lang: str) -> None:
    """Two filters on any field as chips, and the editor of a third."""
    chips = w.filter_bar.chips
    await wait(lambda: chips.available)
    chips._chosen(chips.fields["tags"], None, Condition("tags", cond.HAS, "vip"))
    chips._chosen(chips.fields["createdAt"], None, Condition("createdAt", cond.FROM, "2025-06-01"))
    await wait(lambda: len(w.model.query.where) == 2 and w.model.total is not None)
    await asyncio.sleep(0.3)
    w.grab().save(str(out / f"filters_{lang}.png"))
    editor = chips.edit(chips.fields["source"], None)
    assert editor is not None
    await asyncio.sleep(0.2)
    editor.grab().save(str(out / f"filter_editor_{lang}.png"))
    editor.close()
    chips.set_conditions(())
    chips.changed.emit()
    overview = w.insight.open_overview()
    assert overview is not None
    await wait(lambda: overview.overview is not None)
    await asyncio.sleep(0.3)
    overview.grab().save(str(out / f"overview_{lang}.png"))
    overview.close()
    w.side.save("VIP")
    await asyncio.sleep(0.6)


async def shoot_insight(w: MainWindow, out: Path, lang: str) -> None:
    """Search every account, and possible duplicates (the Replicer account is shown)."""
    everywhere = w.insight.open_everywhere()
    everywhere.box.setText("ros")
    await wait(lambda: everywhere.table.rowCount() > 0)
    await asyncio.sleep(0.3)
    everywhere.grab().save(str(out / f"everywhere_{lang}.png"))
    everywhere.close()
    await wait(lambda: w.filter_bar.chips.available, 60)
    assert w.dialect is not None  # a pair a user would want to see: the same person, twice
    for first, email, phone in (("Ottavia", "ottavia.q@quercia.example", "+393471360743"),
                                ("OTTAVIA", "o.quercioli@altro.example", None)):
        await w.dialect.create({"firstName": first, "lastName": "Quercioli", "company": "Quercia S.r.l.",
                                "email": email, "city": "Lucca", "country": "IT", "birthday": "1963-09-26",
                                **({"phoneNumber": phone} if phone else {})})
    w.copies.sync_now()
    await wait(lambda: w.copies.syncing is None, 60)
    dupes = w.insight.open_duplicates()
    assert dupes is not None
    await wait(dupes.busy.isHidden, 60)
    if dupes.groups.count():
        await wait(lambda: len(dupes.members) > 1)
    await asyncio.sleep(0.3)
    dupes.grab().save(str(out / f"duplicates_{lang}.png"))
    dupes.close()


async def shoot_found_hidden(w: MainWindow, out: Path, lang: str) -> None:
    """Search every account → a contact the account's own search hides: every contact shown, the
    contact selected, the banner with "Back to your list"."""
    copy, account = w.copies.copy, w.account
    assert copy is not None and account is not None
    hidden = next(c for c in await copy.rows(Query(), 0, 400) if "ross" not in repr(c).lower())
    w.filter_bar.set_query(Query(search="ross"))
    w.browse.query_changed(Query(search="ross"))
    await wait(lambda: w.model.query.search == "ross" and w.model.contact(0) is not None)
    w.insight.open_found(account.id, hidden.id)
    await wait(lambda: w.banner.isVisible() and w.detail.contact is not None
               and w.detail.contact.id == hidden.id)
    await asyncio.sleep(0.3)
    w.grab().save(str(out / f"found_hidden_{lang}.png"))
    w.banner.retry_button.click()
    await wait(lambda: w.model.query.search == "ross")


async def shoot_outbox(w: MainWindow, out: Path, lang: str) -> None:
    """Offline with a complete copy: an edit kept in the outbox (marked in the list and the
    details, counted in the status bar), and View → Outbox with one item that needs the user."""
    await wait(lambda: w.edit_action.isEnabled() and w.model.contact(2) is not None)
    w.table.selectRow(2)
    form = w.edit_selected()
    assert form is not None
    form.editors["lastName"].set_value("Bianchi")
    form.save()
    await wait(lambda: not form.isVisible())
    await asyncio.sleep(0.3)
    w.grab().save(str(out / f"outbox_waiting_{lang}.png"))
    box, other = w.outbox.box(), w.model.contact(3)
    assert box is not None and other is not None
    box.edit(other.id, other.full_name, {"stage": "lead"}, {"stage": "customer"})
    item = box.items()[-1]
    box.needs(item.seq, "conflict", "stage", '[{"name": "stage", "before": "lead", "yours": "customer", '
              '"theirs": "prospect"}]')
    dialog = w.outbox.open_dialog()
    assert dialog is not None
    dialog.table.selectRow(1)
    await asyncio.sleep(0.3)
    dialog.grab().save(str(out / f"outbox_{lang}.png"))
    dialog.close()
    box.discard(None)
    w.outbox.reload()


async def shoot_teammates(w: MainWindow, sb: Sandbox, out: Path, lang: str) -> None:
    """The edit form when a colleague changed the same field (the choice under it), and View → My
    changes after the save."""
    w.table.selectRow(4)
    contact = w.model.contact(4)
    form = w.edit_selected()
    assert form is not None and contact is not None
    async with httpx.AsyncClient(base_url=sb.base_url, headers={"Authorization": "Bearer demo-smartcq"}) as c:
        await c.patch(f"/api/v1/contacts/{contact.id}", json={"lastName": "Colombo", "firstName": "Chiara"})
    form.editors["lastName"].set_value("D'Angelo")
    form.save()
    await wait(form.clashes["lastName"].isVisible)
    await asyncio.sleep(0.3)
    form.grab().save(str(out / f"form_clash_{lang}.png"))
    form.clashes["lastName"].keep.click()
    form.save()
    await wait(lambda: not form.isVisible())
    dialog = w.history.open_dialog()
    assert dialog is not None
    dialog.table.selectRow(0)
    await asyncio.sleep(0.3)
    dialog.grab().save(str(out / f"my_changes_{lang}.png"))
    dialog.close()


async def shoot_dialogs(w: MainWindow, out: Path, lang: str) -> None:
    """Export, Change contacts (at its confirmation) and Import (at its check of every row)."""
    select_rows(w, (0, 2, 3))
    export = w.transfers.export_contacts()
    assert export is not None
    await asyncio.sleep(0.2)
    export.grab().save(str(out / f"export_{lang}.png"))
    export.close()
    bulk = w.transfers.change_contacts()
    assert bulk is not None
    box, _editor = bulk.setters["stage"]
    box.setChecked(True)
    bulk.go.click()
    await asyncio.sleep(0.2)
    bulk.grab().save(str(out / f"bulk_{lang}.png"))
    bulk.close()
    folder = Path(tempfile.mkdtemp())
    sample = folder / "rubrica.csv"
    sample.write_text("Nome;Cognome;Email;Telefono;Data di nascita;Tag\n"
                      "Giulia;Neri;giulia.neri@example.it;+39 333 123 4567;15/03/1990;vip\n"
                      "Marco;Bassi;non-valida;02 1234567;;\n"
                      "Anna;Verdi;GIULIA.NERI@example.it;;;sconosciuto\n"
                      "Luca;Rossi;luca.rossi@example.com;335 7654321;1/2/85;milano, b2b\n", encoding="utf-8")
    dialog = w.transfers.import_contacts()
    assert dialog is not None
    dialog.open_file(sample)
    await wait(lambda: dialog.pages.currentIndex() == 1 and dialog.preview.rowCount() > 0)
    await asyncio.sleep(0.3)
    dialog.grab().save(str(out / f"import_{lang}.png"))
    dialog.close()
    printing = w.transfers.print_contacts()  # File → Print…, and a page of its PDF
    assert printing is not None
    await asyncio.sleep(0.2)
    printing.grab().save(str(out / f"print_{lang}.png"))
    printing.close()

    from contact_desk.ui.printing.pdf import pdf_bytes  # the PDF beside the pictures, to look at
    from contact_desk.ui.printing.styles import PHONE_LIST

    assert w.dialect is not None and w.copies.copy is not None
    rows = await w.copies.copy.rows(Query(), 0, 60)
    data, _pages = pdf_bytes(PHONE_LIST, rows, w.dialect.schema, w.account.name if w.account else "")
    (out / f"phone_list_{lang}.pdf").write_bytes(data)
    guide = show_guide(w)
    await asyncio.sleep(0.3)
    guide.grab().save(str(out / f"guide_{lang}.png"))
    guide.close()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    lang = sys.argv[2] if len(sys.argv) > 2 else "en"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)  # as the app: closing the window must not stop the loop
    app.setStyle("Fusion")
    from PySide6.QtCore import QLocale

    QLocale.setDefault(LOCALES[lang])
    kept = install_translators(app, lang)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(shoot(app, out, lang))
    del kept
    print(f"wrote {sorted(p.name for p in out.glob('*.png'))}")


if __name__ == "__main__":
    main()
