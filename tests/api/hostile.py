"""A small misbehaving HTTP server for the client's failure tests: raw asyncio on
127.0.0.1 in a background thread, so it can do what no well-behaved framework
would (drip bytes, never end a body, send a gzip bomb, lie about totals).

``with Hostile(handler) as h: h.base_url``; ``handler(method, path, query)``
returns an ``Answer``. Every request is counted in ``h.requests``.
"""

from __future__ import annotations

import asyncio
import threading
import zlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import parse_qs, urlsplit


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    # A body produced piece by piece (chunked encoding); ``pause`` seconds between pieces.
    stream: Callable[[], AsyncIterator[bytes]] | None = None


Handler = Callable[[str, str, dict[str, str]], Answer]


def gzip_bomb(inflated: int) -> bytes:
    """A gzip body of about inflated/1000 bytes that inflates to ``inflated`` zero bytes."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1024 * 1024)
    parts = [comp.compress(block) for _ in range(inflated // len(block))]
    parts.append(comp.flush())
    return b"".join(parts)


class Hostile:
    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                length = 0
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length:
                    await reader.readexactly(length)
                self.requests += 1
                url = urlsplit(target)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                answer = self.handler(method, url.path, query)
                headers = {"content-type": "application/json", **answer.headers}
                if answer.stream is None:
                    headers.setdefault("content-length", str(len(answer.body)))
                else:
                    headers["transfer-encoding"] = "chunked"
                out = f"HTTP/1.1 {answer.status} X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
                writer.write(out.encode("latin-1") + b"\r\n")
                if answer.stream is None:
                    writer.write(answer.body)
                    await writer.drain()
                    continue
                async for piece in answer.stream():
                    writer.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    await writer.drain()
                writer.write(b"0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop

        async def start() -> None:
            self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
            self.port = self._server.sockets[0].getsockname()[1]
            self._ready.set()

        loop.run_until_complete(start())
        loop.run_forever()
        if self._server is not None:
            self._server.close()
        tasks = asyncio.all_tasks(loop)
        for task in tasks:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        loop.close()

    def __enter__(self) -> Hostile:
        self._thread = threading.Thread(target=self._run, name="hostile-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the hostile server did not start")
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)
