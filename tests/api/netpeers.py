"""An office network on 127.0.0.1, for the tests: an HTTP CONNECT proxy (optionally asking for
Basic credentials) that counts what goes through it and maps the company's host names to local
ports (so no name is ever looked up), and a TLS front whose certificate a test CA signs, in front
of the sandbox. Real sockets, threads of their own; nothing of the machine's is changed."""

from __future__ import annotations

import base64
import contextlib
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

READ = 65536


def _pipe(a: socket.socket, b: socket.socket) -> None:
    """Bytes from ``a`` to ``b`` until either end closes."""
    with contextlib.suppress(OSError):
        while data := a.recv(READ):
            b.sendall(data)
    for s in (a, b):
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)


def _both_ways(a: socket.socket, b: socket.socket) -> None:
    threading.Thread(target=_pipe, args=(b, a), daemon=True).start()
    _pipe(a, b)
    a.close()
    b.close()


class _Server:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.sock.close()


@dataclass
class Seen:
    connects: list[str] = field(default_factory=list)  # "host:port" of each CONNECT let through
    refused: int = 0  # CONNECTs answered 407


class ConnectProxy(_Server):
    """``hosts`` maps a CONNECT target ("crm.example.test:443") to a local port; ``user`` and
    ``password``: Basic credentials it asks for (407 without them)."""

    def __init__(self, hosts: dict[str, int], user: str | None = None, password: str | None = None) -> None:
        self.hosts, self.seen = hosts, Seen()
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.expected = f"Basic {token}" if user else None
        super().__init__()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def serve(self, conn: socket.socket) -> None:
        head = b""
        with contextlib.suppress(OSError):
            while b"\r\n\r\n" not in head and len(head) < 16384:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                head += chunk
        lines = head.decode("latin-1").split("\r\n")
        method, target = [*lines[0].split(" "), "", ""][:2]
        headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
        if method != "CONNECT" or target not in self.hosts:
            conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            conn.close()
            return
        if self.expected is not None and headers.get("proxy-authorization") != self.expected:
            self.seen.refused += 1
            conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic "
                         b"realm=\"office\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            conn.close()
            return
        upstream = socket.create_connection(("127.0.0.1", self.hosts[target]))
        self.seen.connects.append(target)
        conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        _both_ways(conn, upstream)


class TlsFront(_Server):
    """TLS on 127.0.0.1 with ``context``'s certificate, the plain bytes passed to ``upstream``."""

    def __init__(self, context: ssl.SSLContext, upstream: int) -> None:
        self.context, self.upstream = context, upstream
        super().__init__()

    def serve(self, conn: socket.socket) -> None:
        try:
            tls = self.context.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError):
            conn.close()  # the client refused our certificate: what the tests expect, often
            return
        _both_ways(tls, socket.create_connection(("127.0.0.1", self.upstream)))


@contextlib.contextmanager
def serving(*servers: _Server) -> Iterator[None]:
    try:
        yield
    finally:
        for s in servers:
            s.close()


class Switch(_Server):
    """The server switched off and on: while off nothing listens on its port (every connection is
    refused, as when the network or the server is down) and the connections made while on are cut;
    on again, the same port listens and passes bytes to ``upstream``."""

    def __init__(self, upstream: int) -> None:
        self.upstream = upstream
        self._open: list[socket.socket] = []
        super().__init__()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def off(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread: nothing listens any more
        self.sock.close()
        self._thread.join(timeout=5)
        for s in self._open:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
        self._open.clear()

    def on(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", self.port))
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def serve(self, conn: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream))
        for s in (conn, upstream):  # no delayed-ACK stalls: the relay adds nothing a bench could see
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._open += [conn, upstream]
        _both_ways(conn, upstream)
