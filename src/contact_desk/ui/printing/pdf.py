"""Save as PDF: the printed pages (pages.py) written through Qt's PDF writer into memory, then to
the file atomically (a full disk or a cancel leaves what was there). Used by the window, off its
thread, and by ``contact-desk export --format pdf`` (which loads Qt only then, offscreen)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QDate, QIODevice, QLocale
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter

from contact_desk.api.models import Contact
from contact_desk.api.schema import DialectSchema
from contact_desk.files import atomic_write
from contact_desk.models.format import date_format
from contact_desk.ui.printing.pages import Sheet, page_layout, paint
from contact_desk.ui.printing.styles import blocks

RESOLUTION = 300  # dots per inch: text is vector anyway; this is the layout's grid


def today() -> str:
    return QLocale().toString(QDate.currentDate(), date_format())


def pdf_bytes(style: str, contacts: Iterable[Contact], schema: DialectSchema, title: str, *,
              size: QPageSize | None = None, grid: tuple[int, int] = (3, 8),
              progress: Callable[[int], bool] | None = None) -> tuple[bytes, int]:
    """The PDF of ``contacts`` in ``style``, and its pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(page_layout(style, size))
    writer.setTitle(title)
    writer.setCreator("Contact Desk")
    pages = paint(writer, list(blocks(style, contacts, schema)), Sheet(style, title, today(), grid), progress)
    del writer
    buffer.close()
    return bytes(buffer.data().data()), pages


def write_pdf(path: Path, style: str, contacts: Iterable[Contact], schema: DialectSchema, title: str, *,
              size: QPageSize | None = None, grid: tuple[int, int] = (3, 8),
              progress: Callable[[int], bool] | None = None) -> int:
    """Writes the PDF to ``path`` (atomically); returns its pages."""
    data, pages = pdf_bytes(style, contacts, schema, title, size=size, grid=grid, progress=progress)
    with atomic_write(path) as out:
        out.write(data)
    return pages


def write_pdf_offscreen(path: Path, style: str, contacts: Iterable[Contact], schema: DialectSchema,
                        title: str) -> int:
    """``write_pdf`` for the command line: a Qt application made for it, offscreen (no display
    needed), in the user's language's formats."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    try:
        return write_pdf(path, style, contacts, schema, title)
    finally:
        del app
