"""A bar chart drawn with QPainter in the palette's colours (light, dark, high contrast): horizontal
bars with their labels and counts, or columns over time with a value axis and a label every few
columns. A click, or Enter on the bar chosen with the arrow keys, says which bar: the window filters
the list to it. The bar under the keyboard cursor is the chart's accessible description (a screen
reader says it). Counts are grouped alike in one chart ("10.864" beside "2.266", not "2266")."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW = 22  # a horizontal bar's height, with its gap
COLUMNS_HEIGHT = 160
TICKS = 4  # the value axis's steps above 0


def counted(n: int) -> str:
    """A count as the locale writes it, grouped from 1,000 up whatever the locale's minimum (Italian
    writes 2266 but 10.864: side by side in one chart they read as two kinds of number)."""
    locale = QLocale()
    text = locale.toString(n)
    if abs(n) < 1000 or locale.groupSeparator() in text:
        return text
    digits = str(abs(n))
    groups = [digits[max(0, i - 3):i] for i in range(len(digits), 0, -3)][::-1]
    return ("-" if n < 0 else "") + locale.groupSeparator().join(groups)


def _step(most: int) -> int:
    """A round step for the value axis (1, 2, 5, 10, 20, 50…) so that TICKS of them reach ``most``."""
    rough = max(1, most / TICKS)
    magnitude = int(10 ** (len(str(int(rough))) - 1))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)


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
        self.marked = True  # the chosen bar drawn in the link colour (not in a copied image)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(240)
        self.setToolTip(self.tr("Click a bar to list its contacts"))

    def sizeHint(self) -> QSize:
        title = self.fontMetrics().height() + 8
        if self.over_time:
            return QSize(480, title + COLUMNS_HEIGHT + 2 * self.fontMetrics().height() + 12)
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

    def _axis_step(self) -> int:
        return _step(max((n for _v, n in self.bars), default=0))

    def _axis_top(self) -> int:
        """The value the columns' axis reaches: the first round step at or above the highest column."""
        most, step = max((n for _v, n in self.bars), default=0), self._axis_step()
        return max(1, -(-most // step) * step)

    def _axis_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(counted(self._axis_top())) + 10

    def _columns_top(self) -> int:
        """Where the columns' area starts: below the title, with room for the top value's label."""
        return self._top() + self.fontMetrics().height() // 2 + 2

    def bar_rect(self, i: int) -> QRect:
        top, most = self._top(), max((n for _v, n in self.bars), default=0) or 1
        if self.over_time:
            top = self._columns_top()
            axis = self._axis_width()
            width = max(1.0, (self.width() - axis - 4) / max(1, len(self.bars)))
            height = round(COLUMNS_HEIGHT * self.bars[i][1] / self._axis_top())
            left = axis + round(i * width)
            return QRect(left, top + COLUMNS_HEIGHT - height, max(1, round(width) - 1), height)
        left = self._label_width()
        count_width = self.fontMetrics().horizontalAdvance("0,000,000") + 8
        span = max(10, self.width() - left - count_width)
        return QRect(left, top + i * ROW + 3, max(2, round(span * self.bars[i][1] / most)), ROW - 6)

    def bar_at(self, pos: QPoint) -> int:
        for i in range(len(self.bars)):
            rect = self.bar_rect(i)
            if self.over_time:
                rect = QRect(rect.left(), self._columns_top(), rect.width() + 1, COLUMNS_HEIGHT)
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
        if self.over_time and self.bars:
            self._axis(p, text)
            if self.marked and self.reading():  # the chosen column's month and count, by the title
                right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                p.drawText(QRect(0, 0, self.width() - 4, self._top()), right, self.reading())
        for i, (_value, n) in enumerate(self.bars):
            rect = self.bar_rect(i)
            color = QColor(chosen if i == self.current and self.marked else bar)
            p.fillRect(rect, color)
            if self.over_time:
                continue
            label = QRect(0, rect.top() - 3, self._label_width() - 6, ROW)
            p.setPen(text)
            name = self.fontMetrics().elidedText(self.labels[i], Qt.TextElideMode.ElideRight, label.width())
            p.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            p.drawText(QRect(rect.right() + 6, rect.top() - 3, self.width(), ROW),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, counted(n))
        if self.hasFocus() and self.marked:
            p.setPen(QColor(chosen))
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()

    def label_every(self) -> int:
        """Columns between two labels under the axis, so that labels never touch."""
        if not self.bars:
            return 1
        widest = max(self.fontMetrics().horizontalAdvance(t) for t in self.labels) + 12
        column = max(1.0, (self.width() - self._axis_width() - 4) / len(self.bars))
        return max(1, -(-widest // max(1, int(column))))

    def _axis(self, p: QPainter, text: QColor) -> None:
        """The value axis (0 and TICKS round steps, with faint lines across) and the time labels."""
        top, axis, step = self._columns_top(), self._axis_width(), self._axis_step()
        grid = QColor(text)
        grid.setAlpha(40)
        height = self.fontMetrics().height()
        for k in range(self._axis_top() // step + 1):
            y = top + COLUMNS_HEIGHT - round(COLUMNS_HEIGHT * k * step / self._axis_top())
            p.setPen(grid)
            p.drawLine(axis, y, self.width(), y)
            p.setPen(text)
            p.drawText(QRect(0, y - height // 2, axis - 6, height),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, counted(k * step))
        base = top + COLUMNS_HEIGHT
        p.drawLine(axis, base, self.width(), base)
        every = self.label_every()
        for i in range(0, len(self.bars), every):
            rect = self.bar_rect(i)
            if rect.left() + self.fontMetrics().horizontalAdvance(self.labels[i]) > self.width():
                break  # a label the chart has no room left for: not cut
            p.drawLine(rect.left(), base, rect.left(), base + 3)
            p.drawText(QRect(rect.left(), base + 4, self.width() - rect.left(), height + 2),
                       Qt.AlignmentFlag.AlignLeft, self.labels[i])

    def _announce(self) -> None:
        """The bar under the keyboard cursor, for a screen reader: "March 2026: 1.204"."""
        if 0 <= self.current < len(self.bars):
            self.setAccessibleDescription(self.reading())
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))

    def reading(self) -> str:
        """The chosen bar in words ('' when none is)."""
        if not 0 <= self.current < len(self.bars):
            return ""
        return f"{self.labels[self.current]}: {counted(self.bars[self.current][1])}"

    # -- choosing ---------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self.bar_at(event.position().toPoint())
        if i >= 0:
            value, n = self.labels[i], self.bars[i][1]
            self.setToolTip(f"{value}: {counted(n)}")
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        i = self.bar_at(event.position().toPoint())
        if i >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.current = i
            self._announce()
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
            self._announce()
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
