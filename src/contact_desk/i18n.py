"""Interface language: loads our translations (resources/translations/*.qm) and Qt's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from contact_desk.resources import resource

SUPPORTED = ("en", "it")


def pick_language(requested: str | None) -> str:
    if requested in SUPPORTED:
        return requested
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs the translators and returns them: the caller must keep them alive."""
    kept: list[QTranslator] = []
    if language == "en":
        return kept
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"contact_desk_{language}.qm"))):
        app.installTranslator(ours)
        kept.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        kept.append(qt)
    return kept
