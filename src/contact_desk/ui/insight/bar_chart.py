"""A bar chart drawn with QPainter in the palette's colours (light, dark, high contrast): horizontal
bars with their labels and counts, or columns over time. A click, or Enter on the bar chosen with
the arrow keys, says which bar: the window filters the list to it."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW = 22  # a horizontal bar's height, with its gap
COLUMNS_HEIGHT = 160


class BarChart(QWidget):
    barChosen = Signal(int)  # the index of the bar clicked or entered

    def __init__(self, title: str, bars: list[tuple[str, int]], *, over_time: bool = False,
                 labels: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars = bars
        self.labels = labels or [v for v, _n in bars]  # what each bar is called on screen
        self.over_time = over_time
        self.current = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(240)
        self.setToolTip(self.tr("Click a bar to list its contacts"))

    def sizeHint(self) -> QSize:
        title = self.fontMetrics().height() + 8
        if self.over_time:
            return QSize(480, title + COLUMNS_HEIGHT + self.fontMetrics().height() + 8)
        return QSize(360, title + max(1, len(self.bars)) * ROW + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    # -- geometry ---------------------------------------------------------------------------
    def _top(self) -> int:
        return self.fontMetrics().height() + 8

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0)
        return min(widest + 8, self.width() // 2)

    def bar_rect(self, i: int) -> QRect:
        top, most = self._top(), max((n for _v, n in self.bars), default=0) or 1
        if self.over_time:
            width = max(1.0, (self.width() - 8) / max(1, len(self.bars)))
            height = round(COLUMNS_HEIGHT * self.bars[i][1] / most)
            left = 4 + round(i * width)
            return QRect(left, top + COLUMNS_HEIGHT - height, max(1, round(width) - 1), height)
        left = self._label_width()
        count_width = self.fontMetrics().horizontalAdvance("0,000,000") + 8
        span = max(10, self.width() - left - count_width)
        return QRect(left, top + i * ROW + 3, max(2, round(span * self.bars[i][1] / most)), ROW - 6)

    def bar_at(self, pos: QPoint) -> int:
        for i in range(len(self.bars)):
            rect = self.bar_rect(i)
            if self.over_time:
                rect = QRect(rect.left(), self._top(), rect.width() + 1, COLUMNS_HEIGHT)
            else:
                rect = QRect(0, rect.top() - 3, self.width(), ROW)
            if rect.contains(pos):
                return i
        return -1

    # -- drawing ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        text, bar = pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Highlight)
        chosen = pal.color(QPalette.ColorRole.Link)
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        middle_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p.drawText(QRect(0, 0, self.width(), self._top()), middle_left, self.title)
        p.setFont(self.font())
        locale = QLocale()
        for i, (_value, n) in enumerate(self.bars):
            rect = self.bar_rect(i)
            color = QColor(chosen if i == self.current else bar)
            p.fillRect(rect, color)
            if self.over_time:
                continue
            label = QRect(0, rect.top() - 3, self._label_width() - 6, ROW)
            p.setPen(text)
            name = self.fontMetrics().elidedText(self.labels[i], Qt.TextElideMode.ElideRight, label.width())
            p.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            p.drawText(QRect(rect.right() + 6, rect.top() - 3, self.width(), ROW),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, locale.toString(n))
        if self.over_time and self.bars:
            p.setPen(text)
            base = self._top() + COLUMNS_HEIGHT
            p.drawLine(0, base, self.width(), base)
            line = QRect(0, base + 2, self.width(), self.fontMetrics().height() + 4)
            p.drawText(line, Qt.AlignmentFlag.AlignLeft, self.labels[0])
            p.drawText(line, Qt.AlignmentFlag.AlignRight, self.labels[-1])
            if 0 <= self.current < len(self.bars):
                shown = f"{self.labels[self.current]}: {locale.toString(self.bars[self.current][1])}"
                p.drawText(line, Qt.AlignmentFlag.AlignHCenter, shown)
        if self.hasFocus():
            p.setPen(QColor(chosen))
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()

    # -- choosing ---------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self.bar_at(event.position().toPoint())
        if i >= 0:
            value, n = self.labels[i], self.bars[i][1]
            self.setToolTip(f"{value}: {QLocale().toString(n)}")
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        i = self.bar_at(event.position().toPoint())
        if i >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.current = i
            self.update()
            self.barChosen.emit(i)
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        back = Qt.Key.Key_Left if self.over_time else Qt.Key.Key_Up
        ahead = Qt.Key.Key_Right if self.over_time else Qt.Key.Key_Down
        if key in (back, ahead) and self.bars:
            step = -1 if key == back else 1
            self.current = max(0, min(len(self.bars) - 1, self.current + step if self.current >= 0 else 0))
            self.update()
            return
        chosen = 0 <= self.current < len(self.bars)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and chosen:
            self.barChosen.emit(self.current)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)
