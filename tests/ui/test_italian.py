"""The interface in Italian: the shipped translation loads and covers every text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
from contact_desk.i18n import install_translators
from contact_desk.models.format import country_name
from contact_desk.resources import resource
from contact_desk.tasks import Tasks
from contact_desk.ui.context import Services
from contact_desk.ui.window.main_window import MainWindow


@pytest.fixture
def italian(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "it")
    assert translators, "contact_desk_it.qm did not load"
    yield
    for t in translators:
        qapp.removeTranslator(t)


def test_the_window_speaks_italian(italian: None, tmp_path: Path) -> None:
    services = Services(
        http=None,
        accounts=MemoryAccountStore(),
        keys=MemoryKeyStore(),  # type: ignore[arg-type]
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
        tasks=Tasks(),
    )
    window = MainWindow(services)
    assert window.new_action.text() == "&Nuovo contatto"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Modifica", "&Visualizza", "&Strumenti", "&Aiuto"]
    assert window.welcome.demo_button.text() == "Prova la demo"
    assert QCoreApplication.translate("fields", "First name") == "Nome"
    assert QCoreApplication.translate("fields", "Full name") == "Nome completo"  # two "Nome" columns before
    assert country_name("DE") == "Germania" and country_name("it") == "Italia"
    assert (
        QCoreApplication.translate("words", "(request id {rid})").format(rid="r1") == "(id richiesta r1)"
    )
    window.deleteLater()


def test_every_text_has_an_italian_translation() -> None:
    ts = ET.parse(resource("translations", "contact_desk_it.ts"))
    unfinished = [
        m.findtext("source")
        for m in ts.getroot().iter("message")
        if (m.find("translation") is None or m.find("translation").get("type") == "unfinished")
    ]  # type: ignore[union-attr]
    assert unfinished == []
    assert resource("translations", "contact_desk_it.qm").stat().st_size > 1000


@pytest.mark.parametrize("language", ["en", "it"])
def test_every_text_with_a_count_has_its_singular_and_plural(language: str) -> None:
    ts = ET.parse(resource("translations", f"contact_desk_{language}.ts"))
    counted = [m for m in ts.getroot().iter("message") if m.get("numerus") == "yes"]
    assert len(counted) >= 16
    for m in counted:
        forms = [f.text for f in m.iter("numerusform")]
        assert len(forms) == 2 and all(forms), m.findtext("source")
    assert resource("translations", f"contact_desk_{language}.qm").exists()


def test_counts_read_right_in_both_languages(qapp: QApplication) -> None:
    def copied(n: int) -> str:
        return QCoreApplication.translate("ContactTableView", "Copied %Ln row(s)", "", n)

    assert (copied(1), copied(3)) == ("Copied 1 row", "Copied 3 rows")  # the English plural forms
    translators = install_translators(qapp, "it")
    try:
        assert (copied(1), copied(3)) == ("Copiata 1 riga", "Copiate 3 righe")
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def _menu_shortcuts(window: MainWindow) -> list[tuple[str, str]]:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QMenu

    found: list[tuple[str, str]] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                walk(action.menu())  # type: ignore[arg-type]
            for k in action.shortcuts():
                if not k.isEmpty():
                    found.append((k.toString(QKeySequence.SequenceFormat.NativeText), action.text()))
    for top in window.menuBar().actions():
        if isinstance(top.menu(), QMenu):
            walk(top.menu())  # type: ignore[arg-type]
    return found


@pytest.mark.parametrize("language", ["en", "it"])
def test_the_shortcuts_list_is_every_menus_and_the_windows_parts_in_both_languages(
        qapp: QApplication, tmp_path: Path, language: str) -> None:
    """F1 listed its rows in English under an Italian title, and lacked Ctrl+Shift+F, Ctrl+Shift+B,
    Ctrl+Shift+S, Ctrl+Shift+O, Ctrl+Z and the sidebar's F2, Delete, Alt+Up/Down (issue 34, point 6):
    the list is now read from the menus' own actions, then the list's, filters', sidebar's and
    forms' keys."""
    from contact_desk.ui.widgets.help_dialogs import shortcuts_html

    translators = install_translators(qapp, "it") if language == "it" else []
    try:
        services = Services(http=None, accounts=MemoryAccountStore(), keys=MemoryKeyStore(),  # type: ignore[arg-type]
                            settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                            tasks=Tasks())
        window = MainWindow(services)
        html = shortcuts_html(window)
        shortcuts = _menu_shortcuts(window)
        assert len(shortcuts) >= 15
        for keys, _text in shortcuts:
            assert keys in html, keys

        def native(keys: str) -> str:
            from PySide6.QtGui import QKeySequence
            return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        for wanted in ("Ctrl+Shift+F", "Ctrl+Shift+B", "Ctrl+Shift+S", "Ctrl+Shift+O", "Ctrl+Z", "F2",
                       "Alt+Up", "F1", "F5", "Shift+F5", "Ctrl+Q"):
            assert native(wanted) in html, wanted
        if language == "it":
            for italian_text in ("Nuovo contatto", "Esci", "La barra laterale", "Rinomina la vista salvata"):
                assert italian_text in html, italian_text
            for english in ("New contact", "Quit", "The sidebar", "Rename the saved view"):
                assert english not in html, english
        else:
            assert "New contact" in html and "The sidebar" in html and "&amp;" not in html
        window.deleteLater()
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_choice_values_show_their_labels_and_unknown_ones_as_sent(italian: None) -> None:
    """The details showed "Origine: manual": the source's codes now have labels."""
    from contact_desk.api.schema import SMARTCQ
    from contact_desk.models.format import display

    source = SMARTCQ.field("source")
    assert display(source, "manual") == "Inserito a mano" and display(source, "form") == "Modulo web"
    assert display(source, "crm-sync") == "crm-sync"  # a value the doc does not list: as sent


def _every_territory() -> list[str]:
    from contact_desk.models.format import territories
    from contact_desk.transfer.countries import NOT_COUNTRIES

    return sorted(code for code in territories() if code not in NOT_COUNTRIES)


@pytest.mark.parametrize("language", ["en", "it"])
def test_every_country_the_window_names_reads_back_as_itself(qapp: QApplication, language: str) -> None:
    """An Excel export (countries by name) imported again keeps every country: the names the window
    shows are the names the importer reads, in both languages (issue 34, point 13: 19 territories
    were lost, "Repubblica Ceca", "Bosnia-Erzegovina", "Macedonia")."""
    from contact_desk.transfer.countries import country_code

    translators = install_translators(qapp, language) if language == "it" else []
    try:
        codes = _every_territory()
        assert len(codes) > 230
        lost = {code: country_name(code) for code in codes if country_code(country_name(code)) != code}
        assert lost == {}
        if language == "it":
            assert country_name("CZ") == "Cechia" and country_name("MK") == "Macedonia del Nord"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
