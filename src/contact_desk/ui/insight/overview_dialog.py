"""View → Overview: a picture of the account from its offline copy (mirror/query/overview.py), one chart a
figure; a click on a bar filters the list to it. The charts copy to the clipboard as an image."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication
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
from contact_desk.models.format import display
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
        title = label if f.kind != "top" else self.tr("{field}: the most frequent").format(field=label)
        chart = BarChart(title, f.bars, over_time=f.kind == "time", labels=names, parent=self.charts)
        chart.setObjectName(f"chart-{f.field}")
        chart.barChosen.connect(lambda i, f=f: self.filterWanted.emit(
            bar_conditions(f, f.bars[i][0], period, self.schema)))
        self.shown.append(chart)
        return chart

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.charts.grab())
        self.said.setText(self.tr("The charts are on the clipboard as an image."))
