"""Runs the sandbox: in-process on a background thread, or from the command line."""

from __future__ import annotations

import asyncio
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType

import uvicorn
from starlette.middleware.gzip import GZipMiddleware

from contact_desk.sandbox.build import Progress, build, open_database
from contact_desk.sandbox.demo_data import DEMO_KEYS, DemoKey
from contact_desk.sandbox.faults import FaultMiddleware, Faults, FaultState, RecordedRequest
from contact_desk.sandbox.routes import build_app
from contact_desk.sandbox.store import Store

DEFAULT_CONTACTS = 10_000


class SandboxError(RuntimeError):
    """The sandbox could not start."""


class Sandbox:
    """A real HTTP server for both dialects on SQLite.

    ``with Sandbox(contacts=500) as sb: sb.base_url`` starts it on an ephemeral
    loopback port in a background thread and stops it on exit. ``db`` names a
    folder to keep the built database in (reused by later runs with the same
    size and seed); without it a temporary folder is used and removed.
    """

    def __init__(self, contacts: int = DEFAULT_CONTACTS, seed: int = 1, db: Path | None = None,
                 host: str = "127.0.0.1", port: int = 0, faults: Faults | None = None,
                 progress: Progress | None = None, compress: bool = False) -> None:
        """``compress``: gzip every answer a client accepts so (errors too), as servers behind
        nginx or a CDN do."""
        if contacts < 0:
            raise ValueError("contacts must not be negative")
        self.contacts = contacts
        self.seed = seed
        self.host = host
        self._port = port
        self._db = db
        self._tmp: Path | None = None
        self._state = FaultState(current=faults or Faults(), seed=seed)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.build_seconds = 0.0
        self._progress = progress  # (contacts built, contacts in all), called from start()'s thread
        self.compress = compress
        self._store: Store | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- lifecycle ---------------------------------------------------------
    def start(self) -> Sandbox:
        folder = self._db
        if folder is None:
            self._tmp = folder = Path(tempfile.mkdtemp(prefix="contact-desk-sandbox-"))
        started = time.perf_counter()
        files = build(folder, self.contacts, self.seed, self._progress)
        self.build_seconds = time.perf_counter() - started
        con = open_database(files, self.contacts, self.seed)
        store = Store(con)
        api = build_app(store, self._state)
        app = FaultMiddleware(GZipMiddleware(api, minimum_size=0) if self.compress else api, self._state)
        # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only
        # when it sees it, and without it small answers wait ~40 ms for a delayed ACK.
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self._port))
        self._port = sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                timeout_keep_alive=30)
        server = uvicorn.Server(config)
        self._server = server

        self._store = store

        async def run() -> None:
            self._loop = asyncio.get_running_loop()
            await server.serve(sockets=[sock])

        def serve() -> None:
            try:
                asyncio.run(run())
            except BaseException as exc:  # reported by start() or stop()
                self._error = exc
            finally:
                sock.close()
                con.close()

        self._thread = threading.Thread(target=serve, name="contact-desk-sandbox", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if self._error is not None or not self._thread.is_alive():
                raise SandboxError(f"the sandbox did not start: {self._error!r}")
            if time.monotonic() > deadline:
                raise SandboxError("the sandbox did not start within 30 s")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- what tests and the demo use ---------------------------------------
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self._port}"

    @property
    def faults(self) -> Faults:
        return self._state.current

    @faults.setter
    def faults(self, value: Faults) -> None:
        self._state.current = value

    @property
    def keys(self) -> tuple[DemoKey, ...]:
        return DEMO_KEYS

    def inject(self, *faults: str | int) -> None:
        """Queues one-shot faults for the next API requests, in order:
        "drop", "malformed", 429 or 503."""
        for fault in faults:
            if fault not in ("drop", "malformed", 429, 503):
                raise ValueError(f"unknown fault {fault!r}")
        with self._state.lock:
            self._state.queued.extend(faults)

    @property
    def max_in_flight(self) -> int:
        """The most API requests the server has handled at once since the last reset."""
        return self._state.max_in_flight

    def reset_stats(self) -> None:
        with self._state.lock:
            self._state.max_in_flight = self._state.in_flight
            self._state.queued.clear()

    def requests(self) -> list[RecordedRequest]:
        """What the server received, oldest first (no Authorization header kept)."""
        return self._state.recorded()

    def clear_requests(self) -> None:
        self._state.clear()

    def revoke(self, key: str) -> None:
        """The key is refused (401) from now on, as if revoked on the vendor's site (tests only).
        Runs on the server's thread."""
        store, loop = self._store, self._loop
        if store is None or loop is None:
            raise SandboxError("the sandbox is not running")

        async def revoke() -> None:
            store.con.execute("DELETE FROM temp.api_keys WHERE key = ?", (key,))

        asyncio.run_coroutine_threadsafe(revoke(), loop).result(timeout=10)

    def remove(self, key: str, contact_id: str) -> bool:
        """Deletes a contact of ``key``'s tenant, as if removed on the vendor's site (tests only:
        neither API has a delete). Runs on the server's thread; True when it existed."""
        store, loop = self._store, self._loop
        if store is None or loop is None:
            raise SandboxError("the sandbox is not running")
        demo = next((k for k in DEMO_KEYS if k.key == key), None)
        if demo is None:
            raise ValueError(f"unknown demo key {key!r}")
        dialect = "replicer" if key.startswith("rpl_") else "smartcq"

        async def remove() -> bool:
            return store.remove(demo.tenant_id, dialect, contact_id)

        return asyncio.run_coroutine_threadsafe(remove(), loop).result(timeout=10)
