"""The printed pages, painted with QPainter on any paged device (a PDF writer, a printer, a print
preview): laid out first (so every page can say "Page 2 of 5"), then painted. Lists and cards
flow down the page under a header with the account and the date, a page number at the foot;
labels fill a sheet's grid edge to edge (3 x 8 on A4 unless chosen), with no header to print
across them. Long lists are painted off the window's thread: ``progress`` is told each contact
painted and stops the work when it answers False."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPen

from contact_desk.ui.printing.styles import CARDS, LABELS, PHONE_LIST, Block

MARGIN_MM = 15.0
GAP_MM = 3.0


class Cancelled(Exception):
    """The user stopped a long print or PDF."""


@dataclass(frozen=True)
class Sheet:
    style: str
    title: str  # the header: the account and what is printed
    when: str  # the date, as the locale writes it
    grid: tuple[int, int] = (3, 8)  # labels: columns x rows on a sheet


def locale_page_size() -> QPageSize:
    """Letter where the locale measures in inches (the US), A4 elsewhere."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4)


def page_layout(style: str, size: QPageSize | None = None,
                orientation: QPageLayout.Orientation = QPageLayout.Orientation.Portrait) -> QPageLayout:
    margin = 0.0 if style == LABELS else MARGIN_MM  # a label sheet is printed to its edges
    return QPageLayout(size or locale_page_size(), orientation, QMarginsF(margin, margin, margin, margin),
                       QPageLayout.Unit.Millimeter)


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


class _Layout:
    """Where each block goes, page by page, in device pixels."""

    def __init__(self, device: QPagedPaintDevice, sheet: Sheet) -> None:
        self.sheet = sheet
        self.mm = device.logicalDpiY() / 25.4
        self.width, self.height = float(device.width()), float(device.height())
        self.body = _font(9)
        self.bold = _font(9, bold=True)
        self.line = QFontMetricsF(self.body, device).lineSpacing()
        head = 0.0 if sheet.style == LABELS else self.line * 2.2
        self.top, self.bottom = head, self.height - (0.0 if sheet.style == LABELS else self.line * 1.8)

    def pages(self, blocks: list[Block]) -> list[list[tuple[Block, QRectF]]]:
        if self.sheet.style == LABELS:
            return self._grid(blocks)
        pages: list[list[tuple[Block, QRectF]]] = [[]]
        y = self.top
        gap = GAP_MM * self.mm if self.sheet.style == CARDS else 0.0
        for block in blocks:
            lines = 1 if self.sheet.style == PHONE_LIST and not block.heading else len(block.lines)
            height = lines * self.line + (self.line * 0.6 if block.heading else 0.0)
            if self.sheet.style == CARDS:
                height += self.line  # the card's frame and padding
            height = min(height, self.bottom - self.top)  # a card taller than a page: cut at its foot
            if y + height > self.bottom and pages[-1]:
                pages.append([])
                y = self.top
            pages[-1].append((block, QRectF(0, y, self.width, height)))
            y += height + gap
        return pages

    def _grid(self, blocks: list[Block]) -> list[list[tuple[Block, QRectF]]]:
        cols, rows = self.sheet.grid
        w, h = self.width / cols, self.height / rows
        pages: list[list[tuple[Block, QRectF]]] = []
        for i, block in enumerate(blocks):
            at = i % (cols * rows)
            if at == 0:
                pages.append([])
            pages[-1].append((block, QRectF((at % cols) * w, (at // cols) * h, w, h)))
        return pages or [[]]


def paint(device: QPagedPaintDevice, blocks: list[Block], sheet: Sheet,
          progress: Callable[[int], bool] | None = None) -> int:
    """Paints ``blocks`` on ``device`` (its page layout already set); returns the pages painted.
    Raises Cancelled when ``progress`` answers False."""
    layout = _Layout(device, sheet)
    pages = layout.pages(blocks)
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError("the printer or file cannot be written")
    done = 0
    try:
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            if sheet.style != LABELS:
                _frame(painter, layout, number, len(pages))
            for block, rect in page:
                _block(painter, layout, block, rect)
                done += 0 if block.heading else 1
                if progress is not None and not progress(done):
                    raise Cancelled
    finally:
        painter.end()
    return len(pages)


def _frame(p: QPainter, layout: _Layout, number: int, total: int) -> None:
    """The header (the title, the date) and the page number."""
    p.setFont(layout.bold)
    p.setPen(Qt.GlobalColor.black)
    top = QRectF(0, 0, layout.width, layout.line * 1.4)
    p.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, layout.sheet.title)
    p.setFont(layout.body)
    p.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, layout.sheet.when)
    p.drawLine(0, int(top.bottom()), int(layout.width), int(top.bottom()))
    foot = QRectF(0, layout.height - layout.line * 1.2, layout.width, layout.line * 1.2)
    page = QCoreApplication.translate("Printing", "Page {n} of {total}").format(
        n=QLocale().toString(number), total=QLocale().toString(total))
    p.drawText(foot, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, page)


def _elided(p: QPainter, text: str, width: float) -> str:
    return p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))


def _block(p: QPainter, layout: _Layout, block: Block, rect: QRectF) -> None:
    line, style = layout.line, layout.sheet.style
    p.setPen(Qt.GlobalColor.black)
    if block.heading:
        p.setFont(_font(12, bold=True))
        p.drawText(rect.adjusted(0, line * 0.4, 0, 0), Qt.AlignmentFlag.AlignLeft, block.lines[0].text)
        return
    if style == PHONE_LIST:  # one line: the name, then the rest
        name_width = rect.width() * 0.38
        p.setFont(layout.bold)
        p.drawText(QRectF(rect.left(), rect.top(), name_width, line), Qt.AlignmentFlag.AlignLeft,
                   _elided(p, block.lines[0].text, name_width - 4))
        p.setFont(layout.body)
        rest = block.lines[1].text if len(block.lines) > 1 else ""
        p.drawText(QRectF(rect.left() + name_width, rect.top(), rect.width() - name_width, line),
                   Qt.AlignmentFlag.AlignLeft, _elided(p, rest, rect.width() - name_width))
        return
    pad = layout.mm * (3.0 if style == LABELS else 2.0)
    inner = rect.adjusted(pad, pad / 2, -pad, -pad / 2)
    if style == CARDS:
        p.setPen(QPen(Qt.GlobalColor.gray, max(1.0, layout.mm * 0.2)))
        p.drawRect(rect)
        p.setPen(Qt.GlobalColor.black)
    y = inner.top()
    for one in block.lines:
        if y + line > inner.bottom() + 1:
            break  # what does not fit the card or label is not printed over the next
        p.setFont(layout.bold if one.bold else layout.body)
        p.drawText(QRectF(inner.left(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft,
                   _elided(p, one.text, inner.width()))
        y += line
