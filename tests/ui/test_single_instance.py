"""One window per user (the gap left by issue 35, point 3): a second start hands its file to the
window already open, which comes forward with the file in Import, and exits; a window killed with
-9 leaves nothing that stops the next start; a hung window is not waited for; junk on the socket
is dropped. Real processes, a real local socket and a real lock file."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from contact_desk.app import file_opening, follow_hand_overs
from contact_desk.sandbox import Sandbox
from contact_desk.ui.window.single_instance import (
    MAX_MESSAGE,
    SingleInstance,
    come_forward,
    start_or_hand_over,
)
from tests.ui.conftest import Loop, until
from tests.ui.test_open_file import CARD
from tests.ui.window import open_window

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from contact_desk.ui.window.single_instance import SingleInstance
app = QCoreApplication([])
one = SingleInstance(Path(sys.argv[1]))
print("claimed" if one.claim() else "taken", flush=True)
time.sleep(120)  # never runs the event loop: a window that hangs
"""

SENDER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from contact_desk.ui.window.single_instance import SingleInstance
app = QCoreApplication([])
path = Path(sys.argv[2]) if len(sys.argv) > 2 else None
print(SingleInstance(Path(sys.argv[1])).hand_over(path), flush=True)
"""


def _env(config: Path, **more: str) -> dict[str, str]:
    return {**os.environ, "CONTACT_DESK_CONFIG_DIR": str(config), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT / "src") + os.pathsep + str(ROOT), **more}


def _second_start(config: Path, cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "contact_desk", *args], env=_env(config), text=True,
                            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)


def _send(qtbot: QtBot, one: SingleInstance, config: Path, *path: Path) -> tuple[object, str]:
    """What ``one`` received from another process's hand-over, and what that process said."""
    sender = subprocess.Popen([sys.executable, "-c", SENDER, str(config), *map(str, path)], env=_env(config),
                              text=True, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    with qtbot.waitSignal(one.opened, timeout=20_000) as got:
        pass
    qtbot.waitUntil(lambda: sender.poll() is not None, timeout=15_000)
    return got.args[0] if got.args else "nothing", sender.communicate()[0].strip()


@pytest.fixture
def runtime_dirs() -> Iterator[Callable[[], Path]]:
    """Folders like $XDG_RUNTIME_DIR (/run/user/1000): this user's alone, with short paths (a
    Unix socket's has at most 104 bytes), removed afterwards."""
    made: list[Path] = []

    def make() -> Path:
        made.append(Path(tempfile.mkdtemp(prefix="cd-", dir="/tmp")))
        return made[-1]
    yield make
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock and listening, that never answers."""
    config = tmp_path / "config"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(config)], env=_env(config), text=True,
                            stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "claimed"
        yield proc
    finally:
        proc.kill()
        proc.wait(10)


def test_a_second_start_hands_its_file_to_the_open_window_which_shows_it_in_import(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    config, card = tmp_path / "config", tmp_path / "rubrica di Ada.vcf"
    card.write_text(CARD, encoding="utf-8")
    one = SingleInstance(config)
    assert one.claim()
    if sys.platform != "win32":  # only this user may connect
        assert one.server is not None and os.stat(one.server.fullServerName()).st_mode & 0o077 == 0

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            opening = file_opening(w)
            follow_hand_overs(one, w, opening)
            w.showMinimized()
            second = _second_start(config, tmp_path, card.name, "--lang", "it")  # relative to its folder
            await until(lambda: second.poll() is not None, within=60, what="the second start to end")
            out, err = second.communicate()
            assert second.returncode == 0, err
            assert "rubrica di Ada.vcf" in out and "già aperto" in out, out  # said in the user's language
            assert not w.isMinimized()  # the open window came forward
            ask = opening.ask
            assert ask is not None and ask.isVisible() and "rubrica di Ada.vcf" in ask.windowTitle()
            ask.close()

    try:
        aloop.run(main(), timeout=90)
    finally:
        one.release()


def test_a_second_start_without_a_file_only_brings_the_window_forward(qtbot: QtBot, tmp_path: Path) -> None:
    one = SingleInstance(tmp_path / "config")
    assert one.claim()
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    one.opened.connect(lambda _path: come_forward(window))
    received, said = _send(qtbot, one, tmp_path / "config")
    one.release()
    assert said == "True" and received is None and not window.isMinimized()


def test_a_window_killed_leaves_nothing_that_stops_the_next_start(
        qtbot: QtBot, tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    config = tmp_path / "config"
    assert not SingleInstance(config).claim()  # held while its process lives
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    one = SingleInstance(config)
    assert one.claim() and one.server is not None  # its lock and its socket file were taken over
    card = tmp_path / "lista.csv"
    received, said = _send(qtbot, one, config, card)
    one.release()
    assert said == "True" and received == card


def test_a_hung_window_is_not_waited_for_and_a_second_window_opens(
        tmp_path: Path, holder: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    go_on, one = start_or_hand_over(tmp_path / "config", tmp_path / "lista.vcf")
    waited = time.monotonic() - started
    assert go_on and one is None  # this start opens its own window, without the lock
    assert "does not answer" in capsys.readouterr().err
    assert waited < 20, waited  # bounded: a connection, then at most two answer waits of 3 s


@pytest.mark.parametrize("junk", [b"x" * (MAX_MESSAGE + 10), b"not json\n", b'{"open": "relative.vcf"}\n',
                                  b'{"open": 7}\n', b"[1]\n", b'{"open": "/a\\u0000b"}\n'])
def test_junk_on_the_socket_is_dropped_and_the_next_start_still_heard(
        qtbot: QtBot, tmp_path: Path, junk: bytes) -> None:
    one = SingleInstance(tmp_path / "config")
    assert one.claim()
    got: list[object] = []
    one.opened.connect(got.append)
    peer = QLocalSocket()
    peer.connectToServer(one.server_name)
    qtbot.waitUntil(lambda: peer.state() == QLocalSocket.LocalSocketState.ConnectedState, timeout=5000)
    peer.write(junk)
    qtbot.waitUntil(lambda: peer.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5000)
    assert got == [] and peer.readAll().data() == b""  # dropped, never answered ok
    card = tmp_path / "lista.vcf"
    received, said = _send(qtbot, one, tmp_path / "config", card)
    one.release()
    assert said == "True" and received == card and got == [card]


@pytest.mark.skipif(sys.platform == "win32", reason="Unix permissions")
def test_the_lock_and_socket_stay_on_this_machine_in_a_folder_of_this_users_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runtime_dirs: Callable[[], Path]) -> None:
    runtime = runtime_dirs()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    config = tmp_path / "config"
    one = SingleInstance(config)
    assert one.claim() and one.server is not None
    try:
        assert sorted(p.suffix for p in runtime.iterdir()) == [".lock", ".sock"]
        token = config / "window-token"
        assert [p.name for p in config.iterdir()] == [token.name]  # the settings folder holds a token only
        assert token.stat().st_mode & 0o077 == 0 and len(token.read_text()) == 32
        assert token.read_text() not in one.server_name  # the name is made from it, never shows it
    finally:
        one.release()


def test_two_machines_sharing_a_redirected_settings_folder_each_open_their_window(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runtime_dirs: Callable[[], Path]) -> None:
    """Terminal servers that see one settings folder on a share: a window on the other server is
    no reason to wait or to refuse a window here."""
    config = tmp_path / "config"
    there, here = runtime_dirs(), runtime_dirs()
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(config)], text=True, stdout=subprocess.PIPE,
                             stdin=subprocess.DEVNULL, env=_env(config, XDG_RUNTIME_DIR=str(there)))
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "claimed"
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(here))
        started = time.monotonic()
        one = SingleInstance(config)
        assert one.claim() and one.server is not None
        one.release()
        assert time.monotonic() - started < 2
    finally:
        other.kill()
        other.wait(10)


def test_a_token_left_empty_by_a_full_disk_is_made_again_without_a_wait(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    token = config / "window-token"
    token.write_bytes(b"")  # the disk was full when the first start wrote it
    old = time.time() - 60
    os.utime(token, (old, old))
    started = time.monotonic()
    one = SingleInstance(config)
    assert one.claim()
    one.release()
    assert time.monotonic() - started < 0.5  # not the second of waiting for a writer that is gone
    made = token.read_text()
    assert len(made) == 32 and token.stat().st_mode & 0o077 == 0
    again = SingleInstance(config)
    assert again.claim() and token.read_text() == made  # kept from then on
    again.release()


@pytest.fixture
def stand_in(tmp_path: Path,
             holder: subprocess.Popen[str]) -> Iterator[tuple[SingleInstance, Callable[..., None]]]:
    """A second start facing a window replaced by a Unix socket of the test's, and a way to say how
    that window answers (``answer(pieces, every)``: each piece sent ``every`` seconds apart)."""
    one = SingleInstance(tmp_path / "config")
    assert not one.claim()  # the holder's lock; its socket file is replaced by the stand-in's
    os.unlink(one.server_name)
    server = socket.socket(socket.AF_UNIX)
    server.bind(one.server_name)
    server.listen(1)
    done = threading.Event()
    threads: list[threading.Thread] = []

    def answer(pieces: list[bytes], every: float) -> None:
        def serve() -> None:
            conn, _ = server.accept()
            with conn:
                conn.recv(65536)
                for piece in pieces:
                    if done.wait(every):
                        return
                    conn.send(piece)
                done.wait(10)
        threads.append(threading.Thread(target=serve, daemon=True))
        threads[-1].start()

    try:
        yield one, answer
    finally:
        done.set()
        for thread in threads:
            thread.join(5)
        server.close()
        one.release()


@pytest.mark.skipif(sys.platform == "win32", reason="a Unix socket stands in for the window")
def test_a_window_busy_for_a_moment_is_still_heard(stand_in: tuple[SingleInstance, Callable[..., None]],
                                                   tmp_path: Path) -> None:
    """The answer comes 0.4 s after the message (a window busy painting 100,000 rows): it counts.
    Qt's QLocalSocket.waitForReadyRead missed it and gave up after 3 s; the second start then
    opened a second window while the first one imported the file."""
    one, answer = stand_in
    answer([b"ok\n"], 0.4)
    started = time.monotonic()
    assert one.hand_over(tmp_path / "lista.vcf")
    assert time.monotonic() - started < 2.5


@pytest.mark.skipif(sys.platform == "win32", reason="a Unix socket stands in for the window")
def test_a_window_that_trickles_its_answer_is_not_waited_for_past_the_deadline(
        stand_in: tuple[SingleInstance, Callable[..., None]], tmp_path: Path) -> None:
    one, answer = stand_in
    answer([b"."] * 40, 0.3)
    started = time.monotonic()
    assert not one.hand_over(tmp_path / "lista.vcf")
    assert time.monotonic() - started < 5  # one 3 s deadline, not 3 s a byte
