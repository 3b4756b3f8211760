"""Help → User guide (issue 35, point 6): the guide shipped with the app, in the interface's
language, offline and searchable."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from contact_desk.ui.widgets.guide_window import GuideWindow, guide_path


def test_the_guide_opens_in_each_language_and_finds_words(qtbot: QtBot) -> None:
    assert guide_path("en").name == "user-guide.md" and guide_path("it").name == "user-guide.it.md"
    assert guide_path("de").name == "user-guide.md"  # a language without its own: the English one
    english = GuideWindow("en")
    qtbot.addWidget(english)
    assert "Possible duplicates" in english.text.toPlainText()
    italian = GuideWindow("it")
    qtbot.addWidget(italian)
    text = italian.text.toPlainText()
    assert "Possibili duplicati" in text and "Salva e avanti" in text
    italian.finder.setText("Ccn")
    assert italian.search() and italian.text.textCursor().selectedText() == "Ccn"
    first = italian.text.textCursor().position()
    found = [italian.search() for _ in range(text.count("Ccn"))]
    assert all(found) and italian.text.textCursor().position() == first  # round from the top again
    italian.finder.setText("parola che non c'è")
    assert not italian.search() and italian.said.text() == "Not found"
