"""File → Export… in the window: selection or all matching, three formats, atomic."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from contact_desk.api import Query
from contact_desk.api.schema import SMARTCQ
from contact_desk.sandbox import Sandbox
from contact_desk.transfer.mapping import guess
from contact_desk.transfer.readers import read
from tests.ui.conftest import Loop, until
from tests.ui.test_offline_copy import SCQ, complete
from tests.ui.window import open_window, select_rows


def test_the_selection_exports_to_excel_and_reads_back(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                       tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ) as w:
            await until(lambda: w.model.contact(5) is not None)
            select_rows(w, (1, 3, 5))
            chosen = [w.model.contact(r) for r in (1, 3, 5)]
            dialog = w.transfers.export_contacts()
            assert dialog is not None and dialog.selection.isChecked() and "(3)" in dialog.selection.text()
            dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
            dialog.choose_file()
            assert isinstance(dialog.chooser, QFileDialog) and dialog.chooser.isVisible()  # non-modal
            dialog.chooser.close()
            out = tmp_path / "three.xlsx"
            dialog.start(out, "xlsx")
            await until(lambda: not dialog.isVisible(), what="the export to finish")
            table = read(out)
            mapping = guess(table.columns, SMARTCQ, table.rows)
            assert mapping["Email"] == "email"  # a sheet for people still imports
            emails = [r[table.columns.index("Email")] for r in table.rows]
            assert emails == [c.email for c in chosen if c is not None]
            from openpyxl import load_workbook

            sheet = load_workbook(out)["Contacts"]  # for people: labels, bold, frozen, filtered
            header = [c.value for c in sheet[1]]
            assert header[:2] == ["Email", "First name"] and sheet["A1"].font.b
            assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
            status = sheet.cell(2, header.index("Email status") + 1).value
            assert status in ("Active", "Unsubscribed", "Bounced", "Complained", "Pending review",
                              "Suppressed")  # a label, not "active"
            created = sheet.cell(2, header.index("Created") + 1)
            assert created.is_date and created.number_format == "m/d/yy h:mm"  # a real date
            assert "Exported 3 contacts" in w.statusBar().currentMessage()
            again = w.transfers.export_contacts()
            assert again is not None
            again.choose_file()  # the next export's file dialog opens where this one saved
            assert again.chooser is not None and Path(again.chooser.directory().absolutePath()) == tmp_path
            again.chooser.close()
            again.reject()
            assert w.state.folder_for("import") == Path.home()  # each kind of file its own folder

    aloop.run(main())


def test_all_matching_from_the_server_and_from_the_copy(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                        tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ) as w:  # the server: the parallel walker
            await until(lambda: w.model.contact(0) is not None)
            w.filter_bar.set_query(Query(stage="customer"))
            w.browse.query_changed(Query(stage="customer"))
            await until(lambda: w.model.contact(0) is not None)
            dialog = w.transfers.export_contacts()
            assert dialog is not None and dialog.matching.isChecked()
            out = tmp_path / "customers.csv"
            dialog.start(out, "csv")
            await until(lambda: not dialog.isVisible(), within=30)
            rows = read(out).rows
            assert rows and all(r[read(out).columns.index("stage")] == "customer" for r in rows)
        async with open_window(qtbot, sandbox, tmp_path / "b", SCQ, copies=tmp_path / "copies") as w:
            await complete(w)
            dialog = w.transfers.export_contacts()
            assert dialog is not None
            out = tmp_path / "all.vcf"
            dialog.start(out, "vcf")
            await until(lambda: not dialog.isVisible(), within=30)
            assert out.read_text(encoding="utf-8").count("BEGIN:VCARD") == w.model.total

    (tmp_path / "b").mkdir()
    aloop.run(main(), timeout=60)


def test_a_cancelled_export_leaves_the_file_as_it_was(aloop: Loop, qtbot: QtBot, faulty: Sandbox,
                                                      tmp_path: Path) -> None:
    from contact_desk.sandbox import Faults

    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path, SCQ) as w:
            await until(lambda: w.model.contact(0) is not None)
            out = tmp_path / "kept.csv"
            out.write_text("what was here\n")
            faulty.faults = Faults(latency_ms=300)
            dialog = w.transfers.export_contacts()
            assert dialog is not None
            dialog.matching.setChecked(True)
            dialog.start(out, "csv")
            await until(lambda: dialog.task is not None and not dialog.go.isEnabled())
            dialog.stop()  # Cancel while it runs
            await until(dialog.go.isEnabled, what="cancelled")
            assert "Cancelled" in dialog.note.text()
            assert out.read_text() == "what was here\n"
            assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kept.csv.")]  # noqa: ASYNC240
            faulty.faults = Faults()
            dialog.close()

    aloop.run(main(), timeout=60)
