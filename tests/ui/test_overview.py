"""View → Overview in the window: the charts count the copy's listed contacts, a click on a bar
filters the list to it, and the charts copy to the clipboard as an image."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contact_desk.api.dialect import Dialect
from contact_desk.mirror.file.values import encode
from contact_desk.sandbox import Sandbox
from tests.mirror.helpers import everything
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window

SCQ = (("Shop", "smartcq", "demo-smartcq"),)


async def _listed(api: Dialect) -> list[dict[str, Any]]:
    contacts = (await everything(api)).values()
    return [json.loads(encode(c)) for c in contacts if not getattr(c, "archived", False)]


def test_the_overview_counts_the_copy_and_a_bar_filters_the_list(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            assert w.insight.open_overview() is None  # before the copy is complete: said why
            assert w.dialect is not None
            listed = await _listed(w.dialect)
            await until(lambda: w.filter_bar.chips.available, within=60, what="the copy complete")
            dialog = w.insight.open_overview()
            assert dialog is not None
            await until(lambda: dialog.overview is not None, within=30, what="the overview")
            charts = {c.objectName(): c for c in dialog.shown}
            stage = charts["chart-stage"]
            assert dict(stage.bars)["lead"] == sum(c["stage"] == "lead" for c in listed)
            assert f"{len(listed):,} contacts" in dialog.said.text()
            # the copied image says whose charts they are, and marks no bar (issue 34, point 11)
            dialog.copy_image()
            clip = QApplication.clipboard().pixmap()
            assert not clip.isNull() and clip.height() > dialog.charts.grab().height()
            created = charts["chart-createdAt"]
            assert created.title == "New contacts by month"  # what the columns count, not "Created"
            assert created.label_every() > 1 and created._axis_top() >= max(n for _v, n in created.bars)
            created.setFocus()
            QTest.keyClick(created, Qt.Key.Key_Right)
            assert created.accessibleDescription() == f"{created.labels[0]}: {created.bars[0][1]:,}"
            at = [v for v, _n in stage.bars].index("customer")
            QTest.mouseClick(stage, Qt.MouseButton.LeftButton, pos=stage.bar_rect(at).center())
            wanted = sum(c["stage"] == "customer" for c in listed)
            await until(lambda: w.model.total == wanted, what="the list filtered to the bar")
            assert [c.field for c in w.filter_bar.query().where] == ["stage"]
            assert not dialog.isVisible() and "Ctrl+Shift+O" in w.statusBar().currentMessage()
            dialog = w.insight.open_overview()
            assert dialog is not None
            await until(lambda: dialog.overview is not None, within=30, what="the overview again")
            charts = {c.objectName(): c for c in dialog.shown}
            tags = charts["chart-tags"]
            assert tags.labels == [v for v, _n in tags.bars]  # a tag as written, never spelled out
            tags.setFocus()
            QTest.keyClick(tags, Qt.Key.Key_Down)
            QTest.keyClick(tags, Qt.Key.Key_Return)  # the most used tag, from the keyboard
            top = tags.bars[0][0]
            await until(lambda: w.model.total == sum(c["stage"] == "customer" and top in c["tags"]
                                                     for c in listed), what="the tag's bar too")
            assert not dialog.isVisible()

    aloop.run(main(), timeout=120)


def test_counts_in_a_chart_are_grouped_alike() -> None:
    """Italian writes 2266 but 10.864 (CLDR's minimum grouping): side by side in one chart they read
    as two kinds of number (issue 34, point 11)."""
    from PySide6.QtCore import QLocale

    from contact_desk.ui.insight.bar_chart import counted

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    try:
        assert counted(10864) == "10.864" and counted(2266) == "2.266" and counted(999) == "999"
    finally:
        QLocale.setDefault(before)


RPL = (("Rubrica", "replicer", "rpl_test_demo"),)


def test_the_overview_reads_as_people_read_it(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                              tmp_path: Path) -> None:
    """Issue 34, points 2 and 11: countries by name (not "IT"), no "(archived ones apart)" on
    Replicer, which has no archiving, and a four-digit year in the sync date."""
    import re

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, RPL, copies=tmp_path / "copies") as w:
            await until(lambda: w.filter_bar.chips.available, within=60, what="the copy complete")
            dialog = w.insight.open_overview()
            assert dialog is not None
            await until(lambda: dialog.overview is not None, within=30, what="the overview")
            charts = {c.objectName(): c for c in dialog.shown}
            country = charts["chart-country"]
            codes = [v for v, _n in country.bars if v]
            assert codes and not any(label in codes for label in country.labels)  # names, not codes
            assert "Italy" in country.labels
            note = dialog.said.text()
            assert "archived" not in note and re.search(r"\b20\d\d\b", note), note
            dialog.close()

    aloop.run(main(), timeout=120)
