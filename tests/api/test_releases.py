"""News of a new version (issue 35, point 7) against a feed served on 127.0.0.1: newer, the same,
older, broken, unreachable, and switched off by each of its three switches."""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from contact_desk.api import releases
from contact_desk.api.releases import Release, is_newer, latest, policy_file_off, switched_off


class Feed:
    def __init__(self) -> None:
        self.body = b"{}"
        self.status = 200
        self.seen: list[dict[str, str]] = []
        self.headers: dict[str, str] = {}


@pytest.fixture
def feed() -> Iterator[tuple[Feed, str]]:
    state = Feed()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.seen.append({k.lower(): v for k, v in self.headers.items()} | {"path": self.path})
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            for name, value in state.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(state.body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/releases/latest"
    finally:
        server.shutdown()
        server.server_close()


def _read(url: str) -> Release | None:
    async def main() -> Release | None:
        async with httpx.AsyncClient() as http:
            return await latest(http, url)
    return asyncio.run(main())


def test_versions_compare_as_people_number_them() -> None:
    assert is_newer("1.3.0", "1.2.9") and is_newer("v1.10", "1.9.9") and is_newer("1.3", "1.3.0-rc1")
    assert not is_newer("1.3.0", "1.3.0") and not is_newer("1.2", "1.3")
    assert not is_newer("1.3.0-rc1", "1.3.0")
    assert not is_newer("nightly", "0.1.0")


def test_the_feed_is_read_in_our_shape_and_githubs(feed: tuple[Feed, str]) -> None:
    state, url = feed
    state.body = json.dumps({"version": "9.1.0", "url": "https://example.com/download"}).encode()
    assert _read(url) == Release("9.1.0", "https://example.com/download")
    state.body = json.dumps({"tag_name": "v9.2.0", "html_url": "https://github.com/x/y/releases/v9.2.0",
                             "assets": [{"name": "setup.exe"}] * 50}).encode()
    assert _read(url) == Release("9.2.0", "https://github.com/x/y/releases/v9.2.0")
    sent = state.seen[-1]
    assert sent["user-agent"] == "Contact-Desk" and "cookie" not in sent and "authorization" not in sent
    assert sent["path"] == "/releases/latest"  # nothing of the user's in the address either


@pytest.mark.parametrize("body, status", [(b"not json", 200), (b"[1, 2]", 200), (b'{"version": "2.0"}', 200),
                                          (b'{"version": "2.0", "url": "http://evil.example/x"}', 200),
                                          (b'{"version": "2.0", "url": "https://x.example"}', 500),
                                          (b"x" * (300 * 1024), 200)])
def test_a_broken_feed_is_no_news(feed: tuple[Feed, str], body: bytes, status: int) -> None:
    state, url = feed
    state.body, state.status = body, status
    assert _read(url) is None


def test_a_compressed_feed_is_read_and_a_gzip_bomb_never_inflates(feed: tuple[Feed, str]) -> None:
    state, url = feed
    state.headers = {"Content-Encoding": "gzip"}
    state.body = gzip.compress(json.dumps({"version": "9.3.0", "url": "https://example.com/d"}).encode())
    assert _read(url) == Release("9.3.0", "https://example.com/d")
    assert state.seen[-1]["accept-encoding"] == "gzip, deflate"  # only what is read under the bound
    state.body = gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9)  # 64 MB in about 64 KB
    tracemalloc.start()
    try:
        assert _read(url) is None
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"{peak / 2**20:.0f} MB held while refusing a 64 MB bomb"
    state.headers = {"Content-Encoding": "br"}
    state.body = b"\x1b\x00"
    assert _read(url) is None


def test_an_unreachable_feed_or_one_not_https_is_no_news() -> None:
    assert _read("http://127.0.0.1:9/releases") is None  # nothing listens
    assert _read("http://releases.example.com/latest") is None  # never read: not https


def test_each_switch_turns_the_check_off(tmp_path: Path) -> None:
    assert switched_off(True, {}) == "" or releases._policy_off()
    assert switched_off(False, {}) == "setting"
    assert switched_off(True, {releases.ENV_OFF: "1"}) == "environment"
    assert switched_off(True, {releases.ENV_OFF: "0"}) in ("", "policy")
    policy = tmp_path / "policy.json"
    policy.write_text('{"update_check": false}')
    assert policy_file_off(policy)
    policy.write_text('{"update_check": true}')
    assert not policy_file_off(policy) and not policy_file_off(tmp_path / "none.json")
    policy.write_text("not json")
    assert not policy_file_off(policy)


def test_at_most_once_a_day() -> None:
    assert releases.due(None, 1000.0) and not releases.due(1000.0, 1000.0 + 3600)
    assert releases.due(1000.0, 1000.0 + 86_400) and releases.due(5000.0, 1000.0)  # a clock set back


def test_the_window_says_a_newer_version_with_its_download_page_once_a_day(
        feed: tuple[Feed, str], qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow, QMenu

    from contact_desk.ui.window.updates import FEED, UpdateCheck

    monkeypatch.delenv(releases.ENV_OFF, raising=False)
    monkeypatch.setattr(releases, "_policy_off", lambda: False)
    state, url = feed
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue(FEED, url)
    said: list[tuple[str, str]] = []
    opened: list[str] = []
    actions: list[object] = []

    async def main() -> None:
        async with httpx.AsyncClient() as http:
            window = QMainWindow()
            menu = QMenu(window)
            check = UpdateCheck(settings, http, menu, lambda text, act, label: (said.append((text, label)),
                                                                               actions.append(act)), window)
            check.open_url = lambda u: opened.append(u.toString()) or True  # type: ignore[assignment,func-returns-value]
            state.body = json.dumps({"version": "0.0.9", "url": "https://example.com/old"}).encode()
            assert await check.run(now=1_000_000.0) is None and said == []  # older: nothing to say
            state.body = json.dumps({"version": "99.0", "url": "https://example.com/dl"}).encode()
            assert await check.run(now=1_000_000.0 + 3600) is None  # the same day: not read again
            assert len(state.seen) == 1
            found = await check.run(now=1_000_000.0 + 86_400)
            assert found == Release("99.0", "https://example.com/dl")
            assert said and "Contact Desk 99.0 is available" in said[-1][0] and said[-1][1] == "Download page"
            actions[-1]()  # type: ignore[operator]
            assert opened == ["https://example.com/dl"]
            check.action.setChecked(False)  # the user's switch, remembered
            assert await check.run(now=1_000_000.0 + 3 * 86_400) is None and len(state.seen) == 2
            assert str(settings.value("updates/check")).lower() == "false"
    asyncio.run(main())
