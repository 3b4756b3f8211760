"""One Contact Desk window per user and settings folder. A second start (a double click on a .vcf
while the app runs, "Open with", the Start menu again) hands its file, or nothing, to the window
already open and exits: that window comes forward and opens the file in its Import dialog.

The first start holds a lock file (QLockFile: a lock left by a killed process is taken over, told
by its process id, never by its age) and listens on a local socket. Both live on this machine, in
a folder only this user can enter ($XDG_RUNTIME_DIR, macOS's per-user temporary folder, the
user's temporary folder on Windows), never in the settings folder, which IT may redirect to a
share that several terminal servers see at once. The socket's name carries a random token kept in
the settings folder (readable by this user only), so another user of a shared machine can neither
guess nor squat it; on Windows the pipe also admits this user alone.
A message is one JSON line of at most 64 KB, ``{"open": "/absolute/path" | null}``, answered with
``ok``; anything else is dropped. A window that does not answer within a few seconds (hung, or
still starting) is not waited for: the second start opens its own window, and says so. The demo
and the self-test never take part (each has its own sandbox)."""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import os
import secrets
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from contact_desk.files import FileProblem, atomic_write, private_folder

log = logging.getLogger(__name__)

TOKEN_NAME = "window-token"
MAX_MESSAGE = 64 * 1024
CONNECT_WITHIN_S = 5.0  # the first start takes its lock a moment before it listens
ANSWER_WITHIN_MS = 3000
READ_WITHIN_MS = 3000  # a connection that says nothing whole in this time is dropped
TOKEN_WRITTEN_WITHIN_S = 2.0
MAX_FOLDER_BYTES = 64  # + "/contact-desk-" and 24 hex digits and ".sock": under 104 bytes


def _owned_private(folder: Path) -> bool:
    if sys.platform == "win32":
        return folder.is_dir()  # the user's own temporary folder, under the profile
    try:
        st = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and st.st_mode & 0o077 == 0


def machine_folder() -> Path | None:
    """A folder on this machine that only this user can enter, or None. Read from the environment,
    not from ``tempfile``, which each start points at a folder of its own (files.TempFolder)."""
    if sys.platform == "win32":  # the user's temporary folder, as Windows names it, else the local profile
        places = [Path(p) for p in (os.environ.get(name) for name in ("TMP", "TEMP", "LOCALAPPDATA")) if p]
    else:
        places = [Path(p) for p in (os.environ.get("XDG_RUNTIME_DIR"), os.environ.get("TMPDIR")) if p]
        own = Path("/tmp") / f"contact-desk-{os.getuid()}"  # made once, this user's alone
        with contextlib.suppress(FileProblem):  # another user's folder of that name: not ours, skipped below
            private_folder(own)
        places.append(own)
    # a Unix socket's path has at most 104 bytes (macOS): the folder's leaves room for the name
    def short(p: Path) -> bool:
        return sys.platform == "win32" or len(os.fsencode(p)) <= MAX_FOLDER_BYTES
    return next((p for p in places if short(p) and _owned_private(p)), None)


def _token(folder: Path) -> str:
    """The settings folder's random token (made once, readable by this user only); '' when it
    cannot be read or made. A token left unreadable (a full disk, a crash while it was written) is
    replaced once it is a few seconds old: younger, another first start may be writing it now."""
    path = folder / TOKEN_NAME
    for _ in range(20):  # bounded: another first start may be writing it this very moment
        with contextlib.suppress(OSError):
            token = path.read_text(encoding="ascii", errors="replace").strip()
            if len(token) == 32 and all(c in "0123456789abcdef" for c in token):
                return token
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            try:
                stale = time.time() - path.stat().st_mtime > TOKEN_WRITTEN_WITHIN_S
                if stale:
                    with atomic_write(path, text=True, mode=0o600) as out:
                        out.write(secrets.token_hex(16))
            except (OSError, FileProblem):
                return ""
            if not stale:
                time.sleep(0.05)
            continue  # read what is there now: racing starts agree on the last one written
        except OSError:
            return ""
        with os.fdopen(fd, "w", encoding="ascii") as out:
            token = secrets.token_hex(16)
            out.write(token)
        return token
    return ""


def channel_name(folder: Path) -> str:
    """The socket's name: one per user and settings folder (tests and portable setups point
    CONTACT_DESK_CONFIG_DIR elsewhere, and get their own window), unguessable by other users."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    key = f"{user}\0{folder.absolute()}\0{_token(folder)}".encode("utf-8", "surrogatepass")
    return "contact-desk-" + hashlib.sha256(key).hexdigest()[:24]


def _message(data: bytes) -> tuple[bool, Path | None]:
    """(readable, the file to open) of one message line."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return False, None
    if not isinstance(doc, dict) or "open" not in doc:
        return False, None
    path = doc["open"]
    if path is None:
        return True, None
    if not isinstance(path, str) or "\0" in path or not Path(path).is_absolute():
        return False, None
    return True, Path(path)


@dataclass(eq=False)
class _Peer:
    socket: QLocalSocket
    timer: QTimer
    buffer: bytearray = field(default_factory=bytearray)
    done: bool = False  # its message was read (or refused): nothing more is read


class SingleInstance(QObject):
    opened = Signal(object)  # Path: open this file; None: only come forward

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        """``folder``: the settings folder (one window for each). Owned by ``parent``, else by the
        application: the slots that serve its sockets refer to it, and a Python-owned QObject in
        such a cycle is deleted by the garbage collector at whatever moment it runs, in the middle
        of Qt's event processing (a SIGSEGV "Garbage-collecting" in a self-test under load). It is
        deleted by ``release``, from the event loop."""
        super().__init__(parent if parent is not None else QCoreApplication.instance())
        self.folder = folder
        self.server: QLocalServer | None = None
        self.lock: QLockFile | None = None
        self.server_name = ""  # set with the lock, once the places are known
        self._peers: list[_Peer] = []  # second starts being heard

    def _places(self) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("one window: the settings folder cannot be made (%s); not checked", exc)
            return False
        private = machine_folder()
        if private is None:
            log.warning("one window: no folder of this user's alone on this machine; not checked")
            return False
        name = channel_name(self.folder)
        self.lock = QLockFile(str(private / f"{name}.lock"))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone: a window may run for weeks
        # Unix: a socket file in the private folder; Windows: a named pipe (no files involved)
        self.server_name = name if sys.platform == "win32" else str(private / f"{name}.sock")
        return True

    def claim(self) -> bool:
        """True when this is the first start (the lock is ours, and the socket listens unless the
        log says why not); False when a window already holds the lock."""
        if not self._places():
            return True
        assert self.lock is not None
        if not self.lock.tryLock(0):
            if self.lock.error() == QLockFile.LockError.LockFailedError:
                return False
            log.warning("one window: the lock file cannot be written (%s); not checked", self.lock.error())
            return True
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.server_name)  # a socket left by a killed window: the lock is ours
        if not server.listen(self.server_name):
            log.warning("one window: cannot listen (%s); a second start opens its own window",
                        server.errorString())
            return True
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def release(self) -> None:
        for peer in list(self._peers):
            self._drop(peer)
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock is not None:
            self.lock.unlock()
        self.deleteLater()

    def _accept(self) -> None:
        server = self.server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is not None:
                self._serve(socket)

    def _serve(self, socket: QLocalSocket) -> None:
        """Reads one message. All that follows it (the socket's end, the window coming forward)
        runs from the event loop, never inside the socket's own signal: a slot that closes or
        deletes its sender there, or opens a dialog with an event loop of its own, can crash."""
        peer = _Peer(socket, QTimer(self))
        self._peers.append(peer)
        peer.timer.setSingleShot(True)  # never held open by a silent peer
        peer.timer.timeout.connect(lambda: self._drop(peer))
        peer.timer.start(READ_WITHIN_MS)
        socket.readyRead.connect(lambda: self._read(peer))
        socket.disconnected.connect(lambda: QTimer.singleShot(0, lambda: self._drop(peer)))
        if socket.bytesAvailable():
            QTimer.singleShot(0, lambda: self._read(peer))

    def _read(self, peer: _Peer) -> None:
        if peer.done or peer not in self._peers:
            return
        socket = peer.socket
        peer.buffer.extend(socket.read(MAX_MESSAGE + 1 - len(peer.buffer)).data())
        line, newline, _rest = bytes(peer.buffer).partition(b"\n")
        if not newline and len(peer.buffer) <= MAX_MESSAGE:
            return  # more to come
        peer.done = True
        readable, path = _message(line) if newline else (False, None)
        if not readable:
            log.info("one window: a message over %d bytes, or unreadable, was dropped", MAX_MESSAGE)
            QTimer.singleShot(0, lambda: self._drop(peer))
            return
        socket.write(b"ok\n")
        socket.flush()

        def heard() -> None:
            self._drop(peer, gently=True)
            self.opened.emit(path)
        QTimer.singleShot(0, heard)

    def _drop(self, peer: _Peer, gently: bool = False) -> None:
        """The end of a connection: ``gently`` once the answer is written (it is sent first)."""
        if peer not in self._peers:
            return
        self._peers.remove(peer)
        peer.timer.stop()
        peer.timer.deleteLater()
        socket = peer.socket
        with contextlib.suppress(RuntimeError, TypeError):  # already gone with its server
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            if gently and socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                socket.disconnected.connect(socket.deleteLater)  # after the answer has left
                socket.disconnectFromServer()
                return
            socket.abort()
            socket.deleteLater()

    def hand_over(self, path: Path | None) -> bool:
        """Sends ``path`` (or nothing) to the window holding the lock; True once it said ok.
        Blocks (no window is shown yet) for at most CONNECT_WITHIN_S of tries to connect, then
        ANSWER_WITHIN_MS for the answer, however the peer trickles it."""
        message = json.dumps({"open": str(path.absolute()) if path else None}).encode() + b"\n"
        if len(message) > MAX_MESSAGE or not (self.server_name or self._places()):
            return False
        if sys.platform == "win32":  # this start has the right to the foreground: lend it to the window
            import ctypes

            with contextlib.suppress(OSError, AttributeError):  # refused: the taskbar entry flashes instead
                ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
        deadline = time.monotonic() + CONNECT_WITHIN_S
        for _ in range(100):  # bounded however the clock behaves
            answered = self._exchange(message)
            if answered is not None:
                return answered
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)  # the first start takes its lock a moment before it listens
        return False

    def _exchange(self, message: bytes) -> bool | None:
        """None when no window listens; else whether it answered ok in time. Driven by the socket's
        signals in a local event loop: QLocalSocket.waitForReadyRead misses an answer that arrives
        while it waits (it returned False after 3 s with "ok" there, Qt 6.11 on Linux)."""
        socket, loop, timer = QLocalSocket(), QEventLoop(), QTimer()
        answer = bytearray()
        reached: list[bool] = []

        def connected() -> None:
            reached.append(True)
            socket.write(message)

        def ready() -> None:
            answer.extend(socket.read(16).data())
            if b"\n" in answer or len(answer) >= 16:
                loop.quit()

        socket.connected.connect(connected)
        socket.readyRead.connect(ready)
        socket.disconnected.connect(loop.quit)
        socket.errorOccurred.connect(lambda _error: loop.quit())
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(ANSWER_WITHIN_MS)
        socket.connectToServer(self.server_name)
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:  # else refused at once
            loop.exec()
        timer.stop()
        answer.extend(socket.read(16).data())
        socket.abort()
        for signal in (socket.connected, socket.readyRead, socket.disconnected, socket.errorOccurred,
                       timer.timeout):  # no cycle left for the garbage collector to end at random
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()
        if not reached:
            return None
        return bytes(answer).startswith(b"ok\n")


def come_forward(window: QWidget) -> None:
    """The window, in front of the user: restored if minimised, raised, focused where the system
    lets a background process do so, and its taskbar entry flashed where it does not."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)


def start_or_hand_over(folder: Path, path: Path | None) -> tuple[bool, SingleInstance | None]:
    """(whether to open a window, the instance that holds the lock when it is ours). A second
    start hands ``path`` over and says so; one whose window does not answer opens its own."""
    instance = SingleInstance(folder)
    if instance.claim():
        return True, instance
    handed = instance.hand_over(path)
    instance.deleteLater()  # only its name was needed: deleted once the hand-over's event loop is done
    if handed:
        if path is not None:
            text = QApplication.translate("SingleInstance",
                                          "Contact Desk is already open: {file} was handed to it.")
        else:
            text = QApplication.translate("SingleInstance",
                                          "Contact Desk is already open: its window was brought forward.")
        print(text.format(file=path.name if path else ""), flush=True)
        return False, None
    print(QApplication.translate("SingleInstance",
                                 "Contact Desk is already open but does not answer: a second window opens."),
          file=sys.stderr, flush=True)
    return True, None
