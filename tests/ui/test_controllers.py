"""The sidebar's and the overview's controllers against a fake Navigator (tests/fakes.py): what
they ask the table to show, as a Target, with no main window behind them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore, View
from contact_desk.api import ApiKey, Query
from contact_desk.api.dialect import Condition
from contact_desk.api.schema import SCHEMAS, Kind
from contact_desk.mirror.query import conditions as cond
from contact_desk.ui.context import Services
from contact_desk.ui.host import KEEP, Target
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.window.insight_control import InsightControl
from contact_desk.ui.window.sidebar_control import SidebarControl
from contact_desk.ui.window.state import WindowState
from tests.fakes import FakeNavigator


def parts(qtbot: QtBot, tmp_path: Path) -> tuple[Services, QMainWindow, OfflineCopy, WindowState]:
    store, keys = MemoryAccountStore(), MemoryKeyStore()
    for name, dialect, key in (("Shop", "smartcq", "demo-smartcq"), ("Rep", "replicer", "rpl_test_demo")):
        store.add(name, dialect, "http://127.0.0.1:9", key=ApiKey(key), keys=keys)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    services = Services(http=None, accounts=store, keys=keys, settings=settings)  # type: ignore[arg-type]
    main = QMainWindow()
    qtbot.addWidget(main)
    return services, main, OfflineCopy(store.copy_choices, services.tasks, None, main), WindowState(settings)


def test_a_saved_view_a_tag_and_a_bar_become_targets(qtbot: QtBot, tmp_path: Path) -> None:
    services, main, copies, state = parts(qtbot, tmp_path)
    shop, rep = services.accounts.all()
    nav = FakeNavigator(rep)
    side = SidebarControl(services, nav, copies, state, main)
    leads = View.of("Leads", Query(stage="lead", search="ro"), ("email", True), ["email", "stage"])
    services.accounts.views().save(shop.id, leads)
    side.apply_view(shop.id, "leads")  # any case
    assert nav.targets[-1] == Target(shop.id, Query(stage="lead", search="ro"), sort=("email", True),
                                     columns=("email", "stage"), note="View “Leads”")
    side.apply_tag(shop.id, "vip")
    tags = next(f.name for f in cond.offered(SCHEMAS[shop.dialect]) if f.kind is Kind.TAGS)
    assert nav.targets[-1] == Target(shop.id, Query(where=(Condition(tags, cond.HAS, "vip"),)),
                                     aside=nav.targets[-1].aside)  # the tag alone: as many as counted
    assert "set aside" in nav.targets[-1].aside
    nav.refuse = True
    assert side.apply_where((Condition(tags, cond.HAS, "x"),)) is False  # said by the Navigator


def test_a_view_is_saved_as_the_table_shows_it(qtbot: QtBot, tmp_path: Path) -> None:
    services, main, copies, state = parts(qtbot, tmp_path)
    shop = services.accounts.all()[0]
    nav = FakeNavigator(shop)
    nav.now = Target(shop.id, Query(email_status="bounced"), sort=("lastName", False), columns=("email",))
    side = SidebarControl(services, nav, copies, state, main)
    said: list[str] = []
    side.said.connect(lambda text, _ms: said.append(text))
    assert side.save("  Bounced   mail ")
    view = services.accounts.views().find(shop.id, "Bounced mail")
    assert (view.query(), view.sort, view.descending, view.columns) == (
        Query(email_status="bounced"), "lastName", False, ["email"])
    assert said == ["View “Bounced mail” saved"]


def test_a_contact_found_in_every_account_is_opened_as_a_target(qtbot: QtBot, tmp_path: Path) -> None:
    services, main, copies, _state = parts(qtbot, tmp_path)
    shop, rep = services.accounts.all()
    nav = FakeNavigator(shop)
    insight = InsightControl(services, nav, copies, editing=None,  # type: ignore[arg-type]
                             clock=lambda _s, _d: "", main=main)
    raised: list[bool] = []
    insight.windowWanted.connect(lambda: raised.append(True))
    insight.open_found(rep.id, "c-42")
    assert nav.targets == [Target(rep.id, select="c-42", reveal=True)]  # its own view, the contact in it
    assert raised == [True]
    assert nav.targets[-1].sort == KEEP  # the order is left as the user had it
    assert insight.offered() == "Open an account first."  # the Navigator shows none (no dialect)
