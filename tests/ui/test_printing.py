"""Printed lists as PDF (issue 35, point 1): every contact's name and phone read back from the
right page, in both languages; the locale's paper; labels on a 3 x 8 grid; a long list stopped."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from contact_desk.api.models import ReplicerContact
from contact_desk.api.schema import SCHEMAS
from contact_desk.i18n import install_translators
from contact_desk.ui.printing.pages import Cancelled, locale_page_size
from contact_desk.ui.printing.pdf import pdf_bytes, write_pdf
from contact_desk.ui.printing.styles import CARDS, LABELS, PHONE_LIST

REP = SCHEMAS["replicer"]


def _people(n: int) -> list[ReplicerContact]:
    firsts = ["Anna", "Élodie", "bruno", "Chiara", "Zoë", "Łukasz"]
    return [ReplicerContact(id=f"r{i}", first_name=f"{firsts[i % 6]}{i:03d}", last_name="Rossi",
                            phone_number=f"+39347{i:07d}", email=f"p{i}@example.it", company="Acme S.r.l.",
                            street=f"Via Roma {i}", postal_code="20100", city="Milano", country="IT",
                            created_at="2026-01-01T00:00:00Z") for i in range(n)]


def _pages(data: bytes) -> list[str]:
    """Each page's text, its spaces as one (the PDF's tabs and no-break spaces are a layout's)."""
    return ["\n".join(" ".join(line.split()) for line in (page.extract_text() or "").splitlines())
            for page in PdfReader(io.BytesIO(data)).pages]


def _folded(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


@pytest.mark.parametrize("language", ["en", "it"])
def test_a_phone_list_has_every_name_and_phone_grouped_by_initial_with_page_numbers(
        qapp: QApplication, language: str) -> None:
    translators = install_translators(qapp, "it") if language == "it" else []
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Italian if language == "it" else QLocale.Language.English,
                               QLocale.Country.Italy if language == "it" else QLocale.Country.UnitedStates))
    try:
        people = _people(120)
        data, count = pdf_bytes(PHONE_LIST, people, REP, "Rubrica — phone list")
        pages = _pages(data)
        assert count == len(pages) > 1
        text = "\n".join(pages)
        for c in people:
            assert f"{c.first_name} Rossi" in text and c.phone_number is not None
            digits = c.phone_number[6:]
            assert f"+39 347 {digits[:3]} {digits[3:]}" in text  # grouped, as the window shows it
        word = "Pagina" if language == "it" else "Page"
        assert f"{word} 1 " in pages[0] and f"{word} {count} " in pages[-1]
        assert "Rubrica" in pages[0] and "Rubrica" in pages[-1]  # the header on every page
        by_name = sorted((c for c in people if not (c.first_name or "").startswith("Ł")),  # Ł: the locale's
                         key=lambda c: _folded(c.first_name or ""))
        order = [text.find(f"{c.first_name} Rossi") for c in by_name]
        assert order == sorted(order)  # by name, whatever the case or accent
        reader = PdfReader(io.BytesIO(data))
        width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
        assert abs(width_mm - (210 if language == "it" else 215.9)) < 1  # A4 in Italy, Letter in the US
        assert locale_page_size().id().name == ("A4" if language == "it" else "Letter")
    finally:
        QLocale.setDefault(before)
        for t in translators:
            qapp.removeTranslator(t)


def test_cards_hold_every_field_and_labels_fill_a_3_by_8_sheet(qapp: QApplication, tmp_path: Path) -> None:
    people = _people(30)
    path = tmp_path / "cards.pdf"
    count = write_pdf(path, CARDS, people, REP, "Cards")
    text = "\n".join(_pages(path.read_bytes()))
    assert count >= 5 and "Acme S.r.l." in text and "Via Roma 7" in text and "Italy" in text
    data, count = pdf_bytes(LABELS, people, REP, "Labels")
    pages = _pages(data)
    assert count == 2 and all(f"{c.first_name} Rossi" in pages[0] for c in people[:24])
    assert all(f"{c.first_name} Rossi" in pages[1] for c in people[24:])
    assert "Page" not in pages[0]  # nothing printed across the labels


def test_a_long_list_can_be_stopped_and_leaves_no_file(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    seen: list[int] = []

    def progress(done: int) -> bool:
        seen.append(done)
        return done < 500

    with pytest.raises(Cancelled):
        write_pdf(path, PHONE_LIST, _people(2000), REP, "Long", progress=progress)
    assert not path.exists() and seen[-1] == 500


def test_file_save_as_pdf_writes_the_selected_contacts_and_print_previews_them(
        aloop: object, qtbot: object, sandbox: object, tmp_path: Path) -> None:
    from contact_desk.ui.printing.print_dialog import PrintDialog
    from tests.ui.conftest import until
    from tests.ui.window import open_window, select_rows

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:  # type: ignore[arg-type]
            await until(lambda: w.model.contact(2) is not None, what="rows")
            select_rows(w, [0, 1, 2])
            chosen = [w.model.contact(r) for r in range(3)]
            w.commands.pdf.trigger()
            dialog = w.findChild(PrintDialog)
            assert dialog is not None and dialog.isVisible() and dialog.pdf_button.isDefault()
            assert dialog.scope.selection.isChecked()  # the selection, as Export does
            dialog.style_box.setCurrentIndex(dialog.style_box.findData(CARDS))
            path = tmp_path / "scelti.pdf"
            await dialog.save_pdf(path)
            text = "\n".join(_pages(path.read_bytes()))
            for c in chosen:
                assert c is not None and c.email in text
            assert "Contact cards" in text and "saved" not in dialog.note.text().lower()
            assert "scelti.pdf" in w.statusBar().currentMessage()
            again = w.transfers.print_contacts()
            assert again is not None and again.print_button.isDefault()
            await again.preview()
            preview = again.preview_dialog
            assert preview is not None and preview.isVisible()
            preview.close()
            again.close()

    aloop.run(main(), timeout=60)  # type: ignore[attr-defined]
