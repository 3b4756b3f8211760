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


LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
           "it": QLocale(QLocale.Language.Italian, QLocale.Country.Italy)}


def apply_locale(language: str) -> QLocale:
    """Numbers and dates follow the user's regional settings; where there are none (the
    C/POSIX locale of a bare session) they follow the interface language instead."""
    system = QLocale.system()
    if system.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage) and language in LOCALES:
        QLocale.setDefault(LOCALES[language])
    return QLocale()


LANGUAGE = "contact_desk_language"  # the application's property naming the interface's language


def interface_language() -> str:
    """The language the interface was given ("en" before any)."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE) if app is not None else None
    return str(value) if value else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs the translators and returns them: the caller must keep them alive. English
    has one too, of plural forms only ("%Ln contact(s)" -> "1 contact", "2 contacts")."""
    kept: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"contact_desk_{language}.qm"))):
        app.installTranslator(ours)
        kept.append(ours)
        app.setProperty(LANGUAGE, language)  # what the interface speaks (the guide's language follows)
    if language == "en":
        return kept
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        kept.append(qt)
    return kept
