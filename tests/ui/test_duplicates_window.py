"""Tools → Possible duplicates in the window: known groups found off the window's thread, a group
side by side, a value copied into an edit form of the other contact, the group exported as CSV,
and "Not duplicates" remembered at the next scan."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
from pytestqt.qtbot import QtBot

from contact_desk.api import ApiKey, open_dialect
from contact_desk.api.models import ReplicerContact
from contact_desk.mirror.query import duplicates as dup
from contact_desk.models.format import date_format
from contact_desk.sandbox import Sandbox
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window

REP = (("Rep", "replicer", "rpl_test_demo"),)


def test_known_duplicates_are_grouped_compared_copied_exported_and_dismissed(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, REP, copies=tmp_path / "copies") as w:
            api = open_dialect(w.services.http, "replicer", ApiKey("rpl_test_demo"), sandbox.base_url)
            a = await api.create({"firstName": "Ottavia", "lastName": "Quercioli", "city": "Lucca",
                                  "company": "Quercia S.r.l.", "email": "ottavia.q@quercia.example",
                                  "phoneNumber": "+393471360743", "country": "IT", "birthday": "1963-09-26"})
            # namesakes with nothing else in common: no group (issue 34, point 1)
            for n, city in enumerate(("Bari", "Como")):
                await api.create({"firstName": "Brien", "lastName": "O'Rene", "city": city,
                                  "email": f"brien{n}@example.org"})
            b = await api.create({"firstName": "OTTAVIA", "lastName": "Quercioli",
                                  "company": "quercia srl", "email": "o.quercioli@altro.example"})
            assert isinstance(a, ReplicerContact) and isinstance(b, ReplicerContact)
            w.copies.sync_now()
            await until(lambda: w.filter_bar.chips.available and w.copies.syncing is None
                        and w.copies.status is not None and w.copies.status.contacts > 0, within=60,
                        what="the copy complete")
            w.copies.sync_now()
            await until(lambda: w.copies.syncing is None, within=30)
            dialog = w.insight.open_duplicates()
            assert dialog is not None
            await until(lambda: dialog.groups.count() > 0 and dialog.busy.isHidden(), within=30,
                        what="groups")
            groups = [dialog.groups.item(i).data(256) for i in range(dialog.groups.count())]
            pair = {a.id, b.id}
            ours = next(g for g in groups if g.reason == dup.NAME and {m.id for m in g.members} == pair)
            assert not any({m.name for m in g.members} == {"Brien O'Rene"} for g in groups)
            label = dialog.groups.item(groups.index(ours)).text()
            assert label in ("Ottavia Quercioli, OTTAVIA Quercioli — same name and company (2)",
                             "OTTAVIA Quercioli, Ottavia Quercioli — same name and company (2)")
            assert "Grouped when they have the same email" in dialog.rule.text()
            dialog.groups.setCurrentRow(groups.index(ours))
            await until(lambda: len(dialog.members) == 2, what="side by side")
            labels = [dialog.side.verticalHeaderItem(r).text() for r in range(dialog.side.rowCount())]
            city = labels.index("City")
            ids = [m.contact.id for m in dialog.members]
            assert dialog.side.item(city, ids.index(a.id)).text() == "Lucca"
            assert dialog.side.item(city, 0).font().bold()  # they differ
            shown = {label: dialog.side.item(r, ids.index(a.id)).text() for r, label in enumerate(labels)}
            assert shown["Phone"] == "+39 347 136 0743" and shown["Country"] == "Italy"  # as people read them
            assert shown["Birthday"] == QLocale().toString(QDate(1963, 9, 26), date_format())
            assert "T" not in shown["Created"] and shown["Created"]  # local, not 2026-…T…Z

            col = [m.contact.id for m in dialog.members].index(a.id)
            dialog.side.setCurrentCell(city, col)
            dialog._fill_copy_menu()
            actions = [x for x in dialog.copy_menu.actions() if x.isEnabled()]
            assert len(actions) == 1
            assert actions[0].text() == "OTTAVIA Quercioli, o.quercioli@altro.example (Rep)"  # told apart
            actions[0].trigger()
            form = w.insight.copied_form
            assert form.contact is not None and form.contact.id == b.id
            assert form.editors["city"].value() == "Lucca"  # in the form, not saved until the user saves
            form._confirmed_close = True
            form.close()

            out = tmp_path / "group.csv"
            assert w.insight.export(out, dialog.members)
            rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
            assert {r["id"] for r in rows} == {a.id, b.id} and rows[0]["account"] == "Rep"

            before = dialog.groups.count()
            dialog.dismiss_button.click()
            assert dialog.groups.count() == before - 1
            dialog.again.click()
            await until(lambda: dialog.busy.isHidden() and "left out" in dialog.said.text(), within=30,
                        what="a scan again")
            again = [dialog.groups.item(i).data(256) for i in range(dialog.groups.count())]
            assert not any({m.id for m in g.members} == {a.id, b.id} and g.reason == dup.NAME for g in again)
            dialog.close()

    aloop.run(main(), timeout=120)
