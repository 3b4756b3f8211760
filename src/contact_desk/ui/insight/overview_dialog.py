"""View → Overview: a picture of the account from its offline copy (mirror/query/overview.py), one chart a
figure; a click on a bar filters the list to it and the dialog steps aside (it covered the list it
had just filtered; Ctrl+Shift+O brings it back at once). The charts copy to the clipboard as an image
that says whose they are: the account, the total and the day, no bar marked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from contact_desk.api.dialect import Condition
from contact_desk.api.schema import DialectSchema, Kind
from contact_desk.mirror.query import conditions as cond
from contact_desk.mirror.query.overview import MONTHS, WEEKS, Figure, Overview
from contact_desk.models.format import date_format, display
from contact_desk.ui.insight.bar_chart import BarChart


def _period_label(value: str, period: str) -> str:
    locale = QLocale()
    if period == MONTHS:
        year, month = (int(x) for x in value.split("-"))
        return f"{locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat)} {year}"
    return locale.toString(QDate.fromString(value, Qt.DateFormat.ISODate), QLocale.FormatType.ShortFormat)


def bar_conditions(f: Figure, value: str, period: str, schema: DialectSchema) -> tuple[Condition, ...]:
    """What a click on a bar filters by."""
    if f.kind == "time":
        first = dt.date.fromisoformat(value + "-01" if period == MONTHS else value)
        if period == MONTHS:
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        else:
            last = first + dt.timedelta(days=6)
        return (Condition(f.field, cond.FROM, first.isoformat()),
                Condition(f.field, cond.TO, last.isoformat()))
    if not value:
        return (Condition(f.field, cond.EMPTY),)
    kind = next((x.kind for x in schema.fields if x.name == f.field), Kind.TEXT)
    if kind is Kind.TAGS:
        return (Condition(f.field, cond.HAS, value),)
    return (Condition(f.field, cond.EQUALS if kind is Kind.ENUM else cond.IS, value),)


class OverviewDialog(QDialog):
    filterWanted = Signal(object)  # tuple[Condition, ...]
    periodChanged = Signal(str)  # WEEKS or MONTHS

    def __init__(self, account: str, schema: DialectSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.schema = schema
        self.account = account
        self.setWindowTitle(self.tr("Overview of {account}").format(account=account))
        self.resize(900, 640)
        self.said = QLabel(self)
        self.said.setObjectName("overview-said")
        self.said.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(8)
        self.busy.setTextVisible(False)
        self.period = QComboBox(self)
        self.period.setObjectName("overview-period")
        self.period.addItem(self.tr("New contacts by month"), MONTHS)
        self.period.addItem(self.tr("New contacts by week"), WEEKS)
        self.period.currentIndexChanged.connect(lambda _i: self.periodChanged.emit(self.period.currentData()))
        self.copy_button = QPushButton(self.tr("&Copy as image"), self)
        self.copy_button.clicked.connect(self.copy_image)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.said, 1)
        top.addWidget(self.period)
        top.addWidget(self.copy_button)
        top.addWidget(close)
        self.charts = QWidget(self)
        self.charts.setObjectName("overview-charts")
        self.grid = QGridLayout(self.charts)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.busy)
        box.addWidget(scroll, 1)
        self.overview: Overview | None = None
        self.shown: list[BarChart] = []
        self.chosen_text = ""  # the last bar clicked, in words (the window says what it listed)

    def loading(self, text: str) -> None:
        self.said.setText(text)
        self.busy.show()

    def show_overview(self, overview: Overview, note: str) -> None:
        self.overview = overview
        self.busy.hide()
        self.said.setText(note)
        while (item := self.grid.takeAt(0)) is not None:
            if (w := item.widget()) is not None:
                w.deleteLater()
        self.shown = []
        row = col = 0
        for f in overview.figures:
            chart = self._chart(f, overview.period)
            if f.kind == "time":  # the whole width, on a row of its own
                row, col = (row + 1, 0) if col else (row, 0)
                self.grid.addWidget(chart, row, 0, 1, 2)
                row += 1
                continue
            self.grid.addWidget(chart, row, col, Qt.AlignmentFlag.AlignTop)
            row, col = (row, 1) if col == 0 else (row + 1, 0)
        self.grid.setRowStretch(row + 1, 1)

    def _chart(self, f: Figure, period: str) -> BarChart:
        label = QCoreApplication.translate("fields", f.label)
        field = next((x for x in self.schema.fields if x.name == f.field), None)
        names = []
        for value, _n in f.bars:
            if f.kind == "time":
                names.append(_period_label(value, period))
            elif not value:
                names.append(self.tr("(none)"))
            elif field is not None and field.kind in (Kind.COUNTRY, Kind.PHONE, Kind.DATE):
                names.append(display(field, value) or value)  # a country by its name, a phone grouped
            else:
                shown = field.choice_label(value) if field else value
                names.append(QCoreApplication.translate("fields", shown))
        if f.kind == "time":  # what the columns count, not the field's name ("Creato")
            title = self.tr("New contacts by month") if period == MONTHS else self.tr("New contacts by week")
        else:
            title = label if f.kind != "top" else self.tr("{field}: the most frequent").format(field=label)
        chart = BarChart(title, f.bars, over_time=f.kind == "time", labels=names, parent=self.charts)
        chart.setObjectName(f"chart-{f.field}")
        chart.barChosen.connect(lambda i, f=f, c=chart: self._chosen(f, c, i, period))
        self.shown.append(chart)
        return chart

    def _chosen(self, f: Figure, chart: BarChart, i: int, period: str) -> None:
        self.chosen_text = f"{chart.title}: {chart.labels[i]}"
        self.filterWanted.emit(bar_conditions(f, f.bars[i][0], period, self.schema))
        self.close()  # out of the way of the list it filtered

    def image(self) -> QPixmap:
        """The charts as one picture, headed by whose they are (account, total, day), no bar marked."""
        for chart in self.shown:
            chart.marked = False
        try:
            charts = self.charts.grab()
        finally:
            for chart in self.shown:
                chart.marked = True
        total = self.overview.contacts if self.overview is not None else 0
        head = self.tr("{account}: {count} contacts, {day}").format(
            account=self.account, count=QLocale().toString(total),
            day=QLocale().toString(QDate.currentDate(), date_format()))
        metrics = self.fontMetrics()
        band = metrics.height() * 2
        out = QPixmap(charts.width(), charts.height() + band)
        out.setDevicePixelRatio(charts.devicePixelRatio())
        out.fill(self.palette().color(QPalette.ColorRole.Window))
        painter = QPainter(out)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        width = round(charts.width() / charts.devicePixelRatio())
        painter.drawText(8, 0, width - 16, band, Qt.AlignmentFlag.AlignVCenter, head)
        painter.drawPixmap(0, band, charts)
        painter.end()
        return out

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.image())
        self.said.setText(self.tr("The charts are on the clipboard as an image."))
